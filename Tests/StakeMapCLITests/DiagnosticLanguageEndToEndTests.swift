import Foundation
import Testing

/// File diagnostics (`file:line:column: error: …`) in the coordinator's language: German with a
/// German locale or `--lang de`, English otherwise, exactly as before.
@Suite("diagnostics in the message language")
struct DiagnosticLanguageEndToEndTests {
  /// The diagnostic lines of standard error (not the summary that follows them).
  func diagnosticLines(_ stderr: String, file: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file + ":") && $0.contains(": ") }
      .filter { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": Fehler: ")
        || $0.contains(": Warnung: ") }
  }

  static let english = ["unknown", "expected", "missing", "did you mean", "found", "error:", "warning:"]

  @Test func checkWithAGermanLocalePrintsGermanDiagnostics() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let result = try CLIRunner.run(["check", file], locale: "de_DE.UTF-8")
    #expect(result.status == 1)
    let lines = diagnosticLines(result.stderr, file: file)
    #expect(lines.count >= 8, "\(result.stderr)")
    for line in lines {
      let found = Self.english.filter { line.lowercased().contains($0) }
      #expect(found.isEmpty, "English words \(found) in: \(line)")
    }
    #expect(
      result.stderr.contains(
        "\(file):14:21: Fehler: unbekannte Akteurs-ID „lhdd“ in „between“ (meinten Sie „lhd“?)"),
      "\(result.stderr)")
    #expect(result.stderr.contains("\(file):7:9: Fehler: Akteurs-ID „nwid“ ist doppelt vergeben"))
    #expect(result.stderr.contains("Akteurstyp „municipalty“ ist unbekannt"))
    #expect(result.stderr.contains("meinten Sie „municipality“?"))
  }

  @Test func withoutALocaleDiagnosticsStayEnglish() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(file):14:21: error: unknown actor id \"lhdd\" in 'between' (did you mean \"lhd\"?)"),
      "\(result.stderr)")
    #expect(!result.stderr.contains("Fehler"))
  }

  @Test func langOptionChoosesTheLanguageOfDiagnostics() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let german = try CLIRunner.run(["analyze", file, "--lang", "de"])
    #expect(german.status == 1)
    #expect(german.stderr.contains("\(file):14:21: Fehler: unbekannte Akteurs-ID „lhdd“"), "\(german.stderr)")
    let english = try CLIRunner.run(["analyze", file, "--lang", "en"], locale: "de_DE.UTF-8")
    #expect(english.status == 1)
    #expect(english.stderr.contains("\(file):14:21: error: unknown actor id \"lhdd\""), "\(english.stderr)")
  }

  @Test func checkTakesLangToo() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let german = try CLIRunner.run(["check", file, "--lang", "de"])
    #expect(german.status == 1)
    #expect(german.stderr.contains("\(file):14:21: Fehler: unbekannte Akteurs-ID „lhdd“"), "\(german.stderr)")
    #expect(german.stderr.contains("Fehler") && !german.stderr.contains(" error"))
  }
}
