import StakeMapModel
import StakeMapText

/// The attributes every exchange format writes for an actor and a relation, in one fixed
/// order, so that all formats carry the same names (docs/EXCHANGE.md lists them).
///
/// Actors: `label` (the name), `type` (the id), `type_label` (its label in the network's
/// language), `short`, `region`, `tags`, `aliases`, `basis`, `note`, `evidence`, `source`,
/// `needs`, `offers`, `events`, then the custom attributes sorted by name. Lists (tags,
/// aliases, topic ids of needs and offers, event ids) are joined with `;`.
///
/// Relations: `kind`, `status`, `weight`, `directed`, `source_id`, `evidence`, `since`, `basis`,
/// `note`. Every value is text except `weight` (a double) and `directed` (a boolean).
///
/// Complexity: O(actors + relations + events' participants) for a whole network.
package enum ExchangeAttributes {
  /// The fixed actor attribute names (custom attributes follow, sorted).
  package static let actorKeys = [
    "label", "type", "type_label", "short", "region", "tags", "aliases", "basis", "note",
    "evidence", "source_id", "needs", "offers", "events",
  ]
  package static let relationKeys = [
    "kind", "status", "weight", "directed", "source_id", "evidence", "since", "basis", "note",
  ]
  /// Names a custom attribute may not take (it would shadow a fixed one); such a custom
  /// attribute is written with the prefix `attr_`.
  static let reserved = Set(actorKeys + ["id", "name"])

  /// A custom attribute's name as written.
  package static func customName(_ key: String) -> String {
    reserved.contains(key) ? "attr_" + key : key
  }

  /// The custom attribute names of the network, sorted, as written.
  package static func customKeys(_ network: Network) -> [String] {
    var keys = Set<String>()
    for actor in network.actors { keys.formUnion(actor.attributes.keys) }
    return keys.sorted()
  }

  /// Event ids per actor index, in event order.
  package static func eventsByActor(_ network: Network) -> [[String]] {
    var out = [[String]](repeating: [], count: network.actors.count)
    for event in network.events {
      for p in event.participants where out.indices.contains(p) { out[p].append(event.id) }
    }
    return out
  }

  /// The fixed attributes of an actor, in ``actorKeys`` order; nil where the actor has none.
  package static func actorValues(
    _ actor: Stakeholder, events: [String], language: Language
  ) -> [String?] {
    func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ";") }
    return [
      actor.name, actor.type.rawValue, actor.type.label(language), actor.short, actor.region,
      list(actor.tags), list(actor.aliases), actor.basis?.rawValue, actor.note, actor.evidence,
      actor.source, list(actor.needs.map(\.topic)), list(actor.offers.map(\.topic)), list(events),
    ]
  }

  /// The attributes of a relation, in ``relationKeys`` order (weight and directed as text).
  package static func relationValues(_ relation: Relation) -> [String?] {
    [
      relation.kind.rawValue, relation.status.rawValue, number(relation.weight),
      relation.directed ? "true" : "false", relation.source, relation.evidence, relation.since,
      relation.basis?.rawValue, relation.note,
    ]
  }

  /// The sources, topics and events as JSON arrays (nil when there are none): node-link JSON
  /// puts them into its graph object, GraphML into graph data of those names. Source: id,
  /// title, date, place, publisher, file, url; topic: id, de, en; event: id, title, kind, date,
  /// place, source (participants are each actor's `events`).
  package static func declarations(_ network: Network) -> (sources: String?, topics: String?, events: String?) {
    func object(_ pairs: [(String, String?)]) -> String {
      "{" + pairs.compactMap { key, value in value.map { "\"\(key)\": \(JSONText.string($0))" } }
        .joined(separator: ", ") + "}"
    }
    func array<T>(_ items: [T], _ make: (T) -> String) -> String? {
      items.isEmpty ? nil : "[" + items.map(make).joined(separator: ", ") + "]"
    }
    return (
      array(network.sources) {
        object([("id", $0.id), ("title", $0.title), ("date", $0.date), ("place", $0.place),
                ("publisher", $0.publisher), ("file", $0.file), ("url", $0.url)])
      },
      array(network.topics) { object([("id", $0.id), ("de", $0.de), ("en", $0.en)]) },
      array(network.events) {
        object([("id", $0.id), ("title", $0.title), ("kind", $0.kind.rawValue), ("date", $0.date),
                ("place", $0.place), ("source", $0.source)])
      }
    )
  }

  /// Shortest round-trip text of a double, always with a decimal point or exponent (`1.0`,
  /// `0.25`), so every client reads it as a floating-point number.
  package static func number(_ x: Double) -> String { JSONText.number(x) }

  /// Whether every relation is directed (and there is at least one): the graph's default
  /// edge direction is then `directed`, otherwise `undirected` with a per-relation `directed`
  /// attribute.
  package static func allDirected(_ network: Network) -> Bool {
    !network.relations.isEmpty && network.relations.allSatisfy(\.directed)
  }

  /// Whether two relations join the same pair (clients then need a multigraph).
  package static func hasParallelRelations(_ network: Network) -> Bool {
    var seen = Set<UInt64>()
    seen.reserveCapacity(network.relations.count)
    let directed = allDirected(network)
    for r in network.relations {
      let (a, b) = directed ? (r.from, r.to) : (min(r.from, r.to), max(r.from, r.to))
      if !seen.insert(UInt64(a) << 32 | UInt64(b)).inserted { return true }
    }
    return false
  }
}

/// Text for XML element content and attribute values: ``HTMLEscaping/text(_:)`` (`& < > " '`
/// escaped, characters XML forbids replaced), and tab, line feed and carriage return as
/// character references, so that an XML parser's attribute-value and line-end normalisation
/// cannot turn them into spaces.
package enum XMLText {
  package static func escape(_ s: String) -> String {
    // Fast path, most values (ids, types, numbers, plain names): printable ASCII without
    // markup characters is written as it is.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 }) {
      return s
    }
    let escaped = HTMLEscaping.text(s)
    guard escaped.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
      return escaped
    }
    var out = ""
    out.reserveCapacity(escaped.utf8.count + 8)
    for scalar in escaped.unicodeScalars {
      switch scalar {
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
