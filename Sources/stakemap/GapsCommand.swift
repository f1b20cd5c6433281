import ArgumentParser
import StakeMap

struct GapsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps",
    abstract: "Where the network is thin, who holds it together, which new ties would help most.",
    discussion: """
      For planners. Reports, most important first:
        structure    density, components, path lengths, clustering, articulation points
                     (actors everything hangs on), bridges, local bridges, k-cores
        brokerage    Burt's constraint, effective size, efficiency, hierarchy; Gould–Fernandez
                     brokerage roles between groups
        groups       ties within and between groups (observed against expected), Krackhardt's
                     E-I index, communities (seeded Louvain) and their modularity
        fragility    what is lost if an actor drops out; the key players (KPP-Neg)
        needs        needs that another actor offers while no tie joins the two, and needs
                     nobody offers, with both quotes
        suggestions  new ties, ranked, each with its reasons: which groups or communities it
                     joins, how many shortest paths it shortens, which partners both share,
                     which need it meets

      Groups are actor types unless --group-by names another attribute (region, sector, …,
      or 'community'). With --with SCENARIO.yaml (new actors and ties, planned ties taken as
      made; see docs/FORMAT.md) every figure is shown before and after, side by side.

      Examples:
        stakemap gaps Graphs/dresden/dresden.yaml
        stakemap gaps Graphs/dresden/dresden.yaml --group-by sector --format json -o gaps.json
        stakemap gaps Graphs/dresden/dresden.yaml --with Graphs/dresden/scenario-koordinationsstelle.yaml
        stakemap gaps Graphs/dresden/dresden.yaml -o akteure.csv      # per-actor table for Excel

      CSV (--format csv, or -o FILE.csv): one row per actor with its group, community,
      core number, articulation point, clustering, brokerage (constraint, effective size,
      efficiency, hierarchy, Gould–Fernandez roles) and fragility; for Excel (byte order
      mark, ';', decimal comma) with --excel, and by default for a German network written
      to .csv (--no-excel: RFC 4180). Text cells that would start a formula get an
      apostrophe. Not with --with.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "Output format: text, json or csv (default: csv or json for -o FILE.csv/.json, else text).")
  var format: Format?

  @Flag(inversion: .prefixedNo, help: "CSV for Excel: byte order mark, ';', decimal comma (default: on for German networks written to .csv).")
  var excel: Bool?

  @Option(help: ArgumentHelp("The actor attribute that defines groups.", valueName: "attribute"))
  var groupBy: String = "type"

  @Option(help: ArgumentHelp("A scenario to compare with: extra actors and ties.", valueName: "scenario.yaml"))
  var with: String?

  @Option(help: "How many key players (KPP-Neg) to name.")
  var keyPlayers: Int = 3

  @Option(help: "How many suggested ties to list.")
  var suggestions: Int = 10

  @Option(help: "Seed of community detection (the same seed gives the same communities).")
  var seed: UInt64 = 1

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output (atomically).")
  var output: String?

  @OptionGroup var analysis: AnalysisOptions

  /// The format asked for, else the output's extension, else text.
  var chosenFormat: Format {
    if let format { return format }
    switch output.flatMap(OptionError.fileExtension) {
    case "csv": return .csv
    case "json": return .json
    default: return .text
    }
  }

  func validate() throws {
    if with != nil, chosenFormat == .csv {
      throw OptionError.make(.cliGapsCSVScenario)
    }
    if keyPlayers < 0 { throw OptionError.atLeast("--key-players", 0) }
    if suggestions < 0 { throw OptionError.atLeast("--suggestions", 0) }
  }

  func run() throws {
    let network = try analysis.load(file)
    var scenario: Scenario?
    if let with {
      let result = NetworkReader.readScenario(path: with, base: network)
      let errors = Terminal.report(result.diagnostics, quiet: analysis.quiet, lang: analysis.lang)
      guard let loaded = result.scenario else {
        let words = Words(analysis.language(for: network))
        // Last round's network given as a scenario: point to the command that compares them.
        if NetworkReader.read(path: with).network != nil {
          Terminal.error(words(.diffHintForScenario, ["file": with, "network": file]))
        }
        Terminal.error(
          words(
            .cliFileNothingWritten,
            ["file": with, "problems": words.count(errors, one: .cliErrorsOne, other: .cliErrorsOther)]))
        throw ExitCode(1)
      }
      scenario = loaded
    }
    let language = analysis.language(for: network)
    let options = GapOptions(
      groupBy: groupBy, keyPlayers: keyPlayers, suggestionCount: suggestions, seed: seed,
      ties: TieSelection(coParticipation: analysis.coParticipation), language: language,
      threads: analysis.threads)
    let before = GapReport.compute(network: network, options: options)
    let text: String
    if let scenario {
      let after = GapReport.compute(network: scenario.applied(to: network), options: options)
      let comparison = ScenarioComparison(scenario: scenario, before: before, after: after)
      text = chosenFormat == .json ? comparison.json() : comparison.text(language: language)
    } else {
      switch chosenFormat {
      case .json: text = before.json()
      case .csv: text = before.csv(excel: ExcelChoice.excel(excel, output: output, language: network.info.language))
      case .text: text = before.text(language: language)
      }
    }
    try OutputDestination.write(
      text, to: output, inputs: [file] + (with.map { [$0] } ?? []), language: language)
  }
}
