import Testing

@_spi(Testing) import StakeMapGraphviz

/// Failures must carry Graphviz's message and must not poison later renders (agerrors() is
/// sticky in 2.42; notes §2.3).
@Suite("Errors and recovery")
struct ErrorRecoveryTests {
  static let good = DOTGraph(nodes: [DOTNode(id: "a")], edges: [DOTEdge(from: "a", to: "b")])

  static func expectRecovery() throws {
    let result = try Graphviz.render(good, engine: .dot, format: .svg)
    #expect(String(decoding: result.bytes, as: UTF8.self).contains("</svg>"))
    #expect(result.warnings.isEmpty)
  }

  @Test("a syntax error throws with Graphviz's message; the next render succeeds")
  func syntaxError() throws {
    let error = #expect(throws: GraphvizError.self) {
      try Graphviz.render(dot: "digraph {\n a -> ;\n}")
    }
    #expect(error?.stage == .parse)
    let message = error?.message ?? ""
    #expect(message.contains("syntax error in line 2 near ';'"))
    #expect(error?.description.hasPrefix("Graphviz parse failed: Error: syntax error") == true)
    try Self.expectRecovery()
  }

  @Test("text after a graph's closing brace never leaks into the next parse")
  func trailingText() throws {
    let result = try Graphviz.render(dot: "digraph a { x } digraph b { injected }")
    #expect(try SVGDocument(result.bytes).nodes.map(\.title) == ["x"])
    let next = try SVGDocument(try Graphviz.render(Self.good).bytes)
    #expect(next.nodes.map(\.title) == ["a", "b"])
    // Line numbers restart for every document.
    for _ in 0..<3 {
      let error = #expect(throws: GraphvizError.self) { try Graphviz.render(dot: "digraph {\n\n a -> ;\n}") }
      let message = error?.message ?? ""
      #expect(message.contains("syntax error in line 3 near ';'"))
    }
  }

  @Test("a broken HTML-like label fails the layout; the next render succeeds")
  func htmlError() throws {
    let error = #expect(throws: GraphvizError.self) {
      try Graphviz.render(dot: "digraph { a [label=<<B>x</I>>] }")
    }
    #expect(error?.stage == .layout)
    #expect(error?.message.contains("mismatched tag") == true)
    try Self.expectRecovery()
  }

  @Test("errors in every format and engine are followed by clean renders", arguments: RenderFormat.allCases)
  func repeatedFailures(_ format: RenderFormat) throws {
    for engine in LayoutEngine.allCases {
      #expect(throws: GraphvizError.self) { try Graphviz.render(dot: "graph { a -- }", engine: engine, format: format) }
      let result = try Graphviz.render(Self.good, engine: engine, format: format)
      #expect(result.bytes.count > 100)
    }
  }

  @Test("warnings are returned, not thrown")
  func warnings() throws {
    let result = try Graphviz.render(dot: "digraph { a [color=nosuchcolor] }")
    #expect(result.warnings == ["Warning: nosuchcolor is not a known color."])
    try Self.expectRecovery()
  }

  @Test("node and edge caps are enforced before and after parsing")
  func nodeAndEdgeCaps() throws {
    let limits = RenderLimits(maxNodes: 2, maxEdges: 1)
    let declared = DOTGraph(nodes: [DOTNode(id: "a"), DOTNode(id: "b"), DOTNode(id: "c")])
    let tooMany = #expect(throws: GraphvizError.self) { try Graphviz.render(declared, limits: limits) }
    #expect(tooMany?.stage == .limits)
    #expect(tooMany?.message == "3 nodes exceed the limit of 2")
    // Undeclared endpoints count too (checked on the parsed graph).
    let implicit = DOTGraph(edges: [DOTEdge(from: "a", to: "b"), DOTEdge(from: "b", to: "c")])
    #expect(throws: GraphvizError.self) { try Graphviz.render(implicit, limits: RenderLimits(maxNodes: 2)) }
    #expect(throws: GraphvizError.self) { try Graphviz.render(implicit, limits: limits) }
    _ = try Graphviz.render(implicit, limits: RenderLimits(maxNodes: 3, maxEdges: 2))
    try Self.expectRecovery()
  }

  @Test("an oversized PNG is refused before cairo allocates it; SVG of the same graph works")
  func bitmapCap() throws {
    var graph = Self.good
    graph.attributes.dpi = 600
    graph.attributes.size = .init(width: 200, height: 200, fill: true)
    let error = #expect(throws: GraphvizError.self) { try Graphviz.render(graph, format: .png) }
    #expect(error?.stage == .limits)
    #expect(error?.message.contains("pixels") == true)
    _ = try Graphviz.render(graph, format: .svg)
    // The default dpi and no size: a small PNG is fine.
    _ = try Graphviz.render(Self.good, format: .png, limits: RenderLimits(maxBitmapPixels: 100_000))
    try Self.expectRecovery()
  }

  @Test("the version is the linked library's")
  func version() {
    #expect(Graphviz.version.hasPrefix("2."))
  }
}
