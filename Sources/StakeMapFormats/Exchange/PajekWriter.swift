import StakeMapModel

/// Writes a network as Pajek `.net` (Pajek, Gephi, NetworkX `read_pajek`, igraph).
///
/// `*Vertices n`, one line per actor: its number (1-based, file order) and its **id** as the
/// quoted label (ids contain no quotes or spaces, so every Pajek reader reads them alike; the
/// id is what identifies the actor again on import). Then `*Arcs` (directed relations) and
/// `*Edges` (undirected ones), each line `from to weight`. Pajek carries nothing else: names,
/// types, kinds, status, sources and evidence are lost (docs/EXCHANGE.md); use GraphML or GEXF
/// to keep them. Deterministic. O(output).
public enum PajekWriter {
  public static func write(_ network: Network) -> String {
    var out = "*Vertices \(network.actors.count)\n"
    out.reserveCapacity(network.relations.count * 16 + network.actors.count * 24)
    for (i, actor) in network.actors.enumerated() { out += "\(i + 1) \"\(actor.id)\"\n" }
    let arcs = network.relations.filter(\.directed)
    let edges = network.relations.filter { !$0.directed }
    if !arcs.isEmpty {
      out += "*Arcs\n"
      for r in arcs { out += "\(r.from + 1) \(r.to + 1) \(ExchangeAttributes.number(r.weight))\n" }
    }
    if !edges.isEmpty {
      out += "*Edges\n"
      for r in edges { out += "\(r.from + 1) \(r.to + 1) \(ExchangeAttributes.number(r.weight))\n" }
    }
    return out
  }
}
