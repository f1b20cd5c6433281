import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// Every centrality against the NetworkX oracle (Scripts/fixtures/make-centrality-fixtures.py) to 1e-9.
@Suite struct FixtureTests {
  @Test(arguments: Fixture.names)
  func allSevenMetricsMatchTheOracle(_ name: String) throws {
    let fixture = try Fixture.load(name)
    let g = fixture.graph
    #expect(g.nodeCount == fixture.nodes.count)
    #expect(g.edgeCount == fixture.edges.count)
    #expect(g.isWeighted == fixture.weighted)
    let c = Centrality.compute(g, options: CentralityOptions(threads: 2))
    let actual: [String: [Double]] = [
      "degree": c.degree, "strength": c.strength, "betweenness": c.betweenness,
      "closeness": c.closeness, "harmonic": c.harmonic, "eigenvector": c.eigenvector,
      "pagerank": c.pagerank,
    ]
    for metric in Fixture.metrics {
      expectClose(try #require(actual[metric]), try fixture.expected(metric), "\(name) \(metric)")
    }
  }

  /// The per-family functions give what the combined report gives, bit for bit.
  @Test(arguments: Fixture.names)
  func familyFunctionsAgreeWithTheReport(_ name: String) throws {
    let g = try Fixture.load(name).graph
    let options = CentralityOptions(threads: 1)
    let c = Centrality.compute(g, options: options)
    #expect(Degree.compute(g) == c.degree)
    #expect(Strength.compute(g) == c.strength)
    #expect(Betweenness.compute(g, options: options) == c.betweenness)
    #expect(Closeness.compute(g, options: options) == c.closeness)
    #expect(Harmonic.compute(g, options: options) == c.harmonic)
    #expect(Eigenvector.compute(g) == c.eigenvector)
    #expect(PageRank.compute(g) == c.pagerank)
  }

  /// The fixtures where NetworkX's ARPACK-based eigenvector_centrality_numpy is defined
  /// (connected, n ≥ 3); it refuses the others.
  static let numpyEigenvectorNames = [
    "karate_weighted", "karate_unweighted", "davis_women_weighted", "les_miserables_weighted",
    "florentine_families", "path3", "star5", "triangle", "random_tree", "star_large", "path_long",
    "ba1_300", "ba2_300", "dual_ba_300", "core_pendant", "random_tree_weighted", "ba1_300_weighted",
    "dual_ba_300_weighted", "core_pendant_weighted", "friendship_7", "barbell_path", "cactus",
    "federation", "cactus_weighted", "federation_weighted",
  ]

  /// Where NetworkX's eigenvector_centrality_numpy is defined, ours is the same vector.
  @Test(arguments: numpyEigenvectorNames)
  func eigenvectorMatchesNetworkXNumpyWhereDefined(_ name: String) throws {
    let fixture = try Fixture.load(name)
    let numpy = try #require(fixture.networkxEigenvectorNumpy, "\(name): no numpy eigenvector")
    expectClose(Eigenvector.compute(fixture.graph), numpy, "\(name) eigenvector vs numpy")
  }

  /// ...and it is refused exactly on the others (so the list above is complete).
  @Test func numpyEigenvectorListIsComplete() throws {
    for name in Fixture.names {
      let defined = try Fixture.load(name).networkxEigenvectorNumpy != nil
      #expect(defined == Self.numpyEigenvectorNames.contains(name), "\(name)")
    }
  }

  /// The empty graph: every measure is an empty array (nothing to normalise).
  @Test func emptyGraphGivesEmptyArrays() throws {
    let g = try Fixture.load("empty").graph
    #expect(g.nodeCount == 0)
    #expect(PageRank.compute(g).isEmpty)
    #expect(Eigenvector.compute(g).isEmpty)
  }

  @Test(arguments: Fixture.names.filter { $0 != "empty" })
  func normalisations(_ name: String) throws {
    let g = try Fixture.load(name).graph
    #expect(g.nodeCount > 0)
    let pagerank = PageRank.compute(g)
    #expect(abs(pagerank.reduce(0, +) - 1) < 1e-12)
    let eigenvector = Eigenvector.compute(g)
    #expect(abs(eigenvector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
    #expect(eigenvector.allSatisfy { $0 >= 0 })
  }

  /// The fixtures where NetworkX's float betweenness misses equally short weighted paths.
  static let floatTieNames = [
    "karate_weighted", "davis_women_weighted", "dual_ba_300_weighted", "core_pendant_weighted",
    "federation_weighted",
  ]

  /// SPEC §3: NetworkX compares float path lengths exactly and misses equally short paths.
  /// On the weighted karate club, the Davis projection and three weighted graphs with leaves
  /// (folded by StakeMap) its betweenness is visibly off; ours equals the exact rational values.
  @Test(arguments: [
    ("karate_weighted", 0.0018), ("davis_women_weighted", 0.0085),
    ("dual_ba_300_weighted", 0.004), ("core_pendant_weighted", 0.0059),
    ("federation_weighted", 0.0027),
  ])
  func networkXFloatBetweennessDeviatesOursIsExact(_ name: String, minimumGap: Double) throws {
    let fixture = try Fixture.load(name)
    let exact = try fixture.expected("betweenness")
    let networkx = fixture.networkxFloatBetweenness
    let ours = Betweenness.compute(fixture.graph, options: CentralityOptions(threads: 2))
    let networkxGap = zip(networkx, exact).map { abs($0 - $1) }.max() ?? 0
    #expect(networkxGap > minimumGap, "NetworkX's float values should be off on \(name)")
    #expect(abs(networkxGap - fixture.networkxBetweennessMaxAbsDeviation) < 1e-15)
    expectClose(ours, exact, "\(name) betweenness vs exact")
    // ...and so we differ from NetworkX's float result by as much as it errs.
    let oursVsNetworkX = zip(ours, networkx).map { abs($0 - $1) }.max() ?? 0
    #expect(abs(oursVsNetworkX - networkxGap) < 1e-9)
  }

  /// Unweighted graphs and the weighted graphs without float ties: NetworkX is right there,
  /// and ours equals what `nx.betweenness_centrality` itself returned.
  @Test(arguments: Fixture.names.filter { !floatTieNames.contains($0) })
  func betweennessEqualsNetworkXWhereItIsExact(_ name: String) throws {
    let fixture = try Fixture.load(name)
    let ours = Betweenness.compute(fixture.graph, options: CentralityOptions(threads: 2))
    expectClose(ours, fixture.networkxFloatBetweenness, "\(name) betweenness vs NetworkX")
  }
}
