/// Caps checked before and after layout, so that a huge or hostile map fails fast with a
/// ``GraphvizError/Stage/limits`` error instead of exhausting memory.
///
/// Graphviz cannot be interrupted once a layout runs, and `dot` needs minutes for a few
/// thousand crossing-heavy nodes (../shared/notes/graphviz.md §2.8): choose the engine by size as well.
///
///     var limits = RenderLimits()
///     limits.maxNodes = 2_000
///     let png = try Graphviz.render(graph, engine: .sfdp, format: .png, limits: limits)
public struct RenderLimits: Sendable, Hashable {
  /// Maximum nodes in the parsed graph (default 20,000).
  public var maxNodes: Int
  /// Maximum edges in the parsed graph (default 100,000).
  public var maxEdges: Int
  /// Maximum width × height of a PNG, estimated from the layout's bounding box, `dpi`, `size`
  /// and `pad` before rendering (default 40 megapixels, about 160 MB of RGBA in cairo).
  public var maxBitmapPixels: Int

  public init(maxNodes: Int = 20_000, maxEdges: Int = 100_000, maxBitmapPixels: Int = 40_000_000) {
    self.maxNodes = maxNodes
    self.maxEdges = maxEdges
    self.maxBitmapPixels = maxBitmapPixels
  }
}
