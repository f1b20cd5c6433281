import StakeMapModel

/// Which ties of a network the analysis graph contains.
///
/// By default: relations with status `existing`, nothing else. Co-attendance of events is not
/// a tie (two organisations at the same workshop have not yet agreed on anything), but it is
/// often the first sign of one, so it can be switched on: ``coParticipation`` projects the
/// two-mode actor × event network onto the actors, one tie per pair that shared an event,
/// weighted by the number of events shared (Newman 2001's simplest projection; see also
/// igraph's `bipartite_projection(multiplicity=True)`).
public struct TieSelection: Sendable, Hashable {
  /// Relation statuses that count as ties.
  public var statuses: Set<RelationStatus>
  /// Add co-participation ties from ``Network/events``.
  public var coParticipation: Bool
  /// The weight of one shared event (default 1: weight = number of events shared).
  public var weightPerSharedEvent: Double

  public init(
    statuses: Set<RelationStatus> = [.existing], coParticipation: Bool = false,
    weightPerSharedEvent: Double = 1
  ) {
    self.statuses = statuses
    self.coParticipation = coParticipation
    self.weightPerSharedEvent = weightPerSharedEvent
  }
}

extension Graph {
  /// The undirected analysis graph of a network: node `i` is `network.actors[i]`; every selected
  /// relation is a tie, direction ignored, parallel ties merged with their weights added
  /// (../shared/SPEC.md §1); with co-participation, each pair of participants of an event gains
  /// ``TieSelection/weightPerSharedEvent`` of tie strength.
  ///
  /// - Complexity: O(n + m log d + Σ p²) for p participants per event.
  public init(network: Network, ties: TieSelection = TieSelection()) {
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    us.reserveCapacity(network.relations.count)
    vs.reserveCapacity(network.relations.count)
    ws.reserveCapacity(network.relations.count)
    for r in network.relations where r.from != r.to && ties.statuses.contains(r.status) {
      us.append(Int32(r.from))
      vs.append(Int32(r.to))
      ws.append(r.weight)
    }
    if ties.coParticipation {
      for (a, b, shared) in network.coParticipation() {
        us.append(Int32(a))
        vs.append(Int32(b))
        ws.append(Double(shared) * ties.weightPerSharedEvent)
      }
    }
    self.init(nodeCount: network.actors.count, sources: us, targets: vs, weights: ws)
  }

  /// The graph of the given relations only (e.g. `{ $0.status == .existing }`).
  public init(network: Network, include: (Relation) -> Bool) {
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    for r in network.relations where r.from != r.to && include(r) {
      us.append(Int32(r.from))
      vs.append(Int32(r.to))
      ws.append(r.weight)
    }
    self.init(nodeCount: network.actors.count, sources: us, targets: vs, weights: ws)
  }
}
