/// The node attributes StakeMap may set; every property is optional and `nil` means "not
/// written" (Graphviz's default or an inherited default applies).
///
/// Used both per node (``DOTNode/attributes``) and as defaults (``DOTGraph/nodeDefaults``,
/// ``DOTCluster/nodeDefaults``). Property names are the Graphviz names in camel case
/// (`fillcolor` → `fillColor`, `class` → `cssClass`, `labelloc` → `labelLoc`).
///
///     let attributes = NodeAttributes(
///       label: "Stadtverwaltung", tooltip: "Public body", fillColor: .named(.lightblue),
///       shape: .box, style: [.filled, .rounded])
///
/// - SeeAlso: <https://graphviz.org/doc/info/attrs.html>, <https://graphviz.org/doc/info/shapes.html>
package struct NodeAttributes: Sendable, Hashable {
  /// Node shapes without side effects. Left out on purpose: `record`/`Mrecord` (they parse
  /// `{ | } < >` inside the label, so user text would become structure), `epsf` and `custom`
  /// (they read files).
  package enum Shape: String, CaseIterable, Sendable, Hashable {
    case box, rect, rectangle, square, ellipse, oval, circle, doublecircle, point, egg
    case plaintext, plain, none, underline, note, tab, folder, box3d, component, cylinder
    case diamond, triangle, invtriangle, house, invhouse, pentagon, hexagon, septagon, octagon
    case parallelogram, trapezium, star
  }

  /// Node styles (<https://graphviz.org/docs/attr-types/style/>).
  package enum Style: String, CaseIterable, Sendable, Hashable {
    case filled, rounded, dashed, dotted, bold, solid, invis, diagonals, striped, wedged, radial
  }

  /// Vertical placement of the label inside the node (`labelloc`).
  package enum LabelLocation: String, CaseIterable, Sendable, Hashable {
    case top = "t", center = "c", bottom = "b"
  }

  package var label: DOTLabel?
  /// External label, placed near the node without affecting layout (see `forceLabels`).
  package var xlabel: DOTLabel?
  /// SVG tooltip (escString; XML-escaped by Graphviz).
  package var tooltip: String?
  /// SVG `id` of the node's group (escString; XML-escaped by Graphviz).
  package var id: String?
  /// SVG `class` of the node's group; space-separated classes.
  package var cssClass: String?
  /// Written as an XML comment before the node in SVG. Graphviz does not apply escString to
  /// comments, so a backslash appears doubled there; meant for provenance, not user text.
  package var comment: String?
  package var color: Color?
  package var fillColor: Color?
  package var fontColor: Color?
  package var fontName: FontName?
  /// Points, clamped to 1…500.
  package var fontSize: Double?
  package var shape: Shape?
  /// `nil` writes nothing; an empty set writes `style=""` (resets inherited styles).
  package var style: Set<Style>?
  /// Inches, clamped to 0.01…100.
  package var width: Double?
  /// Inches, clamped to 0.01…100.
  package var height: Double?
  /// `true`: `width`/`height` are exact and the label may overflow.
  package var fixedSize: Bool?
  /// Points, clamped to 0…50.
  package var penWidth: Double?
  /// Space around the label in inches, clamped to 0…10.
  package var margin: Double?
  package var labelLoc: LabelLocation?
  /// A given position in inches (`pos="x,y"`, with `!` when pinned: neato keeps it exactly,
  /// so a map whose every node is pinned is the same map for the same data; `render
  /// --layout-from` pins the actors it reuses).
  package var position: PinnedPosition?

  /// The position type under the name the layout reuse knows it by.
  package typealias Position = PinnedPosition

  package init(
    label: DOTLabel? = nil, xlabel: DOTLabel? = nil, tooltip: String? = nil, id: String? = nil,
    cssClass: String? = nil, comment: String? = nil, color: Color? = nil,
    fillColor: Color? = nil, fontColor: Color? = nil, fontName: FontName? = nil,
    fontSize: Double? = nil, shape: Shape? = nil, style: Set<Style>? = nil,
    width: Double? = nil, height: Double? = nil, fixedSize: Bool? = nil,
    penWidth: Double? = nil, margin: Double? = nil, labelLoc: LabelLocation? = nil
  ) {
    self.label = label
    self.xlabel = xlabel
    self.tooltip = tooltip
    self.id = id
    self.cssClass = cssClass
    self.comment = comment
    self.color = color
    self.fillColor = fillColor
    self.fontColor = fontColor
    self.fontName = fontName
    self.fontSize = fontSize
    self.shape = shape
    self.style = style
    self.width = width
    self.height = height
    self.fixedSize = fixedSize
    self.penWidth = penWidth
    self.margin = margin
    self.labelLoc = labelLoc
  }

  /// The set attributes in a fixed order.
  var dotAttributes: [DOTAttribute] {
    [
      .label(.label, label),
      .label(.xlabel, xlabel),
      .tooltip(.tooltip, tooltip),
      .text(.id, id),
      .text(.class, cssClass),
      .text(.comment, comment),
      .color(.color, color),
      .color(.fillcolor, fillColor),
      .color(.fontcolor, fontColor),
      .font(.fontname, fontName),
      .number(.fontsize, fontSize, in: 1...500),
      .keyword(.shape, shape?.rawValue),
      .style(style),
      .number(.width, width, in: 0.01...100),
      .number(.height, height, in: 0.01...100),
      .bool(.fixedsize, fixedSize),
      .number(.penwidth, penWidth, in: 0...50),
      .number(.margin, margin, in: 0...10),
      .keyword(.labelloc, labelLoc?.rawValue),
      .keyword(.pos, position?.dotValue),
    ].compactMap { $0 }
  }
}

/// A node position in inches (`pos="x,y"`, `pos="x,y!"` when pinned), y upwards; finite
/// values only (others are written as 0), clamped to ±10,000 inches and rounded to 1/100
/// inch so the DOT text is stable.
package struct PinnedPosition: Sendable, Hashable {
  package var x: Double
  package var y: Double
  package var pinned: Bool

  package init(x: Double, y: Double, pinned: Bool = true) {
    self.x = x
    self.y = y
    self.pinned = pinned
  }

  var dotValue: String {
    func n(_ v: Double) -> String {
      DOTEscaping.number(v.isFinite ? (min(max(v, -10_000), 10_000) * 100).rounded() / 100 : 0)
    }
    return n(x) + "," + n(y) + (pinned ? "!" : "")
  }
}
