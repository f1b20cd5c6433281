import StakeMapAlgorithms
import StakeMapGraph
import Synchronization
import Testing

/// A reproducible random graph: `n` nodes, about `n·degree/2` distinct ties (no parallel
/// relations, so weights stay in 1...maxWeight; all 1 when maxWeight is 1), from SplitMix64.
func randomGraph(nodes n: Int, averageDegree degree: Int, maxWeight: Int, seed: UInt64) -> Graph {
  var rng = SplitMix64Generator(seed: seed)
  func next() -> UInt64 { rng.next() }
  var edges: [(Int, Int, Double)] = []
  var seen = Set<Int>()
  for _ in 0..<(n * degree / 2) {
    let u = Int(next() % UInt64(n))
    let v = Int(next() % UInt64(n))
    let weight = Double(1 + next() % UInt64(maxWeight))
    if u != v && seen.insert(min(u, v) * n + max(u, v)).inserted { edges.append((u, v, weight)) }
  }
  return Graph(nodeCount: n, edges: edges)
}

/// Same input, same bytes: the sweeps' results do not depend on the thread count.
@Suite struct DeterminismTests {
  // 3,000 nodes: more chunks than one round holds, so rounds and their reduction are exercised.
  // Average degree 1 (many small trees and one larger component) keeps the debug build quick.
  @Test(arguments: [1, 5])
  func threadCountDoesNotChangeABit(maxWeight: Int) {
    let g = randomGraph(nodes: 3000, averageDegree: 1, maxWeight: maxWeight, seed: 7)
    #expect(g.isWeighted == (maxWeight > 1))
    let one = Centrality.compute(g, options: CentralityOptions(threads: 1))
    let two = Centrality.compute(g, options: CentralityOptions(threads: 2))
    let three = Centrality.compute(g, options: CentralityOptions(threads: 3))
    #expect(one == two)
    #expect(one == three)
    #expect(one.betweenness.contains { $0 > 0 })
  }

  /// A long chain with crossings: the multi-source closeness pass needs per-level counts for
  /// ~1,000 levels, which fit the budget for 1 thread but not for 80 (it then falls back to the
  /// single-source kernel). Betweenness must not follow that choice: it is the same kernel and
  /// the same bits for any thread count, and equal to what betweenness alone computes.
  @Test func longChainsGiveTheSameBitsForAnyThreadCount() {
    // A 2 × 500 ladder with a diagonal in every third square: many equally short paths, so
    // dependencies are fractions and the summation order shows in the last bits.
    var edges: [(Int, Int, Double)] = []
    let length = 500
    for i in 0..<length {
      edges.append((i, length + i, 1))
      if i + 1 < length {
        edges.append((i, i + 1, 1))
        edges.append((length + i, length + i + 1, 1))
        if i % 3 == 0 { edges.append((i, length + i + 1, 1)) }
      }
    }
    let g = Graph(nodeCount: 2 * length, edges: edges)
    let one = Centrality.compute(g, options: CentralityOptions(threads: 1))
    let many = Centrality.compute(g, options: CentralityOptions(threads: 80))
    // Booleans, not the arrays: a failure would print 2 × 1,000 numbers.
    let sameBetweenness = one.betweenness == many.betweenness
    #expect(sameBetweenness)
    let samePaths = one.closeness == many.closeness && one.harmonic == many.harmonic
    #expect(samePaths)
    let alone = Betweenness.compute(g, options: CentralityOptions(threads: 80)) == many.betweenness
    #expect(alone)
    let asked = Centrality.compute(
      g, metrics: [.betweenness, .closeness], options: CentralityOptions(threads: 80))
    let sameAsked = asked.betweenness == one.betweenness && asked.closeness == one.closeness
    #expect(sameAsked)
  }

  @Test func fixturesGiveIdenticalArraysForOneAndTwoThreads() throws {
    for name in ["karate_weighted", "les_miserables_weighted", "davis_women_weighted"] {
      let g = try Fixture.load(name).graph
      #expect(
        Centrality.compute(g, options: CentralityOptions(threads: 1))
          == Centrality.compute(g, options: CentralityOptions(threads: 2)), "\(name)")
      #expect(
        Betweenness.compute(g, options: CentralityOptions(threads: 1))
          == Betweenness.compute(g, options: CentralityOptions(threads: 2)), "\(name)")
    }
  }

  /// The combined sweep and the per-family sweeps agree bit for bit, also where many weighted
  /// paths tie (weights 1...6 on a dense random graph).
  @Test func reportAgreesWithFamilyFunctionsUnderTies() {
    let g = randomGraph(nodes: 300, averageDegree: 8, maxWeight: 6, seed: 3)
    let options = CentralityOptions(threads: 2)
    let c = Centrality.compute(g, options: options)
    #expect(Betweenness.compute(g, options: options) == c.betweenness)
    #expect(Closeness.compute(g, options: options) == c.closeness)
    #expect(Harmonic.compute(g, options: options) == c.harmonic)
    let both = Closeness.computeWithHarmonic(g, options: options)
    #expect(both.closeness == c.closeness && both.harmonic == c.harmonic)
  }

  /// The tie tolerance is relative: scaling every weight leaves betweenness unchanged.
  @Test(arguments: [1e-3, 1e3, 7.0])
  func betweennessIgnoresWeightScale(_ factor: Double) throws {
    let fixture = try Fixture.load("karate_weighted")
    let scaled = Graph(
      nodeCount: fixture.nodes.count,
      edges: fixture.edges.map { (Int($0[0]), Int($0[1]), $0[2] * factor) })
    expectClose(Betweenness.compute(scaled), try fixture.expected("betweenness"), "×\(factor)")
  }

  @Test func progressCountsEverySourceInOrder() {
    let g = randomGraph(nodes: 500, averageDegree: 6, maxWeight: 3, seed: 11)
    let calls = Mutex<[(Int, Int)]>([])
    let options = CentralityOptions(threads: 2) { done, total in
      calls.withLock { $0.append((done, total)) }
    }
    _ = Centrality.compute(g, options: options)
    let seen = calls.withLock { $0 }
    #expect(!seen.isEmpty)
    #expect(seen.allSatisfy { $0.1 == 500 })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 })
    #expect(seen.last?.0 == 500)
  }
}

/// Betweenness, closeness and harmonic against a brute-force reference in EXACT integer
/// arithmetic: with integer weights, every length 1/w is a multiple of 1/L, L the least common
/// multiple of the weights, so scaled lengths L/w are integers and Floyd–Warshall compares
/// them exactly. Random graphs with many
/// equal-length alternatives test the tolerance-aware Dijkstra where float sums disagree.
@Suite struct ExactReferenceTests {
  struct Reference {
    var betweenness: [Double]
    var closeness: [Double]
    var harmonic: [Double]
  }

  func reference(_ g: Graph) -> Reference {
    let n = g.nodeCount
    let unreachable = Int.max / 4
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    let unit = g.isWeighted ? g.weights.reduce(1) { $0 / gcd($0, Int($1)) * Int($1) } : 1
    func length(_ e: Int) -> Int { unit / Int(g.weights[e]) }
    var d = [[Int]](repeating: [Int](repeating: unreachable, count: n), count: n)
    for v in 0..<n {
      d[v][v] = 0
      for e in g.edgeRange(v) {
        d[v][Int(g.neighbors[e])] = length(e)
      }
    }
    for k in 0..<n {
      for i in 0..<n {
        for j in 0..<n where d[i][k] + d[k][j] < d[i][j] {
          d[i][j] = d[i][k] + d[k][j]
        }
      }
    }
    // σ(s, t) by increasing distance: σ(s, t) = Σ over neighbours u of t on a shortest path.
    var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for s in 0..<n {
      let order = (0..<n).filter { d[s][$0] < unreachable }.sorted { d[s][$0] < d[s][$1] }
      sigma[s][s] = 1
      for t in order where t != s {
        for e in g.edgeRange(t) {
          let u = Int(g.neighbors[e])
          if d[s][u] + length(e) == d[s][t] { sigma[s][t] += sigma[s][u] }
        }
      }
    }
    var betweenness = [Double](repeating: 0, count: n)
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    for s in 0..<n {
      var total = 0
      var reached = 1
      for t in 0..<n where t != s && d[s][t] < unreachable {
        total += d[s][t]
        reached += 1
        harmonic[s] += Double(unit) / Double(d[s][t])
        for v in 0..<n where v != s && v != t && d[s][v] + d[v][t] == d[s][t] {
          betweenness[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
        }
      }
      if total > 0 && n > 1 {
        let r1 = Double(reached - 1)
        closeness[s] = r1 / (Double(total) / Double(unit)) * r1 / Double(n - 1)
      }
    }
    if n > 2 { betweenness = betweenness.map { $0 / Double((n - 1) * (n - 2)) } }
    return Reference(betweenness: betweenness, closeness: closeness, harmonic: harmonic)
  }

  @Test(arguments: [(1, UInt64(1)), (6, 2), (6, 3), (3, 4), (2, 5), (7, 6)])
  func matchesExactArithmetic(maxWeight: Int, seed: UInt64) {
    // 45 nodes: a few components and isolates at this density.
    let g = randomGraph(nodes: 45, averageDegree: 3, maxWeight: maxWeight, seed: seed)
    let expected = reference(g)
    let c = Centrality.compute(g, options: CentralityOptions(threads: 2))
    expectClose(c.betweenness, expected.betweenness, "betweenness")
    expectClose(c.closeness, expected.closeness, "closeness")
    expectClose(c.harmonic, expected.harmonic, "harmonic")
  }
}
