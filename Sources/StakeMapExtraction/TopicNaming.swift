/// Topic ids for needs and offers: a short noun phrase of the claim ("trainingswohnen",
/// "beratung_wohnen"), never a sentence fragment ("stellt_dem_verein_seit_2022_zwei").
///
/// German writes nouns with a capital letter, so the rule needs no dictionary: the noun after
/// a purpose preposition (`für das Trainingswohnen`, `zur Beratung`) if there is one, else the
/// first two nouns of the claim. Words of actor names, titles, months and a few nouns that
/// carry no topic (`Verfügung`, `Rahmen`, `Jahr`, …) are skipped. O(length of the claim).
enum TopicNaming {
  static let emptyNouns: Set<String> = [
    "verfügung", "rahmen", "jahr", "jahre", "jahren", "bereich", "bereichen", "thema",
    "themen", "frage", "fragen", "möglichkeit", "möglichkeiten", "art", "weise", "teil", "zeit",
    "ende", "anfang", "seite", "seiten", "form", "fall", "punkt", "punkte", "sinne", "blick",
    "hinblick", "bezug", "ziel", "ziele", "aufgabe", "aufgaben", "es", "sie", "wir", "die",
    "der", "das", "ein", "eine", "zudem", "auch", "dabei", "hier", "dort",
  ]
  static let purpose: Set<String> = ["für", "zur", "zum", "fürs"]

  /// The id for a claim text, from at most two nouns; `nameWords` are the lower-case words of
  /// the actors' names.
  static func id(for text: String, nameWords: Set<String>) -> String {
    let words = text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    func isNoun(_ i: Int) -> Bool {
      let w = words[i]
      guard let first = w.unicodeScalars.first, first.properties.isUppercase, w.count >= 3 else {
        return false
      }
      let lower = w.lowercased()
      return !emptyNouns.contains(lower) && !nameWords.contains(lower)
        && !GermanLexicon.personTitles.contains(lower) && GermanLexicon.months[lower] == nil
        && !GermanLexicon.isFunctionWord(lower) && !w.allSatisfy({ $0.isUppercase || $0.isNumber })
        // "Verein", "Genossenschaft", "Stadt": who, not what.
        && GermanLexicon.head(of: Token(text: w, lower: lower, range: 0..<0, kind: .word)) == nil
    }
    // "für das Trainingswohnen", "zur Beratung von …".
    for i in words.indices where purpose.contains(words[i].lowercased()) {
      var j = i + 1
      while j < words.count, j - i <= 3, !isNoun(j) { j += 1 }
      if j < words.count, isNoun(j) { return Slug.make(words[j], maxLength: 30) }
    }
    let nouns = words.indices.filter(isNoun).prefix(2).map { words[$0] }
    if !nouns.isEmpty { return Slug.make(nouns.joined(separator: " "), maxLength: 30) }
    return Slug.make(words.prefix(3).joined(separator: " "), maxLength: 30)
  }
}
