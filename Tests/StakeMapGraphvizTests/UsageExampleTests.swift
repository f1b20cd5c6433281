import Testing

import StakeMapGraphviz

/// The examples from the doc comments, compiled and run, so they cannot rot.
@Suite("Usage examples")
struct UsageExampleTests {
  @Test("DOTGraph overview example")
  func overview() throws {
    var graph = DOTGraph(name: "Akteure", attributes: GraphAttributes(rankDir: .leftToRight))
    graph.nodeDefaults = NodeAttributes(fontName: .helvetica, shape: .box, style: [.rounded])
    graph.nodes = [
      DOTNode(id: "n0", attributes: NodeAttributes(label: "Stadt Freiburg")),
      DOTNode(id: "n1", attributes: NodeAttributes(label: "Wohnungslosenhilfe e.V.")),
    ]
    graph.edges = [DOTEdge(from: "n0", to: "n1", attributes: EdgeAttributes(label: "fördert"))]
    let dot = graph.dot
    let svg = try Graphviz.render(graph, engine: .dot, format: .svg).bytes
    #expect(dot.hasPrefix(#"digraph "Akteure" {"#))
    #expect(String(decoding: svg, as: UTF8.self).contains("Wohnungslosenhilfe e.V."))
  }

  @Test("legend example")
  func legend() throws {
    let legend = HTMLLabel.legend(
      title: "Stakeholder types",
      entries: [(Color(hex: "#1f77b4")!, "Public body"), (.named(.orange), "NGO & co.")])
    var graph = DOTGraph()
    graph.nodes.append(DOTNode(id: "legend", attributes: .init(label: .html(legend), shape: .plain)))
    graph.ranks = [DOTRank(.sink, nodeIDs: ["legend"])]
    let result = try Graphviz.render(graph)
    #expect(result.warnings.isEmpty)
  }

  @Test("limits example")
  func limits() throws {
    var limits = RenderLimits()
    limits.maxNodes = 2_000
    let png = try Graphviz.render(Fixtures.stakeholderMap(directed: false), engine: .sfdp, format: .png, limits: limits)
    #expect(png.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }
}
