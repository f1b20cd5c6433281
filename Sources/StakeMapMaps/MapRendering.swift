import StakeMapGraphviz
import StakeMapModel
import StakeMapText

extension StakeholderMap {
  /// The resolution of PNG maps: 300 dpi, print quality.
  public static let printDPI: Double = 300

  /// The map's accessible name: "Akteurslandkarte: TITLE" / "Stakeholder map: TITLE".
  public static func accessibleTitle(for network: Network, options: MapOptions = MapOptions()) -> String {
    let title = options.title ?? network.info.title
    let words = Words(options.language)
    return title.isEmpty ? words(.mapKind) : words(.mapKindTitled, ["title": title])
  }

  /// A rendered map and what was decided on the way.
  public struct Rendering: Sendable {
    public var bytes: [UInt8]
    /// Graphviz's warnings (as Graphviz words them) and StakeMap's notes (a lowered
    /// resolution) in the map's language.
    public var warnings: [String]
    public var engine: LayoutEngine
    /// The PNG resolution used (nil for SVG and PDF).
    public var dpi: Double?
  }

  /// Builds and renders the map in one step, the way `stakemap render` and the reports do:
  /// - the engine is ``MapOptions/engine`` or the automatic choice (``engine(for:options:)``);
  /// - SVG gets a title and a description for screen readers (``SVGAccessibility``);
  /// - PNG is rendered at `dpi` (default ``printDPI``); when the bitmap would exceed the
  ///   renderer's size limit, at 150 and then 96 dpi, with a warning.
  ///
  /// - Throws: ``GraphvizError`` when Graphviz fails.
  public static func render(
    _ network: Network, options: MapOptions, format: RenderFormat, dpi: Double? = nil,
    limits: RenderLimits = RenderLimits()
  ) throws(GraphvizError) -> Rendering {
    try render(network, options: options, format: format, dpi: dpi, limits: limits, adjust: nil)
  }

  /// ``render(_:options:format:dpi:limits:)`` with a last change to the DOT document before
  /// layout (the diff map's colours, pinned positions of `--layout-from`).
  package static func render(
    _ network: Network, options: MapOptions, format: RenderFormat, dpi: Double? = nil,
    limits: RenderLimits = RenderLimits(), adjust: ((inout DOTGraph) -> Void)?
  ) throws(GraphvizError) -> Rendering {
    let engine = self.engine(for: network, options: options)
    let shownCount = visibleActors(network, options: options).count { $0 }
    if let limit = actorLimit(of: engine), shownCount > limit {
      // Graphviz cannot be interrupted once a layout runs: refuse before it starts.
      throw GraphvizError(
        stage: .limits,
        message: Words(.en)(
          .mapEngineTooLarge,
          ["engine": engine.rawValue, "actors": String(shownCount), "limit": String(limit)]),
        limit: .engineActors(engine: engine.rawValue, count: shownCount, limit: limit))
    }
    var document = self.document(for: network, options: options)
    adjust?(&document)
    switch format {
    case .png:
      let wanted = dpi ?? printDPI
      var tries = [wanted]
      for lower in [150.0, 96.0] where lower < wanted { tries.append(lower) }
      var lastError: GraphvizError? = nil
      for (k, resolution) in tries.enumerated() {
        var doc = document
        doc.attributes.dpi = resolution
        do {
          var result = try Graphviz.render(doc, engine: engine, format: .png, limits: limits)
          if k > 0 {
            result.warnings.append(
              Words(options.language)(
                .mapWarningLowerDPI, ["wanted": String(Int(wanted)), "dpi": String(Int(resolution))]))
          }
          // Graphviz's PNG carries no resolution: the pHYs chunk says it (PNGDensity).
          let bytes = PNGDensity.setting(dpi: resolution, in: result.bytes)
          return Rendering(bytes: bytes, warnings: result.warnings, engine: engine, dpi: resolution)
        } catch {
          guard case .bitmapPixels? = error.limit else { throw error }
          lastError = error
        }
      }
      throw lastError!
    case .svg:
      let result = try Graphviz.render(document, engine: engine, format: .svg, limits: limits)
      var groups: [String] = []
      if let grouping = options.clusterBy, drawsClusters(engine) {
        groups = clusters(
          network, grouping: grouping, shown: visibleActors(network, options: options),
          language: options.language
        ).names
      }
      let svg = SVGAccessibility.readableTitles(
        String(decoding: result.bytes, as: UTF8.self), names: network.actors.map(\.name),
        clusterNames: groups)
      let annotated = SVGAccessibility.annotate(
        svg, title: accessibleTitle(for: network, options: options),
        description: description(for: network, options: options),
        language: options.language.rawValue)
      var warnings = result.warnings
      if annotated == nil {
        warnings.append(Words(options.language)(.mapWarningNoAccessibility))
      }
      return Rendering(
        bytes: annotated.map { Array($0.utf8) } ?? result.bytes, warnings: warnings, engine: engine,
        dpi: nil)
    case .pdf:
      let result = try Graphviz.render(document, engine: engine, format: .pdf, limits: limits)
      return Rendering(bytes: result.bytes, warnings: result.warnings, engine: engine, dpi: nil)
    }
  }

  /// Why a render failed, in `language`: a limit with its figures from the catalogue, or
  /// Graphviz's own words (stage and message) for anything Graphviz reported.
  public static func explanation(of error: GraphvizError, language: Language) -> String {
    let words = Words(language)
    switch error.limit {
    case .nodes(let count, let limit)?:
      return words(.mapLimitNodes, ["count": words.integer(count), "limit": words.integer(limit)])
    case .edges(let count, let limit)?:
      return words(.mapLimitEdges, ["count": words.integer(count), "limit": words.integer(limit)])
    case .bitmapPixels(let count, let limit)?:
      return words(.mapLimitPixels, ["count": words.integer(count), "limit": words.integer(limit)])
    case .forbidden(let what)?:
      return words(.mapLimitForbidden, ["what": what])
    case .engineActors(let engine, let count, let limit)?:
      return words(.mapEngineTooLarge, ["engine": engine, "actors": words.integer(count), "limit": words.integer(limit)])
    case nil:
      return "\(error)"
    }
  }
}
