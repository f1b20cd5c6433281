import ArgumentParser
import StakeMap

struct PublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Write a copy of a network that is safe to publish: pseudonyms, no person names, no quotes.",
    discussion: """
      The copy keeps every actor, relation, event and source with its type, kind, weight, \
      status and dates, so every figure and map stays the same; only words change:

        --pseudonymise TYPES  actors of these types (comma-separated; ids or labels such \
      as initiative, association, Initiative) become 'Initiative 1', 'Initiative 2', … \
      numbered in file order, so the numbers stay the same from run to run; their names, \
      short names and aliases are replaced in every other text too, and their own notes, \
      tags, quotes and attributes are left out.
        --drop-persons        titled names ('Frau Dr. Müller', 'Herrn Schmidt') are \
      replaced by [Person] in every text and quote; contact/person attributes are left out.
        --redact-evidence     every quote becomes '[Zitat entfernt – Quelle: TITLE, DATE]'.

      The key (pseudonym → original name) is written only when asked, with --key-file, to \
      a separate CSV file: keep it apart from the published copy. render and report take \
      the same options, so a map or report for the press can be made directly. Names \
      written without a title ('Anna Beispiel sagte …') are not recognised: see \
      docs/PUBLISHING.md.

      Examples:
        stakemap publish net.yaml -o public.yaml --pseudonymise initiative,association
        stakemap publish net.yaml -o public.yaml --pseudonymise initiative \\
            --drop-persons --redact-evidence --key-file key.csv
        stakemap render net.yaml -o press.png --pseudonymise initiative --drop-persons
      """)

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "The copy to write: .yaml, .yml or .json.")
  var output: String

  @Option(help: ArgumentHelp("Also write the pseudonyms and the names they stand for to this CSV file.", valueName: "file"))
  var keyFile: String?

  @OptionGroup(title: "Publication") var publication: PublicationFlags

  @OptionGroup var analysis: AnalysisOptions

  func validate() throws {
    if NetworkFileFormat(path: output) == nil {
      throw OptionError.format(of: output, extension: OptionError.fileExtension(output), formats: [".yaml", ".yml", ".json"])
    }
    if let keyFile, OptionError.fileExtension(keyFile) != "csv" {
      throw OptionError.format(of: keyFile, extension: OptionError.fileExtension(keyFile), formats: [".csv"])
    }
  }

  func run() throws {
    let network = try analysis.load(file)
    let language = analysis.language(for: network)
    let words = Words(language)
    let outputs = [output] + (keyFile.map { [$0] } ?? [])
    try OutputDestination.refuseInputs(outputs, inputs: [file], language: language)
    let published = try publication.apply(network, language: language)
    let text = try NetworkLoading.verifiedText(
      published.network, format: NetworkFileFormat(path: output) ?? .yaml, file: output, words: words)
    var files: [(path: String, bytes: [UInt8])] = []
    if let keyFile {
      var csv = [words(.publishKeyHeaderID), words(.publishKeyHeaderName), words(.publishKeyHeaderOriginalID), words(.publishKeyHeaderOriginalName)]
        .map(CSVText.field).joined(separator: ",") + "\n"
      for entry in published.key {
        csv += [entry.id, entry.name, entry.originalID, entry.originalName].map(CSVText.field)
          .joined(separator: ",") + "\n"
      }
      files.append((keyFile, Array(csv.utf8)))
    }
    files.append((output, Array(text.utf8)))
    try OutputDestination.write(files, inputs: [file], language: language)
    if !analysis.quiet {
      Terminal.error(
        words(
          .publishDone,
          [
            "file": output,
            "pseudonyms": words.count(published.key.count, one: .publishPseudonymsOne, other: .publishPseudonymsOther),
          ]))
    }
  }
}
