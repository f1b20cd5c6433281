import StakeMapFormats
import StakeMapModel
import StakeMapText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stakemap extract` is asked to do.
public struct ExtractionOptions: Sendable {
  /// The id of the protocol's source entry (default: from the file name, `p000_…`).
  public var sourceID: String?
  /// Also propose ties whose second party is named outside the sentence: the respondent of
  /// the protocol, the host of the event, the publisher (GUIDELINES 4.6, 4.7). On by default
  /// (a coordinator needs the ties a reader sees); each such tie says how it was inferred.
  public var includeContextTies: Bool

  public init(sourceID: String? = nil, includeContextTies: Bool = true) {
    self.sourceID = sourceID
    self.includeContextTies = includeContextTies
  }
}

/// A draft network and what the evaluation needs to know about it.
public struct Draft: Sendable {
  public var network: Network
  /// Indices into `network.relations` of context ties (see ``ExtractionOptions``).
  public var contextRelations: Set<Int>
  /// For reviewers, not for reports: why each actor was recognised and how a tie across
  /// sentences was inferred. Written as YAML comments above the items.
  public var reviewComments: NetworkWriter.Comments = NetworkWriter.Comments()
}

/// Drafts a stakeholder network from a German workshop protocol: rules, no model, no network
/// access; the same text gives the same draft, byte for byte.
///
/// The pipeline, one file per stage:
/// 1. ``NormalizedText`` — typographic noise removed, with a map back to original offsets.
/// 2. ``Segmenter`` — list items, question headings and sections, sentences.
/// 3. ``Tokenizer`` — words, numbers, punctuation.
/// 4. ``PeopleAndPlaces`` and ``OrganizationRecognizer`` — people and places, then mentions of
///    organisations (legal forms, institutional heads, abbreviations, affiliations).
/// 5. ``Declension`` — names back in the nominative.
/// 6. ``ActorResolver`` — mentions merged into actors with names, aliases, types and ids.
/// 7. ``EventExtractor`` — workshops, round tables, kick-offs with dates.
/// 8. ``TieExtractor`` — ties from cues within one sentence.
/// 9. ``ClaimExtractor`` — needs and offers from the questions, with topics.
///
/// Every proposed actor, event, tie, need and offer carries `review: pending`, the source and
/// its verbatim evidence with `offsets` into the original text (Unicode scalars).
public enum ProtocolExtractor {
  /// Why a protocol file could not be read.
  public struct ReadError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
      /// The path names a directory.
      case directory(String)
      /// A byte that is not UTF-8, at a line and column of the file.
      case notUTF8(path: String, line: Int, column: Int, sentence: Sentence)
      /// Nothing but white space.
      case empty(String)
      /// A control character that plain text does not have (NUL, …): a PDF, Word file, image.
      case binary(path: String, line: Int, column: Int, byte: UInt8)
      /// A known binary format by its first bytes (PDF, Word, …).
      case binaryFormat(path: String, format: String)
      /// Too few German function words to be a German text.
      case notGerman(path: String, share: Double)
      /// The file system's own words.
      case other(String)
    }

    let reason: Reason

    /// The reason in English.
    public var description: String { description(in: .en) }

    /// The reason in `language`.
    public func description(in language: Language) -> String {
      switch reason {
      case .directory(let path): Words(language)(.extractIsDirectory, ["file": path])
      case .notUTF8(let path, let line, let column, let sentence):
        "\(path):\(line):\(column): " + sentence.text(in: language)
      case .empty(let path): Words(language)(.extractEmpty, ["file": path])
      case .binary(let path, let line, let column, let byte):
        Words(language)(
          .extractBinary,
          ["file": path, "line": "\(line)", "column": "\(column)", "byte": hex(byte)])
      case .binaryFormat(let path, let format):
        Words(language)(.extractBinaryFormat, ["file": path, "format": format])
      case .notGerman(let path, let share):
        Words(language)(.extractNotGerman, ["file": path, "share": Words(language).number(share * 100, places: 0) + " %"])
      case .other(let text): text
      }
    }

    private func hex(_ byte: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
  }

  /// Reads the protocol at `path` (UTF-8; a byte-order mark is skipped) and drafts its
  /// network. The file name becomes the source's `file` and default id.
  public static func extract(path: String, options: ExtractionOptions = ExtractionOptions())
    throws(ReadError) -> Draft
  {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.contents(of: path)
    } catch {
      throw ReadError(reason: error.code == EISDIR ? .directory(path) : .other(error.description))
    }
    if let format = binaryFormat(bytes) {
      throw ReadError(reason: .binaryFormat(path: path, format: format))
    }
    if let offset = TextEncoding.firstInvalidUTF8(in: bytes) {
      let problem = TextEncoding.notUTF8(bytes, at: offset)
      throw ReadError(
        reason: .notUTF8(
          path: path, line: problem.line, column: problem.column, sentence: problem.sentence))
    }
    try checkPlainGermanText(bytes, path: path)
    let text = String(decoding: bytes, as: UTF8.self)
    return extract(text: text, fileName: path, options: options)
  }

  /// The name of a known binary format whose signature starts `bytes` — checked before the
  /// UTF-8 check, so that a PDF is called a PDF, not badly encoded text.
  static func binaryFormat(_ bytes: [UInt8]) -> String? {
    let signatures: [([UInt8], String)] = [
      (Array("%PDF".utf8), "PDF"), ([0x50, 0x4B, 0x03, 0x04], "ZIP (Word .docx, .odt, …)"),
      ([0xD0, 0xCF, 0x11, 0xE0], "Office (.doc, .xls)"), ([0x7F, 0x45, 0x4C, 0x46], "ELF"),
      ([0x89, 0x50, 0x4E, 0x47], "PNG"), ([0xFF, 0xD8, 0xFF], "JPEG"), (Array("GIF8".utf8), "GIF"),
    ]
    return signatures.first(where: { bytes.starts(with: $0.0) })?.1
  }

  /// Refuses what cannot be a German protocol, with the reason: an empty file, a binary file
  /// (a control character other than tab, line feed, carriage return and form feed), a text
  /// with too few German function words (under 8 % of at least 20 lower-case words; German
  /// prose has about 30 % and more, English about 1 %). O(size).
  static func checkPlainGermanText(_ bytes: [UInt8], path: String) throws(ReadError) {
    var line = 1
    var column = 1
    for byte in bytes {
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C || byte == 0x7F {
        throw ReadError(reason: .binary(path: path, line: line, column: column, byte: byte))
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.contains(where: { $0.isLetter }) else { throw ReadError(reason: .empty(path)) }
    // Lower-case words only: a list of names ("Teilnehmende: …") has few, and they say nothing
    // about the language.
    let words = text.split { !$0.isLetter }.filter { $0.first?.isLowercase == true }
    guard words.count >= 20 else { return }
    let german = words.lazy.filter { GermanLexicon.commonGermanWords.contains(String($0)) }.count
    let share = Double(german) / Double(words.count)
    if share < 0.08 { throw ReadError(reason: .notGerman(path: path, share: share)) }
  }

  public static func extract(
    text: String, fileName: String, options: ExtractionOptions = ExtractionOptions()
  ) -> Draft {
    let normalized = NormalizedText(text)
    let segmented = Segmenter.segment(normalized)
    let context = PeopleAndPlaces.analyse(segmented)
    let roles = segmented.sections.map { SectionRole.of($0.text) }
    let offerSections = Set(roles.indices.filter { roles[$0] == .offers })
    let recognized = OrganizationRecognizer.recognize(
      normalized, segmented, context, offerSections: offerSections)
    var resolution = ActorResolver.resolve(recognized, segmented, context)
    let respondent = findRespondent(segmented, resolution)
    let hosts = findHosts(segmented, resolution)
    if let respondent { refineRespondentType(respondent, segmented, &resolution) }
    let events = EventExtractor.extract(normalized, segmented, resolution)
    // "wir" is the publisher; in a question protocol, the organisation answering.
    let publisher = DiscourseResolver.publisher(segmented, resolution) ?? respondent
    // --no-context-ties: both parties named in the sentence, nothing resolved from discourse.
    let (discourse, anaphors) =
      options.includeContextTies
      ? DiscourseResolver.resolve(resolution, segmented, publisher: publisher) : (resolution, [])
    let ties = TieExtractor.extract(
      discourse, segmented, roles: TieExtractor.Roles(respondent: respondent, hosts: hosts),
      includeContext: options.includeContextTies, anaphors: anaphors)
    var claims = ClaimExtractor.extract(
      normalized, segmented, resolution, descriptors: recognized.descriptors,
      respondent: respondent)
    // "stellt die Genossenschaft dem Verein … zur Verfügung": the offer is the giver's, also
    // when the receiver is named first in the item.
    for i in claims.indices where claims[i].side == .offer {
      if let tie = ties.first(where: {
        [.spaceProvision, .personnel].contains($0.kind) && $0.b == claims[i].actor
          && $0.range.overlaps(claims[i].range) && !$0.fromContext
      }) {
        claims[i].actor = tie.a
      }
    }
    claims += offersFromTies(ties, claims, normalized, segmented, discourse)
    return DraftBuilder.build(
      normalized, segmented, resolution, events: events, ties: ties, claims: claims,
      fileName: fileName, sourceID: options.sourceID)
  }

  /// What one actor gives another is an offer of the giver (GUIDELINES 5.1: "stellt … zur
  /// Verfügung", "berät"), wherever the text says it: rooms, staff or advice stated as a tie,
  /// and "X (und Y) bieten … an". Money is left out: annotators do not read a grant as the
  /// funder's offer on the network. The claim's text is the sentence; an offer already found
  /// for the actor there is not repeated.
  static func offersFromTies(
    _ ties: [ProposedTie], _ claims: [ProposedClaim], _ text: NormalizedText,
    _ segmented: SegmentedText, _ resolution: ActorResolution
  ) -> [ProposedClaim] {
    var result: [ProposedClaim] = []
    func known(_ actor: Int, _ range: Range<Int>) -> Bool {
      (claims + result).contains { $0.actor == actor && $0.side == .offer && $0.range.overlaps(range) }
    }
    let giving: Set<RelationKind> = [.spaceProvision, .personnel, .advice]
    for tie in ties where giving.contains(tie.kind) && !tie.fromContext && tie.status != .desired {
      guard let segment = segmented.segments.first(where: { $0.range.overlaps(tie.range) }) else { continue }
      let range = ClaimExtractor.clean(text, segment.range)
      if !known(tie.a, range) { result.append(ProposedClaim(actor: tie.a, side: .offer, range: range)) }
    }
    // "Die X und die Y bieten im Quartier jeweils eigene Sprechstunden an."
    var bySegment: [Int: [Int]] = [:]
    for (m, mention) in resolution.mentions.enumerated() where resolution.actorOfMention[m] != nil {
      bySegment[mention.segment, default: []].append(m)
    }
    for (s, segment) in segmented.segments.enumerated() where segment.kind != .heading {
      let lower = segment.tokens.map(\.lower)
      guard let v = lower.firstIndex(where: { ["bietet", "bieten", "bot", "boten"].contains($0) }),
        lower.last(where: { $0 != "." && $0 != "!" }) == "an",
        let parties = bySegment[s]?.sorted(by: {
          resolution.mentions[$0].tokens.lowerBound < resolution.mentions[$1].tokens.lowerBound
        })
      else { continue }
      let subjects = parties.filter { resolution.mentions[$0].tokens.upperBound <= v }
      guard let first = TieExtractor.subject(subjects, resolution, segment),
        let i = subjects.firstIndex(of: first)
      else { continue }
      let range = ClaimExtractor.clean(text, segment.range)
      for m in TieExtractor.coordinatedRun(Array(subjects[i...]), resolution, segment) {
        let actor = resolution.actorOfMention[m]!
        if !known(actor, range) { result.append(ProposedClaim(actor: actor, side: .offer, range: range)) }
      }
    }
    return result
  }

  /// The organisation that answers the protocol's questions: the first actor named in the
  /// prose answer to its first question ("Das DORV-Zentrum … ist in folgenden Handlungsfeldern
  /// aktiv", a signature line "Hans-Jörg Schmidt, Aufbaugemeinschaft Espelkamp"). Actors in
  /// list items are listed, not answering.
  static func findRespondent(_ segmented: SegmentedText, _ resolution: ActorResolution) -> Int? {
    guard segmented.sections.count >= 2 else { return nil }
    let answer = segmented.segments.indices.filter {
      segmented.segments[$0].section == 0 && segmented.segments[$0].kind == .sentence
    }
    let blocks = Set(answer.map { segmented.segments[$0].block }).sorted().prefix(3)
    var best: (position: Int, actor: Int)? = nil
    for (m, mention) in resolution.mentions.enumerated() {
      guard let a = resolution.actorOfMention[m], segmented.segments[mention.segment].section == 0,
        segmented.segments[mention.segment].kind == .sentence,
        blocks.contains(segmented.segments[mention.segment].block)
      else { continue }
      if best == nil || mention.range.lowerBound < best!.position {
        best = (mention.range.lowerBound, a)
      }
    }
    return best?.actor
  }

  /// The hosts of the event described: the actors that invite ("X und Y laden … ein", "lud …
  /// ein"), organise or hold it ("veranstaltet von X und Y", "wird von X ausgerichtet"), or that
  /// a "Veranstalter:" line names — in the first sentence that says so. Co-hosts coordinated
  /// with the first are hosts too. Parents of a unit ("vom Fachbereich Soziales der Stadt
  /// Halle") are not.
  static func findHosts(_ segmented: SegmentedText, _ resolution: ActorResolution) -> [Int] {
    let verbs: Set<String> = [
      "lud", "lädt", "luden", "laden", "veranstaltet", "veranstaltete", "veranstalten",
      "organisiert", "organisierte", "organisieren", "ausgerichtet", "richtet", "richten",
      "veranstalter", "veranstalterin", "gastgeber", "gastgeberin",
    ]
    let parents = Set(resolution.mentions.compactMap(\.parent))
    for (s, segment) in segmented.segments.enumerated() {
      // The header, or a sentence about the event ("Der Mieterverein organisiert
      // Hausversammlungen" further down hosts nothing).
      let aboutEvent = segment.tokens.contains {
        GermanLexicon.eventNouns[$0.lower] != nil
          || ["fachtag", "fachtagung", "tagung", "veranstaltung", "konferenz", "workshop", "sitzung", "treffen"].contains($0.lower)
      }
      guard s <= 6 || aboutEvent else { continue }
      // "Einladung: X in Zusammenarbeit mit Y" names the host too.
      guard
        let v = segment.tokens.indices.first(where: { k in
          verbs.contains(segment.tokens[k].lower)
            || (segment.tokens[k].lower == "einladung" && k + 1 < segment.tokens.count
              && segment.tokens[k + 1].lower == ":")
        })
      else { continue }
      let here = resolution.mentions.indices.filter {
        resolution.mentions[$0].segment == s && resolution.actorOfMention[$0] != nil
          && !parents.contains($0)
      }.sorted { resolution.mentions[$0].tokens.lowerBound < resolution.mentions[$1].tokens.lowerBound }
      guard !here.isEmpty else { continue }
      func group(from start: Int) -> [Int] {
        var run = [here[start]]
        var i = start + 1
        while i < here.count {
          let gap = segment.tokens[resolution.mentions[run.last!].tokens.upperBound..<resolution.mentions[here[i]].tokens.lowerBound]
          guard TieExtractor.joins(gap.map(\.lower), limit: 3) else { break }
          run.append(here[i])
          i += 1
        }
        return run
      }
      var hosts: [Int] = []
      // Passive: "wird vom X (in Kooperation mit Y) veranstaltet" — X hosts.
      let passive = segment.tokens.contains { ["wird", "wurde", "werden", "wurden"].contains($0.lower) }
      if passive, let agent = here.firstIndex(where: { m in
        let t = resolution.mentions[m].tokens.lowerBound
        return segment.tokens[max(0, t - 2)..<t].contains { ["von", "vom", "durch"].contains($0.lower) }
      }) {
        hosts = group(from: agent)
      } else if let after = here.firstIndex(where: {
        let t = resolution.mentions[$0].tokens.lowerBound
        return t > v && t - v <= 3
      }) {
        hosts = group(from: after)
      } else if let last = here.lastIndex(where: { resolution.mentions[$0].tokens.upperBound <= v }) {
        var start = last
        while start > 0 {
          let gap = segment.tokens[resolution.mentions[here[start - 1]].tokens.upperBound..<resolution.mentions[here[start]].tokens.lowerBound]
          guard TieExtractor.joins(gap.map(\.lower), limit: 3) else { break }
          start -= 1
        }
        hosts = Array(here[start...last])
      }
      var actors: [Int] = []
      for m in hosts {
        if let a = resolution.actorOfMention[m], !actors.contains(a) { actors.append(a) }
      }
      if !actors.isEmpty { return actors }
    }
    // Minutes of a body's meeting: "Protokoll der 12. Sitzung des Arbeitskreises X" — the
    // body named after the meeting in the title hosts it.
    let meetings: Set<String> = ["sitzung", "treffen", "versammlung", "mitgliederversammlung", "klausur", "klausurtagung"]
    if let title = segmented.segments.first,
      let k = title.tokens.firstIndex(where: { meetings.contains($0.lower) }),
      let m = resolution.mentions.indices.first(where: {
        resolution.mentions[$0].segment == 0 && resolution.actorOfMention[$0] != nil
          && (k + 1...k + 3).contains(resolution.mentions[$0].tokens.lowerBound)
          && ["des", "der", "vom"].contains(title.tokens[k + 1].lower)
      }),
      let actor = resolution.actorOfMention[m]
    {
      return [actor]
    }
    return []
  }

  /// The respondent of a question about "die soziale Organisation" is a social organisation
  /// (GUIDELINES 2.6); "Ich bin Vertreter eines Wohnungsunternehmens" gives the type of the
  /// head noun.
  static func refineRespondentType(
    _ respondent: Int, _ segmented: SegmentedText, _ resolution: inout ActorResolution
  ) {
    guard let first = segmented.sections.first else { return }
    let heading = first.text.lowercased()
    if heading.contains("soziale organisation"),
      [.association, .other].contains(resolution.actors[respondent].type)
    {
      resolution.actors[respondent].type = .socialOrganization
      return
    }
    for segment in segmented.segments where segment.section == 0 && segment.kind != .heading {
      let t = segment.tokens
      for k in t.indices.dropFirst() where ["eines", "einer", "ein", "eine"].contains(t[k - 1].lower) {
        if k >= 2, ["vertreter", "vertreterin", "ist", "sind"].contains(t[k - 2].lower),
          let match = GermanLexicon.head(of: t[k])
        {
          let type = GermanLexicon.type(of: match)
          if type != .other { resolution.actors[respondent].type = type }
          return
        }
      }
    }
  }
}

/// Stage 10: the draft network, in the file format of docs/FORMAT.md.
enum DraftBuilder {
  static func build(
    _ text: NormalizedText, _ segmented: SegmentedText, _ resolution: ActorResolution,
    events: [ProposedEvent], ties: [ProposedTie], claims: [ProposedClaim], fileName: String,
    sourceID: String?
  ) -> Draft {
    // Drafts are German: the protocols are.
    let words = Words(.de)
    let title = documentTitle(text, segmented) ?? fileName
    let source = Source(
      id: sourceID ?? defaultSourceID(fileName), title: title, file: baseName(fileName))
    var network = Network(
      info: NetworkInfo(
        title: title, language: .de,
        description: words(.extractDraftDescription, ["file": baseName(fileName)])),
      sources: [source])

    // Actors.
    var comments = NetworkWriter.Comments()
    for actor in resolution.actors {
      comments.actors[network.actors.count] = words(.extractRecognisedBy, ["reasons": reason(resolution, actor)])
      let canonical = resolution.mentions[actor.canonical]
      let quote = text.quote(canonical.range)
      let acronym = actor.aliases.first { isAcronym($0) }
      network.actors.append(
        Stakeholder(
          id: actor.id, name: actor.name, type: actor.type,
          short: isAcronym(actor.name) ? nil : acronym, basis: .protocolText,
          aliases: actor.aliases,
          evidence: quote.text, source: source.id, offsets: quote.span, review: .pending))
    }

    // Topics and claims.
    let nameWords = Set(
      network.actors.flatMap { ([$0.name] + $0.aliases).flatMap { $0.lowercased().split(separator: " ").map(String.init) } })
    var topicIDs: [String: String] = [:]
    var usedTopicIDs = Set<String>()
    for claim in claims.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      let quote = text.quote(claim.range)
      let label = EventExtractor.collapse(quote.text)
      let topic: String
      if let existing = topicIDs[label] {
        topic = existing
      } else {
        var id = TopicNaming.id(for: label, nameWords: nameWords)
        if id.isEmpty { id = "topic" }
        let base = id
        var n = 2
        while usedTopicIDs.contains(id) {
          id = "\(base)_\(n)"
          n += 1
        }
        usedTopicIDs.insert(id)
        topicIDs[label] = id
        topic = id
        network.topics.append(Topic(id: id, de: label, en: label + " (de)"))
      }
      let entry = TopicClaim(
        topic: topic, evidence: quote.text, source: source.id, basis: .protocolText,
        offsets: quote.span, review: .pending)
      switch claim.side {
      case .need: network.actors[claim.actor].needs.append(entry)
      case .offer: network.actors[claim.actor].offers.append(entry)
      }
    }

    // Events.
    var usedEventIDs = Set<String>()
    for event in events.sorted(by: { $0.evidence.lowerBound < $1.evidence.lowerBound }) {
      var id = Slug.make(event.title, maxLength: 32)
      if id.isEmpty { id = "event" }
      let base = id
      var n = 2
      while usedEventIDs.contains(id) {
        id = "\(base)_\(n)"
        n += 1
      }
      usedEventIDs.insert(id)
      let quote = text.quote(event.evidence)
      network.events.append(
        Event(
          id: id, title: event.title, kind: event.kind, date: event.date, place: event.place,
          source: source.id, participants: event.participants, evidence: quote.text,
          offsets: quote.span, review: .pending))
    }

    // Relations, in text order.
    var context = Set<Int>()
    let ordered = ties.sorted {
      ($0.range.lowerBound, $0.a, $0.b, $0.kind.rawValue)
        < ($1.range.lowerBound, $1.a, $1.b, $1.kind.rawValue)
    }
    for tie in ordered {
      let quote = text.quote(tie.range)
      if tie.fromContext || tie.inference != nil { context.insert(network.relations.count) }
      if let inference = tie.inference {
        comments.relations[network.relations.count] = inferenceText(inference, anaphor: tie.anaphor, words)
      }
      var relation = Relation(
        from: tie.a, to: tie.b, directed: false, kind: tie.kind, status: tie.status,
        source: source.id, evidence: quote.text, basis: .protocolText,
        offsets: quote.span, review: .pending)
      // Machine-readable too (JSON drafts carry no comments): how the party was found.
      relation.inferred = tie.inference?.rawValue
      network.relations.append(relation)
    }
    return Draft(network: network, contextRelations: context, reviewComments: comments)
  }

  /// How a tie across sentences was found, in the draft's language, for the reviewer.
  static func inferenceText(_ inference: TieInference, anaphor: String?, _ words: Words) -> String {
    let phrase: Phrase =
      switch inference {
      case .coreference: .extractInferredCoreference
      case .publisher: .extractInferredPublisher
      case .previousSubject: .extractInferredPreviousSubject
      case .respondent: .extractInferredRespondent
      case .host: .extractInferredHost
      case .heading: .extractInferredHeading
      }
    return words(phrase, ["anaphor": anaphor ?? ""])
  }

  static func isAcronym(_ s: String) -> Bool {
    Token(text: s, lower: s.lowercased(), range: 0..<0, kind: .word).isAllCaps
  }

  static func reason(_ resolution: ActorResolution, _ actor: ResolvedActor) -> String {
    var reasons: [String] = []
    for m in actor.mentions {
      let r: String =
        switch resolution.mentions[m].kind {
        case .legalForm: "Rechtsform"
        case .head: "Kopfwort mit Name oder Ort"
        case .acronym: "Abkürzung"
        case .affiliation: "Organisation einer Person"
        case .quotedName, .descriptiveAlias: "Name in Anführungszeichen"
        case .expansion: "ausgeschriebene Abkürzung"
        case .listName: "Name in einer Angebotsliste"
        case .shortForm: "Kurzform"
        }
      if !reasons.contains(r) { reasons.append(r) }
    }
    let count = actor.mentions.count
    return reasons.joined(separator: ", ") + "; \(count) Erwähnung\(count == 1 ? "" : "en")"
  }

  /// The heading line of the text: its first line, Markdown marks removed, never a paragraph
  /// (a line over 200 characters is cut at a word). A kicker or masthead before it is skipped
  /// (up to three lines): a line in capitals ("PRESSEMITTEILUNG"), a line of a genre word
  /// of at most four words ("Einladung zum Fachtag"), or a line of "·"-separated facts
  /// ("Rundbrief 2/2025 · Netzwerk …", "Verein X · Stadt, 22. Januar 2025"); never a salutation.
  static func documentTitle(_ text: NormalizedText, _ segmented: SegmentedText) -> String? {
    guard let first = segmented.blocks.first(where: { !$0.isEmpty }) else { return nil }
    let start = segmented.segments[first[0]].range.lowerBound
    let end = min(text.scalars.count, start + 2_000)
    let lines = text.quote(start..<end).text.split(whereSeparator: \.isNewline)
      .map { EventExtractor.collapse(String($0)) }.filter { !$0.isEmpty }
    func clean(_ line: String) -> String {
      var title = line
      while let c = title.first, "#*= ".contains(c) { title.removeFirst() }
      while let c = title.last, "#*= ".contains(c) { title.removeLast() }
      return title
    }
    let genreWords: Set<String> = [
      "pressemitteilung", "presseinformation", "pressemeldung", "einladung", "rundbrief",
      "newsletter", "mitteilung",
    ]
    func isKicker(_ line: String) -> Bool {
      let letters = line.filter(\.isLetter)
      if letters.count >= 3, letters.allSatisfy({ $0.isUppercase }) { return true }
      if line.contains("·") { return true }
      let words = line.split(separator: " ")
      let firstWord = words.first.map { $0.lowercased().filter(\.isLetter) } ?? ""
      return genreWords.contains(firstWord) && words.count <= 4
    }
    // A salutation is never the title ("Liebe Mitglieder, …").
    func isSalutation(_ line: String) -> Bool {
      let lower = line.lowercased()
      return ["liebe ", "lieber ", "sehr geehrte", "hallo", "guten tag"].contains { lower.hasPrefix($0) }
    }
    var chosen = lines.first.map(clean) ?? ""
    for line in lines.prefix(4) {
      let candidate = clean(line)
      if candidate.isEmpty || isKicker(candidate) { continue }
      if !isSalutation(candidate) { chosen = candidate }
      break
    }
    if chosen.count > 200 {
      let cut = chosen.prefix(200)
      chosen = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }
    return chosen.isEmpty ? nil : chosen
  }

  static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// `000_3caed95846010113.txt` → `p000_3caed95846010113`.
  static func defaultSourceID(_ fileName: String) -> String {
    var stem = baseName(fileName)
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
    var id = Slug.make(stem, maxLength: 64)
    if id.isEmpty { id = "protocol" }
    if let first = id.first, first.isNumber { id = "p" + id }
    return id
  }
}
