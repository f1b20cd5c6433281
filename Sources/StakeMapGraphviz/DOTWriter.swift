/// Writes a ``DOTGraph`` as DOT text: deterministic, fully quoted, explicitly labelled.
///
/// Layout of the output (two-space indentation, one statement per line):
///
///     digraph "G" {
///       graph [charset="UTF-8", start="1", …];
///       node [...];                       // only if nodeDefaults has something set
///       edge [...];                       // only if edgeDefaults has something set
///       subgraph "cluster_<id>" { … }     // clusters first, recursively, in order
///       "n0" [label="…", …];              // declared nodes, in order
///       "x" [label="x"];                  // undeclared edge/rank/root endpoints, first use order
///       "n0" -> "n1" [label="…"];         // edges, in order
///       {rank="same"; "n0"; "n1";}        // ranks, in order
///     }
///
/// Conventions:
/// - Every ID and every value is double-quoted (``DOTEscaping``); numbers use a fixed format.
/// - Clusters come before top-level nodes so that a node declared in a cluster is *created*
///   there and gets the cluster's `node` defaults.
/// - A node without its own label, and without an inherited default label, gets
///   `label="<its id, escaped as text>"`, so Graphviz's default `\N` never expands escapes in
///   an ID (../shared/notes/graphviz.md §2.4). Undeclared endpoints are declared the same way.
///
/// - Complexity: O(*n*) in the size of the graph and its text.
package enum DOTWriter {
  /// The DOT text for `graph`.
  package static func write(_ graph: DOTGraph) -> String {
    var writer = Writer()
    writer.write(graph)
    return writer.out
  }
}

/// The mutable state of one write: the output and the set of declared node IDs.
private struct Writer {
  var out = ""
  var declared: Set<String> = []

  mutating func line(_ depth: Int, _ text: String) {
    out += String(repeating: "  ", count: depth)
    out += text
    out += "\n"
  }

  static func list(_ attributes: [DOTAttribute]) -> String {
    "[" + attributes.map(\.dot).joined(separator: ", ") + "]"
  }

  mutating func write(_ graph: DOTGraph) {
    let keyword = (graph.isStrict ? "strict " : "") + (graph.isDirected ? "digraph" : "graph")
    line(0, keyword + " " + DOTEscaping.id(TextBounds.name(graph.name)) + " {")
    line(1, "graph " + Writer.list(graph.attributes.dotAttributes) + ";")
    let nodeDefaults = graph.nodeDefaults.dotAttributes
    if !nodeDefaults.isEmpty { line(1, "node " + Writer.list(nodeDefaults) + ";") }
    let edgeDefaults = graph.edgeDefaults.dotAttributes
    if !edgeDefaults.isEmpty { line(1, "edge " + Writer.list(edgeDefaults) + ";") }

    let hasDefaultLabel = graph.nodeDefaults.label != nil
    for cluster in graph.clusters {
      write(cluster, depth: 1, hasDefaultLabel: hasDefaultLabel)
    }
    for node in graph.nodes {
      write(node, depth: 1, hasDefaultLabel: hasDefaultLabel)
    }

    // Endpoints nobody declared: Graphviz would create them with label "\N".
    var referenced: [String] = []
    for edge in graph.edges { referenced += [edge.from, edge.to] }
    for rank in graph.ranks { referenced += rank.nodeIDs }
    if let root = graph.attributes.root { referenced.append(root) }
    for id in referenced where !declared.contains(id) {
      write(DOTNode(id: id), depth: 1, hasDefaultLabel: hasDefaultLabel)
    }

    let arrow = graph.isDirected ? " -> " : " -- "
    for edge in graph.edges {
      var statement = DOTEscaping.id(edge.from) + arrow + DOTEscaping.id(edge.to)
      let attributes = edge.attributes.dotAttributes
      if !attributes.isEmpty { statement += " " + Writer.list(attributes) }
      line(1, statement + ";")
    }

    for rank in graph.ranks where !rank.nodeIDs.isEmpty {
      let members = rank.nodeIDs.map { " " + DOTEscaping.id($0) + ";" }.joined()
      line(1, "{rank=" + DOTEscaping.id(rank.kind.rawValue) + ";" + members + "}")
    }
    line(0, "}")
  }

  mutating func write(_ cluster: DOTCluster, depth: Int, hasDefaultLabel: Bool) {
    line(depth, "subgraph " + DOTEscaping.id(DOTCluster.subgraphName(cluster.id)) + " {")
    let attributes = cluster.attributes.dotAttributes
    if !attributes.isEmpty { line(depth + 1, "graph " + Writer.list(attributes) + ";") }
    let nodeDefaults = cluster.nodeDefaults.dotAttributes
    if !nodeDefaults.isEmpty { line(depth + 1, "node " + Writer.list(nodeDefaults) + ";") }
    let inherited = hasDefaultLabel || cluster.nodeDefaults.label != nil
    for nested in cluster.clusters {
      write(nested, depth: depth + 1, hasDefaultLabel: inherited)
    }
    for node in cluster.nodes {
      write(node, depth: depth + 1, hasDefaultLabel: inherited)
    }
    line(depth, "}")
  }

  mutating func write(_ node: DOTNode, depth: Int, hasDefaultLabel: Bool) {
    declared.insert(node.id)
    var attributes = node.attributes.dotAttributes
    if node.attributes.label == nil && !hasDefaultLabel {
      attributes.insert(
        DOTAttribute(.label, .quoted(DOTEscaping.escString(TextBounds.label(node.id)))), at: 0)
    }
    var statement = DOTEscaping.id(node.id)
    if !attributes.isEmpty { statement += " " + Writer.list(attributes) }
    line(depth, statement + ";")
  }
}
