import StakeMapModel
import StakeMapText

/// Writes a network as the two CSV files `neo4j-admin database import full` reads
/// (docs/SCALE.md has the commands, and the Graph Data Science projection).
///
/// Nodes: `id:ID` (the actor id), `:LABEL` (`Actor` and the type in PascalCase,
/// `Actor;HousingCompany`), `name`, `type`, `type_label`, `short`, `region`, `tags:string[]`,
/// `aliases:string[]`, `basis`, `note`, `evidence`, `source_id`, `needs:string[]`,
/// `offers:string[]`, `events:string[]` (lists joined with `;`, neo4j-admin's array
/// delimiter), then custom attributes as strings. Relationships: `:START_ID`, `:END_ID`,
/// `:TYPE` (the kind in upper case: `COOPERATION`, `SPACE_PROVISION`), `kind`, `status`,
/// `weight:float`, `distance:float` (1/weight: the path length StakeMap's weighted measures use,
/// for GDS's `relationshipWeightProperty`, which sums it as a cost), `directed:boolean`, `source_id`, `evidence`, `since`, `basis`, `note`.
/// Neo4j stores every relationship with a direction: an undirected relation is written once,
/// `directed` false, and projected `UNDIRECTED` for analysis. RFC 4180 CSV, every text cell
/// neutralised against formulas (``CSVText``). Deterministic. O(output).
public enum Neo4jWriter {
  public static func write(_ network: Network) -> (nodes: String, relationships: String) {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    let dialect = CSVText.Dialect.rfc4180
    let lists: Set<String> = ["tags", "aliases", "needs", "offers", "events"]
    let fixed = ExchangeAttributes.actorKeys.dropFirst(1)  // `label` is `name` here
    var header = ["id:ID", ":LABEL", "name"]
    header += fixed.map { lists.contains($0) ? "\($0):string[]" : $0 }
    header += custom.map(ExchangeAttributes.customName)
    var nodes = CSVText.row(header, dialect)
    for (index, actor) in network.actors.enumerated() {
      let values = ExchangeAttributes.actorValues(actor, events: events[index], language: language)
      var cells = [actor.id, "Actor;" + pascalCase(actor.type.rawValue), actor.name]
      cells += values.dropFirst().map { $0 ?? "" }
      cells += custom.map { actor.attributes[$0] ?? "" }
      nodes += CSVText.row(cells, dialect)
    }
    var relationships = CSVText.row(
      [":START_ID", ":END_ID", ":TYPE", "kind", "status", "weight:float", "distance:float", "directed:boolean",
       "source_id", "evidence", "since", "basis", "note"], dialect)
    relationships.reserveCapacity(network.relations.count * 60)
    for r in network.relations {
      relationships += CSVText.rawRow(
        [CSVText.field(network.actors[r.from].id), CSVText.field(network.actors[r.to].id),
         r.kind.rawValue.uppercased(), r.kind.rawValue, r.status.rawValue,
         CSVText.number(r.weight, dialect), CSVText.number(1 / r.weight, dialect),
         r.directed ? "true" : "false",
         CSVText.field(r.source ?? ""), CSVText.field(r.evidence ?? ""),
         CSVText.field(r.since ?? ""), CSVText.field(r.basis?.rawValue ?? ""),
         CSVText.field(r.note ?? "")], dialect)
    }
    return (nodes, relationships)
  }

  /// `housing_company` → `HousingCompany`.
  static func pascalCase(_ id: String) -> String {
    id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}
