/// Comparison keys for organisation names, so that one organisation written differently in
/// different protocols is recognised as one: `e. V.` and `e.V.`, case, `ä` and `ae`, `ß` and
/// `ss`, a leading article (`die GWG` and `GWG`), punctuation and spacing.
///
///     OrganizationName.key("Die GWG")                  // "gwg"
///     OrganizationName.key("piano e. V.")              // "piano ev"
///     OrganizationName.key("Piano e.V.")               // "piano ev"
///     OrganizationName.baseKey("piano e.V.")           // "piano"
///     OrganizationName.key("Mietshäuser Syndikat")     // "mietshaeuser syndikat"
///
/// - Complexity: O(length of the name).
public enum OrganizationName {
  /// Legal forms, as their normalised tokens (after punctuation is dropped and case folded):
  /// `e. V.` → `e v` → `ev`, `gGmbH` → `ggmbh`.
  static let legalForms: Set<String> = [
    "ev", "eg", "gmbh", "ggmbh", "ag", "kg", "ohg", "gbr", "ug", "mbh", "se", "kgaa", "stiftung",
    "ggmbh", "gug", "aör", "aoer", "kdör", "kdoer",
  ]

  static let articles: Set<String> = ["der", "die", "das", "den", "dem", "des", "the"]

  /// The full key: folded, transliterated, without a leading article, legal forms kept (as one
  /// token each).
  public static func key(_ name: String) -> String {
    tokens(name).joined(separator: " ")
  }

  /// The key without legal forms: `piano e.V.` and `piano` share it. Use it as a second,
  /// weaker match after ``key(_:)``.
  public static func baseKey(_ name: String) -> String {
    let all = tokens(name)
    let kept = all.filter { !legalForms.contains($0) }
    return (kept.isEmpty ? all : kept).joined(separator: " ")
  }

  /// Normalised words of a name.
  static func tokens(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    for character in name.lowercased() {
      switch character {
      case "ä": current += "ae"
      case "ö": current += "oe"
      case "ü": current += "ue"
      case "ß": current += "ss"
      case "é", "è", "ê": current += "e"
      case "á", "à", "â": current += "a"
      default:
        if character.isLetter || character.isNumber {
          current.append(character)
        } else if character == "." {
          // "e.V." and "e. V." become one token "ev": a dot ends a word only when a longer
          // word precedes it ("Str. 5" stays two words).
          if current.count > 1 { flush() }
        } else {
          flush()
        }
      }
    }
    flush()
    // Join runs of one-letter words that come from abbreviations with dots or spaces
    // ("e v" → "ev", "g g m b h" is unusual but handled the same way).
    var merged: [String] = []
    for word in words {
      if word.count == 1, let last = merged.last, last.count <= 4, last.allSatisfy({ $0.isLetter }),
        !legalForms.contains(last), isAbbreviationTail(last)
      {
        merged[merged.count - 1] = last + word
      } else {
        merged.append(word)
      }
    }
    while merged.count > 1, let first = merged.first, articles.contains(first) {
      merged.removeFirst()
    }
    return merged
  }

  /// True for a word built from one-letter pieces so far (`e`, `ev` built from `e` + `v`).
  private static func isAbbreviationTail(_ word: String) -> Bool {
    word.count == 1
  }
}
