@_spi(Testing) import StakeMapGraphviz
import Foundation
import StakeMapText
import StakeMapExtraction
import StakeMapFormats
import StakeMapModel

/// The checks behind the fuzz targets (Sources/stakemap-fuzz, Scripts/fuzzing/run-fuzzers.sh)
/// and behind the replay of every input that ever failed one
/// (Tests/StakeMapFuzzingTests/Regressions/TARGET/). Each checks invariants, not only the
/// absence of crashes; a broken invariant traps (`precondition`), which libFuzzer reports as a
/// crash with the input that caused it.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// The YAML network reader (streamed and as a whole tree, which must agree), then the
  /// writer's round trip.
  case yaml
  /// The JSON network reader (streamed and as a whole tree, which must agree), then the
  /// writer's round trip.
  case json
  /// The CSV reader and the spreadsheet importer (an actors table), then the round trip.
  case csv
  /// The protocol extractor: evidence verbatim at its offsets, the draft's round trip.
  case extract
  /// A label through the DOT writer into Graphviz's parser and back, unchanged.
  case dot
  /// Any text through the XML/HTML, Markdown, CSV and JSON escapers: each output is inert in
  /// its syntax and decodes back to the text (less what the escaper documents it replaces).
  case escapers
  /// The exchange readers (GraphML and GEXF through the XML scanner, node-link JSON, Pajek) and
  /// the import mapping; an imported network exports to GraphML and imports back to the same
  /// GraphML (issue 11).
  case exchange

  /// Runs the target's checks on one input.
  package func check(_ bytes: [UInt8]) {
    switch self {
    case .yaml: FuzzChecks.network(bytes, .yaml)
    case .json: FuzzChecks.network(bytes, .json)
    case .csv: FuzzChecks.csv(bytes)
    case .extract: FuzzChecks.extract(bytes)
    case .dot: FuzzChecks.dot(bytes)
    case .escapers: FuzzChecks.escapers(bytes)
    case .exchange: FuzzChecks.exchange(bytes)
    }
  }
}

package enum FuzzChecks {
  /// The network must read back from what the writer makes of it, with no errors: a writer that
  /// produces a file its own reader refuses would lose a coordinator's data.
  package static func roundTrip(_ network: Network) {
    for format in [NetworkFileFormat.yaml, .json] {
      let text = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
      let back = NetworkReader.parse(bytes: Array(text.utf8), file: "round-trip", format: format)
      precondition(
        back.network != nil && !back.diagnostics.contains { $0.severity == .error },
        "written \(format) does not read back: \(back.diagnostics.prefix(3))")
    }
  }

  package static func network(_ bytes: [UInt8], _ format: NetworkFileFormat) {
    let result = NetworkReader.parse(bytes: bytes, file: "fuzz", format: format)
    // Decoding while parsing is an optimisation: the whole tree's decoder is the reference.
    let whole = NetworkReader.parse(bytes: bytes, file: "fuzz", format: format, decoding: .wholeTree)
    precondition(
      result.network == whole.network,
      "streamed and whole-tree decoding give different networks")
    precondition(
      result.diagnostics.map { $0.description(in: .de) } == whole.diagnostics.map { $0.description(in: .de) }
        && result.diagnostics == whole.diagnostics,
      "streamed and whole-tree decoding give different diagnostics: \(result.diagnostics.prefix(3)) against \(whole.diagnostics.prefix(3))")
    for d in result.diagnostics {
      precondition(d.location == nil || d.location!.line >= 1 && d.location!.column >= 1)
    }
    if let network = result.network, !result.diagnostics.contains(where: { $0.severity == .error }) {
      roundTrip(network)
    }
  }

  package static func exchange(_ bytes: [UInt8]) {
    for format in [ExchangeFormat.graphml, .gexf, .nodeLink, .pajek] {
      let (graph, problems) = ExchangeGraph.parse(bytes, file: "fuzz", format: format)
      for d in problems {
        precondition(d.location == nil || d.location!.line >= 1 && d.location!.column >= 1)
      }
      guard let graph, !problems.contains(where: { $0.severity == .error }) else { continue }
      let (network, _) = ExchangeImporter.network(from: graph, options: .init())
      guard let network else { continue }
      roundTrip(network)
      let first = GraphMLWriter.write(network)
      let (again, againProblems) = ExchangeGraph.parse(Array(first.utf8), file: "again", format: .graphml)
      precondition(again != nil && !againProblems.contains { $0.severity == .error }, "GraphML export does not read back: \(againProblems.prefix(3))")
      let back = ExchangeImporter.network(from: again!, options: .init()).network
      precondition(back.map(GraphMLWriter.write) == first, "GraphML export → import → export differs")
    }
  }

  package static func csv(_ bytes: [UInt8]) {
    let (table, _) = CSVReader.parse(bytes: bytes, file: "actors.csv")
    guard let table else { return }
    let result = SpreadsheetImporter.convert(actors: table, relations: nil, sources: nil)
    if let network = result.network, !result.diagnostics.contains(where: { $0.severity == .error }) {
      roundTrip(network)
    }
  }

  package static func extract(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    let draft = ProtocolExtractor.extract(text: text, fileName: "fuzz.txt")
    // Every quoted piece of evidence stands verbatim at its offsets in the text.
    let scalars = Array(text.unicodeScalars)
    for actor in draft.network.actors {
      if let span = actor.offsets, let evidence = actor.evidence {
        precondition(span.start >= 0 && span.end <= scalars.count && span.start <= span.end)
        var quoted = String.UnicodeScalarView()
        quoted.append(contentsOf: scalars[span.start..<span.end])
        precondition(String(quoted) == evidence, "evidence is not verbatim at its offsets")
      }
    }
    roundTrip(draft.network)
  }

  package static func dot(_ bytes: [UInt8]) {
    // Any text as a node label must come back from Graphviz's parser as exactly that text
    // (bounded), and never add a node or an attribute.
    let text = String(decoding: bytes.prefix(2_000), as: UTF8.self)
    var graph = DOTGraph(name: text)
    graph.nodes.append(DOTNode(id: "n0", attributes: NodeAttributes(label: .text(text), tooltip: text)))
    graph.nodes.append(DOTNode(id: "n1", attributes: NodeAttributes(label: .text("x"))))
    let dot = DOTWriter.write(graph)
    guard let labels = try? Graphviz.parsedNodeAttributes(dot: dot, attribute: "label") else {
      preconditionFailure("Graphviz refused the DOT written for \(text.debugDescription)")
    }
    precondition(labels.keys.sorted() == ["n0", "n1"], "extra nodes: \(labels.keys.sorted())")
    let shown = DOTEscaping.displayText(fromEscString: labels["n0"] ?? "")
    // What the label should show: the bounded text, line breaks as LF, other controls as spaces.
    var expected = ""
    var previousWasCR = false
    for scalar in TextBounds.label(text).unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\n" && previousWasCR { continue }
      if scalar == "\r" || scalar == "\n" {
        expected += "\n"
      } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        expected += " "
      } else {
        expected.unicodeScalars.append(scalar)
      }
    }
    precondition(shown == expected, "label \(text.debugDescription) shows as \(shown.debugDescription)")
  }

  /// What the XML/HTML and Markdown escapers make of a scalar they do not keep.
  static func replaced(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    HTMLEscaping.isForbidden(scalar) ? "\u{FFFD}" : scalar
  }

  package static func escapers(_ bytes: [UInt8]) {
    let text = String(decoding: bytes.prefix(4_000), as: UTF8.self)

    // XML/HTML: no markup character survives; decoding the five entities gives the text back.
    let html = HTMLEscaping.text(text)
    precondition(!html.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) })
    let decoded = decodeEntities(html)
    var expected = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { expected.append(replaced(scalar)) }
    precondition(decoded == Array(expected), "HTML escaping is not reversible")

    // Markdown: one line, no raw angle bracket, every syntax character behind a backslash.
    let markdown = MarkdownEscaping.text(text)
    precondition(!markdown.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "<" || $0 == ">" })
    var escapedNext = false
    for scalar in markdown.unicodeScalars {
      if escapedNext {
        escapedNext = false
        continue
      }
      if scalar == "\\" {
        escapedNext = true
        continue
      }
      precondition(!"`*_[]()#!|~{}".unicodeScalars.contains(scalar), "unescaped Markdown syntax")
    }

    // CSV: the field stays one cell of one row (no text breaks out of it), and reads back as
    // the text (a formula-like text with its guard apostrophe; line breaks inside a quoted
    // field as line feeds, as the reader documents; other control characters the reader may
    // normalise, so texts with them are only checked for staying in their cell).
    let field = CSVText.field(text)
    let parsed = CSVReader.parse(bytes: Array(("h\n" + field + "\n").utf8), file: "f.csv")
    if let table = parsed.table, parsed.diagnostics.isEmpty, !text.isEmpty {
      precondition(table.rows.count == 1 && table.rows.first?.fields.count == 1, "CSV field breaks out")
      let value = table.rows.first?.fields.first ?? ""
      // CR LF and CR as LF, scalar by scalar (a String search would match graphemes).
      var lineScalars = String.UnicodeScalarView()
      var previousWasCR = false
      for scalar in text.unicodeScalars {
        defer { previousWasCR = scalar == "\r" }
        if scalar == "\n" && previousWasCR { continue }
        lineScalars.append(scalar == "\r" ? "\n" : scalar)
      }
      let lines = String(lineScalars)
      let hasControls = text.unicodeScalars.contains {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
      }
      precondition(
        hasControls || [text, "'" + text, lines, "'" + lines].contains(value),
        "CSV field does not read back")
    }

    // JSON: the literal parses back to the text through StakeMap's own JSON reader, as a
    // network title. (Foundation's JSONSerialization is no oracle here: on Linux it drops a
    // byte-order mark at the start of a string.)
    let literal = JSONText.string(text)
    let document = "{\"network\": {\"title\": " + literal + "}, \"actors\": []}"
    let read = NetworkReader.parse(bytes: Array(document.utf8), file: "f.json", format: .json)
    if let title = read.network?.info.title {
      precondition(title == text, "JSON string does not read back")
    } else {
      precondition(
        text.isEmpty || read.diagnostics.allSatisfy { !$0.message.contains("invalid JSON") },
        "JSON string literal does not parse: \(literal)")
    }
  }

  /// The five entities the XML escaper writes, decoded scalar by scalar (a String search would
  /// compare graphemes: "&quot;" before a combining mark would not match).
  static func decodeEntities(_ text: String) -> [Unicode.Scalar] {
    let entities: [([Unicode.Scalar], Unicode.Scalar)] = [
      (Array("&lt;".unicodeScalars), "<"), (Array("&gt;".unicodeScalars), ">"),
      (Array("&quot;".unicodeScalars), "\""), (Array("&#39;".unicodeScalars), "'"),
      (Array("&amp;".unicodeScalars), "&"),
    ]
    let scalars = Array(text.unicodeScalars)
    var out: [Unicode.Scalar] = []
    var i = 0
    outer: while i < scalars.count {
      if scalars[i] == "&" {
        for (entity, plain) in entities
        where i + entity.count <= scalars.count && Array(scalars[i..<i + entity.count]) == entity {
          out.append(plain)
          i += entity.count
          continue outer
        }
      }
      out.append(scalars[i])
      i += 1
    }
    return out
  }
}
