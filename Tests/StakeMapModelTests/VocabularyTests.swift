import StakeMapModel
import StakeMapText
import Testing

/// One vocabulary: every term has an id, a label in each language and aliases, and no
/// spelling names two terms.
@Suite struct VocabularyTests {
  func unambiguous<T: VocabularyTerm>(_ type: T.Type) -> [String] {
    var owner: [String: T] = [:]
    var clashes: [String] = []
    for (word, value) in T.spellings {
      if let other = owner[word], other != value {
        clashes.append("\(word): \(other.rawValue) and \(value.rawValue)")
      }
      owner[word] = value
    }
    return clashes
  }

  @Test func noSpellingNamesTwoTerms() {
    #expect(unambiguous(ActorType.self) == [])
    #expect(unambiguous(RelationKind.self) == [])
    #expect(unambiguous(RelationStatus.self) == [])
    #expect(unambiguous(Basis.self) == [])
    #expect(unambiguous(EventKind.self) == [])
  }

  @Test func labelsIdsAndAliasesInBothLanguages() {
    #expect(ActorType.term("housing_company") == .housingCompany)
    #expect(ActorType.term("Wohnungsunternehmen") == .housingCompany)
    #expect(ActorType.term("housing company") == .housingCompany)
    #expect(ActorType.term("Sozialträger") == .socialOrganization)
    #expect(ActorType.term("SOZIALTRAEGER") == .socialOrganization)
    #expect(ActorType.term("Wohlfahrtsverband") == .socialOrganization)
    #expect(ActorType.term("Verband") == .association)  // a part of "Verein / Verband"
    #expect(RelationKind.term("Förderung") == .funding)
    #expect(RelationKind.term("Raumvergabe") == .spaceProvision)
    #expect(RelationKind.term("space provision") == .spaceProvision)
    #expect(RelationStatus.term("laufend") == .existing)
    #expect(RelationStatus.term("Geplant") == .planned)
    #expect(Basis.term("Weltwissen") == .worldKnowledge)
    #expect(EventKind.term("Runder Tisch") == .roundTable)
    #expect(ActorType.term("Wohnungsbau") == nil)
    #expect(ActorType.suggestion(for: "Wohnungsuntenehmen") == "housing_company")
  }

  @Test func everyTermHasALabelInEveryLanguage() {
    for language in Language.allCases {
      for t in ActorType.allCases { #expect(!t.label(language).contains(".")) }
      for t in RelationKind.allCases { #expect(!t.label(language).contains(".")) }
      for t in RelationStatus.allCases { #expect(!t.label(language).contains(".")) }
      for t in Basis.allCases { #expect(!t.label(language).contains(".")) }
      for t in EventKind.allCases { #expect(!t.label(language).contains(".")) }
    }
    #expect(ActorType.publicAgency.label(.de) == "Behörde / Amt")
    #expect(RelationStatus.planned.label(.en) == "Planned")
  }
}
