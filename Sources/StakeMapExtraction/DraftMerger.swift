import StakeMapModel
import StakeMapText

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
///
/// Entries keep their sentences as data (``MergeNote``): ``lines(language:)`` writes the report
/// in any language of the catalogue; English is the default.
public struct MergeReport: Sendable {
  public enum Item: String, Sendable, CaseIterable {
    case actor, relation, event, claim, source, topic

    /// The summary's name of the kind ("actors", "Akteure").
    public func label(_ language: Language) -> String {
      let phrase: Phrase =
        switch self {
        case .actor: .mergeItemActors
        case .relation: .mergeItemRelations
        case .event: .mergeItemEvents
        case .claim: .mergeItemClaims
        case .source: .mergeItemSources
        case .topic: .mergeItemTopics
        }
      return Words(language)(phrase)
    }
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

    /// The outcome in `language` ("skipped (pending)", "übersprungen (ausstehend)").
    public func label(_ language: Language) -> String { Words(language)(phrases.label) }

    /// "2 added", "2 hinzugefügt".
    public func counted(_ n: Int, _ language: Language) -> String {
      Words(language).count(n, one: phrases.one, other: phrases.other)
    }

    private var phrases: (label: Phrase, one: Phrase, other: Phrase) {
      switch self {
      case .added: (.mergeOutcomeAdded, .mergeCountAddedOne, .mergeCountAddedOther)
      case .matched: (.mergeOutcomeMatched, .mergeCountMatchedOne, .mergeCountMatchedOther)
      case .alreadyPresent:
        (.mergeOutcomeAlreadyPresent, .mergeCountAlreadyPresentOne, .mergeCountAlreadyPresentOther)
      case .pending: (.mergeOutcomePending, .mergeCountPendingOne, .mergeCountPendingOther)
      case .rejected: (.mergeOutcomeRejected, .mergeCountRejectedOne, .mergeCountRejectedOther)
      case .notPlaced: (.mergeOutcomeNotPlaced, .mergeCountNotPlacedOne, .mergeCountNotPlacedOther)
      case .notNeeded: (.mergeOutcomeNotNeeded, .mergeCountNotNeededOne, .mergeCountNotNeededOther)
      }
    }
  }

  public struct Entry: Sendable, CustomStringConvertible {
    public var item: Item
    public var outcome: Outcome
    /// The sentence as data: phrase and arguments.
    public var note: MergeNote
    /// Where the item stands in the draft.
    public var location: FileLocation?

    /// The sentence in English, e.g. `draft 'Die GWG' = existing 'gwg' (GWG), same name`.
    public var message: String { note.text(in: .en) }

    /// The sentence in `language`.
    public func message(in language: Language) -> String { note.text(in: language) }

    /// `draft.yaml:12:5: matched: draft 'Die GWG' = existing 'gwg' (GWG), same name`.
    public var description: String { description(in: .en) }

    /// ``description`` in `language`.
    public func description(in language: Language) -> String {
      (location.map { "\($0): " } ?? "") + "\(outcome.label(language)): \(message(in: language))"
    }
  }

  public var entries: [Entry] = []

  /// How many entries of `item` had `outcome`.
  public func count(_ item: Item, _ outcome: Outcome) -> Int {
    entries.count { $0.item == item && $0.outcome == outcome }
  }

  /// Accepted items that could not be placed (what `--strict` fails on).
  public var notPlaced: [Entry] { entries.filter { $0.outcome == .notPlaced } }

  /// The report for people, in `language`: one summary line per kind of item (indented by two
  /// spaces), then one line per item that was added, matched, skipped or not placed (items
  /// already present are only counted).
  public func lines(language: Language = .en) -> [String] {
    var lines: [String] = []
    for item in Item.allCases {
      let parts = Outcome.allCases.compactMap { outcome -> String? in
        let n = count(item, outcome)
        return n == 0 ? nil : outcome.counted(n, language)
      }
      if !parts.isEmpty {
        lines.append("  \(item.label(language)): \(parts.joined(separator: ", "))")
      }
    }
    if lines.isEmpty { lines.append("  " + Words(language)(.mergeNoItems)) }
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
      lines.append(entry.description(in: language))
    }
    return lines
  }
}

/// One sentence of a ``MergeReport``, kept as data: catalogue phrases with their arguments,
/// written in a language only by ``text(in:)``. Arguments are themselves notes (an actor inside
/// "participant … of …"), ids and names, quoted texts from the files, or vocabulary terms.
public struct MergeNote: Sendable, Hashable, CustomStringConvertible {
  indirect enum Part: Sendable, Hashable {
    /// A catalogue phrase with named arguments.
    case phrase(Phrase, [Argument])
    /// A counted phrase (`one` when `n` is 1) with named arguments.
    case counted(Int, one: Phrase, other: Phrase, [Argument])
    /// Data as the files write it: a name, an attribute key, an arrow.
    case verbatim(String)
    /// An id (or a name used like one) in the catalogue's id quotes: `'gwg'`.
    case id(String)
    /// A text from a file in quotes, shortened to 60 characters, line breaks escaped.
    case quote(String)
    /// A term of a closed vocabulary: in English its id, as the file writes it (`association`);
    /// in other languages its label (`Verein / Verband`), which readers accept as well.
    case term(String, Phrase)
    /// Parts with a separator of punctuation between them ("; ", ", ", "").
    case joined([Part], String)
    /// "a or b or c" in the language.
    case alternatives([Part])
  }

  struct Argument: Sendable, Hashable {
    var name: String
    var value: Part
  }

  let part: Part

  init(_ part: Part) { self.part = part }

  /// The sentence in `language`.
  public func text(in language: Language) -> String { Self.render(part, Words(language)) }

  /// The sentence in English.
  public var description: String { text(in: .en) }

  static func render(_ part: Part, _ words: Words) -> String {
    func values(_ arguments: [Argument]) -> [String: String] {
      var values: [String: String] = [:]
      for argument in arguments { values[argument.name] = render(argument.value, words) }
      return values
    }
    switch part {
    case .phrase(let phrase, let arguments):
      return words(phrase, values: values(arguments))
    case .counted(let n, let one, let other, let arguments):
      return words.count(n, one: one, other: other, values: values(arguments))
    case .verbatim(let text):
      return text
    case .id(let id):
      return words(.mergeID, values: ["id": id])
    case .quote(let text):
      return words(.mergeQuote, values: ["text": shortened(text)])
    case .term(let id, let label):
      // The language's table decides: English names a term by its id (what the file says),
      // German by its label.
      return words(.mergeTermStyle) == "id" ? id : words(label)
    case .joined(let parts, let separator):
      return parts.map { render($0, words) }.joined(separator: separator)
    case .alternatives(let parts):
      // "A or B or C": each alternative is a whole phrase, so no commas.
      return parts.map { render($0, words) }.joined(separator: " " + words(.commonListOr) + " ")
    }
  }

  /// `text` shortened to 60 characters, line breaks and double quotes escaped.
  static func shortened(_ text: String) -> String {
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
    return out
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

  /// Ids, name keys and base keys of every actor of `out` (shared with `stakemap diff`).
  var matcher = ActorMatcher()
  /// Draft actor index → index in `out`, for merged actors.
  var actorMap: [Int: Int] = [:]
  /// Why a draft actor was not merged (`.mergeFatePending`, …).
  var actorFate: [Int: Phrase] = [:]
  var sourceMap: [String: String] = [:]
  var topicMap: [String: String] = [:]

  init(draft: Network, network: Network, options: MergeOptions) {
    self.draft = draft
    self.out = network
    self.options = options
    for (i, actor) in network.actors.enumerated() {
      matcher.add(actor, at: i)
    }
  }

  mutating func run() {
    for i in draft.actors.indices { mergeActor(i) }
    for i in draft.events.indices { mergeEvent(i) }
    for i in draft.relations.indices { mergeRelation(i) }
    // Sources and topics no merged item cites: already there, or reported as not added.
    for source in draft.sources where sourceMap[source.id] == nil {
      let what = text(.mergeSource, ("id", q(source.id)), ("title", dq(source.title)))
      if let e = out.sources.first(where: { $0.id == source.id }), !otherDocument(e, source) {
        note(.source, .alreadyPresent, what, source.location)
      } else {
        note(.source, .notNeeded, text(.mergeSourceNotNeeded, ("source", what)), source.location)
      }
    }
    for topic in draft.topics where topicMap[topic.id] == nil {
      let what = text(.mergeTopic, ("id", q(topic.id)), ("label", dq(topic.de)))
      if out.topics.contains(where: { $0.id == topic.id }) {
        note(.topic, .alreadyPresent, what, topic.location)
      } else {
        note(.topic, .notNeeded, text(.mergeTopicNotNeeded, ("topic", what)), topic.location)
      }
    }
  }

  // MARK: - Reporting

  typealias Part = MergeNote.Part

  mutating func note(
    _ item: MergeReport.Item, _ outcome: MergeReport.Outcome, _ message: Part,
    _ location: FileLocation?
  ) {
    report.entries.append(
      .init(item: item, outcome: outcome, note: MergeNote(message), location: location))
  }

  /// The entry for an item left out because of its review mark; nil when it is admitted.
  mutating func skipped(
    _ review: ReviewState?, _ item: MergeReport.Item, _ what: Part, _ location: FileLocation?
  ) -> Bool {
    guard !DraftMerger.admits(review, options) else { return false }
    if review == .rejected {
      note(item, .rejected, what, location)
    } else {
      note(item, .pending, text(.mergePendingHint, ("item", what)), location)
    }
    return true
  }

  /// A catalogue phrase with its arguments.
  func text(_ phrase: Phrase, _ arguments: (String, Part)...) -> Part {
    .phrase(phrase, arguments.map { MergeNote.Argument(name: $0.0, value: $0.1) })
  }

  /// A counted catalogue phrase with its arguments.
  func counted(_ n: Int, _ one: Phrase, _ other: Phrase, _ arguments: (String, Part)...) -> Part {
    .counted(
      n, one: one, other: other, arguments.map { MergeNote.Argument(name: $0.0, value: $0.1) })
  }

  /// Notes joined by "; ".
  func changes(_ parts: [Part]) -> Part { .joined(parts, "; ") }

  /// `'gwg'`.
  func q(_ id: String) -> Part { .id(id) }

  /// A text in quotes, shortened to 60 characters, line breaks escaped.
  func dq(_ text: String) -> Part { .quote(text) }

  /// `'gwg' (GWG)`: an actor.
  func named(_ actor: Stakeholder) -> Part {
    .joined([q(actor.id), .verbatim(" (" + actor.name + ")")], "")
  }

  /// `'gwg' (GWG)`: an actor of the network.
  func existing(_ index: Int) -> Part { named(out.actors[index]) }

  /// `'gwg' (GWG)`: an actor of the draft.
  func drafted(_ index: Int) -> Part { named(draft.actors[index]) }

  /// "type kept as association (the draft says network)".
  func kept(_ field: Part, _ value: Part, _ draft: Part) -> Part {
    text(.mergeKept, ("field", field), ("value", value), ("draft", draft))
  }

  /// "short set to \"GWG\"".
  func set(_ field: Part, _ value: Part) -> Part {
    text(.mergeSet, ("field", field), ("value", value))
  }

  func field(_ phrase: Phrase) -> Part { .phrase(phrase, []) }

  func term<T: VocabularyTerm>(_ term: T) -> Part { .term(term.rawValue, term.labelPhrase) }

  // MARK: - Names

  static func names(_ actor: Stakeholder) -> [String] { ActorMatcher.names(actor) }

  static func keys(_ actor: Stakeholder) -> Set<String> { ActorMatcher.keys(actor) }

  mutating func index(_ actor: Stakeholder, at i: Int) { matcher.add(actor, at: i) }

  enum Match {
    case found(Int, Part)
    case ambiguous([Int], Part)
    case none
  }

  /// The actor of `out` that draft actor `d` is (``ActorMatcher``), with how it was found in
  /// words. `idConflict` is set when the id is taken by an actor of another name.
  func match(_ d: Stakeholder, idConflict: inout Int?) -> Match {
    switch matcher.match(d, idConflict: &idConflict) {
    case .sameID(let e):
      return .found(e, field(.mergeSameID))
    case .byName(let e, let strong, let mine, let theirs):
      var how: Part
      if theirs == out.actors[e].name {
        how = field(.mergeSameName)
      } else if theirs == out.actors[e].short {
        how = text(.mergeIsShortName, ("draft", dq(mine)), ("existing", dq(theirs)))
      } else {
        how = text(.mergeIsAlias, ("draft", dq(mine)), ("existing", dq(theirs)))
      }
      if !strong { how = text(.mergeLegalFormAside, ("how", how)) }
      return .found(e, how)
    case .ambiguous(let candidates, let strong):
      return .ambiguous(candidates, field(strong ? .mergeSameName : .mergeSameNameWithoutLegalForm))
    case .none:
      return .none
    }
  }

  // MARK: - Actors

  mutating func mergeActor(_ i: Int) {
    let d = draft.actors[i]
    let claims = d.offers.count + d.needs.count
    let what =
      claims == 0
      ? text(.mergeActor, ("actor", drafted(i)))
      : text(
        .mergeActorWithClaims, ("actor", drafted(i)),
        ("claims", counted(claims, .mergeClaimsOne, .mergeClaimsOther)))
    if skipped(d.review, .actor, what, d.location) {
      actorFate[i] = d.review == .rejected ? .mergeFateRejected : .mergeFatePending
      return
    }
    var idConflict: Int?
    switch match(d, idConflict: &idConflict) {
    case .found(let e, let how):
      actorMap[i] = e
      let changes = update(e, with: d)
      let message = self.changes(
        [text(.mergeActorMatched, ("name", q(d.name)), ("actor", existing(e)), ("how", how))]
          + changes)
      note(
        .actor, changes.isEmpty && how == field(.mergeSameID) ? .alreadyPresent : .matched, message,
        d.location)
      mergeClaims(of: d, draftIndex: i, into: e)
    case .ambiguous(let candidates, let how):
      actorFate[i] = .mergeFateAmbiguous
      note(
        .actor, .notPlaced,
        text(
          .mergeAmbiguous, ("actor", what), ("candidates", .alternatives(candidates.map(existing))),
          ("same", how)),
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
      index(actor, at: e)
      actorMap[i] = e
      var message = text(.mergeActor, ("actor", existing(e)))
      if actor.id != d.id {
        if let holder = idConflict {
          message = text(
            .mergeIDTakenBy, ("actor", message), ("id", q(d.id)), ("holder", existing(holder)))
        } else {
          message = text(.mergeIDTaken, ("actor", message), ("id", q(d.id)))
        }
      }
      note(.actor, .added, message, d.location)
      mergeClaims(of: d, draftIndex: i, into: e)
    }
  }

  /// A free id for a new actor: the draft's, else one from its short name or name.
  func freshID(for d: Stakeholder) -> String {
    if matcher.index(ofID: d.id) == nil { return d.id }
    var base = ""
    for name in [d.short, d.name].compactMap({ $0 }) {
      base = String(OrganizationName.key(name).map { $0 == " " ? "_" : $0 }.prefix(40))
      if !base.isEmpty && matcher.index(ofID: base) == nil { return base }
    }
    if base.isEmpty { base = d.id }
    var n = 2
    while matcher.index(ofID: "\(base)_\(n)") != nil { n += 1 }
    return "\(base)_\(n)"
  }

  /// Adds what draft actor `d` knows and actor `e` does not; returns what changed, for the report.
  mutating func update(_ e: Int, with d: Stakeholder) -> [Part] {
    var changes: [Part] = []
    var actor = out.actors[e]
    // `other` says nothing about the actor (extractors use it when they cannot tell).
    if actor.type != d.type && d.type != .other {
      changes.append(kept(field(.mergeFieldType), term(actor.type), term(d.type)))
    }
    func fill(_ key: Phrase, _ path: WritableKeyPath<Stakeholder, String?>) {
      guard let value = d[keyPath: path] else { return }
      if let current = actor[keyPath: path] {
        if current != value {
          changes.append(kept(field(key), dq(current), dq(value)))
        }
      } else {
        actor[keyPath: path] = value
        changes.append(set(field(key), dq(value)))
      }
    }
    fill(.mergeFieldShort, \.short)
    fill(.mergeFieldRegion, \.region)
    fill(.mergeFieldNote, \.note)
    if let basis = d.basis {
      if let current = actor.basis, current != basis {
        changes.append(kept(field(.mergeFieldBasis), term(current), term(basis)))
      } else if actor.basis == nil {
        actor.basis = basis
        changes.append(set(field(.mergeFieldBasis), term(basis)))
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
        counted(
          aliases.count, .mergeAliasesAddedOne, .mergeAliasesAddedOther,
          ("names", .joined(aliases.map(dq), ", "))))
    }
    let tags = d.tags.filter { !actor.tags.contains($0) }
    if !tags.isEmpty {
      actor.tags += tags
      changes.append(
        counted(
          tags.count, .mergeTagsAddedOne, .mergeTagsAddedOther,
          ("names", .joined(tags.map(dq), ", "))))
    }
    for (key, value) in d.attributes.sorted(by: { $0.key < $1.key }) {
      if let current = actor.attributes[key] {
        if current != value {
          changes.append(kept(.verbatim(key), dq(current), dq(value)))
        }
      } else {
        actor.attributes[key] = value
        changes.append(set(.verbatim(key), dq(value)))
      }
    }
    if let evidence = d.evidence {
      if actor.evidence == nil {
        actor.evidence = evidence
        actor.source = d.source.flatMap { mapSource($0) }
        actor.offsets = d.offsets
        changes.append(field(.mergeEvidenceAdded))
      } else if actor.evidence != evidence {
        if let source = d.source {
          changes.append(
            text(.mergeQuoteFromSourceNotAdded, ("quote", dq(evidence)), ("source", q(source))))
        } else {
          changes.append(text(.mergeQuoteNotAdded, ("quote", dq(evidence))))
        }
      }
    }
    out.actors[e] = actor
    index(actor, at: e)
    return changes
  }

  /// Merges the admitted offers and needs of draft actor `d` onto actor `e`.
  mutating func mergeClaims(of d: Stakeholder, draftIndex: Int, into e: Int) {
    let kinds = [(Phrase.mergeOffer, \Stakeholder.offers), (.mergeNeed, \Stakeholder.needs)]
    for (label, path) in kinds {
      for claim in d[keyPath: path] {
        let what = text(label, ("topic", q(claim.topic)), ("actor", existing(e)))
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
        var differences: [Part] = []
        var merged = e
        if e.title != s.title {
          differences.append(kept(field(.mergeFieldTitle), dq(e.title), dq(s.title)))
        }
        for (key, path) in [
          (Phrase.mergeFieldDate, \Source.date), (.mergeFieldPlace, \Source.place),
          (.mergeFieldPublisher, \Source.publisher), (.mergeFieldFile, \Source.file),
          (.mergeFieldURL, \Source.url),
        ] {
          guard let mine = s[keyPath: path] else { continue }
          if let theirs = e[keyPath: path] {
            if theirs != mine {
              differences.append(kept(field(key), dq(theirs), dq(mine)))
            }
          } else {
            merged[keyPath: path] = mine
            differences.append(set(field(key), dq(mine)))
          }
        }
        out.sources[index] = merged
        if !differences.isEmpty {
          note(
            .source, .matched,
            text(.mergeSourceChanges, ("id", q(id)), ("changes", changes(differences))),
            s.location)
        }
      }
    } else if let file = s.file, let same = out.sources.first(where: { $0.file == file }) {
      mapped = same.id
      note(
        .source, .matched,
        text(.mergeSourceSameFile, ("id", q(id)), ("other", q(same.id)), ("file", dq(file))),
        s.location)
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
    let what = text(.mergeSource, ("id", q(s.id)), ("title", dq(s.title)))
    note(
      .source, .added,
      source.id == s.id
        ? what
        : text(.mergeSourceAddedAs, ("source", what), ("new", q(source.id)), ("id", q(s.id))),
      s.location)
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
          text(
            .mergeTopicLabelsKept, ("id", q(id)), ("de", dq(e.de)), ("en", dq(e.en)),
            ("draft_de", dq(t.de)), ("draft_en", dq(t.en))),
          t.location)
      }
    } else {
      var topic = t
      topic.location = nil
      out.topics.append(topic)
      note(.topic, .added, text(.mergeTopic, ("id", q(id)), ("label", dq(t.de))), t.location)
    }
    return id
  }

  // MARK: - Events

  mutating func mergeEvent(_ i: Int) {
    let d = draft.events[i]
    let what = text(.mergeEvent, ("id", q(d.id)), ("title", dq(d.title)))
    if skipped(d.review, .event, what, d.location) { return }
    var participants: [Int] = []
    for p in d.participants {
      if let e = actorMap[p] {
        if !participants.contains(e) { participants.append(e) }
      } else {
        note(
          .event, .notPlaced,
          text(
            .mergeParticipantNotPlaced, ("actor", drafted(p)), ("event", what),
            ("fate", field(actorFate[p] ?? .mergeFateNotMerged))),
          d.location)
      }
    }
    if let index = out.events.firstIndex(where: { $0.id == d.id }) {
      var event = out.events[index]
      var changes: [Part] = []
      let added = participants.filter { !event.participants.contains($0) }
      if !added.isEmpty {
        event.participants += added
        changes.append(
          counted(
            added.count, .mergeParticipantsAddedOne, .mergeParticipantsAddedOther,
            ("names", .joined(added.map { q(out.actors[$0].id) }, ", "))))
      }
      if event.title != d.title {
        changes.append(kept(field(.mergeFieldTitle), dq(event.title), dq(d.title)))
      }
      if event.evidence == nil, let evidence = d.evidence {
        event.evidence = evidence
        event.source = d.source.flatMap { mapSource($0) }
        event.offsets = d.offsets
        changes.append(field(.mergeEvidenceAdded))
      }
      for (key, path) in [(Phrase.mergeFieldDate, \Event.date), (.mergeFieldPlace, \Event.place)] {
        if event[keyPath: path] == nil, let value = d[keyPath: path] {
          event[keyPath: path] = value
          changes.append(set(field(key), dq(value)))
        }
      }
      out.events[index] = event
      note(
        .event, changes.isEmpty ? .alreadyPresent : .matched,
        self.changes([text(.mergeEventMatched, ("event", what))] + changes),
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
    let what = text(
      .mergeRelation, ("from", q(draft.actors[d.from].id)), ("arrow", .verbatim(arrow)),
      ("to", q(draft.actors[d.to].id)), ("kind", term(d.kind)))
    if skipped(d.review, .relation, what, d.location) { return }
    for end in [d.from, d.to] where actorMap[end] == nil {
      note(
        .relation, .notPlaced,
        text(
          .mergeRelationActorNotMerged, ("relation", what), ("actor", drafted(end)),
          ("fate", field(actorFate[end] ?? .mergeFateNotMerged))),
        d.location)
      return
    }
    let from = actorMap[d.from]!
    let to = actorMap[d.to]!
    if from == to {
      note(
        .relation, .notPlaced,
        text(.mergeRelationSameActor, ("relation", what), ("actor", existing(from))), d.location)
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
      ? what
      : text(
        .mergeRelationPlacedAs, ("relation", what), ("from", q(ids.0)), ("arrow", .verbatim(arrow)),
        ("to", q(ids.1)))
    note(.relation, .added, placed, d.location)
  }
}
