import StakeMapModel
import StakeMapText

/// Writes a network as the vertex and edge tables of Spark GraphFrames (`GraphFrame(v, e)`
/// needs a column `id` in the vertices and `src`, `dst` in the edges; docs/SCALE.md loads
/// them).
///
/// Vertices: `id`, `name`, `type`, `type_label`, `short`, `region`, `tags`, `aliases`,
/// `basis`, `note`, `evidence`, `source_id`, `needs`, `offers`, `events` (lists joined with `;`),
/// then custom attributes. Edges: `src`, `dst`, `relationship` (the kind), `status`, `weight`,
/// `directed`, `source_id`, `evidence`, `since`, `basis`, `note`; one row per relation, so an
/// undirected relation is one row whose `directed` is false (GraphFrames' own degrees then
/// count it at both ends: `degrees`, not `inDegrees`). RFC 4180 CSV with a header, every text
/// cell neutralised against formulas (``CSVText``). Deterministic. O(output).
public enum GraphFramesWriter {
  public static func write(_ network: Network) -> (vertices: String, edges: String) {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    let dialect = CSVText.Dialect.rfc4180
    var vertices = CSVText.row(
      ["id", "name"] + ExchangeAttributes.actorKeys.dropFirst()
        + custom.map(ExchangeAttributes.customName), dialect)
    for (index, actor) in network.actors.enumerated() {
      let values = ExchangeAttributes.actorValues(actor, events: events[index], language: language)
      vertices += CSVText.row(
        [actor.id, actor.name] + values.dropFirst().map { $0 ?? "" }
          + custom.map { actor.attributes[$0] ?? "" }, dialect)
    }
    var edges = CSVText.row(
      ["src", "dst", "relationship", "status", "weight", "directed", "source_id", "evidence", "since",
       "basis", "note"], dialect)
    edges.reserveCapacity(network.relations.count * 50)
    for r in network.relations {
      edges += CSVText.rawRow(
        [CSVText.field(network.actors[r.from].id), CSVText.field(network.actors[r.to].id),
         r.kind.rawValue, r.status.rawValue, CSVText.number(r.weight, dialect),
         r.directed ? "true" : "false", CSVText.field(r.source ?? ""),
         CSVText.field(r.evidence ?? ""), CSVText.field(r.since ?? ""),
         CSVText.field(r.basis?.rawValue ?? ""), CSVText.field(r.note ?? "")], dialect)
    }
    return (vertices, edges)
  }
}
