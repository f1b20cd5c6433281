import StakeMapText
import Testing

@Suite struct LanguageTests {
  @Test func rawValuesAreISOCodes() {
    #expect(Language.allCases.map(\.rawValue) == ["de", "en"])
  }
}

/// Whole numbers for people: grouped in threes in each language's way (Duden leaves four
/// digits whole, English groups from 1,000), plain below that.
@Suite struct WholeNumberTests {
  static let german: [(Int, String)] = [
    (0, "0"), (999, "999"), (1000, "1000"), (9999, "9999"), (10_000, "10.000"),
    (100_000, "100.000"), (1_234_567, "1.234.567"), (-12_345, "−12.345"),
  ]
  static let english: [(Int, String)] = [
    (999, "999"), (1000, "1,000"), (100_000, "100,000"), (1_234_567, "1,234,567"),
    (-1000, "−1,000"),
  ]

  @Test(arguments: german)
  func groupsDigitsInGerman(_ n: Int, _ expected: String) {
    #expect(Words(.de).integer(n) == expected)
  }

  @Test(arguments: english)
  func groupsDigitsInEnglish(_ n: Int, _ expected: String) {
    #expect(Words(.en).integer(n) == expected)
  }

  @Test func countsUseTheGrouping() {
    #expect(
      Words(.de).count(100_000, one: .cliActorsOne, other: .cliActorsOther) == "100.000 Akteure")
    #expect(
      Words(.en).count(100_000, one: .cliActorsOne, other: .cliActorsOther)
        == "100,000 actors")
  }
}
