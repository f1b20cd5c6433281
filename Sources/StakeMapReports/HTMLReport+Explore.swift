import StakeMapMaps
import StakeMapModel
import StakeMapText

extension HTMLReportWriter {
  /// What the interactive map (``InteractiveMap``) needs beside the SVG, as a hidden element
  /// `#sm-explore`: the controls' words (catalogue) as `data-` attributes; per actor shown its
  /// index, type, search text (name, short name, aliases) and its button label; the filter
  /// options present (types of shown actors, kinds and statuses of drawn ties) with their
  /// labels. Every value is an escaped attribute; nothing is shown without the script.
  func exploreData() -> String {
    guard report.map != nil else { return "" }
    let shown = StakeholderMap.visibleActors(network, options: report.mapOptions)
    var h = "<div id=\"sm-explore\" hidden=\"hidden\""
    let words: [(String, Phrase)] = [
      ("region", .reportExploreMapRegion), ("search", .reportExploreSearch),
      ("placeholder", .reportExplorePlaceholder), ("matches", .reportExploreMatches),
      ("filters", .reportExploreFilters), ("filter-type", .reportExploreTypes),
      ("filter-kind", .reportExploreKinds), ("filter-status", .reportExploreStatuses),
      ("zoom-in", .reportExploreZoomIn), ("zoom-out", .reportExploreZoomOut),
      ("zoom-reset", .reportExploreZoomReset), ("hint", .reportExploreHint),
      ("close", .reportExploreClose), ("card-for", .reportExploreCardFor),
    ]
    for (name, phrase) in words {
      // Placeholders stay for the script to fill: {n}, {actor}.
      h += " data-\(name)=\"\(a(t(phrase, ["n": "{n}", "actor": "{actor}"])))\""
    }
    h += ">\n"
    var types = Set<ActorType>()
    for (i, actor) in network.actors.enumerated() where shown[i] {
      types.insert(actor.type)
      let search = ([actor.name] + (actor.short.map { [$0] } ?? []) + actor.aliases).joined(separator: " ")
      let label = t(.reportExploreNodeLabel, ["actor": actor.name, "type": actor.type.label(report.language)])
      h += "<span data-actor=\"\(i)\" data-type=\"\(actor.type.rawValue)\" data-search=\"\(a(search))\" data-label=\"\(a(label))\"></span>\n"
    }
    for type in ActorType.allCases where types.contains(type) {
      h += "<span data-option=\"type\" data-value=\"\(type.rawValue)\" data-label=\"\(a(type.label(report.language)))\"></span>\n"
    }
    let drawn = network.relations.filter {
      shown[$0.from] && shown[$0.to] && $0.from != $0.to && report.mapOptions.statuses.contains($0.status)
    }
    let kinds = Set(drawn.map(\.kind)), statuses = Set(drawn.map(\.status))
    for kind in RelationKind.allCases where kinds.contains(kind) {
      h += "<span data-option=\"kind\" data-value=\"\(kind.rawValue)\" data-label=\"\(a(kind.label(report.language)))\"></span>\n"
    }
    for status in RelationStatus.allCases where statuses.contains(status) {
      h += "<span data-option=\"status\" data-value=\"\(status.rawValue)\" data-label=\"\(a(status.label(report.language)))\"></span>\n"
    }
    return h + "</div>\n"
  }
}
