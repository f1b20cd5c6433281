/// Renders ``DOTGraph``s with Graphviz linked in-process.
///
///     let graph = DOTGraph(nodes: [DOTNode(id: "a"), DOTNode(id: "b")],
///                          edges: [DOTEdge(from: "a", to: "b")])
///     let result = try Graphviz.render(graph, engine: .dot, format: .svg)
///     // result.bytes: the SVG; result.warnings: non-fatal Graphviz messages
///
/// Guarantees:
/// - **Thread-safe**: every Graphviz call in the process goes through one lock
///   (``GraphvizContext``), so renders from concurrent tasks are serialized; each call blocks
///   its thread for the duration of the render (and of the renders queued before it).
/// - **Byte-identical** output for identical input and engine on the same Graphviz build and
///   fonts, for every ``RenderFormat`` (PDF creation dates are normalised; see
///   ``RenderFormat``) and every engine except ``LayoutEngine/fdp`` (a Graphviz 2.42 bug; see
///   ``LayoutEngine``). For neato and sfdp this relies on ``GraphAttributes/start`` being a
///   fixed seed, which is its default. Text is measured with the installed fonts
///   (fontconfig/pango), so other fonts mean other coordinates.
/// - **Errors don't stick**: a failed render throws a ``GraphvizError`` with Graphviz's message
///   and leaves the library ready for the next render.
/// - **No raw DOT**: only typed graphs are accepted (and only inside the package: users of the
///   StakeMap library render through maps and reports), because raw DOT can make Graphviz
///   read local files (`image`, `<IMG>`, `shapefile`) and inject markup into SVG (`URL`,
///   `stylesheet`) (../shared/notes/graphviz.md §2.6). The raw entry point is `@_spi(Testing)`.
///
/// Not guaranteed: a time limit. A layout cannot be interrupted; bound the input with
/// ``RenderLimits`` and the engine choice (``LayoutEngine``), or render in a worker process.
public enum Graphviz {
  /// Lays out `graph` with `engine` and renders it as `format`.
  ///
  /// - Parameters:
  ///   - graph: The document; written with ``DOTWriter``.
  ///   - engine: The layout engine (default `dot`).
  ///   - format: The output format (default SVG).
  ///   - limits: Caps on nodes, edges and bitmap size.
  /// - Returns: The rendered bytes and Graphviz's warnings.
  /// - Throws: ``GraphvizError`` with the stage that failed and Graphviz's message.
  /// - Complexity: dominated by the layout engine; see ``LayoutEngine``.
  package static func render(
    _ graph: DOTGraph, engine: LayoutEngine = .dot, format: RenderFormat = .svg,
    limits: RenderLimits = RenderLimits()
  ) throws(GraphvizError) -> RenderResult {
    // Fail before writing megabytes of DOT; the parsed graph is checked again (it also
    // contains undeclared edge endpoints).
    guard graph.declaredNodeCount <= limits.maxNodes else {
      throw GraphvizError(
        stage: .limits,
        message: "\(graph.declaredNodeCount) nodes exceed the limit of \(limits.maxNodes)",
        limit: .nodes(count: graph.declaredNodeCount, limit: limits.maxNodes))
    }
    guard graph.edges.count <= limits.maxEdges else {
      throw GraphvizError(
        stage: .limits, message: "\(graph.edges.count) edges exceed the limit of \(limits.maxEdges)",
        limit: .edges(count: graph.edges.count, limit: limits.maxEdges))
    }
    return try renderDOT(DOTWriter.write(graph), engine: engine, format: format, limits: limits)
  }

  /// Renders raw DOT text. Test hook only: raw DOT is not public API because it can read local
  /// files; forbidden attributes and HTML `<IMG>` are rejected here as a second line of defence.
  @_spi(Testing) public static func render(
    dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg,
    limits: RenderLimits = RenderLimits()
  ) throws(GraphvizError) -> RenderResult {
    if dot.lowercased().contains("<img") {
      throw GraphvizError(
        stage: .limits, message: "HTML <IMG> is not allowed", limit: .forbidden("<IMG>"))
    }
    return try renderDOT(dot, engine: engine, format: format, limits: limits)
  }

  /// Parses `dot` with cgraph and returns each node's `attribute` as `agget` returns it (the
  /// stored escString form), keyed by node name. Test hook for the DOT round trip.
  @_spi(Testing) public static func parsedNodeAttributes(
    dot: String, attribute: String
  ) throws(GraphvizError) -> [String: String] {
    try GraphvizContext.shared.withLock { context throws(GraphvizError) -> [String: String] in
      try context.nodeAttributes(dot: dot, attribute: attribute)
    }
  }

  /// The linked Graphviz version as it reports itself (`2.43.0` for Debian's 2.42.2).
  public static var version: String {
    GraphvizContext.shared.withLock { context in context.version() }
  }

  private static func renderDOT(
    _ dot: String, engine: LayoutEngine, format: RenderFormat, limits: RenderLimits
  ) throws(GraphvizError) -> RenderResult {
    var result = try GraphvizContext.shared.withLock { context throws(GraphvizError) -> RenderResult in
      try context.render(dot: dot, engine: engine, format: format, limits: limits)
    }
    if format == .pdf {
      // Pure Swift, so it runs after the lock is released.
      switch PDFDateNormalizer.normalize(result.bytes) {
      case .some(let normalized): result.bytes = normalized
      case .none:
        result.warnings.append(
          "Warning: PDF creation date not normalised (unexpected PDF structure); "
            + "the file is not reproducible")
      }
    }
    return result
  }
}
