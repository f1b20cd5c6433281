import StakeMapGraphviz
import StakeMapModel

/// A paper size a map is printed on (`render --paper a4|a3`): the drawing is scaled, up or
/// down, to fill the printable area of the sheet in landscape (10 mm margins), keeping its
/// proportions. A PNG at 300 dpi on A4 is then 3,272 pixels wide and, placed at its stated
/// resolution (``PNGDensity``), exactly fills the sheet; a PDF page is the drawing's size.
public enum Paper: String, Sendable, CaseIterable {
  case a4, a3

  /// The printable area in millimetres, landscape (ISO 216 minus 10 mm on every side).
  public var printableMillimetres: (width: Double, height: Double) {
    switch self {
    case .a4: (277, 190)
    case .a3: (400, 277)
    }
  }

  /// Sets the drawing's size (`size="W,H!"`, inches) in a DOT document.
  package func apply(to graph: inout DOTGraph) {
    let (w, h) = printableMillimetres
    graph.attributes.size = GraphAttributes.Size(width: w / 25.4, height: h / 25.4, fill: true)
  }
}

extension StakeholderMap {
  /// ``render(_:options:format:dpi:limits:)`` sized for `paper` (nil: Graphviz's natural size).
  public static func render(
    _ network: Network, options: MapOptions, format: RenderFormat, dpi: Double? = nil,
    paper: Paper?
  ) throws(GraphvizError) -> Rendering {
    guard let paper else { return try render(network, options: options, format: format, dpi: dpi) }
    return try render(
      network, options: options, format: format, dpi: dpi, limits: RenderLimits(),
      adjust: { paper.apply(to: &$0) })
  }
}
