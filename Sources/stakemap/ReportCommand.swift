import ArgumentParser
import StakeMap

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a report for people: HTML (one self-contained file) or Markdown with the map.",
    discussion: """
      The format follows the output file's extension:

        .html  one file that works offline and as an e-mail attachment: nothing is loaded \
      from anywhere, and a Content-Security-Policy forbids it. Open it in any browser.
        .pdf   the HTML report as printed: A4, the text portrait, the map on its own \
      landscape page, no table row cut across pages, page numbers. Printed by headless \
      Chromium (apt-get install chromium; STAKEMAP_CHROMIUM=PATH names another); \
      without it the run fails and writes nothing. Printing the .html from a browser gives \
      the same pages.
        .md    Markdown for embedding in other documents; the map is written beside it as \
      NAME-map.svg and NAME-map.png (300 dpi), and the Markdown shows the SVG.

      The report holds: a summary written in the network's language (German or English; \
      --lang overrides): size, groups, who is central, where the network is fragile, the \
      three most valuable suggested new ties. Then the map with its legend (actors without \
      whom the network falls apart have a thick outline; suggested ties are dashed orange \
      and labelled V1, V2, …), the centrality table (sortable in the HTML), the gaps with \
      their reasons, a card per actor (type, ties, needs and offers, every evidence quote \
      with its source) and the list of sources.

      Every name, quote and label from the file is escaped: nothing in the data can add \
      markup or run a script. The same file gives the same bytes (no dates or clocks; the \
      layout is seeded), so reports can be committed and diffed.

      The map takes the same view options as 'render': --cluster-by, --ego/--radius, \
      --filter (the tables always cover the whole network).

      Large networks: above 5,000 actors the map is left out and the centrality table and \
      the cards show the 500 actors with the highest betweenness; the report says so, and \
      'stakemap analyze -f csv' gives every value. The exact shortest-path measures take \
      minutes there (README, "Memory and time at scale"): a progress line is shown on a \
      terminal, or with --progress; Ctrl-C stops the run and writes nothing.

      Examples:
        stakemap report Graphs/dresden/dresden.yaml -o report.html
        stakemap report Graphs/dresden/dresden.yaml -o report.md --lang en
        stakemap report net.yaml -o report.html --cluster-by sector --lang en
        stakemap report net.yaml -o report.pdf --as-of 2024-06-30
        stakemap report net.yaml -o press.html --pseudonymise initiative --drop-persons --redact-evidence
      """)

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "The report to write: .html, .md or .pdf (printed by headless Chromium).")
  var output: String

  @Option(help: "The report's title (default: the network's title).")
  var title: String?






  @Option(
    help: ArgumentHelp(
      "Mark on the map: articulation-points, suggestions, all or none (comma-separated).",
      valueName: "list"))
  var highlight: String = "all"

  @Option(help: ArgumentHelp("The actor attribute that defines groups in the gap analysis.", valueName: "attribute"))
  var groupBy: String = "type"

  @Option(help: ArgumentHelp("How many suggested new ties the report lists with their reasons.", valueName: "n"))
  var list: Int = 10

  @Flag(help: "Leave the map out (the tables and cards stay).")
  var noMap = false

  @OptionGroup(title: "Map views") var view: MapViewOptions

  @OptionGroup var style: MapStyleOptions

  @OptionGroup var analysis: AnalysisOptions

  @OptionGroup(title: "Publication (see 'stakemap help publish')") var publication: PublicationFlags

  enum Format { case html, markdown, pdf }

  func format() throws -> Format {
    let name = output.split(separator: "/").last.map(String.init) ?? output
    let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
    switch ext {
    case "html", "htm": return .html
    case "md", "markdown": return .markdown
    case "pdf": return .pdf
    default:
      throw OptionError.format(of: output, extension: ext, formats: [".html", ".md", ".pdf"])
    }
  }

  func validate() throws {
    _ = try format()
    if list < 0 { throw OptionError.atLeast("--list", 0) }
    _ = try MapViewOptions.parseHighlights(highlight)
  }

  func run() throws {
    let format = try format()
    let highlights = try MapViewOptions.parseHighlights(highlight)
    let loaded = try analysis.load(file)
    let language = analysis.language(for: loaded)
    let network = try publication.apply(loaded, language: language).network
    let words = Words(language)
    // Refused before the analysis and layout too, not only when writing.
    let sideFiles = format == .markdown && !noMap ? MarkdownMapFiles.beside(output) : nil
    let outputDirectory = output.contains("/") ? String(output[...output.lastIndex(of: "/")!]) : ""
    try OutputDestination.refuseInputs(
      (sideFiles.map { [outputDirectory + $0.svg, outputDirectory + $0.png] } ?? []) + [output],
      inputs: [file], language: language)

    var map = MapOptions(
      engine: style.engine, colorBy: style.colorBy, language: language, labelWidth: style.labelWidth, seed: style.seed,
      title: analysis.mapTitle(title, network: network, words: words))
    map.coParticipation = analysis.coParticipation
    var options = ReportOptions(
      language: language, title: title, map: map,
      sizeBy: style.sizeMetric,
      gaps: GapOptions(groupBy: groupBy, suggestionCount: max(list, view.suggestions)),
      highlightCutPoints: highlights.contains(.articulationPoints),
      mapSuggestions: highlights.contains(.suggestions) ? view.suggestions : 0,
      listedSuggestions: list, includeMap: !noMap,
      generator: "StakeMap \(StakeMapVersion.string)", threads: analysis.threads,
      coParticipation: analysis.coParticipation)
    // One gap analysis for the report and, with --cluster-by community, for the map's groups.
    var gaps: GapReport? = nil
    if view.needsGaps {
      gaps = GapReport.compute(network: network, options: options.effectiveGapOptions(language: language))
    }
    try view.apply(to: &options.map, network: network, gaps: gaps, quiet: analysis.quiet)

    // The sweeps take minutes on very large networks: computed here, with the progress line.
    let centrality = analysis.centrality(of: analysis.graph(of: network), language: language)
    let report: Report
    do {
      report = try Report.build(network: network, options: options, gaps: gaps, centrality: centrality)
    } catch {
      Terminal.error(
        words(.cliError, ["message": words(.cliReportMapFailed, ["file": file, "reason": failureReason(error, language: words.language)])]))
      throw ExitCode(1)
    }
    for warning in report.warnings where !analysis.quiet {
      Terminal.error(words(.cliGraphvizWarning, ["warning": warning]))
    }

    // Everything is rendered before anything is written: a failure leaves no partial output.
    var files: [(path: String, bytes: [UInt8])] = []
    switch format {
    case .html:
      files.append((output, Array(report.html().utf8)))
    case .pdf:
      files.append((output, try printed(report.html(), words: words)))
    case .markdown:
      let mapFiles = MarkdownMapFiles.beside(output)
      let directory = output.contains("/") ? String(output[...output.lastIndex(of: "/")!]) : ""
      if let svg = report.map {
        let png: StakeholderMap.Rendering
        do {
          png = try report.mapPNG()
        } catch {
          Terminal.error(
            words(.cliError, ["message": words(.cliReportPNGFailed, ["file": file, "reason": failureReason(error, language: words.language)])]))
          throw ExitCode(1)
        }
        for warning in png.warnings where !analysis.quiet {
          Terminal.error(words(.cliGraphvizWarning, ["warning": warning]))
        }
        files.append((directory + mapFiles.svg, svg.bytes))
        files.append((directory + mapFiles.png, png.bytes))
      }
      files.append((output, Array(report.markdown(mapFiles: report.map == nil ? nil : mapFiles).utf8)))
    }
    // All files or none: the Markdown, which shows the map, is renamed last.
    try OutputDestination.write(files, inputs: [file], language: language)
    if !analysis.quiet {
      let actors = words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther)
      let line: String
      if let map = report.map, files.count > 1 {
        line = words(
          .cliReportDoneMapBeside,
          [
            "file": output, "actors": actors, "engine": map.engine.rawValue,
            "files": words.list(files.dropLast().map(\.path)),
          ])
      } else if let map = report.map {
        line = words(.cliReportDoneMap, ["file": output, "actors": actors, "engine": map.engine.rawValue])
      } else {
        line = words(.cliReportDone, ["file": output, "actors": actors])
      }
      Terminal.error(line)
    }
  }

  /// The PDF of the report's page (``ReportPrinter``), or exit 1 with a message saying what
  /// is missing.
  func printed(_ html: String, words: Words) throws -> [UInt8] {
    do {
      return try ReportPrinter.pdf(html: html)
    } catch ReportPrinter.Failure.noBrowser {
      Terminal.error(words(.cliError, ["message": words(.reportPDFNoBrowser, ["file": output])]))
      throw ExitCode(1)
    } catch ReportPrinter.Failure.failed(let status, let detail) {
      Terminal.error(
        words(.cliError, ["message": words(.reportPDFFailed, ["file": output, "status": String(status), "detail": detail])]))
      throw ExitCode(1)
    } catch {
      Terminal.error(words(.cliError, ["message": "\(error)"]))
      throw ExitCode(1)
    }
  }
}
