/// Every user-facing sentence and label, one table per language. The tables are data: a
/// translator edits `Tables/LANGUAGE.swift` and nothing else.
package enum Catalogue {
  /// The table of `language`: every ``Phrase`` with its text.
  package static func table(_ language: Language) -> [Phrase: String] {
    switch language {
    case .de: german
    case .en: english
    }
  }

  /// The labels and aliases of a vocabulary term in every language, for readers that accept
  /// any of them (`Sozialträger`, `Förderung`, `laufend`). `label` is the term's label phrase;
  /// its aliases are the phrase whose raw value adds `.aliases`, separated by `|`.
  package static func spellings(of label: Phrase) -> [String] {
    var all: [String] = []
    let aliases = Phrase(rawValue: label.rawValue + ".aliases")
    for language in Language.allCases {
      let table = table(language)
      if let text = table[label] { all.append(text) }
      if let aliases, let text = table[aliases] {
        all += text.split(separator: "|").map { String($0) }.filter { !$0.isEmpty }
      }
    }
    return all
  }
}
