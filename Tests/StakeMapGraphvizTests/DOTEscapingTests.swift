import Foundation
import Testing

@_spi(Testing) import StakeMapGraphviz

/// The escaping rules of notes §2.4, table-driven. Each row: the Swift text, the DOT literal
/// the writer must produce.
@Suite("DOT escaping")
struct DOTEscapingTests {
  /// The notes' §2.4 table ("Encoding rule for a literal plain label"), verbatim.
  static let notesTable: [(text: String, dot: String)] = [
    ("Mietshäuser Syndikat", #""Mietshäuser Syndikat""#),
    ("Wohn:sinn", #""Wohn:sinn""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"back\slash"#, #""back\\slash""#),
    (#"trailing\"#, #""trailing\\""#),
    ("two\nlines", #""two\nlines""#),
    (#"\N literal"#, #""\\N literal""#),
    ("AT&T <b>x</b>", #""AT&amp;T <b>x</b>""#),
    ("a &amp; b", #""a &amp;amp; b""#),
  ]

  @Test("escString matches the notes' table", arguments: notesTable)
  func escStringTable(_ row: (text: String, dot: String)) {
    #expect(DOTEscaping.escString(row.text) == row.dot)
  }

  /// Further escString cases: line endings, controls, alignment terminators.
  static let moreEscStrings: [(text: String, alignment: TextAlignment, dot: String)] = [
    ("", .center, #""""#),
    ("crlf\r\nline", .center, #""crlf\nline""#),
    ("cr\rline", .center, #""cr\nline""#),
    ("tab\there", .center, #""tab here""#),
    ("nul\u{0}bell\u{7}del\u{7F}c1\u{85}", .center, #""nul bell del c1 ""#),
    (#"\G \l \n \E \T \H \L"#, .center, #""\\G \\l \\n \\E \\T \\H \\L""#),
    (#"\\""#, .center, #""\\\\\"""#),
    ("left\naligned", .left, #""left\laligned\l""#),
    ("right", .right, #""right\r""#),
    ("<TABLE><TR><TD>x</TD></TR></TABLE>", .center, #""<TABLE><TR><TD>x</TD></TR></TABLE>""#),
    ("<<html>>", .center, #""<<html>>""#),
  ]

  @Test("escString: line endings, controls and alignment", arguments: moreEscStrings)
  func escStringMore(_ row: (text: String, alignment: TextAlignment, dot: String)) {
    #expect(DOTEscaping.escString(row.text, alignment: row.alignment) == row.dot)
  }

  /// IDs: always quoted, `"` and `\` escaped, controls spelled out injectively.
  static let ids: [(id: String, dot: String)] = [
    ("n0", #""n0""#),
    ("node", #""node""#),
    ("Wohn:sinn", #""Wohn:sinn""#),
    ("@", #""@""#),
    ("#include", ##""#include""##),
    (#"a"b"#, #""a\"b""#),
    (#"c\d"#, #""c\\d""#),
    ("a\nb", #""a\nb""#),
    ("a\rb", #""a\rb""#),
    ("a\u{0}b\tc", #""a\x00b\x09c""#),
    (#"a\x00b"#, #""a\\x00b""#),
    ("", #""""#),
  ]

  @Test("IDs are always quoted and escaped", arguments: ids)
  func idQuoting(_ row: (id: String, dot: String)) {
    #expect(DOTEscaping.id(row.id) == row.dot)
  }

  @Test("XML escaping for HTML-like labels")
  func htmlText() {
    #expect(DOTEscaping.htmlText(#"<b>&"q"'s</b>"#) == "&lt;b&gt;&amp;&quot;q&quot;&#39;s&lt;/b&gt;")
    #expect(DOTEscaping.htmlText("&amp; &#228;") == "&amp;amp; &amp;#228;")
    #expect(DOTEscaping.htmlText("ctl\u{1}\u{7F}") == "ctl  ")
    #expect(DOTEscaping.htmlText("Grüße 🙂") == "Grüße 🙂")
  }

  @Test("displayText inverts escString for the agget form", arguments: [
    "plain", #"back\slash"#, #"trailing\"#, "two\nlines", #"\N \l \\"#, "a &amp; b", "x\\",
  ])
  func displayTextInverts(_ text: String) {
    for alignment in TextAlignment.allCases {
      // agget returns the DOT literal without the quotes and with \" unescaped (scan.l).
      let literal = DOTEscaping.escString(text, alignment: alignment)
      let stored = String(literal.dropFirst().dropLast()).replacingOccurrences(of: #"\""#, with: "\"")
      #expect(DOTEscaping.displayText(fromEscString: stored) == text, "alignment \(alignment)")
    }
  }
}
