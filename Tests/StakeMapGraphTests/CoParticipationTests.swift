import StakeMapGraph
import StakeMapModel
import Testing

@Suite struct CoParticipationTests {
  /// Three actors: a and b attend two events together, b and c one; a–c is a relation.
  func network() -> Network {
    Network(
      actors: ["a", "b", "c", "d"].map { Stakeholder(id: $0, name: $0, type: .other) },
      relations: [Relation(from: 0, to: 2), Relation(from: 1, to: 3, status: .planned)],
      events: [
        Event(id: "e1", title: "E1", participants: [0, 1, 2]),
        Event(id: "e2", title: "E2", participants: [1, 0, 0]),
      ])
  }

  @Test func projectionCountsSharedEvents() {
    let pairs = network().coParticipation()
    #expect(pairs.map { [$0.0, $0.1, $0.2] } == [[0, 1, 2], [0, 2, 1], [1, 2, 1]])
  }

  @Test func offByDefault() {
    let g = Graph(network: network())
    #expect(g.edgeCount == 1)  // a–c; the planned b–d does not count
    #expect(g.weight(0, 1) == nil)
  }

  @Test func switchedOnAddsWeightedTies() {
    let g = Graph(network: network(), ties: TieSelection(coParticipation: true))
    #expect(g.edgeCount == 3)
    #expect(g.weight(0, 1) == 2)  // two shared events
    #expect(g.weight(0, 2) == 2)  // the relation (1) plus one shared event
    #expect(g.weight(1, 2) == 1)
    #expect(g.weight(1, 3) == nil)
  }

  @Test func statusesCanBeChosen() {
    let g = Graph(network: network(), ties: TieSelection(statuses: [.existing, .planned]))
    #expect(g.weight(1, 3) == 1)
  }
}
