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
      for diagnostic in result.diagnostics where !(quiet && diagnostic.severity == .warning) {
        Terminal.error(diagnostic.description)
      }
      let count = result.diagnostics.count { $0.severity == .error }
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
    let inPlace = output == nil || sameFile(target, into)
    if inPlace && merged == network {
      Terminal.error(words(.cliMergeUnchanged, ["file": into]))
      return
    }
    if inPlace && !force && NetworkFileFormat(path: into) != .json, hasComments(into) {
      Terminal.error(words(.cliError, ["message": words(.cliMergeComments, ["file": into])]))
      throw ExitCode(1)
    }
    if !inPlace && !force && access(target, F_OK) == 0 {
      Terminal.error(words(.cliError, ["message": words(.cliMergeExists, ["file": target])]))
      throw ExitCode(1)
    }
    let format = NetworkFileFormat(path: target) ?? .yaml
    let text = format == .json ? NetworkWriter.json(merged) : NetworkWriter.yaml(merged)
    let check = NetworkReader.parse(bytes: Array(text.utf8), file: target, format: format)
    let problems = check.diagnostics.filter { $0.severity == .error }
    guard check.network != nil, problems.isEmpty else {
      for problem in problems { Terminal.error(words(.cliInternalError, ["message": "\(problem)"])) }
      Terminal.error(words(.cliMergeNotReadBack))
      throw ExitCode(1)
    }
    do {
      try AtomicFile.write(text, to: target)
    } catch {
      Terminal.error(words(.cliError, ["message": "\(error)"]))
      throw ExitCode(1)
    }
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

  /// Whether two paths name the same file (both existing).
  private func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return a == b }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  /// Whether the YAML file at `path` has a comment. Unreadable files count as none (reading
  /// them has already failed or will).
  private func hasComments(_ path: String) -> Bool {
    guard let fd = Optional(open(path, O_RDONLY)), fd >= 0 else { return false }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return YAMLComments.present(in: String(decoding: bytes, as: UTF8.self))
  }
}

/// Finds comments in YAML text without a full parser: a `#` at the start of a line or after a
/// space or tab, outside quoted scalars and block scalars (`|`, `>`). A quote opens a quoted
/// scalar only where a scalar can start (line start, after `: `, `- `, `[`, `{`, `,`).
enum YAMLComments {
  static func present(in text: String) -> Bool {
    var blockIndent: Int?  // inside a block scalar: lines indented more than this
    var quote: Character?  // inside a quoted scalar (which may span lines)
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if quote == nil, let block = blockIndent {
        if content.allSatisfy({ $0 == " " }) || indent > block { continue }
        blockIndent = nil
      }
      var previous: Character = " "
      var lastNonSpace: Character?
      var spaceAfterIndicator = false
      var escaped = false
      for c in content {
        if let open = quote {
          if open == "\"" {
            if escaped {
              escaped = false
            } else if c == "\\" {
              escaped = true
            } else if c == "\"" {
              quote = nil
            }
          } else if c == "'" {
            quote = nil  // '' inside single quotes closes and reopens: same result
          }
          previous = c
          lastNonSpace = c
          continue
        }
        if c == "#" && (previous == " " || previous == "\t") { return true }
        if c == "\"" || c == "'" {
          let canStart: Bool
          switch lastNonSpace {
          case nil: canStart = true
          case "["?, "{"?, ","?: canStart = true
          case ":"?, "-"?, "?"?: canStart = spaceAfterIndicator
          default: canStart = false
          }
          if canStart { quote = c }
        }
        if c == " " || c == "\t" {
          if let last = lastNonSpace, ":-?".contains(last) { spaceAfterIndicator = true }
        } else {
          lastNonSpace = c
          spaceAfterIndicator = false
        }
        previous = c
      }
      if quote == nil {
        let last = content.split(separator: " ").last.map(String.init) ?? ""
        if let first = last.first, first == "|" || first == ">",
          last.dropFirst().allSatisfy({ "+-0123456789".contains($0) })
        {
          blockIndent = indent
        }
      }
    }
    return false
  }
}
