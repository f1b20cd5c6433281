import StakeMapGraphviz

/// Graphs shared by several test files.
enum Fixtures {
  /// A small stakeholder-like map: two clusters, a legend, umlauts, a multi-line label,
  /// styled nodes and edges. Renders with every engine in well under a second.
  static func stakeholderMap(directed: Bool = true) -> DOTGraph {
    var graph = DOTGraph(
      name: "Akteurslandkarte", directed: directed,
      attributes: GraphAttributes(label: "Wohnen in Freiburg", fontName: .helvetica, overlap: .scale))
    graph.nodeDefaults = NodeAttributes(fontName: .helvetica, fontSize: 11, shape: .box, style: [.rounded, .filled])
    graph.edgeDefaults = EdgeAttributes(color: .named(.gray), arrowSize: 0.7)
    graph.clusters = [
      DOTCluster(
        id: "public", attributes: ClusterAttributes(label: "Öffentliche Hand", style: [.dashed]),
        nodeDefaults: NodeAttributes(fillColor: .named(.lightblue)),
        nodes: [
          DOTNode(id: "n0", attributes: NodeAttributes(label: "Stadt Freiburg\nAmt für Wohnen")),
          DOTNode(id: "n1", attributes: NodeAttributes(label: "Land BW")),
        ]),
      DOTCluster(
        id: "civil", attributes: ClusterAttributes(label: "Zivilgesellschaft"),
        nodeDefaults: NodeAttributes(fillColor: Color(hex: "#FFE8CC")),
        nodes: [
          DOTNode(id: "n2", attributes: NodeAttributes(label: "Mietshäuser Syndikat")),
          DOTNode(id: "n3", attributes: NodeAttributes(label: .wrapped("Initiative gegen Wohnungslosigkeit e.V.", width: 18))),
        ]),
    ]
    graph.nodes = [
      DOTNode(id: "n4", attributes: NodeAttributes(label: "Bauverein", fillColor: .named(.khaki))),
      DOTNode(
        id: "legend",
        attributes: NodeAttributes(
          label: .html(.legend(title: "Typ", entries: [(.named(.lightblue), "Öffentlich"), (Color(hex: "#FFE8CC")!, "Zivil & co.")])),
          shape: .plain, style: [])),
    ]
    graph.edges = [
      DOTEdge(from: "n0", to: "n2", attributes: EdgeAttributes(label: "fördert", penWidth: 2)),
      DOTEdge(from: "n1", to: "n0", attributes: EdgeAttributes(style: [.dashed])),
      DOTEdge(from: "n2", to: "n3", attributes: EdgeAttributes(weight: 2)),
      DOTEdge(from: "n4", to: "n2"),
      DOTEdge(from: "n3", to: "n0", attributes: EdgeAttributes(label: "berät", color: .named(.darkgreen))),
    ]
    return graph
  }

  /// One node per label, IDs `n0`, `n1`, …, no edges.
  static func nodes(labeled labels: [String]) -> DOTGraph {
    DOTGraph(
      name: "labels",
      nodes: labels.enumerated().map { index, label in
        DOTNode(id: "n\(index)", attributes: NodeAttributes(label: .text(label)))
      })
  }
}
