import ArgumentParser
import Foundation
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

      Large networks (README, "Memory and time at scale"): --metrics computes only the \
      measures named (degree, strength, PageRank and eigenvector take seconds even at a \
      million ties, closeness and harmonic seconds at 100,000 actors; exact betweenness is \
      the expensive one: minutes at 100,000 actors and 500,000 ties, the README has the \
      measured times). --approximate EPSILON estimates betweenness from \
      sampled shortest paths instead (KADABRA, Borassi & Natale 2016): with probability \
      --confidence (default 0.95) every actor's value is within EPSILON of the exact \
      normalised value, so actors further apart than 2·EPSILON keep their order. It is \
      seeded (--seed): the same run gives the same numbers. The JSON states the method, \
      EPSILON, the confidence and the number of samples, and how many of the highest \
      estimates are certainly the highest actors ("certain_top"); --certify-top K samples \
      on until the top K is certain, where the values allow it (nearly tied values never \
      separate: then it stops at the bound's maximum of samples). Networks with tie weights \
      get exact values only.

      On a terminal (or with --progress) a progress line is shown on standard error. Ctrl-C \
      stops a long run early: the measures finished by then are written (the JSON lists \
      them under "metrics"), the interrupted one is left out and named on standard error, \
      and the exit status is 130. A second Ctrl-C ends at once; output files are written \
      whole or not at all.

      Examples:
        stakemap analyze net.yaml                          # table, sorted by betweenness
        stakemap analyze net.yaml --sort-by degree --top 10
        stakemap analyze net.yaml --format csv -o centrality.csv
        stakemap analyze big.json --metrics degree,pagerank,closeness -f json -o c.json
        stakemap analyze big.json --metrics betweenness --approximate 0.001 --confidence 0.99
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

  @Option(help: "The metric the table is sorted by (default: betweenness, or the first of --metrics).")
  var sortBy: Metric?

  @Option(
    help: ArgumentHelp(
      "Compute only these measures, comma-separated (default: all seven).",
      valueName: "list"))
  var metrics: String?

  @Option(
    help: ArgumentHelp(
      "Estimate betweenness from sampled shortest paths, each value within EPSILON of the exact normalised one (0 < EPSILON < 1).",
      valueName: "epsilon"))
  var approximate: Double?

  @Option(help: "With --approximate: the probability that every value is within EPSILON.")
  var confidence: Double = 0.95

  @Option(help: "With --approximate: the seed of the sampling (same seed, same numbers).")
  var seed: UInt64 = 20_251_121

  @Option(
    help: ArgumentHelp(
      "With --approximate: keep sampling (up to the bound's maximum) until the K highest estimates are certainly the K actors of highest betweenness. The output always says how much of the top 10 is certain.",
      valueName: "K"))
  var certifyTop: Int = 0

  @Option(help: "Show only the first N rows of the table (0: all; default: all up to 60 actors, else 25).")
  var top: Int?

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output (atomically).")
  var output: String?

  @OptionGroup var analysis: AnalysisOptions

  /// The measures asked for, in their canonical order.
  func chosenMetrics() throws -> [Metric] {
    guard let metrics else { return Metric.allCases }
    var chosen = Set<Metric>()
    for name in metrics.split(separator: ",") {
      let name = name.trimmingCharacters(in: .whitespaces)
      guard let metric = Metric(rawValue: name) else {
        throw OptionError.make(
          .cliAnalyzeMetricsUnknown,
          ["metric": name, "metrics": Metric.allCases.map(\.rawValue).joined(separator: ", ")])
      }
      chosen.insert(metric)
    }
    return Metric.allCases.filter(chosen.contains)
  }

  func validate() throws {
    let chosen = try chosenMetrics()
    let names = chosen.map(\.rawValue).joined(separator: ", ")
    if chosen.isEmpty {
      throw OptionError.make(
        .cliAnalyzeMetricsUnknown,
        ["metric": "", "metrics": Metric.allCases.map(\.rawValue).joined(separator: ", ")])
    }
    if let sortBy, !chosen.contains(sortBy) {
      throw OptionError.make(.cliAnalyzeSortNotComputed, ["metric": sortBy.rawValue, "metrics": names])
    }
    if let approximate {
      guard approximate > 0 && approximate < 1 else {
        throw OptionError.make(.cliAnalyzeApproximateRange, ["value": String(approximate)])
      }
      guard chosen.contains(.betweenness) else {
        throw OptionError.make(.cliAnalyzeApproximateNeedsBetweenness, ["metrics": names])
      }
    }
    guard confidence > 0 && confidence < 1 else {
      throw OptionError.make(.cliAnalyzeConfidenceRange, ["value": String(confidence)])
    }
    if certifyTop < 0 { throw OptionError.atLeast("--certify-top", 0) }
  }

  func run() throws {
    let network = try analysis.load(file)
    let graph = analysis.graph(of: network)
    let language = analysis.language(for: network)
    let words = Words(language)
    if approximate != nil && graph.isWeighted {
      Terminal.error(words(.cliError, ["message": words(.cliAnalyzeApproximateWeighted)]))
      throw ExitCode(1)
    }
    Interrupt.install()
    let chosen = try chosenMetrics()
    var exact = Set(chosen)
    if approximate != nil { exact.remove(.betweenness) }
    var centrality = analysis.centrality(
      of: graph, metrics: exact, language: language, stop: { Interrupt.isRequested })
    var estimate: ApproximateBetweenness.Result?
    if let approximate, !Interrupt.isRequested {
      estimate = analysis.approximateBetweenness(
        of: graph, epsilon: approximate, confidence: confidence, seed: seed, certifyTop: certifyTop, language: language,
        stop: { Interrupt.isRequested })
      if let estimate { centrality.betweenness = estimate.values }
    }
    if approximate != nil && estimate == nil { centrality.stopped.insert(.betweenness) }
    let finished = chosen.filter { !centrality.stopped.contains($0) }
    if !centrality.stopped.isEmpty {
      let missing = chosen.filter(centrality.stopped.contains).map { $0.label(language) }
      if finished.isEmpty {
        Terminal.error(words(.cliAnalyzeStoppedNothing))
        throw ExitCode(130)
      }
      Terminal.error(words(.cliAnalyzeStopped, ["metrics": words.list(missing)]))
    }
    let result = CentralityOutput(
      network: network, graph: graph, centrality: centrality, metrics: finished,
      approximation: estimate)
    let sortBy = self.sortBy ?? (finished.contains(.betweenness) ? .betweenness : finished[0])
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
    if !centrality.stopped.isEmpty { throw ExitCode(130) }
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
