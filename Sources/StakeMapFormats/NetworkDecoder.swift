import StakeMapModel
import StakeMapText

/// Turns a ``DocumentTree`` into a ``Network``, enforcing every rule of docs/FORMAT.md and
/// collecting every problem rather than stopping at the first.
///
/// Conventions:
/// - Each diagnostic points at the offending value; a missing key at the mapping that lacks it;
///   an unknown or duplicate key at the key.
/// - Ids (declared and referenced) and vocabulary values (`type`, `kind`, `status`, `basis`,
///   `language`) must be text: `id: 2016` is an error in YAML as in JSON. Free text (`name`,
///   `title`, `since`, `date`, `note`, tags, custom attributes, …) also accepts a number or a
///   boolean and keeps it as written (`since: 2016` is "2016", `date: 2022-11-28` stays text).
/// - An optional key whose value is null (`note:` or `note: null`) counts as absent; an optional
///   list that is null counts as empty. A required key with a null value is an error.
/// - Unknown keys are warnings ("did you mean" when close to a known key), except that an
///   actor's unknown keys with a scalar value become ``Stakeholder/attributes``: silently, or with the
///   "did you mean" warning when close to a built-in key (kept all the same). With a list or
///   mapping value they are ignored with a warning.
/// - A relation or event participant naming an unknown actor is reported and dropped, and the
///   other checks go on.
/// - Through a YAML alias, positions are those of the anchored original.
///
/// Sections are decoded in dependency order (sources, topics, actors, events, relations) whatever
/// their order in the file, so that references can be checked in one pass.
///
/// Two ways in: ``decode(_:file:)`` takes a whole ``DocumentTree``; ``NetworkStreamDecoder``
/// feeds the same section and element decoders one list element at a time while the file is
/// parsed, so that a large file never exists as a tree. Both give the same network and the same
/// diagnostics. That is why nothing here keeps a node id from one element to the next: declared
/// ids keep their position (``FileLocation``) for "first declared at" instead.
///
/// Complexity: O(nodes) plus O(actors) per unknown actor id for its suggestion (capped by a
/// work budget, after which unknown ids are reported without suggestions).
struct NetworkDecoder {
  typealias NodeID = DocumentTree.NodeID

  /// The tree being decoded: the whole document, or (streamed) the element at hand.
  var tree: DocumentTree
  let file: String
  /// Set when decoding a scenario: the ids of the network it extends, which references may name
  /// (see ``Scenario``).
  var base: BaseIDs?
  /// The `scenario:` header of a scenario file.
  var scenarioHeader: (title: String, description: String?, promote: Set<RelationStatus>)?
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var errorCount = 0

  /// Declared ids with the place of their declaration (for "first declared at").
  var sourceIDs: [String: FileLocation] = [:]
  var topicIDs: [String: FileLocation] = [:]
  var eventIDs: [String: FileLocation] = [:]
  /// Stakeholder ids; entry i is actor i.
  var actorTable = IDTable()
  /// Ids in declaration order, for deterministic suggestions.
  var sourceIDOrder: [String] = []
  var topicIDOrder: [String] = []
  var eventIDOrder: [String] = []
  var actorIDOrder: [String] = []
  var actorSuggestions: [String: String?] = [:]
  var suggestionWork = 0

  static let topLevelKeys = ["network", "actors", "relations", "sources", "topics", "events"]

  /// The top-level sections, in the order they are decoded (each may refer to those before).
  enum Section: Int, CaseIterable, Comparable {
    case network, scenario, sources, topics, actors, events, relations

    init?(key: String) {
      switch key {
      case "network": self = .network
      case "scenario": self = .scenario
      case "sources": self = .sources
      case "topics": self = .topics
      case "actors": self = .actors
      case "events": self = .events
      case "relations": self = .relations
      default: return nil
      }
    }

    static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }
  }
  static let networkKeys = ["title", "language", "description", "region"]
  static let sourceKeys = ["id", "title", "date", "place", "publisher", "file", "url"]
  static let topicKeys = ["id", "de", "en"]
  static let eventKeys = [
    "id", "title", "kind", "date", "place", "source", "participants", "evidence", "offsets",
    "review",
  ]
  static let actorKeys = [
    "id", "name", "type", "short", "region", "tags", "basis", "note", "offers", "needs",
    "aliases", "evidence", "source", "offsets", "review",
  ]
  static let claimKeys = ["topic", "evidence", "source", "basis", "offsets", "review"]
  static let relationKeys = [
    "between", "from", "to", "kind", "weight", "status", "since", "source", "evidence", "basis",
    "note", "offsets", "review", "until", "inferred",
  ]

  init(tree: DocumentTree, file: String) {
    self.tree = tree
    self.file = file
  }

  /// Decodes `tree`; the network is nil when there is at least one error. Diagnostics are sorted
  /// by position (problems at one position keep the order they were found in).
  static func decode(_ tree: DocumentTree, file: String) -> (Network?, [Diagnostic]) {
    var decoder = NetworkDecoder(tree: tree, file: file)
    let network = decoder.decodeNetwork()
    return (decoder.errorCount == 0 ? network : nil, decoder.sortedDiagnostics)
  }

  /// Ids of a base network that a scenario may refer to.
  struct BaseIDs {
    var actors: [String: Int]
    /// Stakeholder ids in the base network's order, for suggestions.
    var actorOrder: [String]
    var sources: Set<String>
    var topics: Set<String>
  }

  /// Decodes a scenario file against `base`; nil when there is at least one error.
  static func decodeScenario(_ tree: DocumentTree, file: String, base: Network)
    -> (Scenario?, [Diagnostic])
  {
    var decoder = NetworkDecoder(tree: tree, file: file)
    decoder.base = BaseIDs(
      actors: base.actorIndex(), actorOrder: base.actors.map(\.id), sources: Set(base.sources.map(\.id)),
      topics: Set(base.topics.map(\.id)))
    let additions = decoder.decodeNetwork()
    if decoder.scenarioHeader == nil, let root = tree.root {
      decoder.error(root, .diagnosticMissingScenario)
    }
    guard decoder.errorCount == 0, let header = decoder.scenarioHeader else {
      return (nil, decoder.sortedDiagnostics)
    }
    let scenario = Scenario(
      title: header.title, description: header.description, promote: header.promote,
      additions: additions)
    return (scenario, decoder.sortedDiagnostics)
  }

  private var sortedDiagnostics: [Diagnostic] {
    Self.sorted(diagnostics)
  }

  /// Diagnostics sorted by position; those at one position keep the order they were found in.
  /// O(n log n).
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    let sorted = diagnostics.enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let l?, let r?): return l != r ? l < r : a.offset < b.offset
      case (nil, _?): return true
      case (_?, nil): return false
      case (nil, nil): return a.offset < b.offset
      }
    }.map(\.element)
    return sorted
  }

  // MARK: - Diagnostics

  func location(_ node: NodeID) -> FileLocation {
    tree.location(node, file: file)
  }

  mutating func error(_ node: NodeID?, _ sentence: Sentence) {
    errorCount += 1
    diagnostics.append(
      .error(at: node.map(location) ?? FileLocation(file: file, line: 1, column: 1), sentence))
  }

  mutating func error(
    _ node: NodeID?, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
  ) {
    error(node, Sentence(phrase, arguments))
  }

  mutating func warning(
    _ node: NodeID, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
  ) {
    diagnostics.append(.warning(at: location(node), Sentence(phrase, arguments)))
  }

  /// Runs `body` and returns the diagnostics it reported instead of keeping them (its errors
  /// still count): the streamed decoder orders the top level's problems as the whole-tree
  /// decoder finds them.
  mutating func setAside(_ body: (inout Self) -> Void) -> [Diagnostic] {
    let before = diagnostics.count
    body(&self)
    let reported = Array(diagnostics[before...])
    diagnostics.removeSubrange(before...)
    return reported
  }

  // MARK: - Top level

  private mutating func decodeNetwork() -> Network {
    var network = Network()
    guard let root = tree.root, !(tree.kind(root) == .scalar && tree.scalarType(root) == .null)
    else {
      error(nil, .diagnosticEmptyFile)
      return network
    }
    guard tree.kind(root) == .mapping else {
      error(root, .diagnosticTopLevelNotMapping, ["found": found(root)])
      return network
    }
    var sections: [Section: NodeID] = [:]
    let skip = checkKeys(root)
    for k in 0..<tree.count(root) where !skip.contains(k) {
      let keyNode = tree.key(root, k)
      let key = tree.string(keyNode)
      if let section = topLevelSection(key) {
        sections[section] = tree.value(root, k)
      } else {
        unknownKey(keyNode, key, known: Self.topLevelKeys, in: .phrase(.diagnosticInTopLevel))
      }
    }
    for section in Section.allCases {
      if let node = sections[section] {
        decodeSection(section, node, into: &network)
      } else if section == .actors {
        missingActors(root)
      }
    }
    return network
  }

  /// The section a top-level key names, or nil for an unknown key (`scenario` is a section of
  /// scenario files only).
  func topLevelSection(_ key: String) -> Section? {
    guard let section = Section(key: key), section != .scenario || base != nil else { return nil }
    return section
  }

  /// Decodes one top-level section's value into `network`.
  mutating func decodeSection(_ section: Section, _ node: NodeID, into network: inout Network) {
    switch section {
    case .network: network.info = decodeInfo(node)
    case .scenario: decodeScenarioHeader(node)
    case .sources: network.sources = decodeSources(node)
    case .topics: network.topics = decodeTopics(node)
    case .actors:
      if tree.kind(node) == .sequence {
        network.actors = decodeActors(node)
      } else {
        error(node, .diagnosticActorsNotList, ["found": found(node)])
      }
    case .events: network.events = decodeEvents(node)
    case .relations: network.relations = decodeRelations(node)
    }
  }

  /// A network file without `actors` (a scenario file may have none).
  mutating func missingActors(_ root: NodeID) {
    if base == nil { error(root, .diagnosticMissingActors) }
  }

  private mutating func decodeInfo(_ node: NodeID) -> NetworkInfo {
    var info = NetworkInfo()
    guard tree.kind(node) == .mapping else {
      error(node, .diagnosticNetworkNotMapping, ["found": found(node)])
      return info
    }
    var hasTitle = false
    let skip = checkKeys(node)
    for k in 0..<tree.count(node) where !skip.contains(k) {
      let keyNode = tree.key(node, k)
      let key = tree.string(keyNode)
      let value = tree.value(node, k)
      switch key {
      case "title":
        hasTitle = true
        info.title = text(value, key, required: true) ?? ""
      case "language":
        info.language = vocabulary(value, key, .diagnosticTermLanguage, Language.self) ?? .de
      case "description": info.description = text(value, key)
      case "region": info.region = text(value, key)
      default: unknownKey(keyNode, key, known: Self.networkKeys, in: .key("network"))
      }
    }
    requireKey("title", of: node, present: hasTitle, in: .key("network"))
    return info
  }

  // MARK: - Sources, topics

  private mutating func decodeSources(_ section: NodeID) -> [Source] {
    var sources: [Source] = []
    for element in items(section, "sources", what: .diagnosticPluralSources) {
      guard expectMapping(element, .phrase(.diagnosticWhatSource)) else { continue }
      var id: String?
      var title: String?
      var source = Source(id: "", title: "", location: location(element))
      let skip = checkKeys(element)
      for k in 0..<tree.count(element) where !skip.contains(k) {
        let keyNode = tree.key(element, k)
        let key = tree.string(keyNode)
        let value = tree.value(element, k)
        switch key {
        case "id": id = declare(value, .diagnosticKindSource, ids: \.sourceIDs, order: \.sourceIDOrder)
        case "title": title = text(value, key, required: true)
        case "date": source.date = text(value, key)
        case "place": source.place = text(value, key)
        case "publisher": source.publisher = text(value, key)
        case "file": source.file = text(value, key)
        case "url": source.url = text(value, key)
        default: unknownKey(keyNode, key, known: Self.sourceKeys, in: .phrase(.diagnosticInSource))
        }
      }
      requireKey("id", of: element, present: hasKey(element, "id"), in: .phrase(.diagnosticInSource))
      requireKey("title", of: element, present: hasKey(element, "title"), in: sourceName(id))
      if let id, let title {
        source.id = id
        source.title = title
        sources.append(source)
      }
    }
    return sources
  }

  private mutating func decodeTopics(_ section: NodeID) -> [Topic] {
    var topics: [Topic] = []
    for element in items(section, "topics", what: .diagnosticPluralTopics) {
      guard expectMapping(element, .phrase(.diagnosticWhatTopic)) else { continue }
      var id: String?
      var de: String?
      var en: String?
      let skip = checkKeys(element)
      for k in 0..<tree.count(element) where !skip.contains(k) {
        let keyNode = tree.key(element, k)
        let key = tree.string(keyNode)
        let value = tree.value(element, k)
        switch key {
        case "id": id = declare(value, .diagnosticKindTopic, ids: \.topicIDs, order: \.topicIDOrder)
        case "de": de = text(value, key, required: true)
        case "en": en = text(value, key, required: true)
        default: unknownKey(keyNode, key, known: Self.topicKeys, in: .phrase(.diagnosticInTopic))
        }
      }
      let what: Sentence.Value =
        id.map { .phrase(.diagnosticInNamedTopic, ["id": .quoted($0)]) }
        ?? .phrase(.diagnosticInTopic)
      for key in Self.topicKeys {
        requireKey(
          key, of: element, present: hasKey(element, key),
          in: key == "id" ? .phrase(.diagnosticInTopic) : what)
      }
      if let id, let de, let en {
        topics.append(Topic(id: id, de: de, en: en, location: location(element)))
      }
    }
    return topics
  }

  private func sourceName(_ id: String?) -> Sentence.Value {
    id.map { .phrase(.diagnosticInNamedSource, ["id": .quoted($0)]) } ?? .phrase(.diagnosticInSource)
  }

  // MARK: - Actors

  /// `scenario: {title, description, promote: [planned, desired]}`.
  private mutating func decodeScenarioHeader(_ node: NodeID) {
    guard expectMapping(node, .phrase(.diagnosticWhatScenarioHeader)) else { return }
    var title: String?
    var description: String?
    var promote: Set<RelationStatus> = []
    let skip = checkKeys(node)
    for k in 0..<tree.count(node) where !skip.contains(k) {
      let keyNode = tree.key(node, k)
      let key = tree.string(keyNode)
      let value = tree.value(node, k)
      switch key {
      case "title": title = text(value, key, required: true)
      case "description": description = text(value, key)
      case "promote":
        for item in items(value, key, what: .diagnosticPluralStatuses) {
          if let status = vocabulary(item, key, .diagnosticTermStatus, RelationStatus.self) {
            promote.insert(status)
          }
        }
      default:
        unknownKey(keyNode, key, known: ["title", "description", "promote"], in: .phrase(.diagnosticInScenarioHeader))
      }
    }
    requireKey("title", of: node, present: hasKey(node, "title"), in: .phrase(.diagnosticInScenarioHeader))
    if let title { scenarioHeader = (title, description, promote) }
  }

  private mutating func decodeActors(_ section: NodeID) -> [Stakeholder] {
    var actors: [Stakeholder] = []
    actors.reserveCapacity(tree.count(section))
    actorTable = IDTable(capacity: tree.count(section))
    for element in items(section, "actors", what: .diagnosticPluralActors) {
      if let actor = decodeActor(element) { actors.append(actor) }
    }
    return actors
  }

  /// One element of `actors`: the actor, or nil when it has no usable id or repeats one (its
  /// other problems are reported; the network is refused anyway when there are errors).
  mutating func decodeActor(_ element: NodeID) -> Stakeholder? {
    guard expectMapping(element, .phrase(.diagnosticWhatActor)) else { return nil }
    var id: String?
    var idNode: NodeID?
    var hasName = false
    var hasType = false
    var actor = Stakeholder(id: "", name: "", type: .other, location: location(element))
    var evidenceKey: NodeID?
    let skip = checkKeys(element)
    for k in 0..<tree.count(element) where !skip.contains(k) {
      let keyNode = tree.key(element, k)
      let key = tree.string(keyNode)
      let value = tree.value(element, k)
      switch key {
      case "id":
        id = identifier(value, key)
        idNode = value
      case "name":
        hasName = true
        actor.name = text(value, key, required: true) ?? ""
      case "type":
        hasType = true
        actor.type =
          vocabulary(value, key, .diagnosticTermActorType, ActorType.self, required: true) ?? .other
      case "short": actor.short = text(value, key)
      case "region": actor.region = text(value, key)
      case "tags": actor.tags = textList(value, key)
      case "basis": actor.basis = vocabulary(value, key, .diagnosticTermBasis, Basis.self)
      case "note": actor.note = text(value, key)
      case "offers": actor.offers = claims(value, key)
      case "needs": actor.needs = claims(value, key)
      case "aliases": actor.aliases = textList(value, key)
      case "evidence":
        actor.evidence = text(value, key)
        if actor.evidence != nil { evidenceKey = keyNode }
      case "source": actor.source = sourceReference(value, key)
      case "offsets": actor.offsets = offsets(value)
      case "review": actor.review = vocabulary(value, key, .diagnosticTermReviewMark, ReviewState.self)
      default:
        // A key close to a built-in one is likely a typo and is reported; it is kept as an
        // attribute all the same, so that a deliberate attribute (`role`) loses nothing.
        if let suggestion = EditDistance.suggestion(for: key, among: Self.actorKeys) {
          unknownKeySuggestion(keyNode, key, suggestion)
        }
        if tree.kind(value) == .scalar {
          if tree.scalarType(value) != .null { actor.attributes[key] = tree.string(value) }
        } else {
          warning(
            keyNode, .diagnosticAttributeNotText, ["key": .key(key), "found": found(value)])
        }
      }
    }
    if let evidenceKey, actor.source == nil, !hasValue(element, "source") {
      evidenceWithoutSource(evidenceKey)
    }
    let what: Sentence.Value =
      id.map { .phrase(.diagnosticInNamedActor, ["id": .quoted($0)]) }
      ?? .phrase(.diagnosticInActor)
    requireKey("id", of: element, present: idNode != nil, in: .phrase(.diagnosticInActor))
    requireKey("name", of: element, present: hasName, in: what)
    requireKey("type", of: element, present: hasType, in: what)
    guard let id, let idNode else { return nil }
    checkIDSyntax(id, idNode, .diagnosticKindActor)
    if base?.actors[id] != nil {
      error(idNode, .diagnosticActorInBase, ["id": .quoted(id)])
      return nil
    }
    // Registered even when its name or type is wrong (the network is refused anyway), so that
    // its relations are checked rather than reported as naming an unknown actor.
    if let first = actorTable.insert(idNode, in: tree) {
      error(
        idNode, .diagnosticDuplicateID,
        [
          "kind": .phrase(.diagnosticKindActor), "id": .quoted(id),
          "place": .text(actorTable.location(first, file: file).description),
        ])
      return nil
    }
    actor.id = id
    actorIDOrder.append(id)
    return actor
  }

  /// `offers` / `needs`: a list of `{topic, evidence, source, basis}`.
  private mutating func claims(_ node: NodeID, _ key: String) -> [TopicClaim] {
    var claims: [TopicClaim] = []
    for element in items(node, key, what: .diagnosticPluralClaims) {
      guard expectMapping(element, .phrase(.diagnosticWhatClaim, ["key": .key(key)])) else { continue }
      var claim = TopicClaim(topic: "")
      var hasTopic = false
      var evidenceKey: NodeID?
      let skip = checkKeys(element)
      for k in 0..<tree.count(element) where !skip.contains(k) {
        let keyNode = tree.key(element, k)
        let claimKey = tree.string(keyNode)
        let value = tree.value(element, k)
        switch claimKey {
        case "topic":
          hasTopic = true
          if let topic = identifier(value, claimKey) {
            claim.topic = topic
            if topicIDs[topic] == nil && base?.topics.contains(topic) != true {
              error(
                value, .diagnosticUnknownTopicID,
                [
                  "id": .quoted(topic), "key": .key(key),
                  "hint": suggestionText(topic, among: topicIDOrder, declaredIn: "topics"),
                ])
            }
          }
        case "evidence":
          claim.evidence = text(value, claimKey)
          if claim.evidence != nil { evidenceKey = keyNode }
        case "source": claim.source = sourceReference(value, claimKey)
        case "basis": claim.basis = vocabulary(value, claimKey, .diagnosticTermBasis, Basis.self)
        case "offsets": claim.offsets = offsets(value)
        case "review": claim.review = vocabulary(value, claimKey, .diagnosticTermReviewMark, ReviewState.self)
        default:
          unknownKey(keyNode, claimKey, known: Self.claimKeys, in: .phrase(.diagnosticInItemOf, ["key": .key(key)]))
        }
      }
      requireKey("topic", of: element, present: hasTopic, in: .phrase(.diagnosticInItemOf, ["key": .key(key)]))
      if let evidenceKey, claim.source == nil, !hasValue(element, "source") {
        evidenceWithoutSource(evidenceKey)
      }
      claims.append(claim)
    }
    return claims
  }

  // MARK: - Events

  private mutating func decodeEvents(_ section: NodeID) -> [Event] {
    var events: [Event] = []
    for element in items(section, "events", what: .diagnosticPluralEvents) {
      if let event = decodeEvent(element) { events.append(event) }
    }
    return events
  }

  /// One element of `events`: the event, or nil when it lacks an id or a title.
  mutating func decodeEvent(_ element: NodeID) -> Event? {
    guard expectMapping(element, .phrase(.diagnosticWhatEvent)) else { return nil }
    var id: String?
    var title: String?
    var event = Event(id: "", title: "", location: location(element))
    var evidenceKey: NodeID?
    let skip = checkKeys(element)
    for k in 0..<tree.count(element) where !skip.contains(k) {
      let keyNode = tree.key(element, k)
      let key = tree.string(keyNode)
      let value = tree.value(element, k)
      switch key {
      case "id": id = declare(value, .diagnosticKindEvent, ids: \.eventIDs, order: \.eventIDOrder)
      case "title": title = text(value, key, required: true)
      case "kind": event.kind = vocabulary(value, key, .diagnosticTermEventKind, EventKind.self) ?? .workshop
      case "date": event.date = text(value, key)
      case "place": event.place = text(value, key)
      case "source": event.source = sourceReference(value, key)
      case "participants":
        for participant in items(value, key, what: .diagnosticPluralActorIDs) {
          if let index = actorReference(participant, key) { event.participants.append(index) }
        }
      case "evidence":
        event.evidence = text(value, key)
        if event.evidence != nil { evidenceKey = keyNode }
      case "offsets": event.offsets = offsets(value)
      case "review": event.review = vocabulary(value, key, .diagnosticTermReviewMark, ReviewState.self)
      default: unknownKey(keyNode, key, known: Self.eventKeys, in: .phrase(.diagnosticInEvent))
      }
    }
    requireKey("id", of: element, present: hasKey(element, "id"), in: .phrase(.diagnosticInEvent))
    requireKey(
      "title", of: element, present: hasKey(element, "title"),
      in: id.map { .phrase(.diagnosticInNamedEvent, ["id": .quoted($0)]) }
        ?? .phrase(.diagnosticInEvent))
    if let evidenceKey, event.source == nil, !hasValue(element, "source") {
      evidenceWithoutSource(evidenceKey)
    }
    guard let id, let title else { return nil }
    event.id = id
    event.title = title
    return event
  }

  // MARK: - Relations

  private mutating func decodeRelations(_ section: NodeID) -> [Relation] {
    var relations: [Relation] = []
    relations.reserveCapacity(tree.count(section))
    for element in items(section, "relations", what: .diagnosticPluralRelations) {
      if let relation = decodeRelation(element) { relations.append(relation) }
    }
    return relations
  }

  /// One element of `relations`: the relation, or nil when it ties no two known actors or has
  /// no kind.
  mutating func decodeRelation(_ element: NodeID) -> Relation? {
    guard expectMapping(element, .phrase(.diagnosticWhatRelation)) else { return nil }
    var between: NodeID?
    var from: NodeID?
    var to: NodeID?
    var hasKind = false
    var kind: RelationKind?
    var evidenceKey: NodeID?
    var relation = Relation(from: 0, to: 0, location: location(element))
    let skip = checkKeys(element)
    for k in 0..<tree.count(element) where !skip.contains(k) {
      let keyNode = tree.key(element, k)
      let key = tree.string(keyNode)
      let value = tree.value(element, k)
      switch key {
      case "from": from = value
      case "to": to = value
      case "kind":
        hasKind = true
        kind = vocabulary(value, key, .diagnosticTermRelationKind, RelationKind.self, required: true)
      case "weight": relation.weight = weight(value) ?? 1
      case "between": between = value
      case "status":
        relation.status = vocabulary(value, key, .diagnosticTermStatus, RelationStatus.self) ?? .existing
      case "since": relation.since = text(value, key)
      case "until": relation.until = text(value, key)
      case "inferred": relation.inferred = text(value, key)
      case "source": relation.source = sourceReference(value, key)
      case "evidence":
        relation.evidence = text(value, key)
        if relation.evidence != nil { evidenceKey = keyNode }
      case "basis": relation.basis = vocabulary(value, key, .diagnosticTermBasis, Basis.self)
      case "note": relation.note = text(value, key)
      case "offsets": relation.offsets = offsets(value)
      case "review": relation.review = vocabulary(value, key, .diagnosticTermReviewMark, ReviewState.self)
      default: unknownKey(keyNode, key, known: Self.relationKeys, in: .phrase(.diagnosticInRelation))
      }
    }
    requireKey("kind", of: element, present: hasKind, in: .phrase(.diagnosticInRelation))
    if let evidenceKey, relation.source == nil, !hasValue(element, "source") {
      evidenceWithoutSource(evidenceKey)
    }
    guard let ends = relationEnds(element, between: between, from: from, to: to) else {
      return nil
    }
    guard let kind else { return nil }
    relation.from = ends.from
    relation.to = ends.to
    relation.directed = between == nil
    relation.kind = kind
    return relation
  }

  /// The actor indices a relation ties, or nil after reporting why it ties none.
  private mutating func relationEnds(
    _ element: NodeID, between: NodeID?, from: NodeID?, to: NodeID?
  ) -> (from: Int, to: Int)? {
    let a: Int?
    let b: Int?
    let second: NodeID
    if let between {
      if from != nil || to != nil {
        error(between, .diagnosticBetweenAndFromTo)
        return nil
      }
      guard tree.kind(between) == .sequence else {
        error(between, .diagnosticBetweenNotList, ["found": found(between)])
        return nil
      }
      guard tree.count(between) == 2 else {
        error(between, .diagnosticBetweenCount, ["count": .count(tree.count(between))])
        return nil
      }
      a = actorReference(tree.element(between, 0), "between")
      second = tree.element(between, 1)
      b = actorReference(second, "between")
    } else if let from, let to {
      a = actorReference(from, "from")
      second = to
      b = actorReference(to, "to")
    } else if from != nil || to != nil {
      let missing = from == nil ? "from" : "to"
      requireKey(missing, of: element, present: false, in: .phrase(.diagnosticInDirectedRelation))
      return nil
    } else {
      error(element, .diagnosticRelationWithoutEnds)
      return nil
    }
    guard let a, let b else { return nil }
    if a == b {
      let id = a >= 0 ? actorIDOrder[a] : tree.string(second)
      error(second, .diagnosticSelfRelation, ["id": .quoted(id)])
      return nil
    }
    return (a, b)
  }
}
