/// The output of a successful render.
public struct RenderResult: Sendable, Hashable {
  /// The file contents (SVG text is UTF-8).
  public var bytes: [UInt8]
  /// Non-fatal messages Graphviz reported (layout warnings, unknown fonts, …), one per
  /// message, without the trailing newline.
  public var warnings: [String]

  public init(bytes: [UInt8], warnings: [String]) {
    self.bytes = bytes
    self.warnings = warnings
  }
}
