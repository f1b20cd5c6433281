import StakeMapModel
import StakeMapText

/// Reads Kumu's spreadsheet export (and StakeMap's `--format kumu`), saved as CSV: an elements
/// table (`Label`, `Type`, `Description`, `Tags`, optional `ID`, any further fields) and a
/// connections table (`From`, `To`, `Type`, optional `Direction`, `Strength`, …) whose From
/// and To name elements by `ID` when the elements have one, else by label.
///
/// Column names are matched case-insensitively; Kumu's list separator `|` is read as `;`.
/// A missing `Label` column is reported with its position. The CSV rules (delimiter, BOM,
/// quotes) are those of ``CSVReader``. O(bytes).
enum KumuReader {
  static func read(elements: String, connections: String?) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let (table, problems) = CSVReader.read(path: elements)
    diagnostics += problems
    guard let table else { return (nil, diagnostics) }
    var graph = ExchangeGraph(file: elements)
    graph.endsByLabel = true
    let header = table.header.map { $0.trimmingSpaces() }
    func column(_ names: [String], in header: [String]) -> Int? {
      header.firstIndex { names.contains(VocabularyFolding.fold($0)) }
    }
    guard let labelColumn = column(["label", "name"], in: header) else {
      let at = FileLocation(file: elements, line: table.records.first?.line ?? 1, column: 1)
      return (nil, diagnostics + [.error(at: at, Sentence(.exchangeKumuMissingColumn, ["column": "Label", "header": .text(header.joined(separator: ", "))]))])
    }
    let idColumn = column(["id"], in: header)
    for record in table.rows where !record.isBlank {
      let label = record[labelColumn + 1]
      var attributes: [(key: String, value: String)] = []
      for (c, name) in header.enumerated() where c != idColumn && c != labelColumn {
        let value = record[c + 1]
        if !value.isEmpty { attributes.append((name, value.replacingPipes())) }
      }
      attributes.insert(("label", label), at: 0)
      let id = idColumn.map { record[$0 + 1] }.flatMap { $0.isEmpty ? nil : $0 } ?? label
      graph.nodes.append(ExchangeGraph.Node(id: id, attributes: attributes, location: table.location(record, column: 1)))
    }
    guard let connections else { return (graph, diagnostics) }
    let (links, linkProblems) = CSVReader.read(path: connections)
    diagnostics += linkProblems
    guard let links else { return (nil, diagnostics) }
    let linkHeader = links.header.map { $0.trimmingSpaces() }
    guard let from = column(["from", "von"], in: linkHeader), let to = column(["to", "an", "nach"], in: linkHeader) else {
      let at = FileLocation(file: connections, line: links.records.first?.line ?? 1, column: 1)
      return (nil, diagnostics + [.error(at: at, Sentence(.exchangeKumuMissingColumn, ["column": "From, To", "header": .text(linkHeader.joined(separator: ", "))]))])
    }
    for record in links.rows where !record.isBlank {
      var attributes: [(key: String, value: String)] = []
      for (c, name) in linkHeader.enumerated() where c != from && c != to {
        let value = record[c + 1]
        if !value.isEmpty { attributes.append((name, value.replacingPipes())) }
      }
      graph.edges.append(ExchangeGraph.Edge(
        source: record[from + 1], target: record[to + 1], directed: nil,
        attributes: attributes, location: links.location(record, column: from + 1)))
    }
    return (graph, diagnostics)
  }
}

extension String {
  /// Kumu's multi-value separator `|` as StakeMap's `;`.
  fileprivate func replacingPipes() -> String {
    contains("|") ? split(separator: "|").map { $0.trimmingSpaces() }.joined(separator: ";") : self
  }

}

extension KumuReader {
  /// Whether the CSV at `path` looks like Kumu's elements table: a `Label` column and no `name`
  /// (StakeMap's actors table has one; Kumu's has an optional `ID`). O(file) (the table is read).
  static func looksLikeKumu(path: String) -> Bool {
    guard let table = CSVReader.read(path: path).table else { return false }
    let header = Set(table.header.map { VocabularyFolding.fold(String($0)) })
    return header.contains("label") && !header.contains("name")
  }
}

extension ExchangeFormat {
  /// The format of an input to `stakemap import`: by extension (`.graphml`, `.gexf`, `.net`,
  /// `.json` as node-link), a `.csv` with Kumu's columns as `kumu`; nil for StakeMap's own
  /// spreadsheets.
  public static func detect(input path: String) -> ExchangeFormat? {
    if let format = ExchangeFormat(path: path) { return format }
    let lower = path.lowercased()
    if lower.hasSuffix(".json") { return .nodeLink }
    if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
      return KumuReader.looksLikeKumu(path: path) ? .kumu : nil
    }
    return nil
  }
}

/// `stakemap import` of an exchange format: read, then map to a network with the report.
public enum ExchangeReader {
  /// `second` is Kumu's connections table. Diagnostics: the reader's, then the mapping's.
  public static func read(
    path: String, second: String?, format: ExchangeFormat, title: String?, language: Language?
  ) -> (network: Network?, diagnostics: [Diagnostic]) {
    let (graph, problems) = ExchangeGraph.read(path: path, second: second, format: format)
    guard let graph, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
    let (network, mapping) = ExchangeImporter.network(
      from: graph, options: .init(title: title, language: language))
    // By position (files in the order given), stable: as a reader of the file would go.
    let files = [path, second].compactMap { $0 }
    let sorted = (problems + mapping).enumerated().sorted { a, b in
      func key(_ d: Diagnostic) -> (Int, Int, Int) {
        guard let l = d.location else { return (-1, 0, 0) }
        return (files.firstIndex(of: l.file) ?? files.count, l.line, l.column)
      }
      let (l, r) = (key(a.element), key(b.element))
      return l != r ? l < r : a.offset < b.offset
    }.map(\.element)
    return (network, sorted)
  }
}
