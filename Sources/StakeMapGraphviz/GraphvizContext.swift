internal import CGraphviz
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's single Graphviz context, reachable only through ``shared``'s lock.
///
/// Why it looks like this (../shared/notes/graphviz.md §0, §2.2, §2.3, §3.4):
/// - cgraph and gvc are not thread-safe, not even with one context per thread and separate
///   graphs (4 threads crashed 5 of 5 runs; cdt's splay trees reorganise on lookups). So every
///   call into the C library, including `gvContext()`, happens inside ``shared``'s
///   `withLock`. Swift Testing runs tests in parallel, so this matters for the tests too.
/// - `gvContext()`/`gvFreeContext()` leaks about 8.6 kB per pair, so the context is created
///   lazily on first use and never freed.
/// - cgraph reports errors through a process-wide callback and a *sticky* `agerrors()`
///   level. The callback installed here appends to ``diagnostics``, which is only touched with
///   the lock held; each render clears it and calls `agreseterrors()` first, so one failed
///   render cannot fail the next. ``DOTReader`` likewise resets the DOT lexer's buffer and
///   line counter, which are process-wide too.
/// - Layout engines draw from libc's global `drand48()`/`rand()` state, so each render reseeds
///   it first, and parsing uses ``DOTReader`` so that cluster order does not depend on heap
///   addresses. Both are needed for byte-identical output within one process.
///
/// The struct is `~Copyable` so the `GVC_t` pointer cannot escape the lock by copy.
struct GraphvizContext: ~Copyable {
  /// The lock around the process's only Graphviz context.
  static let shared = Mutex(GraphvizContext())

  /// Text reported by Graphviz since the last reset; fragments arrive as `"Error"`, `": "`,
  /// then the formatted message (lib/cgraph/agerror.c `userout`). Only accessed under
  /// ``shared``'s lock, which is why the unchecked annotation is sound.
  nonisolated(unsafe) static var diagnostics = ""

  /// The `GVC_t*`, created on first use.
  private var gvc: OpaquePointer?

  private init() {
    gvc = nil
  }

  /// Returns the context, creating it (and installing the error callback) on first use.
  mutating func context() throws(GraphvizError) -> OpaquePointer {
    if let gvc { return gvc }
    // Install the callback first so that messages from plugin loading are captured too.
    _ = agseterrf(captureDiagnostic)
    _ = agseterr(AGWARN)
    GraphvizContext.diagnostics = ""
    guard let created = gvContext() else {
      throw GraphvizError(
        stage: .layout,
        message: "gvContext() failed" + GraphvizContext.reported(GraphvizContext.diagnostics))
    }
    gvc = created
    return created
  }

  /// The Graphviz version string, e.g. `2.43.0`.
  mutating func version() -> String {
    guard let gvc = try? context(), let text = gvcVersion(gvc) else { return "unknown" }
    return String(cString: text)
  }

  /// Parses, lays out and renders `dot`, in the order and with the cleanup the notes require:
  /// parse (``DOTReader``, i.e. `agmemread` with creation-order IDs) → `gvLayout` →
  /// `gvRenderData` → `gvFreeRenderData` → `gvFreeLayout` → `agclose`, each release deferred
  /// so it runs on every exit path (and `gvFreeLayout` even when rendering failed).
  ///
  /// - Returns: the rendered bytes and the warnings Graphviz reported.
  /// - Throws: ``GraphvizError`` when a call returns NULL/non-zero, when `agerrors()` reports
  ///   an error, or when a limit is exceeded.
  mutating func render(
    dot: String, engine: LayoutEngine, format: RenderFormat, limits: RenderLimits
  ) throws(GraphvizError) -> RenderResult {
    let gvc = try context()
    GraphvizContext.diagnostics = ""
    _ = agreseterrors()

    // Parse.
    // DOTReader is agmemread with creation-order IDs, so cluster order is reproducible.
    guard let graph = DOTReader.read(dot) else {
      throw failure(.parse, "agread returned NULL")
    }
    defer { agclose(graph) }
    guard agerrors() == 0 else { throw failure(.parse, "agread reported an error") }

    // Limits that can be checked on the parsed graph.
    let nodes = Int(agnnodes(graph))
    let edges = Int(agnedges(graph))
    guard nodes <= limits.maxNodes else {
      throw GraphvizError(
        stage: .limits, message: "\(nodes) nodes exceed the limit of \(limits.maxNodes)",
        limit: .nodes(count: nodes, limit: limits.maxNodes))
    }
    guard edges <= limits.maxEdges else {
      throw GraphvizError(
        stage: .limits, message: "\(edges) edges exceed the limit of \(limits.maxEdges)",
        limit: .edges(count: edges, limit: limits.maxEdges))
    }
    if let name = GraphvizContext.forbiddenAttribute(in: graph) {
      throw GraphvizError(
        stage: .limits, message: "attribute \"\(name)\" is not allowed", limit: .forbidden(name))
    }

    // sfdp draws from libc's drand48()/rand() without seeding them itself, so its result
    // depended on whatever earlier layouts left in that global state (measured: the first
    // sfdp render in a process differed from later ones, and an sfdp render after an fdp render
    // differed again). Reseeding both before every layout makes each render start from the
    // same state; engines that seed from `start` (neato, fdp) reseed afterwards anyway.
    srand48(1)
    srand(1)

    // Layout. Freed even if it failed part-way: gvFreeLayout skips graphs it never touched.
    let layoutStatus = gvLayout(gvc, graph, engine.rawValue)
    defer { _ = gvFreeLayout(gvc, graph) }
    guard layoutStatus == 0 else {
      throw failure(.layout, "gvLayout returned \(layoutStatus)")
    }
    guard agerrors() == 0 else { throw failure(.layout, "gvLayout reported an error") }

    if format == .png {
      let pixels = GraphvizContext.estimatedBitmapPixels(graph)
      guard pixels <= Double(limits.maxBitmapPixels) else {
        throw GraphvizError(
          stage: .limits,
          message: "the PNG would have about \(Int(pixels)) pixels, more than the limit of "
            + "\(limits.maxBitmapPixels); lower dpi or size, or render SVG or PDF",
          limit: .bitmapPixels(count: Int(pixels), limit: limits.maxBitmapPixels))
      }
    }

    // Render.
    var data: UnsafeMutablePointer<CChar>? = nil
    var length: UInt64 = 0
    let renderStatus = GraphvizContext.renderData(&data, &length) { data, length in
      gvRenderData(gvc, graph, format.pluginName, data, length)
    }
    defer { gvFreeRenderData(data) }
    guard renderStatus == 0, let data else {
      throw failure(.render, "gvRenderData returned \(renderStatus)")
    }
    guard agerrors() == 0 else { throw failure(.render, "gvRenderData reported an error") }

    let bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    return RenderResult(bytes: bytes, warnings: GraphvizContext.messages(GraphvizContext.diagnostics))
  }

  /// Parses `dot` and returns every node's value of `attribute` as `agget` reports it (the
  /// stored escString form, not the display text), keyed by node name. A test hook for the
  /// DOT round trip through cgraph's own parser.
  mutating func nodeAttributes(dot: String, attribute: String) throws(GraphvizError) -> [String: String] {
    _ = try context()
    GraphvizContext.diagnostics = ""
    _ = agreseterrors()
    guard let graph = DOTReader.read(dot) else {
      throw failure(.parse, "agread returned NULL")
    }
    defer { agclose(graph) }
    guard agerrors() == 0 else { throw failure(.parse, "agread reported an error") }
    var values: [String: String] = [:]
    var node = agfstnode(graph)
    while let current = node {
      let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
      let value = attribute.withCString { key in
        agget(UnsafeMutableRawPointer(current), UnsafeMutablePointer(mutating: key))
      }
      if let value { values[name] = String(cString: value) }
      node = agnxtnode(graph, current)
    }
    return values
  }

  // MARK: - Helpers (called with the lock held)

  /// An error for `stage` carrying what Graphviz reported, or `fallback` if it said nothing.
  private func failure(_ stage: GraphvizError.Stage, _ fallback: String) -> GraphvizError {
    var text = GraphvizContext.messages(GraphvizContext.diagnostics).joined(separator: "\n")
    if text.isEmpty { text = fallback }
    if text.contains("not recognized") {
      // The plugin configuration (config6a) is missing: ../shared/notes/graphviz.md §2.1.
      text += " (is the Graphviz plugin configuration missing? Run `dot -c` as root.)"
    }
    return GraphvizError(stage: stage, message: text)
  }

  private static func reported(_ text: String) -> String {
    text.isEmpty ? "" : ": " + text
  }

  /// Splits captured text into messages: a line starting with `Error:` or `Warning:` starts a
  /// message, other lines continue the previous one.
  static func messages(_ text: String) -> [String] {
    var messages: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("Error:") || line.hasPrefix("Warning:") || messages.isEmpty {
        messages.append(String(line))
      } else {
        messages[messages.count - 1] += "\n" + line
      }
    }
    return messages
  }

  /// Calls `gvRenderData` through a closure generic in the length type, so the same source
  /// builds against 2.42 (`unsigned int *length`) and newer Graphviz (`size_t *length`)
  /// (../shared/notes/graphviz.md §3.3, pitfall 6).
  private static func renderData<Length: BinaryInteger>(
    _ data: inout UnsafeMutablePointer<CChar>?, _ length: inout UInt64,
    _ call: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Length>) -> Int32
  ) -> Int32 {
    var native: Length = 0
    let status = call(&data, &native)
    length = UInt64(native)
    return status
  }

  /// Attribute names that must never be declared: they read files or are written unescaped
  /// into SVG (../shared/notes/graphviz.md §2.6), or (`layout`) would override the engine chosen in Swift. The DOT
  /// writer cannot produce them; this is defence in depth for the raw-DOT test entry point.
  static let forbiddenAttributes: Set<String> = [
    "image", "shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", "url", "href",
    "edgeurl", "edgehref", "headurl", "headhref", "tailurl", "tailhref", "labelurl",
    "labelhref", "target", "layout",
  ]

  /// The first forbidden attribute declared for graphs, nodes or edges (case-insensitive).
  private static func forbiddenAttribute(in graph: UnsafeMutablePointer<Agraph_t>) -> String? {
    for kind in [Int32(AGRAPH), Int32(AGNODE), Int32(AGEDGE)] {
      var symbol = agnxtattr(graph, kind, nil)
      while let current = symbol {
        let name = String(cString: current.pointee.name)
        if forbiddenAttributes.contains(name.lowercased()) { return name }
        symbol = agnxtattr(graph, kind, current)
      }
    }
    return nil
  }

  /// An upper estimate of a PNG's pixel count from the `bb` that `gvLayout` stores on the
  /// graph, the `dpi` (cairo's default 96), `size` (scales down, or up with `!`) and `pad`
  /// (default 4 points per side).
  private static func estimatedBitmapPixels(_ graph: UnsafeMutablePointer<Agraph_t>) -> Double {
    let box = numbers(attribute(graph, "bb"))
    guard box.count == 4 else { return 0 }
    let width = abs(box[2] - box[0])
    let height = abs(box[3] - box[1])
    // `resolution` is Graphviz's synonym for `dpi` (only reachable through raw DOT).
    var dpi = numbers(attribute(graph, "dpi")).first ?? numbers(attribute(graph, "resolution")).first ?? 0
    if dpi <= 0 { dpi = 96 }
    var scale = 1.0
    let sizeText = attribute(graph, "size")
    let size = numbers(sizeText)
    if size.count >= 2, size[0] > 0, size[1] > 0, width > 0, height > 0 {
      let fit = min(size[0] * 72 / width, size[1] * 72 / height)
      scale = sizeText.hasSuffix("!") ? fit : min(fit, 1)
    }
    let pad = (numbers(attribute(graph, "pad")).first ?? (4.0 / 72)) * 72
    let pixelsPerPoint = dpi / 72
    return (width * scale + 2 * pad) * pixelsPerPoint * (height * scale + 2 * pad) * pixelsPerPoint
  }

  private static func attribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String {
    let value = name.withCString { agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: $0)) }
    return value.map { String(cString: $0) } ?? ""
  }

  /// The decimal numbers in `text`, separated by anything else ("0,0,54,108", "7.5,10!").
  private static func numbers(_ text: String) -> [Double] {
    text.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") }).compactMap { Double($0) }
  }
}

/// The `agseterrf` callback: appends one fragment of a Graphviz message. A plain function, as a
/// C function pointer cannot capture context; it only runs inside Graphviz calls, which all
/// happen with ``GraphvizContext/shared`` locked.
private func captureDiagnostic(_ fragment: UnsafeMutablePointer<CChar>?) -> Int32 {
  if let fragment {
    GraphvizContext.diagnostics += String(cString: fragment)
  }
  return 0
}
