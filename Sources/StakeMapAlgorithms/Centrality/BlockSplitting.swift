import StakeMapGraph
import Synchronization

/// Splitting at cut nodes for exact betweenness on unweighted graphs: the graph is cut into its
/// biconnected blocks, Brandes' sweep runs inside each block only, every block node weighted by
/// how many nodes it stands for, and the paths that cross a cut node are counted in closed form.
/// It goes beyond ``LeafFolding`` (whose trees are chains of one-tie blocks) where a network
/// has many small circles around hubs: an office with its local services that also work with
/// each other, a cooperative with its house communities.
///
/// Technique of R. Puzis, P. Zilberman, Y. Elovici, S. Dolev and U. Brandes, "Heuristics for
/// speeding up betweenness centrality computation", SocialCom 2012, and A. E. Sariyüce, K. Kaya,
/// E. Saule and Ü. V. Çatalyürek, "Graph manipulations for fast centrality computation", ACM
/// TKDD 11(3), 2017 (BADIOS: articulation-vertex splitting with reach weights). Blocks from
/// J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation",
/// CACM 16(6), 1973.
///
/// ## The count
/// Input: a graph with a weight reach[x] ≥ 1 per node, the number of original nodes x stands
/// for (1, or the size of the trees ``LeafFolding`` folded into x). N is the total reach of
/// x's component. For a block B and a node x ∈ B, r_B(x) is the total reach on x's side when
/// B's ties are taken away (reach[x] itself plus everything hanging off x through other
/// blocks); Σ_{x ∈ B} r_B(x) = N. Every shortest path between two nodes of a block stays in the
/// block (leaving it through a cut node would mean coming back through the same node), so an
/// ordered pair (a, b) of original nodes whose paths run through v, a and b not folded into v,
/// is one of two kinds:
/// - a and b lie on different sides of v (v is a cut node, and every a–b path runs through
///   it): with c_B = N − r_B(v) the reach on block B's side of v (v's own trees excluded),
///   S = Σ_B c_B = N − reach[v] over v's blocks, these are
///
///       cut[v] = Σ_B c_B · (S − c_B) = S² − Σ_B c_B²
///
///   ordered pairs (0 for a node in one block only), whole numbers, exact;
/// - a and b lie on the same side of v: then a's and b's paths enter one block B ∋ v at nodes
///   s ≠ v ≠ t, and run from s to t inside B. Brandes inside B with source s counted r_B(s)
///   times and target t r_B(t) times (``BatchedBrandes`` with `reach` = r_B) counts them.
///
/// Blocks of two nodes (one tie) have no inner nodes: only their cut terms count. The blocks
/// of three or more nodes are laid side by side as one graph, a cut node once per block, and
/// swept in one ``BatchedBrandes`` run (a search never leaves its block); each copy's sum goes
/// back to its node. Normalisation stays over the original n.
///
/// ## When it is used
/// ``pays`` decides from the graph alone, so that every entry point computes betweenness the
/// same way, bit for bit: split when the sweeps inside the blocks, Σ_B n_B·m_B over the blocks
/// of three or more nodes, cost at most ``maximumShare`` (0.98) of the sweep over the whole
/// core, Σ_C n_C·m_C over its components. A block model, a Barabási–Albert graph with m ≥ 2
/// and most random graphs are one block (share 1.0: not split, the check costs one depth-first
/// search); small social networks have shares of 0.6–0.9, a federation of regional offices
/// with small circles of services 0.02. Measured (README.md, "Memory and time at scale",
/// paired whole-process runs, one thread): the time falls a little faster than the share
/// (share 0.97 → 0.94 of the unsplit time, 0.90 → 0.88, 0.82 → 0.77, 0.69 → 0.64; the
/// federation of 104,688 nodes 29.1 s → 0.65 s), so the threshold sits just below 1.
///
/// Weighted graphs do not split: their closeness and harmonic share one Dijkstra sweep per
/// source with betweenness (``ShortestPathSweep``). Harmonic centrality needs every distance
/// (Σ 1/d does not split at a cut node the way Σ d does), so that sweep runs from every node
/// anyway, and a split betweenness beside it would add work, not save it (a distances-only
/// Dijkstra costs about as much as the shared one, measured for ``LeafFolding``); betweenness
/// alone would also differ in the last bits from the shared sweep's.
///
/// The depth-first search has the shape of the cut-node search behind ``Structure`` and
/// ``Fragility`` (Structure.swift); it is its own because it pops the blocks' ties from a
/// stack and carries reach weights, which that search, run once per removed node by
/// ``Fragility``, should not pay for.
///
/// - Complexity: O(n + m) to find the blocks and the reaches (iterative depth-first search),
///   then the sweep, O(Σ_B n_B·m_B) (a batch adds and clears only the nodes it reached, see
///   ``BatchedBrandes``, so many small blocks cost their own work). Memory: about
///   75·n + 16·m bytes for the split, plus, per group of blocks (``groupNodes``, or one
///   larger block), its graph and the batched sweep's scratch (768 bytes a node and worker).
package struct BlockSplitting {
  /// The node count of the graph split.
  private let nodeCount: Int
  /// The ties of block b are `blockTies[tieStart[b] ..< tieStart[b + 1]]` (pairs of nodes).
  private let tieStart: [Int]
  private let tieEnds: [(Int32, Int32)]
  /// The nodes of block b are `members[memberStart[b] ..< memberStart[b + 1]]`, with their
  /// reach on that side, `memberReach` (parallel to `members`).
  private let memberStart: [Int]
  private let members: [Int32]
  private let memberReach: [Int]
  /// cut[v] of the type's documentation, per node (whole numbers).
  package let cutBetweenness: [Double]
  /// Σ_B n_B·m_B over the blocks of three or more nodes, and Σ_C n_C·m_C over the components.
  package let blockWork: Double
  package let wholeWork: Double

  /// The share of the whole sweep's work the blocks' sweeps may cost for splitting to be used.
  package static let maximumShare = 0.98

  /// Whether splitting pays (see the type's documentation).
  package var pays: Bool { wholeWork > 0 && blockWork <= Self.maximumShare * wholeWork }

  /// Finds the blocks of `g` (unweighted; a simple graph, as ``Graph`` is) and every reach.
  ///
  /// - Parameter reach: per node, how many original nodes it stands for (whole numbers ≥ 1).
  /// - Complexity: O(n + m).
  package init(_ g: Graph, reach: [Double]) {
    let n = g.nodeCount
    precondition(reach.count == n)
    let offsets = g.offsets
    let neighbors = g.neighbors
    let weight = reach.map { Int($0) }
    var discovered = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var next = [Int32](repeating: 0, count: n)
    // Reach of each node's depth-first subtree, and of the blocks hanging below it (as their
    // top node): the parts behind a node away from the block it entered through.
    var subtree = [Int](repeating: 0, count: n)
    var hanging = [Int](repeating: 0, count: n)
    var path: [Int32] = []
    var tieStack: [(Int32, Int32)] = []
    var tieStart = [0]
    var tieEnds: [(Int32, Int32)] = []
    var memberStart = [0]
    var members: [Int32] = []
    var memberReach: [Int] = []
    // For each block: its top node's entry in `members` and the subtree reach below the top,
    // to give the top its reach N − subtree once the component's total N is known.
    var topEntry: [Int] = []
    var belowTop: [Int] = []
    var stamp = [Int32](repeating: -1, count: n)
    var componentOfBlock: [Int32] = []
    var componentTotal: [Int] = []
    var wholeWork = 0.0
    var clock: Int32 = 0

    for root in 0..<n where discovered[root] < 0 && offsets[root + 1] > offsets[root] {
      let component = Int32(componentTotal.count)
      var componentNodes = 0
      var componentTies = 0
      discovered[root] = clock
      low[root] = clock
      clock += 1
      next[root] = offsets[root]
      path.append(Int32(root))
      while let last = path.last {
        let v = Int(last)
        if next[v] < offsets[v + 1] {
          let w = Int(neighbors[Int(next[v])])
          next[v] += 1
          if discovered[w] < 0 {
            parent[w] = Int32(v)
            discovered[w] = clock
            low[w] = clock
            clock += 1
            next[w] = offsets[w]
            tieStack.append((Int32(v), Int32(w)))
            path.append(Int32(w))
          } else if w != Int(parent[v]) && discovered[w] < discovered[v] {
            // A tie back to an ancestor (each such tie once: from its lower end).
            low[v] = min(low[v], discovered[w])
            tieStack.append((Int32(v), Int32(w)))
          }
          continue
        }
        // v is finished.
        path.removeLast()
        subtree[v] += weight[v]
        componentNodes += 1
        componentTies += Int(offsets[v + 1] - offsets[v])
        guard let above = path.last else { break }
        let p = Int(above)
        subtree[p] += subtree[v]
        low[p] = min(low[p], low[v])
        guard low[v] >= discovered[p] else { continue }
        // p separates v's subtree from the rest: the ties on the stack down to p–v are a block.
        let block = Int32(tieStart.count - 1)
        while let tie = tieStack.popLast() {
          tieEnds.append(tie)
          for side in 0..<2 {
            let x = Int(side == 0 ? tie.0 : tie.1)
            guard stamp[x] != block else { continue }
            stamp[x] = block
            members.append(Int32(x))
            // Every node of the block but p is in v's finished subtree, so all blocks hanging
            // below it are known; p's reach needs the component's total (set below).
            memberReach.append(x == p ? 0 : weight[x] + hanging[x])
            if x == p { topEntry.append(members.count - 1) }
          }
          if tie == (Int32(p), Int32(v)) { break }
        }
        tieStart.append(tieEnds.count)
        memberStart.append(members.count)
        belowTop.append(subtree[v])
        componentOfBlock.append(component)
        hanging[p] += subtree[v]
      }
      componentTotal.append(subtree[root])
      wholeWork += Double(componentNodes) * Double(componentTies / 2)
    }
    for b in 0..<topEntry.count {
      memberReach[topEntry[b]] = componentTotal[Int(componentOfBlock[b])] - belowTop[b]
    }

    // cut[v] = S² − Σ_B c_B², c_B = N − r_B(v), S = N − reach[v]: 0 for a node in one block
    // (c_B = S), and for a node in none (no ties; its total stays 0).
    var squares = [Int](repeating: 0, count: n)
    var totalOf = [Int](repeating: 0, count: n)
    var blockWork = 0.0
    for b in 0..<(memberStart.count - 1) {
      let total = componentTotal[Int(componentOfBlock[b])]
      let size = memberStart[b + 1] - memberStart[b]
      let ties = tieStart[b + 1] - tieStart[b]
      if size >= 3 { blockWork += Double(size) * Double(ties) }
      for k in memberStart[b]..<memberStart[b + 1] {
        let x = Int(members[k])
        let side = total - memberReach[k]
        squares[x] += side * side
        totalOf[x] = total
      }
    }
    var cut = [Double](repeating: 0, count: n)
    for x in 0..<n where totalOf[x] > 0 {
      let s = totalOf[x] - weight[x]
      cut[x] = Double(s * s - squares[x])
    }
    self.nodeCount = n
    self.tieStart = tieStart
    self.tieEnds = tieEnds
    self.memberStart = memberStart
    self.members = members
    self.memberReach = memberReach
    self.cutBetweenness = cut
    self.blockWork = blockWork
    self.wholeWork = wholeWork
  }

  /// Blocks' nodes per sweep: the blocks of three or more nodes are swept in groups of about
  /// this many nodes (a larger block alone), so that the batched sweep's scratch (768 bytes a
  /// node and worker) follows the group, not all blocks together (a windmill of 500,000
  /// triangles: 1.5 million copies of nodes).
  static let groupNodes = 1 << 16

  /// Raw betweenness (ordered pairs, unnormalised) per node of the graph split: the cut terms
  /// plus ``BatchedBrandes`` inside the blocks of three or more nodes, laid side by side in
  /// groups of about ``groupNodes`` nodes and renumbered in breadth-first order, with r_B as
  /// reach; each copy's sum goes to its node, in block order. nil when `options.shouldStop`
  /// stopped the sweep. Progress is reported in nodes of the graph split.
  func betweenness(options: CentralityOptions) -> [Double]? {
    let blockCount = memberStart.count - 1
    let copies = (0..<blockCount).reduce(0) {
      let size = memberStart[$1 + 1] - memberStart[$1]
      return $0 + (size >= 3 ? size : 0)
    }
    var values = cutBetweenness
    guard copies > 0 else {
      // Not reached through the plan (a core with ties has a cycle, so a block of three or
      // more nodes); kept for callers that split a forest.
      options.progress?(nodeCount, nodeCount)
      return values
    }
    // Progress over all groups: copies swept so far plus the running group's, in nodes.
    let sweptBefore = Mutex(0)
    var groupOptions = options
    if let progress = options.progress {
      let n = nodeCount
      groupOptions.progress = { done, _ in
        let before = sweptBefore.withLock { $0 }
        progress((before + done) * n / copies, n)
      }
    }
    // A node's copy in the group being laid out (set for all its members before its ties).
    var local = [Int32](repeating: -1, count: nodeCount)
    var b = 0
    while b < blockCount {
      var copyOf: [Int32] = []
      var copyReach: [Double] = []
      var us: [Int32] = []
      var vs: [Int32] = []
      while b < blockCount {
        let size = memberStart[b + 1] - memberStart[b]
        if size >= 3 {
          if !copyOf.isEmpty && copyOf.count + size > Self.groupNodes { break }
          for k in memberStart[b]..<memberStart[b + 1] {
            local[Int(members[k])] = Int32(copyOf.count)
            copyOf.append(members[k])
            copyReach.append(Double(memberReach[k]))
          }
          for (x, y) in tieEnds[tieStart[b]..<tieStart[b + 1]] {
            us.append(local[Int(x)])
            vs.append(local[Int(y)])
          }
        }
        b += 1
      }
      guard !copyOf.isEmpty else { break }
      let group = Graph(
        nodeCount: copyOf.count, sources: us, targets: vs,
        weights: [Double](repeating: 1, count: us.count))
      let relabelled = BFSOrder.relabel(group)
      var relabelledReach = [Double](repeating: 0, count: copyOf.count)
      for i in copyOf.indices { relabelledReach[Int(relabelled.newID[i])] = copyReach[i] }
      guard
        let sums = BatchedBrandes.run(
          relabelled.graph, options: groupOptions, reach: relabelledReach)
      else { return nil }
      for i in copyOf.indices { values[Int(copyOf[i])] += sums[Int(relabelled.newID[i])] }
      sweptBefore.withLock { $0 += copyOf.count }
    }
    return values
  }
}
