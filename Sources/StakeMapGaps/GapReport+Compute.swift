import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapText

extension GapReport {
  /// Computes every section for `network`.
  ///
  /// Conventions: the analysis graph holds the `existing` ties (and co-participation when
  /// ``GapOptions/ties`` asks for it), undirected; path lengths are hop counts; Burt's measures
  /// use tie weights as NetworkX does; Gould–Fernandez roles are counted on the directed
  /// relations, an undirected relation counting as two arcs (so an undirected broker between
  /// two groups is both representative and gatekeeper); distance changes are exact up to 2,000
  /// actors and estimated from 256 seeded sample sources beyond (the method string says
  /// which).
  ///
  /// - Complexity: O(n·m) for path lengths and fragility (bit-parallel and dominator-based,
  ///   seconds for 10,000 actors), plus the suggestion scoring (``SuggestionRanking``).
  public static func compute(network: Network, options: GapOptions = GapOptions()) -> GapReport {
    let graph = Graph(network: network, ties: options.ties)
    let n = network.actors.count
    let threads = max(1, options.threads ?? CentralityOptions().threads)
    func optional(_ x: Double) -> Double? { x.isNaN ? nil : x }

    // Structure.
    let components = Structure.components(graph)
    let paths = Structure.componentPaths(graph, components: components, threads: threads)
    let triangles = Structure.triangles(graph)
    let clustering = Structure.clustering(graph, triangles: triangles)
    let structure = StructureSection(
      density: Structure.density(graph),
      components: zip(components.members, paths).map {
        StructureSection.Component(
          members: $0, averagePathLength: $1.averageDistance, diameter: $1.diameter)
      },
      transitivity: Structure.transitivity(graph, triangles: triangles),
      averageClustering: Structure.averageClustering(graph, clustering: clustering),
      clustering: clustering,
      articulationPoints: Structure.articulationPoints(graph),
      bridges: Structure.bridges(graph).map { ($0.u, $0.v) },
      localBridges: Structure.localBridges(graph, threads: threads),
      coreNumbers: Structure.coreNumbers(graph))

    // Groups and communities.
    let partition = Louvain.communities(graph, seed: options.seed)
    let communities = n == 0 ? [] : partition.community
    let (names, membership) = groupsOf(network, by: options.groupBy, communities: communities)
    let mixing = GroupMixing.matrix(graph, groups: membership, groupCount: names.count)
    let ei = GroupMixing.eiIndex(graph, groups: membership, groupCount: names.count)
    let groups = GroupsSection(
      names: names, membership: membership, observed: mixing.ties, expected: mixing.expected,
      eiIndex: ei.perGroup.map(optional), eiOverall: optional(ei.overall),
      communities: communities,
      modularity: partition.modularity.isNaN ? 0 : partition.modularity)

    // Brokerage: Burt on the undirected graph, Gould–Fernandez on the directed relations.
    let holes = StructuralHoles.compute(graph)
    var arcs: [(Int, Int)] = []
    for r in network.relations where options.ties.statuses.contains(r.status) && r.from != r.to {
      arcs.append((r.from, r.to))
      if !r.directed { arcs.append((r.to, r.from)) }
    }
    let roles = Brokerage.roles(Brokerage.DirectedGraph(nodeCount: n, arcs: arcs), groups: membership)
    let brokerage = BrokerageSection(
      constraint: holes.constraint.map(optional), effectiveSize: holes.effectiveSize.map(optional),
      efficiency: holes.efficiency.map(optional), hierarchy: holes.hierarchy.map(optional),
      roles: (0..<n).map { i in
        var r = BrokerageRoles()
        r.coordinator = roles.coordinator[i]
        r.itinerant = roles.itinerant[i]
        r.representative = roles.representative[i]
        r.gatekeeper = roles.gatekeeper[i]
        r.liaison = roles.liaison[i]
        return r
      })

    // Fragility.
    let removal = Fragility.nodeRemoval(graph)
    let increase = Fragility.distanceIncrease(graph, sources: .automatic, threads: threads)
    // Beyond n − 2 removals at most one actor is left and fragmentation is undefined (KPP-Neg
    // compares what remains), so the set stops there.
    let keyPlayers = Fragility.keyPlayersNegative(graph, k: min(options.keyPlayers, max(0, n - 2)))
    let fragility = FragilitySection(
      disconnectedPairs: removal.disconnectedPairs, fragmentation: removal.fragmentation,
      distanceChange: increase.meanIncrease.map(optional),
      distanceMethod: increase.exact
        ? "exact"
        : "sampled: \(increase.sources.count) sources (SplitMix64, seed 1); an unbiased estimate (docs/GAPS.md gives its error)",
      keyPlayers: zip(keyPlayers.nodes, keyPlayers.fragmentation).map { ($0, $1) })

    // Needs and suggestions.
    let needs = NeedsMatching(network: network) { source in hopDistances(graph, from: source) }
    let ranking = SuggestionRanking(
      network: network, graph: graph, groupOf: membership,
      communityOf: communities,
      communityHub: { c in communityHub(graph, partition, c) },
      needs: needs, components: components.members,
      threads: threads,
      tiedGroupPairs: SuggestionRanking.tiedGroupPairs(graph, membership))
    return GapReport(
      network: network, options: options, structure: structure, brokerage: brokerage,
      groups: groups, fragility: fragility, needs: needs,
      suggestions: ranking.rank(limit: options.suggestionCount))
  }

  /// Hop distances from `source` (nil: unreachable), by breadth-first search. O(n + m).
  static func hopDistances(_ graph: Graph, from source: Int) -> [Int?] {
    let search = BFSScratch(nodeCount: graph.nodeCount)
    search.run(graph, from: source)
    return (0..<graph.nodeCount).map { search.level[$0] < 0 ? nil : Int(search.level[$0]) }
  }

  /// The best-connected member of community `c` (most ties, then file order); -1 when empty.
  static func communityHub(_ graph: Graph, _ partition: Louvain.Partition, _ c: Int) -> Int {
    guard c < partition.members.count, let hub = partition.members[c].max(by: {
      (graph.degree($0), -$0) < (graph.degree($1), -$1)
    }) else { return -1 }
    return hub
  }

  /// Group names (sorted; "" for actors without a value, last) and each actor's group index.
  /// `community` groups by the detected communities ("1", "2", … by size).
  static func groupsOf(_ network: Network, by attribute: String, communities: [Int])
    -> (names: [String], membership: [Int])
  {
    let values: [String] =
      attribute == "community"
      ? communities.map { String($0 + 1) }
      : network.actors.map { $0.attribute(attribute) ?? "" }
    var names = Array(Set(values)).sorted { a, b in
      if a.isEmpty != b.isEmpty { return !a.isEmpty }  // "no value" last
      if attribute == "community", let x = Int(a), let y = Int(b) { return x < y }
      return a < b
    }
    if names.isEmpty { names = [""] }
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return (names, values.map { index[$0]! })
  }
}
