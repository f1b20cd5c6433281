/// The attributes of a cluster (a `subgraph "cluster_…"` drawn as a box); `nil` means "not
/// written". Clusters are laid out by `dot`, `fdp` and `neato`-family engines that support them
/// (`fdp` and `dot` draw them; `sfdp`, `circo`, `twopi` ignore them).
///
/// - SeeAlso: <https://graphviz.org/docs/clusters/>, <https://graphviz.org/doc/info/attrs.html>
package struct ClusterAttributes: Sendable, Hashable {
  /// Cluster styles (<https://graphviz.org/docs/attr-types/style/>).
  package enum Style: String, CaseIterable, Sendable, Hashable {
    case filled, rounded, dashed, dotted, bold, solid, invis, striped, radial
  }

  /// Vertical label placement (`labelloc`): top or bottom of the cluster box.
  package enum LabelLocation: String, CaseIterable, Sendable, Hashable {
    case top = "t", bottom = "b"
  }

  package var label: DOTLabel?
  package var labelLoc: LabelLocation?
  /// Horizontal label placement (`labeljust`).
  package var labelJust: TextAlignment?
  package var tooltip: String?
  package var id: String?
  package var cssClass: String?
  /// See ``NodeAttributes/comment``.
  package var comment: String?
  /// Border colour (and fill colour if `fillColor` is unset and the style is `filled`).
  package var color: Color?
  package var fillColor: Color?
  package var fontColor: Color?
  package var bgColor: Color?
  /// Border colour, overriding `color`.
  package var penColor: Color?
  package var fontName: FontName?
  /// Points, clamped to 1…500.
  package var fontSize: Double?
  package var style: Set<Style>?
  /// Points, clamped to 0…50.
  package var penWidth: Double?
  /// Space between the nodes and the border in points, clamped to 0…500.
  package var margin: Double?

  package init(
    label: DOTLabel? = nil, labelLoc: LabelLocation? = nil, labelJust: TextAlignment? = nil,
    tooltip: String? = nil, id: String? = nil, cssClass: String? = nil, comment: String? = nil,
    color: Color? = nil, fillColor: Color? = nil, fontColor: Color? = nil, bgColor: Color? = nil,
    penColor: Color? = nil, fontName: FontName? = nil, fontSize: Double? = nil,
    style: Set<Style>? = nil, penWidth: Double? = nil, margin: Double? = nil
  ) {
    self.label = label
    self.labelLoc = labelLoc
    self.labelJust = labelJust
    self.tooltip = tooltip
    self.id = id
    self.cssClass = cssClass
    self.comment = comment
    self.color = color
    self.fillColor = fillColor
    self.fontColor = fontColor
    self.bgColor = bgColor
    self.penColor = penColor
    self.fontName = fontName
    self.fontSize = fontSize
    self.style = style
    self.penWidth = penWidth
    self.margin = margin
  }

  /// The set attributes in a fixed order.
  var dotAttributes: [DOTAttribute] {
    [
      .label(.label, label),
      .keyword(.labelloc, labelLoc?.rawValue),
      .keyword(.labeljust, labelJust?.labelJust),
      .tooltip(.tooltip, tooltip),
      .text(.id, id),
      .text(.class, cssClass),
      .text(.comment, comment),
      .color(.color, color),
      .color(.fillcolor, fillColor),
      .color(.fontcolor, fontColor),
      .color(.bgcolor, bgColor),
      .color(.pencolor, penColor),
      .font(.fontname, fontName),
      .number(.fontsize, fontSize, in: 1...500),
      .style(style),
      .number(.penwidth, penWidth, in: 0...50),
      .number(.margin, margin, in: 0...500),
    ].compactMap { $0 }
  }
}
