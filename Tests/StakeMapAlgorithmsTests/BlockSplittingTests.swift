import StakeMapAlgorithms
import StakeMapGraph
import Synchronization
import Testing

/// A cactus-like graph: a 5-cycle, then `rings` times either a circle of 2–5 new nodes through
/// a random earlier node, a chain of 2 new nodes hung on one, or a chord between two earlier
/// nodes (merging blocks); beside it a triangle with a tail and 3 isolated nodes. Weights
/// 1...maxWeight (all 1 when maxWeight is 1), from SplitMix64.
func cactusGraph(rings: Int, maxWeight: Int, seed: UInt64) -> Graph {
  var rng = SplitMix64Generator(seed: seed)
  func next(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
  func weight() -> Double { Double(1 + next(maxWeight)) }
  var edges: [(Int, Int, Double)] = (0..<5).map { ($0, ($0 + 1) % 5, 1.0) }
  var node = 5
  for _ in 0..<rings {
    let anchor = next(node)
    switch next(10) {
    case 0..<6:
      let size = 2 + next(4)
      var previous = anchor
      for k in 0..<size {
        edges.append((previous, node + k, weight()))
        previous = node + k
      }
      edges.append((previous, anchor, weight()))
      node += size
    case 6..<9:
      edges.append((anchor, node, weight()))
      edges.append((node, node + 1, weight()))
      node += 2
    default:
      // Only between nodes not tied yet (the graph would add up a repeated tie's weights).
      let other = next(node)
      if other != anchor
        && !edges.contains(where: { Set([$0.0, $0.1]) == Set([anchor, other]) })
      {
        edges.append((anchor, other, weight()))
      }
    }
  }
  edges += [(node, node + 1, weight()), (node + 1, node + 2, weight()), (node + 2, node, weight())]
  edges.append((node + 2, node + 3, weight()))
  return Graph(nodeCount: node + 7, edges: edges)
}

/// Splitting at cut nodes (``BlockSplitting``): exact, deterministic, and used where the rule
/// says. The oracle fixtures with many blocks (``Fixture/blockyNames``) are checked against
/// NetworkX and igraph by ``FixtureTests``.
@Suite struct BlockSplittingTests {
  func plan(_ g: Graph) -> LeafFolding.UnweightedPlan? { LeafFolding(g).unweightedPlan(of: g) }

  /// The unweighted fixtures with blocks take the split path, so FixtureTests compares the
  /// split values with the oracles; a block model-like random graph (one block) does not.
  @Test func blockyFixturesAreSplit() throws {
    for name in ["friendship_7", "barbell_path", "cactus", "federation", "karate_unweighted"] {
      let g = try Fixture.load(name).graph
      #expect(!g.isWeighted)
      #expect(plan(g)?.split != nil, "\(name)")
    }
    let oneBlock = randomGraph(nodes: 400, averageDegree: 8, maxWeight: 1, seed: 4)
    let split = BlockSplitting(oneBlock, reach: [Double](repeating: 1, count: 400))
    #expect(split.blockWork > BlockSplitting.maximumShare * split.wholeWork)
    #expect(!split.pays)
  }

  /// By hand: hub 0 in a triangle (0 1 2), a square (0 3 4 5) and a chain 0–6–7. In unordered
  /// pairs (NetworkX's count), 0 separates {1, 2}, {3, 4, 5} and {6, 7}: 2·3 + 2·2 + 3·2 = 16
  /// pairs, plus half of 3–5 (3–0–5 or 3–4–5): 16.5; 3 and 5 carry half of 4's paths to 0 and
  /// beyond (5 pairs): 2.5; 4 half of 3–5: 0.5; 6 the 6 pairs of 7. Normalised by 7·6/2 = 21.
  @Test func handComputedHub() {
    let edges: [(Int, Int, Double)] = [
      (0, 1, 1), (1, 2, 1), (2, 0, 1), (0, 3, 1), (3, 4, 1), (4, 5, 1), (5, 0, 1), (0, 6, 1),
      (6, 7, 1),
    ]
    let g = Graph(nodeCount: 8, edges: edges)
    #expect(plan(g)?.split != nil)
    let expected = [16.5, 0, 0, 2.5, 0.5, 2.5, 6, 0].map { $0 / 21 }
    expectClose(Betweenness.compute(g), expected, tolerance: 1e-15, "betweenness")
  }

  /// Split and unsplit sweeps give the same betweenness (within rounding) on cactus graphs
  /// with trees, chords, a second component and isolated nodes, for several seeds; also where
  /// the unsplit core would be folded first.
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func splitEqualsUnsplit(seed: UInt64) {
    let g = cactusGraph(rings: 400, maxWeight: 1, seed: seed)
    #expect(plan(g)?.split != nil)
    let options = CentralityOptions(threads: 2)
    let split = Betweenness.compute(g, options: options)
    let unsplit = Betweenness.computeUnfolded(g, options: options)
    // Normalised values are at most 1: maxDeviation is the absolute difference here.
    let worst = maxDeviation(split, unsplit)
    #expect(worst < 1e-12, "largest difference \(worst)")
    #expect((split.max() ?? 0) > 0.05)
  }

  /// Against the exact integer-arithmetic reference of ``ExactReferenceTests``
  /// (Floyd–Warshall): small cactus graphs full of cut nodes.
  @Test(arguments: [UInt64(5), 6, 7, 8])
  func splitMatchesExactArithmetic(seed: UInt64) {
    let g = cactusGraph(rings: 12, maxWeight: 1, seed: seed)
    #expect(plan(g)?.split != nil)
    let expected = ExactReferenceTests().reference(g)
    let c = Centrality.compute(g, options: CentralityOptions(threads: 2))
    expectClose(c.betweenness, expected.betweenness, "betweenness")
    expectClose(c.closeness, expected.closeness, "closeness")
    expectClose(c.harmonic, expected.harmonic, "harmonic")
  }

  /// Same split graph, same bytes, for 1, 2 and 3 threads and from every entry point.
  @Test func threadCountDoesNotChangeABitWhenSplit() {
    let g = cactusGraph(rings: 1_500, maxWeight: 1, seed: 9)
    #expect(plan(g)?.split != nil)
    let one = Centrality.compute(g, options: CentralityOptions(threads: 1))
    let two = Centrality.compute(g, options: CentralityOptions(threads: 2))
    let three = Centrality.compute(g, options: CentralityOptions(threads: 3))
    #expect(one == two)
    #expect(one == three)
    #expect(Betweenness.compute(g, options: CentralityOptions(threads: 2)) == one.betweenness)
    let some = Centrality.compute(
      g, metrics: [.betweenness, .closeness], options: CentralityOptions(threads: 2))
    #expect(some.betweenness == one.betweenness && some.closeness == one.closeness)
  }

  /// Weighted graphs never split (their closeness shares the Dijkstra sweep), but stay exact.
  @Test func weightedGraphsDoNotSplit() {
    let g = cactusGraph(rings: 60, maxWeight: 4, seed: 10)
    #expect(g.isWeighted)
    let expected = ExactReferenceTests().reference(g)
    expectClose(Betweenness.compute(g), expected.betweenness, "betweenness")
  }

  /// Progress grows and ends at its total through the split sweep; a stop request ends it.
  @Test func progressAndStop() {
    let g = cactusGraph(rings: 300, maxWeight: 1, seed: 11)
    #expect(plan(g)?.split != nil)
    let calls = Mutex<[(Int, Int)]>([])
    let options = CentralityOptions(threads: 2) { done, total in
      calls.withLock { $0.append((done, total)) }
    }
    _ = Centrality.compute(g, metrics: [.betweenness], options: options)
    let seen = calls.withLock { $0 }
    #expect(!seen.isEmpty)
    #expect(seen.allSatisfy { $0.1 == g.nodeCount })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 })
    #expect(seen.last?.0 == g.nodeCount)
    let stop = CentralityOptions(threads: 2, shouldStop: { true })
    let stopped = Centrality.compute(g, metrics: [.betweenness, .degree], options: stop)
    #expect(stopped.stopped == [.betweenness] && stopped.betweenness.isEmpty)
    // A stop in the middle of the blocks' sweep (after a few batches) ends it too.
    let asked = Mutex(0)
    let later = CentralityOptions(
      threads: 2,
      shouldStop: { asked.withLock { $0 += 1; return $0 > 3 } })
    let midway = Centrality.compute(g, metrics: [.betweenness], options: later)
    #expect(midway.stopped == [.betweenness] && midway.betweenness.isEmpty)
    #expect(asked.withLock { $0 } > 3)
  }

  /// Many small blocks: a hub in 25,000 triangles (each block a copy of the hub) and 25,000
  /// separate triangles, 150,000 block nodes: swept in three groups. Exact against the closed
  /// form: the hub separates 2 · 25,000 nodes into 25,000 pairs; nobody else carries a path.
  /// Progress keeps growing across the groups and ends at n.
  @Test func manySmallBlocks() {
    let k = 25_000
    var edges: [(Int, Int, Double)] = []
    for i in 0..<k {
      let a = 1 + 2 * i
      edges += [(0, a, 1), (0, a + 1, 1), (a, a + 1, 1)]
      let b = 1 + 2 * k + 3 * i
      edges += [(b, b + 1, 1), (b + 1, b + 2, 1), (b + 2, b, 1)]
    }
    let n = 1 + 2 * k + 3 * k
    let g = Graph(nodeCount: n, edges: edges)
    #expect(plan(g)?.split != nil)
    let calls = Mutex<[(Int, Int)]>([])
    let options = CentralityOptions(threads: 2) { done, total in
      calls.withLock { $0.append((done, total)) }
    }
    let values = Betweenness.compute(g, options: options)
    let seen = calls.withLock { $0 }
    #expect(seen.allSatisfy { $0.1 == n })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 })
    #expect(seen.last?.0 == n)
    // Unordered pairs through the hub: C(2k, 2) − k (the pairs inside one triangle).
    let pairs: Int = 2 * k * (2 * k - 1) / 2 - k
    let allPairs: Int = (n - 1) * (n - 2) / 2
    let hub = Double(pairs) / Double(allPairs)
    #expect(abs(values[0] - hub) < 1e-15)
    #expect(values.dropFirst().allSatisfy { $0 == 0 })
  }
}
