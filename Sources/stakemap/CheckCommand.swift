import ArgumentParser
import StakeMap

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate network files and list every problem with file:line:column.",
    discussion: """
      Reports all problems at once, not just the first: YAML or JSON syntax, unknown or \
      duplicate ids (with the closest existing id), unknown types, kinds and statuses, \
      weights that are not finite and positive, values of the wrong type, evidence without \
      a source. Warnings (such as a misspelt optional key) do not fail the check.

      Exit status: 0 when every file is valid, 1 when any file has an error.
      """)

  @Argument(help: "Network files (.yaml, .yml or .json).")
  var files: [String]

  @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
  var quiet = false

  func run() throws {
    var failed = false
    for file in files {
      let result = NetworkReader.read(path: file)
      let errors = Terminal.report(result.diagnostics)
      let warnings = result.diagnostics.count - errors
      if let network = result.network, errors == 0 {
        if !quiet {
          Terminal.out(
            "\(file): ok: \(network.actors.count) actors, \(network.relations.count) relations, "
              + "\(network.sources.count) sources, \(network.events.count) events"
              + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + "\n")
        }
      } else {
        failed = true
        Terminal.error(
          "\(file): \(errors) error\(errors == 1 ? "" : "s")"
            + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
      }
    }
    if failed { throw ExitCode(1) }
  }
}
