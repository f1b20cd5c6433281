/// An edge between two node IDs (written `->` in directed graphs and `--` in undirected ones).
///
/// Endpoints that are not declared as ``DOTNode``s are created by the writer at the top level,
/// with their ID as explicit label. Parallel edges are kept unless the graph is `strict`.
public struct DOTEdge: Sendable, Hashable {
  public var from: String
  public var to: String
  public var attributes: EdgeAttributes

  public init(from: String, to: String, attributes: EdgeAttributes = EdgeAttributes()) {
    self.from = from
    self.to = to
    self.attributes = attributes
  }
}
