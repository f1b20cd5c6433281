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
      // Declarations StakeMap's own node-link export carries (``NodeLinkWriter``).
      func items(_ key: String) -> [(fields: [String: String], at: FileLocation)] {
        guard let list = member(g, key), tree.kind(list) == .sequence else { return [] }
        return (0..<tree.count(list)).compactMap { k in
          let item = tree.element(list, k)
          guard tree.kind(item) == .mapping else { return nil }
          var fields: [String: String] = [:]
          for (key, value) in attributes(item, skipping: []) { fields[key] = value }
          return (fields, tree.location(item, file: file))
        }
      }
      for (f, at) in items("sources") where f["id"] != nil {
        graph.sources.append(Source(
          id: f["id"]!, title: f["title"] ?? f["id"]!, date: f["date"], place: f["place"],
          publisher: f["publisher"], file: f["file"], url: f["url"], location: at))
      }
      for (f, at) in items("topics") where f["id"] != nil {
        graph.topics.append(Topic(id: f["id"]!, de: f["de"] ?? f["id"]!, en: f["en"] ?? f["id"]!, location: at))
      }
      for (f, at) in items("events") where f["id"] != nil {
        graph.events.append(Event(
          id: f["id"]!, title: f["title"] ?? f["id"]!, kind: f["kind"].flatMap(EventKind.term) ?? .other,
          date: f["date"], place: f["place"], source: f["source"], location: at))
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
