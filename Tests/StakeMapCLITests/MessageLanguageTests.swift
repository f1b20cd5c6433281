import Foundation
import Testing

/// The language of the command line's messages: the network's, `--lang` first; before a
/// network is read, English unless the locale (LC_ALL, LC_MESSAGES, LANG) says German.
@Suite("CLI message language") struct MessageLanguageTests {
  /// The header line of `analyze`'s table (the line above the rule of "─").
  static func header(_ stdout: String) throws -> String {
    let rows = stdout.split(separator: "\n").map(String.init)
    let rule = try #require(rows.firstIndex { $0.hasPrefix("─") })
    return rows[rule - 1]
  }

  @Test func aGermanNetworksTableIsGerman() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Samples.spec)
    let result = try CLIRunner.run(["analyze", file])
    #expect(result.status == 0, "\(result.stderr)")
    let header = try Self.header(result.stdout)
    for word in ["Akteur", "Typ", "Grad", "Stärke", "Vermittlung (Betweenness) ▼", "Harmonische Nähe", "Eigenvektor"] {
      #expect(header.contains(word), "\(word) in \(header)")
    }
    for word in ["Actor", "Type", "Degree", "Strength", "Harmonic", "Eigenvector"] {
      #expect(!header.contains(word), "\(word) in \(header)")
    }
    #expect(result.stdout.contains("4 Akteure, 2 Beziehungen"), "\(result.stdout)")
    #expect(result.stdout.contains("0,"), "decimal comma: \(result.stdout)")
    #expect(!result.stdout.contains("0."), "no decimal point: \(result.stdout)")
  }

  @Test func anEnglishNetworksTableIsEnglish() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let result = try CLIRunner.run(["analyze", file], locale: "de_DE.UTF-8")
    let header = try Self.header(result.stdout)
    for word in ["Actor", "Type", "Degree", "Strength", "Betweenness ▼", "Harmonic"] {
      #expect(header.contains(word), "\(word) in \(header)")
    }
    #expect(!header.contains("Akteur") && !header.contains("Grad"), "\(header)")
    #expect(result.stdout.contains("5 actors, 3 ties"), "\(result.stdout)")
  }

  @Test func langOverridesTheNetwork() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Samples.spec)
    let result = try CLIRunner.run(["analyze", file, "--lang", "en"])
    let header = try Self.header(result.stdout)
    #expect(header.contains("Actor") && header.contains("Degree"), "\(header)")
    let map = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--lang", "en"])
    #expect(map.stderr.contains("4 actors, neato layout"), "\(map.stderr)")
  }

  @Test func withoutANetworkTheLocaleDecides() throws {
    let missing = "/nonexistent/network.yaml"
    #expect(try CLIRunner.run(["check", missing]).stderr.contains("\(missing): 1 error"))
    #expect(try CLIRunner.run(["check", missing], locale: "C.UTF-8").stderr.contains("\(missing): 1 error"))
    #expect(try CLIRunner.run(["check", missing], locale: "de_DE.UTF-8").stderr.contains("\(missing): 1 Fehler"))
    let analyze = try CLIRunner.run(["analyze", missing], locale: "de_AT")
    #expect(analyze.stderr.contains("1 Fehler; nichts wurde geschrieben."), "\(analyze.stderr)")
    // Options are checked before the network is read: the locale decides there too.
    let options = ["render", missing, "-o", "map.svg", "--radius", "2"]
    #expect(try CLIRunner.run(options).stderr.contains("--radius needs --ego"))
    #expect(try CLIRunner.run(options, locale: "de_DE.UTF-8").stderr.contains("--radius braucht --ego"))
  }
}
