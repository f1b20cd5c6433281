import Foundation
import StakeMapGraphviz
import StakeMapModel

/// Turns a network into a styled Graphviz document: the stakeholder map.
///
/// Conventions, chosen for readers of printed reports:
/// - **Nodes** get synthetic ASCII ids (`a0`, `a1`, … in file order), so no input can break out
///   of a DOT id; the visible text is the actor's `short` name or its name, word-wrapped to
///   ``MapOptions/labelWidth``. The full name, type and region are the tooltip.
/// - **Colour** by actor type (fixed colours and shapes, ``ActorTypeStyle``) or by any
///   attribute (palette colours in sorted value order; actors without a value are grey).
/// - **Size**: with ``MapOptions/sizeValues``, a node's minimum width and height and its font
///   grow with the square root of its value relative to the largest (area ∝ value).
/// - **Ties**: one line per pair and status; pen width grows with the summed weight; planned
///   ties dashed, desired dotted, ended grey; directed relations drawn with an arrow.
/// - **Legend**: the title and a key of colours, shapes, size and line styles as an HTML-like
///   table in the graph label, which every engine places (clusters are dot-only).
/// - **Deterministic**: the same network and options give the same document, and with the
///   seeded engine the same bytes.
public enum StakeholderMap {
  /// The map's font; installed by Scripts/bootstrap.sh (fonts-dejavu-core), so text is
  /// measured the same way on every machine.
  public static let font = FontName("DejaVu Sans")!

  /// Builds the map document.
  ///
  /// - Complexity: O(n + m log m) for n actors and m relations.
  public static func document(for network: Network, options: MapOptions = MapOptions()) -> DOTGraph {
    let language = options.language
    let anyDirected = network.relations.contains { $0.directed && options.statuses.contains($0.status) }
    var graph = DOTGraph(name: network.info.title.isEmpty ? "stakemap" : network.info.title)
    graph.isDirected = anyDirected
    graph.attributes.fontName = font
    graph.attributes.fontSize = 11
    graph.attributes.pad = 0.3
    graph.attributes.outputOrder = .edgesFirst
    graph.attributes.overlap = .prism
    graph.attributes.splines = .spline
    graph.attributes.sep = .points(6)
    graph.attributes.start = .random(seed: options.seed)
    graph.attributes.tooltip = network.info.title
    graph.nodeDefaults.fontName = font
    graph.nodeDefaults.fontSize = 10
    graph.nodeDefaults.style = [.filled]
    graph.nodeDefaults.penWidth = 0.8
    graph.nodeDefaults.color = Color(hex: "#444444")
    graph.nodeDefaults.margin = 0.06
    graph.edgeDefaults.fontName = font
    graph.edgeDefaults.color = Color(hex: "#666666")
    graph.edgeDefaults.arrowSize = 0.6

    let coloring = NodeColoring(network: network, attribute: options.colorBy, language: language)
    let sizes = options.sizeValues.map(relativeSizes)

    for (i, actor) in network.actors.enumerated() {
      let style = ActorTypeStyle.of(actor.type)
      let fill = coloring.color(of: i)
      var node = DOTNode(id: nodeID(i))
      node.attributes.label = .wrapped(actor.short ?? actor.name, width: max(4, options.labelWidth))
      node.attributes.tooltip = tooltip(for: actor, language: language)
      node.attributes.shape = NodeAttributes.Shape(rawValue: style.shape) ?? .ellipse
      if style.shape == "box" { node.attributes.style = [.filled, .rounded] }
      node.attributes.fillColor = Color(hex: fill)
      node.attributes.fontColor = Color(hex: Palette.textColor(on: fill))
      if let sizes {
        let s = sizes[i]
        node.attributes.width = round2(0.5 + 1.1 * s)
        node.attributes.height = round2(0.3 + 0.6 * s)
        node.attributes.fontSize = round2(9 + 7 * s)
      }
      graph.nodes.append(node)
    }

    for tie in drawnTies(network, statuses: options.statuses) {
      var edge = DOTEdge(from: nodeID(tie.from), to: nodeID(tie.to))
      edge.attributes.penWidth = round2(min(6, 1 + 1.5 * log2(max(1, tie.weight))))
      switch tie.status {
      case .existing: break
      case .planned: edge.attributes.style = [.dashed]
      case .desired: edge.attributes.style = [.dotted]
      case .ended: edge.attributes.color = Color(hex: "#BBBBBB")
      }
      if anyDirected {
        edge.attributes.direction = tie.directed ? .forward : EdgeAttributes.Direction.none
      }
      edge.attributes.tooltip = tie.tooltip
      graph.edges.append(edge)
    }

    if options.coParticipation {
      for (a, b, shared) in network.coParticipation() {
        var edge = DOTEdge(from: nodeID(a), to: nodeID(b))
        edge.attributes.color = Color(hex: "#AAAAAA")
        edge.attributes.style = [.dotted]
        edge.attributes.penWidth = round2(min(4, 0.5 + 0.5 * Double(shared)))
        if anyDirected { edge.attributes.direction = EdgeAttributes.Direction.none }
        let names = [a, b].map { network.actors[$0].short ?? network.actors[$0].name }
        edge.attributes.tooltip =
          "\(names[0]) – \(names[1]): "
          + (language == .de ? "\(shared) gemeinsame Veranstaltung(en)" : "\(shared) shared event(s)")
        graph.edges.append(edge)
      }
    }

    if options.legend {
      graph.attributes.label = .html(
        legend(network: network, coloring: coloring, options: options))
      graph.attributes.labelLoc = .top
      graph.attributes.labelJust = .left
    }
    return graph
  }

  /// The engine for a map when none is asked for: `neato` (stress majorization, the clearest
  /// drawing of a small undirected network) up to 400 actors, `sfdp` beyond (the only
  /// force-directed engine that scales; notes §2.8), and `dot` for small networks whose ties
  /// are mostly directed (hierarchies, funding flows).
  public static func automaticEngine(for network: Network) -> LayoutEngine {
    let n = network.actors.count
    let directed = network.relations.count { $0.directed }
    if n <= 400 && !network.relations.isEmpty && directed * 5 >= network.relations.count * 4 {
      return .dot
    }
    return n <= 400 ? .neato : .sfdp
  }

  static func nodeID(_ index: Int) -> String { "a\(index)" }

  static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }

  /// Values scaled to 0…1 by the square root of value/max, so node *area* follows the value.
  static func relativeSizes(_ values: [Double]) -> [Double] {
    let top = values.filter(\.isFinite).max() ?? 0
    guard top > 0 else { return values.map { _ in 0 } }
    return values.map { $0.isFinite && $0 > 0 ? ($0 / top).squareRoot() : 0 }
  }

  static func tooltip(for actor: Actor, language: Language) -> String {
    var parts = [actor.name, actor.type.label(language)]
    if let region = actor.region { parts.append(region) }
    if actor.basis == .worldKnowledge {
      parts.append(language == .de ? "(aus Weltwissen, nicht aus dem Protokoll)" : "(world knowledge, not from the protocol)")
    }
    return parts.joined(separator: " · ")
  }

  /// One drawn line: a pair of actors and a status, with the relations merged into it.
  struct DrawnTie {
    var from: Int
    var to: Int
    var directed: Bool
    var status: RelationStatus
    var weight: Double
    var tooltip: String
  }

  /// Relations grouped by (pair, direction, status), in order of first appearance.
  static func drawnTies(_ network: Network, statuses: Set<RelationStatus>) -> [DrawnTie] {
    struct Key: Hashable {
      var a: Int, b: Int, directed: Bool, status: RelationStatus
    }
    var order: [Key] = []
    var merged: [Key: (weight: Double, kinds: [String], quotes: [String])] = [:]
    let language = network.info.language
    for r in network.relations where statuses.contains(r.status) && r.from != r.to {
      let key =
        r.directed
        ? Key(a: r.from, b: r.to, directed: true, status: r.status)
        : Key(a: min(r.from, r.to), b: max(r.from, r.to), directed: false, status: r.status)
      if merged[key] == nil {
        order.append(key)
        merged[key] = (0, [], [])
      }
      merged[key]!.weight += r.weight
      let kind = r.kind.label(language)
      if !merged[key]!.kinds.contains(kind) { merged[key]!.kinds.append(kind) }
      if let evidence = r.evidence {
        merged[key]!.quotes.append("„\(evidence)“" + (r.source.map { " (\($0))" } ?? ""))
      }
    }
    return order.map { key in
      let m = merged[key]!
      let a = network.actors[key.a], b = network.actors[key.b]
      var text = "\(a.short ?? a.name) \(key.directed ? "→" : "–") \(b.short ?? b.name): "
      text += m.kinds.joined(separator: ", ")
      if key.status != .existing { text += " [\(key.status.rawValue)]" }
      for quote in m.quotes.prefix(3) { text += "\n" + quote }
      return DrawnTie(
        from: key.a, to: key.b, directed: key.directed, status: key.status, weight: m.weight,
        tooltip: text)
    }
  }

  static func legend(network: Network, coloring: NodeColoring, options: MapOptions) -> HTMLLabel {
    let de = options.language == .de
    var rows: [HTMLLabel.Row] = []
    let title = options.title ?? network.info.title
    if !title.isEmpty {
      rows.append([HTMLLabel.Cell(title, bold: true, fontSize: 14, colSpan: 2, align: .left)])
    }
    rows.append([
      HTMLLabel.Cell(
        coloring.heading, bold: true, colSpan: 2, align: .left)
    ])
    for entry in coloring.entries {
      rows.append([.swatch(Color(hex: entry.color)!), HTMLLabel.Cell(entry.text, align: .left)])
    }
    if let sizeLabel = options.sizeLabel, options.sizeValues != nil {
      rows.append([
        HTMLLabel.Cell("●", align: .center),
        HTMLLabel.Cell((de ? "Größe: " : "Size: ") + sizeLabel, align: .left),
      ])
    }
    let statuses = Set(network.relations.map(\.status)).intersection(options.statuses)
    let lines: [(RelationStatus, String, String)] = [
      (.existing, "━━━", de ? "bestehende Beziehung" : "existing tie"),
      (.planned, "╍╍╍", de ? "geplante Beziehung" : "planned tie"),
      (.desired, "┈┈┈", de ? "gewünschte Beziehung" : "desired tie"),
      (.ended, "━━━", de ? "beendete Beziehung (grau)" : "ended tie (grey)"),
    ]
    for (status, glyph, text) in lines where statuses.contains(status) {
      rows.append([HTMLLabel.Cell(glyph, align: .center), HTMLLabel.Cell(text, align: .left)])
    }
    if options.coParticipation && !network.events.isEmpty {
      rows.append([
        HTMLLabel.Cell("┄┄┄", fontColor: Color(hex: "#AAAAAA"), align: .center),
        HTMLLabel.Cell(de ? "gemeinsame Veranstaltung" : "shared event", align: .left),
      ])
    }
    if network.relations.contains(where: { $0.weight != 1 }) {
      rows.append([
        HTMLLabel.Cell("", align: .center),
        HTMLLabel.Cell(de ? "Linienstärke: Gewicht" : "line width: weight", align: .left),
      ])
    }
    return HTMLLabel(rows: rows, border: 0, cellBorder: 0, cellSpacing: 3, cellPadding: 2)
  }
}
