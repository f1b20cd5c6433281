import ArgumentParser
import StakeMap

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "What changed between two versions of a network: actors, ties, figures, and a map of both.",
    discussion: """
      Compares OLD with NEW (two files, or two dates of one file) and lists actors added, \
      removed and renamed, relations added, removed and changed (status planned → \
      existing, kind, weight, direction), the network's figures before and after, and \
      the centrality of the actors that changed most, largest change first, in the \
      network's language (--lang overrides).

      Actors are matched by id, then by name the way 'stakemap merge' recognises one \
      organisation written differently ('piano e. V.' and 'Piano e.V.', a short name or \
      an alias): a renamed actor keeps its history.

      Formats: --format text (default), json (keys actors {added, removed, renamed}, \
      relations {added, removed, changed}, metrics {ID: {before, after}}, summary), md, \
      html. The format also follows -o's extension; .svg, .png and .pdf write the diff map: \
      one layout for both versions (actors in both keep their place), added actors and \
      ties green, removed ones grey and dashed, with a legend. The HTML page holds the map; \
      the Markdown gets it beside it as NAME-map.svg.

      Two dates of one file: relations carry 'since' and 'until', events a 'date'; \
      --old-as-of and --new-as-of take the network as it stood on each date.

      Examples:
        stakemap diff runder-tisch-2022.yaml workshop-3-2024.yaml
        stakemap diff old.yaml new.yaml --format json -o changes.json
        stakemap diff old.yaml new.yaml -o changes.html
        stakemap diff old.yaml new.yaml -o changes.svg
        stakemap diff net.yaml --old-as-of 2022-12-31 --new-as-of 2024-06-30 -o changes.md
        stakemap diff big-old.json big-new.json --metrics degree,betweenness,pagerank

      Speed: two versions of 10,000 actors and 50,000 ties take about a second; betweenness \
      (exact) adds many seconds there, so above 5,000 actors it is compared only when \
      --metrics names it.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, md, html
  }

  @Argument(help: "The older version (.yaml, .yml or .json).")
  var old: String

  @Argument(help: "The newer version (default: OLD again, for two dates of one file).")
  var new: String?

  @Option(help: ArgumentHelp("text, json, md or html (default: from -o's extension, else text).", valueName: "format"))
  var format: Format?

  @Option(name: .shortAndLong, help: "Write to this file (atomically): .txt, .json, .md, .html, or the map alone as .svg, .png or .pdf.")
  var output: String?

  @Option(help: ArgumentHelp("The older version as of this date (2022, 2022-11, 2022-11-28).", valueName: "date"))
  var oldAsOf: PartialDate?

  @Option(help: ArgumentHelp("The newer version as of this date.", valueName: "date"))
  var newAsOf: PartialDate?

  @Option(help: ArgumentHelp("Actors in the centrality table (0: every actor that changed).", valueName: "n"))
  var top: Int = 20

  @Option(
    help: ArgumentHelp(
      "Centrality measures to compare, comma-separated (default: degree,strength,betweenness,eigenvector,pagerank; above 5,000 actors without betweenness, which would take many seconds).",
      valueName: "list"))
  var metrics: String?

  func metricList() throws -> [Metric]? {
    guard let metrics else { return nil }
    return try metrics.split(separator: ",").map { name in
      guard let metric = Metric(rawValue: String(name)) else {
        throw OptionError.make(
          .diffUnknownMetric, ["metric": String(name), "metrics": Metric.allCases.map(\.rawValue).joined(separator: ", ")])
      }
      return metric
    }
  }

  @Option(help: ArgumentHelp("Size the diff map for printing: a4 or a3 (landscape).", valueName: "paper"))
  var paper: Paper?

  @OptionGroup var analysis: AnalysisOptions

  enum Output { case document(Format), map(RenderFormat) }

  func kind() throws -> Output {
    let ext = output.flatMap(OptionError.fileExtension)
    switch ext {
    case "svg": return .map(.svg)
    case "png": return .map(.png)
    case "pdf": return .map(.pdf)
    default: break
    }
    if let format { return .document(format) }
    switch ext {
    case nil, "txt", "text": return .document(.text)
    case "json": return .document(.json)
    case "md", "markdown": return .document(.md)
    case "html", "htm": return .document(.html)
    default:
      throw OptionError.format(
        of: output ?? "", extension: ext,
        formats: [".txt", ".json", ".md", ".html", ".svg", ".png", ".pdf"])
    }
  }

  func validate() throws {
    _ = try kind()
    if top < 0 { throw OptionError.atLeast("--top", 0) }
    _ = try metricList()
    if new == nil && oldAsOf == nil && newAsOf == nil && analysis.asOf == nil {
      throw OptionError.make(.diffNeedsTwo)
    }
  }

  func run() throws {
    let newFile = new ?? old
    let oldDate = oldAsOf ?? analysis.asOf
    let newDate = newAsOf ?? analysis.asOf
    let before = try NetworkLoading.load(old, quiet: analysis.quiet, lang: analysis.lang, asOf: oldDate)
    let after =
      newFile == old && oldDate == newDate
      ? before
      : try NetworkLoading.load(newFile, quiet: analysis.quiet, lang: analysis.lang, asOf: newDate)
    let language = analysis.language(for: after)
    let words = Words(language)
    let kind = try kind()
    let mapFile = output.flatMap { path -> String? in
      guard case .document(.md) = kind else { return nil }
      return MarkdownMapFiles.beside(path).svg
    }
    let directory = output.map { $0.contains("/") ? String($0[...$0.lastIndex(of: "/")!]) : "" } ?? ""
    let outputs = (output.map { [$0] } ?? []) + (mapFile.map { [directory + $0] } ?? [])
    try OutputDestination.refuseInputs(outputs, inputs: [old, newFile], language: language)

    func label(_ file: String, _ date: PartialDate?) -> String {
      date.map { words(.diffAsOf, ["file": file, "date": $0.text]) } ?? file
    }
    var mapOptions = MapOptions(language: language, seed: 1)
    mapOptions.title = words(
      .mapDiffTitle,
      [
        // A printed map names the date of its data: --as-of, else the latest date in the file.
        "title": after.info.title, "old": label(old, oldDate ?? before.dataDate),
        "new": label(newFile, newDate ?? after.dataDate),
      ])
    func map(_ format: RenderFormat) throws -> [UInt8] {
      do {
        let result = try DiffMap.render(
          NetworkDiff(old: before, new: after), options: mapOptions, format: format, paper: paper)
        for warning in result.warnings where !analysis.quiet {
          Terminal.error(words(.cliGraphvizWarning, ["warning": warning]))
        }
        return result.bytes
      } catch {
        Terminal.error(
          words(.cliError, ["message": words(.cliReportMapFailed, ["file": newFile, "reason": failureReason(error, language: language)])]))
        throw ExitCode(1)
      }
    }
    if case .map(let format) = kind, let output {
      try OutputDestination.write([(output, try map(format))], inputs: [old, newFile], language: language)
      return
    }
    let chosen = try metricList()
    let comparison = VersionComparison(old: before, new: after, metrics: chosen, threads: analysis.threads)
    if chosen == nil, !comparison.metrics.contains(.betweenness), !analysis.quiet {
      Terminal.error(
        words(.diffNoBetweenness, ["limit": words.integer(VersionComparison.betweennessActorLimit)]))
    }
    let text = VersionComparisonText(
      comparison, language: language, oldLabel: label(old, oldDate), newLabel: label(newFile, newDate),
      limit: top)
    let drawable = before.actors.count + after.actors.count <= RenderLimits().maxNodes
    var files: [(path: String, bytes: [UInt8])] = []
    let body: String
    switch kind {
    case .document(.json): body = text.json()
    case .document(.text), .map: body = text.text()
    case .document(.md):
      if let mapFile, drawable {
        files.append((directory + mapFile, try map(.svg)))
        body = text.markdown(mapFile: mapFile)
      } else {
        body = text.markdown(mapFile: nil)
      }
    case .document(.html):
      let svg = drawable ? String(decoding: try map(.svg), as: UTF8.self) : nil
      body = text.html(mapSVG: svg.map(Self.inlineSVG), generator: "StakeMap \(StakeMapVersion.string)")
    }
    guard let output, output != "-" else {
      Terminal.out(body)
      return
    }
    files.append((output, Array(body.utf8)))
    try OutputDestination.write(files, inputs: [old, newFile], language: language)
    if !analysis.quiet { Terminal.error(words(.diffDone, ["file": output])) }
  }

  /// The SVG without its XML prolog and doctype, for inline use in HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return svg }
    return String(svg[start.lowerBound...])
  }
}
