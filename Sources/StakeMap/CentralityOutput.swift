import Foundation
import StakeMapText

/// Writes the centrality of every actor as a terminal table, CSV or JSON (../shared/SPEC.md §3).
///
/// All three are deterministic: the same network gives byte-identical text. Numbers in JSON and
/// CSV are Swift's shortest round-trip form of the Double (`0.25`, `3.0`, `1e-05`); the table
/// rounds for reading.
public struct CentralityOutput: Sendable {
  public var network: Network
  public var graph: Graph
  public var centrality: Centrality
  /// The metrics shown, in ``Metric/allCases`` order: all seven unless `analyze --metrics`
  /// chose some (or a stop left some out).
  public var metrics: [Metric]
  /// How betweenness was estimated, when it was (`analyze --approximate`); nil: exact.
  public var approximation: ApproximateBetweenness.Result?

  public init(
    network: Network, graph: Graph, centrality: Centrality, metrics: [Metric] = Metric.allCases,
    approximation: ApproximateBetweenness.Result? = nil
  ) {
    self.network = network
    self.graph = graph
    self.centrality = centrality
    self.metrics = Metric.allCases.filter { metrics.contains($0) }
    self.approximation = approximation
  }

  /// Stakeholder indices ordered by `metric`, highest first (``Centrality/ranking(by:actors:)``).
  public func ranking(by metric: Metric) -> [Int] {
    centrality.ranking(by: metric, actors: network.actors)
  }

  /// `{"network": {…}, "actors": [{"id", "name", "type", "degree", …}]}`; actors in file order.
  /// With a choice of metrics, `"metrics": [...]` lists them (and only they appear per actor);
  /// with an estimate, `"betweenness_estimate"` states method, ε, confidence and samples, and
  /// how many of the highest estimates are certainly the highest actors (`"certain_top"` of
  /// `"top_checked"`).
  public func json() -> String {
    var out = "{\n  \"network\": {"
    out += "\"title\": \(JSONText.string(network.info.title)), "
    out += "\"actors\": \(network.actors.count), "
    out += "\"ties\": \(graph.edgeCount), "
    out += "\"weighted\": \(graph.isWeighted)},\n"
    if metrics != Metric.allCases {
      out += "  \"metrics\": [\(metrics.map { JSONText.string($0.rawValue) }.joined(separator: ", "))],\n"
    }
    if let a = approximation {
      out += "  \"betweenness_estimate\": {\"method\": \"KADABRA (Borassi and Natale 2016): "
      out += "adaptive sampling of shortest paths, balanced bidirectional BFS\", "
      out += "\"epsilon\": \(JSONText.number(a.epsilon)), "
      out += "\"confidence\": \(JSONText.number(a.confidence)), "
      out += "\"samples\": \(a.samples), \"maximum_samples\": \(a.maximumSamples), "
      out += "\"vertex_diameter_bound\": \(a.vertexDiameterBound), \"seed\": \(a.seed), "
      out += "\"top_checked\": \(a.topChecked), \"certain_top\": \(a.certainTop)},\n"
    }
    out += "  \"actors\": ["
    for (i, actor) in network.actors.enumerated() {
      out += i == 0 ? "\n    {" : ",\n    {"
      out += "\"id\": \(JSONText.string(actor.id)), "
      out += "\"name\": \(JSONText.string(actor.name)), "
      out += "\"type\": \(JSONText.string(actor.type.rawValue))"
      for metric in metrics {
        out += ", \"\(metric.rawValue)\": \(JSONText.number(centrality.values(metric)[i]))"
      }
      out += "}"
    }
    out += network.actors.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }

  /// CSV with a header row; actors in file order. RFC 4180 (comma, decimal point), or with
  /// `excel` what German Excel opens correctly by double-click: a UTF-8 byte order mark,
  /// semicolons and decimal commas (``CSVText/Dialect/excel``). Text cells are quoted and
  /// neutralised against formulas by ``CSVText/field(_:)``.
  public func csv(excel: Bool = false) -> String {
    let dialect: CSVText.Dialect = excel ? .excel : .rfc4180
    var out = dialect.byteOrderMark ? "\u{FEFF}" : ""
    out += CSVText.row(["id", "name", "type"] + metrics.map(\.rawValue), dialect)
    for (i, actor) in network.actors.enumerated() {
      var fields = [actor.id, actor.name, actor.type.rawValue].map(CSVText.field)
      for metric in metrics {
        fields.append(CSVText.number(centrality.values(metric)[i], dialect))
      }
      out += CSVText.rawRow(fields, dialect)
    }
    return out
  }

  /// An aligned table for a terminal: rank, name, type and every metric, sorted by `sortBy`;
  /// headings, counts and decimal marks in `language`. Text from the file (title, names,
  /// types) is made safe for a terminal (``TerminalText/safe(_:)``) before it is aligned.
  ///
  /// - Parameters:
  ///   - top: show only the first `top` rows (nil: all).
  ///   - nameWidth: names longer than this are shortened with "…".
  public func table(
    sortBy: Metric = .betweenness, language: Language, top: Int? = nil, nameWidth: Int = 36
  ) -> String {
    let sortBy = metrics.contains(sortBy) ? sortBy : metrics.first
    let order = sortBy.map { ranking(by: $0) } ?? Array(network.actors.indices)
    let shown = top.map { Array(order.prefix($0)) } ?? order
    let words = Words(language)
    var header = ["#", words(.cliAnalyzeActor), words(.cliAnalyzeType)]
    header += metrics.map { $0 == sortBy ? "\($0.label(language)) ▼" : $0.label(language) }
    var rows: [[String]] = []
    for (rank, i) in shown.enumerated() {
      let actor = network.actors[i]
      var row = [String(rank + 1), TextCell.truncate(TerminalText.safe(actor.name), to: nameWidth),
                 TextCell.truncate(TerminalText.safe(actor.type.label(language)), to: 22)]
      for metric in metrics {
        row.append(words.number(centrality.values(metric)[i], places: metric.places))
      }
      rows.append(row)
    }
    // Columns 0 and the metrics are right-aligned, name and type left-aligned.
    let rightAligned = Set([0] + Array(3..<header.count))
    var widths = header.map(TextCell.width)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], TextCell.width(cell)) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, cell in
        TextCell.pad(cell, to: widths[c], right: rightAligned.contains(c))
      }.joined(separator: "  ")
    }
    let title = network.info.title.isEmpty ? "" : TerminalText.safe(network.info.title) + "\n"
    let counts = words(
      graph.isWeighted ? .cliAnalyzeSizeWeighted : .cliAnalyzeSize,
      [
        "actors": words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther),
        "ties": words.count(graph.edgeCount, one: .cliTiesOne, other: .cliTiesOther),
      ])
    var out = title + TerminalText.safe(counts) + "\n\n" + line(header) + "\n"
    out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { out += line(row) + "\n" }
    if let top, order.count > top {
      out += words(.cliAnalyzeMore, ["n": words.integer(order.count - top)]) + "\n"
    }
    if let a = approximation {
      out += "\n" + words(
        .cliAnalyzeApproximateNote,
        [
          "samples": words.number(Double(a.samples), places: 0),
          "epsilon": words.number(a.epsilon, places: Self.places(a.epsilon)),
          "confidence": words.number(a.confidence, places: Self.places(a.confidence)),
        ]) + "\n"
      let confidence = words.number(a.confidence, places: Self.places(a.confidence))
      out += (a.certainTop > 0
        ? words(.cliAnalyzeApproximateTopCertain, ["k": words.integer(a.certainTop), "confidence": confidence])
        : words(.cliAnalyzeApproximateTopUncertain, ["k": words.integer(a.topChecked)])) + "\n"
    }
    return out
  }

  /// Decimals that show `x` without trailing zeros (at most 9): 0.01 → 2, 0.95 → 2, 0.005 → 3.
  static func places(_ x: Double) -> Int {
    var places = 0
    var scaled = x
    while places < 9 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
      places += 1
      scaled *= 10
    }
    return places
  }
}

/// Terminal cells: width in characters (grapheme clusters), padding, truncation, rounding.
enum TextCell {
  static func width(_ s: String) -> Int { s.count }

  static func pad(_ s: String, to width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
  }

  static func truncate(_ s: String, to width: Int) -> String {
    let flat = s.replacingOccurrences(of: "\n", with: " ")
    return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
  }
}
