import Foundation
import Testing

@Suite("stakemap extract")
struct ExtractEndToEndTests {
  static let protocolText = """
    Workshop 1 „Wohnen am Fluss“ im Rückblick

    Am 3. April 2019 lud das Netzwerk Wohnen Jena, kurz NWJ, in Kooperation mit der Stadt Jena zum Workshop ein. Der Workshop wurde von Frau Ina Berg (Lokale Agenda Jena) moderiert.

    Was für bestehende Angebote gibt es in Jena?

      • WoBa Jena eG Begleitung von Hausgruppen
    """

  @Test func draftToStandardOutputPassesTheCheck() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.file("protokoll.txt", Self.protocolText)
    let result = try CLIRunner.run(["extract", input])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("review: pending"))
    #expect(result.stderr.contains("alle mit review: pending markiert"))
    let draft = try dir.file("draft.yaml", result.stdout)
    let check = try CLIRunner.run(["check", draft])
    #expect(check.status == 0, "\(check.stderr)")
    // The cooperation in the sentence, and the moderation at the host's workshop, inferred.
    #expect(check.stdout.contains("in Ordnung: 4 Akteure, 2 Beziehungen"))
    #expect(result.stdout.contains("  # stakemap extract: erschlossen – eine Seite ist die Gastgeberin der Veranstaltung\n  - between:"))
  }

  @Test func outputFileJsonAndSourceId() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.file("protokoll.txt", Self.protocolText)
    let output = dir.path("entwurf.json")
    let result = try CLIRunner.run(["extract", input, "-o", output, "--source-id", "p9", "-q"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    let json = try String(contentsOfFile: output, encoding: .utf8)
    #expect(json.hasPrefix("{"))
    #expect(json.contains("\"id\": \"p9\""))
    #expect(try CLIRunner.run(["check", output]).status == 0)
  }

  @Test func sameInputSameBytes() throws {
    let dir = try TemporaryDirectory()
    let input = try dir.file("protokoll.txt", Self.protocolText)
    let a = try CLIRunner.run(["extract", input, "--context-ties"])
    let b = try CLIRunner.run(["extract", input, "--context-ties"])
    #expect(a.stdoutBytes == b.stdoutBytes)
  }

  @Test func aDirectoryIsNamedInTheLocalesLanguage() throws {
    let dir = try TemporaryDirectory()
    let english = try CLIRunner.run(["extract", dir.path("")])
    #expect(english.status == 1)
    #expect(english.stderr.contains("is a directory, not a protocol file"), "\(english.stderr)")
    let german = try CLIRunner.run(["extract", dir.path("")], locale: "de_DE.UTF-8")
    #expect(german.status == 1)
    #expect(german.stderr.contains("ist ein Verzeichnis, keine Protokolldatei"), "\(german.stderr)")
  }

  @Test func unreadableInputFailsAndWritesNothing() throws {
    let dir = try TemporaryDirectory()
    let output = dir.path("draft.yaml")
    let result = try CLIRunner.run(["extract", dir.path("fehlt.txt"), "-o", output])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot read"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let latin1 = dir.path("latin1.txt")
    try Data([0x47, 0x72, 0xFC, 0xDF, 0x65]).write(to: URL(fileURLWithPath: latin1))
    let bad = try CLIRunner.run(["extract", latin1])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("UTF-8"))
    // The position of the first bad byte, as the spreadsheet importer names it.
    #expect(bad.stderr.contains("latin1.txt:1:3: the file is not UTF-8: byte 0xFC ('ü' in Windows-1252) after \"Gr\""), "\(bad.stderr)")
    let second = dir.path("line2.txt")
    try Data(Array("Zeile eins\nZwei ".utf8) + [0xE4]).write(to: URL(fileURLWithPath: second))
    #expect(try CLIRunner.run(["extract", second]).stderr.contains("line2.txt:2:6:"))
  }

  @Test func helpTeachesTheReviewWorkflow() throws {
    let result = try CLIRunner.run(["extract", "--help"])
    #expect(result.stdout.contains("review: pending"))
    #expect(result.stdout.contains("stakemap merge"))
    #expect(!result.stdout.contains("--evaluate"))
  }
}
