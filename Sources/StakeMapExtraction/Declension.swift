/// Stage 5: inflected names back to the nominative, as a name is cited (without article).
///
/// German inflects the parts of a name before its head noun and the head noun itself, not the
/// name after it: "im Regionalen Netzwerk zur Vermeidung …" is the "Regionales Netzwerk zur
/// Vermeidung …", "des Amtes für Wohnungsbau" the "Amt für Wohnungsbau", "dem Netzwerk Leipziger
/// Freiheit" the "Netzwerk Leipziger Freiheit", "der Landeshauptstadt Dresden" the
/// "Landeshauptstadt Dresden", "Der 4. Runde Tisch" the "4. Runder Tisch".
///
/// The rules, for any head noun (not a list of examples):
/// - The head's genitive singular -s/-es of masculine and neuter nouns is removed (`Amtes`,
///   `Vereins`, `Bündnisses`); see ``GermanLexicon/head(of:)``. Feminine nouns do not inflect in
///   the singular.
/// - An adjective before the head gets the strong nominative ending of the head's gender:
///   masculine -er, neuter -es, feminine -e (`Regionalen Netzwerk` → `Regionales Netzwerk`,
///   `Deutschen Caritasverband` → `Deutscher Caritasverband`, `Lokalen Agenda` → `Lokale
///   Agenda`). Only the oblique endings -e, -en, -em are changed: an adjective in -er or -es is
///   already nominative or is a place adjective that never inflects (`Leipziger`).
/// - The gender of a head outside the lexicon follows its suffix: -ung, -heit, -keit, -schaft,
///   -tion, -tät, -ei, -ie, -ik, -ur, -e are feminine; -um, -ment, -chen, -lein, -nis, -werk
///   neuter; everything else masculine.
enum Declension {
  static func gender(ofNoun noun: String) -> GermanLexicon.Gender {
    let lower = noun.lowercased()
    if let match = GermanLexicon.head(
      of: Token(text: noun, lower: lower, range: 0..<0, kind: .word))
    {
      return match.head.gender
    }
    for suffix in ["ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ei", "ie", "ik", "ur", "e"]
    where lower.hasSuffix(suffix) {
      return .feminine
    }
    for suffix in ["um", "ment", "chen", "lein", "nis", "werk", "tum"] where lower.hasSuffix(suffix) {
      return .neuter
    }
    return .masculine
  }

  /// Whether a capitalised word before a head looks like an adjective (an oblique or
  /// nominative adjective ending), not like a noun.
  static func isAdjectiveLike(_ word: String) -> Bool {
    let lower = word.lowercased()
    guard lower.count >= 4 else { return false }
    return ["e", "en", "em", "er", "es"].contains { lower.hasSuffix($0) }
  }

  /// The strong nominative form of an adjective before a head of the given gender.
  static func nominativeAdjective(_ word: String, gender: GermanLexicon.Gender) -> String {
    let lower = word.lowercased()
    var stem = word
    if lower.hasSuffix("en") || lower.hasSuffix("em") {
      stem = String(word.dropLast(2))
    } else if lower.hasSuffix("e") {
      stem = String(word.dropLast(1))
    } else {
      return word
    }
    guard stem.count >= 2 else { return word }
    switch gender {
    case .masculine: return stem + "er"
    case .neuter: return stem + "es"
    case .feminine: return stem + "e"
    }
  }

  /// The base of a place adjective (`Leipziger` → `Leipzig`, `Dresdner` → `Dresden`) when the
  /// base is one of `places` (lower case); nil otherwise.
  static func placeOfAdjective(_ word: String, places: Set<String>) -> String? {
    let lower = word.lowercased()
    guard lower.hasSuffix("er"), lower.count > 4 else { return nil }
    let stem = String(lower.dropLast(2))
    for candidate in [stem, String(stem.dropLast()) + "en", stem + "e", String(stem.dropLast())]
    where places.contains(candidate) {
      return candidate
    }
    return nil
  }
}
