import StakeMapGraph

/// Betweenness centrality: the share of shortest paths between other pairs of nodes that pass
/// through a node.
///
/// Implements Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality",
/// J. Math. Sociol. 25(2):163–177, 2001), with the accumulation written as in U. Brandes, "On
/// variants of shortest-path betweenness centrality and their generic computation", Social
/// Networks 30(2):136–145, 2008 (dependencies δ(v) += σ(v)/σ(w)·(1 + δ(w))). Breadth-first search
/// when `!graph.isWeighted`, Dijkstra with distance = 1/weight otherwise (a strong tie is short).
public enum Betweenness {
  /// Normalised betweenness per node, exactly `nx.betweenness_centrality(G, normalized=True,
  /// weight=W)` for the undirected graph (../shared/SPEC.md §3): the sum over ordered pairs (s, t), s ≠ v ≠ t,
  /// of σ_st(v)/σ_st, times 1/((n−1)(n−2)); no scaling for n ≤ 2 (all values are 0 then).
  /// Endpoints are not counted.
  ///
  /// Unlike NetworkX, weighted path lengths that are equal up to floating-point rounding
  /// count as equal (see ``ShortestPathSweep``), so the values match exact rational arithmetic
  /// to 1e-9; NetworkX's own float results are off by up to 0.0019 on the weighted karate club.
  ///
  /// The result is bit-for-bit independent of `options.threads`.
  ///
  /// Unweighted graphs run 32 sources per pass (``BatchedBrandes``, on the graph renumbered in
  /// breadth-first order); weighted ones one Dijkstra per source (``ShortestPathSweep``).
  /// When enough of the nodes sit on trees hanging off the network (``LeafFolding/pays``:
  /// at least 1 % of the nodes with ties fold away), the trees are folded first (degree-1
  /// folding, Baglioni et al., ASONAM 2012; Sariyüce et al., SDM 2013) and the sweep runs
  /// from the remaining core's nodes only, with reach weights (unweighted over the core alone,
  /// weighted over the whole graph); unweighted, the core is also split at its cut nodes when
  /// its blocks are small (``BlockSplitting/pays``). The same values within rounding, and the
  /// same bits as ``Centrality/compute(_:options:)``'s.
  ///
  /// - Complexity: O(n·m) time for unweighted graphs, O(n·m·log n) weighted; with folding
  ///   O(n + m) plus the sweep from the core's k nodes (O(k·m'), m' the core's ties, resp.
  ///   O(k·m·log n); nothing for a forest). Memory per thread: about 780·n bytes unweighted (32
  ///   lanes of σ and coefficients per node, level lists; k for n when folded), O(n + m)
  ///   weighted; plus ~8 MB of partial sums, and when folded about 40·n bytes of folding state
  ///   and, unweighted, the core graph (at most the graph's size).
  public static func compute(_ g: Graph, options: CentralityOptions = .init()) -> [Double] {
    var options = options
    options.shouldStop = nil
    var values = ShortestPathSweep.run(g, betweenness: true, closeness: false, options: options)!
      .betweenness
    normalize(&values)
    return values
  }

  /// ``compute(_:options:)`` without degree-1 folding or splitting, whatever the graph: the
  /// plain sweep over every source, for tests and measurements that compare them.
  package static func computeUnfolded(_ g: Graph, options: CentralityOptions = .init())
    -> [Double]
  {
    var values = ShortestPathSweep.sweep(
      g, betweenness: true, closeness: false, options: options.unstoppable)!.betweenness
    normalize(&values)
    return values
  }

  /// NetworkX's rescaling for `normalized=True`, undirected, `endpoints=False`.
  static func normalize(_ values: inout [Double]) {
    let n = values.count
    guard n > 2 else { return }
    let scale = 1 / (Double(n - 1) * Double(n - 2))
    for i in values.indices { values[i] *= scale }
  }
}
