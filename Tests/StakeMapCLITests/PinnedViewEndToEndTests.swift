import Foundation
import Testing

/// `render --view netzwerkkarte|grid`: the maps, and clear errors for what cannot be drawn.
@Suite struct PinnedViewEndToEndTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  static let rated = """
    network:
      title: Raster
      language: de
    actors:
      - id: gwg
        name: GWG
        type: housing_company
        influence: 5
        interest: 2
      - id: ini
        name: Initiative
        type: initiative
        influence: 1
        interest: 5
      - id: netz
        name: Netzwerk
        type: network
    relations:
      - between: [netz, ini]
        kind: cooperation
        status: existing
      - between: [netz, gwg]
        kind: cooperation
        status: existing
    """

  @Test func netzwerkkarteIsTheSameMapTwice() throws {
    let dir = try TemporaryDirectory()
    let a = dir.path("a.svg"), b = dir.path("b.svg")
    for out in [a, b] {
      let result = try CLIRunner.run(["render", Self.dresden, "--view", "netzwerkkarte", "--focus", "LHD", "-o", out])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let svg = try String(contentsOfFile: a, encoding: .utf8)
    #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    #expect(svg.contains("Netzwerkkarte um LHD"))
    for family in ["Wohnungswirtschaft", "Soziale Organisationen und Wohlfahrt", "Kommune und Verwaltung", "Netzwerke und Initiativen", "Politik", "Sonstige"] {
      #expect(svg.contains(">\(family)<"), "\(family)")
    }
  }

  @Test func gridPointsOutDisagreements() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("rated.yaml", Self.rated)
    let out = dir.path("grid.svg")
    let result = try CLIRunner.run(["render", file, "--view", "grid", "-o", out])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.contains("Eng einbinden"))
    // GWG: rated 5, one partner of two at most: position 3 — two apart.
    #expect(svg.contains("Einfluss laut Einstufung 5, Netzwerkposition 3 (1 Partner)"))
  }

  @Test func badRatingsUnknownFocusAndMissingRatingsAreErrors() throws {
    let dir = try TemporaryDirectory()
    let bad = try dir.file("bad.yaml", Self.rated.replacingOccurrences(of: "influence: 5", with: "influence: sehr hoch"))
    let out = dir.path("out.svg")
    let result = try CLIRunner.run(["render", bad, "--view", "grid", "-o", out])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.yaml:5:5: Fehler: influence von Akteur „gwg“ ist „sehr hoch“; erwartet: eine ganze Zahl von 1 bis 5"), "\(result.stderr)")
    let none = try CLIRunner.run(["render", Self.dresden, "--view", "grid", "-o", out])
    #expect(none.status == 1)
    #expect(none.stderr.contains("kein Akteur hat die Merkmale 'influence' und 'interest'"))
    let focus = try CLIRunner.run(["render", Self.dresden, "--view", "netzwerkkarte", "--focus", "nwdi", "-o", out])
    #expect(focus.status == 1)
    #expect(focus.stderr.contains("--focus: unbekannter Akteur 'nwdi'; die nächsten bekannten: nwid"))
    let rings = try CLIRunner.run(["render", Self.dresden, "--view", "netzwerkkarte", "--rings", "sektor", "-o", out])
    #expect(rings.status == 1)
    #expect(rings.stderr.contains("--rings: kein Akteur hat das Merkmal 'sektor'; meinten Sie 'sector'?"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
