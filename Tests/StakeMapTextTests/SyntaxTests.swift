import Testing

@testable import StakeMapText

@Suite struct JSONTextTests {
  @Test func reportDialect() {
    #expect(JSONText.string("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
    #expect(JSONText.string("\u{1B}\u{08}\u{0C}\u{7F}") == "\"\\u001b\\u0008\\u000c\u{7F}\"")
    #expect(JSONText.string("x\u{2028}y\u{2029}") == #""x\u2028y\u2029""#)
    #expect(JSONText.string("Straße 🙂") == "\"Straße 🙂\"")
  }

  @Test func networkFileDialect() {
    #expect(
      JSONText.string("\u{1B}\u{08}\u{0C}\u{7F}", controls: .uppercaseHex)
        == #""\u001B\b\f\u007F""#)
    #expect(JSONText.string("x\u{2028}", controls: .uppercaseHex) == #""x\u2028""#)
  }
}

@Suite struct CSVTextTests {
  @Test func quotesOnlyWhenNeeded() {
    #expect(CSVText.field("plain") == "plain")
    #expect(CSVText.field("a,b") == "\"a,b\"")
    #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVText.field("a;b") == "\"a;b\"")
  }

  @Test func guardsAgainstFormulas() {
    #expect(CSVText.field("=1+1") == "'=1+1")
    #expect(CSVText.field("-x,y") == "\"'-x,y\"")
  }
}

@Suite struct XMLTextTests {
  @Test func escapesMarkupAndReplacesForbiddenCharacters() {
    #expect(HTMLEscaping.text("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(HTMLEscaping.text("a\u{01}b\u{85}c\tD\n") == "a\u{FFFD}b\u{FFFD}c\tD\n")
  }
}
