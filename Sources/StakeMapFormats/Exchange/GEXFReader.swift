import StakeMapModel
import StakeMapText

/// Reads GEXF 1.1, 1.2 and 1.3 as Gephi, NetworkX and StakeMap write it (``XMLScanner``: no
/// DTDs, no external entities).
///
/// A node's `label` becomes its `label` attribute, an edge's `weight` its `weight` and an
/// edge's `label` its `label`; `<attvalue for=…>` (or `id=…` in GEXF 1.1) is named by the
/// declared attribute's `title`; declared `<default>` values apply where a node or edge has
/// none. `defaultedgetype` sets the direction (`mixed` counts as undirected), an edge's `type`
/// overrides it. Dynamic spells and `viz:` elements are ignored: they are not data StakeMap
/// keeps. Every problem has `file:line:column`. O(bytes).
enum GEXFReader {
  static func parse(_ bytes: [UInt8], file: String) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    var scanner = XMLScanner(bytes)
    var graph = ExchangeGraph(file: file)
    var diagnostics: [Diagnostic] = []
    // attribute id → title, per class ("node" / "edge").
    var titles: [String: [String: String]] = ["node": [:], "edge": [:]]
    var defaults: [(domain: String, name: String, value: String)] = []
    var attributeClass = "node"
    var currentAttribute: String?
    var inDefault = false
    var metaField: String?
    var text = ""
    var node: ExchangeGraph.Node?
    var edge: ExchangeGraph.Edge?
    var depth = 0  // nodes nested in nodes (hierarchy) are refused
    var sawRoot = false
    func here() -> FileLocation { FileLocation(file: file, line: scanner.eventLine, column: scanner.eventColumn) }
    let attribute = XMLScanner.attribute
    do {
      while let event = try scanner.next() {
        switch event {
        case .start(let name, let attributes, _):
          let at = here()
          if !sawRoot {
            guard name == "gexf" else {
              return (nil, [.error(at: at, Sentence(.exchangeNotFormat, ["format": "GEXF", "expected": "<gexf>", "found": .text("<\(name)>")]))])
            }
            sawRoot = true
            continue
          }
          switch name {
          case "title", "description":
            metaField = node == nil && edge == nil ? name : nil
            text = ""
          case "graph":
            let type = attribute(attributes, "defaultedgetype") ?? "undirected"
            graph.directed = type == "directed"
            graph.location = at
          case "attributes":
            attributeClass = attribute(attributes, "class") ?? "node"
          case "attribute":
            let id = attribute(attributes, "id") ?? ""
            titles[attributeClass, default: [:]][id] = attribute(attributes, "title") ?? id
            currentAttribute = id
          case "default":
            inDefault = currentAttribute != nil
            text = ""
          case "node":
            depth += 1
            if depth > 1 {
              diagnostics.append(.error(at: at, Sentence(.exchangeUnsupported, ["what": "nested <node>"])))
              continue
            }
            guard let id = attribute(attributes, "id") else {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<node>", "attribute": "id"])))
              continue
            }
            var n = ExchangeGraph.Node(id: id, attributes: [], location: at)
            if let label = attribute(attributes, "label") { n.attributes.append(("label", label)) }
            node = n
          case "edge":
            let source = attribute(attributes, "source")
            let target = attribute(attributes, "target")
            for (value, key) in [(source, "source"), (target, "target")] where value == nil {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<edge>", "attribute": .text(key)])))
            }
            var e = ExchangeGraph.Edge(
              source: source ?? "", target: target ?? "",
              directed: attribute(attributes, "type").map { $0 == "directed" }, attributes: [], location: at)
            if let weight = attribute(attributes, "weight") { e.attributes.append(("weight", weight)) }
            if let label = attribute(attributes, "label") { e.attributes.append(("label", label)) }
            if let kind = attribute(attributes, "kind") { e.attributes.append(("kind", kind)) }
            edge = e
          case "attvalue":
            guard let key = attribute(attributes, "for") ?? attribute(attributes, "id") else {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<attvalue>", "attribute": "for"])))
              continue
            }
            let domain = edge != nil ? "edge" : "node"
            guard let title = titles[domain]?[key] else {
              diagnostics.append(.error(at: at, Sentence(.exchangeUndeclaredKey, ["key": .quoted(key)])))
              continue
            }
            let value = attribute(attributes, "value") ?? ""
            if edge != nil {
              // `weight` declared as an attribute too (StakeMap writes both): the attribute wins.
              edge!.attributes.removeAll { $0.key == title }
              edge!.attributes.append((title, value))
            } else if node != nil {
              node!.attributes.removeAll { $0.key == title }
              node!.attributes.append((title, value))
            }
          default:
            break
          }
        case .text(let chunk):
          if metaField != nil || inDefault { text += chunk }
        case .end(let name):
          switch name {
          case "title", "description":
            if let field = metaField { graph.attributes.append((field == "title" ? "name" : field, text)) }
            metaField = nil
          case "default":
            if inDefault, let id = currentAttribute, let title = titles[attributeClass]?[id] {
              defaults.append((attributeClass, title, text))
            }
            inDefault = false
          case "attribute": currentAttribute = nil
          case "node":
            depth -= 1
            if depth == 0, var done = node {
              for d in defaults where d.domain == "node" {
                if !done.attributes.contains(where: { $0.key == d.name }) { done.attributes.append((d.name, d.value)) }
              }
              graph.nodes.append(done)
              node = nil
            }
          case "edge":
            if var done = edge {
              for d in defaults where d.domain == "edge" {
                if !done.attributes.contains(where: { $0.key == d.name }) { done.attributes.append((d.name, d.value)) }
              }
              graph.edges.append(done)
            }
            edge = nil
          default: break
          }
        }
      }
    } catch {
      diagnostics.append(error.diagnostic(file: file))
      return (nil, diagnostics)
    }
    return (graph, diagnostics)
  }
}
