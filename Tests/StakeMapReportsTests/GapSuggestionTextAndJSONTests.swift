import Foundation
import StakeMapGaps
import StakeMapModel
import StakeMapReports
import StakeMapTestSupport
import Testing

/// Suggestions in words and the gap report as JSON (both made in StakeMapReports from the
/// numbers StakeMapGaps computes), on the hand-built networks of GapTextTests.
@Suite struct GapSuggestionTextAndJSONTests {
  @Test func suggestionsSayWhy() throws {
    let report = GapReport.compute(network: GapNetworks.silos(), options: GapOptions(language: .en))
    let best = try #require(report.suggestions.first)
    // The stated need comes first: amt needs rooms, wg1 offers them.
    #expect(Set([best.a, best.b]) == [0, 2])
    let kinds = best.reasons.map(\.kind)
    #expect(kinds.contains(.meetsNeed))
    #expect(kinds.contains(.connectsComponents))
    #expect(kinds.contains(.joinsGroups))
    let connect = try #require(best.reasons.first { $0.kind == .connectsComponents })
    #expect(connect.figures.first { $0.0 == "newly_connected_pairs" }?.1 == 4)
    let need = try #require(best.reasons.first { $0.kind == .meetsNeed })
    #expect(need.topic == "rooms")
    #expect(Set(need.actors) == [0, 2])
    let text = report.suggestionText(best, language: .en)
    #expect(text.contains("Sozialamt needs “Rooms”, which Wohnbau 1 offers"))
    #expect(text.contains("which have no tie yet"))
    #expect(report.suggestionText(best, language: .de).contains("zwischen denen es noch keine Beziehung gibt"))
  }

  @Test func jsonHasTheIssuesKeysAndActorIds() throws {
    let report = GapReport.compute(network: GapNetworks.silos())
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    for key in ["structure", "brokerage", "groups", "fragility", "needs", "suggestions"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let structure = try #require(object["structure"] as? [String: Any])
    let cores = try #require(structure["core_numbers"] as? [String: Any])
    #expect(Set(cores.keys) == ["wg1", "wg2", "amt", "stadt"])
    let brokerage = try #require(object["brokerage"] as? [String: Any])
    let constraint = try #require(brokerage["constraint"] as? [String: Any])
    #expect((constraint["wg1"] as? Double) == 1.0)  // one contact: fully constrained
    let needs = try #require(object["needs"] as? [String: Any])
    let open = try #require(needs["offered_but_unconnected"] as? [[String: Any]])
    #expect(open.first?["need_actor"] as? String == "amt")
    #expect(open.first?["offer_actor"] as? String == "wg1")
    #expect(report.json() == GapReport.compute(network: GapNetworks.silos()).json(), "deterministic")
  }

  @Test func scenarioComparesEveryFigure() throws {
    let base = GapNetworks.silos()
    let scenario = Scenario(
      title: "Brücke", additions: Network(relations: [Relation(from: -2, to: -3)]))  // wg2 – amt
    let after = scenario.applied(to: base)
    let comparison = ScenarioComparison(
      scenario: scenario, before: GapReport.compute(network: base),
      after: GapReport.compute(network: after))
    let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.key, $0) })
    #expect(rows["components"]?.before == 2 && rows["components"]?.after == 1)
    #expect(rows["ties"]?.before == 2 && rows["ties"]?.after == 3)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(comparison.json().utf8)) as? [String: Any])
    #expect(object["before"] != nil && object["after"] != nil && object["comparison"] != nil)
  }

  @Test func aNameEndingInAFullStopEndsTheSentence() throws {
    var network = GapNetworks.silos()
    network.actors[0].name = "Wohnbau 1 e.V."
    network.actors[0].short = nil
    let report = GapReport.compute(network: network, options: GapOptions(language: .en))
    #expect(!report.suggestions.isEmpty)  // the loop below must check something
    for suggestion in report.suggestions {
      let text = report.suggestionText(suggestion, language: .en)
      #expect(!text.hasSuffix(".."), "\(text)")
      #expect(text.hasSuffix("."))
    }
  }
}
