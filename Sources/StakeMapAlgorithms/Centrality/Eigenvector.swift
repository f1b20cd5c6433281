import StakeMapGraph

/// Eigenvector centrality (P. Bonacich, "Factoring and weighting approaches to status scores
/// and clique identification", J. Math. Sociol. 2:113–120, 1972; "Power and centrality: a
/// family of measures", Am. J. Sociol. 92:1170–1182, 1987): a node is central when its
/// neighbours are, i.e. the leading eigenvector of the weighted adjacency matrix A.
public enum Eigenvector {
  /// `nx.eigenvector_centrality_numpy(G, weight="weight")` (../shared/SPEC.md §3): the eigenvector of A
  /// (tie strengths, not distances) for its largest eigenvalue, non-negative, with unit
  /// Euclidean norm. Converged to a residual ‖Ax − λx‖ ≤ 1e-13·λ per component, i.e. to about
  /// 1e-12 in every entry for graphs with a reasonable spectral gap (1e-10 or better is what
  /// ../shared/SPEC.md §3 requires).
  ///
  /// Method: the graph is split into connected components; for each, the Perron vector (the
  /// leading eigenvector of a connected component is simple and positive, Perron–Frobenius) is
  /// found with the Lanczos method (C. Lanczos, J. Res. Nat. Bur. Standards 45:255–282, 1950)
  /// with full reorthogonalisation, explicitly restarted from the current Ritz vector, the
  /// small tridiagonal problem solved by Jacobi rotations. Lanczos takes the algebraically
  /// largest eigenvalue, so bipartite graphs (eigenvalues ±λ, where plain power iteration
  /// oscillates) need no special care.
  ///
  /// Repeated leading eigenvalue. When several components share the largest eigenvalue (two
  /// identical components; a graph without edges, where A = 0) the leading eigenvector is not
  /// unique, and NetworkX 3.6's `eigenvector_centrality_numpy` refuses disconnected graphs
  /// (AmbiguousSolution) and fails for n ≤ 2. StakeMap returns the orthogonal projection of
  /// the all-ones vector onto the leading eigenspace, normalised: Σ_c ⟨1, x_c⟩·x_c over the
  /// tied components c with unit Perron vectors x_c. That is exactly the limit of NetworkX's
  /// power-iteration variant `eigenvector_centrality` (A + I from all ones), so the convention
  /// is NetworkX's where it has one. Consequences: components whose eigenvalue is smaller get
  /// 0 (isolated nodes get 0 unless the graph has no edges at all); a graph without edges
  /// gives every node 1/√n; a single node gives 1. Eigenvalues within 1e-10 (relative) of
  /// each other count as tied. On connected graphs with n ≥ 3 the result equals
  /// `eigenvector_centrality_numpy` to 1e-12 or better (asserted for every fixture by
  /// Scripts/fixtures/make-centrality-fixtures.py; 2e-16 against scipy's `eigsh` on the 10,000-node benchmark
  /// graph).
  ///
  /// - Complexity: per component of s nodes and e edges, O(k·(e + k·s)) per Lanczos cycle with
  ///   basis size k ≤ 64; one cycle suffices for s ≤ 64, and a handful for typical networks.
  ///   Memory O(k·s).
  public static func compute(_ g: Graph) -> [Double] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    let components = ConnectedComponents(g).lists
    // Bounds on each component's largest eigenvalue λ (A ≥ 0, symmetric): λ ≤ the largest
    // strength; λ ≥ the Rayleigh quotients of the all-ones vector (the mean strength) and of a
    // node's star (√Σ_j w_ij²). Components are solved in order of their lower bound, and one
    // whose upper bound lies below the tie threshold of the best found so far is skipped: its
    // entries would be 0 anyway (a long chain beside a hub-rich component costs nothing).
    var lower = [Double](repeating: 0, count: components.count)
    var upper = [Double](repeating: 0, count: components.count)
    for (c, members) in components.enumerated() {
      var total = 0.0
      for v in members {
        var strength = 0.0
        var squares = 0.0
        for e in g.edgeRange(v) {
          strength += g.weights[e]
          squares += g.weights[e] * g.weights[e]
        }
        total += strength
        upper[c] = max(upper[c], strength)
        lower[c] = max(lower[c], squares.squareRoot())
      }
      lower[c] = max(lower[c], total / Double(members.count))
    }
    let order = components.indices.sorted {
      lower[$0] > lower[$1] || (lower[$0] == lower[$1] && $0 < $1)
    }
    var perron = [(value: Double, vector: [Double])?](repeating: nil, count: components.count)
    var top = 0.0
    for c in order {
      // Lanczos' Ritz value never exceeds λ ≤ upper[c]; the margin covers rounding.
      if upper[c] < (top - 1e-10 * top) * (1 - 1e-12) { continue }
      let p = perronVector(g, members: components[c])
      perron[c] = p
      top = max(top, p.value)
    }
    var x = [Double](repeating: 0, count: n)
    let threshold = top - 1e-10 * top
    for (members, solved) in zip(components, perron) {
      guard let p = solved, p.value >= threshold else { continue }
      var overlap = 0.0  // ⟨1, x_c⟩
      for v in p.vector { overlap += v }
      for (i, v) in members.enumerated() { x[v] = overlap * p.vector[i] }
    }
    var norm = 0.0
    for v in x { norm += v * v }
    norm = norm.squareRoot()
    return x.map { $0 / norm }
  }

  /// The largest eigenvalue of a connected component and its positive unit eigenvector (in the
  /// order of `members`).
  static func perronVector(_ g: Graph, members: [Int]) -> (value: Double, vector: [Double]) {
    let s = members.count
    if s == 1 { return (0, [1]) }
    // The component as a local CSR matrix.
    var local = [Int: Int32]()
    local.reserveCapacity(s)
    for (i, v) in members.enumerated() { local[v] = Int32(i) }
    var offsets = [Int](repeating: 0, count: s + 1)
    var columns: [Int32] = []
    var values: [Double] = []
    var bound = 0.0  // max strength ≥ ‖A‖₂
    for (i, v) in members.enumerated() {
      var strength = 0.0
      for e in g.edgeRange(v) {
        columns.append(local[Int(g.neighbors[e])]!)
        values.append(g.weights[e])
        strength += g.weights[e]
      }
      bound = max(bound, strength)
      offsets[i + 1] = columns.count
    }
    let matrix = SymmetricCSR(offsets: offsets, columns: columns, values: values)
    var (value, vector) = lanczos(matrix, bound: bound)
    // Fix the sign (the Perron vector is positive) and clear rounding noise below zero.
    var sum = 0.0
    for v in vector { sum += v }
    if sum < 0 { for i in vector.indices { vector[i] = -vector[i] } }
    var norm = 0.0
    for i in vector.indices {
      vector[i] = max(0, vector[i])
      norm += vector[i] * vector[i]
    }
    norm = norm.squareRoot()
    for i in vector.indices { vector[i] /= norm }
    value = max(value, 0)
    return (value, vector)
  }

  struct SymmetricCSR {
    let offsets: [Int]
    let columns: [Int32]
    let values: [Double]
    var count: Int { offsets.count - 1 }

    func multiply(_ x: UnsafeBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
      for i in 0..<count {
        var acc = 0.0
        for e in offsets[i]..<offsets[i + 1] { acc += values[e] * x[Int(columns[e])] }
        y[i] = acc
      }
    }
  }

  /// Largest eigenpair of a symmetric matrix by restarted Lanczos with full
  /// reorthogonalisation ("twice is enough": two Gram–Schmidt passes), starting from the
  /// uniform vector, which overlaps every positive vector. Stops when the explicit residual
  /// ‖Ax − θx‖ ≤ 1e-13·bound, or when it has not improved for three restarts (rounding floor).
  static func lanczos(_ a: SymmetricCSR, bound: Double) -> (Double, [Double]) {
    let s = a.count
    // Basis size: 64 vectors, fewer for huge components (≤ 2²⁴ doubles = 128 MB of basis
    // down to 8 vectors; beyond 2 million nodes, 8 vectors).
    let k = min(s, max(8, min(64, (1 << 24) / s)))
    var basis = [Double](repeating: 0, count: k * s)
    var w = [Double](repeating: 0, count: s)
    var x = [Double](repeating: 1 / Double(s).squareRoot(), count: s)
    var theta = 0.0
    var bestResidual = Double.infinity
    var best = (0.0, x)
    var stalls = 0
    for _ in 0..<1000 {
      var alpha = [Double]()
      var beta = [Double]()
      for i in 0..<s { basis[i] = x[i] }
      var size = 0
      while size < k {
        let j = size
        size += 1
        basis.withUnsafeBufferPointer { q in
          w.withUnsafeMutableBufferPointer { w in
            a.multiply(UnsafeBufferPointer(rebasing: q[(j * s)..<((j + 1) * s)]), into: w)
          }
        }
        // Full reorthogonalisation against every basis vector, twice; the first pass's
        // coefficient on q_j is α_j, on q_{j−1} it is β_{j−1} (up to rounding).
        var aj = 0.0
        for _ in 0..<2 {
          for i in 0...j {
            var c = 0.0
            for t in 0..<s { c += basis[i * s + t] * w[t] }
            for t in 0..<s { w[t] -= c * basis[i * s + t] }
            if i == j { aj += c }
          }
        }
        alpha.append(aj)
        if size == k { break }
        var b = 0.0
        for t in 0..<s { b += w[t] * w[t] }
        b = b.squareRoot()
        if b <= 1e-14 * bound { break }  // invariant subspace: the Ritz values are exact
        beta.append(b)
        for t in 0..<s { basis[size * s + t] = w[t] / b }
      }
      // Ritz pair for the largest eigenvalue of the tridiagonal projection.
      let (value, y) = largestEigenpair(alpha: alpha, beta: beta)
      theta = value
      for t in 0..<s { x[t] = 0 }
      for i in 0..<size {
        let yi = y[i]
        for t in 0..<s { x[t] += yi * basis[i * s + t] }
      }
      var norm = 0.0
      for t in 0..<s { norm += x[t] * x[t] }
      norm = norm.squareRoot()
      for t in 0..<s { x[t] /= norm }
      // Explicit residual.
      x.withUnsafeBufferPointer { x in
        w.withUnsafeMutableBufferPointer { w in a.multiply(x, into: w) }
      }
      var residual = 0.0
      for t in 0..<s {
        let r = w[t] - theta * x[t]
        residual += r * r
      }
      residual = residual.squareRoot()
      if residual < bestResidual {
        bestResidual = residual
        best = (theta, x)
        stalls = 0
      } else {
        stalls += 1  // at the rounding floor
      }
      if residual <= 1e-13 * bound || size < k || stalls >= 3 { break }
    }
    return best
  }

  /// The largest eigenvalue of the symmetric tridiagonal matrix (diagonal `alpha`,
  /// off-diagonal `beta`) and its unit eigenvector, by cyclic Jacobi rotations (accurate to
  /// rounding for every eigenpair; the matrix has at most 64 rows).
  static func largestEigenpair(alpha: [Double], beta: [Double]) -> (Double, [Double]) {
    let k = alpha.count
    var m = [Double](repeating: 0, count: k * k)
    var v = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      m[i * k + i] = alpha[i]
      v[i * k + i] = 1
      if i + 1 < k {
        m[i * k + i + 1] = beta[i]
        m[(i + 1) * k + i] = beta[i]
      }
    }
    // Rotations below 1e-18 of the matrix norm only shuffle rounding noise: such entries are
    // set to zero, and the sweeps stop once a sweep rotates nothing (quadratic convergence:
    // typically 6–10 sweeps).
    var frobenius = 0.0
    for e in m { frobenius += e * e }
    let negligible = 1e-18 * frobenius.squareRoot()
    for _ in 0..<100 {
      var rotated = false
      for p in 0..<(k - 1) {
        for q in (p + 1)..<k {
          let apq = m[p * k + q]
          if apq == 0 { continue }
          if abs(apq) <= negligible {
            m[p * k + q] = 0
            m[q * k + p] = 0
            continue
          }
          rotated = true
          let app = m[p * k + p]
          let aqq = m[q * k + q]
          let tau = (aqq - app) / (2 * apq)
          let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
          let c = 1 / (1 + t * t).squareRoot()
          let sn = t * c
          // M ← Jᵀ M J on rows and columns p, q; V ← V J.
          for r in 0..<k {
            let mrp = m[r * k + p]
            let mrq = m[r * k + q]
            m[r * k + p] = c * mrp - sn * mrq
            m[r * k + q] = sn * mrp + c * mrq
          }
          for r in 0..<k {
            let mpr = m[p * k + r]
            let mqr = m[q * k + r]
            m[p * k + r] = c * mpr - sn * mqr
            m[q * k + r] = sn * mpr + c * mqr
          }
          for r in 0..<k {
            let vrp = v[r * k + p]
            let vrq = v[r * k + q]
            v[r * k + p] = c * vrp - sn * vrq
            v[r * k + q] = sn * vrp + c * vrq
          }
        }
      }
      if !rotated { break }
    }
    var top = 0
    for i in 1..<max(k, 1) where m[i * k + i] > m[top * k + top] { top = i }
    return (m[top * k + top], (0..<k).map { v[$0 * k + top] })
  }
}
