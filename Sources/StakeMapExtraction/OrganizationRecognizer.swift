import StakeMapModel

/// A stretch of text that names an organisation, before mentions are merged into actors.
struct Mention: Sendable {
  enum Kind: Sendable, Equatable {
    /// Anchored on a legal form: `bauforum dresden e.V.`, `WoGe Dresden eG`.
    case legalForm
    /// Anchored on an institutional head noun with a name, place or complement.
    case head
    /// An upper-case abbreviation used as a name: `NWID`, `AWIG`.
    case acronym
    /// The organisation of a person: `Frau Christine Mantu (Lokale Agenda Dresden)`.
    case affiliation
    /// A name in quotes after a descriptive head phrase: `Bündnis für inklusives Wohnen
    /// „Wohn:sinn“`.
    case quotedName
    /// A descriptive head phrase that another name is given for (`Bündnis für inklusives
    /// Wohnen`): an alias, never the canonical name.
    case descriptiveAlias
    /// The expansion of an abbreviation in brackets: an alias, never the canonical name.
    case expansion
    /// The first word of a list item of existing offers: `Wohnsinn Beratung bei …`.
    case listName
    /// The distinctive word of a longer name used alone: `WoGe`, `Bauforum`.
    case shortForm
  }

  var kind: Kind
  var segment: Int
  /// Token indices in the segment.
  var tokens: Range<Int>
  /// Range in the cleaned text.
  var range: Range<Int>
  /// The name in the nominative, without quotation marks.
  var name: String
  var type: ActorType
  /// The type comes from a head or legal form (not a default).
  var typeIsKnown: Bool
  /// For head mentions: head word, name part and place, used to merge `Koordinationsstelle
  /// in Dresden` with `Koordinationsstelle Gemeinschaftliches Wohnen in Dresden`.
  var signature: HeadSignature?
  /// Merge with this mention (an abbreviation, expansion or quoted name defined for it).
  var aliasOf: Int?
  /// Index of the mention of the parent body in "X der Stadt Y" (a membership tie).
  var parent: Int?
  /// Needs a second, stronger mention of the same actor to count (a name recognised only
  /// from a capitalised adjective at the start of a sentence).
  var isWeak: Bool = false
  /// Merged into another actor through an apposition: not a canonical-name candidate.
  var isDemoted: Bool = false
}

/// Head word, name part and place of a head mention, compared as keys.
struct HeadSignature: Sendable, Hashable {
  var head: String
  var name: String?
  var place: String?
}

/// A head noun that is no name by itself ("die Koordinationsstelle für gemeinschaftliches
/// Wohnen"), remembered for apposition ("…, dem Netzwerk Leipziger Freiheit") and for
/// headings that refer to an actor by it.
struct Descriptor: Sendable {
  var segment: Int
  var token: Int
  /// Lower-case nominative head word (`koordinationsstelle`).
  var head: String
  var place: String?
  /// After a definite article ("die Koordinationsstelle"): it refers to one known body.
  var definite: Bool = false
}

/// Stage 4b: mentions of organisations in each segment.
///
/// Rules, in order (a token used by one rule is not used again):
/// 1. **Legal forms** (`e.V.`, `e. V.`, `eG`, `GmbH`, `gGmbH`, `AG`, …): the name is the
///    words before it, back to an article, preposition, verb, punctuation or person
///    (`das bauforum dresden e.V.` → `bauforum dresden e.V.`).
/// 2. **Institutional heads** (``GermanLexicon/heads``, also as the end of compounds and in the
///    genitive): the head with capitalised adjectives before it (`Regionalen`, `Mietshäuser`,
///    `Leipziger`) and its complement after it: a quoted name (`Koordinationsstelle
///    'Gemeinschaftliches Wohnen'`), capitalised name words (`Netzwerk Neues Wohnen Dresden`),
///    an enumeration of fields for departments (`Geschäftsbereich Arbeit, Soziales, Gesundheit
///    und Wohnen`), a prepositional name for simple heads (`Amt für Wohnungsbau und
///    Stadterneuerung`, `Netzwerk zur Vermeidung von Wohnungslosigkeit im Ländlichen Raum
///    Minden-Lübbecke`), and a place learned from the text (`Koordinationsstelle in Dresden`).
///    A head without any of these is a generic noun ("die Stadt", "das Netzwerk"), and so is a
///    complement that starts with a lower-case adjective ("Koordinationsstelle für
///    gemeinschaftliches Wohnen") — unless a quoted name follows it (`Bündnis für inklusives
///    Wohnen „Wohn:sinn“`: the name is `Wohn:sinn`). A head followed only by an abbreviation is
///    named by the abbreviation (`Wohnungsbaugesellschaft GWG` → `GWG`). A genitive "der
///    Stadt Leipzig" after a unit is its parent (a separate actor and a membership tie). A
///    compound office alone as a list item (`Stadtplanungsamt`) is an actor.
/// 3. **Affiliations**: the bracket after a person (`Frau Christine Mantu (Lokale Agenda
///    Dresden)`) and the organisation of a signature line.
/// 4. **Abbreviations**: upper-case words of two to eight letters, except numerals and
///    ``GermanLexicon/nonOrganizationAcronyms``, and except terms defined by a one-word
///    expansion that is no organisation (`NVZ (Nahversorgungszentrum)`).
/// 5. **Definitions**: `NAME, kurz ABK`, `NAME (ABK)`, `ABK (Long Name)` whose initials fit:
///    the abbreviation or expansion is an alias of the name.
/// 6. **Offer lists**: in a section listing existing offers, a capitalised first word followed
///    by an offer noun (`Wohnsinn Beratung bei …`) names the offering actor.
enum OrganizationRecognizer {
  struct Result: Sendable {
    var mentions: [Mention]
    var descriptors: [Descriptor]
  }

  static func recognize(
    _ text: NormalizedText, _ segmented: SegmentedText, _ context: DocumentContext,
    offerSections: Set<Int>
  ) -> Result {
    let terms = definedTerms(segmented)
    var result = Result(mentions: [], descriptors: [])
    for s in segmented.segments.indices {
      var recognizer = SegmentRecognizer(
        text: text, segment: segmented.segments[s], index: s,
        person: context.personTokens[s], places: context.places, terms: terms,
        signature: context.signatureOrganizations[s],
        inOfferList: segmented.segments[s].kind == .item
          && segmented.segments[s].section.map(offerSections.contains) == true,
        base: result.mentions.count)
      recognizer.run()
      result.mentions += recognizer.mentions
      result.descriptors += recognizer.descriptors
    }
    return result
  }

  /// Abbreviations defined by a one-word expansion that names a kind of thing, not a body:
  /// "NVZ (Nahversorgungszentrum)".
  static func definedTerms(_ segmented: SegmentedText) -> Set<String> {
    var terms = Set<String>()
    for segment in segmented.segments {
      let t = segment.tokens
      for i in t.indices where t[i].isAllCaps && i + 3 < t.count {
        guard t[i + 1].isPunct("("), t[i + 2].isWord, t[i + 3].isPunct(")") else { continue }
        let word = t[i + 2]
        if word.isAllCaps { continue }
        if let head = GermanLexicon.head(of: word), !head.head.alsoPlace { continue }
        terms.insert(t[i].text)
      }
    }
    return terms
  }

  /// An offer noun or a compound of one (`Schuldnerberatung`).
  static func isOfferNoun(_ lower: String) -> Bool {
    offerNouns.contains(lower)
      || ["beratung", "begleitung", "unterstützung", "hilfe", "vermittlung", "angebot", "angebote", "betreuung"]
        .contains { lower.hasSuffix($0) }
  }

  /// Offer nouns that follow the actor's name at the start of an item of an offer list.
  static let offerNouns: Set<String> = [
    "beratung", "begleitung", "unterstützung", "hilfe", "vermittlung", "angebot", "angebote",
    "information", "informationen", "schulung", "schulungen", "betreuung", "förderung",
    "coaching", "moderation", "veranstaltungen", "workshops", "kurse", "sprechstunde",
    "sprechstunden", "finanzierung", "bildung", "bietet", "bieten", "berät", "begleitet",
    "unterstützt", "vermittelt",
  ]
}

/// The rules applied to one segment.
private struct SegmentRecognizer {
  let text: NormalizedText
  let segment: Segment
  let index: Int
  let person: Set<Int>
  let places: Set<String>
  let terms: Set<String>
  let signature: Range<Int>?
  let inOfferList: Bool
  /// Index of this segment's first mention in the document's list.
  let base: Int

  var mentions: [Mention] = []
  var descriptors: [Descriptor] = []
  var covered: [Bool] = []
  /// Mention index (local) → token where its genitive parent starts.
  var pendingParents: [(Int, Int)] = []

  init(
    text: NormalizedText, segment: Segment, index: Int, person: Set<Int>, places: Set<String>,
    terms: Set<String>, signature: Range<Int>?, inOfferList: Bool, base: Int
  ) {
    self.text = text
    self.segment = segment
    self.index = index
    self.person = person
    self.places = places
    self.terms = terms
    self.signature = signature
    self.inOfferList = inOfferList
    self.base = base
    self.covered = Array(repeating: false, count: segment.tokens.count)
  }

  var tokens: [Token] { segment.tokens }

  mutating func run() {
    legalForms()
    heads()
    affiliations()
    acronyms()
    definitions()
    offerListNames()
    for (m, start) in pendingParents {
      if let p = mentions.firstIndex(where: { $0.tokens.lowerBound == start }) {
        mentions[m].parent = base + p
      }
    }
    // Mentions stay in the order they were found: `aliasOf` and `parent` are indices.
  }

  // MARK: - Helpers

  func isQuote(_ i: Int) -> Bool {
    i < tokens.count && tokens[i].kind == .punct && (tokens[i].text == "\"" || tokens[i].text == "'")
  }

  func range(_ r: Range<Int>) -> Range<Int> {
    tokens[r.lowerBound].range.lowerBound..<tokens[r.upperBound - 1].range.upperBound
  }

  /// The cleaned text of tokens, quotes removed, spaces as written.
  func name(_ r: Range<Int>) -> String {
    guard !r.isEmpty else { return "" }
    var out = ""
    var previousEnd: Int? = nil
    for k in r where !isQuote(k) {
      let t = tokens[k]
      if let previousEnd, t.range.lowerBound > previousEnd { out += " " }
      out += t.text
      previousEnd = t.range.upperBound
    }
    return out
  }

  mutating func add(_ mention: Mention) -> Int {
    for k in mention.tokens { covered[k] = true }
    mentions.append(mention)
    return mentions.count - 1
  }

  func isFree(_ k: Int) -> Bool { k >= 0 && k < tokens.count && !covered[k] && !person.contains(k) }

  // MARK: 1. Legal forms

  func legalFormLength(at j: Int) -> Int? {
    for sequence in GermanLexicon.legalFormSequences {
      guard j + sequence.count <= tokens.count else { continue }
      var ok = true
      for (k, piece) in sequence.enumerated() where tokens[j + k].text != piece {
        ok = false
        break
      }
      // "e. V." spelled with spaces is the same tokens; a following word character would
      // make "eG" part of a longer word, which the tokenizer already prevents.
      if ok { return sequence.count }
    }
    return nil
  }

  mutating func legalForms() {
    var j = 1
    while j < tokens.count {
      guard let length = legalFormLength(at: j), isFree(j - 1) else {
        j += 1
        continue
      }
      // Words and connectors to the left, up to a hard stop.
      let connectors: Set<String> = [
        "für", "zur", "zum", "und", "die", "der", "das", "den", "dem", "des", "von", "im", "in",
        "an", "am",
      ]
      // Prepositions inside a name between two capitalised words ("Brücke ins Wohnen e.V.",
      // "Leben ohne Barrieren e.V."), unless the word before is a cue noun ("Kooperation mit
      // Stadtteilverein e.V.").
      let innerPrepositions: Set<String> = ["ins", "ans", "mit", "ohne", "gegen"]
      let cueNouns: Set<String> = [
        "kooperation", "zusammenarbeit", "partnerschaft", "vereinbarung", "gespräch", "gespräche",
        "austausch", "vernetzung", "unterstützung", "förderung", "beratung", "abstimmung",
        "treffen", "termin", "kontakt", "gemeinsam", "zusammen", "vertrag", "projekt",
      ]
      var chain: [Int] = []
      var k = j - 1
      while k >= 0, j - k <= 9, isFree(k) {
        let t = tokens[k]
        if t.isWord {
          // "… stellt die Genossenschaft dem Stadtteilladen X e.V.": a dative article that no
          // preposition governs starts the name.
          if ["dem", "den", "die", "das"].contains(t.lower), k > 0,
            !GermanLexicon.prepositions.contains(tokens[k - 1].lower),
            GermanLexicon.contractions[tokens[k - 1].lower] == nil
          {
            break
          }
          // "X und dem Caritasverband Y e.V.": an article after "und" starts a new name.
          if GermanLexicon.definiteArticles.contains(t.lower), k > 0,
            ["und", "sowie", "oder"].contains(tokens[k - 1].lower) || tokens[k - 1].isPunct(",")
          {
            break
          }
          if innerPrepositions.contains(t.lower), k > 0, k + 1 < j, tokens[k + 1].isCapitalized,
            tokens[k - 1].isCapitalized, !cueNouns.contains(tokens[k - 1].lower),
            GermanLexicon.head(of: tokens[k - 1]) == nil
          {
            chain.insert(k, at: 0)
            k -= 1
            continue
          }
          if connectors.contains(t.lower) {
            chain.insert(k, at: 0)
            k -= 1
            continue
          }
          // A single lower-case letter is a bullet ("o Mitbauzentrale …").
          if t.text.count == 1, !t.isCapitalized { break }
          // "Verband mecklenburgischer Wohnungsgenossenschaften e.V.", "Sozialdienst
          // katholischer Frauen e.V.": an adjective right after a head noun is in the name.
          if !t.isCapitalized, !t.isAllCaps, Declension.isAdjectiveLike(t.text), k > 0,
            GermanLexicon.head(of: tokens[k - 1]) != nil, k + 1 < j, tokens[k + 1].isCapitalized
          {
            chain.insert(k, at: 0)
            k -= 1
            continue
          }
          // A lower-case word before an article is a verb or adverb, not part of a name
          // ("… plant der Nachbarschaftsverein X e.V.").
          if !t.isCapitalized, !t.isAllCaps, k + 1 < j,
            GermanLexicon.definiteArticles.contains(tokens[k + 1].lower)
          {
            break
          }
          if GermanLexicon.roleNouns.contains(t.lower) || GermanLexicon.isFunctionWord(t.lower)
            || (!t.isCapitalized && !t.isAllCaps && Declension.isAdjectiveLike(t.text)
              && !places.contains(t.lower))
          {
            break
          }
          chain.insert(k, at: 0)
          k -= 1
          continue
        }
        // A dash with spaces around it separates ("Geld – Wohnprojekt X eG"); a hyphen joins.
        if t.isPunct("-"), k > 0, k + 1 < tokens.count,
          tokens[k - 1].range.upperBound < t.range.lowerBound || t.range.upperBound < tokens[k + 1].range.lowerBound
        {
          break
        }
        if t.isPunct("&") || t.isPunct("-") || isQuote(k) {
          chain.insert(k, at: 0)
          k -= 1
          continue
        }
        break
      }
      // The name starts at a word; connectors inside it ("Caritasverband für die Stadt
      // Chemnitz e.V.", "Mieterverein Chemnitz und Umgebung e.V.") need a head noun at its
      // start, else the name starts after the last connector ("Unterstützung der Caritas e.V."
      // → "Caritas e.V.").
      func isContent(_ k: Int) -> Bool { tokens[k].isWord && !connectors.contains(tokens[k].lower) }
      // "und" between two capitalised words ("Bauen und Wohnen") is no boundary.
      func isInnerAnd(_ k: Int) -> Bool {
        tokens[k].lower == "und" && k > 0 && k + 1 < tokens.count
          && (tokens[k - 1].isCapitalized || tokens[k - 1].isAllCaps) && tokens[k + 1].isCapitalized
      }
      while let first = chain.first, !isContent(first) { chain.removeFirst() }
      // A head among the first two words ("GWD Gesellschaft für Wohnen an der Donau mbH")
      // keeps the connectors after it.
      if let first = chain.first,
        chain.contains(where: { connectors.contains(tokens[$0].lower) && !isInnerAnd($0) }),
        GermanLexicon.head(of: tokens[first]) == nil,
        chain.count < 2 || !(tokens[chain[1]].isCapitalized && GermanLexicon.head(of: tokens[chain[1]]) != nil
          && (tokens[first].isAllCaps || tokens[first].isCapitalized))
      {
        if let last = chain.lastIndex(where: { connectors.contains(tokens[$0].lower) && !isInnerAnd($0) }) {
          chain.removeFirst(last + 1)
        }
        while let first = chain.first, !isContent(first) { chain.removeFirst() }
      }
      // "Sozialmanagement der GWD Gesellschaft … mbH": a unit before "der"/"des" and a name
      // that starts with an abbreviation or a head of its own — the legal form is the parent's.
      if let first = chain.first, GermanLexicon.head(of: tokens[first]) != nil,
        let p = chain.firstIndex(where: { ["der", "des"].contains(tokens[$0].lower) }),
        p + 1 < chain.count,
        tokens[chain[p + 1]].isAllCaps || GermanLexicon.head(of: tokens[chain[p + 1]]) != nil
          || (p + 2 < chain.count && Declension.isAdjectiveLike(tokens[chain[p + 1]].text)
            && GermanLexicon.head(of: tokens[chain[p + 2]]) != nil)
      {
        chain.removeFirst(p + 1)
      }
      var start = chain.first ?? j
      // "des Vereins Kontaktstelle Wohnen e.V." names "Kontaktstelle Wohnen e.V.": the bare
      // word "Verein" before a name is a description (issue 10), not part of it.
      var described = false
      if start + 1 < j, ["verein", "vereins", "vereines"].contains(tokens[start].lower),
        tokens[start + 1].isCapitalized || tokens[start + 1].isAllCaps || isQuote(start + 1)
      {
        start += 1
        described = true
      }
      guard start < j else {
        j += length
        continue
      }
      let r = start..<(j + length)
      let form = name(j..<(j + length))
      var type = GermanLexicon.legalFormType(form)
      // The head of the name is its first head noun ("Caritasverband für die Stadt …").
      let heads = (start..<j).compactMap { GermanLexicon.head(of: tokens[$0]) }
      if type != .cooperative, let h = heads.first {
        type = GermanLexicon.type(of: h)
        if h.head.municipal { type = .municipality }
      }
      if described, heads.isEmpty || type == .publicAgency || type == .other { type = .association }
      _ = add(
        Mention(
          kind: .legalForm, segment: index, tokens: r, range: range(r),
          name: nominativeLegalName(name(r), form: form), type: type, typeIsKnown: true))
      j += length
    }
  }

  /// "der Mainfränkischen Wohnungsbau GmbH" is the "Mainfränkische Wohnungsbau GmbH", "des
  /// Evangelischen Sozialwerks e.V." the "Evangelisches Sozialwerk e.V.": a leading adjective
  /// (stem in -isch, -lich, -ig, -al, -ell, -iv) takes the strong nominative of the name's
  /// gender — feminine for a company form (GmbH, eG, AG), else the gender of the noun after it.
  func nominativeLegalName(_ name: String, form: String) -> String {
    var words = name.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    guard words.count >= 3, let first = words.first, first.first?.isUppercase == true else { return name }
    let lower = first.lowercased()
    let stem = lower.hasSuffix("en") || lower.hasSuffix("em") ? String(lower.dropLast(2))
      : lower.hasSuffix("e") ? String(lower.dropLast()) : nil
    func token(_ w: String) -> Token { Token(text: w, lower: w.lowercased(), range: 0..<0, kind: .word) }
    // "des Forums Gemeinschaftliches Wohnen e.V." → "Forum …".
    if let head = GermanLexicon.head(of: token(first)), head.nominative != first {
      words[0] = head.nominative
      return words.joined(separator: " ")
    }
    guard let stem, ["isch", "lich", "ig", "al", "ell", "iv"].contains(where: stem.hasSuffix),
      GermanLexicon.head(of: token(first)) == nil
    else {
      return name
    }
    // The head noun after it loses its genitive -s ("Diakonischen Werks" → "Diakonisches Werk").
    if let head = GermanLexicon.head(of: token(words[1])) { words[1] = head.nominative }
    let companyForms = ["gmbh", "ggmbh", "mbh", "ag", "eg", "kg", "ug", "gbr"]
    let compact = form.lowercased().filter { $0 != " " && $0 != "." }
    let gender: GermanLexicon.Gender =
      companyForms.contains(compact) ? .feminine : Declension.gender(ofNoun: words[1])
    words[0] = Declension.nominativeAdjective(first, gender: gender)
    return words.joined(separator: " ")
  }

  // MARK: 2. Heads

  /// A word that can be part of a name after its head: capitalised or an abbreviation, not a
  /// function word, person, role, event noun, month or another head.
  func isNameWord(_ k: Int) -> Bool {
    guard isFree(k) else { return false }
    let t = tokens[k]
    guard t.isWord, t.isCapitalized || t.isAllCaps || t.hasInnerCapital else { return false }
    if GermanLexicon.isFunctionWord(t.lower) || GermanLexicon.roleNouns.contains(t.lower) {
      return false
    }
    if GermanLexicon.eventNouns[t.lower] != nil || GermanLexicon.months[t.lower] != nil {
      return false
    }
    if GermanLexicon.personTitles.contains(t.lower) { return false }
    // Another head starts another body, except the names of services, which are often the
    // name of an office: "Fachstelle Wohnungsnotfallhilfe", "Koordinierungsstelle
    // Nachbarschaftsdienst".
    // A compound of "Stadt" after a name is a district or town ("Nordstadt").
    if let h = GermanLexicon.head(of: t) {
      return h.isCompound && ["hilfe", "dienst", "management", "stadt"].contains(h.head.lemma)
    }
    return true
  }

  /// A capitalised noun of a prepositional complement (`Wohnungsbau`, `Vermeidung`).
  func isComplementNoun(_ k: Int) -> Bool {
    guard k < tokens.count, !person.contains(k) else { return false }
    let t = tokens[k]
    guard t.isWord, t.isCapitalized || t.isAllCaps else { return false }
    return !GermanLexicon.isFunctionWord(t.lower) && GermanLexicon.eventNouns[t.lower] == nil
      && GermanLexicon.months[t.lower] == nil && !GermanLexicon.personTitles.contains(t.lower)
  }

  func isLowercaseAdjective(_ k: Int) -> Bool {
    guard k < tokens.count else { return false }
    let t = tokens[k]
    return t.isWord && !t.isCapitalized && !GermanLexicon.isFunctionWord(t.lower)
      && Declension.isAdjectiveLike(t.text)
  }

  /// Parses a prepositional complement starting after the preposition at `p`: noun phrases
  /// joined by `und`, `,`, `von`, `im`, `in (der|dem)`. Returns its end and whether it starts
  /// with a lower-case adjective (a description rather than a name).
  func prepositionalComplement(after p: Int) -> (end: Int, descriptive: Bool)? {
    var k = p + 1
    var descriptive = false
    var end: Int? = nil
    func nounPhrase(_ start: Int) -> Int? {
      var m = start
      while isLowercaseAdjective(m) { m += 1 }
      guard isComplementNoun(m) else { return nil }
      m += 1
      // "Ländlichen Raum Minden-Lübbecke": further capitalised words.
      while m < tokens.count, isComplementNoun(m), GermanLexicon.head(of: tokens[m]) == nil {
        m += 1
      }
      return m
    }
    if isLowercaseAdjective(k) { descriptive = true }
    guard let first = nounPhrase(k) else { return nil }
    end = first
    k = first
    while k < tokens.count {
      let t = tokens[k]
      if t.isWord, ["und", "von", "im", "&"].contains(t.lower), let e = nounPhrase(k + 1) {
        end = e
        k = e
        continue
      }
      if t.isPunct(","), let e = nounPhrase(k + 1), e < tokens.count,
        tokens[e].isPunct(",") || tokens[e].lower == "und"
      {
        end = e
        k = e
        continue
      }
      if t.isWord, t.lower == "in", k + 1 < tokens.count {
        var m = k + 1
        if ["der", "dem"].contains(tokens[m].lower) { m += 1 }
        if let e = nounPhrase(m) {
          end = e
          k = e
          continue
        }
      }
      break
    }
    return end.map { ($0, descriptive) }
  }

  /// The closing quote of a short quoted name starting at `open`.
  func quotedName(at open: Int) -> Int? {
    guard isQuote(open) else { return nil }
    let mark = tokens[open].text
    var k = open + 1
    while k < tokens.count, k - open <= 8 {
      if tokens[k].kind == .punct, tokens[k].text == mark { break }
      if tokens[k].isPunct(".") || tokens[k].isPunct(",") { return nil }
      k += 1
    }
    guard k < tokens.count, k - open <= 8, k > open + 1, tokens[open + 1].isWord,
      tokens[open + 1].isCapitalized || tokens[open + 1].hasInnerCapital
        || tokens[open + 1].isAllCaps
    else { return nil }
    return k
  }

  func isPlace(_ k: Int) -> Bool {
    k < tokens.count && tokens[k].isWord && tokens[k].isCapitalized
      && places.contains(tokens[k].lower)
  }

  mutating func heads() {
    var i = 0
    while i < tokens.count {
      guard isFree(i), tokens[i].isWord, let match = GermanLexicon.head(of: tokens[i]) else {
        i += 1
        continue
      }
      i = headMention(i, match)
    }
  }

  /// Builds the mention of the head at `i`; returns the next token to look at.
  mutating func headMention(_ i: Int, _ match: GermanLexicon.HeadMatch) -> Int {
    let head = match.head
    // Capitalised adjectives before the head.
    var modifiers: [Int] = []
    var k = i - 1
    while k >= 0, modifiers.count < 2, isFree(k) {
      let t = tokens[k]
      guard t.isWord, t.isCapitalized, !t.isAllCaps, !GermanLexicon.isFunctionWord(t.lower),
        !GermanLexicon.roleNouns.contains(t.lower), GermanLexicon.head(of: t) == nil,
        GermanLexicon.eventNouns[t.lower] == nil, Declension.isAdjectiveLike(t.text)
      else { break }
      modifiers.insert(k, at: 0)
      k -= 1
    }
    if modifiers.isEmpty, !match.isCompound, i >= 2, isFree(i - 1), tokens[i - 1].isCapitalized,
      !tokens[i - 1].isAllCaps, !GermanLexicon.isFunctionWord(tokens[i - 1].lower),
      !GermanLexicon.roleNouns.contains(tokens[i - 1].lower),
      GermanLexicon.head(of: tokens[i - 1]) == nil,
      GermanLexicon.eventNouns[tokens[i - 1].lower] == nil,
      GermanLexicon.definiteArticles.contains(tokens[i - 2].lower)
        || GermanLexicon.contractions[tokens[i - 2].lower] != nil
    {
      modifiers = [i - 1]
    }
    // "Kinder- und Jugendbüro": a truncated compound joined to the head's own.
    if modifiers.isEmpty, match.isCompound, i >= 2, tokens[i - 1].lower == "und",
      tokens[i - 2].text.hasSuffix("-"), tokens[i - 2].isCapitalized, isFree(i - 2), isFree(i - 1)
    {
      modifiers = [i - 2, i - 1]
    }
    var place: String? = nil
    var placeAdjective = false
    if let first = modifiers.last, let p = Declension.placeOfAdjective(tokens[first].text, places: places) {
      place = p
      placeAdjective = true
    }
    // A capitalised modifier in mid-sentence is part of a name; at the start of a sentence
    // capitals say nothing, so such a mention needs confirmation elsewhere.
    let modifierInMidSentence = modifiers.contains { $0 > 0 && !isQuote($0 - 1) }

    var j = i + 1
    var quoted: Range<Int>? = nil
    var chain: Range<Int>? = nil
    var complement: (end: Int, descriptive: Bool)? = nil
    var placeToken: Int? = nil

    if let close = quotedName(at: j) {
      quoted = j..<(close + 1)
      j = close + 1
    } else {
      var m = j
      while m < tokens.count, m - j < 5, isNameWord(m) { m += 1 }
      // "Netzwerk Wohnen und Soziales Lausitz": "und" between two name words that are no
      // heads of their own belongs to the name.
      if m > j, m + 1 < tokens.count, tokens[m].lower == "und", isNameWord(m + 1),
        !tokens[m + 1].isAllCaps, GermanLexicon.head(of: tokens[m + 1]) == nil,
        !head.takesEnumeration
      {
        m += 2
        while m < tokens.count, m - j < 7, isNameWord(m) { m += 1 }
      }
      if m > j, head.takesEnumeration {
        // ", Soziales, Gesundheit und Wohnen"
        var e = m
        while e + 1 < tokens.count, tokens[e].isPunct(","), isNameWord(e + 1) { e += 2 }
        if e > m, e + 1 < tokens.count, tokens[e].lower == "und", isNameWord(e + 1) {
          m = e + 2
        } else if e == m, m + 1 < tokens.count, tokens[m].lower == "und", isNameWord(m + 1) {
          m += 2
        }
      }
      // "Bündnis Wohnen für alle Göttingen", "Netzwerk Wohnen im Alter Nordhessen": a short
      // phrase after the name that ends in a place or an abbreviation belongs to it.
      if m > j, m + 2 < tokens.count, ["für", "im", "ohne", "mit"].contains(tokens[m].lower) {
        var e = m + 1
        while e < tokens.count, e - m <= 3, tokens[e].isWord, !isPlace(e), !tokens[e].isAllCaps,
          !GermanLexicon.isFunctionWord(tokens[e].lower) || tokens[e].lower == "alle"
        {
          e += 1
        }
        if e < tokens.count, e > m + 1, isFree(e), isPlace(e) || tokens[e].isAllCaps {
          m = e + 1
        } else if e > m + 2, e <= tokens.count, tokens[e - 1].isCapitalized,
          GermanLexicon.head(of: tokens[e - 1]) == nil,
          e == tokens.count || !tokens[e].isWord || !tokens[e].isCapitalized,
          (m + 1..<e).allSatisfy({ isFree($0) && (tokens[$0].isCapitalized || tokens[$0].lower == "alle") })
        {
          // "Netzwerk Wohnen im Alter Nordhessen": two name words after the preposition, the
          // phrase ending where the name does.
          m = e
        }
      }
      // "Stadt Landau in der Pfalz", "Stadt Frankfurt am Main", "Stadt Mülheim an der Ruhr".
      if m > j, head.municipal, m + 2 < tokens.count {
        if tokens[m].lower == "am", tokens[m + 1].isCapitalized, isFree(m + 1) {
          m += 2
        } else if ["in", "an"].contains(tokens[m].lower), tokens[m + 1].lower == "der",
          tokens[m + 2].isCapitalized, isFree(m + 2), GermanLexicon.head(of: tokens[m + 2]) == nil,
          m + 3 >= tokens.count || !tokens[m + 3].isCapitalized
        {
          m += 3
        }
      }
      if m > j {
        chain = j..<m
        j = m
      }
    }
    if chain == nil, quoted == nil, head.takesPreposition,
      !match.isCompound || head.compoundTakesPreposition, j < tokens.count,
      ["für", "zur", "zum", "gegen"].contains(tokens[j].lower),
      let c = prepositionalComplement(after: j)
    {
      complement = c
      j = c.end
    }
    // A quoted name after a descriptive phrase: "Bündnis für inklusives Wohnen „Wohn:sinn“".
    var properQuote: Range<Int>? = nil
    if let c = complement, c.descriptive, let close = quotedName(at: j) {
      properQuote = j..<(close + 1)
    }
    // "in Dresden"
    if properQuote == nil, j + 1 < tokens.count, tokens[j].lower == "in", isPlace(j + 1),
      j + 2 >= tokens.count || !tokens[j + 2].isCapitalized || isQuote(j + 2)
    {
      placeToken = j + 1
      place = tokens[j + 1].lower
      j += 2
    }

    let start = modifiers.first ?? i
    let hasName = chain != nil || quoted != nil || (complement.map { !$0.descriptive } ?? false)
    let acronymPrefix =
      match.isCompound && tokens[i].text.contains("-")
      && Token(text: match.prefix, lower: match.prefix.lowercased(), range: 0..<0, kind: .word)
        .isAllCaps
    let aloneAsItem =
      match.isCompound && head.bareCompoundIsOffice && segment.kind == .item
      && tokens.count == 1
    let genitiveParent =
      !head.municipal && j + 2 < tokens.count && ["der", "des"].contains(tokens[j].lower)
      && (GermanLexicon.head(of: tokens[j + 1]).map { $0.head.municipal } ?? false)
      && isNameWord(j + 2)
    var named = hasName || placeToken != nil || acronymPrefix || aloneAsItem || genitiveParent
      || (!modifiers.isEmpty && (placeAdjective || !match.isCompound))
    if properQuote != nil { named = true }

    // The lower-case nominative head word, for signatures and descriptors.
    let headWord = match.nominative.lowercased()

    guard named else {
      // A generic head: remember it for appositions and headings.
      var descriptorPlace: String? = place
      if descriptorPlace == nil {
        // "die in Leipzig bereits bestehende Koordinationsstelle"
        var b = i - 1
        while b >= 1, i - b <= 6, !tokens[b].isPunct(","),
          !GermanLexicon.definiteArticles.contains(tokens[b].lower)
        {
          if tokens[b - 1].lower == "in", isPlace(b) { descriptorPlace = tokens[b].lower }
          b -= 1
        }
      }
      let before = i > 0 ? tokens[i - 1].lower : ""
      let definite =
        GermanLexicon.definiteArticles.contains(before)
        || GermanLexicon.contractions[before] != nil
      descriptors.append(
        Descriptor(
          segment: index, token: i, head: headWord, place: descriptorPlace, definite: definite))
      return max(j, i + 1)
    }

    let end = j
    var type = GermanLexicon.type(of: match)
    // The name: nominative adjectives, nominative head, the rest as written.
    var parts: [String] = modifiers.map {
      Declension.nominativeAdjective(tokens[$0].text, gender: head.gender)
    }
    parts.append(match.nominative)
    let restEnd = properQuote?.lowerBound ?? end
    if i + 1 < restEnd { parts.append(name((i + 1)..<restEnd)) }
    let fullName = parts.joined(separator: " ")
    let namePart: String? = {
      if let quoted { return OrganizationName.key(name(quoted)) }
      if let chain { return OrganizationName.key(name(chain)) }
      if let complement { return OrganizationName.key(name((i + 1)..<complement.end)) }
      return nil
    }()
    let signature = HeadSignature(
      head: modifiers.isEmpty || placeAdjective
        ? headWord
        : OrganizationName.key(name(modifiers[0]..<(i + 1))),
      name: namePart, place: place)

    // Head + abbreviation only: the abbreviation is the name ("Wohnungsbaugesellschaft GWG").
    if let chain, chain.count == 1, tokens[chain.lowerBound].isAllCaps, modifiers.isEmpty,
      placeToken == nil
    {
      let a = chain.lowerBound
      if match.isCompound || head.municipal == false {
        _ = add(
          Mention(
            kind: .acronym, segment: index, tokens: a..<(a + 1), range: range(a..<(a + 1)),
            name: tokens[a].text, type: type, typeIsKnown: true))
        for k in i..<end { covered[k] = true }
        descriptors.append(Descriptor(segment: index, token: i, head: headWord, place: nil))
        return end
      }
    }

    if head.municipal { type = .municipality }
    var mention = Mention(
      kind: properQuote == nil ? .head : .descriptiveAlias, segment: index,
      tokens: start..<end, range: range(start..<end), name: fullName, type: type,
      typeIsKnown: true, signature: signature)
    if !modifiers.isEmpty, !modifierInMidSentence, !placeAdjective, !hasName,
      placeToken == nil
    {
      mention.isWeak = true
    }
    let m = add(mention)
    if let properQuote {
      let inner = (properQuote.lowerBound + 1)..<(properQuote.upperBound - 1)
      var quotedMention = Mention(
        kind: .quotedName, segment: index, tokens: inner, range: range(inner),
        name: name(inner), type: type, typeIsKnown: true)
      quotedMention.aliasOf = base + m
      _ = add(quotedMention)
      for k in properQuote { covered[k] = true }
      return properQuote.upperBound
    }
    // "… der Stadt Leipzig": the parent body.
    if !head.municipal, end + 2 < tokens.count, ["der", "des"].contains(tokens[end].lower),
      let parent = GermanLexicon.head(of: tokens[end + 1]), parent.head.municipal,
      isNameWord(end + 2)
    {
      pendingParents.append((m, end + 1))
    }
    return end
  }

  // MARK: 3. Affiliations

  mutating func affiliations() {
    // "(Lokale Agenda Dresden)" after a person.
    var k = 1
    while k < tokens.count {
      defer { k += 1 }
      guard tokens[k].isPunct("("), person.contains(k - 1) else { continue }
      var close = k + 1
      while close < tokens.count, !tokens[close].isPunct(")"), close - k <= 9 { close += 1 }
      guard close < tokens.count, tokens[close].isPunct(")"), close > k + 1 else { continue }
      let inner = (k + 1)..<close
      guard inner.allSatisfy({ isFree($0) }), organizationLike(inner) else { continue }
      _ = add(
        Mention(
          kind: .affiliation, segment: index, tokens: inner, range: range(inner),
          name: name(inner), type: .other, typeIsKnown: false))
    }
    if let signature, signature.allSatisfy({ isFree($0) }), organizationLike(signature) {
      _ = add(
        Mention(
          kind: .affiliation, segment: index, tokens: signature, range: range(signature),
          name: name(signature), type: .other, typeIsKnown: false))
    }
  }

  /// Capitalised words, joined at most by `für`, `und`, `der`, hyphens and ampersands.
  func organizationLike(_ r: Range<Int>) -> Bool {
    guard tokens[r.lowerBound].isCapitalized || tokens[r.lowerBound].isAllCaps else {
      return false
    }
    for k in r {
      let t = tokens[k]
      if t.isWord {
        if t.isCapitalized || t.isAllCaps { continue }
        if ["für", "und", "der", "zur", "zum"].contains(t.lower) { continue }
        return false
      }
      if t.isPunct("-") || t.isPunct("&") { continue }
      return false
    }
    return true
  }

  // MARK: 4. Abbreviations

  mutating func acronyms() {
    for k in tokens.indices where isFree(k) && tokens[k].isAllCaps {
      let word = tokens[k].text
      guard (2...8).contains(word.count), !GermanLexicon.nonOrganizationAcronyms.contains(word),
        !terms.contains(word)
      else { continue }
      // Roman numerals of titles ("Netzwerken I") are excluded above; a digit-only tail too.
      _ = add(
        Mention(
          kind: .acronym, segment: index, tokens: k..<(k + 1), range: range(k..<(k + 1)),
          name: word, type: .other, typeIsKnown: false))
    }
  }

  // MARK: 5. Definitions

  mutating func definitions() {
    let count = mentions.count
    for m in 0..<count {
      let e = mentions[m].tokens.upperBound
      // "NAME, kurz ABK" and "NAME (kurz: ABK)"
      var k = e
      if k < tokens.count, tokens[k].isPunct(",") || tokens[k].isPunct("(") {
        k += 1
        var introduced = false
        while k < tokens.count, tokens[k].isWord,
          GermanLexicon.abbreviationIntroducers.contains(tokens[k].lower)
            || ["im", "fortan"].contains(tokens[k].lower)
        {
          introduced = true
          k += 1
        }
        if k < tokens.count, tokens[k].isPunct(":") { k += 1 }
        // "(Name mbH, ABK)": the abbreviation closes the bracket the name stands in.
        let closesBracket = tokens[e].isPunct(",") && k + 1 < tokens.count && tokens[k + 1].isPunct(")")
        // "Name, Ort (ABK)": the place of the body between the name and its abbreviation.
        if tokens[e].isPunct(","), !introduced, k + 2 < tokens.count, tokens[k].isCapitalized,
          !tokens[k].isAllCaps, tokens[k + 1].isPunct("(")
        {
          k += 2
        }
        let bracket = tokens[k - 1].isPunct("(")
        // "(GWA Südpfalz)": the abbreviation and a place word.
        let withPlace =
          bracket && k + 2 < tokens.count && tokens[k + 1].isCapitalized && !tokens[k + 1].isAllCaps
          && tokens[k + 2].isPunct(")")
        if k < tokens.count, introduced || bracket || closesBracket,
          tokens[k].isAllCaps || tokens[k].hasInnerCapital,
          !bracket || (k + 1 < tokens.count && tokens[k + 1].isPunct(")")) || withPlace,
          mentions[m].kind != .acronym,
          introduced || initialsFit(tokens[k].text, mentions[m].name)
        {
          define(alias: k..<(k + 1), of: m, kind: .acronym)
          continue
        }
      }
      // "ABK (Long Name)" — the abbreviation or a compound starting with it.
      guard e + 2 < tokens.count, tokens[e].isPunct("(") else { continue }
      let abbreviation = acronymPart(mentions[m])
      guard let abbreviation else { continue }
      var close = e + 1
      while close < tokens.count, !tokens[close].isPunct(")"), close - e <= 12 { close += 1 }
      guard close < tokens.count, tokens[close].isPunct(")"), close > e + 2 else { continue }
      let inner = (e + 1)..<close
      guard initialsFit(abbreviation, name(inner)), inner.allSatisfy({ isFree($0) }) else {
        continue
      }
      define(alias: inner, of: m, kind: .expansion)
    }
  }

  func acronymPart(_ mention: Mention) -> String? {
    if mention.kind == .acronym { return mention.name }
    guard mention.tokens.count == 1 else { return nil }
    let word = tokens[mention.tokens.lowerBound].text
    guard let dash = word.firstIndex(of: "-") else { return nil }
    let prefix = String(word[..<dash])
    return Token(text: prefix, lower: prefix.lowercased(), range: 0..<0, kind: .word).isAllCaps
      ? prefix : nil
  }

  mutating func define(alias r: Range<Int>, of m: Int, kind: Mention.Kind) {
    if let existing = mentions.firstIndex(where: { $0.tokens == r }) {
      mentions[existing].aliasOf = base + m
      return
    }
    guard r.allSatisfy({ isFree($0) }) else { return }
    var alias = Mention(
      kind: kind, segment: index, tokens: r, range: range(r), name: name(r),
      type: mentions[m].type, typeIsKnown: false)
    alias.aliasOf = base + m
    _ = add(alias)
  }

  /// Whether the letters of an abbreviation appear in order as initials of the words or the
  /// capitals of a long name (`DORV` – "Dienstleistung und Ortsnahe Rundum Versorgung").
  func initialsFit(_ abbreviation: String, _ long: String) -> Bool {
    let letters = Array(abbreviation.lowercased().filter { $0.isLetter })
    guard letters.count >= 2 else { return false }
    var capitals: [Character] = []
    for word in long.split(whereSeparator: { $0 == " " || $0 == "-" }) {
      for (n, c) in word.enumerated() where c.isUppercase || (n == 0 && c.isLetter) {
        capitals.append(Character(c.lowercased()))
      }
    }
    var matched = 0
    var position = 0
    for letter in letters {
      if let found = capitals[position...].firstIndex(of: letter) {
        matched += 1
        position = found + 1
      }
    }
    return capitals.first == letters.first && matched * 3 >= letters.count * 2
  }

  // MARK: 6. Offer lists

  mutating func offerListNames() {
    guard inOfferList, segment.startsBlock, tokens.count >= 2, isFree(0) else { return }
    let first = tokens[0]
    let next = tokens[1].isPunct(":") && tokens.count > 2 ? tokens[2] : tokens[1]
    // A compound office before a colon: "Caritasverband: Schuldnerberatung".
    let office = GermanLexicon.head(of: first).map { $0.isCompound } ?? false
    guard first.isWord, first.isCapitalized || first.isAllCaps,
      !GermanLexicon.isFunctionWord(first.lower),
      !Declension.isAdjectiveLike(first.text) || first.hasInnerCapital || office,
      !OrganizationRecognizer.isOfferNoun(first.lower),
      GermanLexicon.head(of: first) == nil || (office && tokens[1].isPunct(":")),
      next.isWord, OrganizationRecognizer.isOfferNoun(next.lower)
    else { return }
    _ = add(
      Mention(
        kind: .listName, segment: index, tokens: 0..<1, range: range(0..<1), name: first.text,
        type: .other, typeIsKnown: false))
  }
}
