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
  static let english = [
    "unknown", "expected", "missing", "did you mean", "found", "error:", "warning:", "column",
    " the ", "while ",
  ]

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
        "bad.yaml:32:13: Fehler: das Gewicht muss eine endliche Zahl größer als 0 sein, hier steht der Text "
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

  /// Every diagnostic has a phrase, reads without English in German and exactly as before in
  /// English; returns the German descriptions.
  func german(_ diagnostics: [Diagnostic]) -> [String] {
    for diagnostic in diagnostics {
      #expect(diagnostic.phrase != nil, "no phrase: \(diagnostic.message)")
      let german = diagnostic.description(in: .de)
      #expect(englishWords(german).isEmpty, "English in German: \(german)")
      #expect(diagnostic.description(in: .en) == diagnostic.description)
    }
    return diagnostics.map { $0.description(in: .de) }
  }

  func table(_ text: String, _ file: String) -> CSVTable {
    CSVReader.parse(bytes: Array(text.utf8), file: file).table!
  }

  @Test func spreadsheetDiagnosticsReadInGerman() {
    // The rows of `SpreadsheetImporterTests.severalWrongRowsAreAllReported`.
    let result = SpreadsheetImporter.convert(
      actors: table(
        """
        id,name,type,short
        nwid,Netzwerk Neues Wohnen Dresden,network,NWID
        lhd,Landeshauptstadt Dresden,municipalty,
        nwid,Duplicate,network,
        bad id,Bad,network,
        ,Nameless,network,
        x,,verien,

        """, "a.csv"),
      relations: table(
        """
        from,to,kind,weight,directed,status,source,evidence
        nwid,lhdd,cooperation,,,,,
        nwid,lhd,coperation,,,,,
        nwid,lhd,cooperation,-1,,,,
        nwid,lhd,cooperation,"1,5",,,,
        nwid,nwid,cooperation,,,,,
        nwid,lhd,cooperation,inf,vielleicht,maybe,,
        nwid,lhd,cooperation,,,,,quote without source
        nwid,Landeshauptstadt Dresden,advice,,,,,
        NWID,,,,,,,

        """, "r.csv"),
      sources: nil, options: .init(title: "T"))
    #expect(result.diagnostics.count == 19)
    let lines = german(result.diagnostics)
    #expect(
      lines.contains(
        "a.csv:3:3: Fehler: Spalte 3 („type“): Akteurstyp „municipalty“ ist unbekannt (möglich "
          + "sind: \(NetworkDecoderTests.types); meinten Sie „municipality“?)"))
    #expect(
      lines.contains(
        "a.csv:5:1: Fehler: Spalte 1 („id“): ungültige Akteurs-ID „bad id“: erlaubt sind nur "
          + "Buchstaben, Ziffern, „-“ und „_“ (zum Beispiel „bad_id“)"))
    #expect(lines.contains("a.csv:6:1: Fehler: Spalte 1 („id“) ist leer: jeder Akteur braucht eine ID"))
    #expect(
      lines.contains("r.csv:2:2: Fehler: Spalte 2 („to“): unbekannte Akteurs-ID „lhdd“ (meinten Sie „lhd“?)"))
    #expect(
      lines.contains(
        "r.csv:9:2: Fehler: Spalte 2 („to“): unbekannte Akteurs-ID „Landeshauptstadt Dresden“ "
          + "(meinten Sie „lhd“? Beziehungen nennen Akteure über ihre ID)"))
    #expect(
      lines.contains(
        "r.csv:8:8: Fehler: Spalte 8 („evidence“): ein Beleg braucht eine Quelle: Spalte 7 "
          + "(„source“) ausfüllen"))
  }

  @Test func headerAndRowDiagnosticsReadInGerman() {
    let missing = SpreadsheetImporter.convert(
      actors: table("ID;Name;Kurz\na;A;AA\n", "a.csv"), relations: nil, sources: nil,
      options: .init(title: "T"))
    #expect(
      german(missing.diagnostics) == [
        "a.csv:1:1: Fehler: in der Akteurstabelle fehlt die Pflichtspalte „type“ (die Kopfzeile "
          + "enthält: „ID“, „Name“, „Kurz“)"
      ])
    let row = SpreadsheetImporter.convert(
      actors: table("id,name,type\nnwid,N,network\nlhd,L,other\n", "a.csv"),
      relations: table("from,to,kind,evidence\nnwid,lhd,advice,\"two\nlines\"\nnwid,lhd,fundng\n", "r.csv"),
      sources: nil, options: .init(title: "T"))
    #expect(german(row.diagnostics).contains { $0.hasSuffix("meinten Sie „funding“?) (Tabellenzeile 3)") })
  }

  @Test func syntaxErrorsReadInGerman() {
    let yaml = read("actors:\n  - id: a\n    name: [unclosed\n", file: "s.yaml")
    let json = read("{\"actors\": [}", file: "s.json", format: .json)
    let csv = CSVReader.parse(bytes: Array("id,name\n\"a,b\n".utf8), file: "c.csv").diagnostics
    let lines = german(yaml.diagnostics + json.diagnostics + csv)
    #expect(lines.count == 3)
    #expect(
      lines[0] == "s.yaml:3:11: Fehler: ungültiges YAML: die hier mit '[' geöffnete Liste wird "
        + "nicht mit ']' geschlossen, oder zwischen ihren Einträgen fehlen Kommas", "\(lines)")
    #expect(lines[1].hasPrefix("s.json:1:13: Fehler: ungültiges JSON: erwartet wird ein Wert"), "\(lines)")
    #expect(lines[2].contains("Fehler: Spalte 1: ein Feld in Anführungszeichen wird nie geschlossen"), "\(lines)")
  }

  /// The plain words for hand-editing mistakes and the nesting limit read in German too, and a
  /// libyaml message outside that table still translates its parts.
  @Test func plainYAMLWordsReadInGerman() {
    let tab = read("a:\n\tb: 1\n", file: "t.yaml")
    #expect(german(tab.diagnostics) == ["t.yaml:2:1: Fehler: ungültiges YAML: ein Tabulator: YAML-Dateien werden nur mit Leerzeichen eingerückt"])
    let deep = read(String(repeating: "[", count: 300), file: "d.yaml")
    #expect(german(deep.diagnostics).first?.contains("mehr als 200 Ebenen tief verschachtelt") == true)
  }

  @Test func anUnreadableFileReadsInGerman() {
    let result = NetworkReader.read(path: "/nonexistent/net.yaml")
    #expect(german(result.diagnostics) == ["Fehler: „/nonexistent/net.yaml“ kann nicht gelesen werden: No such file or directory"])
  }

  @Test func aFailedWriteReadsInGerman() {
    let failure = AtomicFile.WriteError(path: "out/map.svg", operation: "rename", code: 2)
    #expect(failure.description.hasPrefix("cannot write \"out/map.svg\": rename failed: "))
    #expect(failure.description(in: .en) == failure.description)
    #expect(failure.description(in: .de).hasPrefix("„out/map.svg“ kann nicht geschrieben werden: Umbenennen fehlgeschlagen: "))
  }
}
