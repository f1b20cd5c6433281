import StakeMapModel

extension Graph {
  /// The undirected analysis graph of a network: node `i` is `network.actors[i]`; every relation
  /// is a tie, direction ignored, parallel relations merged with their weights added (SPEC §1).
  ///
  /// - Parameter include: which relations count; by default those that exist
  ///   (status `existing`). Planned, desired and ended ties are not part of today's network.
  /// - Complexity: O(n + m log d).
  public init(network: Network, include: (Relation) -> Bool = { $0.status == .existing }) {
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    us.reserveCapacity(network.relations.count)
    vs.reserveCapacity(network.relations.count)
    ws.reserveCapacity(network.relations.count)
    for r in network.relations where r.from != r.to && include(r) {
      us.append(Int32(r.from))
      vs.append(Int32(r.to))
      ws.append(r.weight)
    }
    self.init(nodeCount: network.actors.count, sources: us, targets: vs, weights: ws)
  }
}
