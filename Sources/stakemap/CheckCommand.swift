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

  @Option(
    name: .customLong("lang"),
    help: ArgumentHelp(
      "Language of the messages: de or en (default: the locale's for problems, the network's for the summary).",
      valueName: "lang"))
  var lang: Language?

  @Option(
    help: ArgumentHelp(
      "Also check the dates --as-of reads (relations' since/until, events' date) and count what stood on this date.",
      valueName: "date"))
  var asOf: PartialDate?

  func run() throws {
    var failed = false
    for file in files {
      let result = NetworkReader.read(path: file)
      let errors = Terminal.report(result.diagnostics, lang: lang)
      let warnings = result.diagnostics.count - errors
      let words = MessageLanguage.words(errors == 0 ? result.network : nil, chosen: lang)
      let warningCount =
        warnings > 0 ? [words.count(warnings, one: .cliWarningsOne, other: .cliWarningsOther)] : []
      var snapshotErrors = 0
      var checked = result.network
      if let asOf, let network = result.network, errors == 0 {
        let (snapshot, diagnostics) = network.snapshot(asOf: asOf)
        snapshotErrors = Terminal.report(diagnostics, lang: lang)
        checked = snapshot
      }
      if let network = checked, errors == 0, snapshotErrors == 0 {
        if !quiet {
          let counts = [
            words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther),
            words.count(network.relations.count, one: .cliRelationsOne, other: .cliRelationsOther),
            words.count(network.sources.count, one: .cliSourcesOne, other: .cliSourcesOther),
            words.count(network.events.count, one: .cliEventsOne, other: .cliEventsOther),
          ]
          Terminal.message(words(.cliCheckOk, ["file": file, "summary": words.list(counts + warningCount)]))
        }
      } else {
        failed = true
        let counts = [words.count(errors + snapshotErrors, one: .cliErrorsOne, other: .cliErrorsOther)] + warningCount
        Terminal.error(words(.cliFileSummary, ["file": file, "summary": words.list(counts)]))
      }
    }
    if failed { throw ExitCode(1) }
  }
}
