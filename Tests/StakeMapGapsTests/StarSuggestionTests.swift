import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import Testing

@testable import StakeMapGaps

/// Suggestions on a 20,000-leaf star: every pair of leaves is a friend-of-friends candidate
/// (2·10⁸ pairs). Listing them, as the ranking once did, takes gigabytes; streaming them into
/// the bounded heap keeps one leaf's pairs scored and 60 held.
@Suite struct StarSuggestionTests {
  @Test func twentyThousandLeafStar() {
    let n = 20_001
    let types: [ActorType] = [.network, .association, .initiative]
    let network = Network(
      info: NetworkInfo(title: "Star", language: .en),
      actors: (0..<n).map { Stakeholder(id: "a\($0)", name: "A\($0)", type: types[$0 % 3]) },
      relations: (1..<n).map { Relation(from: 0, to: $0) })
    let graph = Graph(network: network)
    let groups = GapReport.groupsOf(network, by: "type", communities: [Int](repeating: 0, count: n))
    let ranking = SuggestionRanking(
      network: network, graph: graph, groupOf: groups.membership,
      communityOf: [Int](repeating: 0, count: n), communityHub: { _ in 0 },
      needs: NeedsMatching(network: network) { _ in [] }, components: [Array(0..<n)],
      threads: 2, tiedGroupPairs: SuggestionRanking.tiedGroupPairs(graph, groups.membership))
    #expect(ranking.maxCandidates == 60)
    let suggestions = ranking.rank(limit: 10)
    // All leaf pairs tie on every figure, so the 60 candidates are the lowest pairs: the silent
    // groups' members (a1 association, a2 initiative), then (1, x) for x outside a1's group.
    // Pairs joining two untied groups (association, initiative) score highest; at most two
    // suggestions per actor leaves two, as the full ranking did.
    #expect(suggestions.map { [$0.a, $0.b] } == [[1, 2], [1, 5]])
    var perActor: [Int: Int] = [:]
    for s in suggestions {
      #expect(s.a != 0 && s.b != 0)  // leaf pairs: the hub is tied to everyone
      #expect(groups.membership[s.a] != groups.membership[s.b])
      let shared = s.reasons.first { $0.kind == .sharedPartners }
      #expect(shared?.actors == [0])
      perActor[s.a, default: 0] += 1
      perActor[s.b, default: 0] += 1
    }
    #expect(perActor.values.allSatisfy { $0 <= 2 })
  }
}
