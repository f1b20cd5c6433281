import StakeMapGaps
import StakeMapModel
import StakeMapReports
import Testing

/// The gap report's words (Sources/StakeMapReports/GapReport+Text.swift and
/// ScenarioComparison+Text.swift) on hand-built networks whose gaps can be worked out on paper;
/// the figures themselves are tested in StakeMapGapsTests.
enum GapNetworks {
  /// A path a – b – c – d.
  static func path() -> Network {
    Network(
      info: NetworkInfo(title: "Pfad", language: .de),
      actors: ["a", "b", "c", "d"].map { Stakeholder(id: $0, name: $0.uppercased(), type: .network) },
      relations: [Relation(from: 0, to: 1), Relation(from: 1, to: 2), Relation(from: 2, to: 3)])
  }

  /// Two housing companies tied to each other, two offices tied to each other, nothing between
  /// the sectors; the office "amt" needs rooms, which housing company "wg1" offers.
  static func silos() -> Network {
    Network(
      info: NetworkInfo(title: "Silos", language: .en),
      actors: [
        Stakeholder(id: "wg1", name: "Wohnbau 1", type: .housingCompany, offers: [
          TopicClaim(topic: "rooms", evidence: "Wir stellen Räume", source: "p")
        ]),
        Stakeholder(id: "wg2", name: "Wohnbau 2", type: .housingCompany),
        Stakeholder(id: "amt", name: "Sozialamt", type: .publicAgency, needs: [
          TopicClaim(topic: "rooms", evidence: "Wir brauchen Räume", source: "p")
        ]),
        Stakeholder(id: "stadt", name: "Stadt", type: .publicAgency),
      ],
      relations: [Relation(from: 0, to: 1), Relation(from: 2, to: 3)],
      sources: [Source(id: "p", title: "Protokoll")],
      topics: [Topic(id: "rooms", de: "Räume", en: "Rooms")])
  }
}

@Suite struct GapTextTests {
  @Test func findingsTellTheStoryMostImportantFirst() {
    let report = GapReport.compute(network: GapNetworks.silos(), options: GapOptions(language: .de))
    let findings = report.findings(language: .de)
    #expect(findings.first?.topic == .size)
    #expect(findings.first?.text.contains("4 Akteure und 2 Beziehungen") == true)
    #expect(findings.contains { $0.topic == .groups && $0.text.contains("Wohnungsunternehmen – Behörde / Amt") })
    #expect(findings.contains { $0.topic == .needs && $0.text.contains("Sozialamt braucht „Räume“") })
  }

  @Test func articulationPointIsNamedWithWhatIsLost() {
    let report = GapReport.compute(network: GapNetworks.path())
    // Without b, a is cut off from c and d: 2 pairs.
    #expect(report.fragility.disconnectedPairs[1] == 2)
    let text = report.text(language: .de)
    #expect(text.contains("Alles hängt an B: ohne diesen Akteur könnten 2 Paare"))
  }

  @Test func scenarioTextNamesTheFigures() {
    let base = GapNetworks.silos()
    let scenario = Scenario(
      title: "Brücke", additions: Network(relations: [Relation(from: -2, to: -3)]))  // wg2 – amt
    let comparison = ScenarioComparison(
      scenario: scenario, before: GapReport.compute(network: base),
      after: GapReport.compute(network: scenario.applied(to: base)))
    let text = comparison.text(language: .de)
    #expect(text.hasPrefix("Szenario: Brücke\n"))
    #expect(text.contains("vorher"))
    #expect(text.contains("Teile"))
  }
}
