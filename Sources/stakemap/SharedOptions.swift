#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ArgumentParser
import StakeMap

extension Metric: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// Options every analysing command shares.
struct AnalysisOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Language of labels and messages: de or en (default: the network's language).",
      valueName: "lang"))
  var lang: Language?

  @Option(help: "Threads for the shortest-path sweeps (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Flag(name: .shortAndLong, help: "Do not print warnings about the network file.")
  var quiet = false

  @Flag(
    help: """
      Also count taking part in the same event as a tie, weighted by the number of events \
      shared (the co-participation projection of the events). Off by default: attending the \
      same workshop is not yet cooperation.
      """)
  var coParticipation = false

  /// The analysis graph: existing relations, plus co-participation when asked for.
  func graph(of network: Network) -> Graph {
    Graph(network: network, ties: TieSelection(coParticipation: coParticipation))
  }

  func validate() throws {
    if let threads, threads < 1 { throw OptionError.atLeast("--threads", 1) }
  }

  /// The language of labels and messages: `--lang`, else the network's (``MessageLanguage``).
  func language(for network: Network) -> Language { MessageLanguage.of(network, chosen: lang) }

  /// Centrality of every actor, with a progress line (in `language`) on a terminal for large
  /// networks.
  func centrality(of graph: Graph, language: Language) -> Centrality {
    Centrality.compute(
      graph, options: centralityOptions(for: graph, label: Words(language)(.cliAnalyzeProgress)))
  }

  /// One metric only (what a map's node size needs), with the same progress line.
  func values(of metric: Metric, on graph: Graph, language: Language) -> [Double] {
    metric.compute(on: graph, options: centralityOptions(for: graph, label: metric.label(language)))
  }

  private func centralityOptions(for graph: Graph, label: String) -> CentralityOptions {
    var options = CentralityOptions()
    if let threads { options.threads = threads }
    if graph.nodeCount >= 2_000 && Terminal.showsProgress {
      options.progress = { done, total in Terminal.progress(label, done: done, total: total) }
    }
    return options
  }
}

/// Writes command output to a file atomically (`-o`) or to standard output.
enum OutputDestination {
  /// Writes `text` to `path` (standard output for nil or "-"). Refuses, writing nothing, when
  /// `path` is one of the `inputs` (the same file, also through a link): `gaps net.yaml -o
  /// net.yaml` would otherwise replace the network with its own report. Messages are in
  /// `language`.
  static func write(
    _ text: String, to path: String?, inputs: [String] = [],
    language: Language = MessageLanguage.environment
  ) throws {
    let words = Words(language)
    guard let path, path != "-" else {
      Terminal.out(text)
      return
    }
    if let input = inputs.first(where: { FileIdentity.same($0, path) }) {
      Terminal.error(
        words(.cliError, ["message": words(.cliOutputIsInput, ["output": path, "input": input])]))
      throw ExitCode(1)
    }
    do {
      try AtomicFile.write(text, to: path)
    } catch {
      Terminal.error(words(.cliError, ["message": "\(error)"]))
      throw ExitCode(1)
    }
  }
}
