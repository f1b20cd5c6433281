/// A rank constraint for `dot`: `{ rank="same"; "a"; "b"; }`.
///
/// - SeeAlso: <https://graphviz.org/docs/attrs/rank/>
package struct DOTRank: Sendable, Hashable {
  /// The `rank` value of the anonymous subgraph.
  package enum Kind: String, CaseIterable, Sendable, Hashable {
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

  package var kind: Kind
  package var nodeIDs: [String]

  package init(_ kind: Kind = .same, nodeIDs: [String]) {
    self.kind = kind
    self.nodeIDs = nodeIDs
  }
}
