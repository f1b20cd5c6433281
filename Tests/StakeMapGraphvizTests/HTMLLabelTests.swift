import Testing

@_spi(Testing) import StakeMapGraphviz

@Suite("HTML-like labels")
struct HTMLLabelTests {
  @Test("the template writes escaped, well-formed markup")
  func markup() {
    let label = HTMLLabel(
      rows: [
        [HTMLLabel.Cell("<b>Title</b> & \"co\"", bold: true, fontColor: .named(.white), fontSize: 12, bgColor: .named(.navy), colSpan: 2)],
        [.swatch(Color(hex: "#FF0000")!), HTMLLabel.Cell("line 1\nline 2", italic: true, align: .left)],
        [],
      ],
      border: 500, cellBorder: -1)
    let graph = DOTGraph(nodes: [DOTNode(id: "l", attributes: NodeAttributes(label: .html(label), shape: .plain))])
    #expect(
      graph.dot.contains(
        ##"label=<<TABLE BORDER="127" CELLBORDER="0"><TR><TD COLSPAN="2" BGCOLOR="navy"><FONT COLOR="white" POINT-SIZE="12"><B>&lt;b&gt;Title&lt;/b&gt; &amp; &quot;co&quot;</B></FONT></TD></TR><TR><TD BORDER="1" BGCOLOR="#ff0000" WIDTH="24" HEIGHT="14" FIXEDSIZE="TRUE"></TD><TD ALIGN="LEFT" BALIGN="LEFT"><I>line 1<BR/>line 2</I></TD></TR></TABLE>>"##
      ))
  }

  @Test("an empty template becomes an empty plain label")
  func empty() {
    let graph = DOTGraph(nodes: [DOTNode(id: "e", attributes: NodeAttributes(label: .html(HTMLLabel(rows: [[]]))))])
    #expect(graph.dot.contains(#""e" [label=""];"#))
  }

  @Test("a legend renders in every format and shows its text literally")
  func legend() throws {
    let entries: [(swatch: Color, text: String)] = [
      (.named(.lightblue), "Öffentliche Hand"),
      (Color(hex: "#FFE8CC")!, "NGOs & <Initiativen>"),
      (.named(.gray), #"\N &amp; "quoted""#),
      (.named(.khaki), "zwei\nZeilen"),
    ]
    let graph = DOTGraph(nodes: [
      DOTNode(id: "legend", attributes: NodeAttributes(label: .html(.legend(title: "Legende: Typ & Rolle", entries: entries)), shape: .plain))
    ])
    for format in RenderFormat.allCases {
      let result = try Graphviz.render(graph, format: format)
      #expect(result.warnings.isEmpty)
      #expect(result.bytes.count > 500)
    }
    let svg = try SVGDocument(try Graphviz.render(graph).bytes)
    let lines = try #require(svg.nodes.first).lines
    #expect(lines == ["Legende: Typ & Rolle", "Öffentliche Hand", "NGOs & <Initiativen>", #"\N &amp; "quoted""#, "zwei", "Zeilen"])
  }

  @Test("nasty text round-trips through HTML-like cells")
  func nastyCells() throws {
    let labels = LabelRoundTripTests.nastyLabels
    let graph = DOTGraph(
      nodes: labels.enumerated().map { index, text in
        DOTNode(id: "n\(index)", attributes: NodeAttributes(label: .html(HTMLLabel(rows: [[HTMLLabel.Cell(text)]]))))
      })
    let result = try Graphviz.render(graph)
    #expect(result.warnings.isEmpty)
    let svg = try SVGDocument(result.bytes)
    for (index, text) in labels.enumerated() {
      let expected = text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
      #expect(svg.label(ofNode: "n\(index)") == expected, "cell #\(index)")
    }
  }

  @Test("control characters cannot break the XML")
  func controls() throws {
    let graph = DOTGraph(nodes: [
      DOTNode(id: "c", attributes: NodeAttributes(label: .html(HTMLLabel(rows: [["a\u{0}b\u{1}c\td"]]))))
    ])
    let result = try Graphviz.render(graph)
    #expect(result.warnings.isEmpty)
    #expect(try SVGDocument(result.bytes).nodes.first?.lines == ["a b c d"])
  }
}
