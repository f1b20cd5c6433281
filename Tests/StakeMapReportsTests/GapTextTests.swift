import StakeMapGaps
import StakeMapModel
@testable import StakeMapReports
import StakeMapTestSupport
import Testing

/// The gap report's words (GapReport+Text.swift, ScenarioComparison+Text.swift) on the
/// hand-built networks of StakeMapTestSupport; the figures are tested in StakeMapGapsTests.
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

  /// The broker finding counts distinct partners per actor in one sorted pass (it scanned every
  /// relation per actor before, quadratic at 100,000 actors): checked against a direct count
  /// with repeated pairs, both directions, self-ties and relations that are not ties.
  @Test func partnerCountsMatchADirectCount() {
    let actors = (0..<6).map { Stakeholder(id: "p\($0)", name: "P\($0)", type: .association) }
    let relations = [
      Relation(from: 0, to: 1), Relation(from: 1, to: 0), Relation(from: 0, to: 1, status: .planned),
      Relation(from: 2, to: 2), Relation(from: 2, to: 3), Relation(from: 3, to: 4, status: .planned),
      Relation(from: 4, to: 0), Relation(from: 0, to: 4), Relation(from: 0, to: 3),
    ]
    let network = Network(actors: actors, relations: relations)
    let report = GapReport.compute(network: network)
    // 0: 1, 4, 3; 1: 0; 2: 3; 3: 2, 0; 4: 0 (the planned 3 – 4 is no tie); 5: none.
    #expect(report.partnerCounts() == [3, 1, 1, 2, 1, 0])
  }
}
