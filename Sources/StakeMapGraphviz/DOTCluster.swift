/// A cluster: nodes (and nested clusters) drawn inside a labelled box.
///
/// Written as `subgraph "cluster_<id>" { … }`; Graphviz recognises clusters by that name
/// prefix, so the writer adds it and ``EdgeAttributes/lhead``/``EdgeAttributes/ltail`` take the
/// plain `id`. `nodeDefaults` apply to the nodes declared in this cluster (and its nested
/// clusters), because Graphviz applies `node [...]` defaults when a node is created.
///
/// Note (../shared/notes/graphviz.md §2.7): each cluster leaks about 5 kB per `dot` layout in Graphviz 2.42; harmless
/// for a CLI, worth knowing for a long-running server.
///
/// - SeeAlso: <https://graphviz.org/docs/clusters/>
package struct DOTCluster: Sendable, Hashable {
  package var id: String
  package var attributes: ClusterAttributes
  package var nodeDefaults: NodeAttributes
  package var nodes: [DOTNode]
  package var clusters: [DOTCluster]

  package init(
    id: String, attributes: ClusterAttributes = ClusterAttributes(),
    nodeDefaults: NodeAttributes = NodeAttributes(), nodes: [DOTNode] = [],
    clusters: [DOTCluster] = []
  ) {
    self.id = id
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.nodes = nodes
    self.clusters = clusters
  }

  /// The subgraph name Graphviz sees: `cluster_` + `id`.
  static func subgraphName(_ id: String) -> String {
    "cluster_" + id
  }

  /// Nodes declared in this cluster and all nested clusters.
  var nodeCount: Int {
    clusters.reduce(nodes.count) { $0 + $1.nodeCount }
  }
}
