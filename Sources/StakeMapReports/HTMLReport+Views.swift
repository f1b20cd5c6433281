import StakeMapGaps
import StakeMapMaps
import StakeMapModel
import StakeMapText

extension HTMLReportWriter {
  /// The sections of the fixed views (``ReportViews``): the Netzwerkkarte, and the
  /// power/interest grid with the quadrants as lists (the grid's text for screen readers) and
  /// the actors whose rating and network position disagree. Each SVG's ids get a prefix, so
  /// the page's ids stay unique.
  func viewsSections() -> String {
    var h = ""
    let views = report.views
    if let karte = views.netzwerkkarte, let hub = StakeholderMap.hub(of: network, options: report.mapOptions) {
      var body = "<p>\(e(t(.reportKarteIntro, ["actor": network.actors[hub].short ?? network.actors[hub].name])))</p>\n"
      body += "<figure>\n" + Self.prefixedIDs(Self.inlineSVG(String(decoding: karte.bytes, as: UTF8.self)), "sm-karte-")
      body += "\n<figcaption>\(e(views.netzwerkkarteDescription))</figcaption>\n</figure>\n"
      h += section(Self.karteSectionID, e(t(.reportKarte)), body)
    }
    if let grid = views.grid, let power = views.powerInterest {
      var body = "<p>\(e(t(.reportGridIntro)))</p>\n"
      body += "<figure>\n" + Self.prefixedIDs(Self.inlineSVG(String(decoding: grid.bytes, as: UTF8.self)), "sm-grid-")
      body += "\n<figcaption>\(e(views.gridDescription))</figcaption>\n</figure>\n"
      if power.disagreements.isEmpty {
        body += "<p>\(e(t(.reportGridNoDisagreements)))</p>\n"
      } else {
        body += "<p>\(e(t(.reportGridDisagreements)))</p>\n<ul class=\"disagreements\">\n"
        for i in power.disagreements {
          body += "<li>\(actorLink(i)): \(e(power.disagreementNote(actor: i, language: report.language)))</li>\n"
        }
        body += "</ul>\n"
      }
      body += "<dl class=\"quadrants\">\n"
      for quadrant in PowerInterest.Quadrant.allCases {
        let members = network.actors.indices.filter { i in
          power.ratings[i].map { PowerInterest.quadrant(influence: $0.influence, interest: $0.interest) == quadrant } ?? false
        }
        guard !members.isEmpty else { continue }
        body += "<dt>\(e(PowerInterest.quadrantName(quadrant, language: report.language)))</dt>"
        body += "<dd>" + members.map(actorLink).joined(separator: ", ") + "</dd>\n"
      }
      let unrated = network.actors.indices.filter { power.ratings[$0] == nil }
      if !unrated.isEmpty {
        body += "<dt>\(e(t(.reportGridUnrated)))</dt><dd>" + unrated.map(actorLink).joined(separator: ", ") + "</dd>\n"
      }
      body += "</dl>\n"
      h += section(Self.gridSectionID, e(t(.reportGrid)), body)
    }
    return h
  }

  static let karteSectionID = "sm-karte"
  static let gridSectionID = "sm-grid"

  /// The contents entries of the views shown.
  func viewsContents() -> [(String, String)] {
    var entries: [(String, String)] = []
    if report.views.netzwerkkarte != nil { entries.append((Self.karteSectionID, t(.reportKarte))) }
    if report.views.grid != nil { entries.append((Self.gridSectionID, t(.reportGrid))) }
    return entries
  }

  /// A view's inlined SVG made to live beside the main map: every `id="…"` and the ids its
  /// `aria-labelledby` names get `prefix` in front (Graphviz numbers `node1`, `edge1`, … in
  /// every SVG alike, and each map has a `stakemap-title`), and its nodes and ties the classes
  /// `node sm-view-node` and `edge sm-view-edge`, so the main map's `node`s are still one per
  /// actor (the interactive script and the tests count on it). Graphviz's SVG refers to no
  /// other id.
  static func prefixedIDs(_ svg: String, _ prefix: String) -> String {
    var out = svg.replacingAll(" id=\"", " id=\"" + prefix)
    out = out.replacingAll("class=\"node\"", "class=\"node sm-view-node\"")
    out = out.replacingAll("class=\"edge\"", "class=\"edge sm-view-edge\"")
    let key = "aria-labelledby=\""
    if let start = out.firstRange(of: key), let end = out[start.upperBound...].firstIndex(of: "\"") {
      let ids = out[start.upperBound..<end].split(separator: " ").map { prefix + $0 }
      out.replaceSubrange(start.upperBound..<end, with: ids.joined(separator: " "))
    }
    return out
  }
}
