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
  /// The words for these figures: StakeMapReportsTests/GapTextTests.
  @Test func articulationPointsAndWhatIsLost() {
    let report = GapReport.compute(network: Networks.path())
    #expect(report.structure.articulationPoints == [1, 2])
    // Without b, a is cut off from c and d: 2 pairs; likewise for c.
    #expect(report.fragility.disconnectedPairs == [0, 2, 2, 0])
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

}

@Suite struct SuggestionTextTests {
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
