import StakeMapGaps
import StakeMapGraph
import StakeMapModel
import Testing

@Suite struct PowerInterestTests {
  /// A star: the hub (4 partners) rated weak, a leaf rated powerful, one leaf rated in line
  /// with its position, one leaf with bad ratings, one leaf not rated.
  func network() -> Network {
    Network(
      actors: [
        Stakeholder(id: "hub", name: "Hub", type: .network, attributes: ["influence": "1", "interest": "5"]),
        Stakeholder(id: "a", name: "A", type: .municipality, attributes: ["influence": "5", "interest": "2"]),
        Stakeholder(id: "b", name: "B", type: .association, attributes: ["influence": " 2 ", "interest": "2"]),
        Stakeholder(id: "c", name: "C", type: .association, attributes: ["influence": "7", "interest": "hoch"]),
        Stakeholder(id: "d", name: "D", type: .other),
      ],
      relations: (1...4).map { Relation(from: 0, to: $0) })
  }

  @Test func ratingsQuadrantsAndDisagreements() {
    let n = network()
    let p = PowerInterest(network: n, graph: Graph(network: n))
    #expect(p.degrees == [4, 1, 1, 1, 1])
    // 1 + round(4 · degree / 4).
    #expect(p.positionLevels == [5, 2, 2, 2, 2])
    #expect(p.ratings[0]?.influence == 1 && p.ratings[0]?.interest == 5)
    #expect(p.ratings[2]?.influence == 2)
    #expect(p.ratings[3] == nil && p.ratings[4] == nil)
    // Hub: rated 1, position 5; A: rated 5, position 2. B is in line.
    #expect(p.disagreements == [0, 1])
    #expect(p.problems.map { [String($0.actor), $0.key, $0.value] } == [["3", "influence", "7"], ["3", "interest", "hoch"]])
    #expect(PowerInterest.quadrant(influence: 5, interest: 5) == .manageClosely)
    #expect(PowerInterest.quadrant(influence: 3, interest: 2) == .keepSatisfied)
    #expect(PowerInterest.quadrant(influence: 2, interest: 3) == .keepInformed)
    #expect(PowerInterest.quadrant(influence: 2, interest: 2) == .monitor)
  }

  @Test func anIsolatedNetworkHasPositionOneEverywhere() {
    let n = Network(actors: [Stakeholder(id: "x", name: "X", type: .other, attributes: ["influence": "3", "interest": "3"])])
    let p = PowerInterest(network: n, graph: Graph(network: n))
    #expect(p.positionLevels == [1])
    #expect(p.disagreements == [0])
  }
}
