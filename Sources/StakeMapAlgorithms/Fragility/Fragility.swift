import StakeMapGraph

/// What the network loses when actors drop out: single points of failure, fragmentation and
/// longer paths, and the key-player set whose absence fragments it most (S. P. Borgatti,
/// "Identifying sets of key players in a social network", Computational and Mathematical
/// Organization Theory 12:21–34, 2006).
///
/// Fragmentation (Borgatti 2006, eq. 4): F = 1 − Σ_k s_k(s_k − 1) / (N(N − 1)) over the
/// components k (sizes s_k) of a graph with N nodes: the share of node pairs that cannot reach
/// each other; 0 for a connected graph, 1 when no tie is left. After removals, N counts the
/// REMAINING nodes (the removed ones are no longer part of the network). F = 0 by convention
/// when fewer than two nodes remain (no pair to fragment). Distances are hop counts.
public enum Fragility {
  /// The effect of removing each node on its own, in node order.
  public struct NodeRemoval: Sendable, Equatable {
    /// Unordered pairs of OTHER nodes that can reach each other now and no longer once the node
    /// is gone. Pairs involving the node itself are not counted (they vanish for every node
    /// alike); so it is 0 for every node that is not an articulation point.
    public let disconnectedPairs: [Int]
    /// Unordered pairs of other nodes that are still connected once the node is gone.
    public let connectedPairs: [Int]
    /// F of the graph without the node, over the remaining n − 1 nodes.
    public let fragmentation: [Double]
    /// F of the whole graph (nothing removed).
    public let baselineFragmentation: Double

    public init(
      disconnectedPairs: [Int], connectedPairs: [Int], fragmentation: [Double],
      baselineFragmentation: Double
    ) {
      self.disconnectedPairs = disconnectedPairs
      self.connectedPairs = connectedPairs
      self.fragmentation = fragmentation
      self.baselineFragmentation = baselineFragmentation
    }
  }

  /// Pairs disconnected and fragmentation after removing each node, all nodes at once, exactly,
  /// from one depth-first search: removing v splits v's component (s nodes) into the DFS child
  /// subtrees c with low(c) ≥ disc(v) (sizes s_i) and the rest (s − 1 − Σ s_i), so the pairs
  /// lost are C(s − 1, 2) − Σ C(s_i, 2) − C(s − 1 − Σ s_i, 2) (the block–cut structure of
  /// Hopcroft–Tarjan; see ``Structure/articulationPoints(_:)``).
  ///
  /// - Complexity: O(n + m).
  public static func nodeRemoval(_ g: Graph) -> NodeRemoval {
    let n = g.nodeCount
    let cut = CutStructure(g)
    var lost = [Int](repeating: 0, count: n)
    var kept = [Int](repeating: 0, count: n)
    var f = [Double](repeating: 0, count: n)
    for v in 0..<n {
      lost[v] = cut.pairsLost(v)
      kept[v] = cut.connectedPairsWithout(v)
      f[v] = fragmentation(connectedPairs: kept[v], nodes: n - 1)
    }
    return NodeRemoval(
      disconnectedPairs: lost, connectedPairs: kept, fragmentation: f,
      baselineFragmentation: fragmentation(connectedPairs: cut.connectedPairs, nodes: n))
  }

  /// F of the graph without `removing` (over the remaining nodes).
  ///
  /// - Complexity: O(n + m).
  public static func fragmentation(_ g: Graph, removing: some Sequence<Int> = [Int]()) -> Double {
    let removed = mask(g, removing)
    let cut = CutStructure(g, removed: removed)
    return fragmentation(connectedPairs: cut.connectedPairs, nodes: cut.activeNodes)
  }

  /// The components of the graph without `nodes` (the removed nodes get component index −1):
  /// who is cut off from whom, to be stated in terms of sectors by the caller.
  ///
  /// - Complexity: O(n + m).
  public static func componentsAfterRemoving(_ g: Graph, _ nodes: some Sequence<Int>)
    -> Structure.Components
  {
    Structure.components(g, removed: mask(g, nodes))
  }

  /// 1 − 2P / (N(N − 1)) for P connected unordered pairs among N nodes; 0 when N < 2.
  static func fragmentation(connectedPairs p: Int, nodes: Int) -> Double {
    guard nodes > 1 else { return 0 }
    return 1 - Double(p) / Double(pairs(nodes))
  }

  static func mask(_ g: Graph, _ nodes: some Sequence<Int>) -> [Bool] {
    var removed = [Bool](repeating: false, count: g.nodeCount)
    for v in nodes {
      precondition(v >= 0 && v < g.nodeCount, "node out of range")
      removed[v] = true
    }
    return removed
  }

  // MARK: - Distance increase

  /// Which breadth-first sources ``distanceIncrease(_:sources:threads:)`` uses.
  public enum Sources: Sendable, Equatable {
    /// Every node: exact.
    case all
    /// A fixed sample of `count` distinct source nodes drawn with SplitMix64 from `seed`:
    /// an unbiased estimate with a standard error (all nodes if count ≥ n).
    case sample(count: Int, seed: UInt64)
    /// ``all`` for n ≤ 2,000, otherwise ``sample(count:seed:)`` with 256 sources, seed 1.
    case automatic
  }

  /// How much longer paths get when a node drops out, per node.
  public struct DistanceIncrease: Sendable, Equatable {
    /// Per node v: the mean increase in hop distance, d_{G−v}(s, t) − d_G(s, t), over the
    /// unordered pairs {s, t} of other nodes that are still connected without v (pairs cut
    /// off entirely are counted in ``NodeRemoval/disconnectedPairs`` instead). 0 when no path
    /// needs v; NaN when no pair stays connected (e.g. the centre of a star). Estimated when
    /// ``exact`` is false.
    public let meanIncrease: [Double]
    /// Per node: the summed increase over those unordered pairs (estimated when sampled).
    public let totalIncrease: [Double]
    /// Per node: the standard error of ``meanIncrease``; 0 when exact, NaN when fewer than two
    /// sampled sources count for the node or no pair stays connected.
    public let standardError: [Double]
    /// The breadth-first sources used, ascending.
    public let sources: [Int]
    /// True when every node was a source.
    public let exact: Bool

    public init(
      meanIncrease: [Double], totalIncrease: [Double], standardError: [Double], sources: [Int],
      exact: Bool
    ) {
      self.meanIncrease = meanIncrease
      self.totalIncrease = totalIncrease
      self.standardError = standardError
      self.sources = sources
      self.exact = exact
    }

    public static func == (a: DistanceIncrease, b: DistanceIncrease) -> Bool {
      func same(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
      }
      return same(a.meanIncrease, b.meanIncrease) && same(a.totalIncrease, b.totalIncrease)
        && same(a.standardError, b.standardError) && a.sources == b.sources && a.exact == b.exact
    }
  }

  /// The increase in hop distances caused by removing each node (one at a time).
  ///
  /// Method. For a source s, let D_s be the dominator tree of s's breadth-first shortest-path
  /// DAG (idom(t) = the deepest node on EVERY shortest s–t path, computed level by level as
  /// the common dominator ancestor of t's DAG predecessors, as in K. D. Cooper, T. J. Harvey,
  /// K. Kennedy, "A simple, fast dominance algorithm", 2001). Removing v changes d(s, t)
  /// exactly for the descendants A of v in D_s; every other node keeps a shortest path that
  /// avoids v. Their new distances come from a breadth-first search inside A seeded with
  /// d(x) + 1 from the unaffected neighbours x (a two-queue merge: seeds sorted, then FIFO).
  /// So one source costs O(m·h + Σ_v vol(A_v)) instead of n breadth-first searches
  /// (h: the dominator-tree depth; small in networks with redundant paths, the depth of the
  /// tree in a tree, where everything below v is cut off and the search ends at once).
  ///
  /// Exact mode sums over all sources; integers throughout, so the result is exact and
  /// independent of `threads`. Sampled mode uses k sources S drawn without replacement; for
  /// node v with k_v = |S \ {v}| of them and X_s(v) = Σ_t increase(s, t), the total over
  /// ordered pairs is estimated by (n − 1)/k_v · Σ X_s(v) (unbiased), with the standard
  /// error (n − 1)·√(var(X)/k_v · (1 − k_v/(n − 1))) (finite-population correction); the mean
  /// divides by twice the exact number of pairs still connected.
  ///
  /// Sampling error, measured on a 10,000-node stochastic block model (10 blocks, average
  /// degree 10; 256 sources against all 10,000): the estimates are unbiased but heavy-tailed,
  /// since a node's increase comes mostly from the few sources whose shortest paths it
  /// dominates. Per node, the median relative error was 47 % (90th percentile 110 %). The
  /// reported standard error (median 24 % of the exact value) covered the actual error within
  /// 2 SE for 60 % of the nodes and within 3 SE for 71 %, and the 20 nodes with the largest
  /// estimates missed all of the true top 20. The increases there were tiny (at most 0.00065
  /// hops), so treat sampled values as a rough screen. Exact mode took about 20 s of CPU time
  /// for that graph (10 s on two free cores; the 256-source sample 0.5 s), so ``Sources/all``
  /// is practical up to about 10⁴ nodes.
  ///
  /// - Complexity: O(k·(m·h + Σ_v vol(A_v))) for k sources, divided among `threads`;
  ///   O(n + m) memory per thread.
  public static func distanceIncrease(
    _ g: Graph, sources: Sources = .automatic, threads: Int = defaultAnalysisThreads
  ) -> DistanceIncrease {
    let n = g.nodeCount
    let chosen = sourceList(n, sources)
    let exact = chosen.count == n
    let workers = workerCount(count: chosen.count, chunk: 4, threads: threads)
    let scratch = (0..<workers).map { _ in DominatorScratch(nodeCount: n) }
    parallelItems(count: chosen.count, chunk: 4, threads: threads) { i, worker in
      scratch[worker].accumulate(g, source: chosen[i])
    }
    var sum = [Int](repeating: 0, count: n)
    var sumSquares = [Int](repeating: 0, count: n)
    for ws in scratch {
      for v in 0..<n {
        sum[v] += ws.sum[v]
        sumSquares[v] += ws.sumSquares[v]
      }
    }
    let cut = CutStructure(g)
    var isSource = [Bool](repeating: false, count: n)
    for s in chosen { isSource[s] = true }
    var mean = [Double](repeating: .nan, count: n)
    var total = [Double](repeating: 0, count: n)
    var error = [Double](repeating: .nan, count: n)
    let population = Double(n - 1)
    for v in 0..<n {
      let connected = Double(cut.connectedPairsWithout(v))
      let k = chosen.count - (isSource[v] ? 1 : 0)
      if exact {
        total[v] = Double(sum[v]) / 2
        error[v] = connected > 0 ? 0 : .nan
      } else if k > 0 {
        let kd = Double(k)
        let scale = population / kd
        total[v] = scale * Double(sum[v]) / 2
        if k > 1 && connected > 0 {
          let m = Double(sum[v]) / kd
          let variance = max(0, (Double(sumSquares[v]) - kd * m * m) / (kd - 1))
          let fpc = max(0, 1 - kd / population)
          error[v] = population * (variance / kd * fpc).squareRoot() / (2 * connected)
        }
      } else {
        total[v] = .nan
      }
      if connected > 0 { mean[v] = total[v] / connected }
    }
    return DistanceIncrease(
      meanIncrease: mean, totalIncrease: total, standardError: error, sources: chosen,
      exact: exact)
  }

  static func sourceList(_ n: Int, _ sources: Sources) -> [Int] {
    switch sources {
    case .all:
      return Array(0..<n)
    case .automatic:
      return n <= 2000 ? Array(0..<n) : sourceList(n, .sample(count: 256, seed: 1))
    case .sample(let count, let seed):
      precondition(count > 0, "sample at least one source")
      if count >= n { return Array(0..<n) }
      var rng = SplitMix64Generator(seed: seed)
      var nodes = Array(0..<n)
      for i in 0..<count { nodes.swapAt(i, i + rng.below(n - i)) }
      return nodes[0..<count].sorted()
    }
  }

  // MARK: - Key players

  /// A greedy KPP-Neg set.
  public struct KeyPlayerSet: Sendable, Equatable {
    /// The chosen nodes, in the order they were chosen.
    public let nodes: [Int]
    /// F after removing the first 1, 2, … nodes (over the remaining nodes).
    public let fragmentation: [Double]
    /// F before any removal.
    public let initialFragmentation: Double

    public init(nodes: [Int], fragmentation: [Double], initialFragmentation: Double) {
      self.nodes = nodes
      self.fragmentation = fragmentation
      self.initialFragmentation = initialFragmentation
    }
  }

  /// KPP-Neg (Borgatti 2006), greedily: k times, remove the node whose removal maximises F of
  /// what remains, i.e. minimises the connected pairs left (an exact integer comparison);
  /// equal ones: the lowest node index. Each step evaluates every candidate at once with
  /// ``nodeRemoval(_:)``'s O(n + m) cut-vertex pass on the current graph.
  ///
  /// Greedy, not optimal: when no single node disconnects anything (a 2-connected graph) all
  /// candidates tie and the lowest index is taken; Borgatti's swap search can improve on it.
  ///
  /// - Parameter k: the set size (capped at n).
  /// - Complexity: O(k·(n + m)).
  public static func keyPlayersNegative(_ g: Graph, k: Int) -> KeyPlayerSet {
    let n = g.nodeCount
    var removed = [Bool](repeating: false, count: n)
    var chosen: [Int] = []
    var values: [Double] = []
    let initial = fragmentation(g)
    for _ in 0..<min(max(k, 0), n) {
      let cut = CutStructure(g, removed: removed)
      var best = -1
      var bestPairs = Int.max
      for v in 0..<n where !removed[v] {
        let p = cut.connectedPairsWithout(v)
        if p < bestPairs {
          best = v
          bestPairs = p
        }
      }
      removed[best] = true
      chosen.append(best)
      values.append(fragmentation(connectedPairs: bestPairs, nodes: cut.activeNodes - 1))
    }
    return KeyPlayerSet(nodes: chosen, fragmentation: values, initialFragmentation: initial)
  }
}

/// Per-worker state of ``Fragility/distanceIncrease(_:sources:threads:)``: the BFS and
/// dominator tree of one source at a time, and the worker's integer running sums.
final class DominatorScratch: @unchecked Sendable {
  // Unchecked: one scratch belongs to one worker at a time; the caller reads `sum` and
  // `sumSquares` after the workers have finished.
  /// Σ over this worker's sources of X_s(v) (ordered pairs) and Σ X_s(v)²: integers, so the
  /// totals do not depend on which worker took which source.
  let sum: UnsafeMutableBufferPointer<Int>
  let sumSquares: UnsafeMutableBufferPointer<Int>
  private let level: UnsafeMutableBufferPointer<Int32>
  private let order: UnsafeMutableBufferPointer<Int32>
  private let idom: UnsafeMutableBufferPointer<Int32>
  private let firstChild: UnsafeMutableBufferPointer<Int32>
  private let nextSibling: UnsafeMutableBufferPointer<Int32>
  private let pre: UnsafeMutableBufferPointer<Int32>
  private let subtree: UnsafeMutableBufferPointer<Int32>
  private let preorder: UnsafeMutableBufferPointer<Int32>
  private let stack: UnsafeMutableBufferPointer<Int32>
  private let stampA: UnsafeMutableBufferPointer<Int>
  private let stampDone: UnsafeMutableBufferPointer<Int>
  private let stampTent: UnsafeMutableBufferPointer<Int>
  private let newDist: UnsafeMutableBufferPointer<Int32>
  /// Seeds as (distance << 32 | node), sorted as integers.
  private let seeds: UnsafeMutableBufferPointer<UInt64>
  private let queueDist: UnsafeMutableBufferPointer<Int32>
  private let queueNode: UnsafeMutableBufferPointer<Int32>
  private var stamp = 0

  init(nodeCount n: Int) {
    sum = allocateBuffer(n, 0)
    sumSquares = allocateBuffer(n, 0)
    level = allocateBuffer(n, -1)
    order = allocateBuffer(n, 0)
    idom = allocateBuffer(n, -1)
    firstChild = allocateBuffer(n, -1)
    nextSibling = allocateBuffer(n, -1)
    pre = allocateBuffer(n, 0)
    subtree = allocateBuffer(n, 0)
    preorder = allocateBuffer(n, 0)
    stack = allocateBuffer(n, 0)
    stampA = allocateBuffer(n, 0)
    stampDone = allocateBuffer(n, 0)
    stampTent = allocateBuffer(n, 0)
    newDist = allocateBuffer(n, 0)
    seeds = allocateBuffer(n, 0)
    queueDist = allocateBuffer(n, 0)
    queueNode = allocateBuffer(n, 0)
  }

  deinit {
    sum.deallocate()
    sumSquares.deallocate()
    level.deallocate()
    order.deallocate()
    idom.deallocate()
    firstChild.deallocate()
    nextSibling.deallocate()
    pre.deallocate()
    subtree.deallocate()
    preorder.deallocate()
    stack.deallocate()
    stampA.deallocate()
    stampDone.deallocate()
    stampTent.deallocate()
    newDist.deallocate()
    seeds.deallocate()
    queueDist.deallocate()
    queueNode.deallocate()
  }

  /// Adds X_s(v) (and its square) for every v ≠ s.
  func accumulate(_ g: Graph, source s: Int) {
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        accumulate(offsets, neighbors, s)
      }
    }
  }

  private func accumulate(
    _ offsets: UnsafeBufferPointer<Int32>, _ neighbors: UnsafeBufferPointer<Int32>, _ s: Int
  ) {
    let level = self.level
    let order = self.order
    let idom = self.idom
    let firstChild = self.firstChild
    let nextSibling = self.nextSibling
    let pre = self.pre
    let subtree = self.subtree
    let preorder = self.preorder
    let stack = self.stack
    // 1. BFS from s.
    level[s] = 0
    order[0] = Int32(s)
    var head = 0
    var tail = 1
    while head < tail {
      let v = Int(order[head])
      head += 1
      let next = level[v] + 1
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(neighbors[e])
        if level[w] < 0 {
          level[w] = next
          order[tail] = Int32(w)
          tail += 1
        }
      }
    }
    let reached = tail
    // 2. Immediate dominators in BFS order: the dominator-tree LCA of the DAG predecessors
    //    (dominator-tree ancestors have strictly smaller levels, so the deeper one climbs).
    let s32 = Int32(s)
    idom[s] = -1
    for k in 1..<max(reached, 1) {
      let t = Int(order[k])
      let want = level[t] - 1
      var d: Int32 = -1
      for e in Int(offsets[t])..<Int(offsets[t + 1]) {
        let x = neighbors[e]
        guard level[Int(x)] == want else { continue }
        if d < 0 {
          d = x
        } else {
          var a = d
          var b = x
          while a != b {
            let la = level[Int(a)]
            let lb = level[Int(b)]
            if la >= lb { a = idom[Int(a)] }
            if lb >= la { b = idom[Int(b)] }
          }
          d = a
        }
        if d == s32 { break }  // the root dominates everything: nothing deeper to find
      }
      idom[t] = d
    }
    // 3. Children lists, preorder positions and subtree sizes of the dominator tree.
    for k in 0..<reached {
      firstChild[Int(order[k])] = -1
      subtree[Int(order[k])] = 1
    }
    var k = reached - 1
    while k >= 1 {
      let t = order[k]
      let p = Int(idom[Int(t)])
      nextSibling[Int(t)] = firstChild[p]
      firstChild[p] = t
      subtree[p] += subtree[Int(t)]
      k -= 1
    }
    var position: Int32 = 0
    var top = 0
    stack[0] = s32
    top = 1
    while top > 0 {
      top -= 1
      let t = Int(stack[top])
      pre[t] = position
      preorder[Int(position)] = Int32(t)
      position += 1
      var c = firstChild[t]
      while c >= 0 {
        stack[top] = c
        top += 1
        c = nextSibling[Int(c)]
      }
    }
    // 4. Repair the distances below every v with a non-trivial dominator subtree.
    for k in 1..<max(reached, 1) {
      let v = Int(order[k])
      let size = Int(subtree[v])
      guard size > 1 else { continue }
      let lo = Int(pre[v]) + 1
      let x = repair(offsets, neighbors, v: v, range: lo..<(lo + size - 1))
      if x != 0 {
        sum[v] += x
        sumSquares[v] += x * x
      }
    }
    for k in 0..<reached { level[Int(order[k])] = -1 }
  }

  /// Σ (new − old) distance over the nodes preorder[range] (the dominator subtree of v without
  /// v) that are still reachable without v.
  private func repair(
    _ offsets: UnsafeBufferPointer<Int32>, _ neighbors: UnsafeBufferPointer<Int32>, v: Int,
    range: Range<Int>
  ) -> Int {
    stamp += 1
    let mark = stamp
    let level = self.level
    let preorder = self.preorder
    let stampA = self.stampA
    let stampDone = self.stampDone
    let stampTent = self.stampTent
    let newDist = self.newDist
    let seeds = self.seeds
    let queueDist = self.queueDist
    let queueNode = self.queueNode
    for i in range { stampA[Int(preorder[i])] = mark }
    // Seeds: d(x) + 1 from the best unaffected neighbour x (its distance does not change).
    var seedCount = 0
    for i in range {
      let t = Int(preorder[i])
      var best = Int32.max
      for e in Int(offsets[t])..<Int(offsets[t + 1]) {
        let x = Int(neighbors[e])
        if x == v || stampA[x] == mark { continue }
        best = min(best, level[x] + 1)
      }
      if best != Int32.max {
        seeds[seedCount] = UInt64(UInt32(best)) << 32 | UInt64(UInt32(t))
        seedCount += 1
        stampTent[t] = mark
        newDist[t] = best
      }
    }
    guard seedCount > 0 else { return 0 }
    // Dijkstra with unit lengths from several sources at different start distances: pending
    // entries come from two lists whose distances never decrease (the sorted seeds, and the
    // FIFO of d + 1 for popped d), so merging them pops in distance order. A node is queued at
    // most once (after a pop at d nothing later can offer less than d + 1).
    var pending = seeds.extracting(0..<seedCount)
    pending.sort()
    var qHead = 0
    var qTail = 0
    var sHead = 0
    var increase = 0
    while sHead < seedCount || qHead < qTail {
      let d: Int32
      let t: Int
      if qHead < qTail && (sHead >= seedCount || queueDist[qHead] <= Int32(seeds[sHead] >> 32)) {
        d = queueDist[qHead]
        t = Int(queueNode[qHead])
        qHead += 1
      } else {
        d = Int32(seeds[sHead] >> 32)
        t = Int(UInt32(truncatingIfNeeded: seeds[sHead]))
        sHead += 1
      }
      if stampDone[t] == mark || d > newDist[t] { continue }
      stampDone[t] = mark
      increase += Int(d - level[t])
      for e in Int(offsets[t])..<Int(offsets[t + 1]) {
        let w = Int(neighbors[e])
        guard stampA[w] == mark, stampDone[w] != mark else { continue }
        if stampTent[w] != mark || d + 1 < newDist[w] {
          stampTent[w] = mark
          newDist[w] = d + 1
          queueDist[qTail] = d + 1
          queueNode[qTail] = Int32(w)
          qTail += 1
        }
      }
    }
    return increase
  }
}
