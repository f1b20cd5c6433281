import StakeMapModel
import StakeMapText

/// Writes a network as GEXF 1.3 (https://gexf.net), Gephi's own format, which NetworkX
/// (`read_gexf`) reads too.
///
/// Conventions: node ids are the actor ids and node labels their names; edge ids `r0`, `r1`,
/// … in relation order, `weight` as GEXF's edge weight and again as the attribute `weight`;
/// every other attribute of ``ExchangeAttributes`` is a declared attribute (`id` = `title` =
/// its name) with an `attvalue` where the network has a value. `defaultedgetype` is
/// `directed` only when every relation is; otherwise `undirected`, each relation's direction
/// in its boolean `directed` attribute (NetworkX refuses `type="directed"` edges in an
/// undirected graph, and Gephi's `mixed` graphs are not read by NetworkX). The network's title
/// and description are the `meta` element's. Deterministic (no date in `meta`). O(output).
public enum GEXFWriter {
  public static func write(_ network: Network) -> String {
    let language = network.info.language
    let custom = ExchangeAttributes.customKeys(network)
    let events = ExchangeAttributes.eventsByActor(network)
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
        <meta>
          <creator>StakeMap</creator>

      """
    out.reserveCapacity(network.relations.count * 200 + network.actors.count * 250)
    if !network.info.title.isEmpty { out += "    <title>\(XMLText.escape(network.info.title))</title>\n" }
    if let description = network.info.description, !description.isEmpty {
      out += "    <description>\(XMLText.escape(description))</description>\n"
    }
    out += "  </meta>\n"
    let directed = ExchangeAttributes.allDirected(network)
    out += "  <graph defaultedgetype=\"\(directed ? "directed" : "undirected")\" mode=\"static\">\n"
    // Graph-level values GEXF has no place for: the language and region, as graph attributes.
    out += "    <attributes class=\"node\" mode=\"static\">\n"
    let nodeKeys = ExchangeAttributes.actorKeys.dropFirst()  // `label` is the node's own label
    for key in nodeKeys {
      out += "      <attribute id=\"\(key)\" title=\"\(key)\" type=\"string\"/>\n"
    }
    for key in custom {
      let name = XMLText.escape(ExchangeAttributes.customName(key))
      out += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"string\"/>\n"
    }
    out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n"
    for key in ExchangeAttributes.relationKeys {
      let type = key == "weight" ? "double" : key == "directed" ? "boolean" : "string"
      out += "      <attribute id=\"\(key)\" title=\"\(key)\" type=\"\(type)\"/>\n"
    }
    out += "    </attributes>\n    <nodes>\n"
    for (index, actor) in network.actors.enumerated() {
      out += "      <node id=\"\(XMLText.escape(actor.id))\" label=\"\(XMLText.escape(actor.name))\">\n"
      out += "        <attvalues>\n"
      let values = ExchangeAttributes.actorValues(actor, events: events[index], language: language)
      for (key, value) in zip(nodeKeys, values.dropFirst()) {
        if let value, !value.isEmpty {
          out += "          <attvalue for=\"\(key)\" value=\"\(XMLText.escape(value))\"/>\n"
        }
      }
      for key in custom {
        if let value = actor.attributes[key] {
          out += "          <attvalue for=\"\(XMLText.escape(ExchangeAttributes.customName(key)))\" value=\"\(XMLText.escape(value))\"/>\n"
        }
      }
      out += "        </attvalues>\n      </node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (index, relation) in network.relations.enumerated() {
      out += "      <edge id=\"r\(index)\" source=\"\(XMLText.escape(network.actors[relation.from].id))\""
      out += " target=\"\(XMLText.escape(network.actors[relation.to].id))\""
      out += " weight=\"\(ExchangeAttributes.number(relation.weight))\">\n        <attvalues>\n"
      for (key, value) in zip(ExchangeAttributes.relationKeys, ExchangeAttributes.relationValues(relation)) {
        if let value, !value.isEmpty {
          out += "          <attvalue for=\"\(key)\" value=\"\(XMLText.escape(value))\"/>\n"
        }
      }
      out += "        </attvalues>\n      </edge>\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }
}
