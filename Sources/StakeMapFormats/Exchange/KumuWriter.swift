import StakeMapModel
import StakeMapText

/// Writes a network in Kumu's spreadsheet layout (https://docs.kumu.io, "Import"): an elements
/// table and a connections table, RFC 4180 CSV, every cell neutralised against formulas
/// (``CSVText``).
///
/// Elements: `Label` (the name), `Type` (the type's label in the network's language, as Kumu
/// shows it), `Description` (the note), `Tags` (joined with `|`, Kumu's list separator), `ID`
/// (the actor id), `Short`, `Region`, `Aliases`, `Basis`, `Evidence`, `Source`, `Needs`,
/// `Offers`, `Events` (lists joined with `|`), then the custom attributes. Connections:
/// `From`, `To`, `Type` (the kind's label), `Direction` (`directed` or `undirected`),
/// `Strength` (the weight), `Status`, `Description` (the evidence), `Source`, `Since`,
/// `Basis`, `Note`. From and To name elements by label when every name is unique (what Kumu
/// users expect), by id otherwise. Deterministic. O(output).
public enum KumuWriter {
  public static func write(_ network: Network) -> (elements: String, connections: String) {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    let dialect = CSVText.Dialect.rfc4180
    func list(_ items: [String]) -> String { items.joined(separator: "|") }
    var elements = CSVText.row(
      ["Label", "Type", "Description", "Tags", "ID", "Short", "Region", "Aliases", "Basis",
       "Evidence", "Source", "Needs", "Offers", "Events"] + custom.map(ExchangeAttributes.customName),
      dialect)
    for (index, actor) in network.actors.enumerated() {
      var cells = [
        actor.name, actor.type.label(language), actor.note ?? "", list(actor.tags), actor.id,
        actor.short ?? "", actor.region ?? "", list(actor.aliases), actor.basis?.rawValue ?? "",
        actor.evidence ?? "", actor.source ?? "", list(actor.needs.map(\.topic)),
        list(actor.offers.map(\.topic)), list(events[index]),
      ]
      cells += custom.map { actor.attributes[$0] ?? "" }
      elements += CSVText.row(cells, dialect)
    }
    let uniqueNames = Set(network.actors.map(\.name)).count == network.actors.count
    let name: (Int) -> String = { uniqueNames ? network.actors[$0].name : network.actors[$0].id }
    var connections = CSVText.row(
      ["From", "To", "Type", "Direction", "Strength", "Status", "Description", "Source", "Since",
       "Basis", "Note"], dialect)
    connections.reserveCapacity(network.relations.count * 60)
    for r in network.relations {
      connections += CSVText.rawRow(
        [CSVText.field(name(r.from)), CSVText.field(name(r.to)), CSVText.field(r.kind.label(language)),
         r.directed ? "directed" : "undirected", CSVText.number(r.weight, dialect),
         CSVText.field(r.status.rawValue), CSVText.field(r.evidence ?? ""),
         CSVText.field(r.source ?? ""), CSVText.field(r.since ?? ""),
         CSVText.field(r.basis?.rawValue ?? ""), CSVText.field(r.note ?? "")], dialect)
    }
    return (elements, connections)
  }
}
