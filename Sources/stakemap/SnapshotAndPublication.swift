import ArgumentParser
import StakeMap

extension PartialDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

extension NetworkLoading {
  /// Loads `path` like ``load(_:quiet:lang:)`` and, with `asOf`, returns the network as of
  /// that date (``Network/snapshot(asOf:)``). Dates in the file that cannot be read are
  /// reported like any other error, with file:line:column, and nothing is written.
  static func load(_ path: String, quiet: Bool, lang: Language?, asOf: PartialDate?) throws -> Network {
    let network = try load(path, quiet: quiet, lang: lang)
    guard let asOf else { return network }
    let (snapshot, diagnostics) = network.snapshot(asOf: asOf)
    let errors = Terminal.report(diagnostics, quiet: quiet, lang: lang)
    guard let snapshot else {
      let words = MessageLanguage.words(nil, chosen: lang)
      Terminal.error(
        words(
          .cliFileNothingWritten,
          ["file": path, "problems": words.count(errors, one: .cliErrorsOne, other: .cliErrorsOther)]))
      throw ExitCode(1)
    }
    return snapshot
  }
}

extension AnalysisOptions {
  /// The command's network: read, checked, and as of `--as-of` when given.
  func load(_ file: String) throws -> Network {
    try NetworkLoading.load(file, quiet: quiet, lang: lang, asOf: asOf)
  }
}

/// `--pseudonymise`, `--drop-persons`, `--redact-evidence`: the options of `publish`, also on
/// `render` and `report` (docs/PUBLISHING.md). The work is ``Publication/make(_:options:language:)``.
struct PublicationFlags: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Give actors of these types (comma-separated, e.g. initiative,association) numbered pseudonyms: 'Initiative 1', 'Initiative 2', … (stable: numbered in file order).",
      valueName: "types"))
  var pseudonymise: String?

  @Flag(help: "Remove person names (titled names such as 'Frau Dr. Müller', and contact/person attributes) from every text and quote.")
  var dropPersons = false

  @Flag(help: "Replace every evidence quote by its source reference (title and date of the source).")
  var redactEvidence = false

  /// The actor types of `--pseudonymise`; an unknown type is an error naming the known ones.
  func types() throws -> Set<ActorType> {
    guard let pseudonymise else { return [] }
    var types: Set<ActorType> = []
    for part in pseudonymise.split(separator: ",") {
      let name = part.trimmingCharacters(in: " ")
      guard let type = ActorType.term(name) else {
        throw OptionError.make(
          .publishUnknownType,
          ["type": name, "types": ActorType.allCases.map(\.rawValue).joined(separator: ", ")])
      }
      types.insert(type)
    }
    return types
  }

  func options() throws -> PublicationOptions {
    PublicationOptions(pseudonymise: try types(), dropPersons: dropPersons, redactEvidence: redactEvidence)
  }

  func validate() throws { _ = try types() }

  /// `network` made safe to publish (unchanged when no option is given).
  func apply(_ network: Network, language: Language) throws -> Publication {
    Publication.make(network, options: try options(), language: language)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in c: Character) -> String {
    var s = self
    while s.first == c { s.removeFirst() }
    while s.last == c { s.removeLast() }
    return String(s)
  }
}

extension AnalysisOptions {
  /// A printed map's title: the title (`--title` or the network's) with the date of its data,
  /// `--as-of` or else the latest date in the file ("Gemeinsam wohnen – Stand 2024-06").
  func mapTitle(_ title: String?, network: Network, words: Words) -> String? {
    let base = title ?? network.info.title
    guard let date = asOf ?? network.dataDate, !base.isEmpty else { return title }
    return words(.mapTitleAsOf, ["title": base, "date": date.text])
  }
}
extension Paper: ExpressibleByArgument {}
