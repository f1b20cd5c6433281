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

  /// Spreadsheets skip leading whitespace and invisible characters before a formula.
  @Test func guardsAgainstFormulasBehindWhitespace() {
    #expect(CSVText.field("\n=1+1") == "\"'\n=1+1\"")
    #expect(CSVText.field(" =1+1") == "' =1+1")
    #expect(CSVText.field("\t+1") == "'\t+1")
    #expect(CSVText.field("\u{A0}-2+3") == "'\u{A0}-2+3")
    #expect(CSVText.field("\u{FEFF}@SUM(A1)") == "'\u{FEFF}@SUM(A1)")
    #expect(CSVText.field("\u{200B}\u{202E}=1") == "'\u{200B}\u{202E}=1")
    #expect(CSVText.field("  \u{3000}=cmd") == "'  \u{3000}=cmd")
    #expect(CSVText.field("\r") == "\"'\r\"")
    // Blanks at either end are quoted: readers trim unquoted fields.
    #expect(CSVText.field(" a=b") == "\" a=b\"")
    #expect(CSVText.field("") == "")
    #expect(CSVText.field("   ") == "\"   \"")
    #expect(CSVText.field("AW ") == "\"AW \"")
  }

  /// Decision: a plain decimal number stays a number.
  @Test func plainNumbersStayNumbers() {
    for number in ["-0.5", "-12", "3.25", "0"] { #expect(CSVText.field(number) == number) }
    for formula in ["-1e5", "-0.5+1", "- 1", "-.5", "-5.", "+1", " -0.5", "-０"] {
      #expect(CSVText.field(formula).hasPrefix("'"), "\(formula)")
    }
  }
}

@Suite struct TerminalTextTests {
  @Test func showsControlsInCaretNotation() {
    #expect(TerminalText.safe("a\u{1B}[2Jb") == "a^[[2Jb")
    #expect(TerminalText.safe("\u{1B}]0;title\u{7}") == "^[]0;title^G")
    #expect(TerminalText.safe("\u{0}\u{8}\r\u{1F}\u{7F}") == "^@^H^M^_^?")
  }

  @Test func showsC1AndBidiControlsAsCodePoints() {
    #expect(TerminalText.safe("\u{9B}31m\u{85}") == "<U+009B>31m<U+0085>")
    #expect(TerminalText.safe("a\u{202E}b\u{2066}c\u{2069}") == "a<U+202E>b<U+2066>c<U+2069>")
    for v in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
      #expect(TerminalText.safe(String(Unicode.Scalar(v)!)) == "<U+\(String(v, radix: 16, uppercase: true))>")
    }
  }

  @Test func keepsLinesTabsAndOrdinaryText() {
    let text = "Straße\tWohnen 🙂\nzweite Zeile ─ ▼ \u{A0}\u{200F}"
    #expect(TerminalText.safe(text) == text)
    let once = TerminalText.safe("x\u{1B}\u{9B}\u{202E}")
    #expect(TerminalText.safe(once) == once, "idempotent")
  }
}

@Suite struct XMLTextTests {
  @Test func escapesMarkupAndReplacesForbiddenCharacters() {
    #expect(HTMLEscaping.text("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(HTMLEscaping.text("a\u{01}b\u{85}c\tD\n") == "a\u{FFFD}b\u{FFFD}c\tD\n")
  }
}

@Suite struct CSVLineBreakTests {
  /// "\r\n" is one Character in Swift; a field holding it must still be quoted, or it starts a
  /// new row (found by the escapers fuzzer).
  @Test func crlfInsideAFieldIsQuoted() {
    #expect(CSVText.field("a\r\nb") == "\"a\r\nb\"")
    #expect(CSVText.field("a\nb") == "\"a\nb\"")
    #expect(CSVText.field("a\rb") == "\"a\rb\"")
  }
}
