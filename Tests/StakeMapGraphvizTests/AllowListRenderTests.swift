import Testing

import StakeMapGraphviz

/// Every value the typed API can produce must be one Graphviz 2.42 understands: rendering it
/// gives no warning.
@Suite("Allow-list values render cleanly")
struct AllowListRenderTests {
  @Test("named colours")
  func colors() throws {
    let graph = DOTGraph(nodes: Color.Name.allCases.map {
      DOTNode(id: $0.rawValue, attributes: NodeAttributes(color: .named($0), fillColor: .named($0), style: [.filled]))
    })
    let warnings = try Graphviz.render(graph).warnings
    #expect(warnings == [])
  }

  @Test("node shapes and styles")
  func shapes() throws {
    var graph = DOTGraph(nodes: NodeAttributes.Shape.allCases.map {
      DOTNode(id: $0.rawValue, attributes: NodeAttributes(shape: $0))
    })
    graph.nodes += NodeAttributes.Style.allCases.map {
      // `striped` needs a rectangular shape, `wedged` an elliptical one.
      DOTNode(id: "style-\($0.rawValue)", attributes: NodeAttributes(fillColor: .named(.gold), shape: $0 == .wedged ? .ellipse : .box, style: [$0]))
    }
    let warnings = try Graphviz.render(graph).warnings
    #expect(warnings == [])
  }

  @Test("edge arrows, directions and styles")
  func edges() throws {
    var graph = DOTGraph()
    for arrow in EdgeAttributes.ArrowType.allCases {
      graph.edges.append(DOTEdge(from: "a", to: arrow.rawValue, attributes: EdgeAttributes(arrowHead: arrow, arrowTail: arrow, direction: .both)))
    }
    for style in EdgeAttributes.Style.allCases {
      graph.edges.append(DOTEdge(from: "b", to: style.rawValue, attributes: EdgeAttributes(style: [style])))
    }
    for direction in EdgeAttributes.Direction.allCases {
      graph.edges.append(DOTEdge(from: "c", to: "dir-\(direction.rawValue)", attributes: EdgeAttributes(direction: direction)))
    }
    let warnings = try Graphviz.render(graph).warnings
    #expect(warnings == [])
  }

  @Test("cluster styles, graph layout options, compound edges")
  func layoutOptions() throws {
    var graph = Fixtures.stakeholderMap()
    graph.attributes.compound = true
    graph.attributes.newRank = true
    graph.attributes.rankDir = .leftToRight
    graph.attributes.splines = .polyline  // .ortho warns about edge labels in 2.42
    graph.attributes.forceLabels = true
    graph.attributes.concentrate = true
    graph.attributes.center = true
    graph.attributes.outputOrder = .edgesFirst
    graph.clusters[0].attributes.style = Set(ClusterAttributes.Style.allCases.filter { $0 != .invis })
    graph.edges.append(DOTEdge(from: "n4", to: "n1", attributes: EdgeAttributes(lhead: "public", ltail: nil)))
    graph.ranks = [DOTRank(.same, nodeIDs: ["n4", "legend"])]
    let warnings = try Graphviz.render(graph, engine: .dot).warnings
    #expect(warnings == [])
  }

  @Test("overlap, mode, model and pack settings for the force-directed engines", arguments: GraphAttributes.Overlap.allCases)
  func forceDirected(_ overlap: GraphAttributes.Overlap) throws {
    var graph = Fixtures.stakeholderMap(directed: false)
    graph.clusters = []
    graph.attributes.overlap = overlap
    graph.attributes.sep = .points(4)
    graph.attributes.esep = .points(2)
    graph.attributes.pack = .margin(8)
    graph.attributes.packMode = .node
    graph.attributes.model = .subset
    graph.attributes.mode = .major
    graph.attributes.k = 0.5
    graph.attributes.maxIter = 200
    graph.attributes.epsilon = 0.001
    for engine in [LayoutEngine.neato, .sfdp] {
      let result = try Graphviz.render(graph, engine: engine)
      #expect(result.warnings == [], "\(engine) overlap=\(overlap)")
    }
  }
}
