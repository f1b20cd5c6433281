import StakeMapGraph
import Synchronization

/// Unweighted closeness and harmonic centrality from multi-source breadth-first searches: 512
/// sources per pass, their frontiers as bit masks (one 512-bit mask per node and array).
///
/// Implements the multi-source BFS of M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu,
/// K. Pham, A. Kemper, T. Neumann and H. T. Vo, "The more the merrier: efficient multi-source
/// graph traversal", PVLDB 8(4):449–460, 2014 (VLDB 2015), in its bottom-up ("pull") form: at
/// level L every node not yet reached by all sources of the pass ORs its neighbours' frontier
/// masks; the bits it did not have are the sources at distance exactly L. One pass over the
/// ties serves 512 searches, and the ties are read level after level, sequentially.
///
/// ## Why the sums come out exact and bit-identical
/// The graph is undirected, so d(s, y) = d(y, s): instead of summing per source, the pass adds
/// to every *reached* node y the number of sources that reach it at level L, c_L(y) (a
/// popcount). After all passes c_L(y) is the number of nodes at distance L from y: integers,
/// summed per worker and then across workers, so the order of passes and threads cannot
/// change them. From them, exactly as the single-source kernels compute it per source:
/// total distance Σ L·c_L(y) (an integer), nodes reached 1 + Σ c_L(y), and harmonic
/// Σ_L c_L(y)/L added in increasing L. The results are therefore bit-identical to
/// ``ShortestPathSweep``'s single-source values and to Brandes' sweep, for any thread count.
///
/// ## Memory and when it is used
/// Per worker: three masks of 64 bytes per node (visited, frontier, next: 192·n bytes, 19 MB at
/// 100,000 nodes) and one UInt32 count per node and level (4·n·D bytes, D the largest
/// distance; 4 MB at 100,000 nodes and D = 10). ``plan(_:threads:)`` bounds D by twice the
/// eccentricity of one node per component and falls back to the single-source kernel when
/// the counts would pass ``countBudgetBytes`` (long chains, where a pass also gains little).
///
/// - Complexity: O(n/512 · D · (n + m)) word operations of 512 bits; Θ(n·m) like the
///   single-source kernel, with a constant about 512/D times smaller.
enum MultiSourceCloseness {
  typealias Mask = SIMD8<UInt64>
  /// Sources per pass.
  static let width = 512
  /// The largest memory for per-level counts, over all workers, before falling back.
  static let countBudgetBytes = 1 << 28

  /// The level bound for `g`, or nil when the per-level counts would exceed the budget.
  /// - Complexity: O(n + m) (one BFS per component).
  static func plan(_ g: Graph, threads: Int) -> Int? {
    let n = g.nodeCount
    guard n > 0 else { return nil }
    let bound = 2 * g.largestRootEccentricity()
    let bytes = bound * n * 4 * max(1, threads)
    return bytes <= countBudgetBytes ? bound : nil
  }

  /// Closeness (NetworkX's `wf_improved`) and harmonic of every node; the same values, bit for
  /// bit, as the single-source kernels. Call it when ``plan(_:threads:)`` returns a bound.
  static func run(
    _ g: Graph, options: CentralityOptions
  ) -> (closeness: [Double], harmonic: [Double])? {
    let n = g.nodeCount
    let passes = (n + width - 1) / width
    let threads = max(1, min(options.threads, passes))
    let reporter = options.progress.map { ProgressReporter(total: n, callback: $0) }
    let workspaces = (0..<threads).map { _ in PassWorkspace(nodeCount: n) }
    let stop = StopFlag()
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        let csr = CSRView(
          offsets: offsets, neighbors: neighbors, lengths: UnsafeBufferPointer(start: nil, count: 0))
        parallelItems(count: passes, chunk: 1, threads: threads) { pass, t in
          if stop.stopped { return }
          if options.shouldStop?() == true {
            stop.set()
            return
          }
          let lo = pass * width
          let hi = min(n, lo + width)
          runPass(csr, workspaces[t], sources: lo..<hi)
          reporter?.advance(by: hi - lo)
        }
      }
    }
    if stop.stopped { return nil }
    // Integer counts per level, added over workers (exact, order-free).
    let depth = workspaces.map(\.counts.count).max() ?? 0
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    var perLevel = [UInt64](repeating: 0, count: n)
    var total = [Int](repeating: 0, count: n)
    var reached = [Int](repeating: 1, count: n)
    for l in 0..<depth {
      for i in 0..<n { perLevel[i] = 0 }
      for ws in workspaces where l < ws.counts.count {
        let c = ws.counts[l]
        for i in 0..<n { perLevel[i] &+= UInt64(c[i]) }
      }
      let distance = l + 1
      for i in 0..<n where perLevel[i] > 0 {
        let c = Int(perLevel[i])
        total[i] &+= distance &* c
        reached[i] &+= c
        harmonic[i] += Double(c) / Double(distance)
      }
    }
    closeness.withUnsafeMutableBufferPointer { cl in
      harmonic.withUnsafeMutableBufferPointer { h in
        let sink = Sink(closeness: cl, harmonic: h)
        for i in 0..<n {
          sink.record(i, reached: reached[i], totalDistance: Double(total[i]), harmonic: h[i])
        }
      }
    }
    return (closeness, harmonic)
  }

  /// One pass: BFS from `sources` (at most 512) at once, adding c_L(y) to the worker's counts.
  @inline(__always)
  static func runPass(_ g: CSRView, _ ws: PassWorkspace, sources: Range<Int>) {
    let n = ws.nodeCount
    let offsets = g.offsets
    let neighbors = g.neighbors
    let visited = ws.visited
    var frontier = ws.frontier
    var next = ws.next
    var all = Mask.zero
    for (i, s) in sources.enumerated() {
      var bit = Mask.zero
      bit[i >> 6] = 1 << UInt64(i & 63)
      visited[s] = bit
      frontier[s] = bit
      all |= bit
    }
    var level = 0
    while true {
      level += 1
      let counts = ws.counts(level: level)
      var any = false
      for y in 0..<n {
        let seen = visited[y]
        if seen == all {
          next[y] = .zero
          continue
        }
        var acc = Mask.zero
        var e = Int(offsets[y])
        let end = Int(offsets[y &+ 1])
        while e < end {
          acc |= frontier[Int(neighbors[e])]
          e &+= 1
        }
        let fresh = acc & ~seen
        next[y] = fresh
        if fresh != .zero {
          visited[y] = seen | fresh
          var c = 0
          for k in 0..<8 { c &+= fresh[k].nonzeroBitCount }
          counts[y] &+= UInt32(truncatingIfNeeded: c)
          any = true
        }
      }
      swap(&frontier, &next)
      if !any { break }
    }
    // Clear for the next pass (every array is back to zero).
    visited.update(repeating: .zero)
    frontier.update(repeating: .zero)
    next.update(repeating: .zero)
  }

  /// Set once by the first worker that sees `shouldStop`; the others skip their passes.
  final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var stopped: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
  }

  /// One worker's scratch: the three mask arrays and its per-level counts (grown on demand).
  final class PassWorkspace: @unchecked Sendable {
    // Unchecked: a workspace is used by one worker at a time (see `run`).
    let nodeCount: Int
    let visited: UnsafeMutableBufferPointer<Mask>
    let frontier: UnsafeMutableBufferPointer<Mask>
    let next: UnsafeMutableBufferPointer<Mask>
    /// counts[L − 1][y]: sources (so far) at distance L from y.
    private(set) var counts: [UnsafeMutableBufferPointer<UInt32>] = []

    init(nodeCount n: Int) {
      nodeCount = n
      visited = allocateBuffer(n, Mask.zero)
      frontier = allocateBuffer(n, Mask.zero)
      next = allocateBuffer(n, Mask.zero)
    }

    func counts(level: Int) -> UnsafeMutableBufferPointer<UInt32> {
      while counts.count < level { counts.append(allocateBuffer(nodeCount, UInt32(0))) }
      return counts[level - 1]
    }

    deinit {
      visited.deallocate()
      frontier.deallocate()
      next.deallocate()
      for c in counts { c.deallocate() }
    }
  }
}
