import StakeMapModel

/// Hand-built networks whose gaps can be worked out on paper, for the tests of the gap figures
/// (StakeMapGapsTests) and of their words (StakeMapReportsTests).
package enum GapNetworks {
  /// A path a – b – c – d.
  package static func path() -> Network {
    Network(
      info: NetworkInfo(title: "Pfad", language: .de),
      actors: ["a", "b", "c", "d"].map { Stakeholder(id: $0, name: $0.uppercased(), type: .network) },
      relations: [Relation(from: 0, to: 1), Relation(from: 1, to: 2), Relation(from: 2, to: 3)])
  }

  /// Two housing companies tied to each other, two offices tied to each other, nothing between
  /// the sectors; the office "amt" needs rooms, which housing company "wg1" offers.
  package static func silos() -> Network {
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
