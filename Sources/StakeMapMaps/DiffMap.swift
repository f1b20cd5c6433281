import StakeMapGraphviz
import StakeMapModel
import StakeMapText

/// The map of two versions of a network in one picture (`stakemap diff -o map.svg`, and the
/// map inside the diff reports).
///
/// One layout for both: the map is drawn from the *union* of the versions (every actor and
/// relation of the new version, then the removed actors and relations of the old one), so an
/// actor present in both has exactly one place. Added actors get a thick bluish-green outline
/// and added ties are bluish green (Okabe–Ito #009E73, apart from the type colours); removed
/// actors and ties are grey and dashed. The legend says so, under the usual legend.
///
/// - Complexity: O(actors + relations) before Graphviz's layout.
public enum DiffMap {
  /// Okabe–Ito bluish green: what was added.
  public static let addedColor = "#009E73"
  /// What was removed.
  public static let removedColor = "#8C8C8C"

  /// The union of the two versions; `added[i]` / `removed[i]` mark its actors, and removed
  /// relations carry status `ended` (so they are drawn apart from the ties that stay).
  public static func union(_ diff: NetworkDiff) -> (network: Network, added: [Bool], removed: [Bool], removedRelations: Set<Int>, addedRelations: Set<Int>) {
    var network = diff.new
    var added = [Bool](repeating: false, count: diff.new.actors.count)
    for j in diff.addedActors { added[j] = true }
    var removed = added.map { _ in false }
    var indexOfOld: [Int] = diff.newIndexOfOld.map { $0 ?? -1 }
    for i in diff.removedActors {
      indexOfOld[i] = network.actors.count
      network.actors.append(diff.old.actors[i])
      added.append(false)
      removed.append(true)
    }
    var removedRelations = Set<Int>()
    for r in diff.removedRelations {
      var relation = diff.old.relations[r]
      relation.from = indexOfOld[relation.from]
      relation.to = indexOfOld[relation.to]
      relation.status = .ended
      removedRelations.insert(network.relations.count)
      network.relations.append(relation)
    }
    return (network, added, removed, removedRelations, Set(diff.addedRelations))
  }

  /// Renders the diff map (SVG with title and description, PNG with its resolution, PDF).
  public static func render(
    _ diff: NetworkDiff, options: MapOptions, format: RenderFormat, dpi: Double? = nil,
    paper: Paper? = nil
  ) throws(GraphvizError) -> StakeholderMap.Rendering {
    let (network, added, removed, removedRelations, addedRelations) = union(diff)
    var options = options
    options.statuses.insert(.ended)
    // Pairs whose every drawn relation was added or removed.
    var pairState: [String: (added: Bool, removed: Bool)] = [:]
    for (r, relation) in network.relations.enumerated() {
      let a = StakeholderMap.nodeID(relation.from)
      let b = StakeholderMap.nodeID(relation.to)
      for key in [a + " " + b, b + " " + a] {
        let old = pairState[key] ?? (true, true)
        pairState[key] = (old.added && addedRelations.contains(r), old.removed && removedRelations.contains(r))
      }
    }
    let words = Words(options.language)
    return try StakeholderMap.render(
      network, options: options, format: format, dpi: dpi, limits: RenderLimits(),
      adjust: { graph in
        paper?.apply(to: &graph)
        func restyle(_ node: inout DOTNode) {
          guard let i = Int(node.id.dropFirst()), added.indices.contains(i) else { return }
          if added[i] {
            node.attributes.color = Color(hex: addedColor)
            node.attributes.penWidth = 3.5
            node.attributes.tooltip = (node.attributes.tooltip ?? "") + " · " + words(.mapDiffAdded)
          } else if removed[i] {
            node.attributes.color = Color(hex: removedColor)
            node.attributes.fillColor = Color(hex: "#EEEEEE")
            node.attributes.fontColor = Color(hex: "#6E6E6E")
            var style = node.attributes.style ?? [.filled]
            style.insert(.dashed)
            node.attributes.style = style
            node.attributes.penWidth = 1.5
            node.attributes.tooltip = (node.attributes.tooltip ?? "") + " · " + words(.mapDiffRemoved)
          }
        }
        for k in graph.nodes.indices { restyle(&graph.nodes[k]) }
        for c in graph.clusters.indices {
          for k in graph.clusters[c].nodes.indices { restyle(&graph.clusters[c].nodes[k]) }
        }
        for k in graph.edges.indices {
          let e = graph.edges[k]
          guard let state = pairState[e.from + " " + e.to] else { continue }
          if e.attributes.color == Color(hex: "#BBBBBB") || (state.removed && !state.added) {
            graph.edges[k].attributes.color = Color(hex: removedColor)
            graph.edges[k].attributes.style = [.dashed]
          } else if state.added {
            graph.edges[k].attributes.color = Color(hex: addedColor)
            graph.edges[k].attributes.penWidth = max(2.5, e.attributes.penWidth ?? 1)
          }
        }
        if case .html(var legend)? = graph.attributes.label {
          legend.rows.append([HTMLLabel.Cell(words(.mapDiffLegendHeading), bold: true, colSpan: 2, align: .left)])
          legend.rows.append([
            HTMLLabel.Cell("━━━", bold: true, fontColor: Color(hex: addedColor), align: .center),
            HTMLLabel.Cell(words(.mapDiffLegendAdded), align: .left),
          ])
          legend.rows.append([
            HTMLLabel.Cell("╍╍╍", bold: true, fontColor: Color(hex: removedColor), align: .center),
            HTMLLabel.Cell(words(.mapDiffLegendRemoved), align: .left),
          ])
          graph.attributes.label = .html(legend)
        }
      })
  }
}
