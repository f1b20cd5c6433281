import StakeMapAlgorithms
import StakeMapGraph
import Synchronization
import Testing

/// A random core (`core` nodes, about `core·degree/2` ties) with `pendants` more nodes in small
/// trees (1–5 nodes, each new node tied to a random earlier one of its tree) hung on random core
/// nodes; beside it a 2-node component, a 4-node path and 3 isolated nodes. Weights 1...maxWeight
/// (all 1 when maxWeight is 1), from SplitMix64.
func pendantGraph(core: Int, degree: Int, pendants: Int, maxWeight: Int, seed: UInt64) -> Graph {
  var rng = SplitMix64Generator(seed: seed)
  func next(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
  func weight() -> Double { Double(1 + next(maxWeight)) }
  var edges: [(Int, Int, Double)] = []
  var seen = Set<Int>()
  for _ in 0..<(core * degree / 2) {
    let u = next(core)
    let v = next(core)
    if u != v && seen.insert(min(u, v) * core + max(u, v)).inserted {
      edges.append((u, v, weight()))
    }
  }
  var node = core
  while node < core + pendants {
    let size = min(1 + next(5), core + pendants - node)
    var members = [next(core)]
    for _ in 0..<size {
      edges.append((members[next(members.count)], node, weight()))
      members.append(node)
      node += 1
    }
  }
  let n = node
  edges.append((n, n + 1, weight()))
  for i in 2..<5 { edges.append((n + i, n + i + 1, weight())) }
  return Graph(nodeCount: n + 9, edges: edges)
}

/// Degree-1 folding (``LeafFolding``): exact, deterministic, and used where the rule says. The
/// oracle fixtures with leaves (``Fixture/leafyNames``) are checked by ``FixtureTests``.
@Suite struct LeafFoldingTests {
  /// The fixtures with leaves really take the folded path (except BA m = 2, whose minimum
  /// degree is 2), so FixtureTests compares the folded values with NetworkX and igraph.
  @Test(arguments: Fixture.leafyNames)
  func leafyFixturesAreFolded(_ name: String) throws {
    let g = try Fixture.load(name).graph
    let folding = LeafFolding(g)
    let expectedRemoved: [String: Int] = [
      "random_tree": 59, "random_tree_weighted": 59, "star_large": 40, "path_long": 39,
      "ba1_300": 299, "ba1_300_weighted": 299, "ba2_300": 0,
      // 2-node edge 1, path 2, star 6, tree 6, the 5-cycle's trees 7, the two-triangle
      // component's trees 6, the triangle's tail 1.
      "forest_mix": 29, "forest_mix_weighted": 29,
    ]
    if let removed = expectedRemoved[name] { #expect(folding.removedCount == removed) }
    #expect(folding.pays == (name != "ba2_300"))
  }

  /// Folded and unfolded sweeps give the same betweenness (within rounding) on graphs with
  /// cores, trees, small components and isolates, weighted and not, for several seeds.
  @Test(arguments: [(1, UInt64(1)), (1, 2), (4, 3), (3, 4)])
  func foldedEqualsUnfolded(maxWeight: Int, seed: UInt64) {
    let g = pendantGraph(core: 300, degree: 4, pendants: 500, maxWeight: maxWeight, seed: seed)
    #expect(g.isWeighted == (maxWeight > 1))
    #expect(LeafFolding(g).pays)
    let options = CentralityOptions(threads: 2)
    let folded = Betweenness.compute(g, options: options)
    let unfolded = Betweenness.computeUnfolded(g, options: options)
    // Normalised values are at most 1: maxDeviation is the absolute difference here.
    let worst = maxDeviation(folded, unfolded)
    #expect(worst < 1e-12, "largest difference \(worst)")
    #expect((folded.max() ?? 0) > 0.02)
  }

  /// Against the exact integer-arithmetic reference of ``ExactReferenceTests`` (Floyd–Warshall on
  /// lengths scaled to integers): small graphs full of trees and equally long weighted paths.
  @Test(arguments: [(1, UInt64(5)), (2, 6), (3, 7), (6, 8)])
  func foldedMatchesExactArithmetic(maxWeight: Int, seed: UInt64) {
    let g = pendantGraph(core: 20, degree: 4, pendants: 30, maxWeight: maxWeight, seed: seed)
    #expect(LeafFolding(g).pays)
    let expected = ExactReferenceTests().reference(g)
    let c = Centrality.compute(g, options: CentralityOptions(threads: 2))
    expectClose(c.betweenness, expected.betweenness, "betweenness")
    expectClose(c.closeness, expected.closeness, "closeness")
    expectClose(c.harmonic, expected.harmonic, "harmonic")
  }

  /// Same folded graph, same bytes, for 1, 2 and 3 threads: every entry point.
  @Test(arguments: [1, 5])
  func threadCountDoesNotChangeABitWhenFolded(maxWeight: Int) {
    let g = pendantGraph(core: 1_200, degree: 3, pendants: 2_000, maxWeight: maxWeight, seed: 9)
    #expect(LeafFolding(g).pays)
    let one = Centrality.compute(g, options: CentralityOptions(threads: 1))
    let two = Centrality.compute(g, options: CentralityOptions(threads: 2))
    let three = Centrality.compute(g, options: CentralityOptions(threads: 3))
    #expect(one == two)
    #expect(one == three)
    #expect(Betweenness.compute(g, options: CentralityOptions(threads: 1)) == one.betweenness)
    #expect(Betweenness.compute(g, options: CentralityOptions(threads: 2)) == one.betweenness)
    let some = Centrality.compute(
      g, metrics: [.betweenness, .harmonic], options: CentralityOptions(threads: 2))
    #expect(some.betweenness == one.betweenness && some.harmonic == one.harmonic)
    #expect(one.betweenness.contains { $0 > 0 })
  }

  /// The rule: fold when at least the threshold's share of the nodes with ties folds away. A
  /// 1,000-node cycle with k leaves: k of 1,000 + k nodes fold.
  @Test(arguments: [false, true])
  func ruleFollowsTheShareOfFoldedNodes(weighted: Bool) {
    let share = LeafFolding.minimumShare
    let cycle = 1_000
    // The largest k below the share, and the smallest k at or above it.
    let below = Int((share * Double(cycle) / (1 - share)).rounded(.up)) - 1
    for (k, expected) in [(below, false), (below + 1, true), (0, false)] {
      var edges = (0..<cycle).map { ($0, ($0 + 1) % cycle, weighted ? 2.0 : 1.0) }
      edges += (0..<k).map { (($0 * 7) % cycle, cycle + $0, 1.0) }
      let g = Graph(nodeCount: cycle + k, edges: edges)
      let folding = LeafFolding(g)
      #expect(folding.removedCount == k)
      #expect(folding.pays == expected, "k = \(k)")
    }
  }

  /// Progress keeps growing and ends at its total: one sweep (betweenness alone; weighted
  /// with closeness, the shared Dijkstra sweep) reports n sources, the folded core's in sources
  /// of the whole graph; two sweeps one after the other (unweighted: closeness, then folded
  /// betweenness) report 2·n.
  @Test(arguments: [1, 3])
  func progressGrowsAcrossFoldedSweeps(maxWeight: Int) {
    let g = pendantGraph(core: 300, degree: 4, pendants: 900, maxWeight: maxWeight, seed: 12)
    #expect(LeafFolding(g).pays)
    for metrics in [Set<Metric>([.betweenness]), [.betweenness, .closeness]] {
      let calls = Mutex<[(Int, Int)]>([])
      let options = CentralityOptions(threads: 2) { done, total in
        calls.withLock { $0.append((done, total)) }
      }
      _ = Centrality.compute(g, metrics: metrics, options: options)
      let seen = calls.withLock { $0 }
      let sweeps = metrics.count == 2 && !g.isWeighted ? 2 : 1
      let total = g.nodeCount * sweeps
      #expect(!seen.isEmpty)
      #expect(seen.allSatisfy { $0.1 == total }, "\(metrics)")
      #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 }, "\(metrics)")
      #expect(seen.last?.0 == total, "\(metrics)")
    }
  }

  /// A stop request ends the folded sweep; a whole tree needs no sweep and is never stopped.
  @Test func stopsWhenAsked() {
    let g = pendantGraph(core: 300, degree: 4, pendants: 300, maxWeight: 1, seed: 13)
    #expect(LeafFolding(g).pays)
    let options = CentralityOptions(threads: 2, shouldStop: { true })
    let stopped = Centrality.compute(g, metrics: [.betweenness, .degree], options: options)
    #expect(stopped.stopped == [.betweenness] && stopped.betweenness.isEmpty)
    #expect(!stopped.degree.isEmpty)
    let tree = Graph(nodeCount: 50, edges: (1..<50).map { ($0 / 2, $0, 1.0) })
    let values = Centrality.compute(tree, metrics: [.betweenness], options: options)
    #expect(values.stopped.isEmpty)
    #expect(values.betweenness == Betweenness.compute(tree))
  }
}
