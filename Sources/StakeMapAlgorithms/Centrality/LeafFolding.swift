import StakeMapGraph

/// Degree-1 folding ("leaf removal", "tree folding") for exact betweenness: the trees hanging
/// off a network are folded into the node they hang from, their share of the betweenness is
/// counted in closed form, and Brandes' sweep runs on what is left (the 2-core) only, with every
/// remaining node weighted by how many nodes it stands for.
///
/// Technique of M. Baglioni, F. Geraci, M. Pellegrini and E. Lastres, "Fast exact computation
/// of betweenness centrality in social networks", ASONAM 2012, and A. E. Sariyüce, E. Saule,
/// K. Kaya and Ü. V. Çatalyürek, "Shattering and compressing networks for betweenness
/// centrality", SDM 2013 (degree-1 removal with reach weights).
///
/// ## Folding
/// A node v of degree 1 is removed and folded into its one remaining neighbour u, repeatedly
/// (u may become a leaf in turn). reach[x] = 1 + the nodes folded into x, i.e. the size of the
/// tree T_x that x stands for. Every path between T_v and a node outside it runs through the
/// tie v–u, whatever the weights (there is no other way out of a tree), so folding is the same
/// for weighted and unweighted graphs. When v (reach r_v) is folded into u (reach r_u so far,
/// u's component of N nodes):
///
///     tree[u] += 2 · r_v · (N − r_u − r_v)
///
/// ordered pairs: those between T_v and the N − r_u − r_v nodes neither in T_v nor in what was
/// folded into u before (u itself excluded: an end point). Each pair of nodes in two different
/// trees folded into u, or in one of them and outside T_u, is counted exactly once (at the
/// later of the two folds). The simpler 2·r_v·(N − r_v − 1), pairs between T_v and everything
/// but T_v and u, counts the pairs between two trees of u twice (a star of 4 leaves would get up
/// to 24 instead of 12); the oracle fixtures (trees, stars, paths) catch that.
///
/// What is left is the 2-core (every node of degree ≥ 2) plus one node of degree 0 per
/// component that was a tree (it folded down to one node; a single node or a 2-node component
/// too) and the isolated nodes: these have no paths through them left to count.
///
/// ## The core
/// Brandes' sweep from every core node s, weighted: s stands for reach[s] sources and every
/// target w for reach[w] targets, so
///
///     δ_s(v) = Σ_{w: v ∈ pred_s(w)} σ_sv/σ_sw · (reach[w] + δ_s(w)),   bc[v] += reach[s]·δ_s(v)
///
/// counts the pairs (a, b), a ∈ T_s, b ∈ T_t, s ≠ v ≠ t, whose shortest paths run through v
/// (a path from T_s to T_t is a shortest s–t path extended by the unique tree paths). The pairs
/// with an end in v's own tree T_v are the tree terms above; the two parts are disjoint and
/// together count every ordered pair, so bc = tree + core is Brandes' value exactly (up to
/// rounding: the tree terms are integers, exact in a double below 2⁵³).
/// Normalisation (``Betweenness/normalize(_:)``) stays over the ORIGINAL n.
///
/// Unweighted graphs sweep the core alone (``unweightedPlan(of:)``: ``BatchedBrandes`` with
/// per-lane source weights, or, where the core has small blocks, ``BlockSplitting`` on it). Weighted graphs search the whole graph from the core's
/// nodes, the trees' nodes with reach 0 (``sweepWholeGraph(_:closeness:options:)``), because
/// weighted closeness and harmonic share that sweep and do not fold; betweenness alone and
/// the shared sweep then give the same bits.
///
/// ## When it is used
/// ``pays`` decides from the graph alone, so that every entry point computes betweenness the
/// same way, bit for bit: fold when at least ``minimumShare`` (1 %) of the nodes with ties fold
/// away; below that the plain sweep runs, unchanged (unless ``BlockSplitting`` pays, which
/// folds first). Measured (README.md, "Memory and time at scale", paired whole-process
/// runs): at 1 % folding breaks even (0.98 unweighted, 0.99 weighted, 1.01 inside the shared
/// weighted sweep); forced on the block model (0.05 % fold) it costs nothing measurable
/// (1.00); at 9 % it saves 16 % unweighted, at 50 % 68 %.
///
/// - Complexity: folding O(n + m); the core graph O(n + m log d) to build (unweighted). The
///   sweep then costs O(k·m') unweighted for a core of k nodes and m' ties, O(k·m·log n)
///   weighted (plus the searches from the other nodes when closeness is asked for), instead
///   of O(n·m) resp. O(n·m·log n); nothing for a forest. Memory: about 40·n bytes while
///   folding; unweighted the core graph (at most the size of the graph) and the batched
///   sweep's scratch for k nodes instead of n; weighted about 17·n bytes (reach, the order
///   of the sources, core flags).
package struct LeafFolding {
  /// The node count of the original graph.
  let nodeCount: Int
  /// Whether the original graph is weighted.
  let weighted: Bool
  /// Nodes removed by folding (the trees' nodes; not their last node, not isolated nodes).
  package let removedCount: Int
  /// Nodes with at least one tie in the original graph.
  package let nodesWithTies: Int
  /// Raw betweenness (ordered pairs, unnormalised) of the paths with an end in a folded tree,
  /// per original node; whole numbers.
  package let treeBetweenness: [Double]
  /// Per original node: the current degree after folding (core nodes ≥ 2, others 0).
  private let remainingDegree: [Int32]
  /// Per original node: 1 + the nodes folded into it.
  private let reach: [Int]

  /// The share of the nodes with ties that must fold away for folding to be used.
  package static let minimumShare = 0.01

  /// Folds every tree of `g`.
  ///
  /// - Complexity: O(n + m) time; about 24·n bytes (reach, tree sums, degrees, queue), and
  ///   when some node has degree 1 the components (``ConnectedComponents``: 16·n bytes and a
  ///   list per component).
  package init(_ g: Graph) {
    let n = g.nodeCount
    let offsets = g.offsets
    let neighbors = g.neighbors
    var degree = [Int32](repeating: 0, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var withTies = 0
    var tail = 0
    for v in 0..<n {
      degree[v] = offsets[v + 1] - offsets[v]
      if degree[v] > 0 { withTies += 1 }
      if degree[v] == 1 {
        queue[tail] = Int32(v)
        tail += 1
      }
    }
    // Component sizes, for N in the tree term; not needed when nothing folds.
    let components = tail > 0 ? ConnectedComponents(g) : nil
    // Every node enters the queue at most once: when its degree is (or drops to) 1.
    var reach = [Int](repeating: 1, count: n)
    var tree = [Double](repeating: 0, count: n)
    var head = 0
    var removed = 0
    while head < tail {
      let v = Int(queue[head])
      head += 1
      // 0 when its partner was folded into it first (the last two nodes of a tree).
      guard degree[v] == 1 else { continue }
      var u = -1
      for e in Int(offsets[v])..<Int(offsets[v + 1]) where degree[Int(neighbors[e])] > 0 {
        u = Int(neighbors[e])
        break
      }
      degree[v] = 0
      removed += 1
      let size = components!.lists[components!.label[v]].count
      tree[u] += Double(2 * reach[v] * (size - reach[u] - reach[v]))
      reach[u] += reach[v]
      degree[u] -= 1
      if degree[u] == 1 {
        queue[tail] = Int32(u)
        tail += 1
      }
    }
    self.nodeCount = n
    self.weighted = g.isWeighted
    self.removedCount = removed
    self.nodesWithTies = withTies
    self.treeBetweenness = tree
    self.remainingDegree = degree
    self.reach = reach
  }

  /// Whether folding makes the betweenness sweep cheaper: at least ``minimumShare`` of the
  /// nodes with ties are removed.
  package static func pays(removed: Int, withTies: Int) -> Bool {
    removed > 0 && Double(removed) >= minimumShare * Double(withTies)
  }

  /// ``pays(removed:withTies:)`` for this graph.
  package var pays: Bool { Self.pays(removed: removedCount, withTies: nodesWithTies) }

  /// The core (nodes of degree ≥ 2 after folding, in ascending original id, with their ties),
  /// the original id of each core node, and each one's reach. Unweighted graphs.
  ///
  /// - Complexity: O(n + m log d) (``Graph/init(nodeCount:sources:targets:weights:)``).
  func core(of g: Graph) -> (graph: Graph, nodes: [Int32], reach: [Double]) {
    let n = nodeCount
    var index = [Int32](repeating: -1, count: n)
    var nodes: [Int32] = []
    var weights: [Double] = []
    for v in 0..<n where remainingDegree[v] >= 2 {
      index[v] = Int32(nodes.count)
      nodes.append(Int32(v))
      weights.append(Double(reach[v]))
    }
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    for v in nodes {
      let i = index[Int(v)]
      for e in g.edgeRange(Int(v)) {
        let w = Int(g.neighbors[e])
        // A core node's remaining neighbours are core nodes; each tie once.
        if w > Int(v) && index[w] >= 0 {
          us.append(i)
          vs.append(index[w])
          ws.append(g.weights[e])
        }
      }
    }
    return (Graph(nodeCount: nodes.count, sources: us, targets: vs, weights: ws), nodes, weights)
  }

  /// The unweighted betweenness plan for `g`: the core with its reaches, split into blocks
  /// when that pays (``BlockSplitting``); nil when neither folding nor splitting pays (then
  /// the plain batched sweep runs). Decided from the graph alone.
  ///
  /// - Complexity: O(n + m) to decide, plus O(n + m log d) to build the core when trees fold.
  package func unweightedPlan(of g: Graph) -> UnweightedPlan? {
    precondition(!weighted)
    var coreGraph = g
    var coreNodes: [Int32]? = nil
    var coreReach = [Double](repeating: 1, count: nodeCount)
    if removedCount > 0 {
      (coreGraph, coreNodes, coreReach) = core(of: g)
    }
    let split = BlockSplitting(coreGraph, reach: coreReach)
    guard split.pays || pays else { return nil }
    return UnweightedPlan(
      folding: self, core: coreGraph, coreNodes: coreNodes, reach: coreReach,
      split: split.pays ? split : nil)
  }

  /// What ``unweightedPlan(of:)`` decided: the core (the graph itself when nothing folds),
  /// the original id of each core node (nil: the same ids), reaches, and the split.
  package struct UnweightedPlan {
    let folding: LeafFolding
    let core: Graph
    let coreNodes: [Int32]?
    let reach: [Double]
    package let split: BlockSplitting?

    /// Raw betweenness (ordered pairs, unnormalised) of every node of the original graph: the
    /// tree terms plus, over the core, either the split's cut terms and block sweeps or
    /// ``BatchedBrandes`` over the core renumbered in breadth-first order, with reach weights.
    /// nil when `options.shouldStop` stopped the sweep. Progress is reported in sources of the
    /// original graph.
    func betweenness(options: CentralityOptions) -> [Double]? {
      let n = folding.nodeCount
      var values = folding.treeBetweenness
      let k = core.nodeCount
      guard k > 0 else {
        // A forest: everything is in the tree terms.
        options.progress?(n, n)
        return values
      }
      let coreOptions = options.counting(sources: k, of: n)
      let sums: [Double]
      if let split {
        guard let split = split.betweenness(options: coreOptions) else { return nil }
        sums = split
      } else {
        let relabelled = BFSOrder.relabel(core)
        var relabelledReach = [Double](repeating: 0, count: k)
        for v in 0..<k { relabelledReach[Int(relabelled.newID[v])] = reach[v] }
        guard
          let swept = BatchedBrandes.run(
            relabelled.graph, options: coreOptions, reach: relabelledReach)
        else { return nil }
        sums = (0..<k).map { swept[Int(relabelled.newID[$0])] }
      }
      for i in 0..<k { values[coreNodes.map { Int($0[i]) } ?? i] += sums[i] }
      return values
    }
  }

  /// Weighted graphs: Dijkstra over the WHOLE graph, from the core's nodes only, each with
  /// Brandes' backward pass weighted by reach (0 for the nodes of the folded trees: they add
  /// exactly +0 to every sum); with `closeness`, also from every other node, for closeness
  /// and harmonic only (``ShortestPathSweep/distancesDijkstra(_:_:_:_:)``, the same bits as
  /// from Brandes' forward pass). Returns the betweenness with the tree terms added, and
  /// closeness and harmonic when asked for; nil when stopped.
  ///
  /// Why the whole graph and not the core alone (as unweighted): weighted closeness and
  /// harmonic share one Dijkstra sweep with betweenness (``Centrality``), and they do not fold.
  /// A sweep over the core beside a distances-only sweep for them cost 1.85× the shared sweep
  /// (a distances-only Dijkstra costs about as much as Brandes'). Here they stay in the one
  /// sweep, and betweenness computed alone is the same computation from the same sources in
  /// the same chunks (chunk j holds the core's sources 8j ..< 8j+8, the other sources spread
  /// over the chunks), so it is the same bit for bit. A Dijkstra over the core alone would
  /// settle equal distances in another order (the heap's order among equal keys depends on
  /// what else it holds) and so differ in the last bits; settling them by (distance, id)
  /// made the plain sweep 1.76× slower. The price: a search from a core node also walks the
  /// trees, so betweenness alone costs O(k·m·log n) rather than O(k·m'·log k) (0.50 of the
  /// plain sweep instead of 0.33 with half the nodes in trees).
  func sweepWholeGraph(_ g: Graph, closeness: Bool, options: CentralityOptions)
    -> ShortestPathSweep.Output?
  {
    precondition(weighted)
    let n = nodeCount
    var core: [Int32] = []
    var others: [Int32] = []
    var inCore = [Bool](repeating: false, count: n)
    var weights = [Double](repeating: 0, count: n)
    for v in 0..<n {
      if remainingDegree[v] >= 2 {
        core.append(Int32(v))
        inCore[v] = true
        weights[v] = Double(reach[v])
      } else {
        others.append(Int32(v))
      }
    }
    guard !core.isEmpty else {
      // A forest: no sweep for betweenness.
      guard closeness else {
        options.progress?(n, n)
        return .init(betweenness: treeBetweenness, closeness: [], harmonic: [])
      }
      guard
        let distances = ShortestPathSweep.sweep(
          g, betweenness: false, closeness: true, options: options)
      else { return nil }
      return .init(
        betweenness: treeBetweenness, closeness: distances.closeness,
        harmonic: distances.harmonic)
    }
    let chunkSize = ShortestPathSweep.chunkSize
    let chunks = (core.count + chunkSize - 1) / chunkSize
    var sources: [Int32] = []
    sources.reserveCapacity(closeness ? n : core.count)
    var chunkStart = [0]
    for j in 0..<chunks {
      sources += core[(j * chunkSize)..<min(core.count, (j + 1) * chunkSize)]
      if closeness {
        sources += others[(j * others.count / chunks)..<((j + 1) * others.count / chunks)]
      }
      chunkStart.append(sources.count)
    }
    let folded = ShortestPathSweep.FoldedSources(
      reach: weights, sources: sources, chunkStart: chunkStart, inCore: inCore)
    guard
      var output = ShortestPathSweep.sweep(
        g, betweenness: true, closeness: closeness,
        options: options.counting(sources: sources.count, of: n), folded: folded)
    else { return nil }
    for v in 0..<n { output.betweenness[v] = treeBetweenness[v] + output.betweenness[v] }
    return output
  }
}
