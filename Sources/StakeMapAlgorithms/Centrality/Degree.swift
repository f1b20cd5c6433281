import StakeMapGraph

/// Degree centrality (L. C. Freeman, "Centrality in social networks: conceptual clarification",
/// Social Networks 1:215–239, 1979): the share of the other nodes a node is tied to.
public enum Degree {
  /// `nx.degree_centrality(G)` (../shared/SPEC.md §3): deg(v)/(n − 1); by NetworkX's convention every node
  /// of a graph with n ≤ 1 nodes has degree centrality 1. Parallel ties count once (they are
  /// merged in the graph), weights are ignored.
  ///
  /// - Complexity: O(n).
  public static func compute(_ g: Graph) -> [Double] {
    let n = g.nodeCount
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    let scale = 1 / Double(n - 1)
    return (0..<n).map { Double(g.degree($0)) * scale }
  }
}

/// Strength, or weighted degree (A. Barrat et al., "The architecture of complex weighted
/// networks", PNAS 101:3747–3752, 2004): the sum of a node's tie weights.
public enum Strength {
  /// `G.degree(weight="weight")` (../shared/SPEC.md §3): the sum of the weights of v's ties, where merged
  /// parallel relations contribute their added weights; equals the degree when unweighted.
  ///
  /// - Complexity: O(n + m).
  public static func compute(_ g: Graph) -> [Double] {
    (0..<g.nodeCount).map { g.strength($0) }
  }
}
