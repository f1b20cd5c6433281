import ArgumentParser
import StakeMap

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Add the reviewed items of a draft to a network, recognising known actors.",
    discussion: """
      DRAFT is a network file whose items may carry review marks (from 'stakemap
      extract', by hand, or from 'stakemap import' without marks). Merged are items
      marked 'accepted' and items without a mark; 'pending' ones only with
      --include-pending; 'rejected' ones never.

      Actors are recognised, never added twice:
        1. by id, when the names agree too;
        2. by name, short name or alias, however written: 'e. V.' = 'e.V.', case,
           'ä' = 'ae', 'ß' = 'ss', 'die GWG' = 'GWG';
        3. by name without the legal form: 'piano' = 'piano e.V.'.
      When two actors of the network fit, nothing is guessed: the draft actor is
      reported as not placed. A recognised actor gains the draft's other names as
      aliases and what it lacks (short name, region, evidence, offers, needs, ...);
      its own values are kept, and differences are reported. A new actor keeps its
      id when that is free.

      Relations are placed through the recognised actors; one whose actor was not
      merged (pending, rejected, ambiguous) is reported as not placed. A relation
      the network already has (same actors and direction, kind, status, evidence)
      is not added again: merging the same draft twice changes nothing. Sources
      and topics come along when a merged item cites them.

      The report on standard error names every draft item that was added, matched,
      skipped or not placed, at its position in DRAFT.

      Writing: INTO is replaced atomically, or -o writes elsewhere. The network is
      written anew, so comments in a YAML file would be lost: merge refuses to
      rewrite a file with comments unless --force is given (or write to another
      file with -o and compare). Nothing is written when INTO would not change.

      Exit status: 0 when merged (or nothing to do); 1 when DRAFT or INTO has
      errors (all are listed) or nothing could be written, and with --strict when
      an accepted item could not be placed (then nothing is written).

      Examples:
        stakemap merge draft-000.yaml Graphs/dresden/dresden.yaml --dry-run
        stakemap merge draft-000.yaml net.yaml -o net-merged.yaml
        stakemap merge neue-akteure.yaml net.yaml --include-pending --strict

      docs/FORMAT.md, "Merging drafts", has the details.
      """)

  @Argument(help: "The reviewed draft (.yaml, .yml or .json).")
  var draft: String

  @Argument(help: "The network to add to (.yaml, .yml or .json); replaced unless -o is given.")
  var into: String

  @Option(name: .shortAndLong, help: "Write the merged network here instead of replacing INTO (.yaml, .yml or .json).")
  var output: String?

  @Flag(help: "Report what would be merged; write nothing.")
  var dryRun = false

  @Flag(help: "Also merge items marked 'pending'.")
  var includePending = false

  @Flag(help: "Fail (exit 1, write nothing) if any accepted item could not be placed.")
  var strict = false

  @Flag(help: "Rewrite INTO even though it has comments (they are lost), or replace an existing -o file.")
  var force = false

  @Flag(name: .shortAndLong, help: "Print only the summary lines of the report, and no warnings.")
  var quiet = false

  func validate() throws {
    if let output, NetworkFileFormat(path: output) == nil {
      throw OptionError.format(
        of: output, extension: OptionError.fileExtension(output), formats: [".yaml", ".yml", ".json"])
    }
  }

  func run() throws {
    var networks: [Network] = []
    var errors = 0
    for path in [draft, into] {
      let result = NetworkReader.read(path: path)
      let count = Terminal.report(result.diagnostics, quiet: quiet)
      errors += count
      if let network = result.network, count == 0 { networks.append(network) }
    }
    guard errors == 0, networks.count == 2 else {
      let words = MessageLanguage.words(nil)
      Terminal.error(
        words(.cliNothingWritten, ["problems": words.count(errors, one: .cliErrorsOne, other: .cliErrorsOther)]))
      throw ExitCode(1)
    }
    let (draftNetwork, network) = (networks[0], networks[1])
    // Messages in the language of the network merged into (``MessageLanguage``).
    let words = MessageLanguage.words(network)
    let (merged, report) = DraftMerger.merge(
      draftNetwork, into: network, options: MergeOptions(includePending: includePending))

    Terminal.error(words(.cliMergeHeading, ["draft": draft, "into": into]))
    for line in report.lines(language: words.language) where !(quiet && !line.hasPrefix("  ")) {
      Terminal.error(line)
    }
    let notPlaced = report.notPlaced.count
    if strict && notPlaced > 0 {
      Terminal.error(words.count(notPlaced, one: .cliMergeNotPlacedOne, other: .cliMergeNotPlacedOther))
      throw ExitCode(1)
    }
    let target = output ?? into
    let added = words(
      .cliMergeAdded,
      [
        "actors": words.count(
          merged.actors.count - network.actors.count, one: .cliActorsOne, other: .cliActorsOther),
        "relations": words.count(
          merged.relations.count - network.relations.count, one: .cliRelationsOne,
          other: .cliRelationsOther),
      ])
    if dryRun {
      Terminal.error(words(.cliMergeDryRun, ["added": added]))
      return
    }
    let inPlace = output == nil || FileIdentity.same(target, into)
    if inPlace && merged == network {
      Terminal.error(words(.cliMergeUnchanged, ["file": into]))
      return
    }
    // INTO is replaced on purpose; the draft never, nor INTO when it is also the draft.
    try OutputDestination.refuseInputs([target], inputs: [draft], language: words.language)
    if inPlace && !force && NetworkFileFormat(path: into) != .json,
      let bytes = try? InputFile.contents(of: into), YAMLComments.present(in: bytes)
    {
      Terminal.error(words(.cliError, ["message": words(.cliMergeComments, ["file": into])]))
      throw ExitCode(1)
    }
    if !inPlace && !force && access(target, F_OK) == 0 {
      Terminal.error(words(.cliError, ["message": words(.cliMergeExists, ["file": target])]))
      throw ExitCode(1)
    }
    let format = NetworkFileFormat(path: target) ?? .yaml
    let text = try NetworkLoading.verifiedText(
      merged, format: format, file: target, words: words, refusal: words(.cliMergeNotReadBack))
    try OutputDestination.write(
      [(target, Array(text.utf8))], inputs: [draft] + (inPlace ? [] : [into]),
      language: words.language)
    Terminal.error(
      words(
        .cliMergeWritten,
        [
          "file": target,
          "actors": words.count(merged.actors.count, one: .cliActorsOne, other: .cliActorsOther),
          "relations": words.count(
            merged.relations.count, one: .cliRelationsOne, other: .cliRelationsOther),
          "added": added,
        ]))
  }
}
