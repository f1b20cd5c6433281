import ArgumentParser
import StakeMap

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Centrality of every actor: who is connected, who brokers, who is close to all.",
    discussion: """
      Measures (README, "What the numbers mean"; each equals what NetworkX 3 computes, better where NetworkX \
      rounds):
        degree       \(Metric.degree.meaning(.en))
        strength     \(Metric.strength.meaning(.en))
        betweenness  \(Metric.betweenness.meaning(.en))
        closeness    \(Metric.closeness.meaning(.en))
        harmonic     \(Metric.harmonic.meaning(.en))
        eigenvector  \(Metric.eigenvector.meaning(.en))
        pagerank     \(Metric.pagerank.meaning(.en))

      The network is analysed as undirected, with ties of status 'existing'; two relations \
      between the same pair are one tie whose weight is the sum. With weights, a strong tie \
      is a short path: distance = 1/weight.

      Examples:
        stakemap analyze net.yaml                          # table, sorted by betweenness
        stakemap analyze net.yaml --sort-by degree --top 10
        stakemap analyze net.yaml --format csv -o centrality.csv
        stakemap analyze net.yaml -o tabelle.csv --excel

      CSV for Excel (--excel): a UTF-8 byte order mark, semicolons and decimal commas,
      which Excel with German settings opens correctly by double-click. It is the
      default for a German network (network: language: de) written to a file ending in
      .csv; --no-excel writes RFC 4180 (commas, decimal points) for scripts. Every text
      cell that a spreadsheet would take for a formula (=, +, -, @ first) starts with
      an apostrophe, in both dialects.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "Output format: table, json or csv (default: csv or json for -o FILE.csv/.json, else table).")
  var format: Format?

  @Flag(inversion: .prefixedNo, help: "CSV for Excel: byte order mark, ';', decimal comma (default: on for German networks written to .csv).")
  var excel: Bool?

  @Option(help: "The metric the table is sorted by.")
  var sortBy: Metric = .betweenness

  @Option(help: "Show only the first N rows of the table (0: all; default: all up to 60 actors, else 25).")
  var top: Int?

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output (atomically).")
  var output: String?

  @OptionGroup var analysis: AnalysisOptions

  func run() throws {
    let network = try analysis.load(file)
    let graph = analysis.graph(of: network)
    let centrality = analysis.centrality(of: graph, language: analysis.language(for: network))
    let result = CentralityOutput(network: network, graph: graph, centrality: centrality)
    let text: String
    switch format ?? output.flatMap(Format.init(outputPath:)) ?? .table {
    case .json: text = result.json()
    case .csv:
      text = result.csv(
        excel: ExcelChoice.excel(excel, output: output, language: network.info.language))
    case .table:
      let limit: Int? =
        switch top {
        case 0?: nil
        case let n?: n
        case nil: network.actors.count > 60 ? 25 : nil
        }
      text = result.table(sortBy: sortBy, language: analysis.language(for: network), top: limit)
    }
    try OutputDestination.write(
      text, to: output, inputs: [file], language: analysis.language(for: network))
  }
}

extension AnalyzeCommand.Format {
  /// csv or json from an output file's extension.
  init?(outputPath: String) {
    switch OptionError.fileExtension(outputPath) {
    case "csv": self = .csv
    case "json": self = .json
    default: return nil
    }
  }
}

/// Whether a CSV table is written for Excel (issue 11): `--excel` / `--no-excel` when given;
/// otherwise for a German network written to a file ending in `.csv` (German Excel opens RFC
/// 4180 files as one column, with decimal points taken for thousands separators), and RFC 4180
/// for standard output and English networks, which scripts read.
enum ExcelChoice {
  static func excel(_ flag: Bool?, output: String?, language: Language) -> Bool {
    if let flag { return flag }
    guard let output, output != "-" else { return false }
    return language == .de && OptionError.fileExtension(output) == "csv"
  }
}
