import StakeMapModel
import StakeMapText

/// Reads GraphML as NetworkX, igraph, Gephi, yEd and StakeMap write it (``XMLScanner``: no
/// DTDs, no external entities).
///
/// `<key>` declarations give each `<data key=…>` its attribute name (`attr.name`, else the
/// key's id) and their `<default>` values apply to nodes and edges without that data. The
/// graph's `edgedefault` sets the direction; an edge's own `directed` XML attribute overrides
/// it. Nested graphs, hyperedges and ports are refused with their position. Every problem has
/// `file:line:column`. O(bytes).
enum GraphMLReader {
  static func parse(_ bytes: [UInt8], file: String) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    var scanner = XMLScanner(bytes)
    var graph = ExchangeGraph(file: file)
    var diagnostics: [Diagnostic] = []
    struct Key { var name: String; var domain: String }
    var keys: [String: Key] = [:]
    var currentKey: String?
    /// Declared defaults (domain, attribute name, value), in file order.
    var defaults: [(domain: String, name: String, value: String)] = []
    var inDefault = false
    var text = ""
    var dataKey: String?
    var dataAt = FileLocation(file: file, line: 1, column: 1)
    var node: ExchangeGraph.Node?
    var edge: ExchangeGraph.Edge?
    var graphDepth = 0
    var sawGraphML = false
    func here() -> FileLocation { FileLocation(file: file, line: scanner.eventLine, column: scanner.eventColumn) }
    let attribute = XMLScanner.attribute
    do {
      while let event = try scanner.next() {
        switch event {
        case .start(let name, let attributes, _):
          let at = here()
          if !sawGraphML {
            guard name == "graphml" else {
              return (nil, [.error(at: at, Sentence(.exchangeNotFormat, ["format": "GraphML", "expected": "<graphml>", "found": .text("<\(name)>")]))])
            }
            sawGraphML = true
            continue
          }
          switch name {
          case "key":
            let id = attribute(attributes, "id") ?? ""
            if id.isEmpty { diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<key>", "attribute": "id"]))) }
            keys[id] = Key(name: attribute(attributes, "attr.name") ?? id, domain: attribute(attributes, "for") ?? "all")
            currentKey = id
          case "default":
            inDefault = currentKey != nil
            text = ""
          case "graph":
            graphDepth += 1
            if graphDepth > 1 || node != nil {
              diagnostics.append(.error(at: at, Sentence(.exchangeUnsupported, ["what": "nested <graph>"])))
            } else {
              graph.directed = attribute(attributes, "edgedefault") == "directed"
              graph.location = at
            }
          case "node":
            guard let id = attribute(attributes, "id") else {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<node>", "attribute": "id"])))
              node = ExchangeGraph.Node(id: "", attributes: [], location: at)
              continue
            }
            node = ExchangeGraph.Node(id: id, attributes: [], location: at)
          case "edge":
            let source = attribute(attributes, "source")
            let target = attribute(attributes, "target")
            for (value, key) in [(source, "source"), (target, "target")] where value == nil {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<edge>", "attribute": .text(key)])))
            }
            let directed = attribute(attributes, "directed").map { $0 == "true" || $0 == "1" }
            edge = ExchangeGraph.Edge(source: source ?? "", target: target ?? "", directed: directed, attributes: [], location: at)
          case "data":
            dataKey = attribute(attributes, "key")
            dataAt = at
            text = ""
            if dataKey == nil {
              diagnostics.append(.error(at: at, Sentence(.exchangeMissingAttribute, ["element": "<data>", "attribute": "key"])))
            }
          case "hyperedge", "port", "endpoint":
            diagnostics.append(.error(at: at, Sentence(.exchangeUnsupported, ["what": .text("<\(name)>")])))
          default:
            break  // yEd's graphics, descriptions, …: not data.
          }
        case .text(let chunk):
          if dataKey != nil || inDefault { text += chunk }
        case .end(let name):
          switch name {
          case "default":
            if inDefault, let id = currentKey, let key = keys[id] {
              defaults.append((key.domain, key.name, text))
            }
            inDefault = false
          case "key": currentKey = nil
          case "graph": graphDepth -= 1
          case "data":
            guard let id = dataKey else { break }
            dataKey = nil
            guard let key = keys[id] else {
              diagnostics.append(.error(at: dataAt, Sentence(.exchangeUndeclaredKey, ["key": .quoted(id)])))
              break
            }
            if edge != nil {
              edge!.attributes.append((key.name, text))
            } else if node != nil {
              node!.attributes.append((key.name, text))
            } else if graphDepth == 1 {
              // StakeMap's declarations as JSON text (``GraphMLWriter``); other graph data as is.
              if ["sources", "topics", "events"].contains(key.name),
                NodeLinkReader.declarations(key.name, json: text, file: file, into: &graph)
              {
                break
              }
              graph.attributes.append((key.name, text))
            }
          case "node":
            if var done = node {
              for d in defaults where d.domain == "node" || d.domain == "all" {
                if !done.attributes.contains(where: { $0.key == d.name }) { done.attributes.append((d.name, d.value)) }
              }
              if graphDepth == 1 { graph.nodes.append(done) }
            }
            node = nil
          case "edge":
            if var done = edge {
              for d in defaults where d.domain == "edge" || d.domain == "all" {
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
