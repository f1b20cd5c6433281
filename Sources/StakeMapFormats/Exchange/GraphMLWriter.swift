import StakeMapModel
import StakeMapText

/// Writes a network as GraphML (http://graphml.graphdrawing.org), as NetworkX, igraph, Gephi,
/// yEd and Cytoscape read it.
///
/// Conventions: node ids are the actor ids, edge ids `r0`, `r1`, … in relation order; every
/// attribute of ``ExchangeAttributes`` is a declared `<key>` whose `attr.name` is the attribute
/// name (NetworkX turns it into the node or edge attribute of that name); values absent in the
/// network are left out. `edgedefault` is `directed` only when every relation is; otherwise
/// each relation's direction is its boolean `directed` attribute (GraphML's own per-edge
/// `directed="true"` is refused by NetworkX in an undirected graph). The graph carries the
/// network's `name`, `language`, `description` and `region`, and the sources, topics and events
/// as JSON text (``ExchangeAttributes/declarations(_:)``), which import reads back. Text is escaped for XML
/// (``XMLText``). Deterministic. O(size of the output).
public enum GraphMLWriter {
  public static func write(_ network: Network) -> String {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    out.reserveCapacity(network.relations.count * 160 + network.actors.count * 200)
    let graphKeys = ["name", "language", "description", "region", "sources", "topics", "events"]
    for key in graphKeys {
      out += "  <key id=\"g_\(key)\" for=\"graph\" attr.name=\"\(key)\" attr.type=\"string\"/>\n"
    }
    for (i, key) in ExchangeAttributes.actorKeys.enumerated() {
      out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"string\"/>\n"
    }
    for (i, key) in custom.enumerated() {
      out += "  <key id=\"c\(i)\" for=\"node\" attr.name=\"\(XMLText.escape(ExchangeAttributes.customName(key)))\" attr.type=\"string\"/>\n"
    }
    for (i, key) in ExchangeAttributes.relationKeys.enumerated() {
      let type = key == "weight" ? "double" : key == "directed" ? "boolean" : "string"
      out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(key)\" attr.type=\"\(type)\"/>\n"
    }
    let directed = ExchangeAttributes.allDirected(network)
    out += "  <graph id=\"G\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
    let info = network.info
    let declared = ExchangeAttributes.declarations(network)
    for (key, value) in zip(graphKeys, [
      info.title, info.language.rawValue, info.description, info.region, declared.sources,
      declared.topics, declared.events,
    ]) {
      if let value, !value.isEmpty { out += "    <data key=\"g_\(key)\">\(XMLText.escape(value))</data>\n" }
    }
    for (index, actor) in network.actors.enumerated() {
      out += "    <node id=\"\(XMLText.escape(actor.id))\">\n"
      let values = ExchangeAttributes.actorValues(actor, events: events[index], language: language)
      for (i, value) in values.enumerated() {
        if let value, !value.isEmpty { out += "      <data key=\"n\(i)\">\(XMLText.escape(value))</data>\n" }
      }
      for (i, key) in custom.enumerated() {
        if let value = actor.attributes[key] {
          out += "      <data key=\"c\(i)\">\(XMLText.escape(value))</data>\n"
        }
      }
      out += "    </node>\n"
    }
    for (index, relation) in network.relations.enumerated() {
      out += "    <edge id=\"r\(index)\" source=\"\(XMLText.escape(network.actors[relation.from].id))\""
      out += " target=\"\(XMLText.escape(network.actors[relation.to].id))\">\n"
      for (i, value) in ExchangeAttributes.relationValues(relation).enumerated() {
        if let value, !value.isEmpty { out += "      <data key=\"e\(i)\">\(XMLText.escape(value))</data>\n" }
      }
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }
}
