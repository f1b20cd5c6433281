/// A failed render, with what Graphviz said.
///
/// `message` is the text Graphviz reported through its error callback during the failing
/// stage (e.g. `Error: syntax error in line 3 near '}'`), or a description written by this
/// module when Graphviz said nothing or a limit was hit.
public struct GraphvizError: Error, CustomStringConvertible, Sendable, Equatable {
  /// Where the render stopped.
  public enum Stage: String, Sendable, Hashable {
    /// A ``RenderLimits`` cap or a forbidden attribute; Graphviz never ran the layout.
    case limits
    /// `agmemread` rejected the DOT text.
    case parse
    /// `gvLayout` failed (including HTML-label errors, which surface while laying out).
    case layout
    /// `gvRenderData` failed.
    case render
  }

  /// Which cap of ``RenderLimits`` (or of the caller) a `.limits` error hit, with its figures,
  /// so that callers can decide and explain without reading `message`.
  public enum Limit: Sendable, Hashable {
    case nodes(count: Int, limit: Int)
    case edges(count: Int, limit: Int)
    case bitmapPixels(count: Int, limit: Int)
    /// An attribute or HTML element the wrapper never lets through (`image`, `<IMG>`, …).
    case forbidden(String)
    /// The map has more actors than the engine lays out in reasonable time.
    case engineActors(engine: String, count: Int, limit: Int)
  }

  public var stage: Stage
  public var message: String
  /// Set for `.limits` errors.
  public var limit: Limit?

  public init(stage: Stage, message: String, limit: Limit? = nil) {
    self.stage = stage
    self.message = message
    self.limit = limit
  }

  public var description: String {
    "Graphviz \(stage.rawValue) failed: \(message)"
  }
}
