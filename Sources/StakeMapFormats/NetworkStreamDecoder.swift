import StakeMapModel
import StakeMapText

/// Decodes a network file while it is parsed, one top-level value or list element at a time
/// (a ``DocumentTreeSink``), so that the file never exists as a whole tree: a million relations
/// are read in the memory of the network they make, not in that plus a tree three times its
/// size. The result is the one ``NetworkDecoder/decode(_:file:)`` gives for the whole tree: the
/// same network and the same diagnostics, in the same order.
///
/// How it stays the same:
/// - Elements of `actors` are decoded as they come; so are those of `events` and `relations`
///   once the actors are known. Any other section, and a list that arrives before the actors it
///   refers to (StakeMap writes `events` before `actors`), waits in the tree until its turn in
///   the decoder's section order. A section that needs no other is decoded in that order too.
/// - Decoding a list as it streams commits to the order: when a section that has to be decoded
///   before it turns up later (`sources` after `actors`, say), or the top level has more than 16
///   keys (which the whole-tree decoder compares as Strings, not bytes), the decoder stops
///   (``isStopped``) and the reader decodes the file as a whole tree instead: correct, at the old
///   memory cost, for files StakeMap does not write.
/// - Problems with top-level keys are kept apart and put first, as the whole-tree decoder
///   reports them before any section; then all diagnostics are sorted by position, stably.
///
/// Complexity: as ``NetworkDecoder``, O(nodes); memory O(the network + the largest element +
/// the sections that wait).
///
/// A struct, so that a call touches its state through one access; ``Sink`` is the object the
/// builder calls.
struct NetworkStreamDecoder {
  typealias NodeID = DocumentTree.NodeID
  typealias Section = NetworkDecoder.Section

  /// Its tree is empty between calls; during a call it holds the builder's.
  private var decoder: NetworkDecoder
  private var network = Network()
  private let consumed: ConsumedInput?
  /// Problems with top-level keys, in the two groups the whole-tree decoder finds them in: keys
  /// that are not text or repeat one, then unknown keys.
  private var keyProblems: [Diagnostic] = []
  private var unknownKeys: [Diagnostic] = []
  /// The top level's keys that are text, with where each first stands, for duplicates.
  private var keys: [(text: [UInt8], line: Int, column: Int)] = []
  private var keyCount = 0
  /// The section the last key names; nil when its value is to be skipped.
  private var upcoming: Section?
  private var actorsSeen = false
  /// Values waiting in the tree for their section's turn.
  private var deferred: [(section: Section, node: NodeID)] = []
  /// The latest section decoded (in decoding order); nil before the first.
  private var decodedUpTo: Section?
  /// The section whose elements are arriving.
  private var streaming: Section?
  private(set) var isStopped = false
  /// The network (nil when there is an error) and the sorted diagnostics, once the root has
  /// ended; nil before, and when the decoder stopped or the root was not a mapping.
  private(set) var result: (network: Network?, diagnostics: [Diagnostic])?

  /// The ``DocumentTreeSink`` the builder calls: a box around the decoder.
  final class Sink: DocumentTreeSink {
    /// Unchecked: only the builder calls, one call at a time, and no call reaches the box again
    /// (a checked access costs more than the rest of a small element's bookkeeping).
    @exclusivity(unchecked) var decoder: NetworkStreamDecoder

    init(_ decoder: NetworkStreamDecoder) { self.decoder = decoder }

    var isStopped: Bool { decoder.isStopped }

    func rootKey(_ key: NodeID, in tree: inout DocumentTree) {
      decoder.rootKey(key, in: &tree)
    }

    func rootValueBegins(in tree: inout DocumentTree) -> Bool {
      decoder.rootValueBegins(in: &tree)
    }

    func element(_ node: NodeID, in tree: inout DocumentTree) {
      decoder.element(node, in: &tree)
    }

    func rootValue(_ node: NodeID, streamed: Bool, in tree: inout DocumentTree) -> Bool {
      decoder.rootValue(node, streamed: streamed, in: &tree)
    }

    func rootEnded(_ root: NodeID, in tree: inout DocumentTree) {
      decoder.rootEnded(root, in: &tree)
    }
  }

  /// `consumed`: how far the parse has read, for sizing the relations up front.
  init(file: String, consumed: ConsumedInput?) {
    decoder = NetworkDecoder(tree: DocumentTree(), file: file)
    self.consumed = consumed
  }

  /// Runs `body` with the builder's tree in the decoder (swapped in and out: no copy).
  private mutating func withDecoder(
    _ tree: inout DocumentTree, _ body: (inout NetworkDecoder, inout Network) -> Void
  ) {
    swap(&decoder.tree, &tree)
    body(&decoder, &network)
    swap(&decoder.tree, &tree)
  }

  private mutating func stop() {
    isStopped = true
    deferred = []
    network = Network()
  }

  // MARK: - What the sink passes on

  mutating func rootKey(_ key: NodeID, in tree: inout DocumentTree) {
    guard !isStopped else { return }
    keyCount += 1
    upcoming = nil
    guard keyCount <= 16 else { return stop() }
    // As ``NetworkDecoder/checkKeys(_:)`` and the top-level loop of the whole-tree decoder.
    var keyProblems: [Diagnostic] = []
    var unknownKeys: [Diagnostic] = []
    var upcoming: Section?
    let keys = self.keys
    var newKey: (text: [UInt8], line: Int, column: Int)?
    withDecoder(&tree) { d, _ in
      guard d.tree.kind(key) == .scalar else {
        keyProblems += d.setAside { $0.error(key, .diagnosticKeyNotText, ["found": $0.found(key)]) }
        return
      }
      let text = d.tree.withBytes(key) { Array($0) }
      if let first = keys.first(where: { $0.text == text }) {
        keyProblems += d.setAside {
          $0.duplicateKey(key, firstLine: first.line, firstColumn: first.column)
        }
        return
      }
      newKey = (text, d.tree.line(key), d.tree.column(key))
      let name = d.tree.string(key)
      if let section = d.topLevelSection(name) {
        upcoming = section
      } else {
        unknownKeys += d.setAside {
          $0.unknownKey(
            key, name, known: NetworkDecoder.topLevelKeys, in: .phrase(.diagnosticInTopLevel))
        }
      }
    }
    self.keyProblems += keyProblems
    self.unknownKeys += unknownKeys
    if let newKey { self.keys.append(newKey) }
    self.upcoming = upcoming
    guard let section = upcoming else { return }
    if section == .actors { actorsSeen = true }
    // Too late: a section after it in decoding order was decoded already.
    if let done = decodedUpTo, section < done { stop() }
  }

  mutating func rootValueBegins(in tree: inout DocumentTree) -> Bool {
    guard !isStopped, let section = upcoming else { return false }
    switch section {
    case .actors:
      break
    case .events, .relations:
      // Their references need the actors.
      guard let done = decodedUpTo, done >= .actors else { return false }
    default:
      return false
    }
    flush(before: section, &tree)
    decodedUpTo = section
    streaming = section
    if section == .relations, let consumed {
      // A relation takes at least about 24 bytes of file: reserving for that many never
      // regrows the array (a regrowth would hold old and new copies at once), and the pages
      // of capacity never written cost address space, not memory.
      network.relations.reserveCapacity(consumed.remaining / 24)
    }
    return true
  }

  mutating func element(_ node: NodeID, in tree: inout DocumentTree) {
    guard !isStopped, let section = streaming else { return }
    withDecoder(&tree) { d, network in
      switch section {
      case .actors:
        if let actor = d.decodeActor(node) { network.actors.append(actor) }
      case .events:
        if let event = d.decodeEvent(node) { network.events.append(event) }
      case .relations:
        if let relation = d.decodeRelation(node) { network.relations.append(relation) }
      default:
        break
      }
    }
  }

  mutating func rootValue(_ node: NodeID, streamed: Bool, in tree: inout DocumentTree) -> Bool {
    defer { upcoming = nil }
    if streamed {
      streaming = nil
      return false
    }
    guard !isStopped, let section = upcoming else { return false }
    deferred.append((section, node))
    return true
  }

  mutating func rootEnded(_ root: NodeID, in tree: inout DocumentTree) {
    guard !isStopped else { return }
    let actorsSeen = self.actorsSeen
    let deferred = self.deferred
    withDecoder(&tree) { d, network in
      for section in Section.allCases {
        if section == .actors && !actorsSeen { d.missingActors(root) }
        for waiting in deferred where waiting.section == section {
          d.decodeSection(section, waiting.node, into: &network)
        }
      }
    }
    self.deferred = []
    let diagnostics = NetworkDecoder.sorted(keyProblems + unknownKeys + decoder.diagnostics)
    result = (decoder.errorCount == 0 ? network : nil, diagnostics)
    // The result is the only owner of the arrays: a later change to them copies nothing.
    network = Network()
  }

  /// Decodes the waiting sections that come before `section` in decoding order.
  private mutating func flush(before section: Section, _ tree: inout DocumentTree) {
    let due = deferred.filter { $0.section < section }.sorted { $0.section < $1.section }
    guard !due.isEmpty else { return }
    deferred.removeAll { $0.section < section }
    withDecoder(&tree) { d, network in
      for waiting in due { d.decodeSection(waiting.section, waiting.node, into: &network) }
    }
  }
}
