import Foundation
import StakeMapGraphviz
import StakeMapModel
import StakeMapText

/// Map views whose every position is computed here and pinned (`pos="x,y!"`, laid out by
/// `neato`, which keeps pinned nodes where they are): the same data gives the same map, year
/// after year, which is what a series of reports needs. See ``NetzwerkkarteView`` and
/// ``PowerInterestView``.
public enum PinnedView: Sendable, Hashable {
  case netzwerkkarte(NetzwerkkarteView)
  case grid(PowerInterestView)
}

/// The Netzwerkkarte of German social work (easyNWK, VennMaker, Akteurslandkarten): the focus
/// actor in the centre; six sectors, one per type family (``ActorFamily``) in a fixed order,
/// clockwise from twelve o'clock, drawn as labelled circle segments whether or not a family has
/// actors; rings around the focus by distance (hops along the ties the map draws) or by the
/// values of an attribute. Actors of one sector and ring are spread evenly over the segment in
/// file order; the rings widen until every segment has room for its actors.
public struct NetzwerkkarteView: Sendable, Hashable {
  public enum Rings: Sendable, Hashable {
    /// Ring k: k hops from the focus; an outer ring for actors not connected to it.
    case distance
    /// One ring per value of the attribute (numbers in numeric order, else sorted), from the
    /// centre outwards; an outer ring for actors without a value.
    case attribute(String)
  }

  /// Index into the network's actors.
  public var focus: Int
  public var rings: Rings

  public init(focus: Int, rings: Rings = .distance) {
    self.focus = focus
    self.rings = rings
  }
}

/// Mendelow's power/interest grid: each rated actor at (interest, influence), both 1 to 5; the
/// four quadrants labelled; actors without a rating in a row beneath; actors whose stated
/// influence disagrees with their network position drawn with a thick outline and a note.
/// Ties are not drawn: the grid stands beside the network map.
public struct PowerInterestView: Sendable, Hashable {
  public struct Rating: Sendable, Hashable {
    public var influence: Int
    public var interest: Int
    public init(influence: Int, interest: Int) {
      self.influence = influence
      self.interest = interest
    }
  }

  /// Per actor, nil: not rated.
  public var ratings: [Rating?]
  /// Actor → the note for its tooltip (why it is pointed out).
  public var disagreements: [Int: String]

  public init(ratings: [Rating?], disagreements: [Int: String] = [:]) {
    self.ratings = ratings
    self.disagreements = disagreements
  }
}

extension StakeholderMap {
  /// The hub: the actor with the most partners along the drawn ties (the first in file order on
  /// a tie); nil for an empty network. The default focus of the Netzwerkkarte.
  public static func hub(of network: Network, options: MapOptions = MapOptions()) -> Int? {
    guard !network.actors.isEmpty else { return nil }
    var partners = [Set<Int>](repeating: [], count: network.actors.count)
    for r in network.relations where r.from != r.to && options.statuses.contains(r.status) {
      partners[r.from].insert(r.to)
      partners[r.to].insert(r.from)
    }
    return partners.indices.max { a, b in
      partners[a].count != partners[b].count ? partners[a].count < partners[b].count : a > b
    }
  }

  /// Places every shown actor of `document` and adds the view's drawing (rings, sectors,
  /// quadrants, axes). Called by ``document(for:options:)`` when ``MapOptions/pinned`` is set.
  static func pin(
    _ view: PinnedView, graph: inout DOTGraph, network: Network, options: MapOptions
  ) {
    graph.attributes.overlap = .allowed
    graph.attributes.splines = .line
    graph.attributes.start = nil
    switch view {
    case .netzwerkkarte(let karte): pinNetzwerkkarte(karte, graph: &graph, network: network, options: options)
    case .grid(let grid): pinGrid(grid, graph: &graph, network: network, options: options)
    }
  }

  /// A decoration node: no label unless given, grey, never an actor (ids start `sm_`).
  static func decoration(
    _ id: String, at x: Double, _ y: Double, label: String? = nil, shape: NodeAttributes.Shape = .plaintext
  ) -> DOTNode {
    var node = DOTNode(id: "sm_" + id)
    node.attributes.shape = shape
    node.attributes.style = []
    node.attributes.label = .text(label ?? "")
    node.attributes.position = PinnedPosition(x: x, y: y)
    node.attributes.fontColor = Color(hex: "#555555")
    node.attributes.color = Color(hex: "#BBBBBB")
    node.attributes.penWidth = 1
    node.attributes.fixedSize = false
    if let label { node.attributes.tooltip = label }
    return node
  }

  // MARK: Netzwerkkarte

  static func pinNetzwerkkarte(
    _ view: NetzwerkkarteView, graph: inout DOTGraph, network: Network, options: MapOptions
  ) {
    let words = Words(options.language)
    let n = network.actors.count
    guard network.actors.indices.contains(view.focus) else { return }
    // Ring of every actor (0: the focus) and the ring labels, from the centre outwards.
    var ring = [Int](repeating: 0, count: n)
    var ringLabels: [String] = []
    switch view.rings {
    case .distance:
      let distance = hopDistances(network, from: view.focus, options: options)
      let top = distance.compactMap { $0 }.max() ?? 0
      for d in 1...max(1, top) {
        ringLabels.append(words.count(d, one: .mapViewStepsOne, other: .mapViewStepsOther))
      }
      let unreachable = distance.contains { $0 == nil }
      if unreachable { ringLabels.append(words(.mapKarteNotConnected)) }
      for i in 0..<n { ring[i] = distance[i] ?? (ringLabels.count) }
    case .attribute(let key):
      let values = network.actors.indices.filter { $0 != view.focus }.compactMap { network.actors[$0].attribute(key) }
      var distinct = Array(Set(values))
      let numbers = distinct.compactMap(Double.init)
      if numbers.count == distinct.count {
        distinct.sort { Double($0)! < Double($1)! }
      } else {
        distinct.sort()
      }
      ringLabels = distinct.map { "\(key) = \($0)" }
      let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0 + 1) })
      let missing = network.actors.indices.contains { $0 != view.focus && network.actors[$0].attribute(key) == nil }
      if missing { ringLabels.append(words(.mapKarteNoValue, ["attribute": key])) }
      for i in 0..<n {
        ring[i] = network.actors[i].attribute(key).flatMap { index[$0] } ?? ringLabels.count
      }
      ring[view.focus] = 0
    }
    let rings = max(1, ringLabels.count)
    let families = ActorFamily.allCases
    let span = 2 * Double.pi / Double(families.count)
    // Actors per (family, ring), in file order.
    var cells: [[[Int]]] = Array(repeating: Array(repeating: [], count: rings + 1), count: families.count)
    let shownIDs = Set(graph.allNodeIDs)
    for i in 0..<n where i != view.focus && shownIDs.contains(nodeID(i)) {
      cells[ActorFamily.of(network.actors[i].type).rawValue][min(ring[i], rings)].append(i)
    }
    // Room for the actors: along a ring a node needs its extent across the radius, which
    // depends on the direction: at the top and bottom its width, at the sides its height
    // (estimated from the wrapped label and the node's size).
    let sizes = options.sizeValues.map(relativeSizes)
    func extent(_ i: Int, _ k: Int) -> Double {
      let s = sizes.map { i < $0.count ? $0[i] : 0 } ?? 0
      let font = sizes == nil ? 10 : 9 + 7 * s
      let text = network.actors[i].short ?? network.actors[i].name
      // Slanted and pointed shapes need room beside the text.
      let family = ActorFamily.of(network.actors[i].type)
      let pad = family == .networks || family == .administration ? 0.9 : 0.55
      let width = max(0.5 + 1.1 * s, Double(min(text.count, max(4, options.labelWidth))) * 0.09 * font / 10 + pad)
      let lines = Double((text.count + max(4, options.labelWidth) - 1) / max(4, options.labelWidth))
      let height = max(0.3 + 0.6 * s, 0.2 * lines * font / 10 + 0.25)
      let mid = Double.pi / 2 - (Double(k) + 0.5) * span
      return width * abs(sin(mid)) + height * abs(cos(mid)) + 0.15
    }
    var need = [[Double]](repeating: [Double](repeating: 0, count: rings + 1), count: families.count)
    // Each ring: its first row at least 1.8 in from the focus and 1.4 in outside the ring
    // inside, and far enough out that its most crowded segment fits in three rows. A crowded
    // segment's actors alternate between rows 0.95 in apart (1.5 in at the sides, where nodes
    // sit side by side radially), spread over 85 % of the segment. The boundary circles lie
    // half-way between the last row of a ring and the first of the next; the rim 0.8 in outside.
    func rowStep(_ k: Int) -> Double {
      let mid = Double.pi / 2 - (Double(k) + 0.5) * span
      return abs(cos(mid)) > 0.9 ? 1.5 : 0.95
    }
    var radius = [Double](repeating: 0, count: rings + 1)
    var lastRow = [Double](repeating: 0, count: rings + 1)
    var rows = [[Int]](repeating: [Int](repeating: 1, count: rings + 1), count: families.count)
    for r in 1...rings {
      var wanted = lastRow[r - 1] + (r == 1 ? 1.8 : 1.4)
      for k in families.indices where !cells[k][r].isEmpty {
        need[k][r] = cells[k][r].reduce(0) { $0 + extent($1, k) }
        wanted = max(wanted, need[k][r] / (3 * span * 0.75))
      }
      radius[r] = wanted
      lastRow[r] = wanted
      for k in families.indices where !cells[k][r].isEmpty {
        rows[k][r] = min(3, cells[k][r].count, max(1, Int((need[k][r] / (wanted * span * 0.75) - 1e-9).rounded(.up))))
        lastRow[r] = max(lastRow[r], wanted + Double(rows[k][r] - 1) * rowStep(k))
      }
    }
    func boundary(_ r: Int) -> Double { r < rings ? (lastRow[r] + radius[r + 1]) / 2 : lastRow[r] + 0.8 }
    let outer = boundary(rings) + 0.1
    // Angles: sector k from 90° − k·span clockwise (12 o'clock first).
    func point(_ angle: Double, _ radius: Double) -> (Double, Double) {
      (radius * cos(angle), radius * sin(angle))
    }
    var decorations: [DOTNode] = []
    var dividers: [DOTEdge] = []
    // Rings, largest first (drawn first, under everything).
    for r in stride(from: rings, through: 1, by: -1) {
      let radius = boundary(r)
      var circle = decoration("ring\(r)", at: 0, 0, shape: .circle)
      circle.attributes.width = round2(2 * radius)
      circle.attributes.height = round2(2 * radius)
      circle.attributes.fixedSize = true
      circle.attributes.style = [.dashed]
      circle.attributes.tooltip = ringLabels[r - 1]
      decorations.append(circle)
    }
    var outerCircle = decoration("rim", at: 0, 0, shape: .circle)
    outerCircle.attributes.width = round2(2 * outer)
    outerCircle.attributes.height = round2(2 * outer)
    outerCircle.attributes.fixedSize = true
    outerCircle.attributes.color = Color(hex: "#888888")
    decorations.insert(outerCircle, at: 0)
    var centre = decoration("centre", at: 0, 0, shape: .point)
    centre.attributes.width = 0.01
    centre.attributes.style = [.invis]
    decorations.append(centre)
    for (k, family) in families.enumerated() {
      let start = Double.pi / 2 - Double(k) * span
      let (bx, by) = point(start, outer)
      var end = decoration("edge\(k)", at: bx, by, shape: .point)
      end.attributes.width = 0.01
      end.attributes.style = [.invis]
      decorations.append(end)
      var divider = DOTEdge(from: "sm_centre", to: "sm_edge\(k)")
      divider.attributes.color = Color(hex: "#888888")
      divider.attributes.penWidth = 1
      if graph.isDirected { divider.attributes.direction = EdgeAttributes.Direction.none }
      dividers.append(divider)
      let mid = start - span / 2
      let half = Double(family.label(options.language).count) * 0.095 / 2
      let (lx, ly) = point(mid, outer + 0.3 + abs(cos(mid)) * half + abs(sin(mid)) * 0.1)
      var label = decoration("sector\(k)", at: lx, ly, label: family.label(options.language))
      label.attributes.fontSize = 13
      label.attributes.fontColor = Color(hex: "#222222")
      decorations.append(label)
    }
    // Ring labels on the twelve o'clock divider, on a white ground.
    for r in 1...rings {
      var label = decoration("ringlabel\(r)", at: 0, radius[r], label: ringLabels[r - 1])
      label.attributes.shape = .box
      label.attributes.style = [.filled]
      label.attributes.fillColor = Color(hex: "#FFFFFF")
      label.attributes.color = Color(hex: "#FFFFFF")
      label.attributes.fontSize = 9
      label.attributes.margin = 0.02
      decorations.append(label)
    }
    // The actors.
    var positions: [String: PinnedPosition] = [nodeID(view.focus): PinnedPosition(x: 0, y: 0)]
    for k in families.indices {
      let start = Double.pi / 2 - Double(k) * span
      for r in 1...rings {
        let members = cells[k][r]
        let rowCount = rows[k][r]
        // Neighbours alternate between the rows, each actor with its own angle.
        for (j, i) in members.enumerated() {
          let angle = start - span * (0.075 + 0.85 * (Double(j) + 0.5) / Double(members.count))
          let (x, y) = point(angle, radius[r] + Double(j % rowCount) * rowStep(k))
          positions[nodeID(i)] = PinnedPosition(x: round2(x), y: round2(y))
        }
      }
    }
    graph.setPositions(positions)
    graph.nodes.insert(contentsOf: decorations, at: 0)
    graph.edges.insert(contentsOf: dividers, at: 0)
  }

  // MARK: Power/interest grid

  static func pinGrid(
    _ view: PowerInterestView, graph: inout DOTGraph, network: Network, options: MapOptions
  ) {
    let words = Words(options.language)
    graph.edges = []
    let shownIDs = Set(graph.allNodeIDs)
    var cells: [PowerInterestView.Rating: [Int]] = [:]
    var unrated: [Int] = []
    for i in network.actors.indices where shownIDs.contains(nodeID(i)) {
      if i < view.ratings.count, let rating = view.ratings[i] {
        cells[rating, default: []].append(i)
      } else {
        unrated.append(i)
      }
    }
    let most = cells.values.map(\.count).max() ?? 1
    let columns = Int(Double(most).squareRoot().rounded(.up))
    let rows = (most + columns - 1) / columns
    let cellW = max(1.7, Double(columns) * 1.45), cellH = max(1.0, Double(rows) * 0.6 + 0.3)
    func x(_ interest: Double) -> Double { (interest - 1) * cellW }
    func y(_ influence: Double) -> Double { (influence - 1) * cellH }
    var decorations: [DOTNode] = []
    // Quadrants: low is 1–2, high 3–5 (the boundary at 2.5).
    let quadrants: [(id: String, phrase: Phrase, x0: Double, x1: Double, y0: Double, y1: Double, fill: String)] = [
      ("monitor", .mapGridMonitor, 0.5, 2.5, 0.5, 2.5, "#F7F7F7"),
      ("informed", .mapGridKeepInformed, 2.5, 5.5, 0.5, 2.5, "#EEF5FB"),
      ("satisfied", .mapGridKeepSatisfied, 0.5, 2.5, 2.5, 5.5, "#FBF3E6"),
      ("closely", .mapGridManageClosely, 2.5, 5.5, 2.5, 5.5, "#EAF6EF"),
    ]
    for q in quadrants {
      let left = x(q.x0), right = x(q.x1), bottom = y(q.y0), top = y(q.y1)
      var box = decoration("q_" + q.id, at: (left + right) / 2, (bottom + top) / 2, shape: .box)
      box.attributes.width = round2(right - left)
      box.attributes.height = round2(top - bottom)
      box.attributes.fixedSize = true
      box.attributes.style = [.filled]
      box.attributes.fillColor = Color(hex: q.fill)
      box.attributes.color = Color(hex: "#999999")
      box.attributes.tooltip = words(q.phrase)
      decorations.append(box)
      var label = decoration("ql_" + q.id, at: left + 0.1, top - 0.18, label: words(q.phrase))
      label.attributes.fontSize = 12
      label.attributes.fontColor = Color(hex: "#222222")
      // Left-aligned: the label's centre half its estimated width to the right.
      let width = Double(words(q.phrase).count) * 0.085
      label.attributes.position = PinnedPosition(x: round2(left + 0.12 + width / 2), y: round2(top - 0.2))
      decorations.append(label)
    }
    for v in 1...5 {
      decorations.append(decoration("xt\(v)", at: x(Double(v)), y(0.5) - 0.2, label: String(v)))
      decorations.append(decoration("yt\(v)", at: x(0.5) - 0.2, y(Double(v)), label: String(v)))
    }
    var xAxis = decoration("xaxis", at: x(3), y(0.5) - 0.5, label: words(.mapGridInterestAxis))
    xAxis.attributes.fontSize = 12
    var yAxis = decoration("yaxis", at: x(0.5) - 0.2, y(5.5) + 0.3, label: words(.mapGridInfluenceAxis))
    yAxis.attributes.fontSize = 12
    decorations += [xAxis, yAxis]
    var positions: [String: PinnedPosition] = [:]
    for (rating, members) in cells {
      let cx = x(Double(rating.interest)), cy = y(Double(rating.influence))
      let cols = min(columns, members.count)
      let rowsHere = (members.count + cols - 1) / cols
      for (j, i) in members.enumerated() {
        let col = j % cols, row = j / cols
        let px = cx + (Double(col) - Double(cols - 1) / 2) * 1.45
        let py = cy - (Double(row) - Double(rowsHere - 1) / 2) * 0.6
        positions[nodeID(i)] = PinnedPosition(x: round2(px), y: round2(py))
      }
    }
    if !unrated.isEmpty {
      let rowY = y(0.5) - 1.3
      var title = decoration("unrated", at: x(0.5), rowY + 0.45, label: words(.mapGridUnrated))
      title.attributes.fontSize = 11
      let width = Double(words(.mapGridUnrated).count) * 0.08
      title.attributes.position = PinnedPosition(x: round2(x(0.5) + width / 2), y: round2(rowY + 0.45))
      decorations.append(title)
      let perRow = max(1, Int((x(5.5) - x(0.5)) / 1.45))
      for (j, i) in unrated.enumerated() {
        let px = x(0.5) + 0.75 + Double(j % perRow) * 1.45
        let py = rowY - Double(j / perRow) * 0.6
        positions[nodeID(i)] = PinnedPosition(x: round2(px), y: round2(py))
      }
    }
    graph.setPositions(positions)
    for k in graph.nodes.indices {
      guard let i = actorIndex(graph.nodes[k].id), let note = view.disagreements[i] else { continue }
      graph.nodes[k].attributes.penWidth = highlightPenWidth
      graph.nodes[k].attributes.color = Color(hex: "#000000")
      graph.nodes[k].attributes.style = (graph.nodes[k].attributes.style ?? [.filled]).union([.dashed])
      graph.nodes[k].attributes.tooltip = (graph.nodes[k].attributes.tooltip ?? "") + " · " + note
    }
    graph.nodes.insert(contentsOf: decorations, at: 0)
  }

  /// The actor index of a node id `aN`; nil for decorations.
  static func actorIndex(_ id: String) -> Int? {
    id.first == "a" ? Int(id.dropFirst()) : nil
  }
}

extension DOTGraph {
  /// Ids of all nodes, in clusters too.
  var allNodeIDs: [String] { nodes.map(\.id) + clusters.flatMap { $0.nodes.map(\.id) } }

  /// Sets the pinned position of the nodes named in `positions`.
  mutating func setPositions(_ positions: [String: PinnedPosition]) {
    for k in nodes.indices { if let p = positions[nodes[k].id] { nodes[k].attributes.position = p } }
    for c in clusters.indices {
      for k in clusters[c].nodes.indices {
        if let p = positions[clusters[c].nodes[k].id] { clusters[c].nodes[k].attributes.position = p }
      }
    }
  }
}
