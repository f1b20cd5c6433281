import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// A hub tied to every other node (`hubs` = 1), or `hubs` hubs each tied to every leaf.
func starGraph(leaves: Int, hubs: Int = 1) -> Graph {
  var edges: [(Int, Int, Double)] = []
  for h in 0..<hubs {
    for leaf in hubs..<(hubs + leaves) { edges.append((h, leaf, 1)) }
  }
  return Graph(nodeCount: hubs + leaves, edges: edges)
}

/// Stars make every pair of leaves a friend-of-friends pair (n²/2): the suggestion candidates
/// must be streamed into a bounded heap, never listed. These tests count pairs scored and held,
/// so a quadratic store cannot pass them (and a quadratic scan would not finish quickly).
@Suite struct StarMemoryTests {
  @Test func twentyThousandLeafStarKeepsABoundedCandidateStore() {
    let g = starGraph(leaves: 20_000)
    let run = LinkPrediction.topFriendsOfFriendsCounted(g, limit: 60)
    #expect(run.largestHeap == 60)
    // Every leaf pair ties on every score, so the lowest pairs win; once the heap is full the
    // later leaves cannot beat it and are skipped unscored: one leaf's pairs are scored,
    // not 2·10⁸.
    #expect(run.pairsScored == 20_000 - 1)
    #expect(run.scores.map(\.pair) == (2..<62).map { NodePair(1, $0) })
    #expect(run.scores.allSatisfy { $0.sharedNeighbors == [0] })
  }

  @Test func doubleStarKeepsABoundedCandidateStore() {
    let g = starGraph(leaves: 20_000, hubs: 2)
    let run = LinkPrediction.topFriendsOfFriendsCounted(g, limit: 400)
    #expect(run.largestHeap == 400)
    #expect(run.pairsScored <= 3 * 20_000)
    // The two hubs share every leaf: by far the best pair.
    #expect(run.scores.first?.pair == NodePair(0, 1))
    #expect(run.scores.first?.commonNeighbors == 20_000)
    #expect(run.scores.dropFirst().map(\.pair) == (3..<402).map { NodePair(2, $0) })
  }

  /// The streamed top-k equals ranking every friends-of-friends pair, bit for bit, for every
  /// ranking, with a filter, on graphs with ties in the scores and with distinct scores.
  @Test func streamedTopKEqualsFullRanking() {
    var plus = [(Int, Int, Double)]()
    for leaf in 1..<300 { plus.append((0, leaf, 1)) }
    for leaf in stride(from: 1, to: 298, by: 10) { plus.append((leaf, leaf + 1, 1)) }
    let graphs = [
      gapSBM(nodes: 300, blocks: 4, averageDegree: 6, seed: 3), starGraph(leaves: 200),
      starGraph(leaves: 150, hubs: 3), Graph(nodeCount: 300, edges: plus),
    ]
    for g in graphs {
      let all = LinkPrediction.friendsOfFriends(g)
      for by in [LinkPrediction.Ranking.adamicAdar, .resourceAllocation, .jaccard, .commonNeighbors] {
        for limit in [1, 7, 60, all.count + 5] {
          let accept = { (u: Int, v: Int) in (u + 2 * v) % 3 != 0 }
          let full = LinkPrediction.ranked(
            LinkPrediction.scores(g, pairs: all.filter { accept($0.u, $0.v) }), by: by, limit: limit)
          let streamed = LinkPrediction.topFriendsOfFriends(g, limit: limit, by: by, accept: accept)
          #expect(streamed == full)
          #expect(
            zip(streamed, full).allSatisfy {
              $0.adamicAdar.bitPattern == $1.adamicAdar.bitPattern
                && $0.resourceAllocation.bitPattern == $1.resourceAllocation.bitPattern
                && $0.jaccard.bitPattern == $1.jaccard.bitPattern
            })
        }
      }
    }
  }
}
