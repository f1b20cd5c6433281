import StakeMapText
import Foundation
import StakeMapTestSupport
import Testing

@Suite("stakemap gaps")
struct GapsEndToEndTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path
  static let scenario = CLIRunner.packageRoot
    .appendingPathComponent("Graphs/dresden/scenario-koordinationsstelle.yaml").path

  @Test func jsonHasEverySection() throws {
    let result = try CLIRunner.run(["gaps", Self.dresden, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    for key in ["structure", "brokerage", "groups", "fragility", "needs", "suggestions"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let structure = try #require(object["structure"] as? [String: Any])
    let points = try #require(structure["articulation_points"] as? [String])
    #expect(points.contains("nwid"), "NWID holds the Dresden network together")
  }

  @Test func textTellsTheStoryInTheNetworksLanguage() throws {
    let result = try CLIRunner.run(["gaps", Self.dresden])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Lücken im Netzwerk: Gemeinschaftliches Wohnen in Dresden"))
    #expect(result.stdout.contains("Alles hängt an NWID"))
    #expect(result.stdout.contains("Vorgeschlagene neue Beziehungen"))
    let english = try CLIRunner.run(["gaps", Self.dresden, "--lang", "en"])
    #expect(english.stdout.contains("Everything hangs on NWID"))
  }

  @Test func scenarioShowsBeforeAndAfter() throws {
    let result = try CLIRunner.run(["gaps", Self.dresden, "--with", Self.scenario])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Szenario: Die Koordinationsstelle Gemeinschaftliches Wohnen arbeitet"))
    #expect(result.stdout.contains("vorher"))
    let json = try CLIRunner.run(["gaps", Self.dresden, "--with", Self.scenario, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
    let comparison = try #require(object["comparison"] as? [String: Any])
    let ties = try #require(comparison["ties"] as? [String: Any])
    #expect((ties["after"] as? Double ?? 0) > (ties["before"] as? Double ?? 0))
  }

  @Test(SharedProtocols.enabled)
  func scenarioEvidenceIsVerbatim() throws {
    let protocols = SharedProtocols.directory
    let text = try String(contentsOf: protocols.appendingPathComponent("000_3caed95846010113.txt"), encoding: .utf8)
    let yaml = try String(contentsOfFile: Self.scenario, encoding: .utf8)
    let quotes = yaml.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: "evidence: \"") else { return nil }
      return String(line[range.upperBound...].dropLast())
    }
    #expect(!quotes.isEmpty)
    for quote in quotes { #expect(text.contains(quote), "\(quote)") }
  }

  @Test func badScenarioIsRefusedWithPositions() throws {
    let dir = try TemporaryDirectory()
    let scenario = try dir.file("s.yaml", "scenario:\n  title: X\nrelations:\n  - {between: [nwdi, lhd], kind: cooperation}\n")
    let output = try dir.file("out.json", "old\n")
    let result = try CLIRunner.run(["gaps", Self.dresden, "--with", scenario, "--format", "json", "-o", output])
    #expect(result.status == 1)
    #expect(result.stderr.contains("s.yaml:4:"))
    #expect(result.stderr.contains("did you mean \"nwid\""))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "old\n")
  }
}
