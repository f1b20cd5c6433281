import ArgumentParser
import StakeMap

extension ExchangeFormat: ExpressibleByArgument {}

/// `stakemap export`: a network in the formats of the tools around StakeMap (docs/EXCHANGE.md).
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a network for Gephi, NetworkX, igraph, Kumu, Pajek, Neo4j or Spark.",
    discussion: """
      The format follows the output's extension (.graphml, .gexf, .net) or --format:
        graphml      GraphML: NetworkX, igraph, Gephi, yEd, Cytoscape
        gexf         GEXF 1.3: Gephi (and NetworkX)
        node-link    JSON as NetworkX's node_link_graph reads it
        pajek        Pajek .net: ids, direction and weights only
        kumu         Kumu's import layout: OUT-elements.csv and OUT-connections.csv
        neo4j        neo4j-admin bulk import: OUT-nodes.csv, OUT-relationships.csv
        graphframes  Spark GraphFrames: OUT-vertices.csv, OUT-edges.csv

      Every actor keeps its id, name, type (id and label), short name, region, tags,
      aliases, basis, note, evidence, source, needs and offers (topic ids), events
      (event ids) and custom attributes; every relation its kind, status, weight,
      direction, source, evidence, since, basis and note, under the same attribute
      names in every format. What a format cannot carry is listed in
      docs/EXCHANGE.md; 'stakemap import' reads all but neo4j and graphframes back.

      Files are written atomically and all or nothing; CSV cells that a spreadsheet
      would take for a formula (=, +, -, @ first) are prefixed with an apostrophe.

      Examples:
        stakemap export Graphs/dresden/dresden.yaml -o dresden.graphml
        stakemap export net.yaml -o net.json --format node-link
        stakemap export net.yaml -o k --format kumu     # k-elements.csv, k-connections.csv
        stakemap export net.yaml -o big --format neo4j  # then docs/SCALE.md
        stakemap export net.yaml -o - --format node-link | python3 my-analysis.py
      """)

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "The file to write ('-': standard output, one-file formats); for kumu, neo4j and graphframes the start of two file names.")
  var output: String

  @Option(help: ArgumentHelp("graphml, gexf, node-link, pajek, kumu, neo4j or graphframes (default: from the extension).", valueName: "format"))
  var format: ExchangeFormat?

  @Option(help: ArgumentHelp("Language of messages: de or en.", valueName: "lang"))
  var lang: Language?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("Export the network as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD): ties not yet begun or already ended are left out.", valueName: "date"))
  var asOf: PartialDate?

  @OptionGroup(title: "Publication (see 'stakemap help publish')") var publication: PublicationFlags

  @Flag(name: .shortAndLong, help: "Do not print warnings.")
  var quiet = false

  func validate() throws {
    if output == "-", (format ?? .graphml).tableSuffixes != nil {
      throw OptionError.make(.cliExportTablesToFile, ["format": format?.rawValue ?? ""])
    }
    if format == nil, ExchangeFormat(path: output) == nil {
      throw OptionError.format(
        of: output, extension: OptionError.fileExtension(output),
        formats: [".graphml", ".gexf", ".net", "--format"])
    }
  }

  func run() throws {
    let loaded = try NetworkLoading.load(file, quiet: quiet, lang: lang, asOf: asOf)
    // Pseudonymised, without persons or quotes when asked (issue 12): what leaves StakeMap for
    // other tools is what `publish` would write.
    let network = try publication.apply(loaded, language: MessageLanguage.words(loaded, chosen: lang).language).network
    let chosen = format ?? ExchangeFormat(path: output)!
    let files = ExchangeWriter.files(network, format: chosen, output: output)
    let words = MessageLanguage.words(network, chosen: lang)
    if output == "-" {
      Terminal.out(String(decoding: files[0].bytes, as: UTF8.self))
      return
    }
    try OutputDestination.write(files, inputs: [file], language: words.language)
    if !quiet {
      let counts = [
        words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther),
        words.count(network.relations.count, one: .cliRelationsOne, other: .cliRelationsOther),
      ]
      for path in files.map(\.path) {
        Terminal.error(words(.cliFileSummary, ["file": path, "summary": words.list(counts)]))
      }
    }
  }
}
