import Testing

@_spi(Testing) import StakeMapGraphviz

/// Nasty labels must come out of Graphviz exactly as they went in: through cgraph's parser
/// (agget) and through the SVG renderer (`<text>` elements).
@Suite("Label round trip")
struct LabelRoundTripTests {
  static let nastyLabels: [String] = [
    #"say "hi""#,
    #"back\slash"#,
    #"trailing\"#,
    #"\\"#,
    #"\N"#,
    #"\G \E \T \H \L"#,
    #"\l left? no"#,
    #"\n literally"#,
    "real\nnewline",
    "three\nreal\nlines",
    "crlf\r\nline",
    "&",
    "&amp;",
    "&#228;",
    "&auml; &lt; &#x41;",
    "<b>x</b>",
    "<TABLE><TR><TD>cell</TD></TR></TABLE>",
    "<<html>>",
    "<",
    "a:b",
    "@",
    "#",
    "# define x",
    "Mietshäuser Grüße ß ÄÖÜ",
    "emoji 🙂👩🏽‍🌾🏳️‍🌈",
    "עברית עם מספרים 123",
    "العربية",
    #""]; node [shape=box"#,
    #"\\""#,
    #"\""#,
    "node",
    "strict",
    "}",
    "-- -> ->",
    "a  double  space",
  ]

  @Test("labels survive agmemread: agget returns the escString form of the original")
  func cgraphRoundTrip() throws {
    let graph = Fixtures.nodes(labeled: Self.nastyLabels)
    let labels = try Graphviz.parsedNodeAttributes(dot: graph.dot, attribute: "label")
    #expect(labels.count == Self.nastyLabels.count)
    for (index, original) in Self.nastyLabels.enumerated() {
      let stored = try #require(labels["n\(index)"])
      #expect(DOTEscaping.displayText(fromEscString: stored) == normalized(original))
    }
  }

  @Test("labels survive rendering: SVG <text> lines equal the original lines")
  func svgRoundTrip() throws {
    let graph = Fixtures.nodes(labeled: Self.nastyLabels)
    let result = try Graphviz.render(graph, engine: .dot, format: .svg)
    let svg = try SVGDocument(result.bytes)
    #expect(svg.nodes.count == Self.nastyLabels.count)
    for (index, original) in Self.nastyLabels.enumerated() {
      #expect(svg.label(ofNode: "n\(index)") == normalized(original), "label #\(index)")
    }
  }

  @Test("left- and right-aligned multi-line labels round-trip too", arguments: [TextAlignment.left, .right])
  func alignedRoundTrip(_ alignment: TextAlignment) throws {
    let texts = ["one\ntwo", #"end with backslash\"#, "a\nb\nc"]
    let graph = DOTGraph(
      nodes: texts.enumerated().map { DOTNode(id: "n\($0)", attributes: NodeAttributes(label: .text($1, alignment: alignment))) })
    let svg = try SVGDocument(try Graphviz.render(graph).bytes)
    for (index, text) in texts.enumerated() {
      #expect(svg.label(ofNode: "n\(index)") == text)
    }
  }

  @Test("IDs never leak into labels: unlabeled nodes show their ID literally")
  func idsAsLabels() throws {
    let ids = [#"\N"#, #"a\nb"#, "x:y", #"q"uote"#, "@", "&amp;", "node", "", "tab\there"]
    let graph = DOTGraph(nodes: ids.map { DOTNode(id: $0) })
    let svg = try SVGDocument(try Graphviz.render(graph).bytes)
    #expect(svg.nodes.count == ids.count)
    let shown = Set(svg.nodes.map { $0.lines.joined(separator: "\n") })
    // Tabs in an ID's default label are shown as a space, like any control character.
    #expect(shown == Set(ids.map { $0.replacingAll("\t", with: " ") }))
  }

  @Test("tooltips show literally too (they are unescaped twice by Graphviz, unlike labels)")
  func tooltipRoundTrip() throws {
    let graph = DOTGraph(
      nodes: Self.nastyLabels.enumerated().map { index, text in
        DOTNode(id: "n\(index)", attributes: NodeAttributes(label: "x", tooltip: text))
      })
    let svg = try SVGDocument(try Graphviz.render(graph, engine: .dot, format: .svg).bytes)
    for (index, original) in Self.nastyLabels.enumerated() {
      let node = try #require(svg.nodes.first { $0.title == "n\(index)" })
      #expect(node.tooltips.first == normalized(original), "tooltip #\(index)")
    }
  }

  /// What a label is expected to display: CR LF and CR are line breaks.
  private func normalized(_ text: String) -> String {
    text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
