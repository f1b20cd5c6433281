import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// Every gap-analysis family against the NetworkX / brute-force oracle
/// (Scripts/fixtures/make-gap-fixtures.py) to 1e-9; integer results exactly.
@Suite struct GapFixtureTests {
  @Test(arguments: GapFixture.names)
  func structure(_ name: String) throws {
    let f = try GapFixture.load(name)
    let g = f.graph
    #expect(g.nodeCount == f.nodes.count && g.edgeCount == f.edges.count)
    #expect(abs(Structure.density(g) - f.density) <= 1e-12)
    let components = Structure.components(g)
    #expect(components.members == f.components)
    for (c, members) in f.components.enumerated() {
      for v in members { #expect(components.index[v] == c) }
    }
    let paths = Structure.componentPaths(g, components: components, threads: 2)
    expectClose(paths.map(\.averageDistance), f.componentAverageDistance, "\(name) avg distance")
    #expect(paths.map(\.diameter) == f.componentDiameter)
    let triangles = Structure.triangles(g)
    #expect(triangles == f.triangles)
    #expect(abs(Structure.transitivity(g) - f.transitivity) <= 1e-12)
    expectClose(Structure.clustering(g), f.clustering, "\(name) clustering")
    #expect(abs(Structure.averageClustering(g) - f.averageClustering) <= 1e-12)
    #expect(Structure.articulationPoints(g) == f.articulationPoints)
    #expect(Structure.bridges(g).map { [$0.u, $0.v] } == f.bridges)
    let local = Structure.localBridges(g, threads: 2)
    #expect(local.map { [$0.pair.u, $0.pair.v, $0.span] } == f.localBridges)
    #expect(Structure.coreNumbers(g) == f.coreNumbers)
  }

  @Test(arguments: GapFixture.names)
  func structuralHoles(_ name: String) throws {
    let f = try GapFixture.load(name)
    let m = StructuralHoles.compute(f.graph)
    expectCloseOrNaN(m.constraint, f.constraint, "\(name) constraint")
    expectCloseOrNaN(m.effectiveSize, f.effectiveSize, "\(name) effective size")
    expectCloseOrNaN(m.efficiency, f.efficiency, "\(name) efficiency")
    expectCloseOrNaN(m.hierarchy, f.hierarchy, "\(name) hierarchy")
    // Unweighted: NetworkX's Borgatti path (n − 2t/n) gives the same effective size.
    // The fixture holds it for every unweighted graph (and only those).
    #expect((f.effectiveSizeBorgatti != nil) == !f.weighted)
    if let borgatti = f.effectiveSizeBorgatti {
      expectCloseOrNaN(m.effectiveSize, borgatti, "\(name) effective size (Borgatti)")
    }
    // NetworkX's all-nodes call divides by the shared contact's strongest tie (a broadcasting
    // slip, see StructuralHoles.effectiveSize): the same unweighted, different weighted.
    let allNodes = f.effectiveSizeNetworkxAllNodes
    let gap = zip(m.effectiveSize, allNodes).map { a, b in b.map { abs(a - $0) } ?? 0 }.max() ?? 0
    if f.weighted {
      #expect(gap > 0.01, "\(name): NetworkX's all-nodes effective size should differ")
    } else {
      #expect(gap < 1e-9)
    }
    #expect(m == StructuralHoles.compute(f.graph))
  }

  @Test(arguments: GapFixture.names)
  func linkPrediction(_ name: String) throws {
    let f = try GapFixture.load(name)
    let g = f.graph
    #expect(LinkPrediction.friendsOfFriends(g).map { [$0.u, $0.v] } == f.friendsOfFriends)
    let crossFoF = LinkPrediction.friendsOfFriends(g, groups: f.groups)
    #expect(
      crossFoF == LinkPrediction.friendsOfFriends(g).filter { f.groups[$0.u] != f.groups[$0.v] })
    let scores = LinkPrediction.scores(g, pairs: f.candidatePairs)
    #expect(scores.map(\.sharedNeighbors) == f.commonNeighbors)
    expectClose(scores.map(\.jaccard), f.jaccard, "\(name) jaccard")
    expectClose(scores.map(\.adamicAdar), f.adamicAdar, "\(name) adamic-adar")
    expectClose(
      scores.map(\.resourceAllocation), f.resourceAllocation, "\(name) resource allocation")
    let shortening = LinkPrediction.shortening(g, candidates: f.candidatePairs, threads: 2)
    #expect(
      shortening.map { [$0.improvedPairs, $0.totalReduction, $0.newlyConnectedPairs] }
        == f.shortening)
  }

  @Test(arguments: GapFixture.names)
  func groupsAndModularity(_ name: String) throws {
    let f = try GapFixture.load(name)
    let g = f.graph
    let mixing = GroupMixing.matrix(g, groups: f.groups)
    #expect(mixing.sizes == f.groupSizes)
    #expect(mixing.ties == f.mixingTies)
    // NetworkX counts every tie in both directions: its diagonal is twice ours.
    for a in 0..<mixing.groupCount {
      for b in 0..<mixing.groupCount {
        #expect(f.mixingNetworkx[a][b] == (a == b ? 2 : 1) * mixing.ties[a][b])
      }
      expectClose(mixing.expected[a], f.mixingExpected[a], "\(name) expected row \(a)")
      expectCloseOrNaN(mixing.density[a], f.mixingDensity[a], "\(name) block density row \(a)")
    }
    let ei = GroupMixing.eiIndex(g, groups: f.groups)
    #expect(ei.internalTies == f.eiInternal)
    #expect(ei.externalTies == f.eiExternal)
    expectCloseOrNaN(ei.perGroup, f.eiGroups, "\(name) E-I per group")
    expectCloseOrNaN([ei.overall], [f.eiOverall], "\(name) E-I overall")
    expectCloseOrNaN(ei.perNode, f.eiNodes, "\(name) E-I per node")

    #expect(f.partitions.keys.sorted() == ["groups", "networkx_louvain", "singletons"])
    for (partition, value) in f.partitions.sorted(by: { $0.key < $1.key }) {
      let q = Modularity.compute(g, communities: value.communities)
      expectCloseOrNaN([q], [value.modularity], "\(name) modularity of \(partition)")
    }
  }

  /// Our Louvain partition's modularity is ours by construction (Modularity.compute, which the
  /// test above checks against NetworkX on fixed partitions); here it must also be comparable
  /// with NetworkX's own louvain_communities(seed=1): at most 0.02 below it.
  @Test(arguments: GapFixture.names)
  func louvainIsComparableWithNetworkX(_ name: String) throws {
    let f = try GapFixture.load(name)
    let g = f.graph
    let p = Louvain.communities(g)
    #expect(p.community.count == g.nodeCount)
    #expect(p.members.flatMap { $0 }.sorted() == Array(0..<g.nodeCount))
    #expect(p.members.map(\.count) == p.members.map(\.count).sorted(by: >))
    let q = Modularity.compute(g, communities: p.community)
    #expect(q.bitPattern == p.modularity.bitPattern || (q.isNaN && p.modularity.isNaN))
    let networkx = try #require(f.partitions["networkx_louvain"]?.modularity, "\(name): no NetworkX Louvain")
    #expect(
      p.modularity >= networkx - 0.02, "\(name): ours \(p.modularity), NetworkX \(networkx)")
    #expect(Louvain.communities(g) == p)
  }

  @Test(arguments: GapFixture.names)
  func brokerage(_ name: String) throws {
    let f = try GapFixture.load(name)
    let r = Brokerage.roles(f.graph, groups: f.groups)
    let rows = (0..<f.nodes.count).map {
      [r.coordinator[$0], r.itinerant[$0], r.representative[$0], r.gatekeeper[$0], r.liaison[$0]]
    }
    #expect(rows == f.brokerage)
    #expect(r.representative == r.gatekeeper)  // undirected: the same role read both ways
    #expect(r.total == rows.map { $0.reduce(0, +) })
  }

  @Test(arguments: GapFixture.names)
  func fragility(_ name: String) throws {
    let f = try GapFixture.load(name)
    let g = f.graph
    let removal = Fragility.nodeRemoval(g)
    #expect(removal.disconnectedPairs == f.pairsDisconnected)
    expectClose(removal.fragmentation, f.fragmentationAfter, "\(name) F after removal")
    #expect(abs(removal.baselineFragmentation - f.baselineFragmentation) <= 1e-12)
    #expect(abs(Fragility.fragmentation(g) - f.baselineFragmentation) <= 1e-12)
    for v in 0..<g.nodeCount {
      #expect(abs(Fragility.fragmentation(g, removing: [v]) - removal.fragmentation[v]) <= 1e-12)
    }
    let increase = Fragility.distanceIncrease(g, sources: .all, threads: 2)
    #expect(increase.exact)
    #expect(increase.totalIncrease == f.distanceIncreaseTotal.map(Double.init))
    expectCloseOrNaN(increase.meanIncrease, f.distanceIncreaseMean, "\(name) mean increase")
    // A "sample" as large as the graph is the exact computation.
    let all = Fragility.distanceIncrease(g, sources: .sample(count: g.nodeCount + 5, seed: 9))
    #expect(all == increase)
    let kpp = Fragility.keyPlayersNegative(g, k: 3)
    #expect(kpp.nodes == f.kppNegNodes)
    expectClose(kpp.fragmentation, f.kppNegFragmentation, "\(name) KPP-Neg F")
  }
}
