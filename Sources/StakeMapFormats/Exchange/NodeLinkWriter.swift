import StakeMapModel
import StakeMapText

/// Writes a network as node-link JSON, as NetworkX's `node_link_graph` reads it (NetworkX 3.4
/// and later: `edges="edges"`; older versions pass `edges="links"`).
///
/// `{"directed", "multigraph", "graph": {name, language, description, region, sources, topics,
/// events}, "nodes": [{"id",
/// …attributes}], "edges": [{"source", "target", "key"?, …attributes}]}`. `multigraph` is true
/// when two relations join the same pair (each edge then has its relation index as `key`);
/// `directed` as for GraphML (``GraphMLWriter``). Unlike GraphML, the graph object declares the
/// sources (id, title, date, place, publisher, file, url), topics (id, de, en) and events (id,
/// title, kind, date, place, source) in full; participants are each actor's `events`. `weight` is a JSON number, `directed` a
/// boolean, every other value a string; absent values are left out. Deterministic. O(output).
public enum NodeLinkWriter {
  public static func write(_ network: Network) -> String {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    let multigraph = ExchangeAttributes.hasParallelRelations(network)
    var out = "{\n  \"directed\": \(ExchangeAttributes.allDirected(network)),\n"
    out.reserveCapacity(network.relations.count * 120 + network.actors.count * 200)
    out += "  \"multigraph\": \(multigraph),\n  \"graph\": {"
    var graphFields: [String] = []
    let info = network.info
    for (key, value) in zip(["name", "language", "description", "region"], [info.title, info.language.rawValue, info.description, info.region]) {
      if let value, !value.isEmpty { graphFields.append("\"\(key)\": \(JSONText.string(value))") }
    }
    // What the node and edge attributes name only by id, declared in full (JSON can hold it).
    let declared = ExchangeAttributes.declarations(network)
    for (key, value) in [("sources", declared.sources), ("topics", declared.topics), ("events", declared.events)] {
      if let value { graphFields.append("\"\(key)\": \(value)") }
    }
    out += graphFields.joined(separator: ", ") + "},\n  \"nodes\": ["
    for (index, actor) in network.actors.enumerated() {
      out += index == 0 ? "\n    {" : ",\n    {"
      out += "\"id\": \(JSONText.string(actor.id))"
      let values = ExchangeAttributes.actorValues(actor, events: events[index], language: language)
      for (key, value) in zip(ExchangeAttributes.actorKeys, values) {
        if let value, !value.isEmpty { out += ", \"\(key)\": \(JSONText.string(value))" }
      }
      for key in custom {
        if let value = actor.attributes[key] {
          out += ", \(JSONText.string(ExchangeAttributes.customName(key))): \(JSONText.string(value))"
        }
      }
      out += "}"
    }
    out += network.actors.isEmpty ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": ["
    for (index, relation) in network.relations.enumerated() {
      out += index == 0 ? "\n    {" : ",\n    {"
      out += "\"source\": \(JSONText.string(network.actors[relation.from].id)), "
      out += "\"target\": \(JSONText.string(network.actors[relation.to].id))"
      if multigraph { out += ", \"key\": \(index)" }
      for (key, value) in zip(ExchangeAttributes.relationKeys, ExchangeAttributes.relationValues(relation)) {
        guard let value, !value.isEmpty else { continue }
        switch key {
        case "weight", "directed": out += ", \"\(key)\": \(value)"
        default: out += ", \"\(key)\": \(JSONText.string(value))"
        }
      }
      out += "}"
    }
    out += network.relations.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }
}
