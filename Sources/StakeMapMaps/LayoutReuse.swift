import StakeMapGraphviz
import StakeMapModel
import StakeMapText

/// `render --layout-from OTHER`: draw a network with the positions its actors had on the map
/// of another version, so a map stays recognisable from round to round.
///
/// OTHER's map is laid out as it would be rendered (same options, its own engine choice); the
/// centre of every node is read from that SVG. Actors of the network that are in OTHER —
/// matched as `stakemap diff` matches them (``NetworkDiff``: id, then name key) — are pinned
/// there (`pos="x,y!"`); the others are placed by `neato` around them. The map is then drawn
/// with `neato` (the engine that honours given positions), whatever the automatic choice
/// would be. Coordinates are Graphviz points; `neato` shifts the whole drawing so that it
/// starts at the origin, which keeps every distance between pinned actors.
///
/// - Complexity: one extra layout of OTHER, plus O(size of its SVG) to read the positions.
public enum LayoutReuse {
  /// Node centres in points by DOT node id, read from an SVG of Graphviz's `svg:core`
  /// renderer (`<g class="node"><title>ID</title>` then an `<ellipse cx cy>` or a
  /// `<polygon points>`; y as drawn, i.e. negated).
  package static func centres(svg: String) -> [String: (x: Double, y: Double)] {
    var out: [String: (x: Double, y: Double)] = [:]
    var rest = Substring(svg)
    while let node = rest.range(of: "class=\"node\"") {
      rest = rest[node.upperBound...]
      guard let t0 = rest.range(of: "<title>"), let t1 = rest.range(of: "</title>", range: t0.upperBound..<rest.endIndex)
      else { break }
      let id = String(rest[t0.upperBound..<t1.lowerBound])
      let end = rest.range(of: "</g>\n</g>", range: t1.upperBound..<rest.endIndex)?.lowerBound ?? rest.endIndex
      let body = rest[t1.upperBound..<end]
      if let e = body.range(of: "<ellipse"), let cx = number(body[e.upperBound...], "cx"),
        let cy = number(body[e.upperBound...], "cy")
      {
        out[id] = (cx, cy)
      } else if let list = outline(body) {
        // A polygon's points, or a rounded box's path (M x,y C x,y …): the bounding box.
        let numbers = list.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") })
          .compactMap { Double($0) }
        let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
        if let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(),
          let minY = points.map(\.1).min(), let maxY = points.map(\.1).max()
        {
          out[id] = ((minX + maxX) / 2, (minY + maxY) / 2)
        }
      }
    }
    return out
  }

  /// The `points` of the first polygon, else the `d` of the first path.
  private static func outline(_ body: Substring) -> Substring? {
    for (element, attribute) in [("<polygon", "points=\""), ("<path", " d=\"")] {
      if let p = body.range(of: element), let q = body[p.upperBound...].range(of: attribute) {
        return body[q.upperBound...].prefix { $0 != "\"" }
      }
    }
    return nil
  }

  private static func number(_ s: Substring, _ name: String) -> Double? {
    guard let r = s.range(of: " \(name)=\"") else { return nil }
    return Double(s[r.upperBound...].prefix { $0 != "\"" })
  }

  /// Where each actor of `network` stood on `other`'s map (in inches, y upwards), by actor
  /// index of `network`; nil for actors not in `other`.
  public static func positions(
    of network: Network, from other: Network, options: MapOptions
  ) throws(GraphvizError) -> [(x: Double, y: Double)?] {
    // Graphviz's own SVG, before the node titles become names for screen readers.
    let engine = StakeholderMap.engine(for: other, options: options)
    let svg = try Graphviz.render(
      StakeholderMap.document(for: other, options: options), engine: engine, format: .svg,
      limits: RenderLimits())
    let centres = centres(svg: String(decoding: svg.bytes, as: UTF8.self))
    let diff = NetworkDiff(old: other, new: network)
    return network.actors.indices.map { j in
      guard let i = diff.oldIndexOfNew[j], let c = centres[StakeholderMap.nodeID(i)] else { return nil }
      return (c.x / 72, -c.y / 72)
    }
  }

  /// Renders `network` with the layout of `other` (see the type's comment). `matching` is the
  /// network whose actors are matched against `other` when it is not `network` itself: the
  /// original of a published copy (``Publication`` keeps the actors' order), so that
  /// pseudonyms, which are numbered per file, never decide which actor goes where.
  public static func render(
    _ network: Network, from other: Network, matching: Network? = nil, options: MapOptions,
    format: RenderFormat, dpi: Double? = nil, paper: Paper? = nil
  ) throws(GraphvizError) -> StakeholderMap.Rendering {
    let given = try positions(of: matching ?? network, from: other, options: options)
    var options = options
    options.engine = .neato
    return try StakeholderMap.render(
      network, options: options, format: format, dpi: dpi, limits: RenderLimits(),
      adjust: { graph in
        paper?.apply(to: &graph)
        // Overlap removal would scale the whole drawing, pinned nodes included (by 1–2 % once
        // shapes grew wider): the reused positions come from a map that has none.
        graph.attributes.overlap = .allowed
        func place(_ node: inout DOTNode) {
          guard let i = Int(node.id.dropFirst()), given.indices.contains(i), let p = given[i] else { return }
          node.attributes.position = NodeAttributes.Position(x: p.x, y: p.y)
        }
        for k in graph.nodes.indices { place(&graph.nodes[k]) }
        for c in graph.clusters.indices {
          for k in graph.clusters[c].nodes.indices { place(&graph.clusters[c].nodes[k]) }
        }
      })
  }
}
