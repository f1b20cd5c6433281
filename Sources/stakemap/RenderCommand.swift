import ArgumentParser
import StakeMap

extension LayoutEngine: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the map of a network: SVG, PNG, PDF or DOT.",
    discussion: """
      The format follows the output file's extension: .svg (for the web and reports), .png \
      (300 dpi, for print and office documents), .pdf, or .dot (the Graphviz source, to edit \
      by hand).

      The map colours actors by type (colour-blind-safe colours, and a shape per family of \
      types: boxes for the housing industry, hexagons for the public sector, ellipses for \
      civil society), sizes them by a centrality measure, wraps long names, and carries a \
      legend. Planned ties are dashed, desired ties dotted. Hover over a node or tie in the \
      SVG to see the full name, or the kinds of tie and their evidence.

      Engines: neato (default up to 400 actors), sfdp (default above), dot (default when \
      most ties are directed), circo, twopi; fdp draws differently on every run and is not \
      suited to maps kept in git. Layouts are seeded (--seed): the same network gives the \
      same bytes.

      Examples:
        stakemap render net.yaml -o map.svg
        stakemap render net.yaml -o map.png --size-by betweenness --color-by region
        stakemap render net.yaml -o map.pdf --engine dot --lang en --no-legend
      """)

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Option(name: .shortAndLong, help: "The map to write: .svg, .png, .pdf or .dot.")
  var output: String

  @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo, twopi (default: chosen by size).")
  var engine: LayoutEngine?

  @Option(help: ArgumentHelp("Node size by this metric, or 'none'.", valueName: "metric"))
  var sizeBy: String = "degree"

  @Option(
    help: ArgumentHelp(
      "Fill colour by this actor attribute: type, region, basis or any custom key.",
      valueName: "attribute"))
  var colorBy: String = "type"

  @Option(help: "Wrap labels to lines of at most this many characters.")
  var labelWidth: Int = 18

  @Option(help: "Seed of the layout: another seed, another (equally valid) drawing.")
  var seed: Int = 1

  @Option(help: "Title in the legend (default: the network's title).")
  var title: String?

  @Flag(help: "Draw no legend.")
  var noLegend = false

  @Flag(help: "Also draw ended ties (grey).")
  var showEnded = false

  @OptionGroup var analysis: AnalysisOptions

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
      throw ValidationError(
        "cannot tell the format of '\(output)' from its extension \(ext.map { "'.\($0)'" } ?? "(none)"); use .svg, .png, .pdf or .dot")
    }
  }

  func validate() throws {
    _ = try outputKind()
    if sizeBy != "none" && Metric(rawValue: sizeBy) == nil {
      throw ValidationError(
        "unknown metric '\(sizeBy)' for --size-by; use one of \(Metric.allCases.map(\.rawValue).joined(separator: ", ")) or none")
    }
    if labelWidth < 4 { throw ValidationError("--label-width must be at least 4") }
  }

  func run() throws {
    let kind = try outputKind()
    let network = try NetworkLoading.load(file, quiet: analysis.quiet)
    let language = analysis.language(for: network)
    var options = MapOptions(
      engine: engine, colorBy: colorBy, language: language, labelWidth: labelWidth, seed: seed,
      title: title, legend: !noLegend)
    if showEnded { options.statuses.insert(.ended) }
    options.coParticipation = analysis.coParticipation
    if let metric = Metric(rawValue: sizeBy) {
      let graph = analysis.graph(of: network)
      options.sizeValues = analysis.centrality(of: graph).values(metric)
      options.sizeLabel = metric.label(language)
    }
    let document = StakeholderMap.document(for: network, options: options)
    let engine = engine ?? StakeholderMap.automaticEngine(for: network)
    let bytes: [UInt8]
    switch kind {
    case .dot:
      bytes = Array(document.dot.utf8)
    case .render(let format):
      var document = document
      if format == .png { document.attributes.dpi = 300 }
      do {
        let result = try Graphviz.render(document, engine: engine, format: format)
        for warning in result.warnings where !analysis.quiet {
          Terminal.error("graphviz: warning: \(warning)")
        }
        bytes = result.bytes
      } catch {
        Terminal.error("error: rendering \(file) with \(engine.rawValue) failed: \(error)")
        throw ExitCode(1)
      }
    }
    do {
      try AtomicFile.write(bytes, to: output)
    } catch {
      Terminal.error("error: \(error)")
      throw ExitCode(1)
    }
    if !analysis.quiet {
      Terminal.error("\(output): \(network.actors.count) actors, \(engine.rawValue) layout")
    }
  }
}
