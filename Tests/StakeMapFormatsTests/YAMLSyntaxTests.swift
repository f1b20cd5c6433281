import Testing

@testable import StakeMapFormats

@Suite struct YAMLSyntaxTests {
  @Test func positionsAreOneBasedLineAndColumn() throws {
    let tree = try #require(
      yamlTree(
        """
        network:
          title: Wohnen
        actors:
          - id: nwid
            tags: [a, "b"]
        """
      ).value)
    let root = try #require(tree.root)
    #expect(tree.kind(root) == .mapping)
    #expect((tree.line(root), tree.column(root)) == (1, 1))
    let network = try #require(tree.lookup(root, "network"))
    // A block mapping starts at its first key.
    #expect((tree.line(network), tree.column(network)) == (2, 3))
    let title = try #require(tree.lookup(network, "title"))
    #expect((tree.line(title), tree.column(title)) == (2, 10))
    #expect(tree.string(title) == "Wohnen")
    let actors = try #require(tree.lookup(root, "actors"))
    #expect(tree.kind(actors) == .sequence)
    #expect((tree.line(actors), tree.column(actors)) == (4, 3))
    let actor = tree.element(actors, 0)
    #expect((tree.line(actor), tree.column(actor)) == (4, 5))
    let key = tree.key(actor, 0)
    #expect((tree.line(key), tree.column(key)) == (4, 5))
    let tags = try #require(tree.lookup(actor, "tags"))
    #expect((tree.line(tags), tree.column(tags)) == (5, 11))
    let b = tree.element(tags, 1)
    // A quoted scalar starts at its quote.
    #expect((tree.line(b), tree.column(b)) == (5, 15))
    #expect(tree.isQuoted(b))
    #expect(!tree.isQuoted(tree.element(tags, 0)))
  }

  @Test func columnsCountUnicodeScalarsNotBytes() throws {
    // "Ä" is 2 bytes and "😀" 4: libyaml's column counts characters.
    let tree = try #require(yamlTree("{a: \"Ä😀\", b: x}\n").value)
    let root = try #require(tree.root)
    let b = try #require(tree.lookup(root, "b"))
    #expect((tree.line(b), tree.column(b)) == (1, 14))
  }

  @Test(arguments: [
    ("~", DocumentTree.ScalarType.null), ("null", .null), ("Null", .null), ("NULL", .null),
    ("", .null), ("true", .bool), ("False", .bool), ("TRUE", .bool), ("2016", .int),
    ("-12", .int), ("+7", .int), ("0x1F", .int), ("0o17", .int), ("1.5", .float),
    ("1e3", .float), ("-2.5E-3", .float), (".5", .float), ("1.", .float), (".inf", .float),
    ("-.Inf", .float), (".NaN", .float), ("yes", .string), ("no", .string), ("on", .string),
    ("2022-11-28", .string), ("1_000", .string), ("0x", .string), ("0xG1", .string),
    ("0o8", .string), ("1e", .string), ("-x", .string), (".", .string), ("nwid", .string),
    ("truth", .string), ("nullable", .string), ("1.2.3", .string), ("-.nan", .string),
  ])
  func plainScalarsFollowTheCoreSchema(text: String, type: DocumentTree.ScalarType) throws {
    let tree = try #require(yamlTree("v: \(text)\n").value)
    let value = try #require(tree.lookup(tree.root!, "v"))
    #expect(tree.scalarType(value) == type)
    #expect(tree.string(value) == text)
  }

  @Test func quotedBlockAndStrTaggedScalarsAreStrings() throws {
    let tree = try #require(
      yamlTree("a: \"2016\"\nb: '1e3'\nc: !!str 12\nd: |\n  true\ne: !custom 5\n").value)
    let root = try #require(tree.root)
    for key in ["a", "b", "c", "d"] {
      #expect(tree.scalarType(tree.lookup(root, key)!) == .string, "\(key)")
    }
    #expect(tree.string(tree.lookup(root, "d")!) == "true\n")
    // Other tags are ignored: the scalar keeps its plain type.
    #expect(tree.scalarType(tree.lookup(root, "e")!) == .int)
  }

  @Test func numberValues() throws {
    let tree = try #require(
      yamlTree("[12, 0x1F, 0o17, 1e3, -2.5, .inf, -.INF, .nan, 2.5e-1, x]\n").value)
    let list = try #require(tree.root)
    let values = (0..<tree.count(list)).map { tree.number(tree.element(list, $0)) }
    #expect(values[0...6] == [12, 31, 15, 1000, -2.5, .infinity, -.infinity])
    #expect(values[7]!.isNaN)
    #expect(values[8] == 0.25)
    #expect(values[9] == nil)
  }

  @Test func aliasesResolveToTheAnchoredNode() throws {
    let tree = try #require(
      yamlTree(
        """
        base: &b {kind: funding, weight: 2}
        name: &n Wohnen
        one: *b
        two: *n
        """
      ).value)
    let root = try #require(tree.root)
    #expect(tree.lookup(root, "one") == tree.lookup(root, "base"))
    #expect(tree.lookup(root, "two") == tree.lookup(root, "name"))
    #expect(tree.string(tree.lookup(root, "two")!) == "Wohnen")
  }

  @Test func anAliasMayBeRedefinedAndRefersToTheLatestAnchor() throws {
    let tree = try #require(yamlTree("- &a one\n- &a two\n- *a\n").value)
    let list = try #require(tree.root)
    #expect(tree.string(tree.element(list, 2)) == "two")
  }

  @Test func unknownAliasIsAnError() throws {
    let error = try #require(yamlTree("a: 1\nb: *nope\n").failure)
    #expect(error == SyntaxError(line: 2, column: 4, message: "unknown alias '*nope'"))
  }

  @Test func recursiveAliasIsRefused() throws {
    let error = try #require(yamlTree("a: &x\n  - 1\n  - *x\n").failure)
    #expect(error.line == 3 && error.column == 5)
    #expect(error.message == "alias '*x' refers to a collection that contains it")
  }

  @Test func aliasBombIsRefused() throws {
    // "Billion laughs": nine levels of ten aliases each expand to 10^9 nodes.
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    let error = try #require(yamlTree(text).failure)
    #expect(error.message.contains("aliases expand the document by more than 1000000 nodes"))
    // Aliases of level 5 add 111,111 nodes each; the eighth takes the total past 10^6.
    #expect(error.line == 6 && error.column == 45)
  }

  @Test func moderateAliasUseIsAccepted() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...3 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    #expect(yamlTree(text).value != nil)
  }

  @Test func secondDocumentIsAnError() throws {
    let error = try #require(yamlTree("a: 1\n---\nb: 2\n").failure)
    #expect(error.line == 2 && error.column == 1)
    #expect(
      error.message == "a second YAML document starts here; a network file holds one document")
    // An explicit start and end of the one document are fine.
    #expect(yamlTree("---\na: 1\n...\n").value != nil)
  }

  /// libyaml's messages become sentences a coordinator understands, placed where the mistake
  /// is (the key without a colon, the quote or bracket that is never closed).
  @Test(arguments: [
    ("a: b: c\n", 1, 5, "a ': ' inside a value"),
    ("actors:\n  - id: a\n   name: b\n", 3, 4, "this line does not line up with the list that starts at line 2"),
    ("a: [1, 2\nb: 3\n", 1, 4, "the list opened here with '[' is not closed with ']'"),
    ("a: {b: 1\nc: 3\n", 1, 4, "the mapping opened here with '{' is not closed with '}'"),
    ("network:\n  title: T\n  - x\n", 3, 3, "this line does not fit the mapping that starts at line 2"),
    ("a:\n  b: 1\n  c 2\n  d: 3\n", 3, 3, "this key has no ':' after it"),
    ("a:\n\tb: 1\n", 2, 1, "a tab: YAML files are indented with spaces only"),
    // libyaml counts characters, not bytes: after umlauts the tab is still recognised as one.
    ("title: Müller äöü\nactors:\n\t- id: a\n", 3, 1, "a tab: YAML files are indented with spaces only"),
    ("a: ä€𝄞\nb:\n\t- 1\n", 3, 1, "a tab: YAML files are indented with spaces only"),
    // ...and libyaml's other words for a tab say the same.
    ("a: ä€𝄞\n\tb: 1\n", 2, 1, "a tab: YAML files are indented with spaces only"),
    ("a:\n  - x\n\t  - y\n", 3, 1, "a tab: YAML files are indented with spaces only"),
    ("a: ä\nb: @x\n", 2, 4, "a value cannot start with this character"),
    ("a: @x\n", 1, 4, "a value cannot start with this character"),
    ("a: \"open\nb: 1\n", 1, 4, "this quote is never closed"),
  ])
  func syntaxErrorsAreExplainedWhereTheyAre(
    _ text: String, _ line: Int, _ column: Int, _ message: String
  ) throws {
    let error = try #require(yamlTree(text).failure)
    #expect(error.line == line && error.column == column, "\(error)")
    #expect(error.message.hasPrefix(message), "\(error.message)")
  }

  @Test func unusualSyntaxErrorsKeepLibyamlsWords() throws {
    let error = try #require(yamlTree("a: *nosuch\n").failure)
    #expect(error.message.contains("alias") || error.message.contains("anchor"), "\(error.message)")
  }

  /// Flow nesting costs libyaml quadratic time (120 kB of `[` took 23 s): reading stops at the
  /// first collection deeper than `maxDepth`.
  @Test func deepNestingStopsEarly() throws {
    let error = try #require(yamlTree(String(repeating: "[", count: 120_000)).failure)
    #expect(error.line == 1 && error.column == YAMLParser.maxDepth + 1)
    #expect(error.message.hasPrefix("lists and mappings nest more than 200 levels deep"))
    let block = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    #expect(yamlTree(block + " 1\n").failure != nil)
    let fine = (0..<150).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    #expect(yamlTree(fine + " 1\n").value != nil)
  }

  @Test func invalidUTF8IsReportedWhereItIs() throws {
    var bytes = Array("a: b\nc: d\u{e4}x\n".utf8)
    bytes[bytes.count - 4] = 0xFF  // the first byte of "ä"
    let error = try #require(bytes.withUnsafeBufferPointer { YAMLParser.parse($0) }.failure)
    #expect(error.line == 2 && error.column == 5)
    #expect(error.message.contains("invalid"))
  }

  @Test func emptyDocumentHasNoRoot() throws {
    #expect(try #require(yamlTree("").value).root == nil)
    #expect(try #require(yamlTree("# only a comment\n").value).root == nil)
  }

  @Test func duplicateKeysStayInTheTreeForTheDecoderToReport() throws {
    let tree = try #require(yamlTree("a: 1\na: 2\n").value)
    #expect(tree.count(tree.root!) == 2)
  }
}
