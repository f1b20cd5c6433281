/// An edge between two node IDs (written `->` in directed graphs and `--` in undirected ones).
///
/// Endpoints that are not declared as ``DOTNode``s are created by the writer at the top level,
/// with their ID as explicit label. Parallel edges are kept unless the graph is `strict`.
package struct DOTEdge: Sendable, Hashable {
  package var from: String
  package var to: String
  package var attributes: EdgeAttributes

  package init(from: String, to: String, attributes: EdgeAttributes = EdgeAttributes()) {
    self.from = from
    self.to = to
    self.attributes = attributes
  }
}
