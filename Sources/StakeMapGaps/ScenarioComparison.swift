import StakeMapModel
import StakeMapText

/// A network's gap report before and after a ``Scenario``, every figure side by side.
///
/// Base actors keep their indices in the scenario network (``Scenario/applied(to:)``), so
/// per-actor figures compare directly; actors the scenario adds have only an "after".
public struct ScenarioComparison: Sendable {
  public var scenario: Scenario
  public var before: GapReport
  public var after: GapReport

  public init(scenario: Scenario, before: GapReport, after: GapReport) {
    self.scenario = scenario
    self.before = before
    self.after = after
  }

  /// A network-level figure before and after; its label for people is the catalogue phrase
  /// `gaps.figure.KEY` (StakeMapReports).
  public struct Row: Sendable {
    public var key: String
    public var before: Double?
    public var after: Double?
  }

  /// The network-level figures, in a fixed order.
  public var rows: [Row] {
    func figures(_ r: GapReport) -> [Double?] {
      let largest = r.structure.components.first
      return [
        Double(r.network.actors.count), Double(r.tieCount), r.structure.density,
        Double(r.structure.components.count), largest.map { Double($0.members.count) },
        largest?.averagePathLength, largest.map { Double($0.diameter) },
        r.structure.transitivity, r.structure.averageClustering,
        Double(r.structure.articulationPoints.count), Double(r.structure.bridges.count),
        Double((r.groups.communities.max() ?? -1) + 1), r.groups.modularity, r.groups.eiOverall,
        r.fragility.keyPlayers.last?.fragmentation,
        Double(r.needs.open.count), Double(r.needs.unmet.count), Double(r.needs.met.count),
      ]
    }
    let keys = [
      "actors", "ties", "density", "components", "largest_component", "average_path_length",
      "diameter", "transitivity", "average_clustering", "articulation_points", "bridges",
      "communities", "modularity", "ei_index_overall", "key_player_fragmentation",
      "needs_offered_but_unconnected", "needs_unmet", "needs_met",
    ]
    let b = figures(before)
    let a = figures(after)
    return keys.indices.map { Row(key: keys[$0], before: b[$0], after: a[$0]) }
  }

  /// The `gaps --with … --format json` document; suggestion sentences from `sentences` (see
  /// ``GapReport/json(sentences:)``).
  package func json(
    before beforeSentences: (Suggestion) -> SuggestionSentences,
    after afterSentences: (Suggestion) -> SuggestionSentences
  ) -> String {
    var out = JSONObjectWriter()
    out.open()
    out.key("scenario") { o in
      o.open()
      o.field("title", string: scenario.title)
      if let description = scenario.description { o.field("description", string: description) }
      o.field("promote", raw: JSONObjectWriter.idList(scenario.promote.map(\.rawValue).sorted()))
      o.field("added_actors", raw: JSONObjectWriter.idList(scenario.additions.actors.map(\.id)))
      o.field("added_relations", int: scenario.additions.relations.count)
      o.close()
    }
    out.key("comparison") { o in
      o.open()
      for row in rows {
        o.field(row.key, raw: "{\"before\": \(JSONText.number(row.before)), \"after\": \(JSONText.number(row.after))}")
      }
      o.key("actors") { o in
        o.open()
        for (i, actor) in after.network.actors.enumerated() {
          let old = i < before.network.actors.count ? i : nil
          func pair(_ b: Double?, _ a: Double?) -> String {
            "[\(JSONText.number(b)), \(JSONText.number(a))]"
          }
          let line =
            "{\"constraint\": \(pair(old.flatMap { before.brokerage.constraint[$0] }, after.brokerage.constraint[i])), "
            + "\"effective_size\": \(pair(old.flatMap { before.brokerage.effectiveSize[$0] }, after.brokerage.effectiveSize[i])), "
            + "\"disconnected_pairs\": \(pair(old.map { Double(before.fragility.disconnectedPairs[$0]) }, Double(after.fragility.disconnectedPairs[i]))), "
            + "\"community\": \(pair(old.map { Double(before.groups.communities[$0]) }, Double(after.groups.communities[i])))}"
          o.field(actor.id, raw: line)
        }
        o.close()
      }
      o.close()
    }
    out.key("before") { o in
      o.open()
      before.writeBody(into: &o, sentences: beforeSentences)
      o.close()
    }
    out.key("after") { o in
      o.open()
      after.writeBody(into: &o, sentences: afterSentences)
      o.close()
    }
    out.close()
    return out.text + "\n"
  }
}
