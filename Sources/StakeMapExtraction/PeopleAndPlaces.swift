/// Stage 4a: the people and places of a protocol, which are not actors but frame them.
///
/// - People: a form of address or title (`Frau`, `Herrn`, `Dr.`, `Prof.`) and the capitalised
///   words after it (`Frau Dr. Klaudia Kristin Kaufmann`); and the person of a signature or
///   credit line "First Last, Organisation" (`Hans-Jörg Schmidt, Aufbaugemeinschaft Espelkamp`,
///   `Grafik: Jan Reißig, NWID`). Their tokens never become part of an organisation's name; the
///   organisation in brackets after a person or after the comma of a signature line is one
///   (see ``OrganizationRecognizer``).
/// - Places: learned from the text itself, not from a gazetteer: the name after a municipal
///   head (`Stadt Leipzig`, `Landeshauptstadt Dresden`), and a capitalised word that follows
///   `in`/`aus`/`nach` at least twice (`in Dresden`). They let the rules read "Koordinationsstelle
///   in Dresden" as a named body, `Leipziger` as the adjective of a place, and `dresden` in
///   "bauforum dresden e.V." as the place part of a name.
///
/// Complexity: O(tokens).
struct DocumentContext: Sendable {
  /// Per segment: indices of tokens that are part of a person's name or title.
  var personTokens: [Set<Int>]
  /// Per segment: the token range of the organisation of a signature line.
  var signatureOrganizations: [Int: Range<Int>]
  /// Lower-case place names.
  var places: Set<String>
}

enum PeopleAndPlaces {
  static func analyse(_ text: SegmentedText) -> DocumentContext {
    var persons: [Set<Int>] = []
    var signatures: [Int: Range<Int>] = [:]
    var afterPreposition: [String: Int] = [:]
    var places: Set<String> = []
    for (s, segment) in text.segments.enumerated() {
      let tokens = segment.tokens
      var person = Set<Int>()
      var i = 0
      while i < tokens.count {
        guard tokens[i].isWord, GermanLexicon.personTitles.contains(tokens[i].lower),
          tokens[i].isCapitalized
        else {
          i += 1
          continue
        }
        var j = i
        var names = 0
        while j < tokens.count {
          let t = tokens[j]
          if t.isPunct("."), j > i { j += 1; continue }
          if t.isWord, GermanLexicon.personTitles.contains(t.lower) { j += 1; continue }
          if t.isWord, t.isCapitalized, !t.isAllCaps, names < 4,
            !GermanLexicon.isFunctionWord(t.lower), GermanLexicon.head(of: t) == nil,
            !GermanLexicon.roleNouns.contains(t.lower)
          {
            names += 1
            j += 1
            continue
          }
          break
        }
        if names > 0 {
          for k in i..<j { person.insert(k) }
        }
        i = max(j, i + 1)
      }
      if segment.startsBlock, segment.isBareLine, let (p, org) = signature(tokens) {
        for k in p { person.insert(k) }
        signatures[s] = org
      }
      persons.append(person)

      // Places.
      for (k, t) in tokens.enumerated() where t.isWord {
        if let match = GermanLexicon.head(of: t), match.head.municipal, k + 1 < tokens.count,
          tokens[k + 1].isCapitalized, !GermanLexicon.isFunctionWord(tokens[k + 1].lower),
          GermanLexicon.head(of: tokens[k + 1]) == nil
        {
          places.insert(tokens[k + 1].lower)
        }
        if ["in", "aus", "nach"].contains(t.lower), k + 1 < tokens.count {
          let next = tokens[k + 1]
          if next.isWord, next.isCapitalized, !next.isAllCaps,
            !GermanLexicon.isFunctionWord(next.lower), GermanLexicon.head(of: next) == nil,
            k + 2 >= tokens.count || !tokens[k + 2].isCapitalized
          {
            afterPreposition[next.lower, default: 0] += 1
          }
        }
      }
    }
    for (word, count) in afterPreposition where count >= 2 { places.insert(word) }
    return DocumentContext(
      personTokens: persons, signatureOrganizations: signatures, places: places)
  }

  /// "First Last, Organisation" or "Label: First Last, Organisation": the person's tokens and
  /// the organisation's.
  static func signature(_ tokens: [Token]) -> (Range<Int>, Range<Int>)? {
    var start = 0
    if tokens.count > 2, tokens[0].isWord, tokens[1].isPunct(":") { start = 2 }
    var comma = start
    while comma < tokens.count, !tokens[comma].isPunct(",") { comma += 1 }
    let nameCount = comma - start
    guard comma < tokens.count - 1, (2...3).contains(nameCount) else { return nil }
    for t in tokens[start..<comma] {
      guard t.isWord, t.isCapitalized, !t.isAllCaps, !GermanLexicon.isFunctionWord(t.lower),
        GermanLexicon.head(of: t) == nil, !GermanLexicon.roleNouns.contains(t.lower)
      else { return nil }
    }
    let org = (comma + 1)..<tokens.count
    guard org.count <= 8, tokens[org.lowerBound].isCapitalized || tokens[org.lowerBound].isAllCaps
    else { return nil }
    for t in tokens[org] where t.isWord && !t.isCapitalized {
      // Lower-case words inside the organisation: connectors and legal-form letters only.
      guard ["für", "und", "der", "zur", "zum", "e", "eg", "gmbh", "ggmbh"].contains(t.lower)
      else { return nil }
    }
    return (start..<comma, org)
  }
}
