import Foundation
import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// Small cases worked out by hand (the arithmetic is in the comments).
@Suite struct GapHandComputedTests {
  func graph(_ n: Int, _ edges: [(Int, Int)]) -> Graph {
    Graph(nodeCount: n, edges: edges.map { ($0.0, $0.1, 1.0) })
  }

  // MARK: Brokerage

  /// Groups A = {0, 1, 2}, B = {3, 4}, C = {5}. Arcs: 1→0, 3→0, 0→2, 0→3, 0→4, 0→5, 1→4, 2→1.
  ///
  /// Broker 0: in {1, 3}, out {2, 3, 4, 5}; the two-paths a → 0 → b (a ≠ b):
  ///   1→0→2  A A A  coordinator
  ///   1→0→3  A A B  representative
  ///   1→0→4  closed by the arc 1→4: not counted
  ///   1→0→5  A A C  representative
  ///   3→0→2  B A A  gatekeeper
  ///   3→0→4  B A B  itinerant
  ///   3→0→5  B A C  liaison
  /// Broker 1: in {2}, out {0, 4}: 2→1→0 (no arc 2→0; A A A) coordinator, 2→1→4 (A A B)
  ///   representative.
  /// Broker 2: in {0}, out {1}: 0→2→1 is open (the arc 1→0 points the other way): coordinator.
  /// Brokers 3, 4, 5: 3 only has 0 on both sides (a = b); 4 and 5 send nothing.
  @Test func gouldFernandezDirected() {
    let arcs = [(1, 0), (3, 0), (0, 2), (0, 3), (0, 4), (0, 5), (1, 4), (2, 1)]
    let d = Brokerage.DirectedGraph(nodeCount: 6, arcs: arcs + [(1, 0), (4, 4)])  // dup, loop
    #expect(d.arcCount == 8)
    #expect(d.hasArc(1, 0) && !d.hasArc(0, 1))
    let r = Brokerage.roles(d, groups: [0, 0, 0, 1, 1, 2])
    #expect(r.coordinator == [1, 1, 1, 0, 0, 0])
    #expect(r.itinerant == [1, 0, 0, 0, 0, 0])
    #expect(r.representative == [2, 1, 0, 0, 0, 0])
    #expect(r.gatekeeper == [1, 0, 0, 0, 0, 0])
    #expect(r.liaison == [1, 0, 0, 0, 0, 0])
    #expect(r.total == [6, 2, 1, 0, 0, 0])
  }

  /// Undirected path 0 – 1 – 2 with groups A, A, B: broker 1 has the open triad {0, 2}, read
  /// both ways: 0→1→2 (A A B, representative) and 2→1→0 (B A A, gatekeeper).
  @Test func gouldFernandezUndirectedCountsBothDirections() {
    let r = Brokerage.roles(graph(3, [(0, 1), (1, 2)]), groups: [0, 0, 1])
    #expect(r.representative == [0, 1, 0])
    #expect(r.gatekeeper == [0, 1, 0])
    #expect(r.total == [0, 2, 0])
  }

  // MARK: E-I

  /// Path 0 – 1 – 2 – 3 – 4 with groups 0 0 1 1 2, plus node 5 alone in group 3.
  /// Ties: 0-1 inside g0; 1-2 between g0 and g1; 2-3 inside g1; 3-4 between g1 and g2.
  /// g0: I 1, E 1 → 0. g1: I 1, E 2 → 1/3. g2: I 0, E 1 → 1. g3: no ties → NaN.
  /// Overall: E 2, I 2 → 0. Nodes: 0 (i 1) → −1; 1 (e 1, i 1) → 0; 2 (e 1, i 1) → 0;
  /// 3 (e 1, i 1) → 0; 4 (e 1) → 1; 5 isolated → NaN.
  @Test func eiIndexPath() {
    let ei = GroupMixing.eiIndex(
      graph(6, [(0, 1), (1, 2), (2, 3), (3, 4)]), groups: [0, 0, 1, 1, 2, 3])
    #expect(ei.internalTies == [1, 1, 0, 0])
    #expect(ei.externalTies == [1, 2, 1, 0])
    expectCloseOrNaN(ei.perGroup, [0, 1.0 / 3, 1, nil], "E-I groups")
    #expect(ei.overall == 0)
    expectCloseOrNaN(ei.perNode, [-1, 0, 0, 0, 1, nil], "E-I nodes")
  }

  /// Two triangles {0, 1, 2}, {3, 4, 5} (one group each) joined by 2 – 3: each group has
  /// I = 3, E = 1 → −1/2; overall E = 1, I = 6 → −5/7. Mixing: 3 ties inside each group,
  /// 1 between; density 7/15, so 7/15·3 expected inside, 7/15·9 between; block density 1 inside,
  /// 1/9 between.
  @Test func eiIndexAndMixingBridgedTriangles() {
    let g = graph(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    let groups = [0, 0, 0, 1, 1, 1]
    let ei = GroupMixing.eiIndex(g, groups: groups)
    expectClose(ei.perGroup, [-0.5, -0.5], "E-I groups")
    expectClose([ei.overall], [-5.0 / 7], "E-I overall")
    let m = GroupMixing.matrix(g, groups: groups)
    #expect(m.ties == [[3, 1], [1, 3]])
    expectClose(m.expected.flatMap { $0 }, [7.0 / 5, 21.0 / 5, 21.0 / 5, 7.0 / 5], "expected")
    expectClose(m.density.flatMap { $0 }, [1, 1.0 / 9, 1.0 / 9, 1], "block density")
  }

  // MARK: Structural holes

  /// Edges 0-1, 0-2, 0-3, 1-2 (unweighted).
  /// Node 0: p = 1/3 each. c_01 = (1/3 + p_02·p_21)² = (1/3 + 1/3·1/2)² = 1/4, c_02 = 1/4,
  ///   c_03 = 1/9; C = 11/18. Effective size 3 − 2·1/3 = 7/3, efficiency 7/9.
  ///   Hierarchy: C/N = 11/54, r = 27/22, 27/22, 6/11: H = Σ r ln r / (3 ln 3).
  /// Node 1: contacts 0, 2. c_10 = (1/2 + 1/2·1/2)² = 9/16, c_12 = (1/2 + 1/2·1/3)² = 4/9;
  ///   C = 145/144. Effective size 2 − 2·1/2 = 1, efficiency 1/2.
  ///   r = (9/16)/(145/288) = 162/145, (4/9)/(145/288) = 128/145: H = Σ r ln r / (2 ln 2).
  /// Node 3: one contact: C = 1, effective size 1, efficiency 1, hierarchy 0 (N = 1).
  /// Node 4 (isolated): NaN everywhere.
  @Test func burtMeasuresWorkedExample() {
    let m = StructuralHoles.compute(graph(5, [(0, 1), (0, 2), (0, 3), (1, 2)]))
    let h0 = (2 * (27.0 / 22) * log(27.0 / 22) + (6.0 / 11) * log(6.0 / 11)) / (3 * log(3.0))
    let h1 = ((162.0 / 145) * log(162.0 / 145) + (128.0 / 145) * log(128.0 / 145)) / (2 * log(2.0))
    expectCloseOrNaN(m.constraint, [11.0 / 18, 145.0 / 144, 145.0 / 144, 1, nil], "constraint")
    expectCloseOrNaN(m.effectiveSize, [7.0 / 3, 1, 1, 1, nil], "effective size")
    expectCloseOrNaN(m.efficiency, [7.0 / 9, 0.5, 0.5, 1, nil], "efficiency")
    expectCloseOrNaN(m.hierarchy, [h0, h1, h1, 0, nil], "hierarchy")
    #expect(h0 > 0 && h0 < 1)
  }

  /// Star with four leaves: the centre's constraint is spread evenly (c_ij = 1/16, C = 1/4):
  /// hierarchy 0, effective size 4, efficiency 1. Leaves: C = 1, hierarchy 0.
  @Test func burtStar() {
    let m = StructuralHoles.compute(graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)]))
    expectClose(m.constraint, [0.25, 1, 1, 1, 1], "constraint")
    expectClose(m.effectiveSize, [4, 1, 1, 1, 1], "effective size")
    expectClose(m.efficiency, [1, 1, 1, 1, 1], "efficiency")
    expectClose(m.hierarchy, [0, 0, 0, 0, 0], "hierarchy")
  }

  /// Weighted triangle 0-1 (2), 0-2 (1), 1-2 (1). Node 0: p_01 = 2/3, p_02 = 1/3.
  /// Redundancy of 1: p_02·m_12 = 1/3 · (1 / max(2, 1)) = 1/6; of 2: p_01·m_21 = 2/3 · 1/1.
  /// Effective size (1 − 1/6) + (1 − 2/3) = 7/6 (Borgatti's unweighted formula would say 1).
  @Test func weightedEffectiveSize() {
    let g = Graph(nodeCount: 3, edges: [(0, 1, 2), (0, 2, 1), (1, 2, 1)])
    #expect(abs(StructuralHoles.effectiveSize(g)[0] - 7.0 / 6) < 1e-12)
  }

  // MARK: Fragility

  /// Path 0-1-2-3-4. Removing 2 leaves {0, 1}, {3, 4}: of the C(4,2) = 6 pairs of others 2 stay
  /// connected, 4 are lost; F = 1 − (2 + 2)/(4·3) = 2/3. Removing 1: {0}, {2, 3, 4}: 3 lost,
  /// F = 1 − 6/12 = 1/2. Removing an end: nothing lost, F = 0.
  @Test func fragmentationPath() {
    let r = Fragility.nodeRemoval(graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)]))
    #expect(r.disconnectedPairs == [0, 3, 4, 3, 0])
    #expect(r.connectedPairs == [6, 3, 2, 3, 6])
    expectClose(r.fragmentation, [0, 0.5, 2.0 / 3, 0.5, 0], "F")
    #expect(r.baselineFragmentation == 0)
  }

  /// Star: removing the centre isolates the four leaves: 6 pairs lost, F = 1. A leaf: nothing.
  @Test func fragmentationStar() {
    let r = Fragility.nodeRemoval(graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)]))
    #expect(r.disconnectedPairs == [6, 0, 0, 0, 0])
    expectClose(r.fragmentation, [1, 0, 0, 0, 0], "F")
    #expect(Structure.articulationPoints(graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)])) == [0])
  }

  /// Triangles 0-1-2 and 3-4-5 joined by the bridge 2-3. Removing 2 (or 3) leaves {0, 1} and
  /// {3, 4, 5}: 1 + 3 of the C(5,2) = 10 pairs stay, 6 are lost; F = 1 − (2 + 6)/(5·4) = 0.6.
  /// Bridges: only 2-3; articulation points: 2 and 3.
  @Test func fragmentationBridge() {
    let g = graph(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    let r = Fragility.nodeRemoval(g)
    #expect(r.disconnectedPairs == [0, 0, 6, 6, 0, 0])
    expectClose(r.fragmentation, [0, 0, 0.6, 0.6, 0, 0], "F")
    #expect(Structure.bridges(g) == [NodePair(2, 3)])
    #expect(Structure.articulationPoints(g) == [2, 3])
    let local = Structure.localBridges(g)
    #expect(local == [Structure.LocalBridge(pair: NodePair(2, 3), span: nil)])
    let parts = Fragility.componentsAfterRemoving(g, [2])
    #expect(parts.members == [[3, 4, 5], [0, 1]])
    #expect(parts.index == [1, 1, -1, 0, 0, 0])
  }

  /// Cycle of 5: without node 0 it is the path 1-2-3-4; of its 6 pairs only {1, 4} gets longer
  /// (2 via 0, now 3): total increase 1, mean 1/6, the same for every node by symmetry.
  @Test func distanceIncreaseCycle() {
    let g = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])
    let d = Fragility.distanceIncrease(g, sources: .all, threads: 1)
    #expect(d.exact)
    #expect(d.totalIncrease == [1, 1, 1, 1, 1])
    expectClose(d.meanIncrease, [Double](repeating: 1.0 / 6, count: 5), "mean")
    #expect(d.standardError == [0, 0, 0, 0, 0])
  }

  /// Star centre: no pair stays connected → NaN mean; a square with a chord 0-2: removing 0
  /// leaves 1-2-3 (pair {1, 3}: 2 before via 0 or 2, still 2): no increase.
  @Test func distanceIncreaseEdgeCases() {
    let star = Fragility.distanceIncrease(graph(4, [(0, 1), (0, 2), (0, 3)]), sources: .all)
    #expect(star.meanIncrease[0].isNaN && star.totalIncrease[0] == 0)
    let square = Fragility.distanceIncrease(graph(4, [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)]))
    #expect(square.totalIncrease == [0, 0, 0, 0])
  }

  /// Two stars (hubs 0 and 4, leaves 1-3 and 5-7) joined by the path 0 – 8 – 4; n = 9.
  /// Step 1: removing 0 or 4 leaves one component of 5 (10 pairs), removing 8 two of 4
  /// (12 pairs): hub 0 (lowest index of the tie), F = 1 − 10/C(8,2) = 9/14.
  /// Step 2: removing 4 isolates everyone (F = 1); removing 8 would leave 6 pairs.
  /// Step 3: nothing left to split: every node ties, the lowest index (1) is taken, F stays 1.
  @Test func keyPlayersTwoStars() {
    let g = graph(9, [(0, 1), (0, 2), (0, 3), (4, 5), (4, 6), (4, 7), (0, 8), (8, 4)])
    let kpp = Fragility.keyPlayersNegative(g, k: 3)
    #expect(kpp.nodes == [0, 4, 1])
    expectClose(kpp.fragmentation, [9.0 / 14, 1, 1], "F")
    #expect(kpp.initialFragmentation == 0)
    #expect(Fragility.keyPlayersNegative(g, k: 20).nodes.count == 9)
  }

  // MARK: Link prediction

  /// Edges 0-2, 1-2, 0-3, 1-3, 2-4: 0 and 1 share 2 (degree 3) and 3 (degree 2).
  /// Adamic–Adar 1/ln 3 + 1/ln 2, resource allocation 1/3 + 1/2, Jaccard 2/2.
  @Test func scoresListTheSharedNeighbours() {
    let g = graph(5, [(0, 2), (1, 2), (0, 3), (1, 3), (2, 4)])
    let s = LinkPrediction.scores(g, pairs: [NodePair(1, 0), NodePair(0, 4)])
    #expect(s[0].pair == NodePair(0, 1))
    #expect(s[0].sharedNeighbors == [2, 3])
    #expect(s[0].commonNeighbors == 2)
    expectClose([s[0].adamicAdar], [1 / log(3.0) + 1 / log(2.0)], "AA")
    expectClose([s[0].resourceAllocation], [1.0 / 3 + 1.0 / 2], "RA")
    expectClose([s[0].jaccard], [1], "Jaccard")
    #expect(s[1].sharedNeighbors == [2])
    expectClose([s[1].jaccard], [1.0 / 2], "Jaccard (0, 4): {2} / {2, 3}")
    let fof = LinkPrediction.friendsOfFriends(g)
    #expect(fof == [NodePair(0, 1), NodePair(0, 4), NodePair(1, 4), NodePair(2, 3)])
    #expect(
      LinkPrediction.friendsOfFriends(g, groups: [0, 0, 1, 1, 1]) == [
        NodePair(0, 4), NodePair(1, 4),
      ])
    #expect(
      LinkPrediction.ranked(s, by: .adamicAdar).map(\.pair) == [NodePair(0, 1), NodePair(0, 4)])
    #expect(
      LinkPrediction.crossGroupPairs(g, groups: [0, 0, 1, 1, 1]) == [
        NodePair(0, 4), NodePair(1, 4),
      ])
  }

  /// Path 0-1-2-3-4. Adding 0-4 makes a 5-cycle: {0,4} 4 → 1, {0,3} 3 → 2, {1,4} 3 → 2:
  /// 3 pairs, 5 hops in total. Adding 0-2: {0,2} 2 → 1, {0,3} 3 → 2, {0,4} 4 → 3: 3 pairs,
  /// 3 hops. Paths 0-1 and 2-3-4 joined by 1-2: 2·3 = 6 new pairs. An existing tie: nothing.
  @Test func shorteningCounts() {
    let path = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
    let a = LinkPrediction.shortening(path, adding: NodePair(0, 4))
    #expect(a.improvedPairs == 3 && a.totalReduction == 5 && a.newlyConnectedPairs == 0)
    let b = LinkPrediction.shortening(path, adding: NodePair(2, 0))
    #expect(b.improvedPairs == 3 && b.totalReduction == 3 && b.newlyConnectedPairs == 0)
    let split = graph(5, [(0, 1), (2, 3), (3, 4)])
    let c = LinkPrediction.shortening(split, adding: NodePair(1, 2))
    #expect(c.improvedPairs == 0 && c.totalReduction == 0 && c.newlyConnectedPairs == 6)
    let d = LinkPrediction.shortening(path, adding: NodePair(1, 2))
    #expect(d.improvedPairs == 0 && d.totalReduction == 0 && d.newlyConnectedPairs == 0)
  }

  // MARK: Structure and communities

  /// Path of 5: diameter 4, average distance (1·4 + 2·3 + 3·2 + 4·1)·2 / 20 = 2; every tie a
  /// bridge (and a local bridge without span); articulation points 1-3; cores all 1.
  @Test func pathStructure() {
    let g = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
    let c = Structure.components(g)
    #expect(c.members == [[0, 1, 2, 3, 4]])
    let p = Structure.componentPaths(g, components: c)
    #expect(p == [Structure.ComponentPaths(averageDistance: 2, diameter: 4, totalDistance: 40)])
    #expect(Structure.bridges(g).count == 4)
    #expect(Structure.localBridges(g).allSatisfy { $0.span == nil })
    #expect(Structure.articulationPoints(g) == [1, 2, 3])
    #expect(Structure.coreNumbers(g) == [1, 1, 1, 1, 1])
    // A 4-cycle: every tie is a local bridge of span 3 and no bridge.
    let square = graph(4, [(0, 1), (1, 2), (2, 3), (3, 0)])
    #expect(Structure.localBridges(square).map(\.span) == [3, 3, 3, 3])
    #expect(Structure.bridges(square).isEmpty)
  }

  /// Two 4-cliques joined by one tie: Louvain finds the two cliques. Q = Σ_c [L_c/m − (D_c/2m)²]
  /// = 2·(6/13 − (13/26)²) = 12/13 − 1/2.
  @Test func louvainTwoCliques() {
    var edges: [(Int, Int)] = []
    for a in 0..<4 {
      for b in (a + 1)..<4 {
        edges.append((a, b))
        edges.append((a + 4, b + 4))
      }
    }
    edges.append((3, 4))
    let g = graph(8, edges)
    let p = Louvain.communities(g)
    #expect(p.members == [[0, 1, 2, 3], [4, 5, 6, 7]])
    expectClose([p.modularity], [12.0 / 13 - 0.5], "Q")
    #expect(Louvain.communities(g, seed: 42).members == p.members)
    #expect(Modularity.compute(graph(3, []), communities: [0, 1, 2]).isNaN)
  }
}
