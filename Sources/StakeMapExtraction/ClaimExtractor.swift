import StakeMapModel

/// A proposed need or offer of an actor.
struct ProposedClaim: Sendable, Equatable {
  enum Side: Sendable, Equatable { case need, offer }
  var actor: Int
  var side: Side
  /// Range in the cleaned text of the claim's text (the item or clause, without bullet,
  /// leading actor name or final full stop).
  var range: Range<Int>
}

/// What a question asks for.
enum SectionRole: Sendable, Equatable {
  case needs, offers, other

  /// By the question's content, not its letter (the letters differ between protocols):
  /// experiences, further topics, challenges, goals, target groups and staff requirements are
  /// neither; prerequisites, support or resources needed and improvements are needs; fields of
  /// action, existing offers and tasks are offers.
  static func of(_ heading: String) -> SectionRole {
    let text = heading.lowercased()
    let neither = [
      "erfahrung", "weitere themen", "vorschläge", "herausforderung", "ziele", "zielgruppe",
      "anforderungen",
    ]
    if neither.contains(where: text.contains) { return .other }
    let needs = [
      "voraussetzung", "benötigt", "bedarf", "brauch", "verbessert", "verbessern", "ressourcen",
      "fehlt", "wünsch",
    ]
    if needs.contains(where: text.contains) { return .needs }
    let offers = [
      "handlungsfeld", "angebot", "aufgaben", "leistungen", "bietet", "bieten", "anbieten",
      "tätig",
    ]
    if offers.contains(where: text.contains) { return .offers }
    return .other
  }
}

/// Stage 9: needs and offers from the question structure (GUIDELINES 5).
///
/// - Sections are read by their question (``SectionRole``). In a needs or offers section every
///   list item is one entry; continuations ("digital)") and qualifiers starting with "Und",
///   "Aber", "Das" are not. A lead-in "X – mit folgenden Inhalten:" is an entry itself.
///   Prose answers: a run-in enumeration without a full stop is split at its commas; of several
///   sentences, those with a need verb (muss, benötigt, braucht, sollte, …) are needs, cut
///   before ", um", ", damit", ", dass"; a single sentence is taken whole.
/// - Offers in prose anywhere in the protocol: "dessen Ziel es ist, A und B" (split at "und"),
///   "Handlungsfelder sind: A, B, …", "Die Schwerpunkte der Aufgaben liegen in A, B sowie C",
///   "X unterstützt finanziell", "stellt A sowie B zur Verfügung" (split), and "Mitarbeit im
///   …" (the respondent's).
/// - Whose: the actor named at the start of the item (`AWIG Beratung zu Wohnen im Alter`; "X
///   und Y bieten … an" gives one entry for each), else the actor the question names ("Welche
///   Ressourcen für die Koordinationsstelle werden benötigt?" — a bare head resolved to the
///   actor with that head), else the respondent; prose offers outside the questions belong to
///   the subject of the sentence or of the sentence before.
enum ClaimExtractor {
  static let needVerbs: Set<String> = [
    "muss", "müssen", "benötigt", "benötigen", "braucht", "brauchen", "sollte", "sollten",
    "erforderlich", "notwendig", "wichtig", "bedarf", "wünscht", "wünschen", "fehlt", "fehlen",
  ]
  static let qualifierStarts: Set<String> = ["und", "aber", "oder", "das", "dies", "auch"]

  static func extract(
    _ text: NormalizedText, _ segmented: SegmentedText, _ resolution: ActorResolution,
    descriptors: [Descriptor], respondent: Int?
  ) -> [ProposedClaim] {
    var claims: [ProposedClaim] = []
    let roles = segmented.sections.map { SectionRole.of($0.text) }
    var mentionsBySegment: [Int: [Int]] = [:]
    for (i, m) in resolution.mentions.enumerated() where resolution.actorOfMention[i] != nil {
      mentionsBySegment[m.segment, default: []].append(i)
    }
    func actors(in s: Int) -> [(mention: Mention, actor: Int)] {
      (mentionsBySegment[s] ?? []).map { (resolution.mentions[$0], resolution.actorOfMention[$0]!) }
        .sorted { $0.mention.tokens.lowerBound < $1.mention.tokens.lowerBound }
    }
    // The actor a heading names, by a name or by a bare head ("die Koordinationsstelle").
    var headingActor: [Int: Int] = [:]
    for (n, section) in segmented.sections.enumerated() {
      if let named = actors(in: section.heading).first {
        headingActor[n] = named.actor
        continue
      }
      for d in descriptors where d.segment == section.heading && d.definite {
        var best: (count: Int, actor: Int)? = nil
        for (a, actor) in resolution.actors.enumerated() {
          let count = actor.mentions.count { resolution.mentions[$0].signature?.head == d.head }
          if count > 0, best == nil || count > best!.count { best = (count, a) }
        }
        if let best {
          headingActor[n] = best.actor
          break
        }
      }
    }

    func add(_ actor: Int?, _ side: ProposedClaim.Side, _ range: Range<Int>) {
      guard let actor else { return }
      let r = clean(text, range)
      guard r.count >= 3 else { return }
      claims.append(ProposedClaim(actor: actor, side: side, range: r))
    }

    // Prose offers anywhere.
    var used = Set<Int>()
    for (s, segment) in segmented.segments.enumerated() where segment.kind == .sentence {
      let named = actors(in: s)
      var subject: Int? = named.first?.actor
      if subject == nil {
        if segment.section != nil {
          subject = respondent
        } else if s > 0, segmented.segments[s - 1].block == segment.block {
          subject = actors(in: s - 1).first?.actor
        }
      }
      if let parts = proseOffers(segment, text) {
        used.insert(s)
        for part in parts.ranges {
          add(parts.respondentsOwn ? respondent : subject, .offer, part)
        }
      }
    }

    // Sections.
    for n in segmented.sections.indices where roles[n] != .other {
      let side: ProposedClaim.Side = roles[n] == .needs ? .need : .offer
      let blocks = segmented.blocks.filter { block in
        block.contains { segmented.segments[$0].section == n && segmented.segments[$0].kind != .heading }
      }
      let hasItems = blocks.contains { segmented.segments[$0[0]].kind == .item }
      let proseSentences = blocks.filter { segmented.segments[$0[0]].kind == .sentence }
        .flatMap { $0 }.filter { !used.contains($0) && !isLeadIn(segmented.segments[$0]) }
      for block in blocks {
        let first = segmented.segments[block[0]]
        if first.kind == .item {
          let range = first.range.lowerBound..<segmented.segments[block.last!].range.upperBound
          let tokens = Tokenizer.tokenize(text, range)
          guard let head = tokens.first, !isContinuation(tokens),
            !qualifierStarts.contains(head.lower)
          else { continue }
          // Leading actors: "X und Y bieten … an", "AWIG Beratung …".
          var leading: [Int] = []
          var k = 0
          var leadingMentions = actors(in: block[0])
          while let m = leadingMentions.first, m.mention.tokens.lowerBound == k {
            if !leading.contains(m.actor) { leading.append(m.actor) }
            k = m.mention.tokens.upperBound
            leadingMentions.removeFirst()
            if k < tokens.count, ["und", "sowie", ","].contains(tokens[k].lower),
              let next = leadingMentions.first, next.mention.tokens.lowerBound == k + 1
            {
              k += 1
            }
          }
          if !leading.isEmpty {
            if k < tokens.count, tokens[k].isPunct(":") || tokens[k].isPunct("-") { k += 1 }
            guard k < tokens.count else { continue }  // the item names only the actor
            var start = k
            var end = tokens.count
            if ["bieten", "bietet", "bot", "boten"].contains(tokens[k].lower) {
              start = k + 1
              if let last = tokens.last, last.lower == "an" { end = tokens.count - 1 }
            }
            guard start < end else { continue }
            let r = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
            for a in leading { add(a, side, r) }
            continue
          }
          add(headingActor[n] ?? respondent, side, range)
          continue
        }
        // Prose.
        for s in block where !used.contains(s) {
          let segment = segmented.segments[s]
          let tokens = segment.tokens
          if isLeadIn(segment) {
            // "Konzept des Netzwerkes – mit folgenden Inhalten:"
            if let dash = tokens.firstIndex(where: { $0.isPunct("-") }), dash > 0 {
              add(headingActor[n] ?? respondent, side,
                  segment.range.lowerBound..<tokens[dash - 1].range.upperBound)
            }
            continue
          }
          if let parts = enumeration(segment) {
            for part in parts { add(headingActor[n] ?? respondent, side, part) }
            continue
          }
          guard side == .need else { continue }
          let single = !hasItems && proseSentences.count == 1
          guard single || tokens.contains(where: { needVerbs.contains($0.lower) }) else { continue }
          var end = segment.range.upperBound
          for (k, t) in tokens.enumerated() where k > 0 && t.isPunct(",") && k + 1 < tokens.count {
            if ["um", "damit", "dass", "sodass"].contains(tokens[k + 1].lower) {
              end = tokens[k - 1].range.upperBound
              break
            }
          }
          let named = actors(in: s).filter { $0.mention.tokens.lowerBound == 0 }
          add(named.first?.actor ?? headingActor[n] ?? respondent, side, segment.range.lowerBound..<end)
        }
      }
    }
    // One entry per actor, side and text.
    var seen = Set<String>()
    return claims.filter { seen.insert("\($0.actor)|\($0.side)|\($0.range)").inserted }
  }

  /// A line that introduces a list: ends with ":" ("Aus Sicht der Wohnungswirtschaft:").
  static func isLeadIn(_ segment: Segment) -> Bool {
    segment.tokens.last?.isPunct(":") ?? false
  }

  /// "digital)" continuing the item before.
  static func isContinuation(_ tokens: [Token]) -> Bool {
    guard let first = tokens.first, first.isWord, !first.isCapitalized else { return false }
    let opens = tokens.count { $0.isPunct("(") }
    let closes = tokens.count { $0.isPunct(")") }
    return closes > opens
  }

  /// A run-in enumeration without a full stop: "gemeinsame Ziele, Kooperation auf Augenhöhe,
  /// …, finden einer gemeinsamen Sprache", or "Handlungsfelder sind: A, B, C".
  static func enumeration(_ segment: Segment) -> [Range<Int>]? {
    let tokens = segment.tokens
    guard let last = tokens.last, !last.isPunct("."), !last.isPunct("?") else { return nil }
    var start = 0
    if let colon = tokens.firstIndex(where: { $0.isPunct(":") }), colon <= 3 { start = colon + 1 }
    let parts = split(tokens, start..<tokens.count, at: [","])
    // Every element has a noun: "rechtlichen, vertraglichen … Fragestellungen" coordinates
    // adjectives, not items.
    guard parts.count >= 3,
      parts.allSatisfy({ $0.count <= 10 && tokens[$0].contains { $0.isCapitalized } })
    else { return nil }
    return parts.map { tokens[$0.lowerBound].range.lowerBound..<tokens[$0.upperBound - 1].range.upperBound }
  }

  /// Token ranges between separators (outside brackets), empty parts dropped.
  static func split(_ tokens: [Token], _ range: Range<Int>, at separators: Set<String>)
    -> [Range<Int>]
  {
    var parts: [Range<Int>] = []
    var depth = 0
    var start = range.lowerBound
    for k in range {
      let t = tokens[k]
      if t.isPunct("(") { depth += 1 }
      if t.isPunct(")") { depth -= 1 }
      if depth == 0, separators.contains(t.lower) {
        if k > start { parts.append(start..<k) }
        start = k + 1
      }
    }
    if range.upperBound > start { parts.append(start..<range.upperBound) }
    return parts
  }

  struct ProseOffer {
    var ranges: [Range<Int>]
    /// The offer is the respondent's, not the sentence subject's ("Mitarbeit im …").
    var respondentsOwn: Bool
  }

  /// Offers stated in prose: aims, fields of action, tasks, provision.
  static func proseOffers(_ segment: Segment, _ text: NormalizedText) -> ProseOffer? {
    let tokens = segment.tokens
    let lower = tokens.map(\.lower)
    func span(_ r: Range<Int>) -> Range<Int>? {
      var r = r
      while r.lowerBound < r.upperBound, !tokens[r.lowerBound].isWord { r = (r.lowerBound + 1)..<r.upperBound }
      while r.lowerBound < r.upperBound, tokens[r.upperBound - 1].isPunct(".") || tokens[r.upperBound - 1].isPunct(",") {
        r = r.lowerBound..<(r.upperBound - 1)
      }
      guard !r.isEmpty else { return nil }
      return tokens[r.lowerBound].range.lowerBound..<tokens[r.upperBound - 1].range.upperBound
    }
    // "dessen Ziel es ist, A und B" / "Ziel ist es, A und B"
    for k in lower.indices where lower[k] == "ziel" && k + 3 < lower.count {
      let next = Array(lower[(k + 1)..<min(k + 4, lower.count)])
      guard next == ["es", "ist", ","] || next == ["ist", "es", ","] else { continue }
      let body = (k + 4)..<tokens.count
      let parts = split(tokens, body, at: ["und"]).filter {
        lower[$0].contains("zu") || lower[$0].contains(where: { $0.hasSuffix("zu") })
      }
      let ranges = parts.compactMap(span)
      if !ranges.isEmpty { return ProseOffer(ranges: ranges, respondentsOwn: false) }
    }
    // "Handlungsfelder sind: A, B, C"
    if let k = lower.firstIndex(where: { $0.hasPrefix("handlungsfeld") }), k + 2 < lower.count,
      ["sind", "ist"].contains(lower[k + 1]), tokens[k + 2].isPunct(":")
    {
      let ranges = split(tokens, (k + 3)..<tokens.count, at: [","]).compactMap(span)
      if !ranges.isEmpty { return ProseOffer(ranges: ranges, respondentsOwn: false) }
    }
    // "Die Schwerpunkte der Aufgaben liegen in A, B sowie C"
    if let k = lower.firstIndex(of: "liegen"), k + 1 < lower.count, ["in", "im", "bei"].contains(lower[k + 1]),
      lower[..<k].contains(where: { $0.hasPrefix("aufgabe") || $0.hasPrefix("schwerpunkt") })
    {
      let parts = split(tokens, (k + 2)..<tokens.count, at: [",", "sowie"])
      let ranges = parts.compactMap { part -> Range<Int>? in
        var p = part
        if p.count > 1, GermanLexicon.definiteArticles.contains(lower[p.lowerBound]) {
          p = (p.lowerBound + 1)..<p.upperBound
        }
        return span(p)
      }
      if !ranges.isEmpty { return ProseOffer(ranges: ranges, respondentsOwn: false) }
    }
    // "X unterstützt finanziell, stellt A sowie B zur Verfügung"
    var ranges: [Range<Int>] = []
    if let k = lower.firstIndex(where: { $0.hasPrefix("unterstützt") }), k + 1 < lower.count,
      lower[k + 1].hasPrefix("finanziell")
    {
      ranges += [span(k..<(k + 2))].compactMap { $0 }
    }
    if let k = lower.firstIndex(where: { ["stellt", "stellen"].contains($0) }),
      let v = lower.indices.first(where: { $0 > k && lower[$0] == "verfügung" })
    {
      let parts = split(tokens, k..<(v + 1), at: ["sowie", "und"])
      ranges += parts.compactMap(span)
    }
    if !ranges.isEmpty { return ProseOffer(ranges: ranges, respondentsOwn: false) }
    // "Hier konkret in der Mitarbeit im Regionalen Netzwerk …"
    if let k = lower.firstIndex(where: { ["mitarbeit", "mitwirkung"].contains($0) }),
      k + 1 < lower.count, ["im", "in", "bei", "beim"].contains(lower[k + 1])
    {
      if let r = span(k..<tokens.count) { return ProseOffer(ranges: [r], respondentsOwn: true) }
    }
    return nil
  }

  /// A claim's text: trimmed, without a final full stop (an ellipsis stays).
  static func clean(_ text: NormalizedText, _ range: Range<Int>) -> Range<Int> {
    var r = Segmenter.trim(text, range)
    let t = text.scalars
    if r.count >= 2, t[r.upperBound - 1] == ".", t[r.upperBound - 2] != "." {
      r = r.lowerBound..<(r.upperBound - 1)
    }
    return Segmenter.trim(text, r)
  }
}
