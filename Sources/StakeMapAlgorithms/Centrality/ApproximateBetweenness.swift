import StakeMapGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Betweenness estimated from sampled shortest paths, with a proven bound: with probability at
/// least `confidence`, *every* node's estimate is within `epsilon` of its exact normalised
/// value (NetworkX's `normalized=True`, as ``Betweenness/compute(_:options:)``).
///
/// Implements KADABRA: M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for
/// Betweenness via Random Approximation", ESA 2016, LIPIcs 57:20 (journal version ACM JEA 24,
/// 2019). Each sample is a pair (s, t), s ≠ t, drawn uniformly, and one of its shortest paths
/// drawn uniformly by a balanced bidirectional BFS (the side whose frontier has fewer ties is
/// expanded; the paths are counted from both sides and one is drawn backwards by path counts);
/// every inner node of the path gains 1. After τ samples, b̃(v) = count(v)/τ estimates
/// b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n−1)).
///
/// ## The bound and when sampling stops
/// - ω = (c/λ²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ)), c = 0.5, δ = 1 − confidence, λ the error in
///   b's scale, VD an upper bound of the vertex diameter (2·eccentricity + 1 of one node per
///   component, from one BFS each): after ω samples the bound holds with probability 1 − δ/2
///   (Riondato and Kornaropoulos, DMKD 30(2), 2016, Theorem 2 — the VC-dimension bound).
/// - Adaptive stop (KADABRA, Theorem 6): at each check, stop when for every v,
///   f(b̃(v), δ_L, ω, τ) ≤ λ and g(b̃(v), δ_U, ω, τ) ≤ λ, with the per-node failure
///   probabilities δ_L = δ_U = δ/(4n) (a uniform split of the other δ/2; the paper's optimised
///   split needs fewer samples, the uniform one is the simplest the theorem allows).
/// - NetworkX divides by (n−1)(n−2), b by n(n−1): the result is b̃·n/(n−2), so λ = ε(n−2)/n.
///
/// ## The top of the ranking
/// The bound is absolute, so two actors whose exact values are closer than 2ε may come out in
/// either order, and "the ten highest estimates" need not be the ten highest actors. The same
/// per-node intervals [b̃ − f, b̃ + g] that the stopping test uses hold for all nodes at once
/// with probability ≥ `confidence`, so when the lowest lower end among the k highest
/// estimates lies above the highest upper end among all others, those k *are* the k actors
/// of highest betweenness with that probability (KADABRA's top-k mode, Borassi and Natale,
/// Section 5, with the absolute intervals of Theorem 6). ``Result/certainTop`` is the largest
/// such k up to ``Result/topChecked`` (10, or more when asked); with `certifyTop` K > 0 the
/// sampling goes on after the ε test until the top K is certain or ω samples are drawn (on a
/// network whose leading values are genuinely close — a block model — that is ω: it cannot
/// separate what is nearly tied).
///
/// ## Determinism
/// Sample k draws from its own SplitMix64 stream (seed, k); counts are integers summed over
/// workers; checks happen after fixed numbers of samples. The result depends on the seed only,
/// never on the thread count.
///
/// - Complexity: per sample O(m) in the worst case, typically O(√m)-ish ties touched on
///   small-world graphs (the two searches meet in the middle); O(n + m) for VD; O(n) per check.
///   Extra memory per worker: 2 levels (Int32), 2 path counts (Double), a queue: 28·n bytes,
///   plus 8·n for the counts.
public enum ApproximateBetweenness {
  /// What was computed: the values and how.
  public struct Result: Sendable, Equatable {
    /// Estimated normalised betweenness per node.
    public var values: [Double]
    /// The bound asked for (in the normalised scale) and its probability.
    public var epsilon: Double
    public var confidence: Double
    /// Sampled pairs; ``maximumSamples`` is ω, where the bound holds without the adaptive test.
    public var samples: Int
    public var maximumSamples: Int
    /// The vertex-diameter bound used for ω.
    public var vertexDiameterBound: Int
    public var seed: UInt64
    /// How many of the leading estimates were checked for certainty (10, or `certifyTop`).
    public var topChecked: Int = 0
    /// The largest k ≤ ``topChecked`` for which the k highest estimates are, with probability
    /// ≥ ``confidence``, the k actors of highest exact betweenness (as a set); 0: not even the
    /// first is certain. See "The top of the ranking".
    public var certainTop: Int = 0
  }

  /// Estimates betweenness within `epsilon` (normalised scale) with probability `confidence`.
  /// Unweighted graphs only (`precondition(!g.isWeighted)`). `options.shouldStop` is not asked.
  public static func compute(
    _ g: Graph, epsilon: Double, confidence: Double = 0.95, seed: UInt64 = 20_251_121,
    certifyTop: Int = 0, options: CentralityOptions = .init()
  ) -> Result {
    estimate(
      g, epsilon: epsilon, confidence: confidence, seed: seed, certifyTop: certifyTop,
      options: options.unstoppable)!
  }

  /// How many leading estimates every result checks for certainty (``Result/certainTop``).
  public static let defaultTopChecked = 10

  /// As ``compute(_:epsilon:confidence:seed:options:)``, but nil when `options.shouldStop`
  /// stopped the sampling (asked every 256 samples): an estimate from fewer samples than the
  /// test asked for would not keep the bound.
  ///
  /// - Parameter certifyTop: K > 0 keeps sampling after the ε test until the K highest
  ///   estimates are certainly the K highest actors, or ω samples (see "The top of the
  ///   ranking"); 0 stops at the ε test. Either way the result says how much of the top is
  ///   certain.
  public static func estimate(
    _ g: Graph, epsilon: Double, confidence: Double = 0.95, seed: UInt64 = 20_251_121,
    certifyTop: Int = 0, options: CentralityOptions = .init()
  ) -> Result? {
    precondition(!g.isWeighted, "approximate betweenness needs an unweighted graph")
    precondition(epsilon > 0 && epsilon < 1 && confidence > 0 && confidence < 1)
    precondition(certifyTop >= 0)
    let n = g.nodeCount
    let vd = vertexDiameterBound(g)
    let topChecked = min(n, max(defaultTopChecked, certifyTop))
    guard n > 2, vd > 2 else {
      // No inner nodes on any shortest path: every value is exactly 0, nothing is ranked.
      return Result(
        values: [Double](repeating: 0, count: n), epsilon: epsilon, confidence: confidence,
        samples: 0, maximumSamples: 0, vertexDiameterBound: vd, seed: seed, topChecked: topChecked,
        certainTop: 0)
    }
    let delta = 1 - confidence
    let lambda = epsilon * Double(n - 2) / Double(n)
    let logTerm: Double = Double(Int(log2(Double(vd - 2))).magnitude) + 1 + log(2 / delta)
    let omegaReal: Double = 0.5 / (lambda * lambda) * logTerm
    let omega = Int(omegaReal.rounded(FloatingPointRoundingRule.up))
    let logInverseDelta = log(4 * Double(n) / delta)  // δ_L = δ_U = δ/(4n)

    let threads = max(1, options.threads)
    let workers = (0..<threads).map { _ in SampleWorkspace(nodeCount: n) }
    let reporter = options.progress.map { ProgressReporter(total: omega, callback: $0) }
    var taken = 0
    let stop = MultiSourceCloseness.StopFlag()
    // Checks after 1 %, then every further 5 % of ω (fixed points: independent of threads).
    var nextCheck = max(1, omega / 100)
    let step = max(1, omega / 20)
    let batch = 256
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        let csr = CSRView(
          offsets: offsets, neighbors: neighbors, lengths: UnsafeBufferPointer(start: nil, count: 0))
        while taken < omega {
          let target = min(omega, nextCheck)
          let first = taken
          let count = target - first
          parallelItems(count: (count + batch - 1) / batch, chunk: 1, threads: threads) { b, t in
            if stop.stopped { return }
            if options.shouldStop?() == true {
              stop.set()
              return
            }
            let lo = first + b * batch
            let hi = min(target, lo + batch)
            for k in lo..<hi { sample(csr, workers[t], index: k, seed: seed, nodeCount: n) }
            reporter?.advance(by: hi - lo)
          }
          taken = target
          if stop.stopped { break }
          if taken >= omega { break }
          if canStop(
            workers, nodeCount: n, tau: taken, omega: omegaReal, lambda: lambda,
            logInverseDelta: logInverseDelta)
            && (certifyTop == 0
              || certainTop(
                workers, nodeCount: n, upTo: certifyTop, tau: taken, omega: omegaReal,
                logInverseDelta: logInverseDelta) >= certifyTop)
          {
            break
          }
          nextCheck = taken + step
        }
      }
    }
    options.progress?(omega, omega)  // the adaptive test usually stops before ω: close the line
    if stop.stopped { return nil }
    var values = [Double](repeating: 0, count: n)
    let scale = Double(n) / Double(n - 2) / Double(taken)
    for v in 0..<n {
      var c = 0
      for w in workers { c &+= w.counts[v] }
      values[v] = Double(c) * scale
    }
    let certain = certainTop(
      workers, nodeCount: n, upTo: topChecked, tau: taken, omega: omegaReal,
      logInverseDelta: logInverseDelta)
    return Result(
      values: values, epsilon: epsilon, confidence: confidence, samples: taken,
      maximumSamples: omega, vertexDiameterBound: vd, seed: seed, topChecked: topChecked,
      certainTop: certain)
  }

  /// KADABRA's stopping test (Theorem 6 with δ_L = δ_U): true when every node's interval is
  /// within λ.
  static func canStop(
    _ workers: [SampleWorkspace], nodeCount n: Int, tau: Int, omega: Double, lambda: Double,
    logInverseDelta: Double
  ) -> Bool {
    for v in 0..<n {
      let (below, above) = interval(
        count: count(workers, v), tau: tau, omega: omega, logInverseDelta: logInverseDelta)
      if below > lambda || above > lambda { return false }
    }
    return true
  }

  /// The widths f (below) and g (above) of a node's interval [b̃ − f, b̃ + g] after τ samples
  /// with `count` hits (Theorem 6; b's scale).
  @inline(__always)
  static func interval(count c: Int, tau: Int, omega: Double, logInverseDelta l: Double) -> (
    below: Double, above: Double
  ) {
    let t = Double(tau)
    let a = omega / t
    let b = Double(c) / t
    let below = l / t * (1.0 / 3 - a + ((1.0 / 3 - a) * (1.0 / 3 - a) + 2 * b * omega / l).squareRoot())
    let above = l / t * (1.0 / 3 + a + ((1.0 / 3 + a) * (1.0 / 3 + a) + 2 * b * omega / l).squareRoot())
    return (below, above)
  }

  @inline(__always)
  static func count(_ workers: [SampleWorkspace], _ v: Int) -> Int {
    var c = 0
    for w in workers { c &+= w.counts[v] }
    return c
  }

  /// The largest k ≤ `upTo` whose k highest estimates (ties broken by node index, as the
  /// ranking does) have every lower end above the upper end of every other node.
  /// - Complexity: O(n·workers + n log n).
  static func certainTop(
    _ workers: [SampleWorkspace], nodeCount n: Int, upTo: Int, tau: Int, omega: Double,
    logInverseDelta: Double
  ) -> Int {
    let counts = (0..<n).map { count(workers, $0) }
    let t = Double(tau)
    let order = (0..<n).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
    var lowest = Double.infinity  // lowest lower end among the first k
    var highestRest = [Double](repeating: -Double.infinity, count: n + 1)  // over order[k...]
    for k in stride(from: n - 1, through: 0, by: -1) {
      let v = order[k]
      let above = interval(count: counts[v], tau: tau, omega: omega, logInverseDelta: logInverseDelta).above
      highestRest[k] = max(highestRest[k + 1], Double(counts[v]) / t + above)
    }
    var certain = 0
    for k in 1...min(upTo, n - 1) {
      let v = order[k - 1]
      let below = interval(count: counts[v], tau: tau, omega: omega, logInverseDelta: logInverseDelta).below
      lowest = min(lowest, Double(counts[v]) / t - below)
      if lowest > highestRest[k] { certain = k }
    }
    return certain
  }

  /// An upper bound of the vertex diameter (nodes on a longest shortest path): for each
  /// component, 2·ecc(r) + 1 for its first node r (every distance is at most 2·ecc(r)).
  /// - Complexity: O(n + m).
  static func vertexDiameterBound(_ g: Graph) -> Int {
    g.nodeCount > 0 ? 2 * g.largestRootEccentricity() + 1 : 0
  }

  /// One sample: pair k's (s, t) from its own stream, a uniform shortest path between them by
  /// balanced bidirectional BFS, +1 for each inner node.
  static func sample(_ g: CSRView, _ ws: SampleWorkspace, index k: Int, seed: UInt64, nodeCount n: Int) {
    var rng = SplitMix64Generator(seed: seed ^ (UInt64(truncatingIfNeeded: k) &* 0x9E37_79B9_7F4A_7C15))
    _ = rng.next()
    let s = rng.below(n)
    var t = rng.below(n - 1)
    if t >= s { t += 1 }
    let offsets = g.offsets
    let neighbors = g.neighbors
    // Side 0 searches from s, side 1 from t. level[side][v] = −1 when unseen.
    let level = (ws.levelS, ws.levelT)
    let sigma = (ws.sigmaS, ws.sigmaT)
    let queue = ws.queue
    var touched = 0
    level.0[s] = 0
    sigma.0[s] = 1
    level.1[t] = 0
    sigma.1[t] = 1
    queue[0] = Int32(s)
    queue[1] = Int32(t)
    touched = 2
    // Frontiers as ranges of the touched list, kept apart per side.
    var frontier: [[Int32]] = [[Int32(s)], [Int32(t)]]
    var depth = [0, 0]
    var degreeSum = [Int(offsets[s + 1] - offsets[s]), Int(offsets[t + 1] - offsets[t])]
    var meeting: [(Int32, Int32, Double)] = []  // (u on side A, w on side B, weight)
    var sideA = 0
    var total = 0.0
    search: while !frontier[0].isEmpty && !frontier[1].isEmpty {
      sideA = degreeSum[0] <= degreeSum[1] ? 0 : 1
      let sideB = 1 - sideA
      let (levelA, levelB) = sideA == 0 ? level : (level.1, level.0)
      let (sigmaA, sigmaB) = sideA == 0 ? sigma : (sigma.1, sigma.0)
      let next = Int32(depth[sideA] + 1)
      var newFrontier: [Int32] = []
      var newDegree = 0
      for u32 in frontier[sideA] {
        let u = Int(u32)
        let su = sigmaA[u]
        for e in Int(offsets[u])..<Int(offsets[u + 1]) {
          let w32 = neighbors[e]
          let w = Int(w32)
          if levelB[w] >= 0 {
            let weight = su * sigmaB[w]
            meeting.append((u32, w32, weight))
            total += weight
            continue
          }
          let lw = levelA[w]
          if lw < 0 {
            levelA[w] = next
            sigmaA[w] = su
            newFrontier.append(w32)
            newDegree += Int(offsets[w + 1] - offsets[w])
            queue[touched] = w32
            touched += 1
          } else if lw == next {
            sigmaA[w] += su
          }
        }
      }
      if !meeting.isEmpty { break search }
      depth[sideA] += 1
      frontier[sideA] = newFrontier
      degreeSum[sideA] = newDegree
      _ = sideB
    }
    if !meeting.isEmpty {
      // Draw the middle edge ∝ σ_A(u)·σ_B(w), then walk back to each end ∝ σ.
      var r = Double(rng.next() >> 11) * 0x1p-53 * total
      var chosen = meeting[meeting.count - 1]
      for m in meeting {
        if r < m.2 {
          chosen = m
          break
        }
        r -= m.2
      }
      let (levelA, levelB) = sideA == 0 ? level : (level.1, level.0)
      let (sigmaA, sigmaB) = sideA == 0 ? sigma : (sigma.1, sigma.0)
      walk(from: Int(chosen.0), levels: levelA, sigma: sigmaA, g, &rng, ws)
      walk(from: Int(chosen.1), levels: levelB, sigma: sigmaB, g, &rng, ws)
    }
    for i in 0..<touched {
      let v = Int(queue[i])
      level.0[v] = -1
      level.1[v] = -1
    }
  }

  /// Counts `v` and its ancestors towards the side's root (level 0, not counted), each step
  /// to a predecessor drawn with probability σ(p)/σ(v).
  @inline(__always)
  static func walk(
    from start: Int, levels: UnsafeMutableBufferPointer<Int32>,
    sigma: UnsafeMutableBufferPointer<Double>, _ g: CSRView, _ rng: inout SplitMix64Generator,
    _ ws: SampleWorkspace
  ) {
    var v = start
    while levels[v] > 0 {
      ws.counts[v] &+= 1
      let want = levels[v] - 1
      var r = Double(rng.next() >> 11) * 0x1p-53 * sigma[v]
      var chosen = -1
      for e in Int(g.offsets[v])..<Int(g.offsets[v + 1]) {
        let p = Int(g.neighbors[e])
        if levels[p] == want {
          chosen = p
          if r < sigma[p] { break }
          r -= sigma[p]
        }
      }
      v = chosen
    }
  }

  /// One worker's scratch (levels back to −1 after every sample) and its counts.
  final class SampleWorkspace: @unchecked Sendable {
    // Unchecked: one worker at a time (see `compute`).
    let levelS: UnsafeMutableBufferPointer<Int32>
    let levelT: UnsafeMutableBufferPointer<Int32>
    let sigmaS: UnsafeMutableBufferPointer<Double>
    let sigmaT: UnsafeMutableBufferPointer<Double>
    let queue: UnsafeMutableBufferPointer<Int32>
    let counts: UnsafeMutableBufferPointer<Int>

    init(nodeCount n: Int) {
      levelS = allocateBuffer(n, Int32(-1))
      levelT = allocateBuffer(n, Int32(-1))
      sigmaS = allocateBuffer(n, 0.0)
      sigmaT = allocateBuffer(n, 0.0)
      queue = allocateBuffer(n, Int32(0))
      counts = allocateBuffer(n, 0)
    }

    deinit {
      levelS.deallocate()
      levelT.deallocate()
      sigmaS.deallocate()
      sigmaT.deallocate()
      queue.deallocate()
      counts.deallocate()
    }
  }
}
