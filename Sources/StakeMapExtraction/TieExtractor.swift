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
  /// `planned` for a stated goal ("Ziel des X ist die Umsetzung einer Y").
  var status: RelationStatus = .existing
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
          guard lower[(k + 1)...].prefix(14).contains("zusammen") else { continue }
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
        }
      case "kooperationspartner", "kooperationspartnerin", "partner", "partnerin":
        cues.append(Cue(kind: .cooperation, role: .withRespondent, tokens: k..<(k + 1)))
      case "unterstützt", "unterstützen", "unterstützte":
        let financial = ["finanziell", "finanziellen"].contains(word(k + 1))
          || ["finanziell"].contains(word(k + 2)) || word(k - 1) == "finanziell"
        cues.append(
          Cue(kind: financial ? .funding : .cooperation, role: .withRespondent,
              tokens: k..<(k + (financial ? 2 : 1))))
      case "finanziert", "finanzieren", "fördert", "fördern", "gefördert":
        cues.append(Cue(kind: .funding, role: .withRespondent, tokens: k..<(k + 1)))
      case "stellt", "stellen", "stellte", "stellten", "bereitgestellt":
        // "stellt … zur Verfügung": the kind follows what is provided (rooms, staff).
        guard let v = lower.indices.first(where: { lower[$0] == "verfügung" && $0 > k }),
          v - k <= 14 || w == "bereitgestellt"
        else { continue }
        let provided = lower[k..<v]
        let rooms = ["raum", "räume", "räumlichkeiten", "wohnung", "büro", "fläche", "flächen", "lokal", "laden", "treffpunkt"]
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
      case "federführung", "trägerschaft", "träger", "auftrag", "beauftragt":
        cues.append(Cue(kind: .other, role: .between, tokens: k..<(k + 1)))
      case "umsetzung", "gründung", "einrichtung", "aufbau":
        // Only as a stated goal: "Ziel des X ist die Umsetzung einer Y".
        if let z = sentenceHas(["ziel"]), z < k {
          cues.append(Cue(kind: .other, role: .between, tokens: k..<(k + 1), planned: true))
        }
      case "moderiert", "moderierte", "begrüßung", "teilnehmende", "teilnehmer", "einladung":
        cues.append(Cue(kind: .participation, role: .withHost, tokens: k..<(k + 1)))
      case "inputvortrag", "vortrag", "input", "expertise", "impulsvortrag":
        cues.append(Cue(kind: .knowledgeTransfer, role: .withHost, tokens: k..<(k + 1)))
      default:
        break
      }
    }
    return cues
  }

  struct Roles: Sendable {
    var respondent: Int?
    var host: Int?
  }

  static func extract(
    _ resolution: ActorResolution, _ segmented: SegmentedText, roles: Roles,
    includeContext: Bool
  ) -> [ProposedTie] {
    var ties: [ProposedTie] = []
    var mentionsBySegment: [Int: [Int]] = [:]
    for (i, m) in resolution.mentions.enumerated() where resolution.actorOfMention[i] != nil {
      mentionsBySegment[m.segment, default: []].append(i)
    }
    func actor(_ m: Int) -> Int { resolution.actorOfMention[m]! }

    // Structural membership: "Amt … der Stadt Leipzig".
    for (i, m) in resolution.mentions.enumerated() {
      guard let p = m.parent, let a = resolution.actorOfMention[i],
        let b = resolution.actorOfMention[p], a != b
      else { continue }
      let range = m.range.lowerBound..<resolution.mentions[p].range.upperBound
      ties.append(ProposedTie(a: a, b: b, kind: .membership, range: range, fromContext: false))
    }

    for s in mentionsBySegment.keys.sorted() {
      let segment = segmented.segments[s]
      guard segment.kind != .heading else { continue }
      let ms = mentionsBySegment[s]!.sorted {
        resolution.mentions[$0].tokens.lowerBound < resolution.mentions[$1].tokens.lowerBound
      }
      // Parents of a unit in the same phrase are no parties of other cues.
      let parents = Set(ms.compactMap { resolution.mentions[$0].parent })
      let parties = ms.filter { !parents.contains($0) }
      let cues = cues(in: segment.tokens)
      let distinct = Set(parties.map(actor))
      for cue in cues where cue.role != .withHost {
        if distinct.count >= 2 {
          ties += between(cue, parties, resolution, segment, s)
          continue
        }
        // One named party: the other one is the respondent (context tie).
        guard includeContext, let respondent = roles.respondent, let named = parties.first,
          actor(named) != respondent
        else { continue }
        let (a, b) =
          cue.kind == .membership ? (respondent, actor(named)) : (actor(named), respondent)
        ties.append(
          ProposedTie(a: a, b: b, kind: cue.kind, range: segment.range, fromContext: true))
      }
      // Host cues: each party takes the nearest cue before it (else after it); parties named
      // as the topic of a talk ("über …") are no parties.
      let hostCues = cues.filter { $0.role == .withHost }
      if includeContext, let host = roles.host, !hostCues.isEmpty {
        let topic = segment.tokens.firstIndex { $0.lower == "über" }
        for m in parties where actor(m) != host {
          let t = resolution.mentions[m].tokens
          if let topic, t.lowerBound > topic { continue }
          let cue =
            hostCues.last { $0.tokens.upperBound <= t.lowerBound }
            ?? hostCues.first { $0.tokens.lowerBound >= t.upperBound }
          guard let cue else { continue }
          ties.append(
            ProposedTie(
              a: actor(m), b: host, kind: cue.kind, range: segment.range, fromContext: true))
        }
      }
    }
    // One tie per pair and kind, the first evidence kept.
    var seen = Set<String>()
    var unique: [ProposedTie] = []
    for tie in ties {
      let key = "\(min(tie.a, tie.b))-\(max(tie.a, tie.b))-\(tie.kind.rawValue)"
      if seen.insert(key).inserted { unique.append(tie) }
    }
    return unique
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
      return !gap.isEmpty && gap.count <= 2 && ["und", ",", "sowie", "&"].contains(gap[0])
    }
    func tie(_ x: Int, _ y: Int, _ range: Range<Int>) -> [ProposedTie] {
      actor(x) == actor(y)
        ? [] : [ProposedTie(a: actor(x), b: actor(y), kind: cue.kind, range: range, fromContext: false)]
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
      let near = before.filter { cue.tokens.lowerBound - mentions[$0].tokens.upperBound <= 12 }
      guard near.count == 2, Set(near.map(actor)).count == 2, Set(before.map(actor)).count == 2
      else { return [] }
      let evidence = evidenceRange(
        segment, tokens: mentions[near[0]].tokens.lowerBound..<cue.tokens.upperBound)
      if coordinated(near[0], near[1]) {
        return cue.kind == .cooperation ? tie(near[0], near[1], evidence) : []
      }
      // Passive: the party after "von"/"durch" is the active one.
      let agentStart = mentions[near[1]].tokens.lowerBound
      let before = tokens[max(0, agentStart - 3)..<agentStart].map(\.lower)
      guard before.contains(where: { ["von", "vom", "durch"].contains($0) }) else { return [] }
      return tie(near[1], near[0], evidence)
    }
    let firstAfter = after[0]
    // The object and the actors coordinated with it ("mit X und Y").
    var objects = [firstAfter]
    for m in after.dropFirst() {
      let previousEnd = mentions[objects.last!].tokens.upperBound
      let gap = tokens[previousEnd..<mentions[m].tokens.lowerBound].map(\.lower)
      let joined = !gap.isEmpty && gap.count <= 3
        && ["und", ",", "sowie", "oder"].contains(gap[0])
      if joined { objects.append(m) } else { break }
    }
    var subject: Int? = nil
    if let last = before.last, cue.tokens.lowerBound - mentions[last].tokens.upperBound <= 12 {
      subject = last
    } else if before.isEmpty, ["gemeinsam", "zusammen"].contains(tokens[cue.tokens.lowerBound].lower) {
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
    guard let subject else { return [] }
    var first = subject
    if let i = before.firstIndex(of: subject), i > 0, actor(before[i - 1]) == actor(subject),
      mentions[subject].tokens.lowerBound - mentions[before[i - 1]].tokens.upperBound <= 3
    {
      first = before[i - 1]
    }
    let start = min(mentions[first].tokens.lowerBound, cue.tokens.lowerBound)
    let end = max(mentions[objects.last!].tokens.upperBound, cue.tokens.upperBound)
    let evidence = evidenceRange(segment, tokens: start..<end)
    return objects.compactMap { o in
      actor(subject) == actor(o)
        ? nil
        : ProposedTie(
          a: actor(subject), b: actor(o), kind: cue.kind, range: evidence, fromContext: false,
          status: cue.planned ? .planned : .existing)
    }
  }

  /// The whole sentence when it is short, else the clause from the first party to the last.
  static func evidenceRange(_ segment: Segment, tokens r: Range<Int>) -> Range<Int> {
    if segment.range.count <= 220 { return segment.range }
    return segment.tokens[r.lowerBound].range.lowerBound..<segment.tokens[r.upperBound - 1].range.upperBound
  }
}
