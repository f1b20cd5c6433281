import Foundation
import StakeMapGaps
import StakeMapGraph
import StakeMapModel
import Testing

@Suite struct ReferralTests {
  /// ini (0) asks for funding advice. Two equally short ways to the office (3): through the
  /// city (1) on weak ties, through the association (2) on strong ones; the bank (4) offers it
  /// too, three steps away; the club (5) offers it but is tied to nobody; the club needs it too,
  /// and so does the asking initiative (left out of "also needed by").
  func network() -> Network {
    Network(
      actors: [
        Stakeholder(id: "ini", name: "Initiative", type: .initiative, needs: [TopicClaim(topic: "funding_advice")]),
        Stakeholder(id: "stadt", name: "Stadt", type: .municipality),
        Stakeholder(id: "verein", name: "Verein", type: .association),
        Stakeholder(id: "ks", name: "Koordinationsstelle", type: .publicAgency, short: "KS", offers: [
          TopicClaim(topic: "funding_advice", evidence: "Fördermittelberatung", source: "p000"),
          TopicClaim(topic: "funding_advice", evidence: "noch einmal", source: "p000"),
        ]),
        Stakeholder(id: "bank", name: "Bank", type: .other, offers: [
          TopicClaim(topic: "funding_advice", evidence: "Förderkredite", source: "p001")
        ]),
        Stakeholder(id: "club", name: "Club", type: .association, offers: [
          TopicClaim(topic: "funding_advice", evidence: "abgelehnt", review: .rejected),
          TopicClaim(topic: "networking", evidence: "Netzwerkarbeit"),
        ], needs: [TopicClaim(topic: "funding_advice")]),
      ],
      relations: [
        Relation(from: 0, to: 1, weight: 1), Relation(from: 1, to: 3, weight: 1),
        Relation(from: 0, to: 2, kind: .advice, weight: 3), Relation(from: 2, to: 3, weight: 2),
        Relation(from: 3, to: 4, directed: true, kind: .funding),
        Relation(from: 0, to: 5, status: .planned),
      ],
      topics: [
        Topic(id: "funding_advice", de: "Fördermittelberatung", en: "Advice on public funding"),
        Topic(id: "networking", de: "Netzwerkarbeit", en: "Networking"),
        Topic(id: "financing", de: "Finanzierung der Förderberatung", en: "Financing"),
      ])
  }

  @Test func ranksOffersByDistanceAlongTheStrongestShortestPath() {
    let r = Referral(network: network(), topic: "funding_advice", from: 0)
    #expect(r.offers.map(\.actor) == [3, 4])
    #expect(r.offers.map(\.distance) == [2, 3])
    // Through the association (ties 3 and 2), not the city (1 and 1): same length, stronger.
    #expect(r.offers[0].path == [0, 2, 3])
    #expect(r.offers[1].path == [0, 2, 3, 4])
    // One offer per actor, the first claim's evidence; the rejected claim is no offer.
    #expect(r.offers[0].evidence.quote == "Fördermittelberatung")
    #expect(r.alsoNeededBy == [5])
    #expect(r.relatedTopics.isEmpty)
  }

  @Test func withoutAnAskingActorOffersAreInFileOrder() {
    let r = Referral(network: network(), topic: "funding_advice")
    #expect(r.offers.map(\.actor) == [3, 4])
    #expect(r.offers.allSatisfy { $0.distance == nil && $0.path.isEmpty })
    #expect(r.alsoNeededBy == [0, 5])
  }

  @Test func unreachableOfferersComeLastWithoutAPath() {
    var network = network()
    network.actors[0].offers = []
    // The club (5) is only planned to be tied: asked from the club, nobody is reachable.
    let r = Referral(network: network, topic: "funding_advice", from: 5)
    #expect(r.offers.map(\.distance) == [nil, nil])
    #expect(r.offers.map(\.path) == [[], []])
  }

  @Test func aTopicNobodyOffersNamesOfferedRelatedTopics() {
    let r = Referral(network: network(), topic: "financing", from: 0)
    #expect(r.offers.isEmpty)
    // "Förderberatung" shares the stem "foerd" with funding advice's German label.
    #expect(r.relatedTopics == ["funding_advice", "networking"])
  }

  @Test func topicsAndActorsAreFoundAsPeopleTypeThem() {
    let n = network()
    #expect(ReferralLookup.topic("funding_advice", in: n) == "funding_advice")
    #expect(ReferralLookup.topic("fördermittelberatung", in: n) == "funding_advice")
    #expect(ReferralLookup.topic("Foerdermittelberatung", in: n) == "funding_advice")
    #expect(ReferralLookup.topic("advice on public funding", in: n) == "funding_advice")
    #expect(ReferralLookup.topic("Fördermittel", in: n) == "funding_advice")
    // Contained in two labels ("Förder…"): ambiguous, so not guessed.
    #expect(ReferralLookup.topic("Förder", in: n) == nil)
    #expect(ReferralLookup.topic("legal", in: n) == nil)
    #expect(ReferralLookup.actor("ks", in: n) == 3)
    #expect(ReferralLookup.actor("KS", in: n) == 3)
    #expect(ReferralLookup.actor("koordinationsstelle", in: n) == 3)
    #expect(ReferralLookup.actor("nobody", in: n) == nil)
    #expect(ReferralLookup.closestTopics(to: "fundig_advice", in: n).first == "funding_advice")
    #expect(ReferralLookup.closestActors(to: "vrein", in: n).first == "verein")
  }

  @Test func jsonHasTheDocumentedKeys() throws {
    let n = network()
    let text = Referral(network: n, topic: "funding_advice", from: 0).json(network: n)
    let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["topic"] as? String == "funding_advice")
    #expect(object["for"] as? String == "ini")
    let offers = try #require(object["offers"] as? [[String: Any]])
    #expect(offers.map { $0["actor"] as? String } == ["ks", "bank"])
    #expect(offers[0]["distance"] as? Int == 2)
    #expect(offers[0]["path"] as? [String] == ["ini", "verein", "ks"])
    #expect((offers[0]["evidence"] as? [String: Any])?["quote"] as? String == "Fördermittelberatung")
    #expect(object["also_needed_by"] as? [String] == ["club"])
    #expect(object["related_topics"] as? [String] == [])
    #expect(text == Referral(network: n, topic: "funding_advice", from: 0).json(network: n))
  }

  // MARK: Oracle

  struct Fixture: Decodable {
    struct Target: Decodable {
      let node: Int
      let distance: Int?
      let bottleneck: Double?
      let total: Double?
      let paths: Int
    }
    struct Case: Decodable {
      let name: String
      let n: Int
      let edges: [[Double]]
      let source: Int
      let targets: [Target]
    }
    let graphs: [Case]
  }

  /// Against NetworkX (Scripts/fixtures/make-referral-fixtures.py): for every target, the hop
  /// distance, and the weakest and total weight of the best of all shortest paths; the path
  /// returned is a path of the graph with exactly these figures.
  @Test func pathsMatchTheNetworkXOracle() throws {
    let url = try #require(
      Bundle.module.url(forResource: "referral-paths", withExtension: "json", subdirectory: "Fixtures"))
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    var choices = 0
    for c in fixture.graphs {
      let graph = Graph(nodeCount: c.n, edges: c.edges.map { (Int($0[0]), Int($0[1]), $0[2]) })
      var weight: [Int: Double] = [:]
      for e in c.edges { weight[Int(e[0]) * c.n + Int(e[1])] = e[2] }
      let tree = Referral.strongestShortestPaths(graph, from: c.source)
      for t in c.targets {
        #expect(tree.distance[t.node] == t.distance, "\(c.name) \(t.node)")
        guard t.distance != nil else {
          #expect(tree.parent[t.node] == nil)
          continue
        }
        if t.paths > 1 { choices += 1 }
        var path = [t.node]
        while let p = tree.parent[path.last!] { path.append(p) }
        #expect(path.last == c.source)
        #expect(path.count - 1 == t.distance, "\(c.name) \(t.node)")
        let ws = zip(path, path.dropFirst()).map { weight[min($0, $1) * c.n + max($0, $1)] }
        #expect(ws.allSatisfy { $0 != nil }, "\(c.name): not a path")
        let values = ws.compactMap { $0 }
        #expect(values.min() == t.bottleneck, "\(c.name) \(t.node)")
        #expect(values.reduce(0, +) == t.total, "\(c.name) \(t.node)")
      }
    }
    // The fixture must exercise the choice among shortest paths.
    #expect(choices > 50)
  }
}
