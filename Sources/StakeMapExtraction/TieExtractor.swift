import StakeMapModel

/// A proposed tie between two actors, with the words it rests on.
struct ProposedTie: Sendable, Equatable {
  /// Stakeholder indices, the active party first.
  var a: Int
  var b: Int
  var kind: RelationKind
  /// Range in the cleaned text of the evidence.
  var range: Range<Int>
  /// One party is named outside the sentence (the respondent of the protocol, the host of
  /// the event): a context tie, proposed only on request.
  var fromContext: Bool
  /// `planned` for a stated goal or plan, `desired` for a wish (GUIDELINES 4.7).
  var status: RelationStatus = .existing
  /// Mentions the tie rests on (named or stand-ins for anaphors), to tell how it was found.
  var parties: [Int] = []
  /// How a party named outside the sentence or only indirectly was found.
  var inference: TieInference? = nil
  /// The anaphor as written, for `coreference` and `publisher`.
  var anaphor: String? = nil
}

/// A cue phrase found in a segment.
struct Cue: Sendable, Equatable {
  enum Role: Sendable, Equatable {
    /// Relates the subject before it to the object after it ("X kooperiert mit Y").
    case between
    /// Relates the named party to the host of the event ("moderiert", "Inputvortrag von").
    case withHost
    /// Relates the named party to the respondent of the protocol ("Die GWG unterstützt
    /// finanziell", "Mitarbeit im Netzwerk …", "Kooperationspartner").
    case withRespondent
  }

  var kind: RelationKind
  var role: Role
  /// Token range of the cue.
  var tokens: Range<Int>
  /// A goal, not a fact.
  var planned = false
  /// Only between coordinated subjects ("X und Y laden ein"): "X lädt Y ein" is no tie.
  var mutualOnly = false
}

/// Stage 8: ties from cooperation cues within one sentence or list item.
///
/// A tie needs two named actors (mentions, not pronouns or bare heads) in the same sentence and
/// an explicit cue between them (GUIDELINES 4.1–4.2):
///
/// | cue | kind |
/// |---|---|
/// | in Kooperation mit, kooperiert (…) mit, Zusammenarbeit mit, zusammen mit, gemeinsam mit, Partner | cooperation |
/// | unterstützt finanziell, finanziert, fördert | funding |
/// | stellt Räume/Räumlichkeiten … zur Verfügung, Überlassung von Räumen | space_provision |
/// | personelle Ressourcen / Personal … zur Verfügung | personnel |
/// | berät | advice |
/// | Mitarbeit im, Mitglied im, ist Teil von | membership |
/// | vermittelt an, verweist an | referral |
/// | unter Federführung, beauftragt, im Auftrag; Ziel des X ist die Umsetzung/Gründung … (planned) | other |
/// | unterstützt (other), stellt … zur Verfügung (other things), mit Unterstützung von | cooperation |
///
/// The subject is the nearest actor before the cue, the object the nearest after it (with the
/// actors coordinated with it); a sentence-initial "Gemeinsam mit Y …" needs the other party
/// later in the sentence. With the verb second ("Seit 2017 arbeitet X eng mit Y zusammen") the
/// cue is the "mit". "Kooperation zwischen X und Y" ties the two after it; "X und Y kooperieren"
/// the coordinated subjects of a mutual cue; "X wird von Y finanziell unterstützt" (passive) Y
/// to X. Co-listing ("Teilnehmende waren X, Y und Z", "X und Y bieten …") gives
/// no tie: no cue stands between the actors. A unit named with its parent in one phrase ("Amt …
/// der Stadt Leipzig") is a membership tie (4.3).
///
/// Context ties (4.6, only on request): a cue with one named actor, whose other party is the
/// respondent of the protocol (the actor named in the answer to its first question) or the host
/// of the event (the actor that "lud … ein"): participation ("moderiert", "Begrüßung durch",
/// "Teilnehmende waren"), knowledge transfer ("Inputvortrag von", "Vortrag", "Expertise"),
/// support and membership of the respondent.
enum TieExtractor {
  static func cues(in tokens: [Token]) -> [Cue] {
    var cues: [Cue] = []
    let lower = tokens.map(\.lower)
    let n = tokens.count
    func word(_ k: Int) -> String { k >= 0 && k < n ? lower[k] : "" }
    func sentenceHas(_ words: Set<String>) -> Int? { lower.firstIndex(where: words.contains) }
    for k in 0..<n where tokens[k].isWord {
      let w = lower[k]
      switch w {
      case "kooperation", "zusammenarbeit", "kooperationsvereinbarung", "partnerschaft":
        if word(k + 1) == "mit" {
          let start = word(k - 1) == "in" ? k - 1 : k
          cues.append(Cue(kind: .cooperation, role: .between, tokens: start..<(k + 2)))
        } else if word(k + 1) == "zwischen" {
          // "Kooperation zwischen X und Y": both parties after the cue.
          cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(k + 2)))
        }
      case "kooperiert", "kooperieren", "kooperierte", "kooperierten", "arbeitet",
        "arbeiten":
        if w.hasPrefix("arbeit") {
          guard lower[(k + 1)...].prefix(22).contains("zusammen") else { continue }
        }
        // Verb second: "Seit 2017 arbeitet die Fachstelle X eng mit der Y zusammen" — the
        // subject stands between the verb and "mit", so the cue reaches to "mit".
        if let mit = lower[(k + 1)...].prefix(8).firstIndex(of: "mit") {
          cues.append(Cue(kind: .cooperation, role: .between, tokens: mit..<(mit + 1)))
        } else {
          cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(k + 1)))
        }
      case "zusammen", "gemeinsam":
        if word(k + 1) == "mit" {
          cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(k + 2)))
        } else if w == "gemeinsam" {
          // "Die X und die Y erarbeiten gemeinsam einen Entwurf".
          cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(k + 1), mutualOnly: true))
        }
      case "kooperationspartner", "kooperationspartnerin", "partner", "partnerin":
        cues.append(Cue(kind: .cooperation, role: .withRespondent, tokens: k..<(k + 1)))
      case "unterstützt", "unterstützen", "unterstützte":
        let financial = lower[(k + 1)...].prefix(10).contains { $0.hasPrefix("finanziell") }
          || word(k - 1) == "finanziell"
        cues.append(
          Cue(kind: financial ? .funding : .cooperation, role: .withRespondent,
              tokens: k..<(k + (financial ? 2 : 1))))
      case "finanziert", "finanzieren", "fördert", "fördern", "gefördert":
        cues.append(Cue(kind: .funding, role: .withRespondent, tokens: k..<(k + 1)))
      case "stellt", "stellen", "stellte", "stellten", "bereitgestellt", "gestellt":
        // "… stellen ihre Angebote vor" is a presentation (the "vor" case below).
        if lower.last(where: { $0 != "." && $0 != "!" }) == "vor" { continue }
        // "stellt … zur Verfügung": the kind follows what is provided (rooms, staff). Verb
        // last ("soll … zur Verfügung stellen"): what is provided stands before "zur".
        let provided: ArraySlice<String>
        if let v = lower.indices.first(where: { lower[$0] == "verfügung" && $0 > k }),
          v - k <= 24 || w == "bereitgestellt"
        {
          provided = lower[k..<v]
        } else if word(k - 1) == "verfügung" || (word(k - 1) == "zu" && word(k - 2) == "verfügung") {
          provided = lower[max(0, k - 14)..<k]
        } else {
          continue
        }
        let rooms = [
          "raum", "räume", "räumen", "räumlichkeiten", "wohnung", "wohnungen", "büro", "büros",
          "fläche", "flächen", "lokal", "lokale", "laden", "läden", "treffpunkt", "grundstück",
          "grundstücke", "gebäude", "haus", "häuser", "apartment", "apartments", "zimmer",
        ]
        if provided.contains(where: { p in rooms.contains { p.hasSuffix($0) } }) {
          cues.append(Cue(kind: .spaceProvision, role: .withRespondent, tokens: k..<(k + 1)))
        }
        if provided.contains(where: { ["personal", "personelle", "mitarbeiter", "mitarbeitende"].contains($0) }) {
          cues.append(Cue(kind: .personnel, role: .withRespondent, tokens: k..<(k + 1)))
        }
        if !provided.contains(where: { p in rooms.contains { p.hasSuffix($0) } }),
          !provided.contains(where: { ["personal", "personelle", "mitarbeiter", "mitarbeitende"].contains($0) })
        {
          cues.append(Cue(kind: .cooperation, role: .withRespondent, tokens: k..<(k + 1)))
        }
      case "überlassung":
        if lower[(k + 1)...].prefix(5).contains(where: { $0.hasPrefix("räum") || $0 == "raum" }) {
          cues.append(Cue(kind: .spaceProvision, role: .withRespondent, tokens: k..<(k + 1)))
        }
      case "berät", "beraten":
        cues.append(Cue(kind: .advice, role: .withRespondent, tokens: k..<(k + 1)))
      case "mitarbeit", "mitglied", "mitgliedschaft", "mitwirkung":
        if ["im", "in", "des", "der", "bei", "beim"].contains(word(k + 1)) {
          cues.append(Cue(kind: .membership, role: .withRespondent, tokens: k..<(k + 2)))
        }
      case "teil":
        if ["ist", "sind"].contains(word(k - 1)), ["von", "des", "der"].contains(word(k + 1)) {
          cues.append(Cue(kind: .membership, role: .between, tokens: (k - 1)..<(k + 2)))
        }
      case "vermittelt", "verweist", "vermitteln":
        cues.append(Cue(kind: .referral, role: .between, tokens: k..<(k + 1)))
      case "unterstützung":
        // "mit Unterstützung der Stadt", "finanzielle Unterstützung durch …"
        let financial = word(k - 1).hasPrefix("finanziell")
        if ["der", "des", "von", "vom", "durch"].contains(word(k + 1)) {
          cues.append(
            Cue(kind: financial ? .funding : .cooperation, role: .withRespondent,
                tokens: k..<(k + 1)))
        }
      case "federführung", "trägerschaft", "träger", "auftrag", "beauftragt", "beauftragte",
        "beauftragen", "getragen":
        cues.append(Cue(kind: .other, role: .between, tokens: k..<(k + 1)))
      case "umsetzung", "gründung", "einrichtung", "aufbau":
        // Only as a stated goal: "Ziel des X ist die Umsetzung einer Y".
        if let z = sentenceHas(["ziel"]), z < k {
          cues.append(Cue(kind: .other, role: .between, tokens: k..<(k + 1), planned: true))
        }
      case "moderiert", "moderierte", "begrüßung", "begrüßt", "moderation", "grußwort",
        "grußworte", "podium", "podiumsgespräch", "podiumsdiskussion":
        // A list of who attended ("Teilnehmende waren …") is no tie (GUIDELINES 4.7).
        cues.append(Cue(kind: .participation, role: .withHost, tokens: k..<(k + 1)))
      case "inputvortrag", "vortrag", "input", "expertise", "impulsvortrag", "impuls",
        "referiert", "referierte", "fachvortrag", "keynote", "berichten", "berichtet",
        "praxisbericht", "erläutert", "erläutern", "impulse":
        cues.append(Cue(kind: .knowledgeTransfer, role: .withHost, tokens: k..<(k + 1)))
      case "beteiligt", "beteiligen", "beteiligte", "beteiligten":
        // "X beteiligt sich am Netzwerk Y"; "Folgende … beteiligen sich am Netzwerk: A, B".
        if lower[(k + 1)...].prefix(6).contains(where: { ["am", "an"].contains($0) }) {
          cues.append(Cue(kind: .membership, role: .between, tokens: k..<(k + 1)))
        }
      case "gehört", "gehören", "angehört", "angeschlossen", "angehören":
        // "gehört zum Netzwerk", "Dem Netzwerk gehören an: …".
        if lower[(k + 1)...].prefix(4).contains(where: { ["zum", "zur", "dem", "der", "an"].contains($0) })
          || w == "angeschlossen" || w == "angehören"
        {
          cues.append(Cue(kind: .membership, role: .between, tokens: k..<(k + 1)))
        }
      case "mitglieder", "mitgliedsorganisationen", "netzwerkpartner":
        cues.append(Cue(kind: .membership, role: .between, tokens: k..<(k + 1)))
      case "förderung", "förderer", "förderin", "geldgeber", "zuwendung", "zuschuss", "mitteln":
        // "Förderung durch die Stiftung X", "mit Mitteln der X", "Förderer: X".
        if ["durch", "von", "vom", "der", "des", "aus", ":"].contains(word(k + 1))
          || w == "förderer" || w == "geldgeber"
        {
          cues.append(Cue(kind: .funding, role: .withRespondent, tokens: k..<(k + 1)))
        }
      case "kosten":
        // "übernimmt die Kosten für …": funding.
        if lower[max(0, k - 4)..<k].contains(where: { $0.hasPrefix("übernimm") || $0.hasPrefix("übernehm") || $0 == "trägt" }) {
          cues.append(Cue(kind: .funding, role: .withRespondent, tokens: k..<(k + 1)))
        }
      case "vor" where k >= 2 && (k == n - 1 || (k == n - 2 && [".", "!"].contains(lower[n - 1])))
        && lower[max(0, k - 16)..<k].contains(where: { ["stellt", "stellen", "stellte", "stellten"].contains($0) }):
        // "X und Y stellen ihre Angebote vor": a presentation at the host's event.
        cues.append(Cue(kind: .knowledgeTransfer, role: .withHost, tokens: k..<(k + 1)))
      case "vermietet", "vermieten", "vermietete", "überlässt", "überlassen":
        // "Die Genossenschaft vermietet vier Wohnungen an den Verein".
        if lower[(k + 1)...].prefix(10).contains(where: { ["an", "dem", "der"].contains($0) }) {
          cues.append(Cue(kind: .spaceProvision, role: .between, tokens: k..<(k + 1)))
        }
      case "meldet", "melden", "meldete":
        // "Seit Juli meldet die X Mietrückstände direkt an die Y": a referral.
        if lower[(k + 1)...].prefix(12).contains("an") {
          cues.append(Cue(kind: .referral, role: .between, tokens: k..<(k + 1)))
        }
      case "vereinbaren", "vereinbart", "vereinbarten", "abstimmen", "abgestimmt":
        if let mit = lower[max(0, k - 10)..<k].lastIndex(of: "mit") {
          cues.append(Cue(kind: .cooperation, role: .between, tokens: mit..<(mit + 1)))
        }
      case "angesiedelt", "verortet":
        // "… ist beim Verein X angesiedelt": a unit of X.
        if lower[max(0, k - 12)..<k].contains(where: { ["bei", "beim", "im"].contains($0) }) {
          cues.append(Cue(kind: .membership, role: .between, tokens: k..<(k + 1)))
        }
      case "gemeinsame", "gemeinsamen", "gemeinsames", "gemeinsamer":
        // "X und Y prüfen eine gemeinsame Sprechstunde": the coordinated subjects cooperate.
        cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(k + 1), mutualOnly: true))
      case "beherbergt", "beherbergen", "beherbergte":
        cues.append(Cue(kind: .spaceProvision, role: .between, tokens: k..<(k + 1)))
      case "räumen", "räumlichkeiten":
        // "in den Räumen der X": X provides the space.
        if word(k - 1) == "den", word(k - 2) == "in", ["der", "des", "von"].contains(word(k + 1)) {
          cues.append(Cue(kind: .spaceProvision, role: .withRespondent, tokens: (k - 2)..<(k + 1)))
        }
      case "initiiert", "initiierte", "initiierten", "initiiertes", "angestoßen", "angestoßene":
        cues.append(Cue(kind: .other, role: .between, tokens: k..<(k + 1)))
      case "zusammenarbeiten", "zusammenarbeitet", "zusammengearbeitet", "zusammenzuarbeiten",
        "vernetzen", "vernetzt", "austausch", "abstimmung":
        // Verb last: "… möchte stärker mit X zusammenarbeiten": the cue is the "mit".
        if let mit = lower[max(0, k - 10)..<k].lastIndex(of: "mit") {
          cues.append(Cue(kind: .cooperation, role: .between, tokens: mit..<(mit + 1)))
        } else if word(k + 1) == "mit" || (w == "austausch" && word(k + 2) == "mit") {
          let mit = word(k + 1) == "mit" ? k + 1 : k + 2
          cues.append(Cue(kind: .cooperation, role: .between, tokens: k..<(mit + 1)))
        }
      case "laden", "luden", "veranstalten", "veranstalteten", "organisieren", "ausgerichtet",
        "veranstaltet", "gastgeber":
        // Co-hosts cooperate: "X und Y laden … ein", "veranstaltet von X und Y".
        cues.append(
          Cue(kind: .cooperation, role: .between, tokens: k..<(k + 1), mutualOnly: true))
      default:
        break
      }
    }
    return cues
  }

  struct Roles: Sendable {
    var respondent: Int?
    /// The hosts of the event the text describes: one, or co-hosts ("X und Y laden ein").
    var hosts: [Int] = []
  }

  static func extract(
    _ resolution: ActorResolution, _ segmented: SegmentedText, roles: Roles,
    includeContext: Bool, anaphors: [ResolvedAnaphor] = []
  ) -> [ProposedTie] {
    var ties: [ProposedTie] = []
    let anaphorOf = Dictionary(anaphors.map { ($0.mention, $0) }, uniquingKeysWith: { a, _ in a })
    var mentionsBySegment: [Int: [Int]] = [:]
    for (i, m) in resolution.mentions.enumerated() where resolution.actorOfMention[i] != nil {
      mentionsBySegment[m.segment, default: []].append(i)
    }
    func actor(_ m: Int) -> Int { resolution.actorOfMention[m]! }
    func isNamed(_ m: Int) -> Bool { anaphorOf[m] == nil }

    // Structural membership: "Amt … der Stadt Leipzig".
    for (i, m) in resolution.mentions.enumerated() {
      guard let p = m.parent, let a = resolution.actorOfMention[i],
        let b = resolution.actorOfMention[p], a != b
      else { continue }
      let range = m.range.lowerBound..<resolution.mentions[p].range.upperBound
      ties.append(ProposedTie(a: a, b: b, kind: .membership, range: range, fromContext: false))
    }

    // The subject of the last sentence (with the parties coordinated with it).
    var previousSubjects: [Int] = []
    // A host cue on a line of its own ("Keynote:", "Moderation:") applies to the next line.
    var pendingHostCue: Cue? = nil
    // A lead-in ending in a colon whose cue relates its owner to the items that follow.
    var leadIn: (owner: Int, kind: RelationKind, status: RelationStatus, inference: TieInference?)? = nil

    for s in segmented.segments.indices {
      let segment = segmented.segments[s]
      let ms = (mentionsBySegment[s] ?? []).sorted {
        resolution.mentions[$0].tokens.lowerBound < resolution.mentions[$1].tokens.lowerBound
      }
      defer {
        // Items (attendance lists, offers) have no subject that a later sentence continues.
        if segment.kind == .sentence {
          if let first = subject(ms, resolution, segment), let i = ms.firstIndex(of: first) {
            previousSubjects = coordinatedRun(Array(ms[i...]), resolution, segment).map(actor)
          } else {
            previousSubjects = []
          }
        } else {
          previousSubjects = []
        }
      }
      // Items under a lead-in: each named item is tied to the lead-in's owner.
      if segment.kind == .item, let lead = leadIn {
        // The item must name a body at its start ("- Verein X e.V. …"), not a topic.
        for m in ms.prefix(1) where isNamed(m) && actor(m) != lead.owner
          && resolution.mentions[m].tokens.lowerBound <= 2
        {
          ties.append(
            ProposedTie(
              a: actor(m), b: lead.owner, kind: lead.kind, range: segment.range,
              fromContext: false, status: lead.status, parties: [m],
              inference: .heading))
        }
      } else if segment.kind != .item {
        leadIn = nil
      }
      guard segment.kind != .heading || segment.tokens.last?.lower == ":" else { continue }
      // Parents of a unit in the same phrase are no parties of other cues.
      let parents = Set(ms.compactMap { resolution.mentions[$0].parent })
      let parties = ms.filter { !parents.contains($0) }
      // A negated or ended relation is no tie ("wird nicht fortgeführt", "arbeitet nicht mehr
      // mit …", "lehnt eine Kooperation ab").
      let cues = isNegated(segment.tokens) ? [] : cues(in: segment.tokens)
      let sentenceStatus = status(of: segment.tokens)
      let distinct = Set(parties.map(actor))
      let colon = segment.tokens.lastIndex { $0.lower == ":" }
      for cue in cues where cue.role != .withHost {
        // Status words count up to the end of the cue's clause: "kooperiert mit X und plant
        // ein Fest" is an existing tie.
        let status = status(of: Array(segment.tokens[..<clauseEnd(segment.tokens, after: cue.tokens.upperBound)]))
        // "Folgende Initiativen beteiligen sich am Netzwerk: A, B und C" — the owner before
        // the colon, the listed parties after it.
        if let colon, colon > cue.tokens.lowerBound {
          let owners = Set(parties.filter { resolution.mentions[$0].tokens.upperBound <= colon }.map(actor))
          let listed = parties.filter { resolution.mentions[$0].tokens.lowerBound > colon }
          if owners.count == 1, let owner = owners.first {
            // Members, partners, funders: not "berät zu folgenden Themen:".
            if listed.isEmpty, includeContext, [.membership, .cooperation, .funding].contains(cue.kind) {
              leadIn = (owner, cue.kind, status, nil)
            }
            for m in listed where actor(m) != owner {
              ties.append(
                ProposedTie(
                  a: actor(m), b: owner, kind: cue.kind, range: segment.range, fromContext: false,
                  status: status, parties: [m] + parties.filter { actor($0) == owner }.prefix(1)))
            }
            continue
          }
        }
        if distinct.count >= 2 {
          let found = between(cue, parties, resolution, segment, s)
          if !found.isEmpty {
            ties += found.map { var t = $0; if t.status == .existing { t.status = status }; return t }
            continue
          }
        }
        guard !cue.mutualOnly else { continue }
        // No party before the cue: a clause without a named subject ("Die Befragung findet in
        // Kooperation mit A und B statt") belongs to the previous sentence's subject.
        let before = parties.filter { resolution.mentions[$0].tokens.upperBound <= cue.tokens.lowerBound }
        let after = parties.filter { resolution.mentions[$0].tokens.lowerBound >= cue.tokens.upperBound }
        // An event's funder or sponsor ("Der Fachtag wird gefördert durch die Stiftung X";
        // "die Y übernimmt die Kosten"): tied to the event's hosts.
        if includeContext, cue.kind == .funding, !roles.hosts.isEmpty, mentionsEvent(segment) {
          for m in parties where !roles.hosts.contains(actor(m)) {
            for host in roles.hosts {
              ties.append(
                ProposedTie(
                  a: actor(m), b: host, kind: .funding, range: segment.range, fromContext: true,
                  status: status, parties: [m], inference: .host))
            }
          }
          continue
        }
        let subjects = previousSubjects.filter { s in !after.contains { actor($0) == s } }
        // Only a prepositional cue ("in Kooperation mit", "gemeinsam mit") or a passive: an
        // active verb has its own subject, often after it ("Seit 2022 beauftragt die Stadt X …").
        let cueWords = segment.tokens[cue.tokens].map(\.lower)
        let prepositional = cueWords.contains("mit") || ["kooperation", "zusammenarbeit", "unterstützung", "förderung"].contains(cueWords.first ?? "")
        let passive = segment.tokens.contains { ["wird", "wurde", "werden", "wurden"].contains($0.lower) }
        if includeContext, before.isEmpty, !after.isEmpty, cue.role == .between || cue.kind == .funding,
          prepositional || passive, !subjects.isEmpty, startsWithoutActor(segment)
        {
          let objects = coordinatedRun(after, resolution, segment)
          for subject in subjects {
            for o in objects {
              ties.append(
                ProposedTie(
                  a: subject, b: actor(o), kind: cue.kind, range: segment.range, fromContext: false,
                  status: status, parties: [o], inference: .previousSubject))
            }
          }
          if jointCue(cue, segment.tokens) { ties += clique(objects, cue, segment.range, status, resolution) }
          continue
        }
        // In a question protocol, "Seit 2024 besteht eine Kooperationsvereinbarung mit X"
        // without a subject is the answering organisation's.
        if includeContext, before.isEmpty, !after.isEmpty, prepositional, subjects.isEmpty,
          let respondent = roles.respondent, !after.contains(where: { actor($0) == respondent })
        {
          for o in coordinatedRun(after, resolution, segment) {
            ties.append(
              ProposedTie(
                a: respondent, b: actor(o), kind: cue.kind, range: segment.range, fromContext: true,
                status: status, parties: [o], inference: .respondent))
          }
          continue
        }
        // A passive with its agent only ("Das Trainingswohnen wurde von der Stiftung X
        // finanziert"): the thing funded belongs to the previous sentence's subject.
        if includeContext, distinct.count == 1, let named = parties.first, startsWithoutActor(segment),
          [.funding, .spaceProvision, .advice, .cooperation].contains(cue.kind),
          !subjects.isEmpty, isPassiveAgent(named, resolution, segment)
        {
          for subject in subjects where subject != actor(named) {
            ties.append(
              ProposedTie(
                a: actor(named), b: subject, kind: cue.kind, range: segment.range, fromContext: false,
                status: status, parties: [named], inference: .previousSubject))
          }
          continue
        }
        // One named party: the other one is the respondent (context tie).
        guard includeContext, cue.role == .withRespondent, distinct.count == 1,
          let named = parties.first
        else { continue }
        let other = roles.respondent ?? (cue.kind == .funding ? roles.hosts.first : nil)
        guard let other, actor(named) != other else { continue }
        let (a, b) = cue.kind == .membership ? (other, actor(named)) : (actor(named), other)
        ties.append(
          ProposedTie(
            a: a, b: b, kind: cue.kind, range: segment.range, fromContext: true, status: status,
            parties: [named], inference: roles.respondent != nil ? .respondent : .host))
      }
      // Host cues: each party takes the nearest cue before it (else after it); parties named
      // as the topic of a talk ("über …") are no parties.
      var hostCues = cues.filter { $0.role == .withHost }
      let guests = parties.filter { !roles.hosts.contains(actor($0)) && isNamed($0) }
      // Only programme lines: a short cue line ("Keynote: „…“", "Begrüßung") and a short
      // line naming who ("Dr. A, Institut B").
      if hostCues.isEmpty, cues.isEmpty, let pending = pendingHostCue, !guests.isEmpty,
        segment.tokens.count <= 20
      {
        hostCues = [Cue(kind: pending.kind, role: .withHost, tokens: 0..<0)]
      }
      pendingHostCue =
        !hostCues.isEmpty && guests.isEmpty && segment.tokens.count <= 24 ? hostCues.last : nil
      if includeContext, !roles.hosts.isEmpty, !hostCues.isEmpty {
        let topic = segment.tokens.firstIndex { $0.lower == "über" }
        for m in guests {
          let t = resolution.mentions[m].tokens
          if let topic, t.lowerBound > topic { continue }
          let cue =
            hostCues.last { $0.tokens.upperBound <= t.lowerBound }
            ?? hostCues.first { $0.tokens.lowerBound >= t.upperBound }
          guard let cue else { continue }
          for host in roles.hosts {
            ties.append(
              ProposedTie(
                a: actor(m), b: host, kind: cue.kind, range: segment.range, fromContext: true,
                status: sentenceStatus, parties: [m], inference: .host))
          }
        }
      }
    }
    // How each tie was found: the first anaphor among its parties.
    for i in ties.indices where ties[i].inference == nil {
      if let anaphor = ties[i].parties.lazy.compactMap({ anaphorOf[$0] }).first {
        ties[i].inference = anaphor.inference
        ties[i].anaphor = anaphor.text
      }
    }
    for i in ties.indices where ties[i].anaphor == nil && ties[i].inference != nil {
      ties[i].anaphor = ties[i].parties.lazy.compactMap { anaphorOf[$0]?.text }.first
    }
    // One tie per pair and kind, the first evidence kept; a tie stated in one sentence wins
    // over the same tie inferred.
    var seen = Set<String>()
    var unique: [ProposedTie] = []
    let ordered = ties.enumerated().sorted {
      ($0.element.inference == nil ? 0 : 1, $0.offset) < ($1.element.inference == nil ? 0 : 1, $1.offset)
    }.map(\.element)
    for tie in ordered where tie.a != tie.b {
      let key = "\(min(tie.a, tie.b))-\(max(tie.a, tie.b))-\(tie.kind.rawValue)"
      if seen.insert(key).inserted { unique.append(tie) }
    }
    return unique
  }

  /// The grammatical subject among the parties of a sentence, roughly: the first party that
  /// no preposition governs, within the first eight words ("Gemeinsam mit X plant der Verein"
  /// → der Verein; "Die GWG unterstützt …" → GWG).
  static func subject(_ parties: [Int], _ resolution: ActorResolution, _ segment: Segment) -> Int? {
    for m in parties {
      let start = resolution.mentions[m].tokens.lowerBound
      guard start <= 8 else { return nil }
      var k = start - 1
      while k >= 0, GermanLexicon.definiteArticles.contains(segment.tokens[k].lower)
        || (segment.tokens[k].isWord && !segment.tokens[k].isCapitalized
          && DiscourseResolver.isAdjective(segment.tokens[k].lower))
      {
        k -= 1
      }
      if k >= 0 {
        let w = segment.tokens[k].lower
        if GermanLexicon.prepositions.contains(w) || GermanLexicon.contractions[w] != nil { continue }
        // A genitive attribute: "Mit Unterstützung der Stadt X bietet …".
        if k < start - 1, ["der", "des"].contains(segment.tokens[k + 1].lower), segment.tokens[k].isCapitalized, k > 0 {
          continue
        }
      }
      return m
    }
    return nil
  }

  /// Whether the sentence negates or ends a relation: "nicht" (but not "nicht nur"), "kein…",
  /// "nie", "lehnt … ab", "abgelehnt", "beendet", "eingestellt", "nicht mehr".
  static func isNegated(_ tokens: [Token]) -> Bool {
    let lower = tokens.map(\.lower)
    for (k, w) in lower.enumerated() {
      switch w {
      case "nicht":
        if k + 1 < lower.count, ["nur", "zuletzt", "selten", "immer"].contains(lower[k + 1]) { continue }
        return true
      case "kein", "keine", "keinen", "keiner", "nie", "niemals", "abgelehnt", "beendet",
        "eingestellt", "gekündigt", "ausgelaufen":
        return true
      case "lehnt", "lehnen", "lehnte":
        if lower[(k + 1)...].contains("ab") { return true }
      default: continue
      }
    }
    return false
  }

  /// Planned or desired, from the words of the sentence (GUIDELINES 4.7); else existing.
  static func status(of tokens: [Token]) -> RelationStatus {
    let desired: Set<String> = [
      "wünscht", "wünschen", "wünschte", "wünschenswert", "möchte", "möchten", "wunsch",
      "erhofft", "erhoffen", "bräuchte", "bräuchten", "würde", "würden",
    ]
    let planned: Set<String> = [
      "plant", "planen", "plante", "planten", "geplant", "geplante", "geplanten", "soll",
      "sollen", "künftig", "zukünftig", "demnächst", "vorgesehen", "beabsichtigt",
      "beabsichtigen", "angestrebt", "will", "wollen", "voraussichtlich", "entstehen", "prüfen",
      "prüft",
    ]
    var result = RelationStatus.existing
    let lower = tokens.map(\.lower)
    for (k, w) in lower.enumerated() {
      if desired.contains(w) { return .desired }
      // "braucht mehr Austausch mit …"
      if ["braucht", "brauchen", "benötigt"].contains(w), lower[(k + 1)...].prefix(3).contains("mehr") {
        return .desired
      }
      if planned.contains(w) { result = .planned }
    }
    // "… wird ab 2027 von X gefördert werden": a future passive.
    if lower.last(where: { $0 != "." }) == "werden", lower.contains("wird") || lower.contains("soll") {
      result = .planned
    }
    return result
  }

  /// The sentence is about an event ("Der Fachtag wird gefördert …", "die Verpflegung").
  static func mentionsEvent(_ segment: Segment) -> Bool {
    segment.tokens.contains {
      GermanLexicon.eventNouns[$0.lower] != nil
        || ["fachtag", "fachtagung", "tagung", "veranstaltung", "konferenz", "kongress", "verpflegung",
            "fachtags", "veranstaltungsreihe"].contains($0.lower)
    }
  }

  /// The party is the agent of a passive: "von/vom/durch X" with "wird/wurde … (ge)…t".
  static func isPassiveAgent(_ m: Int, _ resolution: ActorResolution, _ segment: Segment) -> Bool {
    let start = resolution.mentions[m].tokens.lowerBound
    let before = segment.tokens[max(0, start - 3)..<start].map(\.lower)
    guard before.contains(where: { ["von", "vom", "durch", "über"].contains($0) }) else { return false }
    return segment.tokens.contains { ["wird", "wurde", "werden", "wurden", "ist", "sind"].contains($0.lower) }
  }

  /// The index after the clause that contains `position`: the next ";" or ",", or an "und",
  /// "sowie" or "aber" followed by a lower-case word (a second verb: "… und plant …").
  static func clauseEnd(_ tokens: [Token], after position: Int) -> Int {
    var k = position
    while k < tokens.count {
      let w = tokens[k].lower
      if w == ";" || w == "," { return k }
      if ["und", "sowie", "aber"].contains(w), k + 1 < tokens.count, tokens[k + 1].isWord,
        !tokens[k + 1].isCapitalized, !GermanLexicon.isFunctionWord(tokens[k + 1].lower)
      {
        return k
      }
      k += 1
    }
    return tokens.count
  }

  /// The sentence does not open with a named party: "Die Befragung findet … statt".
  static func startsWithoutActor(_ segment: Segment) -> Bool {
    guard let first = segment.tokens.first else { return false }
    // People are no lead partner: "Die Mieterinnen arbeiten eng mit der Stadt X zusammen".
    if segment.tokens.count > 1 {
      let noun = segment.tokens[1].lower
      let people: Set<String> = [
        "mieter", "bewohner", "menschen", "familien", "kinder", "jugendliche", "senioren",
        "teilnehmende", "teilnehmer", "ehrenamtliche", "nachbarn", "haushalte", "gäste", "bürger",
        "frauen", "männer", "studierende", "beschäftigten", "mitarbeitenden", "fachkräfte",
      ]
      if people.contains(noun) || noun.hasSuffix("innen") { return false }
      // "Die Genossenschaft arbeitet …" with no clear antecedent: a body is meant, only not
      // which one; no guessing by the previous subject.
      if GermanLexicon.head(of: segment.tokens[1]) != nil { return false }
    }
    // "Zwei Gruppen wurden an die Stiftung X vermittelt": a number of things or people.
    if first.kind == .number || ["zwei", "drei", "vier", "fünf", "mehrere", "einige", "viele", "alle"].contains(first.lower) {
      return true
    }
    return GermanLexicon.definiteArticles.contains(first.lower)
      || ["es", "dabei", "hierbei", "dazu", "außerdem", "zudem", "auch", "gemeinsam", "in",
          "mit", "zusammen", "seit", "ab", "im", "unterstützt", "gefördert"].contains(first.lower)
  }

  /// A cue of joint action: all parties named after it work together ("in Kooperation mit A
  /// und B", "gemeinsam mit A und B").
  static func jointCue(_ cue: Cue, _ tokens: [Token]) -> Bool {
    guard cue.kind == .cooperation else { return false }
    let first = tokens[cue.tokens.lowerBound].lower
    return ["in", "kooperation", "gemeinsam", "zusammen"].contains(first)
  }

  /// Ties among the coordinated objects of a joint cue.
  static func clique(
    _ objects: [Int], _ cue: Cue, _ range: Range<Int>, _ status: RelationStatus,
    _ resolution: ActorResolution
  ) -> [ProposedTie] {
    var result: [ProposedTie] = []
    for i in objects.indices {
      for j in objects.indices where j > i {
        let (a, b) = (resolution.actorOfMention[objects[i]]!, resolution.actorOfMention[objects[j]]!)
        if a != b {
          result.append(
            ProposedTie(
              a: a, b: b, kind: cue.kind, range: range, fromContext: false, status: status,
              parties: [objects[i], objects[j]]))
        }
      }
    }
    return result
  }

  /// Whether the words between two parties coordinate them: "und", "sowie", "oder", "&" or a
  /// comma first, after a closing bracket or quote ("X gGmbH (XY) und das Z"), and at most
  /// `limit` words in all (an article may follow: "und dem").
  static func joins(_ gap: [String], limit: Int) -> Bool {
    let rest = gap.drop { [")", "“", "\"", "»", "‘"].contains($0) }
    guard let first = rest.first, rest.count <= limit else { return false }
    return ["und", ",", "sowie", "oder", "&"].contains(first)
  }

  /// The first party and those coordinated with it ("mit X, Y und Z").
  static func coordinatedRun(_ after: [Int], _ resolution: ActorResolution, _ segment: Segment) -> [Int] {
    guard let first = after.first else { return [] }
    var run = [first]
    var conjunction = false
    for m in after.dropFirst() {
      let previousEnd = resolution.mentions[run.last!].tokens.upperBound
      let gap = segment.tokens[previousEnd..<resolution.mentions[m].tokens.lowerBound].map(\.lower)
      let joined = joins(gap, limit: 3)
      if joined { run.append(m) } else { break }
      if gap.contains(where: { ["und", "sowie", "oder", "&"].contains($0) }) { conjunction = true }
    }
    // Commas alone do not make a list: "an die Fachstelle, die Diakonie bietet …" starts a
    // new clause. A list ends in "und", "sowie" or "oder".
    return conjunction ? run : [first]
  }

  static func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
    if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
    if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
    return 0
  }

  /// Subject before the cue, object (and actors coordinated with it) after it.
  static func between(
    _ cue: Cue, _ parties: [Int], _ resolution: ActorResolution, _ segment: Segment, _ s: Int
  ) -> [ProposedTie] {
    let mentions = resolution.mentions
    func actor(_ m: Int) -> Int { resolution.actorOfMention[m]! }
    let tokens = segment.tokens
    let before = parties.filter { mentions[$0].tokens.upperBound <= cue.tokens.lowerBound }
    let after = parties.filter { mentions[$0].tokens.lowerBound >= cue.tokens.upperBound }
    func coordinated(_ x: Int, _ y: Int) -> Bool {
      let gap = tokens[mentions[x].tokens.upperBound..<mentions[y].tokens.lowerBound].map(\.lower)
      return joins(gap, limit: 3)
    }
    func tie(_ x: Int, _ y: Int, _ range: Range<Int>) -> [ProposedTie] {
      actor(x) == actor(y)
        ? []
        : [
          ProposedTie(
            a: actor(x), b: actor(y), kind: cue.kind, range: range, fromContext: false,
            status: cue.planned ? .planned : .existing, parties: [x, y])
        ]
    }
    // "X ist beim Verein Y angesiedelt": the subject is a unit of the body after "bei".
    if ["angesiedelt", "verortet"].contains(tokens[cue.tokens.lowerBound].lower) {
      guard
        let parent = before.last(where: { m in
          tokens[max(0, mentions[m].tokens.lowerBound - 3)..<mentions[m].tokens.lowerBound]
            .contains { ["bei", "beim", "im"].contains($0.lower) }
        }),
        let unit = subject(parties, resolution, segment), actor(unit) != actor(parent),
        mentions[unit].tokens.upperBound <= mentions[parent].tokens.lowerBound
      else { return [] }
      return tie(unit, parent, segment.range)
    }
    // Passive with its agent before the participle: "Das Quartiersmanagement wird durch das
    // Amt X beauftragt und von der Y gGmbH getragen" — the agent acts on the sentence's
    // subject, not on a party named after it.
    if let agent = before.last, cue.tokens.lowerBound - mentions[agent].tokens.upperBound <= 3,
      tokens[max(0, mentions[agent].tokens.lowerBound - 2)..<mentions[agent].tokens.lowerBound]
        .contains(where: { ["von", "vom", "durch"].contains($0.lower) }),
      tokens[..<cue.tokens.lowerBound].contains(where: { ["wird", "wurde", "werden", "wurden"].contains($0.lower) }),
      let patient = subject(parties, resolution, segment), actor(patient) != actor(agent),
      mentions[patient].tokens.upperBound <= mentions[agent].tokens.lowerBound
    {
      return tie(agent, patient, segment.range)
    }
    // Co-hosts: "X und Y laden … ein", "veranstaltet von X und Y" — only coordinated parties
    // right before or after the cue.
    if cue.mutualOnly {
      let nearBefore = before.suffix(2)
      if nearBefore.count == 2, coordinated(nearBefore.first!, nearBefore.last!),
        cue.tokens.lowerBound - mentions[nearBefore.last!].tokens.upperBound <= 6
      {
        return tie(nearBefore.first!, nearBefore.last!, segment.range)
      }
      let nearAfter = Array(after.prefix(2))
      if nearAfter.count == 2, coordinated(nearAfter[0], nearAfter[1]),
        mentions[nearAfter[0]].tokens.lowerBound - cue.tokens.upperBound <= 3
      {
        return tie(nearAfter[0], nearAfter[1], segment.range)
      }
      return []
    }
    // "Kooperation zwischen X und Y".
    if tokens[cue.tokens.upperBound - 1].lower == "zwischen", after.count >= 2,
      coordinated(after[0], after[1])
    {
      return tie(after[0], after[1], evidenceRange(segment, tokens: cue.tokens.lowerBound..<mentions[after[1]].tokens.upperBound))
    }
    // No party after the cue: "X und Y kooperieren seit 2018" (coordinated subjects of a
    // mutual cue), "X wird von Y finanziell unterstützt" (passive).
    if after.isEmpty || mentions[after[0]].tokens.lowerBound - cue.tokens.upperBound > 8 {
      // "in Kooperation mit", "gemeinsam mit" need their partner after them.
      if tokens[cue.tokens.upperBound - 1].lower == "mit", !after.isEmpty || before.count < 2 {
        return []
      }
      // "A, B und C kooperieren seit 2019": every pair of the coordinated subjects.
      if let last = before.last, cue.kind == .cooperation, tokens[cue.tokens.upperBound - 1].lower != "mit",
        cue.tokens.lowerBound - mentions[last].tokens.upperBound <= 12
      {
        var group = [last]
        var i = before.count - 1
        while i > 0, coordinated(before[i - 1], before[i]) {
          group.insert(before[i - 1], at: 0)
          i -= 1
        }
        if group.count >= 3 {
          return clique(group, cue, segment.range, cue.planned ? .planned : .existing, resolution)
        }
      }
      let near = before.filter { cue.tokens.lowerBound - mentions[$0].tokens.upperBound <= 12 }
      guard near.count == 2, Set(near.map(actor)).count == 2, Set(before.map(actor)).count == 2
      else { return [] }
      let evidence = evidenceRange(
        segment, tokens: mentions[near[0]].tokens.lowerBound..<cue.tokens.upperBound)
      if coordinated(near[0], near[1]) {
        return cue.kind == .cooperation && tokens[cue.tokens.upperBound - 1].lower != "mit"
          ? tie(near[0], near[1], evidence) : []
      }
      // Verb last: "… soll die X GmbH dem Y eine Wohnung zur Verfügung stellen" — subject
      // first, the receiver second.
      if ["stellen", "gestellt"].contains(tokens[cue.tokens.lowerBound].lower)
        || ["vermietet", "vermieten", "meldet", "melden", "angehört", "angehören"].contains(
          tokens[cue.tokens.lowerBound].lower)
      {
        return tie(near[0], near[1], evidence)
      }
      // Passive: the party after "von", "durch" or "über" is the active one ("Über das
      // Seniorenbüro werden Menschen an den Verein vermittelt").
      func isAgent(_ m: Int) -> Bool {
        let start = mentions[m].tokens.lowerBound
        return tokens[max(0, start - 3)..<start].contains { ["von", "vom", "durch", "über"].contains($0.lower) }
      }
      if isAgent(near[1]) { return tie(near[1], near[0], evidence) }
      if isAgent(near[0]), tokens.contains(where: { ["wird", "wurde", "werden", "wurden"].contains($0.lower) }) {
        return tie(near[0], near[1], evidence)
      }
      return []
    }
    let firstAfter = after[0]
    // The object and the actors coordinated with it ("mit X und Y").
    var objects = coordinatedRun(after, resolution, segment)
    var subject: Int? = nil
    if let last = before.last, cue.tokens.lowerBound - mentions[last].tokens.upperBound <= 12 {
      subject = last
    } else if before.isEmpty,
      ["gemeinsam", "zusammen", "in", "kooperation", "unterstützung"].contains(tokens[cue.tokens.lowerBound].lower)
    {
      // "Gemeinsam mit Y … X": X later in the sentence, not coordinated with Y.
      let rest = after.filter { m in !objects.contains(m) }
      if rest.count == 1, Set(after.map(actor)).count == objects.count + 1 {
        let m = rest[0]
        let previous = tokens[max(0, mentions[m].tokens.lowerBound - 3)..<mentions[m].tokens.lowerBound]
        if !previous.contains(where: { ["und", "sowie", ",", "("].contains($0.lower) }) {
          subject = m
        }
      }
    }
    // Verb second with the subject after the verb: "Seit dem Frühjahr stellt die
    // Genossenschaft dem Verein Räume zur Verfügung".
    let invertingVerbs: Set<String> = [
      "stellt", "stellte", "unterstützt", "unterstützte", "fördert", "förderte", "finanziert",
      "finanzierte", "berät", "beriet", "beherbergt", "vermittelt", "beauftragt", "beauftragte",
      "stellen", "stellten", "unterstützen", "fördern", "finanzieren", "beraten", "vermitteln",
    ]
    if subject == nil, before.isEmpty, after.count >= 2,
      invertingVerbs.contains(tokens[cue.tokens.lowerBound].lower),
      objects.count == 1, mentions[after[0]].tokens.lowerBound - cue.tokens.upperBound <= 2
    {
      let rest = coordinatedRun(Array(after.dropFirst()), resolution, segment)
      if let receiver = rest.first, actor(receiver) != actor(after[0]) {
        subject = after[0]
        objects = rest
      }
    }
    guard let subject else { return [] }
    var first = subject
    if let i = before.firstIndex(of: subject), i > 0, actor(before[i - 1]) == actor(subject),
      mentions[subject].tokens.lowerBound - mentions[before[i - 1]].tokens.upperBound <= 3
    {
      first = before[i - 1]
    }
    // Subjects coordinated with the subject: "A und B bieten in Kooperation mit C …" ties A
    // and B to C, not to each other.
    var subjects = [subject]
    if let i = before.firstIndex(of: subject) {
      var j = i
      while j > 0, coordinated(before[j - 1], before[j]) {
        subjects.insert(before[j - 1], at: 0)
        j -= 1
      }
      first = subjects.first!
    }
    let start = min(mentions[first].tokens.lowerBound, cue.tokens.lowerBound)
    let end = max(mentions[objects.last!].tokens.upperBound, cue.tokens.upperBound)
    let evidence = evidenceRange(segment, tokens: start..<end)
    var result: [ProposedTie] = []
    for subject in subjects {
      for o in objects where actor(subject) != actor(o) {
        result.append(
          ProposedTie(
            a: actor(subject), b: actor(o), kind: cue.kind, range: evidence, fromContext: false,
            status: cue.planned ? .planned : .existing, parties: [subject, o]))
      }
    }
    // "S … in Kooperation mit A und B": all three work together.
    if jointCue(cue, tokens), objects.count >= 2 {
      result += clique(objects, cue, evidence, cue.planned ? .planned : .existing, resolution)
    }
    return result
  }

  /// The whole sentence when it is short, else the clause from the first party to the last.
  static func evidenceRange(_ segment: Segment, tokens r: Range<Int>) -> Range<Int> {
    if segment.range.count <= 220 { return segment.range }
    return segment.tokens[r.lowerBound].range.lowerBound..<segment.tokens[r.upperBound - 1].range.upperBound
  }
}
