import StakeMapModel
import StakeMapText

/// Turns what an exchange reader read (``ExchangeGraph``) into a ``Network``, reporting every
/// decision a user could not see otherwise.
///
/// - **Attribute names** are matched folded (case, spaces, umlauts; ``VocabularyFolding``) to
///   StakeMap's fields under the names ``ExchangeAttributes`` writes, Kumu's (`Label`,
///   `Description`, `Strength`, `Direction`, `From`/`To`) and German ones (`Typ`, `Bedarf`,
///   `Angebot`, `Quelle`, `Beleg`, `Gewicht`). Other actor attributes become custom attributes
///   (reported once, by name); other relation attributes cannot be kept (StakeMap relations
///   have no custom attributes) and are reported with the number of relations carrying them.
/// - **Vocabulary**: types, kinds and status are read by any id, label or alias
///   (``VocabularyTerm/term(_:)``). A value that is not an id is reported with what it was
///   taken as and how often; an unknown type becomes `other`, an unknown kind `other`, an
///   unknown status `existing`, each reported; relations without a kind are `cooperation`,
///   reported with their number.
/// - **Ids** that StakeMap does not allow (spaces, `.`, …) become a folded id, unique, reported;
///   the original stays the actor's name when it has no label.
/// - **Sources, topics, events** named by actors and relations but not declared (no exchange
///   format but StakeMap's own declares them) are created with their id as title, reported.
/// - **Errors** (an edge naming an unknown node, a duplicate node id, a weight that is not a
///   number > 0) carry the position where they were read; all are reported, and no network is
///   returned when there is one.
///
/// Complexity: O(nodes + edges + attributes), hashing per value.
package enum ExchangeImporter {
  package struct Options: Sendable {
    package var title: String?
    package var language: Language?
    package init(title: String? = nil, language: Language? = nil) {
      self.title = title
      self.language = language
    }
  }

  private enum ActorField { case name, type, ignore, short, region, tags, aliases, basis, note, evidence, source, needs, offers, events }
  private enum RelationField { case kind, status, weight, directed, source, evidence, since, basis, note, ignore }

  private static let actorFields: [String: ActorField] = [
    "label": .name, "name": .name, "titel": .name, "title": .name,
    "type": .type, "typ": .type, "art": .type, "akteurstyp": .type,
    "type_label": .ignore, "element_type": .type,
    "short": .short, "kurz": .short, "kuerzel": .short, "abbreviation": .short,
    "region": .region, "ort": .region,
    "tags": .tags, "tag": .tags, "schlagworte": .tags,
    "aliases": .aliases, "alias": .aliases,
    "basis": .basis, "grundlage": .basis,
    "note": .note, "description": .note, "beschreibung": .note, "notiz": .note, "anmerkung": .note,
    "evidence": .evidence, "beleg": .evidence, "zitat": .evidence,
    "source_id": .source, "source": .source, "quelle": .source,
    "needs": .needs, "bedarf": .needs, "bedarfe": .needs,
    "offers": .offers, "angebot": .offers, "angebote": .offers,
    "events": .events, "veranstaltungen": .events,
    "id": .ignore, "short_label": .short,
  ]

  private static let relationFields: [String: RelationField] = [
    "kind": .kind, "type": .kind, "relationship": .kind, "label": .kind, "art": .kind,
    "beziehung": .kind, "art_der_beziehung": .kind, "connection_type": .kind,
    "status": .status,
    "weight": .weight, "strength": .weight, "gewicht": .weight, "staerke": .weight,
    "directed": .directed, "direction": .directed, "gerichtet": .directed, "richtung": .directed,
    "source_id": .source, "source": .source, "quelle": .source,
    "evidence": .evidence, "description": .evidence, "beleg": .evidence, "zitat": .evidence,
    "since": .since, "seit": .since,
    "basis": .basis,
    "note": .note, "notiz": .note, "anmerkung": .note,
    "id": .ignore, "key": .ignore,
  ]

  /// Counts of how one vocabulary's spellings were taken, for the report.
  private struct Mapping {
    var counts: [String: (term: String, count: Int, at: FileLocation)] = [:]
    var order: [String] = []
    mutating func note(_ value: String, as term: String, at: FileLocation) {
      if let entry = counts[value] {
        counts[value] = (entry.term, entry.count + 1, entry.at)
      } else {
        counts[value] = (term, 1, at)
        order.append(value)
      }
    }
  }

  /// The longest custom attribute name kept (in Unicode scalars).
  static let longestAttributeName = 200

  package static func network(
    from graph: ExchangeGraph, options: Options
  ) -> (network: Network?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var network = Network()
    // Graph attributes.
    for (key, value) in graph.attributes {
      switch VocabularyFolding.fold(key) {
      case "name", "title", "titel", "label": network.info.title = value
      case "language", "sprache": if let l = Language(rawValue: value) { network.info.language = l }
      case "description", "beschreibung": network.info.description = value
      case "region": network.info.region = value
      default: break
      }
    }
    if let language = options.language { network.info.language = language }
    if let title = options.title { network.info.title = title }
    if network.info.title.isEmpty {
      let name = graph.file.split(separator: "/").last.map(String.init) ?? graph.file
      network.info.title = name.split(separator: ".").first.map(String.init) ?? name
    }

    // Actors.
    var index: [String: Int] = [:]
    index.reserveCapacity(graph.nodes.count)
    var byLabel: [String: Int] = [:]
    var usedIDs = Set<String>()
    var renamed = 0
    var firstRenamed: (String, String, FileLocation)?
    var typeMapping = Mapping()
    var untyped = 0
    var customNames: [String] = []
    var longNames = Set<String>()
    var customSeen = Set<String>()
    var eventParticipants: [String: [Int]] = [:]
    var eventOrder: [String] = []
    var topicIDs: [String] = []
    var topicSeen = Set<String>()
    var sourceIDs: [String] = []
    var sourceSeen = Set<String>()
    var renamedReferences: [String: String] = [:]
    func reference(_ value: String) -> String {
      if NetworkDecoder.isValidID(value) { return value }
      if let done = renamedReferences[value] { return done }
      let made = validID(value, fallback: "s\(renamedReferences.count + 1)")
      renamedReferences[value] = made
      return made
    }
    func noteSource(_ id: String) {
      if sourceSeen.insert(id).inserted { sourceIDs.append(id) }
    }
    // Attribute names repeat on every node and edge: fold each distinct one once.
    var folded: [String: String] = [:]
    func fold(_ key: String) -> String {
      if let done = folded[key] { return done }
      let made = VocabularyFolding.fold(key)
      folded[key] = made
      return made
    }
    func split(_ value: String) -> [String] {
      value.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
    network.actors.reserveCapacity(graph.nodes.count)
    for node in graph.nodes {
      guard index[node.id] == nil else {
        diagnostics.append(.error(at: node.location, Sentence(.exchangeDuplicateNode, ["id": .quoted(node.id)])))
        continue
      }
      var id = node.id
      if !NetworkDecoder.isValidID(id) || usedIDs.contains(id) {
        id = validID(node.id, fallback: "a\(network.actors.count + 1)")
        var candidate = id
        var n = 2
        while usedIDs.contains(candidate) || index[candidate] != nil && candidate != node.id {
          candidate = "\(id)_\(n)"
          n += 1
        }
        id = candidate
        renamed += 1
        if firstRenamed == nil { firstRenamed = (node.id, id, node.location) }
      }
      usedIDs.insert(id)
      var actor = Stakeholder(id: id, name: "", type: .other, location: node.location)
      var typed = false
      for (key, value) in node.attributes {
        guard let field = actorFields[fold(key)] else {
          let name = key.hasPrefix("attr_") ? String(key.dropFirst(5)) : key
          // A YAML key is at most 1,024 characters (libyaml's simple keys): a longer name could
          // not be written to the network file. Left out, and said (found by the fuzzer).
          guard name.unicodeScalars.count <= Self.longestAttributeName, !name.isEmpty else {
            if longNames.insert(name).inserted {
              diagnostics.append(.warning(at: node.location, Sentence(.exchangeLongAttributeName, [
                "name": .quoted(String(name.prefix(40)) + "…"), "max": .text(String(Self.longestAttributeName)),
              ])))
            }
            continue
          }
          actor.attributes[name] = value
          if customSeen.insert(name).inserted { customNames.append(name) }
          continue
        }
        switch field {
        case .name: actor.name = value
        case .type:
          guard !value.isEmpty else { continue }
          typed = true
          if let term = ActorType.term(value) {
            actor.type = term
            if term.rawValue != value { typeMapping.note(value, as: term.rawValue, at: node.location) }
          } else {
            actor.type = .other
            typeMapping.note(value, as: ActorType.other.rawValue, at: node.location)
            actor.attributes["original_type"] = value
          }
        case .ignore: break
        case .short: actor.short = value.isEmpty ? nil : value
        case .region: actor.region = value.isEmpty ? nil : value
        case .tags: actor.tags = split(value)
        case .aliases: actor.aliases = split(value)
        case .basis: actor.basis = Basis.term(value)
        case .note: actor.note = value.isEmpty ? nil : value
        case .evidence: actor.evidence = value.isEmpty ? nil : value
        case .source:
          if !value.isEmpty {
            actor.source = reference(value)
            noteSource(actor.source!)
          }
        case .needs, .offers:
          let claims = split(value).map { topic -> TopicClaim in
            let id = reference(topic)
            if topicSeen.insert(id).inserted { topicIDs.append(id) }
            return TopicClaim(topic: id)
          }
          if field == .needs { actor.needs = claims } else { actor.offers = claims }
        case .events:
          for event in split(value) {
            let id = reference(event)
            if eventParticipants[id] == nil { eventOrder.append(id) }
            eventParticipants[id, default: []].append(network.actors.count)
          }
        }
      }
      if !typed { untyped += 1 }
      if actor.name.isEmpty { actor.name = node.id.isEmpty ? id : node.id }
      index[node.id] = network.actors.count
      if graph.endsByLabel, byLabel[actor.name] == nil { byLabel[actor.name] = network.actors.count }
      network.actors.append(actor)
    }

    // Relations.
    var kindMapping = Mapping()
    var statusMapping = Mapping()
    var kindless = 0
    var dropped: [String: Int] = [:]
    var droppedOrder: [String] = []
    network.relations.reserveCapacity(graph.edges.count)
    for edge in graph.edges {
      let from = index[edge.source] ?? (graph.endsByLabel ? byLabel[edge.source] : nil)
      let to = index[edge.target] ?? (graph.endsByLabel ? byLabel[edge.target] : nil)
      for (end, found) in [(edge.source, from), (edge.target, to)] where found == nil {
        diagnostics.append(.error(at: edge.location, Sentence(.exchangeUnknownNode, ["id": .quoted(end)])))
      }
      guard let from, let to else { continue }
      guard from != to else {
        // StakeMap networks have no ties of an actor with itself (docs/FORMAT.md); NetworkX
        // and Gephi graphs may. Left out, and said.
        diagnostics.append(.warning(at: edge.location, Sentence(.exchangeSelfLoop, ["id": .quoted(edge.source)])))
        continue
      }
      var relation = Relation(from: from, to: to, directed: edge.directed ?? graph.directed, location: edge.location)
      var hasKind = false
      for (key, value) in edge.attributes {
        guard let field = relationFields[fold(key)] else {
          if dropped[key] == nil { droppedOrder.append(key) }
          dropped[key, default: 0] += 1
          continue
        }
        switch field {
        case .kind:
          guard !value.isEmpty else { continue }
          guard !hasKind else {
            // A second column meaning the kind (Kumu's free-text `Label` beside `Type`): kept
            // out, and reported like any attribute StakeMap cannot keep.
            if dropped[key] == nil { droppedOrder.append(key) }
            dropped[key, default: 0] += 1
            continue
          }
          hasKind = true
          if let term = RelationKind.term(value) {
            relation.kind = term
            if term.rawValue != value { kindMapping.note(value, as: term.rawValue, at: edge.location) }
          } else {
            relation.kind = .other
            kindMapping.note(value, as: RelationKind.other.rawValue, at: edge.location)
          }
        case .status:
          guard !value.isEmpty else { continue }
          if let term = RelationStatus.term(value) {
            relation.status = term
            if term.rawValue != value { statusMapping.note(value, as: term.rawValue, at: edge.location) }
          } else {
            statusMapping.note(value, as: RelationStatus.existing.rawValue, at: edge.location)
          }
        case .weight:
          guard !value.isEmpty else { continue }
          let number = Double(value) ?? Double(String(value.map { $0 == "," ? "." : $0 }))
          guard let number, number.isFinite, number > 0 else {
            diagnostics.append(.error(at: edge.location, Sentence(.exchangeBadWeight, ["value": .quoted(value)])))
            continue
          }
          relation.weight = number
        case .directed:
          switch value == "true" || value == "false" ? value : VocabularyFolding.fold(value) {
          case "true", "1", "yes", "ja", "directed", "gerichtet": relation.directed = true
          case "false", "0", "no", "nein", "undirected", "mutual", "ungerichtet", "": relation.directed = false
          default:
            diagnostics.append(.error(at: edge.location, Sentence(.exchangeBadDirected, ["value": .quoted(value)])))
          }
        case .source:
          if !value.isEmpty {
            let id = reference(value)
            relation.source = id
            noteSource(id)
          }
        case .evidence: relation.evidence = value.isEmpty ? nil : value
        case .since: relation.since = value.isEmpty ? nil : value
        case .basis: relation.basis = Basis.term(value)
        case .note: relation.note = value.isEmpty ? nil : value
        case .ignore: break
        }
      }
      if !hasKind { kindless += 1 }
      network.relations.append(relation)
    }

    // Evidence needs a source (docs/FORMAT.md): quotes without one get the imported file.
    let fileSource = "import"
    var needsFileSource = false
    for i in network.actors.indices where network.actors[i].evidence != nil && network.actors[i].source == nil {
      network.actors[i].source = fileSource
      needsFileSource = true
    }
    for i in network.relations.indices where network.relations[i].evidence != nil && network.relations[i].source == nil {
      network.relations[i].source = fileSource
      needsFileSource = true
    }
    if needsFileSource, !sourceSeen.contains(fileSource) {
      noteSource(fileSource)
      renamedReferences[graph.file.split(separator: "/").last.map(String.init) ?? graph.file] = fileSource
    }

    // Declarations: those the file carries in full (node-link JSON), in its order, then one
    // for every other id the actors and relations name (no other format declares them).
    let sourceTitles = Dictionary(renamedReferences.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let declaredSources = Set(graph.sources.map(\.id))
    let declaredTopics = Set(graph.topics.map(\.id))
    let declaredEvents = Set(graph.events.map(\.id))
    network.sources = graph.sources
      + sourceIDs.filter { !declaredSources.contains($0) }.map { Source(id: $0, title: sourceTitles[$0] ?? $0) }
    network.topics = graph.topics
      + topicIDs.filter { !declaredTopics.contains($0) }.map { Topic(id: $0, de: sourceTitles[$0] ?? $0, en: sourceTitles[$0] ?? $0) }
    network.events = graph.events.map { event in
      var event = event
      event.participants = eventParticipants[event.id] ?? []
      return event
    } + eventOrder.filter { !declaredEvents.contains($0) }.map {
      Event(id: $0, title: sourceTitles[$0] ?? $0, kind: .other, participants: eventParticipants[$0] ?? [])
    }
    let createdSources = network.sources.count - graph.sources.count
    let createdTopics = network.topics.count - graph.topics.count
    let createdEvents = network.events.count - graph.events.count

    // The report.
    let at = graph.location
    func report(_ mapping: Mapping, _ phrase: Phrase) {
      for value in mapping.order {
        let entry = mapping.counts[value]!
        diagnostics.append(.warning(at: entry.at, Sentence(phrase, ["value": .quoted(value), "term": .quoted(entry.term), "count": .count(entry.count)])))
      }
    }
    report(typeMapping, .exchangeTypeMapped)
    report(kindMapping, .exchangeKindMapped)
    report(statusMapping, .exchangeStatusMapped)
    if untyped > 0 {
      diagnostics.append(.warning(at: at, Sentence(untyped == 1 ? .exchangeUntypedOne : .exchangeUntyped, ["count": .count(untyped)])))
    }
    if kindless > 0 {
      diagnostics.append(.warning(at: at, Sentence(kindless == 1 ? .exchangeKindlessOne : .exchangeKindless, ["count": .count(kindless)])))
    }
    if let (old, new, location) = firstRenamed {
      diagnostics.append(.warning(at: location, Sentence(.exchangeRenamedIDs, ["count": .count(renamed), "old": .quoted(old), "new": .quoted(new)])))
    }
    if !customNames.isEmpty {
      diagnostics.append(.warning(at: at, Sentence(.exchangeCustomAttributes, ["names": .keys(customNames)])))
    }
    for key in droppedOrder {
      diagnostics.append(.warning(at: at, Sentence(.exchangeDroppedAttribute, ["name": .key(key), "count": .count(dropped[key]!)])))
    }
    if createdSources + createdTopics + createdEvents > 0 {
      diagnostics.append(.warning(at: at, Sentence(.exchangeCreatedDeclarations, [
        "sources": .text(String(createdSources)), "topics": .text(String(createdTopics)),
        "events": .text(String(createdEvents)),
      ])))
    }
    let failed = diagnostics.contains { $0.severity == .error }
    return (failed ? nil : network, diagnostics)
  }

  /// A valid id made from `text`: folded (lower case, umlauts spelled out, other characters
  /// as `_`); `fallback` when nothing is left.
  static func validID(_ text: String, fallback: String) -> String {
    let folded = VocabularyFolding.fold(text)
    return NetworkDecoder.isValidID(folded) ? folded : fallback
  }
}
