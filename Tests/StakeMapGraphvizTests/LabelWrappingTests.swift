import Testing

import StakeMapGraphviz

@Suite("Label wrapping")
struct LabelWrappingTests {
  static let cases: [(text: String, width: Int, lines: [String])] = [
    ("", 10, []),
    ("short", 10, ["short"]),
    ("exactly ten", 11, ["exactly ten"]),
    ("one two three four", 9, ["one two", "three", "four"]),
    ("Netzwerk Wohnungs-losenhilfe/Freiburg e.V.", 12, ["Netzwerk", "Wohnungs-", "losenhilfe/", "Freiburg", "e.V."]),
    ("Donaudampfschifffahrt", 8, ["Donaudam", "pfschiff", "fahrt"]),
    ("a  b\t\tc", 10, ["a b c"]),
    ("first\nsecond line here", 8, ["first", "second", "line", "here"]),
    ("para\r\n\r\nafter", 10, ["para", "", "after"]),
    ("Grüße 🙂🙂 an alle", 6, ["Grüße", "🙂🙂 an", "alle"]),
    ("x", 0, ["x"]),
    ("ab", 0, ["a", "b"]),
    ("pre-/post", 4, ["pre-", "/", "post"]),
  ]

  @Test("wraps at spaces, hyphens and slashes; hard-breaks long words", arguments: cases)
  func wrap(_ row: (text: String, width: Int, lines: [String])) {
    let lines = LabelWrapping.wrap(row.text, width: row.width)
    #expect(lines == row.lines)
    for line in lines { #expect(line.count <= max(row.width, 1)) }
  }

  @Test("wrapped labels join the lines with \\n")
  func wrappedLabel() {
    let label = DOTLabel.wrapped("Initiative gegen Wohnungslosigkeit", width: 12)
    #expect(label == .text("Initiative\ngegen\nWohnungslosi\ngkeit"))
    let graph = DOTGraph(nodes: [DOTNode(id: "a", attributes: NodeAttributes(label: label))])
    #expect(graph.dot.contains(#"label="Initiative\ngegen\nWohnungslosi\ngkeit""#))
  }
}
