import Testing

@_spi(Testing) import StakeMapGraphviz

/// Numbers must have exactly one spelling, independent of locale, so output is byte-stable.
@Suite("Number formatting")
struct NumberFormattingTests {
  static let cases: [(value: Double, text: String)] = [
    (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (2.5, "2.5"), (0.1, "0.1"),
    (1.0 / 3.0, "0.3333"), (2.0 / 3.0, "0.6667"), (1.23456, "1.2346"), (1.23454, "1.2345"),
    (0.00004, "0"), (-0.00004, "0"), (0.00005, "0.0001"), (10.10, "10.1"), (1234567.125, "1234567.125"),
    (1e12, "1000000000"), (-1e12, "-1000000000"), (.infinity, "0"), (.nan, "0"), (72, "72"),
    (0.0001, "0.0001"), (99.99999, "100"),
  ]

  @Test("fixed format: ≤ 4 decimals, trimmed, no exponent", arguments: cases)
  func format(_ row: (value: Double, text: String)) {
    #expect(DOTEscaping.number(row.value) == row.text)
  }

  @Test("the writer uses the fixed format and clamps ranges")
  func writerUsesFormat() {
    var graph = DOTGraph()
    graph.attributes.dpi = 10_000
    graph.attributes.size = .init(width: 1e6, height: 7.25, fill: true)
    graph.attributes.rankSep = 0.123456
    graph.nodes = [DOTNode(id: "a", attributes: NodeAttributes(fontSize: 0, width: 1.5))]
    let dot = graph.dot
    #expect(dot.contains(#"dpi="600""#))
    #expect(dot.contains(#"size="200,7.25!""#))
    #expect(dot.contains(#"ranksep="0.1235""#))
    #expect(dot.contains(#"fontsize="1""#))
    #expect(dot.contains(#"width="1.5""#))
    graph.attributes.dpi = 1
    #expect(graph.dot.contains(#"dpi="36""#))
  }
}
