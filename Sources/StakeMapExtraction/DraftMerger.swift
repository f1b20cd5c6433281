import StakeMapModel

/// Options of ``DraftMerger/merge(_:into:options:)``.
public struct MergeOptions: Sendable {
  /// Also merge items marked `pending` (by default only `accepted` and unmarked items).
  public var includePending: Bool

  public init(includePending: Bool = false) {
    self.includePending = includePending
  }
}

/// What a merge did with every item of the draft. Nothing is left out: each draft actor,
/// relation, event, offer/need, source and topic has an entry (sources and topics only when they
/// are added, differ, or are not needed).
public struct MergeReport: Sendable {
  public enum Item: String, Sendable, CaseIterable {
    case actor, relation, event, claim, source, topic
  }

  public enum Outcome: String, Sendable, CaseIterable {
    /// New in the network.
    case added
    /// The same as an existing item, which may have gained aliases, participants, fields.
    case matched
    /// Already in the network: nothing to add.
    case alreadyPresent = "already present"
    /// Marked pending (and `--include-pending` not given).
    case pending = "skipped (pending)"
    /// Marked rejected.
    case rejected = "skipped (rejected)"
    /// Accepted but could not be placed: an ambiguous actor, a relation whose actor was not
    /// merged, a participant that was not merged.
    case notPlaced = "not placed"
    /// A source or topic of the draft that no merged item cites.
    case notNeeded = "not needed"
  }

  public struct Entry: Sendable, CustomStringConvertible {
    public var item: Item
    public var outcome: Outcome
    /// The sentence, e.g. `draft 'Die GWG' = existing 'gwg' (GWG), same name`.
    public var message: String
    /// Where the item stands in the draft.
    public var location: SourceLocation?

    /// `draft.yaml:12:5: matched: draft 'Die GWG' = existing 'gwg' (GWG), same name`.
    public var description: String {
      (location.map { "\($0): " } ?? "") + "\(outcome.rawValue): \(message)"
    }
  }

  public var entries: [Entry] = []

  /// How many entries of `item` had `outcome`.
  public func count(_ item: Item, _ outcome: Outcome) -> Int {
    entries.count { $0.item == item && $0.outcome == outcome }
  }

  /// Accepted items that could not be placed (what `--strict` fails on).
  public var notPlaced: [Entry] { entries.filter { $0.outcome == .notPlaced } }

  /// The report for people: one summary line per kind of item, then one line per item that was
  /// added, matched, skipped or not placed (items already present are only counted).
  public func lines() -> [String] {
    var lines: [String] = []
    let names: [(Item, String)] = [
      (.actor, "actors"), (.relation, "relations"), (.event, "events"),
      (.claim, "offers/needs"), (.source, "sources"), (.topic, "topics"),
    ]
    for (item, name) in names {
      let parts = Outcome.allCases.compactMap { outcome -> String? in
        let n = count(item, outcome)
        return n == 0 ? nil : "\(n) \(outcome.rawValue)"
      }
      if !parts.isEmpty { lines.append("  \(name): \(parts.joined(separator: ", "))") }
    }
    if lines.isEmpty { lines.append("  the draft has no items") }
    // In the order of the draft file; entries without a position first.
    let ordered = entries.enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let l?, let r?): return l != r ? l < r : a.offset < b.offset
      case (nil, _?): return true
      case (_?, nil): return false
      case (nil, nil): return a.offset < b.offset
      }
    }.map(\.element)
    for entry in ordered where entry.outcome != .alreadyPresent {
      lines.append(entry.description)
    }
    return lines
  }
}

/// Merges a reviewed draft (docs/FORMAT.md, "Drafts and review marks" and "Merging drafts")
/// into a network.
///
/// - Which items: `accepted` and unmarked ones; `pending` ones only with
///   ``MergeOptions/includePending``; `rejected` ones never. Every item that is not merged is
///   reported with the reason.
/// - Actors are recognised (in this order): by id, when the names agree too (some name, short
///   name or alias of each has the same ``OrganizationName/key(_:)`` or
///   ``OrganizationName/baseKey(_:)``); else by ``OrganizationName/key(_:)`` of any name, short
///   name or alias; else by ``OrganizationName/baseKey(_:)`` (legal form dropped). When a step
///   finds two or more actors, the draft actor is not merged and the ambiguity is reported.
///   Actors added earlier in the same merge count as existing, so a draft never adds one
///   organisation twice.
/// - A recognised actor gains the draft's other names as aliases, empty fields (short, region,
///   basis, note, evidence with its source and offsets), missing tags, custom attributes and
///   offers/needs; values it already has are kept, and differences are reported.
/// - A new actor keeps its id when free, else gets one derived from its (short) name.
/// - Relations are placed through the actor mapping; one whose actor was not merged is
///   reported. A relation equal to an existing one (same actors, same direction or both
///   undirected, kind, status, and evidence — or no evidence in the draft) is not added again.
/// - Sources and topics are added when a merged item cites them. The same id is the same item,
///   except for a source whose `file` (or `url`) differs from the network's: that is another
///   document, added under a fresh id. A source with another id but the same file is the
///   network's. Conflicting definitions are reported; the network's are kept.
/// - Merged items lose their review mark (they are confirmed data) and keep evidence and
///   offsets. The network's header and existing items are otherwise left as they are.
///
/// Merging the same draft twice adds nothing the second time. Complexity: O(size of both
/// networks) with hashing.
public enum DraftMerger {
  public static func merge(_ draft: Network, into network: Network, options: MergeOptions = .init())
    -> (network: Network, report: MergeReport)
  {
    var merger = Merger(draft: draft, network: network, options: options)
    merger.run()
    return (merger.out, merger.report)
  }

  /// Whether a review mark lets an item in.
  static func admits(_ review: ReviewState?, _ options: MergeOptions) -> Bool {
    switch review {
    case nil, .accepted?: true
    case .pending?: options.includePending
    case .rejected?: false
    }
  }
}

private struct Merger {
  let draft: Network
  let options: MergeOptions
  var out: Network
  var report = MergeReport()

  /// Name keys and base keys of every actor of `out`, to its indices.
  var keyIndex: [String: [Int]] = [:]
  var baseIndex: [String: [Int]] = [:]
  var idIndex: [String: Int] = [:]
  /// Draft actor index → index in `out`, for merged actors.
  var actorMap: [Int: Int] = [:]
  /// Why a draft actor was not merged ("is pending", …).
  var actorFate: [Int: String] = [:]
  var sourceMap: [String: String] = [:]
  var topicMap: [String: String] = [:]

  init(draft: Network, network: Network, options: MergeOptions) {
    self.draft = draft
    self.out = network
    self.options = options
    for (i, actor) in network.actors.enumerated() {
      idIndex[actor.id] = i
      index(actor, at: i)
    }
  }

  mutating func run() {
    for i in draft.actors.indices { mergeActor(i) }
    for i in draft.events.indices { mergeEvent(i) }
    for i in draft.relations.indices { mergeRelation(i) }
    // Sources and topics no merged item cites: already there, or reported as not added.
    for source in draft.sources where sourceMap[source.id] == nil {
      let what = "source \(q(source.id)) (\(dq(source.title)))"
      if let e = out.sources.first(where: { $0.id == source.id }), !otherDocument(e, source) {
        note(.source, .alreadyPresent, what, source.location)
      } else {
        note(.source, .notNeeded, "\(what) not added: no merged item cites it", source.location)
      }
    }
    for topic in draft.topics where topicMap[topic.id] == nil {
      let what = "topic \(q(topic.id)) (\(dq(topic.de)))"
      if out.topics.contains(where: { $0.id == topic.id }) {
        note(.topic, .alreadyPresent, what, topic.location)
      } else {
        note(.topic, .notNeeded, "\(what) not added: no merged offer or need uses it", topic.location)
      }
    }
  }

  // MARK: - Reporting

  mutating func note(
    _ item: MergeReport.Item, _ outcome: MergeReport.Outcome, _ message: String,
    _ location: SourceLocation?
  ) {
    report.entries.append(.init(item: item, outcome: outcome, message: message, location: location))
  }

  /// The entry for an item left out because of its review mark; nil when it is admitted.
  mutating func skipped(
    _ review: ReviewState?, _ item: MergeReport.Item, _ what: String, _ location: SourceLocation?
  ) -> Bool {
    guard !DraftMerger.admits(review, options) else { return false }
    if review == .rejected {
      note(item, .rejected, what, location)
    } else {
      note(item, .pending, what + " (--include-pending merges pending items)", location)
    }
    return true
  }

  func q(_ id: String) -> String { "'\(id)'" }

  /// A text in double quotes, shortened to 60 characters, line breaks escaped.
  func dq(_ text: String) -> String {
    var out = ""
    for (n, scalar) in text.unicodeScalars.enumerated() {
      if n == 60 {
        out += "…"
        break
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\"": out += "\\\""
      default: out.unicodeScalars.append(scalar)
      }
    }
    return "\"\(out)\""
  }

  /// `'gwg' (GWG)`: an actor of the network.
  func existing(_ index: Int) -> String {
    let actor = out.actors[index]
    return "\(q(actor.id)) (\(actor.name))"
  }

  /// `'gwg' (GWG)`: an actor of the draft.
  func drafted(_ index: Int) -> String {
    let actor = draft.actors[index]
    return "\(q(actor.id)) (\(actor.name))"
  }

  // MARK: - Names

  static func names(_ actor: Stakeholder) -> [String] {
    [actor.name] + (actor.short.map { [$0] } ?? []) + actor.aliases
  }

  static func keys(_ actor: Stakeholder) -> Set<String> {
    Set(names(actor).map(OrganizationName.key).filter { !$0.isEmpty })
  }

  static func baseKeys(_ actor: Stakeholder) -> Set<String> {
    Set(names(actor).map(OrganizationName.baseKey).filter { !$0.isEmpty })
  }

  mutating func index(_ actor: Stakeholder, at i: Int) {
    for key in Self.keys(actor) where !(keyIndex[key]?.contains(i) ?? false) {
      keyIndex[key, default: []].append(i)
    }
    for key in Self.baseKeys(actor) where !(baseIndex[key]?.contains(i) ?? false) {
      baseIndex[key, default: []].append(i)
    }
  }

  enum Match {
    case found(Int, String)
    case ambiguous([Int], String)
    case none
  }

  /// The actor of `out` that draft actor `d` is, by id (with agreeing names), name key or base
  /// key. `idConflict` is set when the id is taken by an actor of another name.
  func match(_ d: Stakeholder, idConflict: inout Int?) -> Match {
    let keys = Self.keys(d)
    let baseKeys = Self.baseKeys(d)
    if let e = idIndex[d.id] {
      let other = out.actors[e]
      if !keys.isDisjoint(with: Self.keys(other)) || !baseKeys.isDisjoint(with: Self.baseKeys(other)) {
        return .found(e, "same id")
      }
      idConflict = e
    }
    for (index, label) in [(keyIndex, "name"), (baseIndex, "name without legal form")] {
      let wanted = label == "name" ? keys : baseKeys
      var candidates: [Int] = []
      var via: (draft: String, existing: String)?
      for key in wanted.sorted() {
        for e in index[key] ?? [] where !candidates.contains(e) {
          candidates.append(e)
          if via == nil {
            let strong = label == "name"
            let f = { (name: String) -> String in
              strong ? OrganizationName.key(name) : OrganizationName.baseKey(name)
            }
            let mine = Self.names(d).first { f($0) == key } ?? d.name
            let theirs = Self.names(out.actors[e]).first { f($0) == key } ?? out.actors[e].name
            via = (mine, theirs)
          }
        }
      }
      if candidates.count == 1, let via {
        let e = candidates[0]
        var how: String
        if via.existing == out.actors[e].name {
          how = "same name"
        } else if via.existing == out.actors[e].short {
          how = "\(dq(via.draft)) = its short name \(dq(via.existing))"
        } else {
          how = "\(dq(via.draft)) = its alias \(dq(via.existing))"
        }
        if label != "name" { how += " (legal form aside)" }
        return .found(e, how)
      }
      if candidates.count > 1 {
        return .ambiguous(candidates.sorted(), label == "name" ? "name" : "name without legal form")
      }
    }
    return .none
  }

  // MARK: - Actors

  mutating func mergeActor(_ i: Int) {
    let d = draft.actors[i]
    let what = "actor \(drafted(i))"
    let claims = d.offers.count + d.needs.count
    let withClaims = claims == 0 ? "" : " (with \(claims) offer\(claims == 1 ? "/need" : "s/needs"))"
    if skipped(d.review, .actor, what + withClaims, d.location) {
      actorFate[i] = d.review == .rejected ? "is rejected" : "is pending"
      return
    }
    var idConflict: Int?
    switch match(d, idConflict: &idConflict) {
    case .found(let e, let how):
      actorMap[i] = e
      let changes = update(e, with: d)
      let message =
        "draft \(q(d.name)) = existing \(existing(e)), \(how)"
        + (changes.isEmpty ? "" : "; " + changes.joined(separator: "; "))
      note(.actor, changes.isEmpty && how == "same id" ? .alreadyPresent : .matched, message, d.location)
      mergeClaims(of: d, draftIndex: i, into: e)
    case .ambiguous(let candidates, let how):
      actorFate[i] = "is ambiguous"
      let list = candidates.map(existing).joined(separator: " or ")
      note(
        .actor, .notPlaced,
        "\(what)\(withClaims) could be existing \(list) (same \(how)); not merged: give it the "
          + "id of the right one in the draft, or add an alias there",
        d.location)
    case .none:
      var actor = d
      actor.id = freshID(for: d)
      actor.review = nil
      actor.location = nil
      actor.source = d.source.flatMap { mapSource($0) }
      actor.aliases = []
      var known: Set<String> = [OrganizationName.key(d.name)]
      if let short = d.short { known.insert(OrganizationName.key(short)) }
      for alias in d.aliases where known.insert(OrganizationName.key(alias)).inserted {
        actor.aliases.append(alias)
      }
      actor.offers = []
      actor.needs = []
      let e = out.actors.count
      out.actors.append(actor)
      idIndex[actor.id] = e
      index(actor, at: e)
      actorMap[i] = e
      var message = "actor \(existing(e))"
      if actor.id != d.id {
        let holder = idConflict.map { " by \(existing($0))" } ?? ""
        message += " (the draft's id \(q(d.id)) is taken\(holder); check that they differ)"
      }
      note(.actor, .added, message, d.location)
      mergeClaims(of: d, draftIndex: i, into: e)
    }
  }

  /// A free id for a new actor: the draft's, else one from its short name or name.
  func freshID(for d: Stakeholder) -> String {
    if idIndex[d.id] == nil { return d.id }
    var base = ""
    for name in [d.short, d.name].compactMap({ $0 }) {
      base = String(OrganizationName.key(name).map { $0 == " " ? "_" : $0 }.prefix(40))
      if !base.isEmpty && idIndex[base] == nil { return base }
    }
    if base.isEmpty { base = d.id }
    var n = 2
    while idIndex["\(base)_\(n)"] != nil { n += 1 }
    return "\(base)_\(n)"
  }

  /// Adds what draft actor `d` knows and actor `e` does not; returns what changed, for the report.
  mutating func update(_ e: Int, with d: Stakeholder) -> [String] {
    var changes: [String] = []
    var actor = out.actors[e]
    // `other` says nothing about the actor (extractors use it when they cannot tell).
    if actor.type != d.type && d.type != .other {
      changes.append("type kept as \(actor.type.rawValue) (the draft says \(d.type.rawValue))")
    }
    func fill(_ key: String, _ path: WritableKeyPath<Stakeholder, String?>) {
      guard let value = d[keyPath: path] else { return }
      if let current = actor[keyPath: path] {
        if current != value {
          changes.append("\(key) kept as \(dq(current)) (the draft says \(dq(value)))")
        }
      } else {
        actor[keyPath: path] = value
        changes.append("\(key) set to \(dq(value))")
      }
    }
    fill("short", \.short)
    fill("region", \.region)
    fill("note", \.note)
    if let basis = d.basis {
      if let current = actor.basis, current != basis {
        changes.append("basis kept as \(current.rawValue) (the draft says \(basis.rawValue))")
      } else if actor.basis == nil {
        actor.basis = basis
        changes.append("basis set to \(basis.rawValue)")
      }
    }
    // Names of the draft the actor is not known by yet become aliases.
    var known = Self.keys(actor)
    var aliases: [String] = []
    for name in Self.names(d) {
      let key = OrganizationName.key(name)
      if !key.isEmpty && known.insert(key).inserted { aliases.append(name) }
    }
    if !aliases.isEmpty {
      actor.aliases += aliases
      changes.append(
        "alias\(aliases.count == 1 ? "" : "es") \(aliases.map(dq).joined(separator: ", ")) added")
    }
    let tags = d.tags.filter { !actor.tags.contains($0) }
    if !tags.isEmpty {
      actor.tags += tags
      changes.append("tag\(tags.count == 1 ? "" : "s") \(tags.map(dq).joined(separator: ", ")) added")
    }
    for (key, value) in d.attributes.sorted(by: { $0.key < $1.key }) {
      if let current = actor.attributes[key] {
        if current != value {
          changes.append("\(key) kept as \(dq(current)) (the draft says \(dq(value)))")
        }
      } else {
        actor.attributes[key] = value
        changes.append("\(key) set to \(dq(value))")
      }
    }
    if let evidence = d.evidence {
      if actor.evidence == nil {
        actor.evidence = evidence
        actor.source = d.source.flatMap { mapSource($0) }
        actor.offsets = d.offsets
        changes.append("evidence added")
      } else if actor.evidence != evidence {
        let source = d.source.map { " (source \(q($0)))" } ?? ""
        changes.append(
          "the draft's quote \(dq(evidence))\(source) not added: the actor keeps its own evidence")
      }
    }
    out.actors[e] = actor
    index(actor, at: e)
    return changes
  }

  /// Merges the admitted offers and needs of draft actor `d` onto actor `e`.
  mutating func mergeClaims(of d: Stakeholder, draftIndex: Int, into e: Int) {
    for (label, path) in [("offer", \Stakeholder.offers), ("need", \Stakeholder.needs)] {
      for claim in d[keyPath: path] {
        let what = "\(label) \(q(claim.topic)) of \(existing(e))"
        if skipped(claim.review, .claim, what, d.location) { continue }
        let source = claim.source.flatMap { mapSource($0) }
        let present = out.actors[e][keyPath: path].contains { c in
          c.topic == claim.topic
            && (claim.evidence == nil || (c.evidence == claim.evidence && c.source == source))
        }
        if present {
          note(.claim, .alreadyPresent, what, d.location)
          continue
        }
        _ = mapTopic(claim.topic)
        var merged = claim
        merged.source = source
        merged.review = nil
        out.actors[e][keyPath: path].append(merged)
        note(.claim, .added, what, d.location)
      }
    }
  }

  // MARK: - Sources and topics

  /// The id in `out` of draft source `id`, adding the source on first use.
  mutating func mapSource(_ id: String) -> String? {
    if let mapped = sourceMap[id] { return mapped }
    guard let s = draft.sources.first(where: { $0.id == id }) else { return id }
    var mapped = id
    if let index = out.sources.firstIndex(where: { $0.id == id }) {
      let e = out.sources[index]
      if otherDocument(e, s) {
        mapped = addSource(s)
      } else {
        var differences: [String] = []
        var merged = e
        if e.title != s.title {
          differences.append("title kept as \(dq(e.title)) (the draft says \(dq(s.title)))")
        }
        for (key, path) in [
          ("date", \Source.date), ("place", \Source.place), ("publisher", \Source.publisher),
          ("file", \Source.file), ("url", \Source.url),
        ] {
          guard let mine = s[keyPath: path] else { continue }
          if let theirs = e[keyPath: path] {
            if theirs != mine {
              differences.append("\(key) kept as \(dq(theirs)) (the draft says \(dq(mine)))")
            }
          } else {
            merged[keyPath: path] = mine
            differences.append("\(key) set to \(dq(mine))")
          }
        }
        out.sources[index] = merged
        if !differences.isEmpty {
          note(
            .source, .matched, "source \(q(id)): " + differences.joined(separator: "; "),
            s.location)
        }
      }
    } else if let file = s.file, let same = out.sources.first(where: { $0.file == file }) {
      mapped = same.id
      note(
        .source, .matched,
        "source \(q(id)) is the network's \(q(same.id)) (same file \(dq(file)))", s.location)
    } else {
      mapped = addSource(s)
    }
    sourceMap[id] = mapped
    return mapped
  }

  /// Sources with one id that name different files (or URLs) are different documents.
  func otherDocument(_ e: Source, _ s: Source) -> Bool {
    (e.file != nil && s.file != nil && e.file != s.file)
      || (e.url != nil && s.url != nil && e.url != s.url)
  }

  mutating func addSource(_ s: Source) -> String {
    var source = s
    source.location = nil
    let taken = Set(out.sources.map(\.id))
    if taken.contains(source.id) {
      var n = 2
      while taken.contains("\(s.id)_\(n)") { n += 1 }
      source.id = "\(s.id)_\(n)"
    }
    out.sources.append(source)
    let renamed =
      source.id == s.id
      ? "" : " as \(q(source.id)) (the network's \(q(s.id)) is another document)"
    note(.source, .added, "source \(q(s.id)) (\(dq(s.title)))\(renamed)", s.location)
    return source.id
  }

  mutating func mapTopic(_ id: String) -> String {
    if let mapped = topicMap[id] { return mapped }
    topicMap[id] = id
    guard let t = draft.topics.first(where: { $0.id == id }) else { return id }
    if let e = out.topics.first(where: { $0.id == id }) {
      if e.de != t.de || e.en != t.en {
        note(
          .topic, .matched,
          "topic \(q(id)): kept the network's labels \(dq(e.de)) / \(dq(e.en)) (the draft says "
            + "\(dq(t.de)) / \(dq(t.en)))", t.location)
      }
    } else {
      var topic = t
      topic.location = nil
      out.topics.append(topic)
      note(.topic, .added, "topic \(q(id)) (\(dq(t.de)))", t.location)
    }
    return id
  }

  // MARK: - Events

  mutating func mergeEvent(_ i: Int) {
    let d = draft.events[i]
    let what = "event \(q(d.id)) (\(dq(d.title)))"
    if skipped(d.review, .event, what, d.location) { return }
    var participants: [Int] = []
    for p in d.participants {
      if let e = actorMap[p] {
        if !participants.contains(e) { participants.append(e) }
      } else {
        note(
          .event, .notPlaced,
          "participant \(drafted(p)) of \(what) not placed: the actor \(actorFate[p] ?? "was not merged")",
          d.location)
      }
    }
    if let index = out.events.firstIndex(where: { $0.id == d.id }) {
      var event = out.events[index]
      var changes: [String] = []
      let added = participants.filter { !event.participants.contains($0) }
      if !added.isEmpty {
        event.participants += added
        changes.append(
          "participant\(added.count == 1 ? "" : "s") \(added.map { q(out.actors[$0].id) }.joined(separator: ", ")) added")
      }
      if event.title != d.title {
        changes.append("title kept as \(dq(event.title)) (the draft says \(dq(d.title)))")
      }
      if event.evidence == nil, let evidence = d.evidence {
        event.evidence = evidence
        event.source = d.source.flatMap { mapSource($0) }
        event.offsets = d.offsets
        changes.append("evidence added")
      }
      for (key, path) in [("date", \Event.date), ("place", \Event.place)] {
        if event[keyPath: path] == nil, let value = d[keyPath: path] {
          event[keyPath: path] = value
          changes.append("\(key) set to \(dq(value))")
        }
      }
      out.events[index] = event
      note(
        .event, changes.isEmpty ? .alreadyPresent : .matched,
        "\(what) = the network's" + (changes.isEmpty ? "" : "; " + changes.joined(separator: "; ")),
        d.location)
    } else {
      var event = d
      event.participants = participants
      event.source = d.source.flatMap { mapSource($0) }
      event.review = nil
      event.location = nil
      out.events.append(event)
      note(.event, .added, what, d.location)
    }
  }

  // MARK: - Relations

  struct RelationKey: Hashable {
    var a: Int
    var b: Int
    var directed: Bool
    var kind: RelationKind
    var status: RelationStatus

    init(_ from: Int, _ to: Int, _ r: Relation) {
      directed = r.directed
      (a, b) = r.directed || from <= to ? (from, to) : (to, from)
      kind = r.kind
      status = r.status
    }
  }

  /// Evidence of the relations of `out`, by key; built on first use.
  var relationIndex: [RelationKey: [String?]]?

  mutating func mergeRelation(_ i: Int) {
    let d = draft.relations[i]
    let arrow = d.directed ? "→" : "–"
    let what =
      "relation \(q(draft.actors[d.from].id)) \(arrow) \(q(draft.actors[d.to].id)) (\(d.kind.rawValue))"
    if skipped(d.review, .relation, what, d.location) { return }
    for end in [d.from, d.to] where actorMap[end] == nil {
      note(
        .relation, .notPlaced,
        "\(what): actor \(drafted(end)) \(actorFate[end] ?? "was not merged")",
        d.location)
      return
    }
    let from = actorMap[d.from]!
    let to = actorMap[d.to]!
    if from == to {
      note(
        .relation, .notPlaced,
        "\(what): both actors are \(existing(from)) in the network", d.location)
      return
    }
    if relationIndex == nil {
      var index: [RelationKey: [String?]] = [:]
      for r in out.relations { index[RelationKey(r.from, r.to, r), default: []].append(r.evidence) }
      relationIndex = index
    }
    let key = RelationKey(from, to, d)
    if let evidences = relationIndex![key], d.evidence == nil || evidences.contains(d.evidence) {
      note(.relation, .alreadyPresent, what, d.location)
      return
    }
    var relation = d
    relation.from = from
    relation.to = to
    relation.source = d.source.flatMap { mapSource($0) }
    relation.review = nil
    relation.location = nil
    out.relations.append(relation)
    relationIndex![key, default: []].append(d.evidence)
    let ids = (out.actors[from].id, out.actors[to].id)
    let placed =
      ids == (draft.actors[d.from].id, draft.actors[d.to].id)
      ? "" : " as \(q(ids.0)) \(arrow) \(q(ids.1))"
    note(.relation, .added, what + placed, d.location)
  }
}
