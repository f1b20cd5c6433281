import ArgumentParser
import StakeMap

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Build a network file from spreadsheets (CSV), GraphML, GEXF, node-link JSON, Pajek or Kumu.",
    discussion: """
      Save each table as CSV ('CSV UTF-8' in Excel). Commas, semicolons (German
      Excel) and tabs work, with or without a byte order mark; quoted cells may hold
      line breaks. The first line names the columns, in any order; case, spaces and
      umlaut spelling do not matter, and German names work too.

      ACTORS.csv     id, name, type (required); short, region, tags, aliases,
                     basis, note, evidence, source; needs, offers (topics,
                     separated by ';' or '|'; German: Bedarf, Angebot); other
                     columns become custom attributes (for render --color-by),
                     each reported
                     German: Kennung, Name, Typ/Art, Kürzel/kurz, Region/Ort,
                     Schlagworte, Notiz/Anmerkung, Beleg/Zitat, Quelle
      RELATIONS.csv  from, to, kind (required); weight, directed, status, since,
                     source, evidence, basis, note
                     German: Von, An/Nach/Zu, Art der Beziehung/Beziehung,
                     Gewicht, gerichtet, Status, seit, Quelle, Beleg/Zitat, Notiz
      SOURCES.csv    id, title (required); date, place, publisher, file, url
      CLAIMS.csv     (--claims) one need or offer per row: actor (id or name),
                     claim (need/offer, Bedarf/Angebot), topic (required);
                     evidence, source, basis. German: Akteur, Bedarf/Angebot,
                     Thema, Beleg, Quelle. New topics are created and reported.

      Values: from/to are actor ids. type, kind, status take the file format's
      words (housing_company, cooperation, planned, ...) or their German labels
      (Genossenschaft, Förderung, geplant, ...). directed: yes/no, ja/nein,
      true/false, 1/0 (empty: no). weight: a number > 0 (empty: 1); '1,5' works in
      files separated by ';'. tags, aliases: values separated by ';' or '|'.

      Sources: with --sources, a 'source' cell names an id (or title) of that
      table. Without it, each distinct 'source' value becomes a source titled with
      the value (reported as a warning), so that evidence always has a source.

      Every problem is reported at once as FILE:LINE:COLUMN: LINE is the line on
      which the row starts, COLUMN the number of the cell in the row (A=1, B=2,
      ...). When any row is wrong, nothing is written. The result passes 'stakemap
      check'. An existing output file is replaced only with --force (to add to a
      network, import into a new file and use 'stakemap merge').

      Examples:
        stakemap import akteure.csv beziehungen.csv -o netz.yaml --title "Netz"
        stakemap import actors.csv relations.csv --sources src.csv -o net.json
        stakemap import akteure.csv beziehungen.csv      # YAML to standard output
        stakemap import akteure.csv beziehungen.csv --claims bedarfe.csv -o netz.yaml

      docs/SPREADSHEETS.md lists every column and alias.

      Other tools' files (docs/EXCHANGE.md), by extension or --format:
        .graphml (graphml), .gexf (gexf), .net (pajek), .json (node-link:
        NetworkX's node_link_data), and Kumu's export saved as CSV (kumu: the
        elements table, then the connections table; found by its 'Label' column).
      Types, kinds and status are read by id, label or alias in either language;
      every value taken as something else (an unknown type as 'other'), every id
      changed and every attribute StakeMap cannot keep is reported as a warning.

        stakemap import gephi.gexf -o netz.yaml
        stakemap import graph.graphml -o net.yaml --title "Network"
        stakemap import elements.csv connections.csv -o net.yaml   # Kumu
        stakemap import data.json --format node-link -o net.yaml
      """)

  @Argument(help: "The actors table (CSV), or a GraphML, GEXF, node-link JSON or Pajek file, or Kumu's elements table.")
  var actors: String

  @Argument(help: "The relations table (CSV) or Kumu's connections table; optional.")
  var relations: String?

  @Option(help: ArgumentHelp("graphml, gexf, node-link, pajek or kumu (default: from the extension and the columns; CSV otherwise).", valueName: "format"))
  var format: ExchangeFormat?

  @Option(name: .shortAndLong, help: "The network file to write: .yaml, .yml or .json (default: YAML to standard output).")
  var output: String?

  @Option(help: ArgumentHelp("A sources table (CSV): id, title, date, place, publisher, file, url.", valueName: "SOURCES.csv"))
  var sources: String?

  @Option(help: ArgumentHelp("A claims table (CSV): actor, need or offer, topic, evidence, source, basis (German: Akteur, Bedarf/Angebot, Thema, Beleg, Quelle).", valueName: "CLAIMS.csv"))
  var claims: String?

  @Option(help: "The network's title (default: the actors file's name).")
  var title: String?

  @Option(help: ArgumentHelp("Language of generated text: de or en (default: de).", valueName: "lang"))
  var lang: Language?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @Flag(name: .shortAndLong, help: "Do not print warnings.")
  var quiet = false

  func validate() throws {
    // Before the extension check: `-o actors.csv` is refused for what it would do.
    if let output {
      try OutputDestination.refuseInputs(
        [output], inputs: inputs, language: MessageLanguage.words(nil, chosen: lang).language)
    }
    if let output, output != "-", NetworkFileFormat(path: output) == nil {
      throw OptionError.format(
        of: output, extension: OptionError.fileExtension(output), formats: [".yaml", ".yml", ".json"])
    }
  }

  /// The tables read.
  var inputs: [String] { [actors] + [relations, sources, claims].compactMap { $0 } }

  func run() throws {
    let before = MessageLanguage.words(nil, chosen: lang)
    if let output, output != "-", !force, access(output, F_OK) == 0 {
      Terminal.error(before(.cliError, ["message": before(.cliImportExists, ["file": output])]))
      throw ExitCode(1)
    }
    let exchange = format ?? ExchangeFormat.detect(input: actors)
    if let exchange, !exchange.isReadable {
      Terminal.error(before(.cliError, ["message": before(.cliExportNoFormat, ["format": exchange.rawValue])]))
      throw ExitCode(1)
    }
    if let exchange, sources != nil || claims != nil {
      Terminal.error(before(.cliError, ["message": before(.cliImportSpreadsheetOptions, ["format": exchange.rawValue])]))
      throw ExitCode(1)
    }
    let result: (network: Network?, diagnostics: [Diagnostic])
    if let exchange {
      result = ExchangeReader.read(
        path: actors, second: relations, format: exchange, title: title, language: lang)
    } else {
      let read = SpreadsheetImporter.read(
        actors: actors, relations: relations, sources: sources, claims: claims,
        options: .init(title: title, language: lang))
      result = (read.network, read.diagnostics)
    }
    let errors = Terminal.report(result.diagnostics, quiet: quiet, lang: lang)
    guard let network = result.network, errors == 0 else {
      Terminal.error(
        before(.cliNothingWritten, ["problems": before.count(errors, one: .cliErrorsOne, other: .cliErrorsOther)]))
      throw ExitCode(1)
    }
    let words = MessageLanguage.words(network, chosen: lang)
    let format = output.flatMap { $0 == "-" ? nil : NetworkFileFormat(path: $0) } ?? .yaml
    // The file must read back as it will be used: check what is about to be written.
    let text = try NetworkLoading.verifiedText(
      network, format: format, file: output ?? "(output)", words: words,
      refusal: words(.cliImportNotReadBack))
    try OutputDestination.write(text, to: output, inputs: inputs, language: words.language)
    if !quiet, let output, output != "-" {
      let counts = [
        words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther),
        words.count(network.relations.count, one: .cliRelationsOne, other: .cliRelationsOther),
        words.count(network.sources.count, one: .cliSourcesOne, other: .cliSourcesOther),
      ]
      Terminal.error(words(.cliFileSummary, ["file": output, "summary": words.list(counts)]))
    }
  }
}
