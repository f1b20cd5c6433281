/// The root graph's attributes: label, look, and layout parameters for every engine.
///
/// `nil` means "not written" except for ``start``, which defaults to `.random(seed: 1)` so that
/// neato and sfdp layouts are reproducible, also when the `.dot` file is laid out by the
/// Graphviz CLI (dot, circo and twopi ignore it; fdp honours it but is not reproducible
/// in-process anyway, see ``LayoutEngine/fdp``). `charset` is not a property: the writer
/// always emits `charset="UTF-8"`.
///
///     var attributes = GraphAttributes(label: "Akteurslandkarte", rankDir: .leftToRight)
///     attributes.overlap = .prism
///     attributes.dpi = 150
///
/// Caps that keep PNG and PDF output sane (../shared/notes/graphviz.md §2.6): `dpi` is clamped to 36…600 and each
/// `size` dimension to 0.1…200 inches; ``Graphviz/render(_:engine:format:limits:)`` also
/// refuses bitmaps above ``RenderLimits/maxBitmapPixels``.
///
/// - SeeAlso: <https://graphviz.org/doc/info/attrs.html>, <https://graphviz.org/docs/layouts/>
package struct GraphAttributes: Sendable, Hashable {
  /// `rankdir` (dot only).
  package enum RankDirection: String, CaseIterable, Sendable, Hashable {
    case topToBottom = "TB", leftToRight = "LR", bottomToTop = "BT", rightToLeft = "RL"
  }

  /// Edge routing (`splines`).
  package enum Splines: String, CaseIterable, Sendable, Hashable {
    case none, line, polyline, curved, ortho, spline
  }

  /// Node-overlap removal for neato, fdp and sfdp (`overlap`).
  package enum Overlap: String, CaseIterable, Sendable, Hashable {
    /// Overlaps are left alone (`true`).
    case allowed = "true"
    /// Removed with the engine's default technique (`false`).
    case removed = "false"
    case scale, scalexy, prism, compress, vpsc, ortho
  }

  /// Node or edge separation for overlap removal and splines (`sep`, `esep`).
  package enum Separation: Sendable, Hashable {
    /// Add this many points around each node (`"+N"`).
    case points(Double)
    /// Scale each node by `1 + N` (`"N"`).
    case factor(Double)

    var dotValue: String {
      switch self {
      case .points(let value): "+" + DOTEscaping.number(min(max(value, 0), 1000))
      case .factor(let value): DOTEscaping.number(min(max(value, 0), 100))
      }
    }
  }

  /// Aspect-ratio handling (`ratio`).
  package enum Ratio: Sendable, Hashable {
    case fill, compress, expand, auto
    /// Height/width ratio, clamped to 0.01…100.
    case aspect(Double)

    var dotValue: String {
      switch self {
      case .fill: "fill"
      case .compress: "compress"
      case .expand: "expand"
      case .auto: "auto"
      case .aspect(let value): DOTEscaping.number(min(max(value, 0.01), 100))
      }
    }
  }

  /// Maximum drawing size in inches (`size`); with `fill`, the drawing is scaled up to it.
  package struct Size: Sendable, Hashable {
    package var width: Double
    package var height: Double
    package var fill: Bool

    package init(width: Double, height: Double, fill: Bool = false) {
      self.width = width
      self.height = height
      self.fill = fill
    }

    var dotValue: String {
      let w = DOTEscaping.number(min(max(width, 0.1), 200))
      let h = DOTEscaping.number(min(max(height, 0.1), 200))
      return w + "," + h + (fill ? "!" : "")
    }
  }

  /// Initial placement for neato, fdp and sfdp (`start`,
  /// <https://graphviz.org/docs/attr-types/startType/>). There is deliberately no case for a
  /// time-based seed.
  package enum Start: Sendable, Hashable {
    /// Random placement from this seed (clamped to 1…2³¹−1): reproducible.
    case random(seed: Int)
    /// Nodes regularly placed on a circle.
    case regular
    /// An abbreviated neato run computes the initial layout.
    case selfLayout

    var dotValue: String {
      switch self {
      case .random(let seed): String(min(max(seed, 1), Int(Int32.max)))
      case .regular: "regular"
      case .selfLayout: "self"
      }
    }
  }

  /// Drawing order of nodes and edges in the output (`outputorder`).
  package enum OutputOrder: String, CaseIterable, Sendable, Hashable {
    case breadthFirst = "breadthfirst", nodesFirst = "nodesfirst", edgesFirst = "edgesfirst"
  }

  /// Optimisation mode of neato and sfdp (`mode`).
  package enum Mode: String, CaseIterable, Sendable, Hashable {
    case major, kk = "KK", hier, ipsep, spring, maxent
  }

  /// Distance model of neato (`model`).
  package enum Model: String, CaseIterable, Sendable, Hashable {
    case shortPath = "shortpath", circuit, subset, mds
  }

  /// Packing of disconnected components (`pack`).
  package enum Pack: Sendable, Hashable {
    case disabled
    case enabled
    /// Enabled with this margin in points (clamped to 0…1000).
    case margin(Int)

    var dotValue: String {
      switch self {
      case .disabled: "false"
      case .enabled: "true"
      case .margin(let points): String(min(max(points, 0), 1000))
      }
    }
  }

  /// Granularity of component packing (`packmode`).
  package enum PackMode: String, CaseIterable, Sendable, Hashable {
    case node, cluster = "clust", graph
  }

  package var label: DOTLabel?
  /// Vertical label placement: top or bottom (`labelloc`).
  package var labelLoc: ClusterAttributes.LabelLocation?
  /// Horizontal label placement (`labeljust`).
  package var labelJust: TextAlignment?
  package var tooltip: String?
  package var id: String?
  package var cssClass: String?
  /// Written as an XML comment at the top of the SVG; see ``NodeAttributes/comment``.
  package var comment: String?
  package var fontName: FontName?
  /// Points, clamped to 1…500.
  package var fontSize: Double?
  package var fontColor: Color?
  package var bgColor: Color?
  package var rankDir: RankDirection?
  /// Inches between ranks in dot, clamped to 0.02…100.
  package var rankSep: Double?
  /// Inches between nodes of a rank in dot, clamped to 0.02…100.
  package var nodeSep: Double?
  package var splines: Splines?
  package var overlap: Overlap?
  package var sep: Separation?
  package var esep: Separation?
  /// Inches around the drawing, clamped to 0…100.
  package var pad: Double?
  /// Inches of page margin, clamped to 0…100.
  package var margin: Double?
  package var ratio: Ratio?
  package var size: Size?
  /// Output resolution, clamped to 36…600 (PNG default 96).
  package var dpi: Double?
  /// Defaults to `.random(seed: 1)`; set `nil` to omit.
  package var start: Start?
  package var outputOrder: OutputOrder?
  /// Spring constant of fdp and sfdp (`K`), clamped to 0.001…100.
  package var k: Double?
  /// Iteration limit of neato and fdp (`maxiter`), clamped to 1…1,000,000.
  package var maxIter: Int?
  package var mode: Mode?
  package var model: Model?
  /// Termination threshold of neato (`epsilon`), clamped to 0.0001…1
  /// (the writer keeps four decimals).
  package var epsilon: Double?
  /// Merge parallel edge segments (dot).
  package var concentrate: Bool?
  /// Allow edges to clusters (``EdgeAttributes/lhead``, ``EdgeAttributes/ltail``).
  package var compound: Bool?
  /// Rank all nodes in one pass, ignoring cluster boundaries (dot).
  package var newRank: Bool?
  /// Centre the drawing on the page.
  package var center: Bool?
  /// Place all `xlabel`s even if they overlap.
  package var forceLabels: Bool?
  package var pack: Pack?
  package var packMode: PackMode?
  /// Centre node for twopi and circo (a ``DOTNode/id``).
  package var root: String?

  package init(
    label: DOTLabel? = nil, labelLoc: ClusterAttributes.LabelLocation? = nil,
    labelJust: TextAlignment? = nil, tooltip: String? = nil, id: String? = nil,
    cssClass: String? = nil, comment: String? = nil, fontName: FontName? = nil,
    fontSize: Double? = nil, fontColor: Color? = nil, bgColor: Color? = nil,
    rankDir: RankDirection? = nil, rankSep: Double? = nil, nodeSep: Double? = nil,
    splines: Splines? = nil, overlap: Overlap? = nil, sep: Separation? = nil,
    esep: Separation? = nil, pad: Double? = nil, margin: Double? = nil, ratio: Ratio? = nil,
    size: Size? = nil, dpi: Double? = nil, start: Start? = .random(seed: 1),
    outputOrder: OutputOrder? = nil, k: Double? = nil, maxIter: Int? = nil, mode: Mode? = nil,
    model: Model? = nil, epsilon: Double? = nil, concentrate: Bool? = nil,
    compound: Bool? = nil, newRank: Bool? = nil, center: Bool? = nil,
    forceLabels: Bool? = nil, pack: Pack? = nil, packMode: PackMode? = nil,
    root: String? = nil
  ) {
    self.label = label
    self.labelLoc = labelLoc
    self.labelJust = labelJust
    self.tooltip = tooltip
    self.id = id
    self.cssClass = cssClass
    self.comment = comment
    self.fontName = fontName
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.bgColor = bgColor
    self.rankDir = rankDir
    self.rankSep = rankSep
    self.nodeSep = nodeSep
    self.splines = splines
    self.overlap = overlap
    self.sep = sep
    self.esep = esep
    self.pad = pad
    self.margin = margin
    self.ratio = ratio
    self.size = size
    self.dpi = dpi
    self.start = start
    self.outputOrder = outputOrder
    self.k = k
    self.maxIter = maxIter
    self.mode = mode
    self.model = model
    self.epsilon = epsilon
    self.concentrate = concentrate
    self.compound = compound
    self.newRank = newRank
    self.center = center
    self.forceLabels = forceLabels
    self.pack = pack
    self.packMode = packMode
    self.root = root
  }

  /// The `dpi` actually written, after clamping.
  static let dpiRange: ClosedRange<Double> = 36...600

  /// The set attributes in a fixed order, starting with `charset="UTF-8"`.
  var dotAttributes: [DOTAttribute] {
    [
      .keyword(.charset, "UTF-8"),
      .label(.label, label),
      .keyword(.labelloc, labelLoc?.rawValue),
      .keyword(.labeljust, labelJust?.labelJust),
      .tooltip(.tooltip, tooltip),
      .text(.id, id),
      .text(.class, cssClass),
      .text(.comment, comment),
      .font(.fontname, fontName),
      .number(.fontsize, fontSize, in: 1...500),
      .color(.fontcolor, fontColor),
      .color(.bgcolor, bgColor),
      .keyword(.rankdir, rankDir?.rawValue),
      .number(.ranksep, rankSep, in: 0.02...100),
      .number(.nodesep, nodeSep, in: 0.02...100),
      .keyword(.splines, splines?.rawValue),
      .keyword(.overlap, overlap?.rawValue),
      .keyword(.sep, sep?.dotValue),
      .keyword(.esep, esep?.dotValue),
      .number(.pad, pad, in: 0...100),
      .number(.margin, margin, in: 0...100),
      .keyword(.ratio, ratio?.dotValue),
      .keyword(.size, size?.dotValue),
      .number(.dpi, dpi, in: GraphAttributes.dpiRange),
      .keyword(.start, start?.dotValue),
      .keyword(.outputorder, outputOrder?.rawValue),
      .number(.K, k, in: 0.001...100),
      .integer(.maxiter, maxIter, in: 1...1_000_000),
      .keyword(.mode, mode?.rawValue),
      .keyword(.model, model?.rawValue),
      .number(.epsilon, epsilon, in: 0.0001...1),
      .bool(.concentrate, concentrate),
      .bool(.compound, compound),
      .bool(.newrank, newRank),
      .bool(.center, center),
      .bool(.forcelabels, forceLabels),
      .keyword(.pack, pack?.dotValue),
      .keyword(.packmode, packMode?.rawValue),
      .id(.root, root),
    ].compactMap { $0 }
  }
}
