import StakeMapText
import Testing

@Suite struct LanguageTests {
  @Test func rawValuesAreISOCodes() {
    #expect(Language.allCases.map(\.rawValue) == ["de", "en"])
  }
}
