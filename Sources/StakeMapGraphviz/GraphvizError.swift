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

  public var stage: Stage
  public var message: String

  public init(stage: Stage, message: String) {
    self.stage = stage
    self.message = message
  }

  public var description: String {
    "Graphviz \(stage.rawValue) failed: \(message)"
  }
}
