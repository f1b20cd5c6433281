import StakeMapModel
import StakeMapText

// MARK: issue 11 – the gap report's per-actor table as CSV (for Excel)
extension GapReport {
  /// The per-actor figures of the report as one CSV table, actors in file order: `id`, `name`,
  /// `type`, `group` (the `--group-by` value), `community`, `core` (k-core number),
  /// `articulation_point` (1/0), `clustering`, `constraint`, `effective_size`, `efficiency`,
  /// `hierarchy` (empty where undefined: an isolate), the five Gould–Fernandez role counts,
  /// `disconnected_pairs`, `fragmentation` and `distance_change` (fragility). Column names are
  /// the JSON's keys (machine names, as in `analyze --format csv`).
  ///
  /// `dialect`: RFC 4180, or Excel's (``CSVText/Dialect/excel``: BOM, `;`, decimal comma).
  /// Every text cell goes through ``CSVText/field(_:)`` (quoted, formulas neutralised).
  /// Deterministic. O(actors).
  public func csv(excel: Bool) -> String {
    let dialect: CSVText.Dialect = excel ? .excel : .rfc4180
    let header = [
      "id", "name", "type", "group", "community", "core", "articulation_point", "clustering",
      "constraint", "effective_size", "efficiency", "hierarchy", "coordinator", "itinerant",
      "representative", "gatekeeper", "liaison", "disconnected_pairs", "fragmentation",
      "distance_change",
    ]
    var out = (dialect.byteOrderMark ? "\u{FEFF}" : "") + CSVText.row(header, dialect)
    let articulation = Set(structure.articulationPoints)
    func number(_ x: Double?) -> String { x.map { CSVText.number($0, dialect) } ?? "" }
    for (i, actor) in network.actors.enumerated() {
      let group = groups.membership.indices.contains(i) && groups.names.indices.contains(groups.membership[i])
        ? groups.names[groups.membership[i]] : ""
      let roles = brokerage.roles.indices.contains(i) ? brokerage.roles[i] : BrokerageRoles()
      var cells = [actor.id, actor.name, actor.type.rawValue, group].map(CSVText.field)
      cells += [
        groups.communities.indices.contains(i) ? String(groups.communities[i]) : "",
        structure.coreNumbers.indices.contains(i) ? String(structure.coreNumbers[i]) : "",
        articulation.contains(i) ? "1" : "0",
        number(structure.clustering.indices.contains(i) ? structure.clustering[i] : nil),
        number(brokerage.constraint.indices.contains(i) ? brokerage.constraint[i] : nil),
        number(brokerage.effectiveSize.indices.contains(i) ? brokerage.effectiveSize[i] : nil),
        number(brokerage.efficiency.indices.contains(i) ? brokerage.efficiency[i] : nil),
        number(brokerage.hierarchy.indices.contains(i) ? brokerage.hierarchy[i] : nil),
        String(roles.coordinator), String(roles.itinerant), String(roles.representative),
        String(roles.gatekeeper), String(roles.liaison),
        fragility.disconnectedPairs.indices.contains(i) ? String(fragility.disconnectedPairs[i]) : "",
        number(fragility.fragmentation.indices.contains(i) ? fragility.fragmentation[i] : nil),
        number(fragility.distanceChange.indices.contains(i) ? fragility.distanceChange[i] : nil),
      ]
      out += CSVText.rawRow(cells, dialect)
    }
    return out
  }
}
