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

  @Test func syntaxErrorsCarryLibyamlsProblemAndPosition() throws {
    let error = try #require(yamlTree("a: b: c\n").failure)
    #expect(
      error
        == SyntaxError(
          line: 1, column: 5, message: "mapping values are not allowed in this context"))
    let indentation = try #require(yamlTree("actors:\n  - id: a\n   name: b\n").failure)
    #expect(
      indentation
        == SyntaxError(
          line: 3, column: 4,
          message:
            "did not find expected '-' indicator (while parsing a block collection at line 2, "
            + "column 3)"))
    let unclosed = try #require(yamlTree("a: [1, 2\nb: 3\n").failure)
    #expect(unclosed.line == 2 && unclosed.column == 2)
    #expect(
      unclosed.message.hasPrefix(
        "did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"))
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
