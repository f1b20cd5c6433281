import Foundation
import StakeMapGraphviz
import StakeMapModel
import StakeMapText

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
/// - **Ties**: one line per pair, status and kind; the kind is the colour
///   (``RelationKindStyle``), the status the line style (planned dashed, desired dotted, ended
///   light grey), the summed weight the pen width; directed relations drawn with an arrow.
/// - **Legend**: the title and a key of colours, shapes (type families, ``ActorFamily``), size,
///   tie kinds (colours) and line styles as an HTML-like table in the graph label, which every
///   engine places (clusters are dot-only).
/// - **Deterministic**: the same network and options give the same document, and with the
///   seeded engine the same bytes.
public enum StakeholderMap {
  /// The map's font; installed by Scripts/setup/bootstrap.sh (fonts-dejavu-core), so text is
  /// measured the same way on every machine.
  package static let font = FontName("DejaVu Sans")!

  /// Builds the map document.
  ///
  /// - Complexity: O(n + m log m) for n actors and m relations.
  package static func document(for network: Network, options: MapOptions = MapOptions()) -> DOTGraph {
    let language = options.language
    let words = Words(language)
    let shown = visibleActors(network, options: options)
    let engine = self.engine(for: network, options: options)
    let clustered = options.clusterBy != nil && drawsClusters(engine)
    let anyDirected = network.relations.contains {
      $0.directed && options.statuses.contains($0.status) && shown[$0.from] && shown[$0.to]
    }
    var graph = DOTGraph(name: network.info.title.isEmpty ? "stakemap" : network.info.title)
    graph.isDirected = anyDirected
    graph.attributes.fontName = font
    graph.attributes.fontSize = 11
    graph.attributes.pad = 0.3
    graph.attributes.outputOrder = .edgesFirst
    graph.attributes.overlap = .prism
    // Curved routing around nodes costs neato, twopi, circo and fdp time that grows steeply
    // with size (neato: 0.6 s at 40 actors, 14 s at 150, 98 s at 300; straight lines: 0.3 s at
    // 150): curves only up to splineActorLimit actors; dot routes its own curves quickly.
    let shownCount = shown.count { $0 }
    graph.attributes.splines =
      engine == .dot || (engine != .sfdp && shownCount <= splineActorLimit) ? .spline : .line
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
    if engine == .twopi, let ego = options.ego, shown.indices.contains(ego.actor) {
      graph.attributes.root = nodeID(ego.actor)
    }

    // Without clusters (an engine that cannot draw them), the grouping becomes the colour.
    let coloring: NodeColoring
    if let grouping = options.clusterBy, !clustered {
      coloring = groupColoring(network, grouping: grouping, language: language)
    } else {
      coloring = NodeColoring(network: network, attribute: options.colorBy, language: language)
    }
    let sizes = options.sizeValues.map(relativeSizes)
    let highlighted = Set(options.highlightedActors)

    var nodes: [DOTNode] = []
    for (i, actor) in network.actors.enumerated() where shown[i] {
      let style = ActorTypeStyle.of(actor.type)
      let fill = coloring.color(of: i)
      var node = DOTNode(id: nodeID(i))
      // The SVG element's id, for the report's interactive map: `sm-a` and the actor's index.
      node.attributes.id = "sm-" + nodeID(i)
      // Only what a label can show is wrapped (TextBounds cuts it anyway): a 10 MB name would
      // otherwise be wrapped in full first.
      let shown = String((actor.short ?? actor.name).prefix(TextBounds.labelCharacters + 1))
      node.attributes.label = .wrapped(shown, width: max(4, options.labelWidth))
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
      if highlighted.contains(i) {
        node.attributes.penWidth = highlightPenWidth
        node.attributes.color = Color(hex: "#000000")
        node.attributes.tooltip! += " · " + highlightText(options)
      }
      nodes.append(node)
    }
    if clustered, let grouping = options.clusterBy {
      let (groups, members) = clusters(network, grouping: grouping, shown: shown, language: language)
      var inCluster = Set<String>()
      for (k, name) in groups.enumerated() {
        var cluster = DOTCluster(id: "g\(k)")
        cluster.attributes.label = .text(name)
        cluster.attributes.labelJust = .left
        cluster.attributes.tooltip = name
        cluster.attributes.style = [.rounded, .filled]
        cluster.attributes.fillColor = Color(hex: "#F5F5F5")
        cluster.attributes.color = Color(hex: "#999999")
        cluster.attributes.fontName = font
        cluster.attributes.fontSize = 11
        let ids = Set(members[k].map(nodeID))
        cluster.nodes = nodes.filter { ids.contains($0.id) }
        inCluster.formUnion(ids)
        graph.clusters.append(cluster)
      }
      graph.nodes = nodes.filter { !inCluster.contains($0.id) }
    } else {
      graph.nodes = nodes
    }

    for tie in drawnTies(network, statuses: options.statuses, language: language) where shown[tie.from] && shown[tie.to] {
      var edge = DOTEdge(from: nodeID(tie.from), to: nodeID(tie.to))
      // `sm-t-FROM-TO-KIND-STATUS-N`: the ends, kind and status for the interactive map.
      edge.attributes.id = "sm-t-\(tie.from)-\(tie.to)-\(tie.kind.rawValue)-\(tie.status.rawValue)-\(graph.edges.count)"
      edge.attributes.penWidth = round2(min(6, 1 + 1.5 * log2(max(1, tie.weight))))
      edge.attributes.color = Color(hex: RelationKindStyle.color(of: tie.kind))
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
      for (a, b, shared) in network.coParticipation() where shown[a] && shown[b] {
        var edge = DOTEdge(from: nodeID(a), to: nodeID(b))
        edge.attributes.color = Color(hex: "#AAAAAA")
        edge.attributes.style = [.dotted]
        edge.attributes.penWidth = round2(min(4, 0.5 + 0.5 * Double(shared)))
        if anyDirected { edge.attributes.direction = EdgeAttributes.Direction.none }
        let names = [a, b].map { network.actors[$0].short ?? network.actors[$0].name }
        edge.attributes.tooltip = words.count(
          shared, one: .mapTooltipSharedEventsOne, other: .mapTooltipSharedEventsOther,
          ["pair": "\(names[0]) – \(names[1])"])
        graph.edges.append(edge)
      }
    }

    for tie in options.suggestedTies
    where tie.a != tie.b && shown.indices.contains(tie.a) && shown.indices.contains(tie.b)
      && shown[tie.a] && shown[tie.b]
    {
      var edge = DOTEdge(from: nodeID(tie.a), to: nodeID(tie.b))
      edge.attributes.style = [.dashed]
      edge.attributes.color = Color(hex: suggestionColor)
      edge.attributes.fontColor = Color(hex: suggestionTextColor)
      edge.attributes.penWidth = 2.2
      edge.attributes.label = .text(tie.label)
      edge.attributes.fontSize = 10
      // Suggestions must not reshape a hierarchy: dot ranks without them.
      edge.attributes.constraint = false
      if anyDirected { edge.attributes.direction = EdgeAttributes.Direction.none }
      let a = network.actors[tie.a], b = network.actors[tie.b]
      edge.attributes.tooltip =
        "\(tie.label): \(a.short ?? a.name) – \(b.short ?? b.name)"
        + (tie.tooltip.map { "\n" + $0 } ?? "")
      graph.edges.append(edge)
    }

    if let pinned = options.pinned { pin(pinned, graph: &graph, network: network, options: options) }

    if options.legend {
      graph.attributes.label = .html(
        legend(
          network: network, coloring: coloring, options: options, shown: shown,
          clustered: clustered))
      graph.attributes.labelLoc = .top
      graph.attributes.labelJust = .left
    }
    return graph
  }

  /// The colour of suggested ties (Okabe–Ito vermillion: distinct from the type colours and
  /// readable with colour-vision deficiencies; the label and the dashes carry the meaning too).
  public static let suggestionColor = "#D55E00"
  /// Its darker shade for the label text (WCAG contrast ≥ 4.5 on white).
  static let suggestionTextColor = "#A34700"
  /// Outline width of highlighted actors, in points (the default outline is 0.8).
  static let highlightPenWidth = 3.5

  /// Maps with more actors than this are not laid out with `dot` automatically even when they
  /// are grouped: dot's crossing minimisation takes tens of seconds beyond (../shared/notes/graphviz.md §2.8).
  public static let clusterEngineLimit = 600

  /// Ties are routed as curves around the nodes up to this many actors shown, and drawn as
  /// straight lines beyond (except by `dot`, whose curves stay fast); see ``document(for:options:)``.
  public static let splineActorLimit = 60

  /// The most actors an engine may lay out, asked for explicitly or not: `circo` takes 10 s for
  /// 150 actors and minutes for 300 even with straight lines; the others lay out 500 actors in
  /// under a second with straight lines (`dot`, `neato`, `twopi`, `fdp`, `sfdp`; measured on this
  /// project's 2-core machine). Nil: no limit beyond ``RenderLimits``.
  public static func actorLimit(of engine: LayoutEngine) -> Int? {
    switch engine {
    case .circo: 120
    case .neato: 2_000
    case .dot, .twopi, .fdp: 5_000
    default: nil
    }
  }

  /// True for the engines that draw clusters as boxes.
  public static func drawsClusters(_ engine: LayoutEngine) -> Bool {
    engine == .dot || engine == .fdp
  }

  /// The engine a map is laid out with: ``MapOptions/engine``, or the automatic choice.
  public static func engine(for network: Network, options: MapOptions) -> LayoutEngine {
    if options.pinned != nil { return .neato }
    return options.engine ?? automaticEngine(for: network, options: options)
  }

  /// The engine for a map when none is asked for: `neato` (stress majorization, the clearest
  /// drawing of a small undirected network) up to 400 actors, `sfdp` beyond (the only
  /// force-directed engine that scales; ../shared/notes/graphviz.md §2.8), and `dot` for small networks whose ties
  /// are mostly directed (hierarchies, funding flows).
  public static func automaticEngine(for network: Network) -> LayoutEngine {
    automaticEngine(for: network, options: MapOptions())
  }

  /// The engine for a map view when none is asked for, judged on the actors the view shows:
  /// - grouped (``MapOptions/clusterBy``) and at most ``clusterEngineLimit`` actors: `dot`,
  ///   the reproducible engine that draws the groups as boxes;
  /// - an ego map: `twopi`, rooted at the ego, so each ring is one more hop away;
  /// - otherwise as ``automaticEngine(for:)``: `dot` when at least 80 % of the ties are
  ///   directed, `neato` up to 400 actors, `sfdp` beyond.
  ///
  /// All of them are seeded or deterministic, so the same input renders the same bytes
  /// (never `fdp`, which is not reproducible on Graphviz 2.42).
  public static func automaticEngine(for network: Network, options: MapOptions) -> LayoutEngine {
    let shown = visibleActors(network, options: options)
    let n = shown.count { $0 }
    if options.clusterBy != nil && n <= clusterEngineLimit { return .dot }
    if options.ego != nil && options.clusterBy == nil { return .twopi }
    let relations = network.relations.filter { shown[$0.from] && shown[$0.to] }
    let directed = relations.count { $0.directed }
    if n <= 400 && !relations.isEmpty && directed * 5 >= relations.count * 4 {
      return .dot
    }
    return n <= 400 ? .neato : .sfdp
  }

  /// Which actors a view shows: those passing ``MapOptions/filters``, and within the ego map's
  /// radius when there is one (the ego itself always). Indexed like the network's actors.
  ///
  /// - Complexity: O(n + m).
  public static func visibleActors(_ network: Network, options: MapOptions) -> [Bool] {
    var shown = network.actors.map { AttributeFilter.matches($0, all: options.filters) }
    if let ego = options.ego, network.actors.indices.contains(ego.actor) {
      let distance = hopDistances(network, from: ego.actor, options: options)
      for i in shown.indices where !(distance[i].map { $0 <= ego.radius } ?? false) {
        shown[i] = false
      }
      shown[ego.actor] = true
    }
    return shown
  }

  /// Hops from `source` along the ties the map draws, direction ignored (nil: unreachable).
  static func hopDistances(_ network: Network, from source: Int, options: MapOptions) -> [Int?] {
    var neighbours = [[Int]](repeating: [], count: network.actors.count)
    for r in network.relations where r.from != r.to && options.statuses.contains(r.status) {
      neighbours[r.from].append(r.to)
      neighbours[r.to].append(r.from)
    }
    if options.coParticipation {
      for (a, b, _) in network.coParticipation() {
        neighbours[a].append(b)
        neighbours[b].append(a)
      }
    }
    var distance = [Int?](repeating: nil, count: network.actors.count)
    distance[source] = 0
    var queue = [source]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in neighbours[v] where distance[w] == nil {
        distance[w] = distance[v]! + 1
        queue.append(w)
      }
    }
    return distance
  }

  /// The group names of a grouping, in legend order, and the shown members of each; actors
  /// without a group are in none.
  static func clusters(
    _ network: Network, grouping: MapGrouping, shown: [Bool], language: Language
  ) -> (names: [String], members: [[Int]]) {
    let labels = groupLabels(network, grouping: grouping, language: language)
    var order: [String] = []
    switch grouping {
    case .attribute("type"):
      let present = Set(network.actors.indices.filter { shown[$0] }.map { network.actors[$0].type })
      order = ActorType.allCases.filter(present.contains).map { $0.label(language) }
    case .attribute:
      order = Set(network.actors.indices.filter { shown[$0] }.compactMap { labels[$0] }).sorted()
    case .assigned:
      var seen = Set<String>()
      for i in network.actors.indices where shown[i] {
        if let label = labels[i], seen.insert(label).inserted { order.append(label) }
      }
    }
    let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    var members = [[Int]](repeating: [], count: order.count)
    for i in network.actors.indices where shown[i] {
      if let label = labels[i], let k = position[label] { members[k].append(i) }
    }
    return (order, members)
  }

  /// The group name of every actor under a grouping (nil: none).
  static func groupLabels(_ network: Network, grouping: MapGrouping, language: Language) -> [String?] {
    switch grouping {
    case .attribute("type"): network.actors.map { $0.type.label(language) }
    case .attribute(let key): network.actors.map { $0.attribute(key) }
    case .assigned(_, let labels):
      network.actors.indices.map { $0 < labels.count ? labels[$0] : nil }
    }
  }

  /// The heading of a grouping in the legend.
  static func groupHeading(_ grouping: MapGrouping, language: Language) -> String {
    switch grouping {
    case .attribute("type"): Words(language)(.mapActorType)
    case .attribute(let key): key
    case .assigned(let heading, _): heading
    }
  }

  static func groupColoring(_ network: Network, grouping: MapGrouping, language: Language) -> NodeColoring {
    switch grouping {
    case .attribute(let key):
      NodeColoring(network: network, attribute: key, language: language)
    case .assigned(let heading, _):
      NodeColoring(
        heading: heading, values: groupLabels(network, grouping: grouping, language: language),
        language: language)
    }
  }

  static func highlightText(_ options: MapOptions) -> String {
    options.highlightLabel ?? Words(options.language)(.mapCutPoint)
  }

  static func nodeID(_ index: Int) -> String { "a\(index)" }

  static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }

  /// Values scaled to 0…1 by the square root of value/max, so node *area* follows the value.
  static func relativeSizes(_ values: [Double]) -> [Double] {
    let top = values.filter(\.isFinite).max() ?? 0
    guard top > 0 else { return values.map { _ in 0 } }
    return values.map { $0.isFinite && $0 > 0 ? ($0 / top).squareRoot() : 0 }
  }

  static func tooltip(for actor: Stakeholder, language: Language) -> String {
    var parts = [actor.name, actor.type.label(language)]
    if let region = actor.region { parts.append(region) }
    if actor.basis == .worldKnowledge {
      parts.append(Words(language)(.mapTooltipWorldKnowledge))
    }
    return parts.joined(separator: " · ")
  }

  /// One drawn line: a pair of actors, a status and a kind, with the relations merged into it.
  struct DrawnTie {
    var from: Int
    var to: Int
    var directed: Bool
    var status: RelationStatus
    var kind: RelationKind
    var weight: Double
    var tooltip: String
  }

  /// Relations grouped by (pair, direction, status, kind), in order of first appearance; the
  /// tooltips in `language` (kind, status, quotation marks). Two kinds between one pair are two
  /// lines, so each keeps its colour.
  static func drawnTies(
    _ network: Network, statuses: Set<RelationStatus>, language: Language
  ) -> [DrawnTie] {
    let words = Words(language)
    struct Key: Hashable {
      var a: Int, b: Int, directed: Bool, status: RelationStatus, kind: RelationKind
    }
    var order: [Key] = []
    var merged: [Key: (weight: Double, kinds: [String], quotes: [String])] = [:]
    for r in network.relations where statuses.contains(r.status) && r.from != r.to {
      let key =
        r.directed
        ? Key(a: r.from, b: r.to, directed: true, status: r.status, kind: r.kind)
        : Key(a: min(r.from, r.to), b: max(r.from, r.to), directed: false, status: r.status, kind: r.kind)
      if merged[key] == nil {
        order.append(key)
        merged[key] = (0, [], [])
      }
      merged[key]!.weight += r.weight
      let kind = r.kind.label(language)
      if !merged[key]!.kinds.contains(kind) { merged[key]!.kinds.append(kind) }
      if let evidence = r.evidence {
        merged[key]!.quotes.append(words.quoted(evidence) + (r.source.map { " (\($0))" } ?? ""))
      }
    }
    return order.map { key in
      let m = merged[key]!
      let a = network.actors[key.a], b = network.actors[key.b]
      var text = "\(a.short ?? a.name) \(key.directed ? "→" : "–") \(b.short ?? b.name): "
      text += words.list(m.kinds)
      if key.status != .existing {
        text += " " + words(.mapTooltipStatus, ["status": key.status.label(language)])
      }
      for quote in m.quotes.prefix(3) { text += "\n" + quote }
      return DrawnTie(
        from: key.a, to: key.b, directed: key.directed, status: key.status, kind: key.kind,
        weight: m.weight,
        tooltip: text)
    }
  }

  static func legend(
    network: Network, coloring: NodeColoring, options: MapOptions, shown: [Bool], clustered: Bool
  ) -> HTMLLabel {
    let words = Words(options.language)
    var rows: [HTMLLabel.Row] = []
    let title = options.title ?? network.info.title
    if !title.isEmpty {
      rows.append([HTMLLabel.Cell(title, bold: true, fontSize: 14, colSpan: 2, align: .left)])
    }
    for line in viewLines(network, options: options) {
      rows.append([HTMLLabel.Cell(line, italic: true, colSpan: 2, align: .left)])
    }
    rows.append([
      HTMLLabel.Cell(
        coloring.heading, bold: true, colSpan: 2, align: .left)
    ])
    for entry in coloring.entries(shown: shown) {
      rows.append([.swatch(Color(hex: entry.color)!), HTMLLabel.Cell(entry.text, align: .left)])
    }
    if let sizeLabel = options.sizeLabel, options.sizeValues != nil {
      rows.append([
        HTMLLabel.Cell("●", align: .center),
        HTMLLabel.Cell(words(.mapLegendSize, ["metric": sizeLabel]), align: .left),
      ])
    }
    if clustered, let grouping = options.clusterBy {
      rows.append([
        HTMLLabel.Cell("▢", align: .center),
        HTMLLabel.Cell(
          words(.mapLegendBoxes, ["grouping": groupHeading(grouping, language: options.language)]),
          align: .left),
      ])
    }
    if options.highlightedActors.contains(where: { shown.indices.contains($0) && shown[$0] }) {
      rows.append([
        HTMLLabel.Cell(bgColor: Color(hex: "#FFFFFF"), border: 3, width: 24, height: 14, fixedSize: true),
        HTMLLabel.Cell(highlightText(options), align: .left),
      ])
    }
    // The shapes: type families present among the shown actors, in the fixed order.
    let families = Set(network.actors.indices.filter { shown[$0] }.map { ActorFamily.of(network.actors[$0].type) })
    if !families.isEmpty {
      rows.append([HTMLLabel.Cell(words(.mapLegendShapes), bold: true, colSpan: 2, align: .left)])
      for family in ActorFamily.allCases where families.contains(family) {
        rows.append([
          HTMLLabel.Cell(family.glyph, fontColor: Color(hex: "#444444"), fontSize: 15, align: .center),
          HTMLLabel.Cell(family.label(options.language), align: .left),
        ])
      }
    }
    // The grid draws no ties, only who is pointed out.
    var isGrid = false
    if case .grid(let grid)? = options.pinned {
      isGrid = true
      if grid.disagreements.keys.contains(where: { shown.indices.contains($0) && shown[$0] }) {
        rows.append([
          HTMLLabel.Cell(bgColor: Color(hex: "#FFFFFF"), border: 3, width: 24, height: 14, fixedSize: true),
          HTMLLabel.Cell(words(.mapGridDisagreementLegend), align: .left),
        ])
      }
    }
    let drawn = isGrid ? [] : network.relations.filter {
      shown[$0.from] && shown[$0.to] && $0.from != $0.to && options.statuses.contains($0.status)
    }
    // Every kind drawn, in vocabulary order, as a line of its colour.
    let kinds = Set(drawn.filter { $0.status != .ended }.map(\.kind))
    if !kinds.isEmpty {
      rows.append([HTMLLabel.Cell(words(.mapLegendTieKinds), bold: true, colSpan: 2, align: .left)])
      for kind in RelationKind.allCases where kinds.contains(kind) {
        rows.append([
          HTMLLabel.Cell("━━━", fontColor: Color(hex: RelationKindStyle.color(of: kind)), fontSize: 13, align: .center),
          HTMLLabel.Cell(kind.label(options.language), align: .left),
        ])
      }
      rows.append([HTMLLabel.Cell(words(.mapLegendTieStatus), bold: true, colSpan: 2, align: .left)])
    }
    let suggestions = options.suggestedTies.filter {
      $0.a != $0.b && shown.indices.contains($0.a) && shown.indices.contains($0.b) && shown[$0.a]
        && shown[$0.b]
    }
    if !suggestions.isEmpty {
      let labels = suggestions.map(\.label)
      let range = labels.count == 1 ? labels[0] : labels[0] + "–" + labels[labels.count - 1]
      rows.append([
        HTMLLabel.Cell("╍╍╍", bold: true, fontColor: Color(hex: suggestionColor), align: .center),
        HTMLLabel.Cell(words(.mapLegendSuggested, ["labels": range]), align: .left),
      ])
    }
    let statuses = Set(drawn.map(\.status))
    let lines: [(RelationStatus, String, String)] = [
      (.existing, "━━━", words(.mapLegendExisting)),
      (.planned, "╍╍╍", words(.mapLegendPlanned)),
      (.desired, "┈┈┈", words(.mapLegendDesired)),
      (.ended, "━━━", words(.mapLegendEnded)),
    ]
    for (status, glyph, text) in lines where statuses.contains(status) {
      rows.append([HTMLLabel.Cell(glyph, align: .center), HTMLLabel.Cell(text, align: .left)])
    }
    if options.coParticipation && !network.events.isEmpty {
      rows.append([
        HTMLLabel.Cell("┄┄┄", fontColor: Color(hex: "#AAAAAA"), align: .center),
        HTMLLabel.Cell(words(.mapLegendSharedEvent), align: .left),
      ])
    }
    if !isGrid && network.relations.contains(where: { $0.weight != 1 }) {
      rows.append([
        HTMLLabel.Cell("", align: .center),
        HTMLLabel.Cell(words(.mapLegendLineWidth), align: .left),
      ])
    }
    return HTMLLabel(rows: rows, border: 0, cellBorder: 0, cellSpacing: 3, cellPadding: 2)
  }

  /// What part of the network a view shows, for the legend and the description.
  static func viewLines(_ network: Network, options: MapOptions) -> [String] {
    let words = Words(options.language)
    var lines: [String] = []
    if let ego = options.ego, network.actors.indices.contains(ego.actor) {
      let actor = network.actors[ego.actor]
      let name = actor.short ?? actor.name
      let steps = words.count(ego.radius, one: .mapViewStepsOne, other: .mapViewStepsOther)
      lines.append(words(.mapViewEgo, ["actor": name, "steps": steps]))
    }
    switch options.pinned {
    case .netzwerkkarte(let karte)? where network.actors.indices.contains(karte.focus):
      let actor = network.actors[karte.focus]
      let rings: String
      switch karte.rings {
      case .distance: rings = words(.mapKarteRingsDistance)
      case .attribute(let key): rings = key
      }
      lines.append(words(.mapViewNetzwerkkarte, ["actor": actor.short ?? actor.name, "rings": rings]))
    case .grid?: lines.append(words(.mapViewGrid))
    default: break
    }
    if !options.filters.isEmpty {
      var byKey: [(String, [String])] = []
      for filter in options.filters {
        if let k = byKey.firstIndex(where: { $0.0 == filter.key }) {
          byKey[k].1.append(filter.value)
        } else {
          byKey.append((filter.key, [filter.value]))
        }
      }
      let parts = byKey.map { key, values in
        "\(key) = " + values.joined(separator: " " + words(.mapViewOr) + " ")
      }
      lines.append(words(.mapViewOnly, ["filters": words.list(parts)]))
    }
    return lines
  }
}
