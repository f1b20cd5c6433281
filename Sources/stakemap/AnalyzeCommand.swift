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
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "Output format: table, json or csv.")
  var format: Format = .table

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
    switch format {
    case .json: text = result.json()
    case .csv: text = result.csv()
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
