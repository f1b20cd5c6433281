import StakeMapAnalysis
import StakeMapGraph
import StakeMapModel

extension GapReport {
  /// Computes every section for `network`.
  ///
  /// - Complexity: dominated by fragility and suggestion scoring; see those sections. Seconds
  ///   for 10,000 actors.
  public static func compute(network: Network, options: GapOptions = GapOptions()) -> GapReport {
    let graph = Graph(network: network, ties: options.ties)
    let needs = NeedsMatching(network: network) { source in
      GapReport.hopDistances(graph, from: source)
    }
    let n = network.actors.count
    // Sections filled in by the structure, brokerage, groups and fragility families.
    return GapReport(
      network: network, options: options,
      structure: StructureSection(
        density: 0, components: [], transitivity: 0, averageClustering: 0,
        clustering: Array(repeating: 0, count: n), articulationPoints: [], bridges: [],
        localBridges: [], coreNumbers: Array(repeating: 0, count: n)),
      brokerage: BrokerageSection(
        constraint: Array(repeating: nil, count: n), effectiveSize: Array(repeating: nil, count: n),
        efficiency: Array(repeating: nil, count: n), hierarchy: Array(repeating: nil, count: n),
        roles: Array(repeating: BrokerageRoles(), count: n)),
      groups: GroupsSection(
        names: [], membership: Array(repeating: 0, count: n), observed: [], expected: [],
        eiIndex: [], eiOverall: nil, communities: Array(repeating: 0, count: n), modularity: 0),
      fragility: FragilitySection(
        disconnectedPairs: Array(repeating: 0, count: n),
        fragmentation: Array(repeating: 0, count: n),
        distanceChange: Array(repeating: nil, count: n), distanceMethod: "exact", keyPlayers: []),
      needs: needs, suggestions: [])
  }

  /// Hop distances from `source` (nil: unreachable). O(n + m).
  static func hopDistances(_ graph: Graph, from source: Int) -> [Int?] {
    var distance = [Int](repeating: -1, count: graph.nodeCount)
    var queue = [source]
    distance[source] = 0
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for k in graph.edgeRange(v) {
        let w = Int(graph.neighbors[k])
        if distance[w] < 0 {
          distance[w] = distance[v] + 1
          queue.append(w)
        }
      }
    }
    return distance.map { $0 < 0 ? nil : $0 }
  }
}
