import Foundation
import StakeMapModel
import Testing

@testable import StakeMapFormats

@Suite struct ScenarioTests {
  let base = Network(
    info: NetworkInfo(title: "Base"),
    actors: [
      Stakeholder(id: "nwid", name: "NWID", type: .network),
      Stakeholder(id: "lhd", name: "LHD", type: .municipality),
    ],
    relations: [Relation(from: 0, to: 1, status: .planned)],
    sources: [Source(id: "p000", title: "Protokoll")],
    topics: [Topic(id: "space", de: "Räume", en: "Space")])

  func read(_ yaml: String) throws -> (Scenario?, [Diagnostic]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID()).yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = NetworkReader.readScenario(path: url.path, base: base)
    return (result.scenario, result.diagnostics)
  }

  @Test func addsActorsAndTiesToBaseActors() throws {
    let (scenario, diagnostics) = try read(
      """
      scenario:
        title: Koordinationsstelle
        promote: [planned]
      actors:
        - id: ks
          name: Koordinationsstelle
          type: network
          needs:
            - {topic: space, evidence: "Räume", source: p000}
      relations:
        - {between: [ks, nwid], kind: cooperation}
        - {from: lhd, to: ks, kind: funding, weight: 2}
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let s = try #require(scenario)
    #expect(s.title == "Koordinationsstelle")
    #expect(s.promote == [.planned])
    let after = s.applied(to: base)
    #expect(after.actors.map(\.id) == ["nwid", "lhd", "ks"])
    #expect(after.relations.count == 3)
    #expect(after.relations[0].status == .existing)  // promoted
    #expect(after.relations[1].from == 2 && after.relations[1].to == 0)
    #expect(after.relations[2].from == 1 && after.relations[2].to == 2 && after.relations[2].weight == 2)
  }

  @Test func reportsUnknownIdsAndRedeclaredActors() throws {
    let (scenario, diagnostics) = try read(
      """
      scenario:
        title: Kaputt
      actors:
        - {id: lhd, name: Again, type: municipality}
      relations:
        - {between: [nwdi, lhd], kind: cooperation}
      """)
    #expect(scenario == nil)
    let messages = diagnostics.map(\.description)
    #expect(messages.contains { $0.contains(":4:") && $0.contains("already in the network") })
    #expect(messages.contains { $0.contains(":6:") && $0.contains("unknown actor id \"nwdi\"") && $0.contains("nwid") })
  }

  @Test func needsAScenarioHeader() throws {
    let (scenario, diagnostics) = try read("actors: []\n")
    #expect(scenario == nil)
    #expect(diagnostics.contains { $0.message.contains("'scenario'") })
  }

  @Test func selfTieWithABaseActorIsReported() throws {
    let (_, diagnostics) = try read(
      "scenario: {title: T}\nrelations:\n  - {between: [nwid, nwid], kind: cooperation}\n")
    #expect(diagnostics.contains { $0.message.contains("\"nwid\" with itself") })
  }
}
