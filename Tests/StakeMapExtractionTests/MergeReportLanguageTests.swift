import StakeMapExtraction
import StakeMapFormats
import StakeMapModel
import StakeMapText
import Testing

/// The merge report in every language of the catalogue: the same entries, every placeholder
/// filled, and the German report without English words.
@Suite struct MergeReportLanguageTests {
  func network(_ yaml: String, file: String) throws -> Network {
    let result = NetworkReader.parse(bytes: Array(yaml.utf8), file: file, format: .yaml)
    #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
    return try #require(result.network)
  }

  static let into = """
    network:
      title: Wohnen
    sources:
      - {id: p000, title: Workshop 1, file: 000.txt}
      - {id: p009, title: Alt, file: 009.txt}
    topics:
      - {id: group_support, de: Begleitung von Wohngruppen, en: Support for housing groups}
    events:
      - {id: ws1, title: Workshop 1, participants: [gwg]}
    actors:
      - {id: gwg, name: GWG, type: housing_company, short: GWG Dresden, region: Dresden, evidence: alt, source: p000, basis: protocol, sector: wohnen}
      - {id: piano, name: piano e.V., type: association}
      - {id: woge_eg, name: WoGe eG, type: cooperative}
      - {id: woge_gmbh, name: WoGe GmbH, type: housing_company}
      - {id: lhd, name: Landeshauptstadt Dresden, type: municipality, aliases: [LHD]}
    relations:
      - {from: gwg, to: piano, kind: funding}

    """

  /// One draft with an item for (nearly) every sentence of the report.
  static let draft = """
    network:
      title: Entwurf
    sources:
      - {id: p000, title: Workshop eins, file: 000.txt, date: "2024-03-01"}
      - {id: p009, title: Neu, file: 010.txt}
      - {id: s7, title: Gleiche Datei, file: 009.txt}
      - {id: nie, title: Nie zitiert}
    topics:
      - {id: group_support, de: Gruppen, en: Groups}
      - {id: premises, de: Räume, en: Premises}
      - {id: unused, de: Unbenutzt, en: Unused}
    events:
      - {id: ws1, title: Workshop Nummer 1, date: "2024-03-01", place: Dresden, participants: [g, pi, c], review: accepted}
      - {id: ws2, title: Workshop 2, participants: [g], review: pending}
      - {id: ws3, title: Workshop 3, participants: [g], review: rejected}
    actors:
      - id: g
        name: Die GWG
        type: cooperative
        short: Gemeinnützige WG
        region: Leipzig
        basis: world_knowledge
        evidence: neu
        source: p000
        tags: [Vermietung, Bestand]
        sector: bau
        farbe: blau
        offers:
          - {topic: group_support, source: s7, review: accepted}
          - {topic: premises, review: rejected}
          - {topic: premises, review: pending}
        review: accepted
      - {id: pi, name: Piano, type: association, aliases: [Piano Verein], review: accepted}
      - {id: w, name: WoGe, type: cooperative, needs: [{topic: premises}], review: accepted}
      - {id: lhd2, name: LHD, type: municipality, evidence: "LHD lädt ein", source: p009, review: accepted}
      - {id: gwg, name: Ganz Andere GmbH, type: other, review: accepted}
      - {id: c, name: Stadtrat, type: politics, review: pending}
      - {id: r, name: Falsch, type: other, review: rejected}
      - {id: g2, name: GWG Dresden, type: housing_company, review: accepted}
    relations:
      - {from: g, to: pi, kind: funding}
      - {from: g, to: lhd2, kind: advice, review: accepted}
      - {between: [g, w], kind: cooperation}
      - {between: [g, c], kind: cooperation}
      - {from: g, to: g2, kind: advice}
      - {from: pi, to: lhd2, kind: referral, review: pending}
      - {from: pi, to: gwg, kind: referral, review: rejected}

    """

  func report() throws -> MergeReport {
    DraftMerger.merge(
      try network(Self.draft, file: "draft.yaml"), into: try network(Self.into, file: "into.yaml")
    ).report
  }

  @Test func everySentenceIsWrittenInEveryLanguage() throws {
    let report = try report()
    let kinds = Set(report.entries.map { "\($0.item) \($0.outcome)" })
    #expect(kinds.count >= 18, "\(kinds.sorted())")
    #expect(report.lines() == report.lines(language: .en))
    for language in Language.allCases {
      let lines = report.lines(language: language)
      #expect(lines.count == report.lines().count)
      for line in lines {
        let open = line.split(separator: "{", omittingEmptySubsequences: false).dropFirst()
        #expect(
          !open.contains { $0.prefix { $0 != "}" }.allSatisfy { $0.isLetter || $0 == "_" } && $0.contains("}") },
          "a placeholder left in \(language): \(line)")
        #expect(!line.contains("merge."), "a phrase missing in \(language): \(line)")
      }
    }
  }

  @Test func theGermanReportHasNoEnglishWords() throws {
    let german = try report().lines(language: .de).joined(separator: "\n")
    for english in [
      "added", "matched", "skipped", "kept as", "the draft says", "already present", "not added",
      "not placed", "not needed", "actor", "relation", "source ", "topic", "offer", "need ",
      "event", "participant", " set to", "same name", "same id", "legal form", "evidence",
      "is pending", "is rejected", "ambiguous", "was not merged", "could be", "existing", "draft ", "draft's",
      "short", "region", "basis", "title", "(advice)", "(funding)", "cooperative", "world_knowledge",
    ] {
      #expect(!german.contains(english), "\(english) in:\n\(german)")
    }
    #expect(german.contains("  Akteure: "), "\(german)")
    #expect(german.contains("Typ bleibt Wohnungsunternehmen (im Entwurf: Genossenschaft)"), "\(german)")
    #expect(german.contains("Grundlage bleibt Protokoll (im Entwurf: Weltwissen)"), "\(german)")
    #expect(german.contains("farbe ergänzt: „blau“; sector bleibt „wohnen“ (im Entwurf: „bau“)"), "\(german)")
    #expect(german.contains("oder"), "\(german)")
  }
}
