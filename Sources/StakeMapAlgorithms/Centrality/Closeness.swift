import StakeMapGraph

/// Closeness centrality: how near a node is to all others it can reach.
///
/// Closeness after A. Bavelas, "Communication patterns in task-oriented groups", J. Acoust.
/// Soc. Am. 22:725–730, 1950, and L. C. Freeman, "Centrality in social networks: conceptual
/// clarification", Social Networks 1:215–239, 1979; for disconnected graphs the improved
/// formula of S. Wasserman and K. Faust, "Social Network Analysis", Cambridge University Press,
/// 1994, p. 201, as NetworkX applies it (`wf_improved=True`).
public enum Closeness {
  /// `nx.closeness_centrality(G, distance=W)` (../shared/SPEC.md §3): for a node that reaches r − 1 others
  /// at total distance D, ((r − 1)/D)·((r − 1)/(n − 1)); 0 for isolated nodes and for n ≤ 1.
  /// Distances are hop counts, or sums of 1/weight when `g.isWeighted`.
  ///
  /// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted; parallel over sources.
  public static func compute(_ g: Graph, options: CentralityOptions = .init()) -> [Double] {
    ShortestPathSweep.run(g, betweenness: false, closeness: true, options: options.unstoppable)!.closeness
  }

  /// Closeness and ``Harmonic`` centrality from one sweep per source (the distances are the
  /// same); cheaper than calling both.
  public static func computeWithHarmonic(
    _ g: Graph, options: CentralityOptions = .init()
  ) -> (closeness: [Double], harmonic: [Double]) {
    let sweep = ShortestPathSweep.run(g, betweenness: false, closeness: true, options: options.unstoppable)!
    return (sweep.closeness, sweep.harmonic)
  }
}

/// Harmonic centrality: the sum of inverse distances to all other nodes (unreachable ones add
/// 0), after M. Marchiori and V. Latora, "Harmony in the small-world", Physica A
/// 285:539–546, 2000, and P. Boldi and S. Vigna, "Axioms for centrality", Internet Math.
/// 10:222–262, 2014.
public enum Harmonic {
  /// `nx.harmonic_centrality(G, distance=W)` (../shared/SPEC.md §3): Σ_{v ≠ u} 1/d(u, v), not normalised.
  /// Distances as in ``Closeness/compute(_:options:)``; sums are compensated (Neumaier), so
  /// their rounding error does not grow with n.
  ///
  /// - Complexity: as ``Closeness/compute(_:options:)``, from the same sweeps (use
  ///   ``Centrality/compute(_:options:)`` to get both, and betweenness, from one sweep).
  public static func compute(_ g: Graph, options: CentralityOptions = .init()) -> [Double] {
    ShortestPathSweep.run(g, betweenness: false, closeness: true, options: options.unstoppable)!.harmonic
  }
}
