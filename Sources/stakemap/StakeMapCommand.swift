#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ArgumentParser
import StakeMap

@main
struct StakeMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stakemap",
    abstract: "Stakeholder networks from workshop protocols: check, measure, map.",
    discussion: """
      A network file (YAML or JSON; see docs/FORMAT.md) lists actors (housing \
      companies, cooperatives, social organisations, offices, initiatives …) and the \
      relations between them, each with its source and a quoted piece of evidence.

      A typical session (net.yaml: e.g. Graphs/dresden/dresden.yaml):
        stakemap check   net.yaml              every problem, as file:line:column
        stakemap analyze net.yaml              who is central, as a table
        stakemap gaps    net.yaml              where the network is thin, and why
        stakemap refer   net.yaml TOPIC        who can help with a topic, and the way there
        stakemap render  net.yaml -o map.svg   the map (.svg, .png, .pdf, .dot)
        stakemap report  net.yaml -o r.html    everything, for people (.html, .md)

      Building a network:
        stakemap import  actors.csv relations.csv -o net.yaml
        stakemap import  graph.graphml -o net.yaml     also .gexf, .net, Kumu
        stakemap export  net.yaml -o net.graphml       for Gephi, NetworkX, Kumu, …
        stakemap extract protocol.txt -o draft.yaml   then review draft.yaml
        stakemap merge   draft.yaml net.yaml          adds the accepted items

      Rounds over time and the public:
        stakemap diff    old.yaml new.yaml -o changes.html   what changed, with a map
        stakemap publish net.yaml -o public.yaml --pseudonymise initiative --drop-persons

      Every command refuses a file with errors and writes nothing; output files are \
      replaced atomically, so a failed run never damages an existing file. \
      'stakemap help COMMAND' explains each command with examples.

      Messages speak the network's language (--lang overrides); before a network \
      is read, English, or German when LC_ALL, LC_MESSAGES or LANG starts with 'de'.
      """,
    version: StakeMapVersion.string,
    subcommands: [
      CheckCommand.self, AnalyzeCommand.self, GapsCommand.self, ReferCommand.self, RenderCommand.self,
      ReportCommand.self, ExtractCommand.self, ImportCommand.self, ExportCommand.self,
      MergeCommand.self, DiffCommand.self, PublishCommand.self,
    ]
  )

  /// ArgumentParser's `main`, except that its error messages (which repeat the arguments
  /// given: `--format $'\e[2J'`) reach standard error through ``Terminal/error(_:)``, made safe
  /// for the terminal like every other message. Help and version go to standard output as
  /// ArgumentParser writes them.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let text = fullMessage(for: error)
      if !text.isEmpty {
        if code == .success { Terminal.out(text + "\n") } else { Terminal.error(text) }
      }
      #if canImport(Glibc)
        Glibc.exit(code.rawValue)
      #else
        Darwin.exit(code.rawValue)
      #endif
    }
  }
}

enum StakeMapVersion {
  static let string = "0.1.0"
}
