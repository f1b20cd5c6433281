/// The edge attributes StakeMap may set; `nil` means "not written".
///
/// Used per edge (``DOTEdge/attributes``) and as defaults (``DOTGraph/edgeDefaults``).
///
///     let influence = EdgeAttributes(
///       label: "funds", color: .named(.darkgreen), style: [.dashed], penWidth: 2, weight: 3)
///
/// - SeeAlso: <https://graphviz.org/doc/info/attrs.html>, <https://graphviz.org/docs/attr-types/arrowType/>
package struct EdgeAttributes: Sendable, Hashable {
  /// Edge styles (<https://graphviz.org/docs/attr-types/style/>).
  package enum Style: String, CaseIterable, Sendable, Hashable {
    case solid, dashed, dotted, bold, invis, tapered
  }

  /// Arrowhead shapes (primitive names and their common `o`/`inv` variants).
  package enum ArrowType: String, CaseIterable, Sendable, Hashable {
    case normal, inv, dot, invdot, odot, invodot, none, tee, empty, invempty
    case diamond, odiamond, ediamond, crow, box, obox, open, halfopen, vee, curve, icurve
  }

  /// Which ends get arrowheads (`dir`).
  package enum Direction: String, CaseIterable, Sendable, Hashable {
    case forward, back, both, none
  }

  package var label: DOTLabel?
  package var xlabel: DOTLabel?
  package var tooltip: String?
  package var id: String?
  package var cssClass: String?
  /// See ``NodeAttributes/comment``.
  package var comment: String?
  package var color: Color?
  package var fontColor: Color?
  package var fontName: FontName?
  /// Points, clamped to 1…500.
  package var fontSize: Double?
  /// `nil` writes nothing; an empty set writes `style=""`.
  package var style: Set<Style>?
  /// Points, clamped to 0…50.
  package var penWidth: Double?
  package var arrowHead: ArrowType?
  package var arrowTail: ArrowType?
  /// Multiplier, clamped to 0…10.
  package var arrowSize: Double?
  package var direction: Direction?
  /// `false`: the edge does not influence ranking in `dot`.
  package var constraint: Bool?
  /// Layout weight, clamped to 0…1000. `dot` reads it as an integer (2.42 truncates the
  /// fraction); neato, fdp and sfdp use it as a real number.
  package var weight: Double?
  /// Preferred length in inches for neato/fdp (`len`), clamped to 0.01…100.
  package var length: Double?
  /// Minimum rank difference in `dot` (`minlen`), clamped to 0…1000.
  package var minLength: Int?
  /// With `compound`, clip the edge at this cluster's border (``DOTCluster/id``).
  package var lhead: String?
  /// With `compound`, start the edge at this cluster's border (``DOTCluster/id``).
  package var ltail: String?

  package init(
    label: DOTLabel? = nil, xlabel: DOTLabel? = nil, tooltip: String? = nil, id: String? = nil,
    cssClass: String? = nil, comment: String? = nil, color: Color? = nil,
    fontColor: Color? = nil, fontName: FontName? = nil, fontSize: Double? = nil,
    style: Set<Style>? = nil, penWidth: Double? = nil, arrowHead: ArrowType? = nil,
    arrowTail: ArrowType? = nil, arrowSize: Double? = nil, direction: Direction? = nil,
    constraint: Bool? = nil, weight: Double? = nil, length: Double? = nil,
    minLength: Int? = nil, lhead: String? = nil, ltail: String? = nil
  ) {
    self.label = label
    self.xlabel = xlabel
    self.tooltip = tooltip
    self.id = id
    self.cssClass = cssClass
    self.comment = comment
    self.color = color
    self.fontColor = fontColor
    self.fontName = fontName
    self.fontSize = fontSize
    self.style = style
    self.penWidth = penWidth
    self.arrowHead = arrowHead
    self.arrowTail = arrowTail
    self.arrowSize = arrowSize
    self.direction = direction
    self.constraint = constraint
    self.weight = weight
    self.length = length
    self.minLength = minLength
    self.lhead = lhead
    self.ltail = ltail
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
      .color(.fontcolor, fontColor),
      .font(.fontname, fontName),
      .number(.fontsize, fontSize, in: 1...500),
      .style(style),
      .number(.penwidth, penWidth, in: 0...50),
      .keyword(.arrowhead, arrowHead?.rawValue),
      .keyword(.arrowtail, arrowTail?.rawValue),
      .number(.arrowsize, arrowSize, in: 0...10),
      .keyword(.dir, direction?.rawValue),
      .bool(.constraint, constraint),
      .number(.weight, weight, in: 0...1000),
      .number(.len, length, in: 0.01...100),
      .integer(.minlen, minLength, in: 0...1000),
      .id(.lhead, lhead.map(DOTCluster.subgraphName)),
      .id(.ltail, ltail.map(DOTCluster.subgraphName)),
    ].compactMap { $0 }
  }
}
