import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// A reproducible stochastic block model: `blocks` equal blocks, about `n·degree/2` distinct ties
/// of which a share `inside` falls within blocks (uniform pairs otherwise), weights 1…maxWeight,
/// all from SplitMix64. Block of node v: v % blocks. (The same generator drives the timing
/// executable's 10,000-node benchmark graph.)
func gapSBM(
  nodes n: Int, blocks: Int, averageDegree: Double, inside: Double = 0.8, maxWeight: Int = 1,
  seed: UInt64
) -> Graph {
  var rng = SplitMix64Generator(seed: seed)
  func next() -> UInt64 { rng.next() }
  let perBlock = n / blocks
  let target = Int(Double(n) * averageDegree / 2)
  var seen = Set<Int>()
  var edges: [(Int, Int, Double)] = []
  while edges.count < target {
    let u = Int(next() % UInt64(n))
    var v: Int
    if Double(next() % 1_000_000) / 1_000_000 < inside {
      v = Int(next() % UInt64(perBlock)) * blocks + u % blocks  // same block
      if v >= n { continue }
    } else {
      v = Int(next() % UInt64(n))
    }
    let w = Double(1 + next() % UInt64(maxWeight))
    if u != v && seen.insert(min(u, v) * n + max(u, v)).inserted { edges.append((u, v, w)) }
  }
  return Graph(nodeCount: n, edges: edges)
}

/// Same input, same bytes: thread counts and repeated runs do not change any result.
@Suite struct GapDeterminismTests {
  let g = gapSBM(nodes: 600, blocks: 6, averageDegree: 4, maxWeight: 3, seed: 11)

  @Test func threadCountDoesNotChangeABit() {
    let c = Structure.components(g)
    #expect(
      Structure.componentPaths(g, components: c, threads: 1)
        == Structure.componentPaths(g, components: c, threads: 2))
    #expect(Structure.localBridges(g, threads: 1) == Structure.localBridges(g, threads: 3))
    for sources in [Fragility.Sources.all, .sample(count: 50, seed: 3)] {
      #expect(
        Fragility.distanceIncrease(g, sources: sources, threads: 1)
          == Fragility.distanceIncrease(g, sources: sources, threads: 2))
    }
    let candidates = Array(LinkPrediction.friendsOfFriends(g).prefix(200))
    #expect(
      LinkPrediction.shortening(g, candidates: candidates, threads: 1)
        == LinkPrediction.shortening(g, candidates: candidates, threads: 2))
  }

  @Test func louvainIsReproducible() {
    let a = Louvain.communities(g)
    #expect(a == Louvain.communities(g))
    let s = Louvain.communities(g, seed: 7)
    #expect(s == Louvain.communities(g, seed: 7))
    #expect(a.modularity > 0.4 && s.modularity > 0.4)
    // Six planted blocks (sparse: Louvain splits some of them).
    #expect(a.count >= 6)
  }

  /// The sampled estimate is unbiased: averaged over 12 seeds, the estimated network-wide
  /// increase is within 10 % of the exact one; each run's per-node estimate has a standard
  /// error, and nodes without any increase are estimated exactly (0 ± 0).
  @Test func sampledDistanceIncreaseIsUnbiased() {
    let exact = Fragility.distanceIncrease(g, sources: .all, threads: 2)
    let exactTotal = exact.totalIncrease.reduce(0, +)
    var average = 0.0
    for seed in UInt64(1)...12 {
      let sample = Fragility.distanceIncrease(
        g, sources: .sample(count: 60, seed: seed), threads: 2)
      #expect(!sample.exact && sample.sources.count == 60)
      average += sample.totalIncrease.reduce(0, +) / 12
      for v in 0..<g.nodeCount where exact.totalIncrease[v] == 0 {
        #expect(sample.totalIncrease[v] == 0)
      }
    }
    #expect(exactTotal > 0)
    #expect(abs(average - exactTotal) <= 0.1 * exactTotal, "\(average) vs \(exactTotal)")
  }

  /// The removal counts agree with recomputing the components without each node.
  @Test func nodeRemovalAgreesWithRecomputation() {
    let r = Fragility.nodeRemoval(g)
    let comps = Structure.components(g)
    for v in Structure.articulationPoints(g).prefix(40) {
      let after = Fragility.componentsAfterRemoving(g, [v])
      let kept = after.members.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
      #expect(r.connectedPairs[v] == kept)
      let s = comps.members[comps.index[v]].count
      let before = comps.members.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 } - (s - 1)
      #expect(r.disconnectedPairs[v] == before - kept)
    }
  }
}
