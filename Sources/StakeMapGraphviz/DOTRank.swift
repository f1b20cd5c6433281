/// A rank constraint for `dot`: `{ rank="same"; "a"; "b"; }`.
///
/// - SeeAlso: <https://graphviz.org/docs/attrs/rank/>
public struct DOTRank: Sendable, Hashable {
  /// The `rank` value of the anonymous subgraph.
  public enum Kind: String, CaseIterable, Sendable, Hashable {
    /// All listed nodes on one rank.
    case same
    /// On the minimum rank (together with other `min`/`source` nodes).
    case min
    /// Alone on the minimum rank.
    case source
    /// On the maximum rank.
    case max
    /// Alone on the maximum rank.
    case sink
  }

  public var kind: Kind
  public var nodeIDs: [String]

  public init(_ kind: Kind = .same, nodeIDs: [String]) {
    self.kind = kind
    self.nodeIDs = nodeIDs
  }
}
