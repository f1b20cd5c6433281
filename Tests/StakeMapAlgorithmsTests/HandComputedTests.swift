import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// Small graphs whose centralities are worked out by hand (the values in the comments).
@Suite struct HandComputedTests {
  func graph(_ n: Int, _ edges: [(Int, Int, Double)]) -> Graph {
    Graph(nodeCount: n, edges: edges)
  }

  func all(_ g: Graph) -> Centrality {
    Centrality.compute(g, options: CentralityOptions(threads: 2))
  }

  @Test func pathOfThree() {
    let c = all(graph(3, [(0, 1, 1), (1, 2, 1)]))
    expectClose(c.degree, [0.5, 1, 0.5], "degree")
    expectClose(c.strength, [1, 2, 1], "strength")
    // Only pair (0, 2) has an intermediate node: 2 ordered pairs / ((n−1)(n−2) = 2).
    expectClose(c.betweenness, [0, 1, 0], "betweenness")
    // End: reaches 2 nodes at total distance 3 → 2/3.
    expectClose(c.closeness, [2.0 / 3, 1, 2.0 / 3], "closeness")
    expectClose(c.harmonic, [1.5, 2, 1.5], "harmonic")
    // λ = √2, x = (1/2, 1/√2, 1/2).
    expectClose(c.eigenvector, [0.5, (0.5).squareRoot(), 0.5], "eigenvector")
    // x0 = 0.05 + 0.425·x1, x1 = 0.05 + 1.7·x0 → x0 = 19/74, x1 = 18/37.
    expectClose(c.pagerank, [19.0 / 74, 18.0 / 37, 19.0 / 74], "pagerank")
  }

  @Test func starWithFourLeaves() {
    let c = all(graph(5, (1...4).map { (0, $0, 1.0) }))
    expectClose(c.degree, [1, 0.25, 0.25, 0.25, 0.25], "degree")
    // Centre: all 12 ordered leaf pairs / (4·3).
    expectClose(c.betweenness, [1, 0, 0, 0, 0], "betweenness")
    // Leaf: 1 + 3·2 = 7 → 4/7.
    expectClose(c.closeness, [1] + [Double](repeating: 4.0 / 7, count: 4), "closeness")
    expectClose(c.harmonic, [4, 2.5, 2.5, 2.5, 2.5], "harmonic")
    // Bipartite (eigenvalues ±2): λ = 2, centre 1/√2, leaves 1/(2√2).
    let leaf = 1 / (2 * (2.0).squareRoot())
    expectClose(c.eigenvector, [(0.5).squareRoot(), leaf, leaf, leaf, leaf], "eigenvector")
    // c = 0.03 + 3.4·l, l = 0.03 + 0.2125·c → c = 0.132/0.2775.
    let centre = 0.132 / 0.2775
    let leaves = [Double](repeating: (1 - centre) / 4, count: 4)
    expectClose(c.pagerank, [centre] + leaves, "pagerank")
  }

  @Test func triangle() {
    let c = all(graph(3, [(0, 1, 1), (1, 2, 1), (0, 2, 1)]))
    expectClose(c.degree, [1, 1, 1], "degree")
    expectClose(c.betweenness, [0, 0, 0], "betweenness")
    expectClose(c.closeness, [1, 1, 1], "closeness")
    expectClose(c.harmonic, [2, 2, 2], "harmonic")
    expectClose(c.eigenvector, [Double](repeating: 1 / (3.0).squareRoot(), count: 3), "eigenvector")
    expectClose(c.pagerank, [Double](repeating: 1.0 / 3, count: 3), "pagerank")
  }

  @Test func twoComponents() {
    // Triangle 0-1-2 and edge 3-4, n = 5.
    let c = all(graph(5, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1)]))
    expectClose(c.degree, [0.5, 0.5, 0.5, 0.25, 0.25], "degree")
    expectClose(c.betweenness, [0, 0, 0, 0, 0], "betweenness")
    // Wasserman–Faust: triangle (2/2)·(2/4); edge (1/1)·(1/4).
    expectClose(c.closeness, [0.5, 0.5, 0.5, 0.25, 0.25], "closeness")
    expectClose(c.harmonic, [2, 2, 2, 1, 1], "harmonic")
    // λ = 2 (triangle) beats λ = 1 (edge): the edge gets 0.
    let t = 1 / (3.0).squareRoot()
    expectClose(c.eigenvector, [t, t, t, 0, 0], "eigenvector")
    // Each component keeps its teleport share: triangle 0.6, edge 0.4 → 0.2 each.
    expectClose(c.pagerank, [0.2, 0.2, 0.2, 0.2, 0.2], "pagerank")
  }

  @Test func twinTrianglesShareTheRepeatedEigenvalue() {
    // λ = 2 twice: the projection of the all-ones vector gives 1/√6 to all six, 0 to node 6.
    let c = all(graph(7, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1)]))
    let s = 1 / (6.0).squareRoot()
    expectClose(c.eigenvector, [s, s, s, s, s, s, 0], "eigenvector")
  }

  @Test func aLongChainBesideAStarGetsZero() {
    // A star of 5 leaves (λ = √5: centre 1/√2, leaves 1/√10) beside a path of 3,000 nodes
    // (λ < 2 ≤ its largest strength, below √5): the path gets 0 and is never solved (slow
    // for Lanczos: its two leading eigenvalues nearly coincide).
    let chain = 3_000
    var edges: [(Int, Int, Double)] = (1...5).map { (0, $0, 1) }
    edges += (0..<(chain - 1)).map { (6 + $0, 7 + $0, 1) }
    let e = Eigenvector.compute(graph(6 + chain, edges))
    let expected = [1 / (2.0).squareRoot()] + [Double](repeating: 1 / (10.0).squareRoot(), count: 5)
      + [Double](repeating: 0, count: chain)
    expectClose(e, expected, tolerance: 1e-12, "eigenvector")
  }

  @Test func singleNode() {
    let c = all(graph(1, []))
    #expect(c.degree == [1])  // NetworkX: n ≤ 1 → 1
    #expect(c.strength == [0])
    #expect(c.betweenness == [0])
    #expect(c.closeness == [0])
    #expect(c.harmonic == [0])
    #expect(c.eigenvector == [1])
    #expect(c.pagerank == [1])
  }

  @Test func isolatesOnly() {
    let c = all(graph(3, []))
    #expect(c.degree == [0, 0, 0])
    #expect(c.betweenness == [0, 0, 0])
    #expect(c.closeness == [0, 0, 0])
    expectClose(c.eigenvector, [Double](repeating: 1 / (3.0).squareRoot(), count: 3), "eigenvector")
    expectClose(c.pagerank, [Double](repeating: 1.0 / 3, count: 3), "pagerank")
  }

  @Test func emptyGraph() {
    let c = all(graph(0, []))
    let none: [Double] = []
    let expected = Centrality(
      degree: none, strength: none, betweenness: none, closeness: none, harmonic: none,
      eigenvector: none, pagerank: none)
    #expect(c == expected)
  }

  @Test func strongTiesMakeADetourShorter() {
    // 0-1 weight 1 (length 1); 0-2 and 2-1 weight 4 (length 1/4 each): 0→1 runs via 2.
    let c = all(graph(3, [(0, 1, 1), (0, 2, 4), (2, 1, 4)]))
    expectClose(c.betweenness, [0, 0, 1], "betweenness")
    // Node 0: d(0,2) = 1/4, d(0,1) = 1/2 → closeness 2/(3/4) = 8/3, harmonic 4 + 2.
    expectClose(c.closeness, [8.0 / 3, 8.0 / 3, 4], "closeness")
    expectClose(c.harmonic, [6, 6, 8], "harmonic")
    expectClose(c.strength, [5, 5, 8], "strength")
  }

  @Test func equalLengthsThatFloatSumsTellApart() {
    // s=0 — t=3 directly (weight 1, length 1) and via a=1, b=2 (weights 2, 3, 6): the detour
    // is 1/2 + 1/3 + 1/6 = 1 exactly, but not in floating point. Exactly, (s, t) has two
    // shortest paths, a and b each lie on one; a also lies on s→b, b on a→t:
    // a = b = (1/2 + 1)·2 / (3·2) = 1/2.
    let g = graph(4, [(0, 3, 1), (0, 1, 2), (1, 2, 3), (2, 3, 6)])
    let detour: Double = 1.0 / 2 + 1.0 / 3 + 1.0 / 6
    #expect(detour != 1)  // the premise
    expectClose(Betweenness.compute(g), [0, 0.5, 0.5, 0], "betweenness")
  }

  @Test func weightedStarEigenvector() {
    // Weights 1, 2, 2: λ = √(1+4+4) = 3, centre 1/√2, leaf i w_i/(3√2).
    let e = Eigenvector.compute(graph(4, [(0, 1, 1), (0, 2, 2), (0, 3, 2)]))
    let r = 1 / (2.0).squareRoot()
    expectClose(e, [r, r / 3, 2 * r / 3, 2 * r / 3], "eigenvector")
  }

  @Test func parallelRelationsAddUp() {
    // Two relations 0-1 of weight 1 are one tie of strength 2 → length 1/2, shorter than the
    // detour 0-2-1 (1 + 1), so node 2 carries nothing.
    let c = all(graph(3, [(0, 1, 1), (0, 1, 1), (0, 2, 1), (2, 1, 1)]))
    expectClose(c.strength, [3, 3, 2], "strength")
    expectClose(c.betweenness, [0, 0, 0], "betweenness")
    expectClose(c.degree, [1, 1, 1], "degree")
  }

  @Test func pagerankDampingFactor() {
    // alpha → teleport share: on a path of 3 with alpha 0.5, x0 = 1/6 + 0.25·x1,
    // x1 = 1/6 + x0 → x0 = (1/6 + 1/24)/0.75 = 5/18, x1 = 4/9.
    expectClose(
      PageRank.compute(graph(3, [(0, 1, 1), (1, 2, 1)]), alpha: 0.5),
      [5.0 / 18, 4.0 / 9, 5.0 / 18], "pagerank")
  }
}
