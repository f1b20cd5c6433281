import ArgumentParser
import StakeMap

@main
struct StakeMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stakemap",
    abstract: "Stakeholder networks from workshop protocols: check, measure, map.",
    discussion: """
      A network file (YAML or JSON; see docs/FORMAT.md) lists actors (housing companies, \
      cooperatives, social organisations, offices, initiatives …) and the relations between \
      them, each with its source and a quoted piece of evidence.

      Typical session:
        stakemap check    Graphs/dresden/dresden.yaml        # every problem, with file:line:column
        stakemap analyze  Graphs/dresden/dresden.yaml        # who is central, as a table
        stakemap analyze  Graphs/dresden/dresden.yaml --format json -o centrality.json
        stakemap render   Graphs/dresden/dresden.yaml -o map.svg --size-by betweenness

      Every command refuses a file with errors and writes nothing; output files are replaced \
      atomically, so a failed run never damages an existing file.
      """,
    version: StakeMapVersion.string,
    subcommands: [
      CheckCommand.self, AnalyzeCommand.self, GapsCommand.self, RenderCommand.self,
      ReportCommand.self, ExtractCommand.self, ImportCommand.self, MergeCommand.self,
    ]
  )
}

enum StakeMapVersion {
  static let string = "0.1.0"
}
