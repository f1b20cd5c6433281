import StakeMapModel

/// A proposed event.
struct ProposedEvent: Sendable, Equatable {
  var title: String
  var kind: EventKind
  /// ISO date (`2022-11-28`).
  var date: String?
  var place: String?
  var number: Int?
  /// Range in the cleaned text of the evidence (the sentence that names the event, with its
  /// date when there is one).
  var evidence: Range<Int>
  /// Range of the title in the cleaned text.
  var titleRange: Range<Int>
  /// Key of a quoted title, for merging.
  var quotedKey: String?
  /// Where the event noun stands in the evidence sentence (cleaned text).
  var nounPosition: Int
  var participants: [Int] = []
}

/// Stage 7: events — workshops, round tables, kick-offs, conferences — named individually
/// (GUIDELINES 6).
///
/// An event noun (``GermanLexicon/eventNouns``, `Runder Tisch`) is an event when it has a
/// number (`Workshop 1`, `4. Runder Tisch`, `der dritte Workshop`), a quoted title
/// (`Workshop „Der Weg …“`, `Auftaktveranstaltung „…“`), a name (`Runder Tisch Soziales
/// Wohnen`) or opens a line with a colon (`Workshop: Bildung von Netzwerken I`). Plurals
/// ("drei Workshops") and series are not events; a bare "Workshop" with a date is merged into
/// the event of that date. Dates: `28. November 2022`, `3. April 2019`, `28.11.2022`, the one
/// nearest to the event noun in its sentence. Mentions of one event (by number, by quoted
/// title) are merged; a `Workshop:` heading of a kick-off protocol takes the kick-off's date.
/// Titles are the text's, with adjectives before the noun in the nominative ("Der 4. Runde
/// Tisch" → "4. Runder Tisch").
enum EventExtractor {
  struct DateMention { var iso: String; var token: Int }

  static func dates(in tokens: [Token]) -> [DateMention] {
    var result: [DateMention] = []
    for k in tokens.indices {
      let t = tokens[k]
      // "28. November 2022"
      if t.kind == .number, t.text.count <= 2, k + 3 < tokens.count, tokens[k + 1].isPunct("."),
        let month = GermanLexicon.months[tokens[k + 2].lower], tokens[k + 3].kind == .number,
        tokens[k + 3].text.count == 4, let day = Int(t.text), (1...31).contains(day)
      {
        result.append(DateMention(iso: iso(tokens[k + 3].text, month, day), token: k))
      }
      // "28.11.2022"
      if t.kind == .number {
        let parts = t.text.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), parts[2].count == 4,
          (1...31).contains(d), (1...12).contains(m)
        {
          result.append(DateMention(iso: iso(String(parts[2]), m, d), token: k))
        }
      }
    }
    return result
  }

  static func iso(_ year: String, _ month: Int, _ day: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  static func extract(
    _ text: NormalizedText, _ segmented: SegmentedText, _ resolution: ActorResolution
  ) -> [ProposedEvent] {
    var events: [ProposedEvent] = []
    var bareDated: [(date: String, evidence: Range<Int>)] = []
    for segment in segmented.segments where segment.kind != .heading {
      let tokens = segment.tokens
      let dates = dates(in: tokens)
      for e in tokens.indices {
        guard let found = eventNoun(tokens, e) else { continue }
        let (kind, nounStart) = found
        let lower = tokens.map(\.lower)
        // Plural or a series: not an event.
        if e + 1 < tokens.count, ["reihe"].contains(lower[e + 1]) { continue }
        // Number before: "4. Runder Tisch"; an ordinal word: "der dritte Workshop".
        var number: Int? = nil
        var start = nounStart
        if nounStart >= 2, tokens[nounStart - 1].isPunct("."), tokens[nounStart - 2].kind == .number,
          let n = Int(tokens[nounStart - 2].text), n < 100,
          !(nounStart >= 3 && tokens[nounStart - 3].kind == .number)
        {
          number = n
          start = nounStart - 2
        } else if nounStart >= 1, let n = GermanLexicon.ordinalWords[lower[nounStart - 1]] {
          number = n
        }
        var end = e + 1
        // Number after: "Workshop 1".
        if end < tokens.count, tokens[end].kind == .number, let n = Int(tokens[end].text), n < 100,
          !(end + 1 < tokens.count && tokens[end + 1].isPunct("."))
        {
          number = n
          end += 1
        }
        // Colon title: "Workshop: Bildung von Netzwerken I" at the start of a line.
        var colonTitle = false
        if start == 0, end < tokens.count, tokens[end].isPunct(":"), segment.startsBlock {
          colonTitle = true
          end = tokens.count
        }
        // Quoted title within a few words: "zum Workshop „…“", "Workshop mit dem Schwerpunkt „…“".
        var quotedKey: String? = nil
        if !colonTitle {
          var q = end
          while q < tokens.count, q - end <= 3, !isQuote(tokens[q]), tokens[q].isWord,
            !tokens[q].isCapitalized || GermanLexicon.isFunctionWord(tokens[q].lower) || q > end
          {
            q += 1
          }
          if q < tokens.count, isQuote(tokens[q]) {
            let mark = tokens[q].text
            if let close = tokens[(q + 1)...].firstIndex(where: { $0.kind == .punct && $0.text == mark }),
              close - q <= 20
            {
              quotedKey = OrganizationName.key(
                tokens[(q + 1)..<close].map(\.text).joined(separator: " "))
              // Only "Workshop „…“" directly is part of the title; "mit dem Schwerpunkt" is not.
              if q == end { end = close + 1 }
            }
          }
        }
        // Name words: "Runder Tisch Soziales Wohnen".
        var named = false
        if !colonTitle, quotedKey == nil {
          var m = end
          while m < tokens.count, tokens[m].isWord, tokens[m].isCapitalized,
            !GermanLexicon.isFunctionWord(tokens[m].lower), GermanLexicon.months[lower[m]] == nil,
            GermanLexicon.head(of: tokens[m]) == nil
          {
            m += 1
          }
          if m > end {
            named = true
            end = m
          }
        }
        // Another event follows directly: "Auftaktveranstaltung 4. Runder Tisch …" is one event.
        if number == nil, quotedKey == nil, !colonTitle, !named, e + 3 < tokens.count,
          tokens[e + 1].kind == .number, tokens[e + 2].isPunct(".")
        {
          continue
        }
        let date = dates.min { abs($0.token - e) < abs($1.token - e) }
        guard number != nil || quotedKey != nil || colonTitle || named else {
          if let date { bareDated.append((date.iso, segment.range)) }
          continue
        }
        let titleRange = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
        var title = collapse(text.quote(titleRange).text)
        // Nominative adjectives before the noun: "4. Runde Tisch" → "4. Runder Tisch".
        if nounStart < e {
          let adjective = tokens[nounStart].text
          let fixed = Declension.nominativeAdjective(
            adjective, gender: Declension.gender(ofNoun: tokens[e].text))
          if fixed != adjective {
            var words = title.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if let w = words.firstIndex(of: adjective) { words[w] = fixed }
            title = words.joined(separator: " ")
          }
        }
        events.append(
          ProposedEvent(
            title: title, kind: kind, date: date?.iso, place: place(tokens, after: e, text),
            number: number, evidence: segment.range, titleRange: titleRange, quotedKey: quotedKey,
            nounPosition: tokens[e].range.lowerBound))
      }
    }
    // Merge mentions of one event.
    var merged: [ProposedEvent] = []
    for event in events {
      if let i = merged.firstIndex(where: { same($0, event) }) {
        var m = merged[i]
        // The numbered title with its quote is the fullest.
        if (event.number != nil && m.number == nil)
          || (event.number != nil && event.quotedKey != nil && m.quotedKey == nil)
        {
          m.title = event.title
          m.titleRange = event.titleRange
        }
        m.number = m.number ?? event.number
        m.quotedKey = m.quotedKey ?? event.quotedKey
        if m.date == nil, let date = event.date {
          m.date = date
          m.evidence = event.evidence
          m.nounPosition = event.nounPosition
        }
        m.place = m.place ?? event.place
        merged[i] = m
      } else {
        merged.append(event)
      }
    }
    // A bare dated "Workshop" gives its date to the undated event of the same kind.
    for bare in bareDated where !merged.contains(where: { $0.date == bare.date }) {
      if let i = merged.firstIndex(where: { $0.date == nil && $0.kind == .workshop && $0.number != nil }) {
        merged[i].date = bare.date
      }
    }
    // The workshop of a kick-off takes the kick-off's date.
    if let kickoff = merged.first(where: { $0.kind == .conference && $0.date != nil }) {
      for i in merged.indices where merged[i].date == nil && merged[i].kind == .workshop
        && merged[i].title.contains(":")
      {
        merged[i].date = kickoff.date
      }
    }
    // Participants: the actors named before the event noun in its sentence ("X lud in
    // Kooperation mit Y zum Workshop …"), outside quotes; not the place.
    for i in merged.indices {
      let event = merged[i]
      var participants: [Int] = []
      for (m, mention) in resolution.mentions.enumerated() {
        let at = mention.range.lowerBound
        guard let a = resolution.actorOfMention[m], event.evidence.contains(at),
          at < event.nounPosition,
          text.scalars[event.evidence.lowerBound..<at].count(where: { $0 == "\"" }) % 2 == 0,
          !(event.place.map { OrganizationName.key($0) == OrganizationName.key(mention.name) } ?? false),
          !participants.contains(a)
        else { continue }
        participants.append(a)
      }
      merged[i].participants = participants
    }
    return merged
  }

  static func isQuote(_ t: Token) -> Bool { t.kind == .punct && (t.text == "\"" || t.text == "'") }

  static func collapse(_ s: String) -> String {
    String(s.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" })
      .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ").split(separator: "**", omittingEmptySubsequences: false).joined())
  }

  /// The event noun at `e` (singular), its kind and where the noun phrase starts (an adjective
  /// of "Runder Tisch").
  static func eventNoun(_ tokens: [Token], _ e: Int) -> (EventKind, Int)? {
    let t = tokens[e]
    guard t.isWord, t.isCapitalized else { return nil }
    if let kind = GermanLexicon.eventNouns[t.lower] { return (kind, e) }
    if t.lower == "tisch", e > 0, ["runder", "runde", "runden", "runden"].contains(tokens[e - 1].lower) {
      return (.roundTable, e - 1)
    }
    return nil
  }

  static func same(_ a: ProposedEvent, _ b: ProposedEvent) -> Bool {
    guard a.kind == b.kind else { return false }
    if let x = a.number, let y = b.number { return x == y }
    if let x = a.quotedKey, let y = b.quotedKey, x == y { return true }
    if a.number == nil, b.number == nil, a.quotedKey == nil, b.quotedKey == nil {
      return OrganizationName.key(a.title) == OrganizationName.key(b.title)
    }
    // A numbered and a titled mention of the same kind with one date.
    if let x = a.date, let y = b.date { return x == y && (a.quotedKey == nil) != (b.quotedKey == nil) }
    return false
  }

  /// "im Rathaus Dresden", "in das Sozialamt Dresden", "im Wissenschaftspark Gelsenkirchen".
  static func place(_ tokens: [Token], after e: Int, _ text: NormalizedText) -> String? {
    var k = e
    while k < tokens.count {
      let w = tokens[k].lower
      if ["im", "in"].contains(w) {
        var m = k + 1
        if m < tokens.count, ["das", "der", "dem", "den"].contains(tokens[m].lower) { m += 1 }
        var end = m
        while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized,
          !GermanLexicon.isFunctionWord(tokens[end].lower)
        {
          end += 1
        }
        if end - m >= 2 {
          return collapse(text.quote(tokens[m].range.lowerBound..<tokens[end - 1].range.upperBound).text)
        }
      }
      k += 1
    }
    return nil
  }
}
