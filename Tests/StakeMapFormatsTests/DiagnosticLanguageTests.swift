import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapFormats

/// Diagnostics carry their catalogue phrase and arguments, so that a German coordinator reads
/// them in German; English stays exactly the `message` every other test checks.
@Suite struct DiagnosticLanguageTests {
  /// The file of `NetworkDecoderTests.aFileWithManyProblemsReportsAllOfThem`.
  static let manyProblems = """
    network:
      titel: Test
      language: fr
    actors:
      - id: nwid
        name: Netzwerk
        type: netwrk
        tpye: network
        sector: housing
      - id: lhd
        name: [a, b]
        type: housing
      - id: lhd
        name: Stadt
        type: municipality
      - id: a b
        name: x
        type: other
      - name: No Id
        type: other
    relations:
      - between: [nwd, lhd]
        kind: cooperation
        weight: -1
      - from: nwid
        to: lhd
        between: [nwid, lhd]
        kind: funding
      - from: nwid
        to: nwid
        kind: cooprration
        weight: "2"
        evidence: "quote"
        status: maybe
      - between: [nwid]
        kind: advice
        weight: .nan
        name: name
        name: again

    """

  /// Words that must not appear in a German diagnostic.
  static let english = ["unknown", "expected", "missing", "did you mean", "found", "error:", "warning:"]

  func englishWords(_ text: String) -> [String] {
    Self.english.filter { text.lowercased().contains($0) }
  }

  @Test func everyDiagnosticOfAFileWithManyProblemsReadsInGerman() {
    let result = read(Self.manyProblems, file: "bad.yaml")
    #expect(result.diagnostics.count == 22)
    for diagnostic in result.diagnostics {
      #expect(diagnostic.phrase != nil, "no phrase: \(diagnostic.message)")
      let german = diagnostic.description(in: .de)
      #expect(englishWords(german).isEmpty, "English in German: \(german)")
      // English from the catalogue is exactly the message every other test checks.
      #expect(diagnostic.description(in: .en) == diagnostic.description)
      #expect(diagnostic.message(in: .en) == diagnostic.message)
    }
    let german = result.diagnostics.map { $0.description(in: .de) }
    #expect(german.contains("bad.yaml:2:3: Warnung: unbekannter Schlüssel „titel“ (meinten Sie „title“?)"))
    #expect(german.contains("bad.yaml:2:3: Fehler: in „network“ fehlt der Pflichtschlüssel „title“"))
    #expect(german.contains("bad.yaml:3:13: Fehler: Sprache „fr“ ist unbekannt (möglich sind: de, en)"))
    #expect(
      german.contains(
        "bad.yaml:7:11: Fehler: Akteurstyp „netwrk“ ist unbekannt (möglich sind: "
          + "\(NetworkDecoderTests.types); meinten Sie „network“?)"))
    #expect(german.contains("bad.yaml:11:11: Fehler: für „name“ wird Text erwartet, hier steht eine Liste"))
    #expect(
      german.contains("bad.yaml:13:9: Fehler: Akteurs-ID „lhd“ ist doppelt vergeben (zuerst in bad.yaml:10:9)"))
    #expect(
      german.contains(
        "bad.yaml:22:15: Fehler: unbekannte Akteurs-ID „nwd“ in „between“ (meinten Sie „nwid“?)"))
    #expect(
      german.contains(
        "bad.yaml:32:13: Fehler: das Gewicht muss eine Zahl größer als 0 sein, hier steht der Text "
          + "„2“ (ohne Anführungszeichen schreiben)"))
    #expect(german.contains("bad.yaml:35:14: Fehler: „between“ braucht genau zwei Akteurs-IDs (hier: 1)"))
  }

  @Test func aDiagnosticKeepsItsPhraseAndArguments() throws {
    let result = read(Self.manyProblems, file: "bad.yaml")
    let unknown = try #require(result.diagnostics.first { $0.location?.line == 22 })
    #expect(unknown.phrase == .diagnosticUnknownActorID)
    #expect(unknown.arguments["id"] == "\"nwd\"")
    #expect(unknown.arguments["key"] == "'between'")
    #expect(unknown.arguments["hint"] == " (did you mean \"nwid\"?)")
    #expect(unknown.message == "unknown actor id \"nwd\" in 'between' (did you mean \"nwid\"?)")
  }

  @Test func aMessageWithoutPhraseIsShownAsWritten() {
    let plain = Diagnostic.error(at: nil, "something went wrong")
    #expect(plain.phrase == nil)
    #expect(plain.description(in: .de) == "Fehler: something went wrong")
    #expect(plain.description(in: .en) == "error: something went wrong")
  }
}
