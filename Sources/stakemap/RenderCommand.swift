import ArgumentParser
import StakeMap

extension LayoutEngine: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the map of a network: SVG, PNG, PDF or DOT.",
    discussion: """
      The format follows the output file's extension: .svg (for the web and reports), .png \
      (300 dpi, stated in the file, for print and office documents), .pdf, or .dot (the \
      Graphviz source, to edit by hand). --paper a4|a3 scales the map to fill that sheet \
      (landscape); the legend carries the title, the date of the data ('Stand …': --as-of, \
      else the latest date in the file) and the filters applied.

      For the public: --pseudonymise TYPES, --drop-persons and --redact-evidence draw the \
      map of the copy 'stakemap publish' would write (see 'stakemap help publish').

      The map colours actors by type (colour-blind-safe colours, and a shape per type \
      family: boxes for the housing industry, ellipses for social organisations, hexagons for \
      municipality and administration, parallelograms for networks and initiatives, houses \
      for politics, notes for the rest), sizes them by a centrality measure, wraps long \
      names, and carries a legend. A tie's colour is its kind (funding orange, space blue, \
      …), its line style its status (planned dashed, desired dotted), its width its weight; \
      the legend explains colours, shapes and lines. Hover over a node or tie in the SVG to \
      see the full name, or the kind of tie and its evidence. The SVG carries a title and a \
      description in words for screen readers.

      Views:
        --cluster-by type|region|community|ATTR  groups as labelled boxes (dot)
        --ego ID [--radius N]      one actor and everyone N ties away
        --filter KEY=VALUE         only matching actors (repeatable)
        --highlight all            thick outline: actors without whom the
                                   network falls apart; dashed orange, V1 …:
                                   the best new ties from 'stakemap gaps'
        --view netzwerkkarte [--focus ID] [--rings distance|ATTR]
                                   the focus in the centre, six fixed sectors
                                   (type families, always in the same order),
                                   rings by steps or by an attribute; every
                                   place computed and pinned: same data, same map
        --view grid                power/interest after Mendelow from the actor
                                   attributes influence and interest (1 to 5);
                                   outlined: rating and network position disagree

      Engines: chosen by the view when --engine is not given: dot for grouped maps (it \
      draws the boxes) and when most ties are directed, twopi for ego maps (rings by \
      distance), neato up to 400 actors, sfdp beyond. circo and twopi on request; fdp draws \
      differently on every run and is not suited to maps kept in git. Layouts are seeded \
      (--seed): the same network gives the same bytes.

      Examples:
        stakemap render net.yaml -o map.svg
        stakemap render net.yaml -o map.png --size-by betweenness --color-by region
        stakemap render net.yaml -o map.svg --cluster-by sector --highlight all
        stakemap render net.yaml -o ego.svg --ego nwid --radius 2
        stakemap render net.yaml -o city.svg --filter region=Dresden
        stakemap render net.yaml -o map.pdf --engine dot --lang en --no-legend
        stakemap render net.yaml -o karte.svg --view netzwerkkarte --focus nwid
        stakemap render net.yaml -o grid.png --view grid
        stakemap render net.yaml -o print.png --paper a4 --as-of 2024-06-30
        stakemap render round-3.yaml -o map.svg --layout-from round-2.yaml
        stakemap render net.yaml -o press.svg --pseudonymise initiative --drop-persons
      """)

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "The map to write: .svg, .png, .pdf or .dot.")
  var output: String






  @Option(help: "Title in the legend (default: the network's title).")
  var title: String?

  @Option(help: "PNG resolution in dots per inch (36 to 600).")
  var dpi: Double = StakeholderMap.printDPI

  @Option(
    help: ArgumentHelp(
      "Size the map for printing on this paper, landscape: a4 or a3 (the drawing fills the sheet; PNG keeps --dpi).",
      valueName: "paper"))
  var paper: Paper?

  @Option(
    help: ArgumentHelp(
      "Keep the layout of another version's map: actors found in OTHER (by id, then by name) keep their place; new ones are placed around them (engine neato).",
      valueName: "other"))
  var layoutFrom: String?

  @Flag(help: "Draw no legend.")
  var noLegend = false

  @Flag(help: "Also draw ended ties (grey).")
  var showEnded = false

  @Option(
    help: ArgumentHelp(
      "Mark results of the gap analysis: articulation-points, suggestions, all or none (comma-separated).",
      valueName: "list"))
  var highlight: String = "none"

  @OptionGroup(title: "Map views") var view: MapViewOptions

  @OptionGroup(title: "Fixed views") var pinnedView: PinnedViewOptions

  @OptionGroup var style: MapStyleOptions

  @OptionGroup var analysis: AnalysisOptions

  @OptionGroup(title: "Publication (see 'stakemap help publish')") var publication: PublicationFlags

  enum OutputKind { case render(RenderFormat), dot }

  func outputKind() throws -> OutputKind {
    let ext = output.split(separator: "/").last.flatMap { name in
      name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
    }
    switch ext {
    case "svg": return .render(.svg)
    case "png": return .render(.png)
    case "pdf": return .render(.pdf)
    case "dot", "gv": return .dot
    default:
      throw OptionError.format(of: output, extension: ext, formats: [".svg", ".png", ".pdf", ".dot"])
    }
  }

  func validate() throws {
    _ = try outputKind()
    if !(36...600).contains(dpi) { throw OptionError.make(.cliOptionBetween, ["option": "--dpi", "min": "36", "max": "600"]) }
    _ = try MapViewOptions.parseHighlights(highlight)
  }

  func run() throws {
    let kind = try outputKind()
    let highlights = try MapViewOptions.parseHighlights(highlight)
    let loaded = try analysis.load(file)
    let language = analysis.language(for: loaded)
    let network = try publication.apply(loaded, language: language).network
    let words = Words(language)
    let inputs = [file] + (layoutFrom.map { [$0] } ?? [])
    // Refused before any analysis too, not only when writing.
    try OutputDestination.refuseInputs([output], inputs: inputs, language: language)
    // The other version as written: its map is laid out only to read positions (never
    // written), matched against this network before publication changes any name.
    let other = try layoutFrom.map { try NetworkLoading.load($0, quiet: analysis.quiet, lang: analysis.lang) }
    // Fail before any analysis when Graphviz would refuse the map anyway.
    let limit = RenderLimits().maxNodes
    if case .render = kind, view.ego == nil, view.filters.isEmpty, network.actors.count > limit {
      let actors = words.count(network.actors.count, one: .cliActorsOne, other: .cliActorsOther)
      Terminal.error(
        words(.cliError, ["message": words(.cliRenderTooLarge, ["actors": actors, "limit": words.integer(limit)])]))
      throw ExitCode(1)
    }
    var options = MapOptions(
      engine: style.engine, colorBy: style.colorBy, language: language, labelWidth: style.labelWidth, seed: style.seed,
      title: analysis.mapTitle(title, network: network, words: words), legend: !noLegend)
    if showEnded { options.statuses.insert(.ended) }
    options.coParticipation = analysis.coParticipation
    if let metric = style.sizeMetric {
      let graph = analysis.graph(of: network)
      options.sizeValues = analysis.values(of: metric, on: graph, language: language)
      options.sizeLabel = metric.label(language)
    }
    var gaps: GapReport? = nil
    if !highlights.isEmpty || view.needsGaps {
      gaps = GapReport.compute(
        network: network,
        options: GapOptions(
          suggestionCount: max(view.suggestions, 1),
          ties: TieSelection(coParticipation: analysis.coParticipation), language: language,
          threads: analysis.threads))
    }
    try view.apply(to: &options, network: network, gaps: gaps, quiet: analysis.quiet)
    try pinnedView.apply(to: &options, network: network, file: file, mapView: view, engine: style.engine)
    view.applyHighlights(highlights, to: &options, gaps: gaps)
    let engine = layoutFrom == nil ? StakeholderMap.engine(for: network, options: options) : .neato
    let bytes: [UInt8]
    switch kind {
    case .dot:
      bytes = Array(StakeholderMap.document(for: network, options: options).dot.utf8)
    case .render(let format):
      do {
        let result =
          try other.map {
            try LayoutReuse.render(
              network, from: $0, matching: loaded, options: options, format: format, dpi: format == .png ? dpi : nil,
              paper: paper)
          }
          ?? StakeholderMap.render(
            network, options: options, format: format, dpi: format == .png ? dpi : nil, paper: paper)
        for warning in result.warnings where !analysis.quiet {
          Terminal.error(words(.cliGraphvizWarning, ["warning": warning]))
        }
        bytes = result.bytes
      } catch {
        let message = words(
          .cliRenderFailed, ["file": file, "engine": engine.rawValue, "reason": failureReason(error, language: words.language)])
        Terminal.error(words(.cliError, ["message": message]))
        throw ExitCode(1)
      }
    }
    try OutputDestination.write([(output, bytes)], inputs: inputs, language: language)
    if !analysis.quiet {
      let shown = StakeholderMap.visibleActors(network, options: options).count { $0 }
      let total = network.actors.count
      let count =
        shown == total
        ? words.count(shown, one: .cliActorsOne, other: .cliActorsOther)
        : words.count(shown, one: .cliActorsOfOne, other: .cliActorsOfOther, ["total": words.integer(total)])
      Terminal.error(words(.cliRenderDone, ["file": output, "actors": count, "engine": engine.rawValue]))
    }
  }
}
