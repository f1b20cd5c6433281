import Testing

@testable import StakeMapFormats

@Suite struct JSONSyntaxTests {
  @Test func valuesWithPositions() throws {
    let tree = try #require(
      jsonTree(
        """
        {
          "title": "Wohnen",
          "n": [1, -2.5e3, true, false, null],
          "empty": {}, "none": []
        }
        """
      ).value)
    let root = try #require(tree.root)
    #expect(tree.kind(root) == .mapping && tree.count(root) == 4)
    let title = try #require(tree.lookup(root, "title"))
    #expect((tree.line(title), tree.column(title)) == (2, 12))
    #expect(tree.scalarType(title) == .string && tree.isQuoted(title))
    let key = tree.key(root, 1)
    #expect((tree.line(key), tree.column(key)) == (3, 3))
    let n = try #require(tree.lookup(root, "n"))
    #expect((tree.line(n), tree.column(n)) == (3, 8))
    let types = (0..<tree.count(n)).map { tree.scalarType(tree.element(n, $0)) }
    #expect(types == [.int, .float, .bool, .bool, .null])
    #expect(tree.number(tree.element(n, 1)) == -2500)
    #expect(tree.string(tree.element(n, 2)) == "true")
    #expect(tree.count(tree.lookup(root, "empty")!) == 0)
    #expect(tree.kind(tree.lookup(root, "none")!) == .sequence)
  }

  @Test func columnsCountUnicodeScalars() throws {
    let tree = try #require(jsonTree("{\"a\": \"Ä😀\", \"b\": 1}").value)
    let b = try #require(tree.lookup(tree.root!, "b"))
    #expect((tree.line(b), tree.column(b)) == (1, 18))
    let error = try #require(jsonTree("[\"Äöü\" x]").failure)
    #expect(error.column == 8)
  }

  @Test func escapes() throws {
    let tree = try #require(
      jsonTree(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e4\u20AC", "\ud83d\ude00", "\u0000x"]"#).value)
    let list = try #require(tree.root)
    #expect(tree.string(tree.element(list, 0)) == "a\"b\\c/d\u{8}\u{c}\n\r\t")
    #expect(tree.string(tree.element(list, 1)) == "ä€")
    #expect(tree.string(tree.element(list, 2)) == "😀")
    #expect(tree.string(tree.element(list, 3)) == "\u{0}x")
  }

  @Test(arguments: [
    ("{\"a\": 1 x}", 1, 9, "expected ',' or '}' after object member, found 'x'"),
    ("{\"a\": 1,\n}", 2, 1, "expected a member name in double quotes, found '}'"),
    (
      "[1, 2,]", 1, 7,
      "expected a value (object, array, string, number, true, false or null), found ']'"
    ),
    ("[1 2]", 1, 4, "expected ',' or ']' after array element, found '2'"),
    ("[1, 2", 1, 6, "expected ',' or ']' after array element, found end of file"),
    ("{\"a\" 1}", 1, 6, "expected ':' after member name, found '1'"),
    ("{a: 1}", 1, 2, "expected a member name in double quotes, found 'a'"),
    (
      "{\"a\": 'x'}", 1, 7,
      "expected a value (object, array, string, number, true, false or null), found \"'\""
    ),
    ("  \"abc", 1, 3, "unterminated string (no closing '\"')"),
    ("[\"a\nb\"]", 1, 4, "line break in string: a missing '\"', or write it as \\n"),
    ("[\"a\tb\"]", 1, 4, "control character U+0009 in string: escape it as \\u0009"),
    ("[\"a\\qb\"]", 1, 4, "invalid escape '\\q' in string"),
    ("[\"\\u12G4\"]", 1, 3, "invalid \\u escape in string: expected four hexadecimal digits"),
    (
      "[\"\\ud83d\"]", 1, 3,
      "high surrogate \\uD83D must be followed by a low surrogate \\uDC00-\\uDFFF"
    ),
    (
      "[\"\\ud83d\\u0041\"]", 1, 3,
      "high surrogate \\uD83D must be followed by a low surrogate \\uDC00-\\uDFFF, found \\u0041"
    ),
    ("[\"\\ude00\"]", 1, 3, "unpaired low surrogate \\uDE00 in string"),
    ("[01]", 1, 3, "leading zeros are not allowed in numbers"),
    ("[-x]", 1, 3, "expected a digit after '-', found 'x'"),
    ("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
    ("[1e+]", 1, 5, "expected a digit in the exponent, found ']'"),
    ("[tru]", 1, 5, "expected 'true', found ']'"),
    ("[nul, 1]", 1, 5, "expected 'null', found ','"),
    ("{} {}", 1, 4, "expected end of file after the top-level value, found '{'"),
    ("", 1, 1, "expected a value, found end of file"),
    ("\n\n  ", 3, 3, "expected a value, found end of file"),
    (
      "[NaN]", 1, 2,
      "expected a value (object, array, string, number, true, false or null), found 'N'"
    ),
    ("[1]\r\n[", 2, 1, "expected end of file after the top-level value, found '['"),
  ])
  func syntaxErrorsArePreciseAndPlaced(text: String, line: Int, column: Int, message: String) {
    #expect(jsonTree(text).failure == SyntaxError(line: line, column: column, message: message))
  }

  @Test func invalidUTF8InStringsIsRefused() throws {
    for bad: [UInt8] in [
      [0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
    ] {
      let bytes = Array("[\"ab".utf8) + bad + Array("\"]".utf8)
      let error = try #require(bytes.withUnsafeBufferPointer { JSONParser.parse($0) }.failure)
      #expect(error.line == 1 && error.column == 5)
      #expect(error.message.hasPrefix("invalid UTF-8 in string"))
    }
  }

  @Test func nestingIsLimited() throws {
    let deep = String(repeating: "[", count: 1001) + String(repeating: "]", count: 1001)
    let error = try #require(jsonTree(deep).failure)
    #expect(error.column == 1001)
    #expect(error.message == "arrays and objects nest deeper than 1000 levels")
    let ok = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
    #expect(jsonTree(ok).value != nil)
  }

  @Test func byteOrderMarkIsSkippedAndNotCounted() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"actors\": 1}".utf8)
    let result = NetworkReader.parse(bytes: bytes, file: "t.json", format: .json)
    #expect(
      messages(result) == [
        "1:12: error: expected a list of actors for 'actors', found the number 1"
      ])
  }
}
