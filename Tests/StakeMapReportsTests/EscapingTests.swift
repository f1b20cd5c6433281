import StakeMapText
import Testing

@testable import StakeMapReports

@Suite struct HTMLEscapingTests {
  @Test(arguments: Fixtures.hostile)
  func textNeverOpensMarkup(_ s: String) {
    let escaped = HTMLEscaping.text(s)
    #expect(!escaped.contains("<"))
    #expect(!escaped.contains(">"))
    #expect(!escaped.contains("\""))
    #expect(!escaped.contains("'"))
    // Every & starts an entity the escaper wrote.
    var rest = Substring(escaped)
    while let amp = rest.firstIndex(of: "&") {
      let tail = rest[amp...]
      #expect(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { tail.hasPrefix($0) })
      rest = rest[rest.index(after: amp)...]
    }
  }

  @Test func escapesTheFiveCharacters() {
    #expect(HTMLEscaping.text(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect(HTMLEscaping.text("&amp;") == "&amp;amp;")
    #expect(HTMLEscaping.text("Mietshäuser „Syndikat“ – e.V.") == "Mietshäuser „Syndikat“ – e.V.")
  }

  @Test func forbiddenControlCharactersBecomeReplacementCharacters() {
    #expect(HTMLEscaping.text("a\u{0}b\u{7}c\u{7F}d\u{85}e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
    #expect(HTMLEscaping.text("tab\tline\nbreak") == "tab\tline\nbreak")
  }

  @Test(arguments: [
    ("https://example.org/a?b=c&d=e", "https://example.org/a?b=c&d=e"),
    ("  HTTP://Example.org/  ", "HTTP://Example.org/"),
    ("http://x.de", "http://x.de"),
  ])
  func httpURLsMayBeLinks(_ input: String, _ expected: String) {
    #expect(HTMLEscaping.safeLinkURL(input) == expected)
  }

  @Test(arguments: [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>",
    "file:///etc/passwd", "vbscript:x", "//evil.example/x", "https://", "https:///x",
    "https://ex ample.org", "https://example.org/\"onmouseover=\"x", "https://example.org/<script>",
    "http://example.org/\u{0}", "ftp://example.org", "example.org", "",
  ])
  func everythingElseIsNoLink(_ input: String) {
    #expect(HTMLEscaping.safeLinkURL(input) == nil)
  }
}

@Suite struct MarkdownEscapingTests {
  @Test func neutralisesInlineSyntax() {
    #expect(MarkdownEscaping.text("*a* _b_ [c](d) <e> |f| #g") == ##"\*a\* \_b\_ \[c\]\(d\) &lt;e&gt; \|f\| \#g"##)
    #expect(MarkdownEscaping.text("![img](x) `code` ~~s~~ {x} +1 -2") == #"\!\[img\]\(x\) \`code\` \~\~s\~\~ \{x\} +1 -2"#)
    #expect(MarkdownEscaping.text(#"back\slash"#) == #"back\\slash"#)
  }

  @Test func htmlAndEntitiesShowLiterally() {
    #expect(MarkdownEscaping.text("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
    #expect(MarkdownEscaping.text("&amp; &#60;") == "&amp;amp; &amp;\\#60;")
  }

  @Test func lineBreaksCannotStartABlock() {
    #expect(MarkdownEscaping.text("a\n# b\r\n> c\r- d") == ##"a \# b &gt; c - d"##)
  }

  @Test(arguments: Fixtures.hostile)
  func hostileStringsHaveNoRawMarkup(_ s: String) {
    let escaped = MarkdownEscaping.text(s)
    #expect(!escaped.contains("<"))
    #expect(!escaped.contains("\n"))
    // Walking the text, every special character is the second half of a backslash pair.
    var chars = Array(escaped)[...]
    while let c = chars.popFirst() {
      if c == "\\" {
        #expect(chars.popFirst() != nil)
      } else {
        #expect(!"*_[]()|#`!~{}".contains(c), "\(c) unescaped in \(escaped)")
      }
    }
  }

  @Test func linkDestinationsArePercentEncoded() {
    #expect(MarkdownEscaping.linkDestination("report-map.svg") == "report-map.svg")
    #expect(MarkdownEscaping.linkDestination("my map (1).svg") == "my%20map%20%281%29.svg")
    #expect(MarkdownEscaping.linkDestination("Karte ä.svg") == "Karte%20%C3%A4.svg")
  }
}

@Suite struct SHA256Tests {
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
  }

  // FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func nistVectors(_ message: String, _ digest: String) {
    #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test func aMillionAs() {
    let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func base64() {
    #expect(SHA256.base64([]) == "")
    #expect(SHA256.base64(Array("f".utf8)) == "Zg==")
    #expect(SHA256.base64(Array("fo".utf8)) == "Zm8=")
    #expect(SHA256.base64(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(SHA256.cspSource("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  }
}
