import Foundation
import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapTestSupport
import Testing

@testable import StakeMapGaps

@Suite struct PathEffectTests {
  /// The ranking takes its path figures from LinkPrediction.shortening; pin the two cases the
  /// reasons rely on.
  @Test func shortcutOnAPath() {
    let g = Graph(network: GapNetworks.path())
    let effect = LinkPrediction.shortening(g, adding: NodePair(0, 3))
    // Only a–d gets closer (3 → 1); a–c and b–d stay at 2.
    #expect(effect.improvedPairs == 1)
    #expect(effect.totalReduction == 2)
    #expect(effect.newlyConnectedPairs == 0)
  }

  @Test func joiningComponentsConnectsPairs() {
    let g = Graph(network: GapNetworks.silos())
    let effect = LinkPrediction.shortening(g, adding: NodePair(1, 2))
    // {wg1, wg2} and {amt, stadt}: every cross pair becomes reachable.
    #expect(effect.newlyConnectedPairs == 4)
    #expect(effect.improvedPairs == 0)
  }
}

@Suite struct GapReportTests {
  /// The words for these figures: StakeMapReportsTests/GapTextTests.
  @Test func articulationPointsAndWhatIsLost() {
    let report = GapReport.compute(network: GapNetworks.path())
    #expect(report.structure.articulationPoints == [1, 2])
    // Without b, a is cut off from c and d: 2 pairs; likewise for c.
    #expect(report.fragility.disconnectedPairs == [0, 2, 2, 0])
  }

  @Test func groupsByAnAttributeOrByCommunity() {
    var network = GapNetworks.silos()
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
    let report = GapReport.compute(network: GapNetworks.path(), options: GapOptions(keyPlayers: 100))
    #expect(report.fragility.keyPlayers.count == 2)
    let f = report.fragility.keyPlayers.map(\.fragmentation)
    #expect(zip(f, f.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(f.last == 1)
  }
}
