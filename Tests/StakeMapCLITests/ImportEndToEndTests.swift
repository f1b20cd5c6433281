import Foundation
import Testing

@Suite("stakemap import")
struct ImportEndToEndTests {
  /// As German Excel saves "CSV UTF-8": byte order mark, semicolons, CRLF, German headers and
  /// labels, a decimal comma, a quoted line break in the evidence.
  static let akteure =
    "\u{FEFF}ID;Name;Typ;Kürzel;Schlagworte;Sektor\r\n"
    + "nwid;Netzwerk Neues Wohnen Dresden;Netzwerk;NWID;\"wohnen; netz\";zivil\r\n"
    + "lhd;Landeshauptstadt Dresden;Kommune;LHD;;öffentlich\r\n"
    + "gwg;GWG;housing_company;;;\r\n"
    + "piano;piano e.V.;Verein;;;\r\n"
  static let beziehungen =
    "\u{FEFF}Von;An;Art der Beziehung;Gewicht;gerichtet;Quelle;Beleg\r\n"
    + "nwid;lhd;Kooperation;1,5;nein;p000;\"Workshop mit\r\nder Stadt\"\r\n"
    + "gwg;piano;Förderung;2;ja;p000;\"Die GWG \"\"unterstützt\"\" finanziell\"\r\n"
  static let quellen = "id;Titel;Datum;Datei\r\np000;Workshop 1;2022-11-28;000.txt\r\n"

  @Test func germanExcelFilesImportAndPassCheck() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("akteure.csv", Self.akteure)
    let relations = try dir.file("beziehungen.csv", Self.beziehungen)
    let sources = try dir.file("quellen.csv", Self.quellen)
    let out = dir.path("netz.yaml")
    let result = try CLIRunner.run(
      ["import", actors, relations, "--sources", sources, "-o", out, "--title", "Wohnen in Dresden"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("netz.yaml: 4 Akteure, 2 Beziehungen und 1 Quelle"), "\(result.stderr)")
    // The one warning: the custom column is reported, never kept silently (issue 11).
    let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(warnings.count == 1 && warnings[0].contains("'Sektor') is not a StakeMap column"), "\(result.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.contains("title: Wohnen in Dresden"))
    #expect(text.contains("weight: 1.5"))
    #expect(text.contains("evidence: \"Workshop mit\\nder Stadt\""))
    #expect(text.contains("Sektor: öffentlich"))
    #expect(text.contains("type: association"))

    let check = try CLIRunner.run(["check", out])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("in Ordnung: 4 Akteure, 2 Beziehungen, 1 Quelle"))
    // Round trip: the same spreadsheets give the same bytes, and JSON holds the same network.
    let again = dir.path("again.yaml")
    _ = try CLIRunner.run(
      ["import", actors, relations, "--sources", sources, "-o", again, "--title", "Wohnen in Dresden"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: out)))
    let json = dir.path("netz.json")
    let viaJSON = try CLIRunner.run(
      ["import", actors, relations, "--sources", sources, "-o", json, "--title", "Wohnen in Dresden"])
    #expect(viaJSON.status == 0)
    let analyzeYAML = try CLIRunner.run(["analyze", out, "--format", "json"])
    let analyzeJSON = try CLIRunner.run(["analyze", json, "--format", "json"])
    #expect(analyzeYAML.status == 0)
    #expect(analyzeYAML.stdout == analyzeJSON.stdout)
  }

  @Test func severalWrongRowsAreAllReportedAndNothingIsWritten() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file(
      "a.csv", "id,name,type\nnwid,Netzwerk,network\nlhd,Stadt,municipalty\nnwid,Doppelt,network\n")
    let relations = try dir.file(
      "r.csv",
      "from,to,kind,weight\nnwid,lhdd,cooperation,\nnwid,lhd,coperation,\nnwid,lhd,advice,0\nnwid,lhd,advice,\n")
    let out = dir.path("net.yaml")
    let result = try CLIRunner.run(["import", actors, relations, "-o", out, "--title", "T"])
    #expect(result.status == 1)
    let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      errors.map { String($0.prefix { $0 != " " }) } == [
        "\(actors):3:3:", "\(actors):4:1:", "\(relations):2:2:", "\(relations):3:3:",
        "\(relations):4:4:",
      ], "\(result.stderr)")
    #expect(result.stderr.contains("column 3 ('type'): unknown actor type \"municipalty\""))
    #expect(result.stderr.contains("did you mean \"municipality\"?"))
    #expect(result.stderr.contains("column 2 ('to'): unknown actor id \"lhdd\" (did you mean \"lhd\"?)"))
    #expect(result.stderr.hasSuffix("5 errors; nothing was written.\n"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aFailedRunLeavesAnExistingOutputUntouched() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("a.csv", "id,name,type\nx,X,unknown_type\n")
    let out = try dir.file("net.yaml", "# my network\n")
    let result = try CLIRunner.run(["import", actors, "-o", out, "--force"])
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "# my network\n")
  }

  @Test func anExistingOutputIsReplacedOnlyWithForce() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("a.csv", "id,name,type\nx,X,other\n")
    let out = try dir.file("net.yaml", "# my network\n")
    let refused = try CLIRunner.run(["import", actors, "-o", out])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("exists; use --force to replace it, or 'stakemap merge' to add to it"))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "# my network\n")
    let forced = try CLIRunner.run(["import", actors, "-o", out, "--force", "--title", "X"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("name: X"))
  }

  @Test func withoutOutputWritesYAMLToStandardOutput() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("akteure.csv", "id,name,type\nx,X,other\n")
    let result = try CLIRunner.run(["import", actors, "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("network:\n  title: akteure\n  language: en\n"))
    #expect(result.stderr.contains("warning: no --title given"))
  }

  @Test func latin1FileGetsAnExplanation() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("akteure.csv")
    var bytes = Array("id;name;type\nms;Miets".utf8)
    bytes.append(0xE4)  // 'ä' in Windows-1252
    bytes += Array("user Syndikat;network\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try CLIRunner.run(["import", path, "-o", dir.path("n.yaml")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):2:2: error: column 2: the file is not UTF-8"), "\(result.stderr)")
    #expect(result.stderr.contains("In Excel choose 'CSV UTF-8"))
  }

  @Test func syntaxErrorsOfBothFilesAreReported() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("a.csv", "id,name,type\nx,\"X\"y,other\n")
    let relations = try dir.file("r.csv", "from,to,kind\nx,\"y,advice\n")
    let result = try CLIRunner.run(["import", actors, relations])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(actors):2:2: error: column 2: text \"y\" after the closing quote"))
    #expect(result.stderr.contains("\(relations):2:2: error: column 2: a quoted field is never closed"))
    #expect(result.stdout.isEmpty)
  }

  @Test func helpDocumentsTheColumns() throws {
    let result = try CLIRunner.run(["import", "--help"])
    #expect(result.status == 0)
    // Help text is wrapped to the terminal: compare with whitespace collapsed.
    let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for words in ["id, name, type", "from, to, kind", "Kürzel", "Art der Beziehung", "--sources", "CSV UTF-8"] {
      #expect(help.contains(words), "\(words)")
    }
  }
}
