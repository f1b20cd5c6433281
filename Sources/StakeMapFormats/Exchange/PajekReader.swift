import StakeMapModel
import StakeMapText

/// Reads Pajek `.net` files: `*Vertices n` with lines `number "label" …`, then `*Arcs`
/// (directed) and `*Edges` (undirected) with lines `from to [weight]`, and `*Arcslist` /
/// `*Edgeslist` (`from to to …`). A vertex's label (its number when it has none) is its id;
/// coordinates and shapes after the label are ignored. `*Network` and `%` comment lines are
/// skipped. Every problem has `file:line:column`. O(bytes).
enum PajekReader {
  static func parse(_ bytes: [UInt8], file: String) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    var graph = ExchangeGraph(file: file)
    var diagnostics: [Diagnostic] = []
    guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) else {
      return (nil, [.error(at: FileLocation(file: file, line: 1, column: 1), Sentence(.exchangeXMLNotUTF8))])
    }
    enum Section { case none, vertices, arcs, edges, arcsList, edgesList }
    var section = Section.none
    var labels: [String: String] = [:]  // vertex number → id
    var lineNumber = 0
    func problem(_ line: Int, _ column: Int, expected: Sentence.Value, found: String) {
      diagnostics.append(.error(at: FileLocation(file: file, line: line, column: column), Sentence(.exchangePajekExpected, ["expected": expected, "found": .quoted(found)])))
    }
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
      let tokens = tokenize(line)
      guard let first = tokens.first else { continue }
      if first.text.hasPrefix("%") { continue }
      if first.text.hasPrefix("*") {
        switch first.text.lowercased() {
        case "*vertices": section = .vertices
        case "*arcs": section = .arcs
        case "*edges": section = .edges
        case "*arcslist": section = .arcsList
        case "*edgeslist": section = .edgesList
        case "*network": section = .none
        default: problem(lineNumber, first.column, expected: .phrase(.exchangePajekSection), found: first.text)
        }
        continue
      }
      switch section {
      case .none:
        problem(lineNumber, first.column, expected: .phrase(.exchangePajekSection), found: first.text)
      case .vertices:
        let id = tokens.count > 1 ? tokens[1].text : first.text
        labels[first.text] = id
        graph.nodes.append(ExchangeGraph.Node(id: id, attributes: [], location: FileLocation(file: file, line: lineNumber, column: first.column)))
      case .arcs, .edges:
        guard tokens.count >= 2 else {
          problem(lineNumber, first.column, expected: .phrase(.exchangePajekPair), found: String(line))
          continue
        }
        var attributes: [(key: String, value: String)] = []
        if tokens.count >= 3 { attributes.append(("weight", tokens[2].text)) }
        graph.edges.append(ExchangeGraph.Edge(
          source: labels[first.text] ?? "#" + first.text, target: labels[tokens[1].text] ?? "#" + tokens[1].text,
          directed: section == .arcs, attributes: attributes,
          location: FileLocation(file: file, line: lineNumber, column: first.column)))
      case .arcsList, .edgesList:
        for target in tokens.dropFirst() {
          graph.edges.append(ExchangeGraph.Edge(
            source: labels[first.text] ?? "#" + first.text, target: labels[target.text] ?? "#" + target.text,
            directed: section == .arcsList, attributes: [],
            location: FileLocation(file: file, line: lineNumber, column: target.column)))
        }
      }
    }
    return (diagnostics.isEmpty ? graph : nil, diagnostics)
  }

  /// Space-separated tokens; `"…"` is one token without its quotes. Columns in scalars.
  static func tokenize(_ line: Substring) -> [(text: String, column: Int)] {
    var tokens: [(String, Int)] = []
    var current = ""
    var start = 0
    var inQuote = false
    var column = 0
    var active = false
    for scalar in line.unicodeScalars {
      column += 1
      if inQuote {
        if scalar == "\"" { inQuote = false } else { current.unicodeScalars.append(scalar) }
        continue
      }
      if scalar == " " || scalar == "\t" {
        if active { tokens.append((current, start)) }
        current = ""
        active = false
        continue
      }
      if !active {
        active = true
        start = column
      }
      if scalar == "\"" { inQuote = true } else { current.unicodeScalars.append(scalar) }
    }
    if active { tokens.append((current, start)) }
    return tokens
  }
}
