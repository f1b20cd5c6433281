import StakeMapGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Burt's structural-hole measures (R. S. Burt, *Structural Holes: The Social Structure of
/// Competition*, Harvard University Press, 1992): how much of a node's network is redundant
/// (its contacts are tied to each other) and how much spans holes between otherwise
/// unconnected contacts.
///
/// Weighted as NetworkX 3.6 documents them with `weight="weight"`: on the undirected graph the
/// mutual weight of i and j is 2·w_ij, so the proportional tie strength is
/// p_ij = w_ij / s_i (s_i the strength of i), and the marginal strength is
/// m_jq = w_jq / max_x w_jx. With all weights 1 these are Burt's binary measures. (See
/// ``effectiveSize(_:)`` for where NetworkX's all-nodes effective size departs from this.)
///
/// Isolated nodes (no ties) have no ego network: every measure is NaN for them, as NetworkX
/// reports; JSON writers should show NaN as `null` ("not defined").
public enum StructuralHoles {
  /// The four measures for every node, in node order.
  public struct Measures: Sendable, Equatable {
    /// ``StructuralHoles/constraint(_:)``
    public var constraint: [Double]
    /// ``StructuralHoles/effectiveSize(_:)``
    public var effectiveSize: [Double]
    /// ``StructuralHoles/efficiency(_:)``
    public var efficiency: [Double]
    /// ``StructuralHoles/hierarchy(_:)``
    public var hierarchy: [Double]

    public init(
      constraint: [Double], effectiveSize: [Double], efficiency: [Double], hierarchy: [Double]
    ) {
      self.constraint = constraint
      self.effectiveSize = effectiveSize
      self.efficiency = efficiency
      self.hierarchy = hierarchy
    }

    // NaN != NaN: compare bit patterns so that equal results compare equal.
    public static func == (a: Measures, b: Measures) -> Bool {
      func same(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
      }
      return same(a.constraint, b.constraint) && same(a.effectiveSize, b.effectiveSize)
        && same(a.efficiency, b.efficiency) && same(a.hierarchy, b.hierarchy)
    }
  }

  /// All four measures from one pass over every node's two-step neighbourhood.
  ///
  /// For node i with contacts N(i), c_ij = (p_ij + Σ_{q ∈ N(i) ∩ N(j)} p_iq p_qj)² is the
  /// constraint of contact j on i, and r_ij = Σ_{q ∈ N(i) ∩ N(j)} p_iq m_jq the redundancy of j.
  /// The pass scatters p_i· over N(i) and walks every q ∈ N(i) and j ∈ N(q) ∩ N(i) once.
  ///
  /// - Complexity: O(Σ_q deg(q)²) time (the two-paths), O(n) memory. Deterministic.
  public static func compute(_ g: Graph) -> Measures {
    let n = g.nodeCount
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    var efficiency = [Double](repeating: .nan, count: n)
    var hierarchy = [Double](repeating: .nan, count: n)
    let strength = (0..<n).map { g.strength($0) }
    var maxWeight = [Double](repeating: 0, count: n)
    for v in 0..<n {
      for e in g.edgeRange(v) { maxWeight[v] = max(maxWeight[v], g.weights[e]) }
    }
    var mark = [Int32](repeating: -1, count: n)
    var indirect = [Double](repeating: 0, count: n)
    var redundancy = [Double](repeating: 0, count: n)
    var local: [Double] = []
    for i in 0..<n {
      let row = g.edgeRange(i)
      guard !row.isEmpty else { continue }  // isolate: NaN
      let i32 = Int32(i)
      for e in row {
        let j = Int(g.neighbors[e])
        mark[j] = i32
        indirect[j] = 0
        redundancy[j] = 0
      }
      let si = strength[i]
      for e in row {
        let q = Int(g.neighbors[e])
        let piq = g.weights[e] / si
        let sq = strength[q]
        for f in g.edgeRange(q) {
          let j = Int(g.neighbors[f])
          guard mark[j] == i32 else { continue }
          let wqj = g.weights[f]
          indirect[j] += piq * (wqj / sq)
          redundancy[j] += piq * (wqj / maxWeight[j])
        }
      }
      local.removeAll(keepingCapacity: true)
      var c = 0.0
      var size = 0.0
      for e in row {
        let j = Int(g.neighbors[e])
        let term = g.weights[e] / si + indirect[j]
        let cij = term * term
        local.append(cij)
        c += cij
        size += 1 - redundancy[j]
      }
      let degree = Double(row.count)
      constraint[i] = c
      effective[i] = size
      efficiency[i] = size / degree
      hierarchy[i] = coleman(local, total: c)
    }
    return Measures(
      constraint: constraint, effectiveSize: effective, efficiency: efficiency,
      hierarchy: hierarchy)
  }

  /// Burt's constraint C_i = Σ_{j ∈ N(i)} (p_ij + Σ_q p_iq p_qj)², exactly
  /// `nx.constraint(G, weight="weight")` (NetworkX PR #2378's corrected formula). High: i's
  /// contacts are tied to each other (a closed group); low: i spans structural holes. NaN for
  /// isolates.
  public static func constraint(_ g: Graph) -> [Double] { compute(g).constraint }

  /// Burt's effective size e_i = Σ_{j ∈ N(i)} (1 − Σ_q p_iq m_jq), m_jq = w_jq / max_x w_jx
  /// (j's tie to q relative to j's strongest tie): the formula NetworkX documents, and what
  /// `nx.effective_size(G, nodes=list(G), weight="weight")` returns. Unweighted, it equals
  /// Borgatti's simplification n − 2t/n (S. P. Borgatti, "Structural holes: unpacking Burt's
  /// redundancy measures", Connections 20(1):35–38, 1997; n contacts, t ties among them).
  ///
  /// NetworkX 3.6 caveat (weighted graphs only): the all-nodes call
  /// `nx.effective_size(G, weight="weight")` takes a sparse-matrix path that divides by
  /// `csr_array.max(axis=1).toarray()`, a 1-D array, which broadcasts over columns: it divides
  /// w_jq by q's strongest tie instead of j's. That differs from the documented formula and
  /// from NetworkX's own per-node path (up to 2.8 on Les Misérables); StakeMap follows the
  /// documented formula. With all weights 1 both paths agree. NaN for isolates.
  public static func effectiveSize(_ g: Graph) -> [Double] { compute(g).effectiveSize }

  /// Burt's efficiency: effective size / number of contacts (degree), in (0, 1]: the share of
  /// i's contacts that are non-redundant. Not in NetworkX (its documentation gives exactly this
  /// quotient as the recipe). NaN for isolates.
  public static func efficiency(_ g: Graph) -> [Double] { compute(g).efficiency }

  /// Burt's hierarchy: how unequally i's constraint is spread over its N contacts, the
  /// Coleman–Theil disorder index of the contact constraints c_ij (Burt 1992, ch. 2; R. S. Burt,
  /// "The network structure of social capital", Res. Organ. Behav. 22:345–423, 2000):
  ///
  ///     H_i = Σ_j r_j ln r_j / (N ln N),   r_j = c_ij / (C_i / N),
  ///
  /// 0 when the constraint is spread evenly, 1 when one contact holds all of it. By convention
  /// H = 0 for a node with one contact (N ln N = 0; all constraint is in that one contact and
  /// nothing is unequal); NaN for isolates. Not in NetworkX (networkx issue #3467).
  public static func hierarchy(_ g: Graph) -> [Double] { compute(g).hierarchy }

  /// Coleman–Theil index of the contact constraints (see ``hierarchy(_:)``).
  static func coleman(_ local: [Double], total: Double) -> Double {
    let count = local.count
    guard count > 1, total > 0 else { return 0 }
    let n = Double(count)
    let mean = total / n
    var sum = 0.0
    for c in local where c > 0 {
      let r = c / mean
      sum += r * log(r)
    }
    return sum / (n * log(n))
  }
}

/// Gould and Fernandez's brokerage roles (R. V. Gould and R. M. Fernandez, "Structures of
/// mediation: a formal approach to brokerage in transaction networks", Sociological
/// Methodology 19:89–126, 1989): for every open two-path a → v → b (a ≠ b, no arc a → b), the
/// broker v plays one of five roles, by the groups of a, v and b:
///
/// | role | groups | R sna::brokerage |
/// |---|---|---|
/// | coordinator | A → A → A (all one group) | w_I |
/// | itinerant (consultant) | A → B → A (broker outside the pair's group) | w_O |
/// | representative | A → A → B (broker in the sender's group) | b_IO |
/// | gatekeeper | A → B → B (broker in the receiver's group) | b_OI |
/// | liaison | A → B → C (three different groups) | b_O |
///
/// Counts are raw counts of two-paths (sna's observed values); the expectations under random
/// group assignment are not computed here.
///
/// Undirected ties: every tie is two arcs (``DirectedGraph/init(symmetrizing:)``), so every
/// open triad a – v – b is counted twice, as a → v → b and b → v → a. Then a representative
/// two-path read backwards is a gatekeeper two-path, so representative == gatekeeper for every
/// node (a "boundary spanner"), and every count is twice the number of unordered open triads.
public enum Brokerage {
  /// A directed graph in CSR form: out-arcs and in-arcs per node, each sorted, duplicate arcs
  /// merged, self-loops dropped. Unweighted (brokerage counts arcs).
  public struct DirectedGraph: Sendable, Equatable {
    /// The number of nodes, `0..<nodeCount`.
    public let nodeCount: Int
    /// Out-arcs of v: `outNeighbors[outOffsets[v]..<outOffsets[v+1]]`, ascending.
    public let outOffsets: [Int32]
    public let outNeighbors: [Int32]
    /// In-arcs of v: `inNeighbors[inOffsets[v]..<inOffsets[v+1]]`, ascending.
    public let inOffsets: [Int32]
    public let inNeighbors: [Int32]

    /// The number of arcs (after merging duplicates).
    public var arcCount: Int { outNeighbors.count }

    /// Builds the graph from arcs `(from, to)`.
    /// - Complexity: O(n + a log a).
    public init(nodeCount n: Int, arcs: some Sequence<(Int, Int)>) {
      var list: [(Int32, Int32)] = []
      for (a, b) in arcs where a != b {
        precondition(a >= 0 && a < n && b >= 0 && b < n, "arc endpoint out of range")
        list.append((Int32(a), Int32(b)))
      }
      self.init(nodeCount: n, sortedUniqueArcs: Self.sortedUnique(list))
    }

    /// Every undirected tie of `g` as two arcs, u → v and v → u.
    public init(symmetrizing g: Graph) {
      var list: [(Int32, Int32)] = []
      list.reserveCapacity(g.neighbors.count)
      for u in 0..<g.nodeCount {
        for e in g.edgeRange(u) { list.append((Int32(u), g.neighbors[e])) }
      }
      self.init(nodeCount: g.nodeCount, sortedUniqueArcs: list)  // CSR rows: already sorted
    }

    private init(nodeCount n: Int, sortedUniqueArcs arcs: [(Int32, Int32)]) {
      nodeCount = n
      var outOffsets = [Int32](repeating: 0, count: n + 1)
      var inCount = [Int32](repeating: 0, count: n + 1)
      for (a, b) in arcs {
        outOffsets[Int(a) + 1] += 1
        inCount[Int(b) + 1] += 1
      }
      for v in 0..<n {
        outOffsets[v + 1] += outOffsets[v]
        inCount[v + 1] += inCount[v]
      }
      self.outOffsets = outOffsets
      self.outNeighbors = arcs.map { $0.1 }
      // Arcs are sorted by (from, to), so filling in-rows in that order keeps them sorted.
      var fill = inCount
      var inNeighbors = [Int32](repeating: 0, count: arcs.count)
      for (a, b) in arcs {
        inNeighbors[Int(fill[Int(b)])] = a
        fill[Int(b)] += 1
      }
      self.inOffsets = inCount
      self.inNeighbors = inNeighbors
    }

    private static func sortedUnique(_ list: [(Int32, Int32)]) -> [(Int32, Int32)] {
      let sorted = list.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
      var out: [(Int32, Int32)] = []
      out.reserveCapacity(sorted.count)
      for arc in sorted where out.last.map({ $0 != arc }) ?? true { out.append(arc) }
      return out
    }

    /// Whether the arc a → b exists. O(log outdegree(a)).
    public func hasArc(_ a: Int, _ b: Int) -> Bool {
      var lo = Int(outOffsets[a])
      var hi = Int(outOffsets[a + 1])
      let target = Int32(b)
      while lo < hi {
        let mid = (lo + hi) / 2
        if outNeighbors[mid] < target { lo = mid + 1 } else { hi = mid }
      }
      return lo < Int(outOffsets[a + 1]) && outNeighbors[lo] == target
    }
  }

  /// Role counts per node (the broker), in node order.
  public struct Roles: Sendable, Equatable {
    /// A → A → A.
    public var coordinator: [Int]
    /// A → B → A (consultant).
    public var itinerant: [Int]
    /// A → A → B.
    public var representative: [Int]
    /// A → B → B.
    public var gatekeeper: [Int]
    /// A → B → C.
    public var liaison: [Int]
    /// The sum of the five: all open two-paths through the node.
    public var total: [Int]

    public init(
      coordinator: [Int], itinerant: [Int], representative: [Int], gatekeeper: [Int],
      liaison: [Int], total: [Int]
    ) {
      self.coordinator = coordinator
      self.itinerant = itinerant
      self.representative = representative
      self.gatekeeper = gatekeeper
      self.liaison = liaison
      self.total = total
    }
  }

  /// The five role counts of every node as broker.
  ///
  /// - Parameters:
  ///   - d: the directed graph.
  ///   - groups: a group id per node (any integers; only equality matters).
  /// - Complexity: O(Σ_v indeg(v)·outdeg(v)·log d) time, O(n) memory.
  public static func roles(_ d: DirectedGraph, groups: [Int]) -> Roles {
    let n = d.nodeCount
    precondition(groups.count == n, "one group per node")
    var r = Roles(
      coordinator: .init(repeating: 0, count: n), itinerant: .init(repeating: 0, count: n),
      representative: .init(repeating: 0, count: n), gatekeeper: .init(repeating: 0, count: n),
      liaison: .init(repeating: 0, count: n), total: .init(repeating: 0, count: n))
    for v in 0..<n {
      let gv = groups[v]
      var counts = (0, 0, 0, 0, 0)
      for i in Int(d.inOffsets[v])..<Int(d.inOffsets[v + 1]) {
        let a = Int(d.inNeighbors[i])
        let ga = groups[a]
        for o in Int(d.outOffsets[v])..<Int(d.outOffsets[v + 1]) {
          let b = Int(d.outNeighbors[o])
          if b == a || d.hasArc(a, b) { continue }
          let gb = groups[b]
          if ga == gv {
            if gb == gv { counts.0 += 1 } else { counts.2 += 1 }  // coordinator, representative
          } else if gb == gv {
            counts.3 += 1  // gatekeeper
          } else if ga == gb {
            counts.1 += 1  // itinerant
          } else {
            counts.4 += 1  // liaison
          }
        }
      }
      r.coordinator[v] = counts.0
      r.itinerant[v] = counts.1
      r.representative[v] = counts.2
      r.gatekeeper[v] = counts.3
      r.liaison[v] = counts.4
      r.total[v] = counts.0 + counts.1 + counts.2 + counts.3 + counts.4
    }
    return r
  }

  /// The role counts on the undirected graph, each tie taken as two arcs (see the type's
  /// documentation: representative == gatekeeper, every open triad counted twice).
  public static func roles(_ g: Graph, groups: [Int]) -> Roles {
    roles(DirectedGraph(symmetrizing: g), groups: groups)
  }
}
