import StakeMapModel
import StakeMapText

/// Reads node-link JSON as NetworkX's `node_link_data` writes it (edges under `edges`, or
/// `links` as before NetworkX 3.4; the node key `id`, the edge keys `source` and `target`),
/// with StakeMap's strict JSON parser (every error with `file:line:column`).
///
/// Scalars become text (numbers as written, booleans `true`/`false`); a list of scalars is
/// joined with `;`; objects inside a node or an edge are reported and left out. O(bytes).
enum NodeLinkReader {
  static func parse(_ bytes: [UInt8], file: String) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    let parsed = bytes.withUnsafeBufferPointer { JSONParser.parse($0) }
    let tree: DocumentTree
    switch parsed {
    case .failure(let error):
      return (nil, [.error(at: FileLocation(file: file, line: error.line, column: error.column), error.sentence)])
    case .success(let t): tree = t
    }
    var graph = ExchangeGraph(file: file)
    var diagnostics: [Diagnostic] = []
    guard let root = tree.root, tree.kind(root) == .mapping else {
      return (nil, [.error(at: FileLocation(file: file, line: 1, column: 1), Sentence(.exchangeNotFormat, ["format": "node-link JSON", "expected": "{\"nodes\": […], \"edges\": […]}", "found": "JSON"]))])
    }
    func member(_ mapping: Int, _ key: String) -> Int? {
      for k in 0..<tree.count(mapping) where tree.string(tree.key(mapping, k)) == key {
        return tree.value(mapping, k)
      }
      return nil
    }
    func text(_ node: Int) -> String? {
      switch tree.kind(node) {
      case .scalar:
        return tree.scalarType(node) == .null ? nil : tree.string(node)
      case .sequence:
        var parts: [String] = []
        for k in 0..<tree.count(node) {
          let element = tree.element(node, k)
          if tree.kind(element) == .scalar, tree.scalarType(element) != .null { parts.append(tree.string(element)) }
        }
        return parts.joined(separator: ";")
      case .mapping:
        diagnostics.append(.warning(at: tree.location(node, file: file), Sentence(.exchangeUnsupported, ["what": "{…}"])))
        return nil
      }
    }
    func attributes(_ mapping: Int, skipping: Set<String>) -> [(key: String, value: String)] {
      var out: [(key: String, value: String)] = []
      for k in 0..<tree.count(mapping) {
        let key = tree.string(tree.key(mapping, k))
        if skipping.contains(key) { continue }
        if let value = text(tree.value(mapping, k)) { out.append((key, value)) }
      }
      return out
    }
    graph.location = tree.location(root, file: file)
    if let directed = member(root, "directed") { graph.directed = tree.string(directed) == "true" }
    if let g = member(root, "graph"), tree.kind(g) == .mapping {
      graph.attributes = attributes(g, skipping: ["sources", "topics", "events"])
      for key in ["sources", "topics", "events"] {
        if let list = member(g, key) { declarations(key, tree: tree, list: list, file: file, into: &graph) }
      }
    }
    guard let nodes = member(root, "nodes"), tree.kind(nodes) == .sequence else {
      return (nil, [.error(at: tree.location(root, file: file), Sentence(.exchangeNotFormat, ["format": "node-link JSON", "expected": "\"nodes\": […]", "found": "JSON"]))])
    }
    for k in 0..<tree.count(nodes) {
      let element = tree.element(nodes, k)
      let at = tree.location(element, file: file)
      guard tree.kind(element) == .mapping, let id = member(element, "id").flatMap(text) else {
        diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "node", "attribute": "id"])))
        continue
      }
      graph.nodes.append(ExchangeGraph.Node(id: id, attributes: attributes(element, skipping: ["id"]), location: at))
    }
    if let edges = member(root, "edges") ?? member(root, "links"), tree.kind(edges) == .sequence {
      for k in 0..<tree.count(edges) {
        let element = tree.element(edges, k)
        let at = tree.location(element, file: file)
        guard tree.kind(element) == .mapping, let source = member(element, "source").flatMap(text),
          let target = member(element, "target").flatMap(text)
        else {
          diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "edge", "attribute": "source, target"])))
          continue
        }
        graph.edges.append(ExchangeGraph.Edge(
          source: source, target: target, directed: nil,
          attributes: attributes(element, skipping: ["source", "target", "key"]), location: at))
      }
    }
    return (graph, diagnostics)
  }
}

extension NodeLinkReader {
  /// Reads a JSON array of sources, topics or events (`key`) as ``ExchangeAttributes/declarations(_:)``
  /// writes it into `graph`'s declarations; items without an id are skipped.
  static func declarations(_ key: String, tree: DocumentTree, list: Int, file: String, into graph: inout ExchangeGraph) {
    guard tree.kind(list) == .sequence else { return }
    for k in 0..<tree.count(list) {
      let item = tree.element(list, k)
      guard tree.kind(item) == .mapping else { continue }
      var f: [String: String] = [:]
      for m in 0..<tree.count(item) {
        let value = tree.value(item, m)
        if tree.kind(value) == .scalar, tree.scalarType(value) != .null { f[tree.string(tree.key(item, m))] = tree.string(value) }
      }
      guard let id = f["id"] else { continue }
      let at = tree.location(item, file: file)
      switch key {
      case "sources":
        graph.sources.append(Source(
          id: id, title: f["title"] ?? id, date: f["date"], place: f["place"],
          publisher: f["publisher"], file: f["file"], url: f["url"], location: at))
      case "topics":
        graph.topics.append(Topic(id: id, de: f["de"] ?? id, en: f["en"] ?? id, location: at))
      default:
        graph.events.append(Event(
          id: id, title: f["title"] ?? id, kind: f["kind"].flatMap(EventKind.term) ?? .other,
          date: f["date"], place: f["place"], source: f["source"], location: at))
      }
    }
  }

  /// Declarations given as JSON text (GraphML graph data `sources`, `topics`, `events`); text
  /// that is not such JSON is left to the caller's report.
  static func declarations(_ key: String, json: String, file: String, into graph: inout ExchangeGraph) -> Bool {
    let parsed = Array(json.utf8).withUnsafeBufferPointer { JSONParser.parse($0) }
    guard case .success(let tree) = parsed, let root = tree.root, tree.kind(root) == .sequence else { return false }
    let before = (graph.sources.count, graph.topics.count, graph.events.count)
    declarations(key, tree: tree, list: root, file: file, into: &graph)
    // Positions inside the JSON text are not positions in the file: none rather than wrong ones.
    for i in before.0..<graph.sources.count { graph.sources[i].location = nil }
    for i in before.1..<graph.topics.count { graph.topics[i].location = nil }
    for i in before.2..<graph.events.count { graph.events[i].location = nil }
    return true
  }
}
