import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapText

/// Two versions of a network side by side: what changed (``NetworkDiff``), the centrality of
/// every actor before and after, and the network's figures before and after: what
/// `stakemap diff` prints. Numbers only; the words are StakeMapReports'.
///
/// Centrality is computed on the existing ties of each version as `analyze` does (SPEC §3):
/// degree, strength, betweenness, eigenvector and PageRank by default (``metrics``; above
/// ``betweennessActorLimit`` actors without betweenness, whose exact sweep would take the
/// diff from a second to many). Closeness and harmonic are left out unless asked: they cost
/// a second sweep and add little to "who moved". Figures:
/// actors, ties, density, components, the largest component, transitivity, articulation
/// points, bridges and the needs figures (the keys of `gaps --with`).
///
/// "Most important first": ``actorOrder`` sorts actors by the size of their change in
/// betweenness (normalised by the largest betweenness of either version), then in degree,
/// then added/removed before unchanged, then by new file order.
///
/// - Complexity: two betweenness sweeps, O(n·m) each (Brandes 2001, J. Math. Sociol. 25:163);
///   everything else O(n + m) or O(m·d).
public struct VersionComparison: Sendable {
  /// The measures compared by default.
  public static let defaultMetrics: [Metric] = [.degree, .strength, .betweenness, .eigenvector, .pagerank]

  /// Above this many actors (in the larger version), the default leaves betweenness out: its
  /// exact sweep is O(n·m) per version (about 8 s of CPU for 10,000 actors and 50,000 weighted
  /// ties here), while everything else of a diff takes well under a second. Ask for it with
  /// an explicit metric list.
  public static let betweennessActorLimit = 5_000

  /// The default measures for two versions of these sizes.
  public static func defaultMetrics(actors: Int) -> [Metric] {
    actors > betweennessActorLimit ? defaultMetrics.filter { $0 != .betweenness } : defaultMetrics
  }

  /// The measures compared, in this order (``before`` and ``after`` follow it).
  public var metrics: [Metric]

  public var diff: NetworkDiff
  /// Per metric (``metrics`` order), values indexed like the old / new actors.
  public var before: [[Double]]
  public var after: [[Double]]
  public var figures: [ScenarioComparison.Row]

  /// One actor of either version: new index (nil when removed), old index (nil when added).
  public struct ActorRef: Sendable, Equatable {
    public var old: Int?
    public var new: Int?
  }

  public init(old: Network, new: Network, metrics: [Metric]? = nil, threads: Int? = nil) {
    let metrics = metrics ?? Self.defaultMetrics(actors: max(old.actors.count, new.actors.count))
    self.metrics = metrics
    let diff = NetworkDiff(old: old, new: new)
    var options = CentralityOptions()
    if let threads { options.threads = threads }
    func measure(_ n: Network) -> (values: [[Double]], figures: [Double?]) {
      let g = Graph(network: n)
      let values = metrics.map { $0.compute(on: g, options: options) }
      let components = Structure.components(g)
      let largest = components.members.map(\.count).max()
      let figures: [Double?] = [
        Double(n.actors.count), Double(g.edgeCount), Structure.density(g),
        Double(components.members.count), largest.map(Double.init), Structure.transitivity(g),
        Double(Structure.articulationPoints(g).count), Double(Structure.bridges(g).count),
      ] + Self.needFigures(n)
      return (values, figures)
    }
    let b = measure(old)
    let a = measure(new)
    self.diff = diff
    before = b.values
    after = a.values
    figures = Self.figureKeys.indices.map {
      ScenarioComparison.Row(key: Self.figureKeys[$0], before: b.figures[$0], after: a.figures[$0])
    }
  }

  /// The figures' keys; their labels are the catalogue's `gaps.figure.KEY`.
  public static let figureKeys = [
    "actors", "ties", "density", "components", "largest_component", "transitivity",
    "articulation_points", "bridges", "needs_offered_but_unconnected", "needs_unmet", "needs_met",
  ]

  /// Needs another actor offers without a tie, needs nobody offers, needs met by a tie: the
  /// gap report's needs figures (``NeedsMatching``; path lengths are not needed here, so every
  /// distance query gets one shared array of nil). O(claims + relations).
  static func needFigures(_ network: Network) -> [Double?] {
    let none = [Int?](repeating: nil, count: network.actors.count)
    let needs = NeedsMatching(network: network) { _ in none }
    return [Double(needs.open.count), Double(needs.unmet.count), Double(needs.met.count)]
  }

  /// Every actor of either version, most changed first (see the type's comment).
  public var actorOrder: [ActorRef] {
    var refs: [ActorRef] = diff.new.actors.indices.map { ActorRef(old: diff.oldIndexOfNew[$0], new: $0) }
    refs += diff.removedActors.map { ActorRef(old: $0, new: nil) }
    // Betweenness first (PageRank when it was not computed), then degree (else strength).
    let first = metrics.firstIndex(of: .betweenness) ?? metrics.firstIndex(of: .pagerank)
    let second = metrics.firstIndex(of: .degree) ?? metrics.firstIndex(of: .strength)
    func change(_ r: ActorRef, _ m: Int?) -> Double {
      guard let m else { return 0 }
      let b = r.old.map { before[m][$0] } ?? 0
      let a = r.new.map { after[m][$0] } ?? 0
      return abs(a - b)
    }
    let scale = first.map { max(before[$0].max() ?? 0, after[$0].max() ?? 0, 1e-12) } ?? 1
    let keyed = refs.enumerated().map { (k, r) in
      (r, (change(r, first) / scale * 1e6).rounded(), (change(r, second) * 1e6).rounded(),
       r.old == nil || r.new == nil ? 1 : 0, k)
    }
    return keyed.sorted { x, y in
      if x.1 != y.1 { return x.1 > y.1 }
      if x.2 != y.2 { return x.2 > y.2 }
      if x.3 != y.3 { return x.3 > y.3 }
      return x.4 < y.4
    }.map(\.0)
  }

  /// The value of metric number `m` before / after for an actor, nil where it is absent.
  public func values(_ r: ActorRef, metric m: Int) -> (before: Double?, after: Double?) {
    (r.old.map { before[m][$0] }, r.new.map { after[m][$0] })
  }

  /// The actor's id: the new one, else the old one.
  public func id(_ r: ActorRef) -> String {
    r.new.map { diff.new.actors[$0].id } ?? diff.old.actors[r.old!].id
  }

  /// The `diff --format json` document (SPEC §4): `actors` {`added`, `removed`, `renamed`},
  /// `relations` {`added`, `removed`, `changed`}, `metrics` (per actor id, most changed
  /// first: `before`, `after`, null where the actor is absent), `summary` (counts and the
  /// figures before and after). Byte-identical for identical input.
  package func json(oldLabel: String, newLabel: String) -> String {
    let old = diff.old
    let new = diff.new
    var out = JSONObjectWriter()
    func actor(_ a: Stakeholder) -> String {
      "{\"id\": \(JSONText.string(a.id)), \"name\": \(JSONText.string(a.name)), \"type\": \(JSONText.string(a.type.rawValue))}"
    }
    func relation(_ n: Network, _ r: Relation) -> String {
      var s = "{"
      if r.directed {
        s += "\"from\": \(JSONText.string(n.actors[r.from].id)), \"to\": \(JSONText.string(n.actors[r.to].id))"
      } else {
        s += "\"between\": [\(JSONText.string(n.actors[r.from].id)), \(JSONText.string(n.actors[r.to].id))]"
      }
      s += ", \"kind\": \(JSONText.string(r.kind.rawValue)), \"status\": \(JSONText.string(r.status.rawValue)), \"weight\": \(JSONText.number(r.weight))}"
      return s
    }
    func list(_ items: [String]) -> String {
      items.isEmpty ? "[]" : "[\n" + items.map { "      " + $0 }.joined(separator: ",\n") + "\n    ]"
    }
    out.open()
    out.key("versions") { o in
      o.open()
      o.field("old", string: oldLabel)
      o.field("new", string: newLabel)
      o.close()
    }
    out.key("actors") { o in
      o.open()
      o.field("added", raw: list(diff.addedActors.map { actor(new.actors[$0]) }))
      o.field("removed", raw: list(diff.removedActors.map { actor(old.actors[$0]) }))
      o.field(
        "renamed",
        raw: list(
          diff.renamedActors.map { p in
            "{\"old_id\": \(JSONText.string(old.actors[p.old].id)), \"old_name\": \(JSONText.string(old.actors[p.old].name)), \"id\": \(JSONText.string(new.actors[p.new].id)), \"name\": \(JSONText.string(new.actors[p.new].name)), \"matched_by\": \(JSONText.string(p.matchedBy.rawValue))}"
          }))
      o.close()
    }
    out.key("relations") { o in
      o.open()
      o.field("added", raw: list(diff.addedRelations.map { relation(new, new.relations[$0]) }))
      o.field("removed", raw: list(diff.removedRelations.map { relation(old, old.relations[$0]) }))
      o.field(
        "changed",
        raw: list(
          diff.changedRelations.map { p in
            var parts: [String] = []
            for change in p.changes {
              switch change {
              case .status(let a, let b):
                parts.append("\"status\": [\(JSONText.string(a.rawValue)), \(JSONText.string(b.rawValue))]")
              case .kind(let a, let b):
                parts.append("\"kind\": [\(JSONText.string(a.rawValue)), \(JSONText.string(b.rawValue))]")
              case .weight(let a, let b):
                parts.append("\"weight\": [\(JSONText.number(a)), \(JSONText.number(b))]")
              case .direction:
                parts.append("\"direction\": true")
              }
            }
            return "{\"before\": \(relation(old, old.relations[p.old])), \"after\": \(relation(new, new.relations[p.new])), \"changes\": {\(parts.joined(separator: ", "))}}"
          }))
      o.close()
    }
    out.key("metrics") { o in
      o.open()
      for r in actorOrder {
        func object(_ index: Int?, _ table: [[Double]]) -> String {
          guard let index else { return "null" }
          return "{" + metrics.indices.map { m in
            "\(JSONText.string(metrics[m].rawValue)): \(JSONText.number(table[m][index]))"
          }.joined(separator: ", ") + "}"
        }
        o.field(id(r), raw: "{\"before\": \(object(r.old, before)), \"after\": \(object(r.new, after))}")
      }
      o.close()
    }
    out.key("summary") { o in
      o.open()
      o.field("actors_added", int: diff.addedActors.count)
      o.field("actors_removed", int: diff.removedActors.count)
      o.field("actors_renamed", int: diff.renamedActors.count)
      o.field("relations_added", int: diff.addedRelations.count)
      o.field("relations_removed", int: diff.removedRelations.count)
      o.field("relations_changed", int: diff.changedRelations.count)
      // The (at most five) actors whose measures changed most, as in `metrics`.
      o.field(
        "most_changed",
        raw: JSONObjectWriter.idList(
          actorOrder.filter { r in
            metrics.indices.contains { m in values(r, metric: m).before != values(r, metric: m).after }
          }.prefix(5).map(id)))
      o.key("figures") { o in
        o.open()
        for row in figures {
          o.field(row.key, raw: "{\"before\": \(JSONText.number(row.before)), \"after\": \(JSONText.number(row.after))}")
        }
        o.close()
      }
      o.close()
    }
    out.close()
    return out.text + "\n"
  }
}
