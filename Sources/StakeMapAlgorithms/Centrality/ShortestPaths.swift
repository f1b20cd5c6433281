import StakeMapGraph
import Synchronization

/// The shortest-path sweeps shared by betweenness, closeness and harmonic centrality, in
/// parallel, with a deterministic result. Unweighted graphs: betweenness always from
/// ``BatchedBrandes`` (32 sources per pass), closeness and harmonic from
/// ``MultiSourceCloseness`` (512 per pass) or, where its level counts would not fit, one
/// breadth-first search per source here. Weighted graphs (distance = 1/weight): one Dijkstra
/// search per source here, serving all three.
///
/// ## Determinism
/// Sources are cut into fixed chunks of ``chunkSize`` consecutive nodes. Every chunk accumulates
/// its betweenness contributions into a partial array of its own; the partials are added to the
/// total in chunk order. Chunking depends on the node count only, never on the thread count or
/// on scheduling, so the floating-point sums, and therefore the results, are bit-for-bit the
/// same for 1, 2 or 64 threads. To bound memory (a partial is n doubles), chunks run in rounds
/// of ``chunksPerRound(nodeCount:)`` chunks (≈ 8 MB of partials), reduced after each round.
/// Closeness and harmonic values are per source and written straight to their slot.
///
/// ## Equal path lengths (../shared/SPEC.md §3)
/// With distance 1/weight, float sums of equal rationals can differ in the last bit
/// (1/3 + 1/6 vs 1/2), and an exact comparison, as in NetworkX, then drops one of two equally
/// short paths. Dijkstra here treats two lengths as equal when they differ by at most
/// ``relativeTolerance`` (1e-10) times the length. This is safe in both directions:
/// - it catches every true tie: a sum of k positive floats (each 1/w itself rounded) carries a
///   relative rounding error below about 2k·2⁻⁵³ ≈ k·2.2e-16, so two exactly equal lengths of
///   paths with up to ~200,000 edges are within the tolerance;
/// - it merges no truly different lengths in practice: with integer weights ≤ W the lengths are
///   rationals with denominators dividing lcm(1…W), so distinct lengths differ by ≥ 1/lcm(1…W)
///   (1/420 for the weights 1–7 of the karate club), about 10⁷ times the tolerance; weights
///   read from workshop protocols carry nowhere near ten significant digits anyway.
/// The tolerance is relative, so results do not change when all weights are scaled. It assumes
/// every edge is longer than 1e-10 times a path length (weight ratios below 10¹⁰).
///
/// A strictly shorter path (by more than the tolerance) replaces w's distance, path count and
/// predecessors; an equally short one adds to them. Nodes leave the heap in order of distance,
/// and since every edge is far longer than the tolerance, all predecessors of w are settled
/// before w, as Brandes' backward pass requires.
///
/// ## Memory
/// Per worker thread: O(n) scratch (distance, path counts, dependencies, stack/queue, heap),
/// plus predecessor lists for weighted betweenness, which reuse the CSR layout (a node's
/// predecessors are a subset of its neighbours), 4·2m bytes.
/// Allocated once per worker, not per source.
enum ShortestPathSweep {
  /// Relative tolerance under which two weighted path lengths are equal (see above).
  static let relativeTolerance = 1e-10

  /// Sources per chunk: small enough to balance load between threads, large enough that the
  /// O(n) reduction per chunk is negligible next to the chunk's O(chunkSize · m) sweeps.
  static let chunkSize = 8

  /// Chunks per round: ~2²⁰ doubles (8 MB) of partial sums, 8…256 chunks. Depends on n only.
  static func chunksPerRound(nodeCount n: Int) -> Int {
    max(8, min(256, (1 << 20) / max(n, 1)))
  }

  struct Output {
    /// Raw Brandes sums over ordered pairs (s, t), unnormalised; empty unless requested.
    var betweenness: [Double]
    /// `closeness_centrality` with the Wasserman–Faust factor; empty unless requested.
    var closeness: [Double]
    /// `harmonic_centrality`; empty unless requested.
    var harmonic: [Double]
  }

  /// Runs one sweep per source and returns what was asked for; nil when
  /// `options.shouldStop` stopped it (asked once per round of chunks, or per pass).
  ///
  /// Betweenness folds the graph's trees away first (``LeafFolding``) when enough of them
  /// fold (``LeafFolding/pays``), and on unweighted graphs also splits the rest at its cut
  /// nodes when the blocks are small enough (``BlockSplitting/pays``); both are decided from
  /// the graph alone, so every caller gets the same bits. Closeness and harmonic never fold.
  /// Unweighted, they come from their own multi-source sweep anyway, and betweenness from the
  /// batched sweep over the core or its blocks (``LeafFolding/unweightedPlan(of:)``).
  /// Weighted, the one Dijkstra sweep over the whole graph stays, and only the core's sources
  /// run Brandes' backward pass in it, with reach weights; betweenness alone runs the same
  /// searches from the core's sources only (``LeafFolding/sweepWholeGraph(_:closeness:options:)``).
  ///
  /// - Complexity: O(n·m) time unweighted, O(n·m log n) weighted; memory as described above.
  static func run(
    _ g: Graph, betweenness: Bool, closeness: Bool, options: CentralityOptions
  ) -> Output? {
    if betweenness && g.nodeCount > 0 {
      let folding = LeafFolding(g)
      if g.isWeighted {
        if folding.pays {
          return folding.sweepWholeGraph(g, closeness: closeness, options: options)
        }
      } else if let plan = folding.unweightedPlan(of: g) {
        var output = Output(betweenness: [], closeness: [], harmonic: [])
        let stages = closeness ? 2 : 1
        if closeness {
          guard
            let distances = sweep(
              g, betweenness: false, closeness: true, options: options.stage(0, of: stages))
          else { return nil }
          output.closeness = distances.closeness
          output.harmonic = distances.harmonic
        }
        guard let values = plan.betweenness(options: options.stage(stages - 1, of: stages))
        else { return nil }
        output.betweenness = values
        return output
      }
    }
    return sweep(g, betweenness: betweenness, closeness: closeness, options: options)
  }

  /// A weighted Brandes sweep with degree-1 folding (``LeafFolding``).
  struct FoldedSources: Sendable {
    /// Per node, how many nodes it stands for; 0 for the nodes of folded trees (they add
    /// exactly +0 to every sum).
    let reach: [Double]
    /// The sources chunk by chunk, chunk j being `sources[chunkStart[j] ..< chunkStart[j + 1]]`
    /// (instead of 0..<n in chunks of ``chunkSize``).
    let sources: [Int32]
    let chunkStart: [Int]
    /// Brandes runs from the sources with `inCore` set; the others get closeness and harmonic
    /// only.
    let inCore: [Bool]
  }

  /// ``run(_:betweenness:closeness:options:)`` without deciding on folding. With `folded`
  /// (weighted graphs) only the sources it names are swept, and betweenness counts source s
  /// reach[s] times and target w reach[w] times.
  static func sweep(
    _ g: Graph, betweenness: Bool, closeness: Bool, options: CentralityOptions,
    folded: FoldedSources? = nil
  ) -> Output? {
    precondition(folded == nil || (betweenness && g.isWeighted))
    let n = g.nodeCount
    guard n > 0, betweenness || closeness else {
      return Output(
        betweenness: betweenness ? [Double](repeating: 0, count: n) : [],
        closeness: closeness ? [Double](repeating: 0, count: n) : [],
        harmonic: closeness ? [Double](repeating: 0, count: n) : [])
    }
    let multiSource =
      !g.isWeighted && closeness && MultiSourceCloseness.plan(g, threads: options.threads) != nil
    if !g.isWeighted && (betweenness || multiSource) {
      // Unweighted: closeness and harmonic from 512 sources per pass (MultiSourceCloseness)
      // where its level counts fit, else from the single-source kernel below (the same values
      // bit for bit either way; the choice depends on the thread count); betweenness ALWAYS
      // from 32 sources per pass (BatchedBrandes): its sums are rounded in another order than
      // the single-source kernel's, so choosing by thread count would change the last bits.
      var output = Output(betweenness: [], closeness: [], harmonic: [])
      let stages = closeness && betweenness ? 2 : 1
      if closeness {
        let first = options.stage(0, of: stages)
        let computed: (closeness: [Double], harmonic: [Double])?
        if multiSource {
          computed = MultiSourceCloseness.run(g, options: first)
        } else {
          computed = sweep(g, betweenness: false, closeness: true, options: first).map {
            (closeness: $0.closeness, harmonic: $0.harmonic)
          }
        }
        guard let result = computed else { return nil }
        output.closeness = result.closeness
        output.harmonic = result.harmonic
      }
      if betweenness {
        // In breadth-first numbering a batch's 32 sources are neighbours: their searches
        // overlap (fewer level entries) and touch memory in runs.
        let relabelled = BFSOrder.relabel(g)
        guard
          let values = BatchedBrandes.run(
            relabelled.graph, options: options.stage(stages - 1, of: stages))
        else {
          return nil
        }
        output.betweenness = relabelled.newID.map { values[Int($0)] }
      }
      return output
    }
    let kernel: Kernel =
      switch (g.isWeighted, betweenness) {
      case (false, _): .distancesBFS  // unweighted betweenness ran batched above
      case (true, true): folded == nil ? .brandesDijkstra : .brandesDijkstraFolded
      case (true, false): .distancesDijkstra
      }
    let reach = folded?.reach ?? []
    let schedule = folded
    let lengths: [Double] = g.isWeighted ? g.weights.map { 1 / $0 } : []
    let chunkCount = schedule.map { $0.chunkStart.count - 1 } ?? (n + chunkSize - 1) / chunkSize
    let perRound = min(chunkCount, chunksPerRound(nodeCount: n))
    let threads = max(1, min(options.threads, perRound))
    let workspaces = (0..<threads).map { _ in
      Workspace(nodeCount: n, edgeSlots: g.neighbors.count, kernel: kernel)
    }
    let reporter = options.progress.map { ProgressReporter(total: n, callback: $0) }

    let totals = Buffer<Double>(count: betweenness ? n : 0)
    // Zero once; after each round only what a chunk's searches reached is added and cleared
    // again, so many small components cost their searches, not n per chunk.
    let partials = Buffer<Double>(count: betweenness ? perRound * n : 0)
    let touched = Buffer<Int>(count: betweenness ? 2 * perRound : 0)
    let closenessOut = Buffer<Double>(count: closeness ? n : 0)
    let harmonicOut = Buffer<Double>(count: closeness ? n : 0)

    var stopped = false
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        lengths.withUnsafeBufferPointer { lengths in
          reach.withUnsafeBufferPointer { reach in
            // The graph's arrays are immutable and outlive this scope; workers only read them.
            let csr = CSRView(
              offsets: offsets, neighbors: neighbors, lengths: lengths, reach: reach)
            let sink = Sink(closeness: closenessOut.memory, harmonic: harmonicOut.memory)
            var firstChunk = 0
            while firstChunk < chunkCount {
              if options.shouldStop?() == true {
                stopped = true
                break
              }
              let base = firstChunk
              let chunks = min(perRound, chunkCount - base)
              // One item per chunk of sources. Worker t is the only user of workspaces[t]
              // (t < min(threads, chunks)). Chunk j writes only partials[j·n ..< (j+1)·n] and the
              // closeness/harmonic slots of its own sources: no two workers share a location.
              parallelItems(count: chunks, chunk: 1, threads: threads) { j, t in
                let ws = workspaces[t]
                let chunk = base + j
                let lo = schedule?.chunkStart[chunk] ?? chunk * chunkSize
                let hi = schedule?.chunkStart[chunk + 1] ?? min(n, lo + chunkSize)
                let partial =
                  betweenness
                  ? partials.memory.extracting((j * n)..<((j + 1) * n))
                  : UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
                var lowest = Int.max
                var highest = 0
                for k in lo..<hi {
                  let s = schedule.map { Int($0.sources[k]) } ?? k
                  if let schedule, !schedule.inCore[s] {
                    distancesDijkstra(csr, ws, s, sink)
                    continue
                  }
                  var reached = 0..<0
                  switch kernel {
                  case .distancesBFS: distancesBFS(csr, ws, s, sink)
                  case .brandesDijkstra:
                    reached = brandesDijkstra(csr, ws, s, partial, sink, folded: false)
                  case .brandesDijkstraFolded:
                    reached = brandesDijkstra(csr, ws, s, partial, sink, folded: true)
                  case .distancesDijkstra: distancesDijkstra(csr, ws, s, sink)
                  }
                  if !reached.isEmpty {
                    lowest = min(lowest, reached.lowerBound)
                    highest = max(highest, reached.upperBound)
                  }
                }
                if betweenness {  // 0..<0 when no search ran Brandes' pass
                  touched.memory[2 * j] = min(lowest, highest)
                  touched.memory[2 * j + 1] = highest
                }
                reporter?.advance(by: hi - lo)
              }
              if betweenness {
                addPartials(chunks, partials, touched, nodeCount: n, into: totals)
              }
              firstChunk += chunks
            }
          }
        }
      }
    }
    if stopped { return nil }
    return Output(
      betweenness: Array(totals.memory), closeness: Array(closenessOut.memory),
      harmonic: Array(harmonicOut.memory))
  }

  /// Adds the first `count` partial sums of a round (each `nodeCount` long, partial j
  /// touched at `touched[2j] ..< touched[2j + 1]` only) to `totals`, in the fixed order
  /// 0, 1, 2, … whatever thread computed which, and clears them for the next round. Outside
  /// its range a partial is +0, which leaves a total's bits unchanged, so the result is that
  /// of adding every partial whole, at the cost of what the searches reached.
  static func addPartials(
    _ count: Int, _ partials: Buffer<Double>, _ touched: Buffer<Int>, nodeCount n: Int,
    into totals: Buffer<Double>
  ) {
    let total = totals.memory
    for j in 0..<count {
      let partial = partials.memory.extracting((j * n)..<((j + 1) * n))
      for i in touched.memory[2 * j]..<touched.memory[2 * j + 1] {
        total[i] += partial[i]
        partial[i] = 0
      }
    }
  }

  // MARK: - Kernels (one source each)

  enum Kernel {
    case distancesBFS, brandesDijkstra, distancesDijkstra
    /// Dijkstra Brandes with reach weights (``LeafFolding``).
    case brandesDijkstraFolded
  }

  /// Breadth-first distances only (closeness and harmonic without betweenness), level by
  /// level: the distance of a whole frontier is its depth, so a byte per node ("seen")
  /// replaces the level array (less memory traffic), and the sums are taken per level.
  @inline(__always)
  static func distancesBFS(_ g: CSRView, _ ws: Workspace, _ s: Int, _ sink: Sink) {
    let offsets = g.offsets
    let neighbors = g.neighbors
    let seen = ws.seen
    let order = ws.order
    seen[s] = 1
    order[0] = Int32(truncatingIfNeeded: s)
    var head = 0
    var tail = 1
    var depth = 0
    var total = 0
    var harmonic = 0.0
    while head < tail {
      let frontierEnd = tail
      if depth > 0 {
        let count = frontierEnd &- head
        total &+= depth &* count
        harmonic += Double(count) / Double(depth)
      }
      while head < frontierEnd {
        let v = Int(order[head])
        head &+= 1
        var e = Int(offsets[v])
        let end = Int(offsets[v &+ 1])
        while e < end {
          let w32 = neighbors[e]
          let w = Int(w32)
          e &+= 1
          if seen[w] == 0 {
            seen[w] = 1
            order[tail] = w32
            tail &+= 1
          }
        }
      }
      depth &+= 1
    }
    sink.record(s, reached: tail, totalDistance: Double(total), harmonic: harmonic)
    for k in 0..<tail { seen[Int(order[k])] = 0 }
  }

  /// Brandes (2001) with a tolerance-aware Dijkstra (see the type's documentation). The
  /// predecessors of w are stored in `preds[offsets[w]...]`: at most deg(w) of them.
  ///
  /// `folded` (a constant at each call site, so the branches compile away): s stands for
  /// reach[s] sources and w for reach[w] targets (``LeafFolding``): δ(v) += σ(v)/σ(w)·(reach[w]
  /// + δ(w)), and w's sum gets reach[s]·δ(w). Unfolded, `reach` is empty and unread.
  /// Returns the range of nodes the search reached: `partial` is unchanged outside it.
  @inline(__always) @discardableResult
  static func brandesDijkstra(
    _ g: CSRView, _ ws: Workspace, _ s: Int, _ partial: UnsafeMutableBufferPointer<Double>,
    _ sink: Sink, folded: Bool
  ) -> Range<Int> {
    let reach = g.reach
    let offsets = g.offsets
    let neighbors = g.neighbors
    let lengths = g.lengths
    let dist = ws.dist
    let sigma = ws.sigma
    let delta = ws.delta
    let order = ws.order
    let preds = ws.preds
    let predCount = ws.predCount
    let rel = relativeTolerance
    var heap = IndexedMinHeap(entries: ws.heapEntries, slot: ws.heapSlot)
    dist[s] = 0
    sigma[s] = 1
    predCount[s] = 0
    heap.insert(Int32(truncatingIfNeeded: s), key: 0)
    var count = 0
    while !heap.isEmpty {
      let v32 = heap.popMin()
      let v = Int(v32)
      order[count] = v32
      count &+= 1
      let dv = dist[v]
      let sv = sigma[v]
      var e = Int(offsets[v])
      let end = Int(offsets[v &+ 1])
      while e < end {
        let w = Int(neighbors[e])
        let alt = dv + lengths[e]
        e &+= 1
        let state = heap.state(w)
        if state == IndexedMinHeap.settled { continue }
        if state == IndexedMinHeap.unseen {
          dist[w] = alt
          sigma[w] = sv
          preds[Int(offsets[w])] = v32
          predCount[w] = 1
          heap.insert(Int32(truncatingIfNeeded: w), key: alt)
        } else {
          let dw = dist[w]
          let tolerance = rel * dw
          if alt < dw - tolerance {  // strictly shorter: w's paths so far are not shortest
            dist[w] = alt
            sigma[w] = sv
            preds[Int(offsets[w])] = v32
            predCount[w] = 1
            heap.decreaseKey(Int32(truncatingIfNeeded: w), to: alt)
          } else if alt <= dw + tolerance {  // equally short: one more way to reach w
            sigma[w] += sv
            let k = predCount[w]
            preds[Int(offsets[w]) &+ Int(k)] = v32
            predCount[w] = k &+ 1
            // Keep the smaller float sum, exactly as `distancesDijkstra` does, so closeness
            // from this sweep is bit-identical to Closeness.compute's.
            if alt < dw {
              dist[w] = alt
              heap.decreaseKey(Int32(truncatingIfNeeded: w), to: alt)
            }
          }
        }
      }
    }
    if sink.wantsCloseness { recordDijkstra(ws, s, reached: count, sink) }
    let sourceWeight = folded ? reach[s] : 1
    var i = count &- 1
    while i > 0 {
      let w = Int(order[i])
      i &-= 1
      let dw = delta[w]
      let coefficient = ((folded ? reach[w] : 1) + dw) / sigma[w]
      let first = Int(offsets[w])
      for k in first..<(first &+ Int(predCount[w])) {
        let v = Int(preds[k])
        delta[v] += sigma[v] * coefficient
      }
      if folded {
        partial[w] += sourceWeight * dw
      } else {
        partial[w] += dw
      }
    }
    var lowest = Int.max
    var highest = -1
    for k in 0..<count {
      let v = Int(order[k])
      lowest = min(lowest, v)
      highest = max(highest, v)
      heap.reset(v)
      delta[v] = 0
    }
    return highest < 0 ? 0..<0 : lowest..<(highest + 1)
  }

  /// Dijkstra distances only (closeness and harmonic without betweenness); ties need no care.
  @inline(__always)
  static func distancesDijkstra(_ g: CSRView, _ ws: Workspace, _ s: Int, _ sink: Sink) {
    let offsets = g.offsets
    let neighbors = g.neighbors
    let lengths = g.lengths
    let dist = ws.dist
    let order = ws.order
    var heap = IndexedMinHeap(entries: ws.heapEntries, slot: ws.heapSlot)
    dist[s] = 0
    heap.insert(Int32(truncatingIfNeeded: s), key: 0)
    var count = 0
    while !heap.isEmpty {
      let v32 = heap.popMin()
      let v = Int(v32)
      order[count] = v32
      count &+= 1
      let dv = dist[v]
      var e = Int(offsets[v])
      let end = Int(offsets[v &+ 1])
      while e < end {
        let w = Int(neighbors[e])
        let alt = dv + lengths[e]
        e &+= 1
        let state = heap.state(w)
        if state == IndexedMinHeap.unseen {
          dist[w] = alt
          heap.insert(Int32(truncatingIfNeeded: w), key: alt)
        } else if state >= 0 && alt < dist[w] {
          dist[w] = alt
          heap.decreaseKey(Int32(truncatingIfNeeded: w), to: alt)
        }
      }
    }
    recordDijkstra(ws, s, reached: count, sink)
    for k in 0..<count { heap.reset(Int(order[k])) }
  }

  /// Closeness and harmonic of `s` from its Dijkstra distances, with compensated sums.
  @inline(__always)
  static func recordDijkstra(_ ws: Workspace, _ s: Int, reached: Int, _ sink: Sink) {
    let dist = ws.dist
    let order = ws.order
    var total = CompensatedSum()
    var harmonic = CompensatedSum()
    for k in 1..<max(reached, 1) {
      let d = dist[Int(order[k])]
      total.add(d)
      harmonic.add(1 / d)
    }
    sink.record(s, reached: reached, totalDistance: total.value, harmonic: harmonic.value)
  }
}

// MARK: - Support

/// Read-only views of the graph's arrays for the kernels (no bounds checks in release builds).
struct CSRView: @unchecked Sendable {
  // Unchecked: the views point into the immutable arrays of a `Graph` that the sweep keeps
  // alive (withUnsafeBufferPointer) for as long as any worker runs; nobody writes to them.
  let offsets: UnsafeBufferPointer<Int32>
  let neighbors: UnsafeBufferPointer<Int32>
  /// 1/weight per edge slot; empty for unweighted graphs.
  let lengths: UnsafeBufferPointer<Double>
  /// Per node, how many nodes it stands for (``LeafFolding``); empty when not folded.
  var reach = UnsafeBufferPointer<Double>(start: nil, count: 0)
}

/// Where the kernels write closeness and harmonic values: slot s is written only by the sweep
/// from source s, so concurrent workers never touch the same element.
struct Sink: @unchecked Sendable {
  let closeness: UnsafeMutableBufferPointer<Double>
  let harmonic: UnsafeMutableBufferPointer<Double>

  @inline(__always) var wantsCloseness: Bool { closeness.count > 0 }

  /// NetworkX's `closeness_centrality` (wf_improved=True): ((r−1)/Σd)·((r−1)/(n−1)), r the
  /// number of nodes reached including s; 0 when nothing is reached.
  @inline(__always)
  func record(_ s: Int, reached r: Int, totalDistance: Double, harmonic h: Double) {
    let n = closeness.count
    var value = 0.0
    if totalDistance > 0 && n > 1 {
      let r1 = Double(r - 1)
      value = (r1 / totalDistance) * (r1 / Double(n - 1))
    }
    closeness[s] = value
    harmonic[s] = h
  }
}

/// Neumaier's compensated summation: the error stays O(ε) instead of O(kε) for k terms.
struct CompensatedSum {
  private var sum = 0.0
  private var compensation = 0.0

  @inline(__always) mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  var value: Double { sum + compensation }
}

/// Scratch memory of one worker thread, allocated once and reused for every source. Between
/// sources every entry is back in its initial state (seen 0, delta 0, heap slot
/// unseen): the kernels reset exactly the entries they touched.
final class Workspace: @unchecked Sendable {
  // Unchecked: a workspace is handed to exactly one worker at a time (see `run`).
  let order: UnsafeMutableBufferPointer<Int32>
  let seen: UnsafeMutableBufferPointer<UInt8>
  let dist: UnsafeMutableBufferPointer<Double>
  let sigma: UnsafeMutableBufferPointer<Double>
  let delta: UnsafeMutableBufferPointer<Double>
  /// Predecessors of w in w's CSR row (weighted Brandes).
  let predCount: UnsafeMutableBufferPointer<Int32>
  let preds: UnsafeMutableBufferPointer<Int32>
  let heapEntries: UnsafeMutableBufferPointer<IndexedMinHeap.Entry>
  let heapSlot: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int, edgeSlots: Int, kernel: ShortestPathSweep.Kernel) {
    let weighted =
      kernel == .brandesDijkstra || kernel == .brandesDijkstraFolded
      || kernel == .distancesDijkstra
    let brandes = kernel == .brandesDijkstra || kernel == .brandesDijkstraFolded
    order = Self.make(n, Int32(0))
    seen = Self.make(kernel == .distancesBFS ? n : 0, UInt8(0))
    dist = Self.make(weighted ? n : 0, 0.0)
    sigma = Self.make(brandes ? n : 0, 0.0)
    delta = Self.make(brandes ? n : 0, 0.0)
    predCount = Self.make(brandes ? n : 0, Int32(0))
    preds = Self.make(brandes ? edgeSlots : 0, Int32(0))
    heapEntries = Self.make(weighted ? n : 0, IndexedMinHeap.Entry(key: 0, id: 0))
    heapSlot = Self.make(weighted ? n : 0, IndexedMinHeap.unseen)
  }

  deinit {
    order.deallocate()
    seen.deallocate()
    dist.deallocate()
    sigma.deallocate()
    delta.deallocate()
    predCount.deallocate()
    preds.deallocate()
    heapEntries.deallocate()
    heapSlot.deallocate()
  }

  private static func make<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    buffer.initialize(repeating: value)
    return buffer
  }
}

/// A zero-filled heap buffer freed with its owner; shared by workers on disjoint ranges.
final class Buffer<T: BitwiseCopyable & Numeric>: @unchecked Sendable {
  // Unchecked: workers write disjoint index ranges (see `run`); the owner reads after they end.
  let memory: UnsafeMutableBufferPointer<T>

  init(count: Int) {
    memory = .allocate(capacity: count)
    memory.initialize(repeating: 0)
  }

  deinit { memory.deallocate() }
}

/// Serialises progress callbacks so that `done` only grows from one call to the next.
final class ProgressReporter: Sendable {
  private let done = Mutex<Int>(0)
  private let total: Int
  private let callback: @Sendable (Int, Int) -> Void

  init(total: Int, callback: @escaping @Sendable (Int, Int) -> Void) {
    self.total = total
    self.callback = callback
  }

  func advance(by count: Int) {
    done.withLock { done in
      done += count
      callback(done, total)
    }
  }
}
