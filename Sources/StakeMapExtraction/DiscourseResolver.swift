import StakeMapModel

/// How a party of a proposed tie was found when the sentence does not name it
/// (GUIDELINES 4.7). Written into the draft so that a reviewer sees what to check.
enum TieInference: String, Sendable, Equatable, CaseIterable {
  /// A definite description or pronoun that points back to a named actor ("die
  /// Genossenschaft", "der Verein", "Sie").
  case coreference
  /// "wir"/"uns"/"unser": the organisation the text identifies as its publisher.
  case publisher
  /// The subject of the previous sentence, for a clause without a named subject of its own
  /// ("Die Befragung findet in Kooperation mit A und B statt").
  case previousSubject = "previous_subject"
  /// The organisation that answers the protocol's questions.
  case respondent
  /// The host of the event the text describes.
  case host
  /// The lead-in or heading of a list ("Folgende Initiativen beteiligen sich am Netzwerk:").
  case heading
}

/// A party of a tie that the sentence names only indirectly, resolved to an actor.
struct ResolvedAnaphor: Sendable, Equatable {
  /// Index of the stand-in mention appended to the resolution.
  var mention: Int
  var inference: TieInference
  /// The words as written ("die Genossenschaft", "uns").
  var text: String
}

/// Stage 7b: discourse. Finds the publisher of the text and the definite descriptions and
/// pronouns that refer back to named actors, and adds them to a copy of the resolution as
/// stand-in mentions, so that the tie rules see them as parties. They never become names,
/// aliases or `mentions` of an actor (GUIDELINES 3.3).
///
/// Rules (German, closed-class words only; no names):
/// - **Definite description**: an article or fused preposition (`der`, `die`, `das`, `dem`,
///   `den`, `des`, `im`, `am`, `vom`, `zum`, `zur`, `beim`), up to three lower-case adjectives,
///   then an institutional head noun (`Genossenschaft`, `Verein`, `Sozialamt`,
///   `Wohnungsbaugesellschaft`, …) that is not part of a name. It refers to the most recently
///   named actor whose name ends in or contains that noun, else to the most recent actor of
///   the type the noun gives (`die Genossenschaft` → the last cooperative named). Nothing
///   when no actor qualifies.
/// - **Pronoun**: `Sie`/`Er` opening a sentence refers to the subject of the previous sentence
///   when that subject is an actor (named within its first three words).
/// - **Publisher**: `wir`, `uns`, `unser…` refer to the organisation the text names as its
///   author: in a line with `Pressemitteilung`, `Newsletter`, `Rundbrief`, `Herausgeber`,
///   `Mitteilung` or `Über uns`, or (for `Über uns`) in the sentence that follows; in a
///   question protocol, the organisation of a short "Antworten: …" header line, else the one
///   answering the first question. Without one, they refer to nobody.
///
/// Complexity: O(tokens × actors) in the worst case; linear in practice (the candidate search
/// keeps the last position of every actor).
enum DiscourseResolver {
  static let articlesAndFusions: Set<String> = [
    "der", "die", "das", "dem", "den", "des", "im", "am", "vom", "zum", "zur", "beim",
  ]
  static let publisherMarkers: Set<String> = [
    "pressemitteilung", "pressemeldung", "newsletter", "rundbrief", "herausgeber",
    "herausgeberin", "mitteilung", "presseinformation",
  ]
  /// Auxiliaries and modals after which a pronoun is the subject ("wird sie", "hat er").
  static let finiteVerbs: Set<String> = [
    "wird", "wurde", "hat", "hatte", "ist", "war", "soll", "sollte", "will", "wollte", "kann",
    "konnte", "muss", "musste", "möchte", "plant", "plante", "bietet", "stellt", "arbeitet",
  ]
  static func isQuote(_ token: Token) -> Bool { ["„", "\"", "‚", "«", "»"].contains(token.text) }
  static let firstPersonPlural: Set<String> = [
    "wir", "uns", "unser", "unsere", "unserer", "unserem", "unseren", "unseres",
  ]

  /// The organisation the text names as its author, if any.
  static func publisher(_ segmented: SegmentedText, _ resolution: ActorResolution) -> Int? {
    let bySegment = mentionsBySegment(resolution)
    for (s, segment) in segmented.segments.enumerated() {
      // Only the header and short lines name the author ("Laut einer Mitteilung der Stadt X"
      // in running text does not).
      guard s < 4 || segment.tokens.count <= 12 else { continue }
      let lower = segment.tokens.map(\.lower)
      // A header line "Antworten (aus Sicht der Wohnungswirtschaft): Frau X, Y GmbH" names
      // who speaks as "wir" in a question protocol.
      let answering = segment.tokens.count <= 30 ? lower.firstIndex(of: "antworten") : nil
      // The marker opens the line ("Pressemitteilung des …", "Über uns"), not "laut einer
      // Mitteilung der Stadt".
      let marker = lower.prefix(2).firstIndex(where: publisherMarkers.contains) ?? answering
      let aboutUs = lower.indices.prefix(2).first { lower[$0] == "über" && $0 + 1 < lower.count && lower[$0 + 1] == "uns" }
      guard marker != nil || aboutUs != nil else { continue }
      let start = marker ?? aboutUs!
      if let m = bySegment[s]?.first(where: { resolution.mentions[$0].tokens.lowerBound > start }) {
        return resolution.actorOfMention[m]
      }
      // "Über uns" as a heading: the first actor of the next segment.
      if aboutUs != nil, s + 1 < segmented.segments.count, let m = bySegment[s + 1]?.first {
        return resolution.actorOfMention[m]
      }
    }
    return nil
  }

  /// A copy of `resolution` with stand-in mentions for the anaphors, and what each one is.
  static func resolve(
    _ resolution: ActorResolution, _ segmented: SegmentedText, publisher: Int?
  ) -> (ActorResolution, [ResolvedAnaphor]) {
    var extended = resolution
    var anaphors: [ResolvedAnaphor] = []
    let bySegment = mentionsBySegment(resolution)
    // The last text position at which each actor was named, updated as the scan moves on,
    // and the actors by recency (most recent first; only the last `window` are candidates:
    // a description points back a few sentences, not across a whole document).
    var lastSeen: [Int: Int] = [:]
    var recent: [Int] = []
    let window = 40
    func see(_ a: Int, at position: Int) {
      lastSeen[a] = position
      if let i = recent.firstIndex(of: a) { recent.remove(at: i) }
      recent.insert(a, at: 0)
      if recent.count > window { recent.removeLast() }
    }
    // The head lemma of each actor's name: its first word that is an institutional head.
    let primaryHead: [String?] = resolution.actors.map { actor in
      for w in actor.name.split(separator: " ") {
        if let h = GermanLexicon.head(of: Token(text: String(w), lower: w.lowercased(), range: 0..<0, kind: .word)) {
          return h.head.lemma
        }
      }
      return nil
    }
    let nameWords: [[String]] = resolution.actors.map { actor in
      ([actor.name] + actor.aliases).flatMap { $0.lowercased().split(separator: " ").map(String.init) }
    }
    var previousSubject: Int? = nil
    // Head nouns the text uses to introduce an actor: "der Verein Brücke ins Wohnen e.V."
    // makes it "der Verein" later on.
    var described: [Int: Set<String>] = [:]
    for (m, mention) in resolution.mentions.enumerated() {
      guard let a = resolution.actorOfMention[m], mention.tokens.lowerBound >= 1 else { continue }
      let tokens = segmented.segments[mention.segment].tokens
      if let match = GermanLexicon.head(of: tokens[mention.tokens.lowerBound - 1]) {
        described[a, default: []].insert(match.head.lemma)
      }
    }

    for (s, segment) in segmented.segments.enumerated() {
      let tokens = segment.tokens
      let named = bySegment[s] ?? []
      var covered = Set<Int>()
      for m in named { covered.formUnion(resolution.mentions[m].tokens) }
      // An anaphor does not point to a party named in its own sentence.
      let here = Set(named.compactMap { resolution.actorOfMention[$0] })
      var subjectHere: Int? = TieExtractor.subject(named, resolution, segment).flatMap {
        resolution.actorOfMention[$0]
      }
      var k = 0
      while k < tokens.count {
        defer { k += 1 }
        let position = tokens[k].range.lowerBound
        // Actors named before this token count as antecedents.
        for m in named where resolution.mentions[m].tokens.upperBound <= k {
          if let a = resolution.actorOfMention[m], lastSeen[a] != resolution.mentions[m].range.lowerBound {
            see(a, at: resolution.mentions[m].range.lowerBound)
          }
        }
        let lower = tokens[k].lower
        if firstPersonPlural.contains(lower) {
          if let publisher, segment.kind != .heading {
            append(publisher, s, k..<(k + 1), tokens, .publisher, &extended, &anaphors)
          }
          continue
        }
        // "Sie …" opening a sentence, or right after the finite verb of an inverted one
        // ("Dem Verein wird sie ein Büro zur Verfügung stellen"): the previous subject.
        let afterFiniteVerb =
          k > 0 && k <= 8 && Self.finiteVerbs.contains(tokens[k - 1].lower)
        // Only a singular verb ("Sie fördert", "Er kooperiert"): "Sie können …" addresses the
        // reader or means several. The pronoun's gender must fit the body's ("er" for a Verein).
        let verb = k + 1 < tokens.count ? tokens[k + 1].lower : ""
        let singular = afterFiniteVerb || (verb.hasSuffix("t") && !verb.hasSuffix("en"))
        if k == 0 || afterFiniteVerb, ["sie", "er"].contains(lower), segment.kind == .sentence,
          singular, let subject = previousSubject,
          Self.gender(of: resolution.actors[subject]).map({ ($0 == .masculine) == (lower == "er") }) ?? true
        {
          append(subject, s, k..<(k + 1), tokens, .coreference, &extended, &anaphors)
          subjectHere = subjectHere ?? subject
          continue
        }
        guard articlesAndFusions.contains(lower), !covered.contains(k) else { continue }
        var j = k + 1
        while j < tokens.count, j - k <= 3, tokens[j].isWord, !tokens[j].isCapitalized,
          isAdjective(tokens[j].lower)
        {
          j += 1
        }
        guard j < tokens.count, !covered.contains(j), let match = GermanLexicon.head(of: tokens[j])
        else { continue }
        // "der Verein Kontaktstelle Wohnen" names: the recognizer owns that (it is covered).
        // A capitalised word right after the head that is not a verb continues a name.
        // "der Verein Wohnhafen Glücksburg e.V.": a name follows (named or not), so the head
        // describes it and points nowhere.
        if j + 1 < tokens.count, covered.contains(j + 1)
          || (tokens[j + 1].isCapitalized && !GermanLexicon.isFunctionWord(tokens[j + 1].lower))
          || isQuote(tokens[j + 1])
        {
          continue
        }
        guard
          let antecedent = antecedent(
            of: match, candidates: recent.filter { !here.contains($0) && lastSeen[$0]! < position },
            resolution, nameWords: nameWords, primaryHead: primaryHead, described: described)
        else { continue }
        append(antecedent, s, k..<(j + 1), tokens, .coreference, &extended, &anaphors)
        if subjectHere == nil, k <= 8, GermanLexicon.contractions[lower] == nil,
          k == 0 || !GermanLexicon.prepositions.contains(tokens[k - 1].lower)
        {
          subjectHere = antecedent
        }
        k = j
      }
      for m in named {
        if let a = resolution.actorOfMention[m], lastSeen[a] != resolution.mentions[m].range.lowerBound {
          see(a, at: resolution.mentions[m].range.lowerBound)
        }
      }
      if segment.kind == .sentence || segment.kind == .item {
        previousSubject = subjectHere
      } else {
        previousSubject = nil
      }
    }
    return (extended, anaphors)
  }

  /// The actor a definite description refers to, among the recent `candidates` (most recent
  /// first): one whose name has a word that is or ends in the noun ("das Amt" → "Sozialamt
  /// Köln"), else one introduced with the noun ("der Verein X e.V."), else one whose legal form
  /// says what it is (an e.V. is a Verein), else one of the type the noun gives. At each step a
  /// second candidate among the three most recent makes the reference doubtful: nil
  /// (GUIDELINES 4.7 "without doubt").
  static func antecedent(
    of match: GermanLexicon.HeadMatch, candidates: [Int], _ resolution: ActorResolution,
    nameWords: [[String]], primaryHead: [String?], described: [Int: Set<String>] = [:]
  ) -> Int? {
    let word = match.nominative.lowercased()
    func unique(_ found: [Int]) -> Int?? {
      guard let first = found.first else { return .none }
      if found.count > 1, let i = candidates.firstIndex(of: found[1]), let j = candidates.firstIndex(of: first),
        i - j <= 2
      {
        return .some(nil)
      }
      return .some(first)
    }
    // The noun itself in the name ("das Sozialamt" → "Sozialamt Köln"), or the name's own head
    // ("die Genossenschaft" → "Wohnungsgenossenschaft X eG"; not "die Stadt" → "Stadtteilverein
    // Südstadt e.V.", whose head is Verein).
    let byName = candidates.filter { a in
      nameWords[a].contains(word) || primaryHead[a] == match.head.lemma
    }
    if let result = unique(byName) { return result }
    if !match.isCompound, let result = unique(candidates.filter { described[$0]?.contains(match.head.lemma) == true }) {
      return result
    }
    // A compound ("Sozialamt") names one office: only its own name can resolve it.
    guard !match.isCompound || isGeneric(match) else { return nil }
    let forms: [String: [String]] = [
      "verein": ["e.v.", "e. v."], "genossenschaft": ["eg"], "gesellschaft": ["gmbh", "ggmbh", "ag"],
      "stiftung": ["stiftung"],
    ]
    if let endings = forms[match.head.lemma] {
      let byForm = candidates.filter { a in
        let name = resolution.actors[a].name.lowercased()
        return endings.contains { name.hasSuffix(" " + $0) || name.hasPrefix($0 + " ") }
      }
      if let result = unique(byForm) { return result }
    }
    let type = GermanLexicon.type(of: match)
    let compatible: Set<ActorType> =
      switch type {
      case .association, .socialOrganization: [.association, .socialOrganization]
      case .other: []
      default: [type]
      }
    return unique(candidates.filter { compatible.contains(resolution.actors[$0].type) }) ?? nil
  }

  /// The grammatical gender of a body by its name: the first head noun in it, else a company
  /// form (feminine: die GmbH, die eG), else an e.V. (masculine: der Verein); nil if unknown.
  static func gender(of actor: ResolvedActor) -> GermanLexicon.Gender? {
    let words = actor.name.split(separator: " ").map(String.init)
    for w in words {
      if let h = GermanLexicon.head(of: Token(text: w, lower: w.lowercased(), range: 0..<0, kind: .word)) {
        return h.head.gender
      }
    }
    let last = words.last?.lowercased() ?? ""
    if ["gmbh", "ggmbh", "mbh", "ag", "eg", "kg", "ug"].contains(last) { return .feminine }
    if actor.name.lowercased().hasSuffix("e.v.") || actor.name.lowercased().hasSuffix("e. v.") { return .masculine }
    return nil
  }

  /// Compounds that still describe a kind, not one office: "Wohnungsbaugesellschaft",
  /// "Wohnungsgenossenschaft", "Trägerverein".
  static func isGeneric(_ match: GermanLexicon.HeadMatch) -> Bool {
    let prefix = match.prefix.lowercased()
    return ["wohnungsbau", "wohnungs", "wohnbau", "bau", "träger", "förder", "sozial"].contains(prefix)
      && ["gesellschaft", "genossenschaft", "verein", "unternehmen"].contains(match.head.lemma)
  }

  /// Lower-case words with an adjective ending ("städtische", "neuen", "genannten").
  static func isAdjective(_ word: String) -> Bool {
    guard word.count >= 3, !GermanLexicon.isFunctionWord(word) else { return false }
    return ["e", "en", "er", "es", "em"].contains { word.hasSuffix($0) }
  }

  private static func append(
    _ actor: Int, _ segment: Int, _ tokenRange: Range<Int>, _ tokens: [Token],
    _ inference: TieInference, _ extended: inout ActorResolution, _ anaphors: inout [ResolvedAnaphor]
  ) {
    let range = tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound
    let text = tokens[tokenRange].map(\.text).joined(separator: " ")
    extended.mentions.append(
      Mention(
        kind: .shortForm, segment: segment, tokens: tokenRange, range: range,
        name: extended.actors[actor].name, type: extended.actors[actor].type, typeIsKnown: true))
    extended.actorOfMention.append(actor)
    anaphors.append(ResolvedAnaphor(mention: extended.mentions.count - 1, inference: inference, text: text))
  }

  static func mentionsBySegment(_ resolution: ActorResolution) -> [Int: [Int]] {
    var result: [Int: [Int]] = [:]
    for (i, m) in resolution.mentions.enumerated() where resolution.actorOfMention[i] != nil {
      result[m.segment, default: []].append(i)
    }
    for key in result.keys {
      result[key]!.sort { resolution.mentions[$0].tokens.lowerBound < resolution.mentions[$1].tokens.lowerBound }
    }
    return result
  }
}
