import Foundation
import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import Testing

@testable import StakeMapGaps

/// Hand-built networks whose gaps can be worked out on paper.
enum Networks {
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

@Suite struct PathEffectTests {
  /// The ranking takes its path figures from LinkPrediction.shortening; pin the two cases the
  /// reasons rely on.
  @Test func shortcutOnAPath() {
    let g = Graph(network: Networks.path())
    let effect = LinkPrediction.shortening(g, adding: NodePair(0, 3))
    // Only a–d gets closer (3 → 1); a–c and b–d stay at 2.
    #expect(effect.improvedPairs == 1)
    #expect(effect.totalReduction == 2)
    #expect(effect.newlyConnectedPairs == 0)
  }

  @Test func joiningComponentsConnectsPairs() {
    let g = Graph(network: Networks.silos())
    let effect = LinkPrediction.shortening(g, adding: NodePair(1, 2))
    // {wg1, wg2} and {amt, stadt}: every cross pair becomes reachable.
    #expect(effect.newlyConnectedPairs == 4)
    #expect(effect.improvedPairs == 0)
  }
}

@Suite struct GapReportTests {
  @Test func suggestionsSayWhy() throws {
    let report = GapReport.compute(network: Networks.silos(), options: GapOptions(language: .en))
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

  /// The words for these figures: StakeMapReportsTests/GapTextTests.
  @Test func articulationPointsAndWhatIsLost() {
    let report = GapReport.compute(network: Networks.path())
    #expect(report.structure.articulationPoints == [1, 2])
    // Without b, a is cut off from c and d: 2 pairs; likewise for c.
    #expect(report.fragility.disconnectedPairs == [0, 2, 2, 0])
  }

  @Test func jsonHasTheIssuesKeysAndActorIds() throws {
    let report = GapReport.compute(network: Networks.silos())
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
    #expect(report.json() == GapReport.compute(network: Networks.silos()).json(), "deterministic")
  }

  @Test func groupsByAnAttributeOrByCommunity() {
    var network = Networks.silos()
    network.actors[0].attributes["sector"] = "wohnungswirtschaft"
    let bySector = GapReport.compute(network: network, options: GapOptions(groupBy: "sector"))
    #expect(bySector.groups.names == ["wohnungswirtschaft", ""])
    #expect(bySector.groups.membership == [0, 1, 1, 1])
    let byCommunity = GapReport.compute(network: network, options: GapOptions(groupBy: "community"))
    #expect(byCommunity.groups.names == ["1", "2"])
  }

  @Test func scenarioComparesEveryFigure() throws {
    let base = Networks.silos()
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
}

@Suite struct SuggestionTextTests {
  @Test func aNameEndingInAFullStopEndsTheSentence() throws {
    var network = Networks.silos()
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

@Suite struct KeyPlayerTests {
  /// On a path a – b – c – d, removing more than n − 2 actors leaves nothing to fragment: the
  /// set stops at two, and fragmentation never falls as actors are removed.
  @Test func keyPlayersStopBeforeNothingIsLeft() {
    let report = GapReport.compute(network: Networks.path(), options: GapOptions(keyPlayers: 100))
    #expect(report.fragility.keyPlayers.count == 2)
    let f = report.fragility.keyPlayers.map(\.fragmentation)
    #expect(zip(f, f.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(f.last == 1)
  }
}
