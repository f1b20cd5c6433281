import StakeMapGaps
import StakeMapModel
import Testing

@Suite struct NeedsMatchingTests {
  /// piano needs rooms and legal advice; GWG offers rooms and is tied to piano; the city offers
  /// rooms too but is not tied; nobody offers legal advice; the city needs nothing.
  func network() -> Network {
    Network(
      actors: [
        Stakeholder(id: "piano", name: "piano e.V.", type: .association, needs: [
          TopicClaim(topic: "rooms", evidence: "Räumlichkeiten", source: "p004"),
          TopicClaim(topic: "legal", evidence: "rechtliche Fragen", source: "p004"),
          TopicClaim(topic: "rooms", evidence: "noch einmal Räume", source: "p004"),
        ]),
        Stakeholder(id: "gwg", name: "GWG", type: .housingCompany, offers: [
          TopicClaim(topic: "rooms", evidence: "stellt Räumlichkeiten zur Verfügung", source: "p004")
        ]),
        Stakeholder(id: "stadt", name: "Stadt", type: .municipality, offers: [
          TopicClaim(topic: "rooms", evidence: "städtische Räume", source: "p000"),
          TopicClaim(topic: "legal", evidence: "abgelehnt", source: "p000", review: .rejected),
        ]),
        Stakeholder(id: "x", name: "X", type: .other),
      ],
      relations: [Relation(from: 1, to: 0, directed: true), Relation(from: 1, to: 3)],
      topics: [Topic(id: "rooms", de: "Räume", en: "Rooms"), Topic(id: "legal", de: "Recht", en: "Legal")])
  }

  @Test func classifiesEveryNeed() {
    let result = NeedsMatching(network: network()) { source in
      // piano (0) – gwg (1) – x (3); stadt (2) unreachable.
      source == 0 ? [0, 1, nil, 2] : [nil, nil, nil, nil]
    }
    #expect(result.met.map { [$0.needActor, $0.offerActor] } == [[0, 1]])
    #expect(result.open.map { [$0.needActor, $0.offerActor] } == [[0, 2]])
    #expect(result.open[0].distance == nil)
    #expect(result.open[0].needEvidence.quote == "Räumlichkeiten")
    #expect(result.open[0].offerEvidence.quote == "städtische Räume")
    #expect(result.open[0].offerEvidence.source == "p000")
    // A rejected offer does not count: legal advice is unmet.
    #expect(result.unmet.map(\.topic) == ["legal"])
    #expect(result.unmet[0].evidence.quote == "rechtliche Fragen")
  }

  @Test func aRepeatedNeedCountsOnce() {
    let result = NeedsMatching(network: network()) { _ in [0, 1, 3, 2] }
    #expect(result.open.count + result.met.count == 2)
    #expect(result.open[0].distance == 3)
  }
}
