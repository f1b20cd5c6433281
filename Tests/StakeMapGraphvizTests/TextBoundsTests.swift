import Testing

@testable import StakeMapGraphviz

/// No text reaches Graphviz in a shape it cannot handle (a label of 32,768 lines crashed
/// libgvc 2.42 with SIGSEGV): labels, cells, tooltips and names are bounded, marked with "…".
@Suite struct TextBoundsTests {
  @Test func textWithinTheBoundsIsUnchanged() {
    #expect(TextBounds.bounded("abc", lines: 1, characters: 3) == "abc")
    #expect(TextBounds.bounded("a\nb", lines: 2, characters: 3) == "a\nb")
    #expect(TextBounds.bounded("", lines: 1, characters: 0) == "")
  }

  @Test func longTextIsShortenedWithAnEllipsis() {
    #expect(TextBounds.bounded("abcd", lines: 1, characters: 3) == "abc…")
    #expect(TextBounds.bounded("a\nb\nc", lines: 2, characters: 99) == "a\nb…")
    #expect(TextBounds.bounded("a\r\nb\rc", lines: 2, characters: 99) == "a\r\nb…")
    #expect(TextBounds.bounded("äöü👩‍👩‍👧", lines: 1, characters: 4) == "äöü👩‍👩‍👧")
  }

  @Test func hugeLabelsRenderShortened() throws {
    let lines = (0..<40_000).map { "Zeile \($0)" }.joined(separator: "\n")
    var graph = DOTGraph(name: String(repeating: "T", count: 100_000))
    graph.nodes.append(
      DOTNode(id: "a", attributes: NodeAttributes(label: .text(lines), tooltip: lines)))
    graph.nodes.append(
      DOTNode(
        id: "b",
        attributes: NodeAttributes(
          label: .html(HTMLLabel(rows: [[HTMLLabel.Cell(lines)]])), xlabel: .text(lines))))
    graph.edges.append(DOTEdge(from: "a", to: "b", attributes: EdgeAttributes(label: .text(lines))))
    let result = try Graphviz.render(graph, engine: .dot, format: .svg)
    let svg = String(decoding: result.bytes, as: UTF8.self)
    #expect(svg.contains("Zeile 11…") || svg.contains("Zeile 11&#8230;"))
    #expect(!svg.contains("Zeile 12<"))
    #expect(!svg.contains("Zeile 100"))
  }
}
