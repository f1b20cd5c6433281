/// A "what if" for a network: actors and ties that do not exist yet (the planned coordination
/// office in Dresden and its partners), and planned ties taken as made.
///
/// `stakemap gaps FILE --with SCENARIO.yaml` reports every figure before and after. A scenario
/// file has the network format; its actors are new, its relations and events may refer to the
/// actors, sources and topics of the network it extends:
///
/// ```yaml
/// scenario:
///   title: Die Koordinationsstelle arbeitet
///   promote: [planned]       # the network's planned ties count as existing
/// actors:
///   - {id: ks_dd, name: Koordinationsstelle Dresden, type: network}
/// relations:
///   - {between: [ks_dd, nwid], kind: cooperation}
/// ```
public struct Scenario: Sendable, Equatable {
  public var title: String
  public var description: String?
  /// Relation statuses of the base network that become `existing` in the scenario.
  public var promote: Set<RelationStatus>
  /// What the scenario adds. Stakeholder indices ≥ 0 refer to ``Network/actors`` of the additions;
  /// an index `i < 0` refers to actor `-(i + 1)` of the base network.
  public var additions: Network

  public init(
    title: String, description: String? = nil, promote: Set<RelationStatus> = [],
    additions: Network = Network()
  ) {
    self.title = title
    self.description = description
    self.promote = promote
    self.additions = additions
  }

  /// The base network with the scenario applied: new actors after the base's, relations and
  /// events re-indexed, promoted statuses turned into `existing`, new sources, topics and
  /// events appended. Base actors keep their indices, so figures can be compared side by side.
  public func applied(to base: Network) -> Network {
    var result = base
    let offset = base.actors.count
    func index(_ i: Int) -> Int { i >= 0 ? i + offset : -(i + 1) }
    if !promote.isEmpty {
      for k in result.relations.indices where promote.contains(result.relations[k].status) {
        result.relations[k].status = .existing
      }
    }
    result.actors += additions.actors
    for var relation in additions.relations {
      relation.from = index(relation.from)
      relation.to = index(relation.to)
      result.relations.append(relation)
    }
    for var event in additions.events {
      event.participants = event.participants.map(index)
      result.events.append(event)
    }
    result.sources += additions.sources
    result.topics += additions.topics
    return result
  }
}
