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

  @Option(
    help: ArgumentHelp(
      "The network as it stood on this date (2022, 2022-11 or 2022-11-28): relations with a later 'since' and events with a later date are left out; relations whose 'until' has passed count as ended.",
      valueName: "date"))
  var asOf: PartialDate?

  @Flag(
    help: """
      Show progress on standard error also when it is not a terminal (one line per 5 %); \
      on a terminal it is shown anyway for networks of 2,000 actors or more. Never in the output.
      """)
  var progress = false

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

  /// Only `metrics` (``Centrality/compute(_:metrics:options:)``), stopping when `stop` says so.
  func centrality(
    of graph: Graph, metrics: Set<Metric>, language: Language, stop: @escaping @Sendable () -> Bool
  ) -> Centrality {
    var options = centralityOptions(for: graph, label: Words(language)(.cliAnalyzeProgress))
    options.shouldStop = stop
    return Centrality.compute(graph, metrics: metrics, options: options)
  }

  /// Betweenness estimated within `epsilon` (``ApproximateBetweenness``); nil when stopped.
  func approximateBetweenness(
    of graph: Graph, epsilon: Double, confidence: Double, seed: UInt64, certifyTop: Int = 0,
    language: Language, stop: @escaping @Sendable () -> Bool
  ) -> ApproximateBetweenness.Result? {
    var options = centralityOptions(
      for: graph, label: Words(language)(.cliAnalyzeApproximateProgress))
    options.shouldStop = stop
    return ApproximateBetweenness.estimate(
      graph, epsilon: epsilon, confidence: confidence, seed: seed, certifyTop: certifyTop,
      options: options)
  }

  private func centralityOptions(for graph: Graph, label: String) -> CentralityOptions {
    var options = CentralityOptions()
    if let threads { options.threads = threads }
    if progress {
      let lastLine = ProgressLines()
      options.progress = { done, total in lastLine.show(label, done: done, total: total) }
    } else if graph.nodeCount >= 2_000 && Terminal.showsProgress {
      options.progress = { done, total in Terminal.progress(label, done: done, total: total) }
    }
    return options
  }
}

/// Writes command output to files atomically (`-o`) or to standard output.
///
/// Every command writes through here, so that no run writes over any of its inputs: outputs and
/// inputs are compared as files (``FileIdentity/same(_:_:)``: a symbolic or hard link to an
/// input is that input), with or without `--force`.
enum OutputDestination {
  /// Writes `text` to `path` (standard output for nil or "-"). Refuses, writing nothing, when
  /// `path` is one of the `inputs` (the same file, also through a link): `gaps net.yaml -o
  /// net.yaml` would otherwise replace the network with its own report. Messages are in
  /// `language`.
  static func write(
    _ text: String, to path: String?, inputs: [String] = [],
    language: Language = MessageLanguage.environment
  ) throws {
    guard let path, path != "-" else {
      Terminal.out(text)
      return
    }
    try write([(path, Array(text.utf8))], inputs: inputs, language: language)
  }

  /// Writes `files` as one result, all or nothing (``AtomicFile/write(_:)-([(path:bytes:)])``),
  /// after ``refuseInputs(_:inputs:language:)``. On failure the message is printed and exit
  /// status 1 thrown.
  static func write(
    _ files: [(path: String, bytes: [UInt8])], inputs: [String], language: Language
  ) throws {
    try refuseInputs(files.map(\.path), inputs: inputs, language: language)
    do {
      try AtomicFile.write(files)
    } catch {
      Terminal.error(Words(language)(.cliError, ["message": "\(error)"]))
      throw ExitCode(1)
    }
  }

  /// Exits with status 1 and a message naming both paths when an output is one of the `inputs`,
  /// or two outputs are one file. Call it before anything else that could refuse (an existing
  /// output without `--force`), so that the message points at the real problem.
  static func refuseInputs(_ outputs: [String], inputs: [String], language: Language) throws {
    let words = Words(language)
    for (index, output) in outputs.enumerated() where output != "-" {
      if let input = inputs.first(where: { FileIdentity.same($0, output) }) {
        Terminal.error(
          words(.cliError, ["message": words(.cliOutputIsInput, ["output": output, "input": input])]))
        throw ExitCode(1)
      }
      if let other = outputs[..<index].first(where: { FileIdentity.same($0, output) }) {
        Terminal.error(
          words(.cliError, ["message": words(.cliOutputsSameFile, ["first": other, "second": output])]))
        throw ExitCode(1)
      }
    }
  }
}
