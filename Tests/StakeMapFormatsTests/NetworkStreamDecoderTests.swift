import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decoding while parsing (``NetworkStreamDecoder``) against decoding the whole tree
/// (``NetworkDecoder/decode(_:file:)``): the same network and the same diagnostics, for
/// malformed files too, in every order of sections, with YAML anchors, and when a file read
/// from disk gives its pages back as it is parsed.
@Suite struct NetworkStreamDecoderTests {
  static let actors = (0..<5).map { "  - {id: a\($0), name: A\($0), type: other}\n" }.joined()

  /// Both decodings of `text`, expected equal; returns the streamed one.
  @discardableResult
  func both(_ text: String, _ format: NetworkFileFormat = .yaml, file: String = "t.yaml")
    -> NetworkReadResult
  {
    let result = NetworkReader.parse(bytes: Array(text.utf8), file: file, format: format)
    expectSameAsWholeTree(result, text, file: file, format: format)
    return result
  }

  @Test func anErrorInsideTheThirdRelation() {
    let text =
      "actors:\n" + Self.actors + "relations:\n"
      + "  - {between: [a0, a1], kind: cooperation}\n"
      + "  - {between: [a1, a2], kind: cooperation}\n"
      + "  - {between: [a2, a9], kind: cooperatoin, weight: -1}\n"
      + "  - {between: [a3, a4], kind: cooperation}\n"
    let result = both(text)
    #expect(result.network == nil)
    #expect(
      messages(result) == [
        "10:20: error: unknown actor id \"a9\" in 'between' (did you mean \"a0\"?)",
        "10:31: error: unknown relation kind \"cooperatoin\" (expected one of cooperation, "
          + "funding, space_provision, personnel, advice, membership, referral, participation, "
          + "knowledge_transfer, other; did you mean \"cooperation\"?)",
        "10:52: error: weight must be a finite number > 0, found -1",
      ])
  }

  @Test func errorsInSeveralRelationsAreAllReported() {
    let relations = [
      #"{"between": ["a0", "a1"], "kind": "cooperation"}"#,
      #"{"between": ["a0", "a0"], "kind": "cooperation"}"#,
      #"{"from": "a1", "kind": "cooperation"}"#,
      #"{"between": ["a1"], "kind": "x"}"#,
      #"{"between": ["a1", "a2"], "kind": "cooperation", "weight": "2"}"#,
      #"{"between": ["a1", "a2"], "kind": "cooperation", "evidence": "q"}"#,
      #"{"between": ["a1", "a2"], "kind": "cooperation", "kind": "other"}"#,
      "42", "null", "[1, 2]",
      #"{"between": ["a1", "a2"], "frm": "a1"}"#,
    ]
    let actors = (0..<5).map { #"{"id": "a\#($0)", "name": "A", "type": "other"}"# }
    let text =
      "{\"actors\": [" + actors.joined(separator: ", ") + "],\n\"relations\": [\n"
      + relations.joined(separator: ",\n") + "\n]}\n"
    let result = both(text, .json, file: "t.json")
    #expect(result.network == nil)
    // One or more problems on each line but the first (lines 3 to 12).
    let lines = Set(result.diagnostics.compactMap { $0.location?.line })
    #expect(lines == Set(4...13))
    #expect(result.diagnostics.count >= 11)
  }

  @Test func duplicateIdsAcrossTheStreamNameTheFirst() {
    let text =
      "actors:\n  - {id: a, name: A, type: other}\n  - {id: b, name: B, type: other}\n"
      + "  - {id: a, name: A2, type: other}\nrelations:\n  - {between: [a, b], kind: cooperation}\n"
      + "events:\n  - {id: e, title: E}\n  - {id: e, title: F}\n"
    let result = both(text)
    #expect(
      messages(result) == [
        "4:10: error: duplicate actor id \"a\" (first declared at t.yaml:2:10)",
        "9:10: error: duplicate event id \"e\" (first declared at t.yaml:8:10)",
      ])
  }

  @Test(arguments: [
    (#"{"actors": [{"id": "a", "name": "A", "type": "other"}], "relations": [{"between": ["a", "b"], "kind": "cooperation"},"#,
     NetworkFileFormat.json),
    (#"{"actors": [{"id": "a", "name": "A", "type": "other"}, "#, .json),
    ("actors:\n  - {id: a, name: A, type: other}\nrelations:\n  - {between: [a, b], kind: cooperation\n",
     .yaml),
    ("actors:\n  - {id: a, name: A, type: other}\nrelations: [\n  {between: [a, b], kind: cooperation},\n",
     .yaml),
  ])
  func anUnterminatedListAtTheEndIsTheOnlyDiagnostic(text: String, format: NetworkFileFormat) {
    let result = both(text, format, file: format == .json ? "t.json" : "t.yaml")
    #expect(result.network == nil)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.message.hasPrefix("invalid ") == true)
  }

  /// Every order of the sections, in both formats: streamed where the order allows, waiting in
  /// the tree or read again as a whole tree where it does not, always with the same result.
  @Test func everyOrderOfSections() {
    let yaml: [Character: String] = [
      "N": "network: {title: T}\n",
      "S": "sources:\n  - {id: s1, title: S}\n",
      "T": "topics:\n  - {id: t1, de: T, en: T}\n",
      "A": "actors:\n  - {id: a, name: A, type: other, offers: [{topic: t1}, {topic: t9}]}\n"
        + "  - {id: b, name: B, type: other, source: s1}\n  - {id: c, name: C, type: other}\n",
      "E": "events:\n  - {id: e1, title: E, participants: [a, b, q], source: s2}\n",
      "R": "relations:\n  - {between: [a, b], kind: cooperation, source: s1}\n"
        + "  - {between: [a, c], kind: cooperation, evidence: x}\n  - {between: [b, zz], kind: other}\n",
    ]
    let json: [Character: String] = [
      "N": #""network": {"title": "T"}"#,
      "S": #""sources": [{"id": "s1", "title": "S"}]"#,
      "T": #""topics": [{"id": "t1", "de": "T", "en": "T"}]"#,
      "A": #""actors": [{"id": "a", "name": "A", "type": "other", "offers": [{"topic": "t1"}]}, {"id": "b", "name": "B", "type": "other", "source": "s1"}]"#,
      "E": #""events": [{"id": "e1", "title": "E", "participants": ["a", "q"]}]"#,
      "R": #""relations": [{"between": ["a", "b"], "kind": "cooperation", "source": "s1"}, {"from": "b", "to": "zz", "kind": "other"}]"#,
    ]
    var orders: [[Character]] = [[]]
    for _ in 0..<6 {
      orders = orders.flatMap { order in
        Array("NSTAER").filter { !order.contains($0) }.map { order + [$0] }
      }
    }
    #expect(orders.count == 720)
    for order in orders {
      both(order.map { yaml[$0]! }.joined())
      both("{" + order.map { json[$0]! }.joined(separator: ",\n") + "}", .json, file: "t.json")
    }
    // Sections left out, one or two at a time.
    for left in Array("NSTAER") {
      both(Array("NSTAER").filter { $0 != left }.map { yaml[$0]! }.joined())
      both(Array("RAEN").filter { $0 != left }.map { yaml[$0]! }.joined())
    }
  }

  /// Whether `text` is decoded while parsed (rather than given up on and read as a whole tree).
  func streams(_ text: String, _ format: NetworkFileFormat = .yaml) -> Bool {
    let sink = NetworkStreamDecoder.Sink(NetworkStreamDecoder(file: "t", consumed: nil))
    _ = Array(text.utf8).withUnsafeBufferPointer {
      format == .json ? JSONParser.parse($0, sink: sink) : YAMLParser.parse($0, sink: sink)
    }
    return !sink.decoder.isStopped && sink.decoder.result != nil
  }

  /// What StakeMap writes (events before actors) streams; so does any order in which what a
  /// section refers to comes first. A section after one that refers to it does not.
  @Test func whichOrdersStream() {
    var network = LargeNetworkTests.generate(actors: 50, relations: 200, seed: 1)
    network.sources = [Source(id: "s1", title: "S")]
    network.topics = [Topic(id: "t1", de: "T", en: "T")]
    network.events = [Event(id: "e1", title: "E", source: "s1", participants: [0, 1])]
    network.actors[0].offers = [TopicClaim(topic: "t1")]
    network.relations[0].source = "s1"
    for format in [NetworkFileFormat.yaml, .json] {
      let text = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
      #expect(streams(text, format))
      let result = both(text, format, file: format == .json ? "t.json" : "t.yaml")
      #expect(result.network.map(withoutLocations) == network)
    }
    let a = "actors:\n  - {id: a, name: A, type: other}\n"
    let r = "relations: []\n"
    let e = "events: []\n"
    let s = "sources: []\n"
    let n = "network: {title: T}\n"
    #expect(streams(n + s + a + e + r))
    #expect(streams(a + e + r))
    #expect(streams(e + r + a))
    // Sections that come after one decoded later in the decoder's order: read as a whole tree.
    #expect(!streams(a + r + e))
    #expect(!streams(a + r + s))
    #expect(!streams(a + n))
    #expect(!streams(a + r + (0..<16).map { "k\($0): 1\n" }.joined()))
  }

  @Test func topLevelKeysThatAreRepeatedUnknownOrNotText() {
    both(
      "network: {title: T}\n" + "actors:\n" + Self.actors + "actors:\n  - {id: z, name: Z, type: other}\n"
        + "relations: []\nnetwrok: 1\n? [x]\n: 1\nextra: {a: 1}\nrelations: 5\n")
    both(#"{"actors": [], "actors": [1], "relations": [], "foo": 1, "actorz": 2}"#, .json, file: "t.json")
    // A key problem and a section's problem at one place (through an alias): the key's first,
    // as the whole-tree decoder finds it first.
    let shared = both("network: {title: T, region: &r [1]}\n*r : 1\nactors: []\n")
    #expect(
      messages(shared) == [
        "1:29: error: expected text as a key, found a list",
        "1:29: error: expected text for 'region', found a list",
      ])
    // More than 16 top-level keys: compared as the whole-tree decoder compares them.
    both("actors:\n" + Self.actors + (0..<20).map { "k\($0): \($0)\n" }.joined() + "k3: again\n")
  }

  @Test func sectionsOfTheWrongShape() {
    for text in [
      "actors:\nrelations:\n  - {between: [a, b], kind: cooperation}\n",
      "actors: {a: 1}\nrelations:\n  - {between: [a, b], kind: cooperation}\n",
      "actors:\n" + Self.actors + "relations: {a: 1}\nevents: 3\n",
      "relations:\n  - {between: [a, b], kind: cooperation}\nevents:\n  - {id: e, title: E}\n",
      "hello\n", "[1, 2]\n", "# nothing\n", "{}\n", "network:\nactors: []\n",
      "actors:\n  -\n  - id:\n    name:\nrelations:\n  -\n",
    ] {
      both(text)
    }
    both("{}", .json, file: "t.json")
    both("[]", .json, file: "t.json")
    both(#"{"actors": [], "relations": 5}"#, .json, file: "t.json")
  }

  @Test func yamlAnchorsAndAliasesAcrossElements() {
    let result = both(
      "actors:\n  - &aa {id: a, name: A, type: other}\n  - {id: &bid b, name: B, type: other}\n"
        + "  - {id: c, name: *bid, type: other}\nrelations:\n  - {between: [a, *bid], kind: cooperation}\n"
        + "  - &rel {between: [a, c], kind: cooperation}\n  - *rel\n"
        + "  - {between: [*bid, c], kind: &k cooperation}\n  - {between: [a, b], kind: *k}\n")
    #expect(result.network?.relations.count == 5)
    // An anchor outside any section, an anchored section, an alias as a section.
    both("defs: &d\n  - {id: x, name: X, type: other}\nactors: *d\nrelations:\n  - {between: [x, x], kind: cooperation}\n")
    both("actors: &acts\n  - {id: a, name: A, type: other}\n  - {id: b, name: B, type: other}\nrelations: &rels\n  - {between: [a, b], kind: cooperation}\nevents: *rels\n")
    both("x: &a1 {id: q, name: Q, type: other}\nactors:\n  - *a1\n  - {id: r, name: R, type: other}\nrelations:\n  - {between: [q, r], kind: cooperation}\n  - &bad {between: [q], kind: cooperation}\n  - *bad\n")
    both("k: &kk actors\n*kk : []\n")
    both("actors: &a\n  - *a\n")
  }

  @Test func byteOrderMarkAndLineEndings() {
    let text = "actors:\n" + Self.actors + "relations:\n  - {between: [a0, q], kind: cooperation}\n"
    both(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"))
    let json = Array(#"{"actors": [], "relations": [{"between": ["a", "q"], "kind": "x"}]}"#.utf8)
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + json
    let streamed = NetworkReader.parse(bytes: bytes, file: "t.json", format: .json)
    let whole = NetworkReader.parse(bytes: bytes, file: "t.json", format: .json, decoding: .wholeTree)
    #expect(messages(streamed) == messages(whole))
    // The mark is not a column.
    let plain = NetworkReader.parse(bytes: json, file: "t.json", format: .json)
    #expect(messages(streamed) == messages(plain))
    #expect(messages(streamed).count == 3)
  }

  // MARK: - Files read from disk, their pages released as the parse goes on

  /// A generated network of `relations` relations as text.
  static func generated(_ format: NetworkFileFormat, relations: Int = 6_000) -> String {
    let network = LargeNetworkTests.generate(actors: 600, relations: relations, seed: 3)
    return format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
  }

  /// Reads `text` from a file both ways, releasing pages every 4,096 bytes in the streamed
  /// read, and expects the same result; returns the streamed one.
  @discardableResult
  func fromDisk(_ text: String, _ format: NetworkFileFormat) -> NetworkReadResult {
    fromDisk(Array(text.utf8), format)
  }

  @discardableResult
  func fromDisk(_ bytes: [UInt8], _ format: NetworkFileFormat) -> NetworkReadResult {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = directory + (format == .json ? "/net.json" : "/net.yaml")
    #expect(throws: Never.self) { try AtomicFile.write(bytes, to: path) }
    let streamed = NetworkReader.read(path: path, decoding: .streamed, releaseStep: 4_096)
    let whole = NetworkReader.read(path: path, decoding: .wholeTree, releaseStep: 4_096)
    #expect(streamed.network == whole.network)
    #expect(messages(streamed) == messages(whole))
    return streamed
  }

  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func aFileReadWhileItsPagesAreReleased(format: NetworkFileFormat) {
    let text = Self.generated(format)
    let result = fromDisk(text, format)
    #expect(result.diagnostics.isEmpty)
    #expect(result.network?.relations.count == 6_000)
  }

  /// A syntax error near the end of a YAML file whose start was given back: libyaml counts its
  /// line from the start, so the file is read again for the message.
  @Test(arguments: [
    "\n  - {between: [a1, a2], kind: [\n", "\n  - {between: [a1, a2], kind: \u{FFFF}\u{1}}\n",
    "\tbad: 1\n", "  - {between: [a1, a2], kind: \"open\n",
  ])
  func aLateYAMLSyntaxError(tail: String) {
    let result = fromDisk(Self.generated(.yaml) + tail, .yaml)
    #expect(result.diagnostics.count == 1)
    #expect((result.diagnostics.first?.location?.line ?? 0) > 20_000)
  }

  @Test(arguments: [[UInt8]([0xFF]), [0xC3], [0x01]])
  func invalidBytesNearTheEndOfALargeYAMLFile(bad: [UInt8]) {
    let bytes =
      Array(Self.generated(.yaml).utf8) + Array("  - {id: x, name: \"".utf8) + bad
      + Array("\"}\n".utf8)
    let result = fromDisk(bytes, .yaml)
    #expect(result.diagnostics.count == 1)
    #expect((result.diagnostics.first?.location?.line ?? 0) > 20_000)
  }

  /// A section that has to be decoded before one already streamed: the file is read again and
  /// decoded as a whole tree, with the same result.
  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func aLateSectionAfterPagesWereReleased(format: NetworkFileFormat) {
    var text = Self.generated(format)
    if format == .yaml {
      text += "sources:\n  - {id: s1, title: S}\n"
    } else {
      text = String(text.dropLast(2)) + ",\n  \"sources\": [{\"id\": \"s1\", \"title\": \"S\"}]\n}\n"
    }
    let result = fromDisk(text, format)
    #expect(result.network?.sources.count == 1)
    #expect(result.diagnostics.isEmpty)
  }

  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func errorsSprinkledThroughALargeFile(format: NetworkFileFormat) {
    var lines = Self.generated(format).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    // An unknown actor in every 499th line (YAML) or 97th (JSON) that names one, from the
    // second third on.
    let reference = format == .yaml ? "[a" : "[\"a"
    var changed = 0
    for i in stride(from: lines.count / 3, to: lines.count, by: format == .yaml ? 499 : 97) {
      if let range = lines[i].range(of: reference) {
        lines[i].replaceSubrange(range, with: reference.dropLast() + "zz")
        changed += 1
      }
    }
    #expect(changed > 3)
    let result = fromDisk(lines.joined(separator: "\n"), format)
    #expect(result.network == nil)
    #expect(result.diagnostics.count >= changed)
  }

  // MARK: - Memory

  /// Records the largest tree the sink is handed: streaming must keep it small.
  final class Largest: DocumentTreeSink {
    var nodes = 0
    var elements = 0
    var isStopped: Bool { false }
    func note(_ tree: DocumentTree) { nodes = max(nodes, tree.nodes.count) }
    func rootKey(_ key: DocumentTree.NodeID, in tree: inout DocumentTree) { note(tree) }
    func rootValueBegins(in tree: inout DocumentTree) -> Bool { true }
    func element(_ node: DocumentTree.NodeID, in tree: inout DocumentTree) {
      elements += 1
      note(tree)
    }
    func rootValue(_ node: DocumentTree.NodeID, streamed: Bool, in tree: inout DocumentTree) -> Bool {
      note(tree)
      return !streamed
    }
    func rootEnded(_ root: DocumentTree.NodeID, in tree: inout DocumentTree) { note(tree) }
  }

  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func theTreeHoldsABatchOfElementsNotTheFile(format: NetworkFileFormat) throws {
    let text = Self.generated(format, relations: 30_000)
    let whole = try #require(
      Array(text.utf8).withUnsafeBufferPointer {
        format == .json ? JSONParser.parse($0) : YAMLParser.parse($0)
      }.value)
    let sink = Largest()
    let streamed = try #require(
      Array(text.utf8).withUnsafeBufferPointer {
        format == .json ? JSONParser.parse($0, sink: sink) : YAMLParser.parse($0, sink: sink)
      }.value)
    #expect(sink.elements == 30_600)
    #expect(whole.nodes.count > 200_000)
    // A batch of 4,096 nodes plus the element that completes it, and the network header.
    #expect(sink.nodes < 4_200)
    #expect(streamed.nodes.count < 10)
  }

  @Test func consumedInputReleasesWholePagesBehindTheParse() {
    var bytes = [UInt8](repeating: 7, count: 1 << 20)
    bytes.withUnsafeMutableBufferPointer { buffer in
      let consumed = ConsumedInput(releasing: buffer, step: 100_000)
      consumed.advance(to: 50_000)
      #expect(consumed.released == 0)
      consumed.advance(to: 300_000)
      #expect(consumed.released > 0 && consumed.released <= 300_000)
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      #expect((UInt(bitPattern: buffer.baseAddress!) + UInt(consumed.released)) % UInt(page) == 0)
      // What is left is intact; what was released reads as zeros.
      #expect(buffer[300_000...].allSatisfy { $0 == 7 })
      #expect(buffer[consumed.released - 1] == 0)
      #expect(consumed.remaining == (1 << 20) - 300_000)
    }
    // The caller's bytes are never released.
    let kept = ConsumedInput(count: 10)
    kept.advance(to: 10)
    #expect(kept.released == 0 && kept.remaining == 0)
  }
}
