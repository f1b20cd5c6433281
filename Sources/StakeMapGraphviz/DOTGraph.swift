/// A typed Graphviz document: the only input ``Graphviz/render(_:engine:format:limits:)``
/// accepts from outside this module.
///
/// Everything is kept in insertion order and ``DOTWriter`` writes it in that order, so the same
/// value always produces the same DOT text and (for a fixed engine and Graphviz build) the same
/// rendered bytes. All attributes come from typed allow-lists (``NodeAttributes``,
/// ``EdgeAttributes``, ``ClusterAttributes``, ``GraphAttributes``); there is no way to set an
/// attribute by free-form name, and none of the file-reading or unescaped attributes exists
/// (../shared/notes/graphviz.md §2.6).
///
///     var graph = DOTGraph(name: "Akteure", attributes: GraphAttributes(rankDir: .leftToRight))
///     graph.nodeDefaults = NodeAttributes(fontName: .helvetica, shape: .box, style: [.rounded])
///     graph.nodes = [
///       DOTNode(id: "n0", attributes: NodeAttributes(label: "Stadt Freiburg")),
///       DOTNode(id: "n1", attributes: NodeAttributes(label: "Wohnungslosenhilfe e.V.")),
///     ]
///     graph.edges = [DOTEdge(from: "n0", to: "n1", attributes: EdgeAttributes(label: "fördert"))]
///     let dot = graph.dot                                            // DOT text for a .dot file
///     let svg = try Graphviz.render(graph, engine: .dot, format: .svg).bytes
///
/// - SeeAlso: <https://graphviz.org/doc/info/lang.html>
package struct DOTGraph: Sendable, Hashable {
  /// The graph's name (shown as SVG `<title>`); always quoted, any text is allowed.
  package var name: String
  /// `strict`: Graphviz merges parallel edges and drops self-loops' duplicates.
  package var isStrict: Bool
  /// `digraph` with `->` edges, or `graph` with `--` edges.
  package var isDirected: Bool
  package var attributes: GraphAttributes
  package var nodeDefaults: NodeAttributes
  package var edgeDefaults: EdgeAttributes
  package var nodes: [DOTNode]
  package var edges: [DOTEdge]
  package var clusters: [DOTCluster]
  /// `rank=same` (and min/max/source/sink) groups for `dot`.
  package var ranks: [DOTRank]

  package init(
    name: String = "G", directed: Bool = true, strict: Bool = false,
    attributes: GraphAttributes = GraphAttributes(),
    nodeDefaults: NodeAttributes = NodeAttributes(),
    edgeDefaults: EdgeAttributes = EdgeAttributes(), nodes: [DOTNode] = [],
    edges: [DOTEdge] = [], clusters: [DOTCluster] = [], ranks: [DOTRank] = []
  ) {
    self.name = name
    self.isDirected = directed
    self.isStrict = strict
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
    self.ranks = ranks
  }

  /// The DOT text, as written by ``DOTWriter/write(_:)``.
  package var dot: String {
    DOTWriter.write(self)
  }

  /// Declared nodes, including those in clusters (edge endpoints that are not declared are not
  /// counted; the renderer checks the parsed graph as well).
  var declaredNodeCount: Int {
    clusters.reduce(nodes.count) { $0 + $1.nodeCount }
  }
}
