import Foundation
@testable import StakeMapText
import StakeMapModel
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

/// docs/FORMAT.md lists the vocabulary in one table made from the catalogue; this test fails
/// when the two differ (and prints the table the document should hold).
@Suite struct VocabularyDocumentTests {
  static func rows<T: VocabularyTerm>(_ type: T.Type, _ what: String) -> [String] {
    T.allCases.map { term in
      let aliases: (Language) -> String = { language in
        let table = Catalogue.table(language)
        let phrase = Phrase(rawValue: term.labelPhrase.rawValue + ".aliases")
        return (phrase.flatMap { table[$0] } ?? "").split(separator: "|").joined(separator: ", ")
      }
      return "| \(what) | `\(term.rawValue)` | \(term.label(.de)) | \(term.label(.en)) | "
        + "\(aliases(.de)) | \(aliases(.en)) |"
    }
  }

  static var table: String {
    (["| field | id | Deutsch | English | also (de) | also (en) |", "|---|---|---|---|---|---|"]
      + rows(ActorType.self, "actor `type`") + rows(RelationKind.self, "relation `kind`")
      + rows(RelationStatus.self, "relation `status`") + rows(Basis.self, "`basis`")
      + rows(EventKind.self, "event `kind`")).joined(separator: "\n")
  }

  @Test func formatDocumentListsTheVocabulary() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let doc = try String(contentsOf: root.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
    let begin = "<!-- vocabulary: generated from the catalogue; Tests/StakeMapModelTests -->\n"
    let end = "<!-- /vocabulary -->"
    let start = try #require(doc.range(of: begin), "docs/FORMAT.md lacks the vocabulary marker")
    let stop = try #require(doc.range(of: end, range: start.upperBound..<doc.endIndex))
    let written = doc[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .newlines)
    #expect(written == Self.table, "docs/FORMAT.md should hold:\n\(Self.table)")
  }
}
