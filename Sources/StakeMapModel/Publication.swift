import StakeMapText

/// What a copy for the public leaves out: `stakemap publish`, and the same options on
/// `render`, `report` and `export` (docs/PUBLISHING.md).
public struct PublicationOptions: Sendable, Equatable {
  /// Actors of these types get a pseudonym: "Initiative 1", "Initiative 2", …
  public var pseudonymise: Set<ActorType>
  /// Remove person names (``PersonName``) from every text field and quote.
  public var dropPersons: Bool
  /// Replace every evidence quote by its source reference.
  public var redactEvidence: Bool

  public init(
    pseudonymise: Set<ActorType> = [], dropPersons: Bool = false, redactEvidence: Bool = false
  ) {
    self.pseudonymise = pseudonymise
    self.dropPersons = dropPersons
    self.redactEvidence = redactEvidence
  }

  /// True when nothing is changed.
  public var isEmpty: Bool { pseudonymise.isEmpty && !dropPersons && !redactEvidence }
}

/// A network made safe to publish, and the key to its pseudonyms.
///
/// ``Publication/make(_:options:language:)`` changes words only: every actor, relation,
/// event, source and topic stays, in the same order, with the same types, kinds, weights,
/// statuses and dates, so every figure (centrality, gaps) is unchanged.
///
/// - **Pseudonyms**: actors of the chosen types, in file order, are numbered per type:
///   "Initiative 1", "Initiative 2" (the type's label in `language`), with ids `initiative-1`, …
///   The numbering depends only on the file order of those actors, so it is the same on every
///   run, and actors appended later do not renumber earlier ones. Their short names, aliases,
///   tags, notes, evidence and custom attributes go (they name or describe the actor); every
///   other text of the network (quotes, notes, titles, descriptions, sources, attributes)
///   has each of their names, short names and aliases replaced by the pseudonym, compared
///   without letter case, starting at a word boundary. Offsets of changed quotes go (they
///   pointed into the original text).
/// - **Persons**: person attributes are removed and titled names replaced by
///   "[Person]"/"[person]" (``PersonName``).
/// - **Evidence**: every quote (actors, relations, claims, events) becomes
///   "[Zitat entfernt – Quelle: TITLE, DATE]" / "[quote removed – source: …]"; its `source`
///   and `offsets` stay: that is the reference.
///
/// - Complexity: O(total text length × pseudonymised names).
public struct Publication: Sendable {
  /// One pseudonym, for the key file.
  public struct KeyEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var originalID: String
    public var originalName: String
  }

  public var network: Network
  /// The pseudonyms in file order.
  public var key: [KeyEntry]

  public static func make(
    _ network: Network, options: PublicationOptions, language: Language? = nil
  ) -> Publication {
    guard !options.isEmpty else { return Publication(network: network, key: []) }
    let words = Words(language ?? network.info.language)
    var out = network
    var key: [KeyEntry] = []
    // Names to replace in text, longest first so that "piano e.V." goes before "piano".
    var replacements: [(name: String, pseudonym: String)] = []
    var counters: [ActorType: Int] = [:]
    var taken = Set(network.actors.map(\.id))
    for (i, actor) in network.actors.enumerated() where options.pseudonymise.contains(actor.type) {
      counters[actor.type, default: 0] += 1
      let number = counters[actor.type]!
      let name = words(.publishPseudonym, ["type": actor.type.label(words.language), "n": String(number)])
      var id = actor.type.rawValue.replacingOccurrences("_", "-") + "-" + String(number)
      while taken.contains(id) && id != actor.id { id += "x" }
      taken.insert(id)
      key.append(KeyEntry(id: id, name: name, originalID: actor.id, originalName: actor.name))
      for original in ActorMatcher.names(actor) + [actor.id] where original.count >= 2 {
        replacements.append((original, name))
      }
      var p = Stakeholder(id: id, name: name, type: actor.type, location: actor.location)
      p.region = actor.region
      p.basis = actor.basis
      p.offers = actor.offers.map { TopicClaim(topic: $0.topic, source: $0.source, basis: $0.basis, review: $0.review) }
      p.needs = actor.needs.map { TopicClaim(topic: $0.topic, source: $0.source, basis: $0.basis, review: $0.review) }
      p.review = actor.review
      out.actors[i] = p
    }
    replacements.sort { $0.name.count > $1.name.count }
    let personWord = words(.publishPerson)
    // Names in person attributes, replaced wherever they appear.
    var people: [String] = []
    if options.dropPersons {
      for actor in network.actors {
        for (k, v) in actor.attributes where PersonName.isPersonKey(k) {
          for part in v.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let name = String(part).trimmingCharacters(in: " ")
            if name.count >= 2 { people.append(name) }
          }
        }
      }
      people.sort { $0.count > $1.count }
    }

    func cleanText(_ text: String) -> String {
      var t = text
      for (name, pseudonym) in replacements { t = t.replacingCaseInsensitive(name, with: pseudonym) }
      // Spellings of a name in free text ("Lokale Agenda für Dresden e.V." for the actor
      // "Lokale Agenda Dresden"): the same words in order, one short word allowed between
      // two of them, a legal form after.
      for (name, pseudonym) in replacements { t = t.replacingNameVariants(of: name, with: pseudonym) }
      if options.dropPersons {
        for name in people { t = t.replacingCaseInsensitive(name, with: personWord) }
        t = PersonName.replacingTitled(in: t, with: personWord)
      }
      return t
    }
    func clean(_ text: String?) -> String? { text.map { cleanText($0) } }
    func reference(_ source: String?) -> String {
      guard let id = source else { return words(.publishQuoteRemoved) }
      guard let s = network.sources.first(where: { $0.id == id }) else {
        return words(.publishQuoteRemovedSource, ["source": id])
      }
      let title = cleanText(s.title)
      let cite = s.date.map { title + ", " + $0 } ?? title
      return words(.publishQuoteRemovedSource, ["source": cite])
    }
    /// A quote: redacted, or cleaned (offsets dropped when the text changed).
    func quote(_ evidence: String?, source: String?, offsets: inout TextSpan?) -> String? {
      guard let evidence else { return nil }
      if options.redactEvidence { return reference(source) }
      let cleaned = cleanText(evidence)
      if cleaned != evidence { offsets = nil }
      return cleaned
    }
    func claims(_ list: [TopicClaim]) -> [TopicClaim] {
      list.map { c in
        var c = c
        c.evidence = quote(c.evidence, source: c.source, offsets: &c.offsets)
        return c
      }
    }

    out.info.title = cleanText(out.info.title)
    out.info.description = clean(out.info.description)
    out.info.region = clean(out.info.region)
    for i in out.actors.indices {
      var a = out.actors[i]
      if !options.pseudonymise.contains(network.actors[i].type) {
        a.name = cleanText(a.name)
        a.short = clean(a.short)
        a.aliases = a.aliases.map { cleanText($0) }
        a.note = clean(a.note)
        a.tags = a.tags.map { cleanText($0) }
        var attributes: [String: String] = [:]
        for (k, v) in a.attributes where !(options.dropPersons && PersonName.isPersonKey(k)) {
          attributes[k] = cleanText(v)
        }
        a.attributes = attributes
        a.evidence = quote(a.evidence, source: a.source, offsets: &a.offsets)
      }
      a.region = clean(a.region)
      a.offers = claims(a.offers)
      a.needs = claims(a.needs)
      out.actors[i] = a
    }
    for r in out.relations.indices {
      var rel = out.relations[r]
      guard rel.evidence != nil || rel.note != nil else { continue }
      var offsets = rel.offsets
      rel.evidence = quote(rel.evidence, source: rel.source, offsets: &offsets)
      rel.offsets = offsets
      rel.note = clean(rel.note)
      out.relations[r] = rel
    }
    for e in out.events.indices {
      var ev = out.events[e]
      ev.title = cleanText(ev.title)
      ev.place = clean(ev.place)
      ev.evidence = quote(ev.evidence, source: ev.source, offsets: &ev.offsets)
      out.events[e] = ev
    }
    for s in out.sources.indices {
      var src = out.sources[s]
      src.title = cleanText(src.title)
      src.place = clean(src.place)
      src.publisher = clean(src.publisher)
      src.file = clean(src.file)
      src.url = clean(src.url)
      out.sources[s] = src
    }
    for t in out.topics.indices {
      out.topics[t].de = cleanText(out.topics[t].de)
      out.topics[t].en = cleanText(out.topics[t].en)
    }
    return Publication(network: out, key: key)
  }
}

extension String {
  fileprivate func replacingOccurrences(_ a: Character, _ b: Character) -> String {
    String(map { $0 == a ? b : $0 })
  }

  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }

  /// Occurrences of `name`'s words (two or more, legal form left aside) in order, with at most
  /// one linking word between two of them ("für", "der", "in", …) and an optional legal form
  /// after, replaced. O(length × words of the name).
  fileprivate func replacingNameVariants(of name: String, with replacement: String) -> String {
    func tokens(_ text: String) -> [(word: String, range: Range<String.Index>)] {
      var result: [(String, Range<String.Index>)] = []
      var start: String.Index? = nil
      var i = text.startIndex
      while i < text.endIndex {
        let c = text[i]
        if c.isLetter || c.isNumber || c == "-" {
          if start == nil { start = i }
        } else if let s = start {
          result.append((text[s..<i].lowercased(), s..<i))
          start = nil
        }
        i = text.index(after: i)
      }
      if let s = start { result.append((text[s...].lowercased(), s..<text.endIndex)) }
      return result
    }
    let legal: Set<String> = ["e", "v", "ev", "eg", "gmbh", "ggmbh", "mbh", "ag", "kg", "ug"]
    let wanted = tokens(name).map(\.word).filter { !legal.contains($0) }
    guard wanted.count >= 2 else { return self }
    let linking: Set<String> = ["für", "der", "die", "das", "des", "in", "im", "am", "an", "von", "vom", "zur", "zum", "und"]
    let words = tokens(self)
    var spans: [Range<String.Index>] = []
    var i = 0
    while i < words.count {
      guard words[i].word == wanted[0] else { i += 1; continue }
      var j = i
      var k = 1
      while k < wanted.count {
        if j + 1 < words.count, words[j + 1].word == wanted[k] {
          j += 1
        } else if j + 2 < words.count, linking.contains(words[j + 1].word), words[j + 2].word == wanted[k] {
          j += 2
        } else {
          break
        }
        k += 1
      }
      guard k == wanted.count else { i += 1; continue }
      var end = words[j].range.upperBound
      let rest = self[end...]
      for form in [" e.V.", " e. V.", " eG", " gGmbH", " GmbH", " mbH", " AG"] where rest.hasPrefix(form) {
        end = self.index(end, offsetBy: form.count)
        break
      }
      spans.append(words[i].range.lowerBound..<end)
      i = j + 1
    }
    guard !spans.isEmpty else { return self }
    var out = ""
    var cursor = startIndex
    for span in spans {
      out += self[cursor..<span.lowerBound]
      out += replacement
      cursor = span.upperBound
    }
    out += self[cursor...]
    return out
  }

  /// Every occurrence of `needle` (letter case ignored) that starts at a word boundary,
  /// replaced. O(length × needle length).
  fileprivate func replacingCaseInsensitive(_ needle: String, with replacement: String) -> String {
    let hay = Array(self)
    let lowerHay = hay.map { $0.lowercased() }
    let lowerNeedle = Array(needle).map { $0.lowercased() }
    guard !lowerNeedle.isEmpty, lowerNeedle.count <= hay.count else { return self }
    var out = ""
    var i = 0
    var changed = false
    while i < hay.count {
      let boundary = i == 0 || !(hay[i - 1].isLetter || hay[i - 1].isNumber)
      if boundary, i + lowerNeedle.count <= hay.count,
        lowerHay[i] == lowerNeedle[0],
        Array(lowerHay[i..<(i + lowerNeedle.count)]) == lowerNeedle
      {
        out += replacement
        i += lowerNeedle.count
        changed = true
      } else {
        out.append(hay[i])
        i += 1
      }
    }
    return changed ? out : self
  }
}
