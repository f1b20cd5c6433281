@testable import StakeMapText
import Testing

/// The catalogue is complete in every language: a phrase missing from one table, or a
/// placeholder one language has and another lacks, fails here.
@Suite struct CatalogueTests {
  @Test(arguments: Language.allCases)
  func everyPhraseHasATextInEveryLanguage(_ language: Language) {
    let table = Catalogue.table(language)
    let missing = Phrase.allCases.filter { table[$0] == nil }
    #expect(missing.isEmpty, "missing in \(language.rawValue): \(missing.map(\.rawValue))")
    let empty = Phrase.allCases.filter {
      table[$0]?.isEmpty == true && !$0.rawValue.hasSuffix(".aliases")
    }
    #expect(empty.isEmpty, "empty in \(language.rawValue): \(empty.map(\.rawValue))")
  }

  @Test func everyLanguageHasTheSamePlaceholders() {
    for phrase in Phrase.allCases {
      let sets = Language.allCases.map { Set(Words.placeholders(Catalogue.table($0)[phrase] ?? "")) }
      #expect(Set(sets).count == 1, "placeholders of \(phrase.rawValue) differ: \(sets)")
    }
  }

  @Test func placeholdersAreFilledByName() {
    let words = Words(.de)
    #expect(Words.placeholders("{a} und {b}") == ["a", "b"])
    #expect(words.list([]) == "")
    #expect(words.list(["A"]) == "A")
    #expect(words.list(["A", "B", "C"]) == "A, B und C")
    #expect(Words(.en).list(["A", "B"]) == "A and B")
    #expect(words.quoted("x") == "„x“")
    #expect(Words(.en).quoted("x") == "“x”")
    #expect(words.number(8.333, places: 2) == "8,33")
    #expect(Words(.en).number(-8.333, places: 1) == "−8.3")
  }

  @Test func aMissingPhraseShowsItsKey() {
    // A phrase a table lacks is visible in the output (never silently empty).
    var table = Catalogue.table(.en)
    table[.commonListAnd] = nil
    let words = Words(.en, table: table)
    #expect(words(.commonListAnd) == "common.list.and")
    #expect(words.list(["A", "B"]) == "A common.list.and B")
    #expect(Words(.en)(.commonListAnd) == "and")
  }
}

@Suite struct PlaceholderSyntaxTests {
  @Test func onlyIdentifiersInBracesArePlaceholders() {
    #expect(Words.placeholders("the '{' opened at {line} is not closed with '}'") == ["line"])
    #expect(Words.placeholders("{a}{b_2} {} {x y}") == ["a", "b_2"])
    #expect(Words(.en)(.commonListAnd, ["x": "1"]) == "and")
  }
}
