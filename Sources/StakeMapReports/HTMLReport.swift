import StakeMapAlgorithms
import StakeMapGaps
import StakeMapMaps
import StakeMapModel
import StakeMapText

extension Report {
  /// The report as one self-contained HTML page: works offline and as an e-mail attachment.
  ///
  /// Sections: title and summary, the map (inline SVG with its legend and a description),
  /// the sortable centrality table, the gaps with their reasons, a card per actor (type,
  /// ties, needs and offers, evidence quotes with their sources), the sources.
  ///
  /// Safety: every string from the data is escaped (``HTMLEscaping``); the page's only script
  /// and style are allowed by hash in a Content-Security-Policy that forbids every outside
  /// load (``ReportAssets``). Accessibility: landmarks and a skip link, one `h1` and nested
  /// headings, tables with captions and header cells, sort buttons with `aria-sort`, the map
  /// as a described image, quotes marked with their language.
  public func html() -> String {
    HTMLReportWriter(report: self).page()
  }
}

/// Writes the HTML page. All data passes through `e(_:)` (text) or `a(_:)` (attributes).
struct HTMLReportWriter {
  let report: Report
  let t: Words
  let summary: ReportSummary
  /// The network's language, for quotes when it differs from the report's.
  let dataLanguage: Language

  init(report: Report) {
    self.report = report
    t = Words(report.language)
    summary = ReportSummary(report)
    dataLanguage = report.network.info.language
  }

  var network: Network { report.network }

  func e(_ s: String) -> String { HTMLEscaping.text(s) }
  func a(_ s: String) -> String { HTMLEscaping.attribute(s) }

  func page() -> String {
    var h = "<!DOCTYPE html>\n<html lang=\"\(report.language.rawValue)\">\n<head>\n"
    h += "<meta charset=\"utf-8\" />\n"
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportAssets.contentSecurityPolicy)\" />\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
    h += "<meta name=\"referrer\" content=\"no-referrer\" />\n"
    if let generator = report.options.generator {
      h += "<meta name=\"generator\" content=\"\(a(generator))\" />\n"
    }
    h += "<title>\(e(report.title)) – \(e(t(.reportNetworkReport)))</title>\n"
    h += "<style>\(ReportAssets.style)</style>\n</head>\n<body>\n"
    h += "<a class=\"skip\" href=\"#sm-main\">\(e(t(.reportSkipToContent)))</a>\n"
    h += header()
    h += "<main id=\"sm-main\">\n"
    h += summarySection()
    if report.map != nil { h += mapSection() }
    h += exploreData()
    h += viewsSections()

    if let why = report.mapOmitted { h += "<p>\(e(why))</p>\n" }
    h += centralitySection()
    h += gapsSection()
    h += referralSection()
    h += actorsSection()
    h += sourcesSection()
    h += "</main>\n"
    h += footer()
    h += "<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
    return h
  }

  // MARK: Header

  func header() -> String {
    var h = "<header>\n<h1>\(e(report.title))</h1>\n"
    var facts = [t(.reportNetworkReport)]
    if let region = network.info.region, !region.isEmpty { facts.append(region) }
    facts.append(t.count(network.actors.count, one: .reportActorsOne, other: .reportActorsOther))
    if let date = report.latestSourceDate {
      facts.append(t(.reportSourcesUpTo, ["date": date]))
    }
    h += "<p class=\"subtitle\">\(facts.map(e).joined(separator: " · "))</p>\n"
    if let description = network.info.description, !description.isEmpty {
      h += paragraphs(description)
    }
    h += "<nav aria-label=\"\(a(t(.reportContents)))\"><ol>"
    var entries = [("sm-summary", t(.reportSummary))]
    if report.map != nil { entries.append(("sm-map", t(.reportMap))) }
    entries += viewsContents()
    entries += [
      ("sm-centrality", t(.reportCentrality)),
      ("sm-gaps", t(.reportGaps)),
    ]
    if !HTMLReportWriter.referralRows(network).isEmpty {
      entries.append((HTMLReportWriter.referralSectionID, t(.reportReferralGuide)))
    }
    entries += [
      ("sm-actors", t(.reportActors)),
      ("sm-sources", t(.reportSources)),
    ]
    for (id, label) in entries { h += "<li><a href=\"#\(id)\">\(e(label))</a></li>" }
    h += "</ol></nav>\n</header>\n"
    return h
  }

  /// Free text with blank lines as paragraph breaks and single line breaks as `<br>`.
  func paragraphs(_ text: String) -> String {
    let normalized = text.replacingAll("\r\n", "\n")
    var h = ""
    for block in normalized.split(separator: "\n\n", omittingEmptySubsequences: true) {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map { e(String($0)) }
      h += "<p>" + lines.joined(separator: "<br />") + "</p>\n"
    }
    return h
  }

  func section(_ id: String, _ title: String, _ body: String) -> String {
    "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(title)</h2>\n" + body + "</section>\n"
  }

  // MARK: Summary

  func summarySection() -> String {
    var h = "<div class=\"summary\">\n"
    for paragraph in summary.paragraphs {
      h += "<p data-topic=\"\(paragraph.topic.rawValue)\">\(e(paragraph.text))</p>\n"
    }
    if !summary.bridges.isEmpty {
      h += "<ol class=\"bridges\">\n"
      for (k, bridge) in summary.bridges.enumerated() {
        let s = report.gaps.suggestions[k]
        h += "<li><span class=\"label\">\(e(bridge.label))</span> "
        h += "<strong>\(actorLink(s.a)) – \(actorLink(s.b))</strong>"
        if !bridge.text.isEmpty { h += ": " + e(bridge.text) }
        h += "</li>\n"
      }
      h += "</ol>\n"
    }
    h += "</div>\n"
    return section("sm-summary", e(t(.reportSummary)), h)
  }

  // MARK: Map

  func mapSection() -> String {
    guard let map = report.map else { return "" }
    var h = "<figure>\n"
    h += HTMLReportWriter.inlineSVG(String(decoding: map.bytes, as: UTF8.self))
    h += "\n<figcaption>\(e(report.mapDescription))</figcaption>\n</figure>\n"
    let shown = StakeholderMap.visibleActors(network, options: report.mapOptions).count { $0 }
    h += "<p class=\"note\">"
    h += e(t(.reportMapNote, ["engine": map.engine.rawValue, "shown": String(shown), "n": String(network.actors.count)]))
    h += "</p>\n"
    return section("sm-map", e(t(.reportMap)), h)
  }

  /// A Graphviz SVG prepared for inlining in HTML: everything before the root `<svg` (XML
  /// declaration, DOCTYPE, comments) and all comments are removed, and the namespace
  /// declarations (which the HTML parser supplies itself) and `xml:lang` (the page has
  /// `lang`) are dropped from the root, so the page holds no `http://` name at all.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.firstRange(of: "<svg") else { return "" }
    var body = String(svg[start.lowerBound...])
    // Comments: Graphviz writes `<!-- … -->` with its own text; data in them is escaped.
    var out = ""
    var rest = Substring(body)
    while let open = rest.firstRange(of: "<!--") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "-->") else {
        rest = ""
        break
      }
      rest = rest[close.upperBound...]
      if rest.first == "\n" { rest = rest.dropFirst() }
    }
    out += rest
    body = out
    if let end = body.firstIndex(of: ">") {
      var root = String(body[..<end])
      for attribute in [
        " xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
      ] {
        root = root.replacingAll(attribute, "")
      }
      if let lang = root.firstRange(of: " xml:lang=\"") {
        if let close = root[lang.upperBound...].firstIndex(of: "\"") {
          root.removeSubrange(lang.lowerBound...close)
        }
      }
      body = root + body[end...]
    }
    return body.hasSuffix("\n") ? String(body.dropLast()) : body
  }

  // MARK: Centrality

  func centralitySection() -> String {
    let metrics = Metric.allCases
    let order = report.tableActors
    var h = ""
    if let note = report.listingNote { h += "<p class=\"note\">\(e(note))</p>\n" }
    h += "<p class=\"note hint\">"
    h += e(t(.reportSortedByBetweenness)) + " " + e(t(.reportSortHint))
    h += "</p>\n<div class=\"table-wrap\">\n<table data-sortable=\"\" id=\"sm-centrality-table\">\n"
    h += "<caption>"
    if report.listedActors != nil {
      h += e(t(.reportCentralityCaptionLeading, ["n": t.integer(network.actors.count), "k": t.integer(order.count)]))
    } else {
      h += e(t(.reportCentralityCaption, ["n": t.integer(network.actors.count)]))
    }
    h += "</caption>\n<thead><tr>"
    h += "<th scope=\"col\" class=\"num\" data-numeric=\"\">#</th>"
    h += "<th scope=\"col\">\(e(t(.reportColumnActor)))</th>"
    h += "<th scope=\"col\">\(e(t(.reportColumnType)))</th>"
    h += "<th scope=\"col\" class=\"num\" data-numeric=\"\">\(e(t(.reportColumnPartners)))</th>"
    for metric in metrics {
      let sorted = metric == .betweenness ? " aria-sort=\"descending\"" : ""
      h += "<th scope=\"col\" class=\"num\" data-numeric=\"\"\(sorted)>\(e(metric.label(report.language)))</th>"
    }
    h += "</tr></thead>\n<tbody>\n"
    let partners = report.partnerCounts
    for (rank, i) in order.enumerated() {
      let actor = network.actors[i]
      h += "<tr data-order=\"\(rank)\"><td class=\"num\" data-value=\"\(rank + 1)\">\(rank + 1)</td>"
      h += "<th scope=\"row\">\(actorLink(i))</th>"
      h += "<td>\(e(actor.type.label(report.language)))</td>"
      h += "<td class=\"num\" data-value=\"\(partners[i])\">\(partners[i])</td>"
      for metric in metrics {
        let value = metric.values(report.centrality)[i]
        h += "<td class=\"num\" data-value=\"\(HTMLReportWriter.number(value))\">\(t.number(value, places: metric.places))</td>"
      }
      h += "</tr>\n"
    }
    h += "</tbody>\n</table>\n</div>\n<dl class=\"figures\">\n"
    h += "<dt>\(e(t(.reportColumnPartners)))</dt><dd>\(e(t(.reportPartnersMeaning)))</dd>\n"
    for metric in metrics {
      h += "<dt>\(e(metric.label(report.language)))</dt><dd>\(e(metric.meaning(report.language)))</dd>\n"
    }
    h += "</dl>\n"
    if report.graph.isWeighted {
      h += "<p class=\"note\">\(e(t(.reportWeightedNote)))</p>\n"
    }
    return section("sm-centrality", e(t(.reportCentrality)), h)
  }

  /// A number for `data-value`: the shortest round-trip form; non-finite values sort last.
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "-1e308" }
    if x == 0 { return "0" }
    return "\(x)"
  }

  // MARK: Gaps

  func gapsSection() -> String {
    var h = ""
    // The suggestions have their own list below.
    let findings = report.gaps.findings(language: report.language).filter { $0.topic != .suggestions }
    if !findings.isEmpty {
      h += "<h3>\(e(t(.reportFindings)))</h3>\n<ul class=\"findings\">\n"
      for finding in findings {
        h += "<li data-topic=\"\(a(finding.topic.rawValue))\">\(e(finding.text))</li>\n"
      }
      h += "</ul>\n"
    }
    h += suggestionsList()
    h += cutPoints()
    h += bridges()
    h += needs()
    h += structureFigures()
    h += glossary()
    return section("sm-gaps", e(t(.reportGaps)), h)
  }

  /// The terms of the gap analysis, each in one plain sentence.
  func glossary() -> String {
    var h = "<h3>\(e(t(.reportTerms)))</h3>\n<dl class=\"figures\">\n"
    for (term, meaning) in GapReport.glossary(t) {
      h += "<dt>\(e(term))</dt><dd>\(e(meaning))</dd>\n"
    }
    return h + "</dl>\n"
  }

  func suggestionsList() -> String {
    var h = "<h3>\(e(t(.reportSuggestedTies)))</h3>\n"
    let suggestions = report.listedSuggestions
    if suggestions.isEmpty {
      h += "<p>\(e(t(.reportNoSuggestions)))</p>\n"
      return h
    }
    let drawn = report.map == nil ? 0 : min(report.mapSuggestionCount, suggestions.count)
    h += "<p class=\"note\">" + e(t(.reportBestFirst))
    if drawn > 0 { h += " " + e(t.count(drawn, one: .reportDrawnOnMapOne, other: .reportDrawnOnMapOther)) }
    h += "</p>\n"
    h += "<ol class=\"suggestions\">\n"
    for (k, s) in suggestions.enumerated() {
      h += "<li id=\"sm-suggestion-\(k)\"><p><span class=\"label\">\(e(Report.suggestionLabel(k, report.language)))</span> "
      h += "<strong>\(actorLink(s.a)) – \(actorLink(s.b))</strong> "
      h += "<span class=\"figs\">(\(e(t(.reportScore, ["score": t.number(s.score, places: 2)]))))</span></p>\n"
      if !s.reasons.isEmpty {
        h += "<ul class=\"reasons\">\n"
        for reason in s.reasons {
          h += "<li data-kind=\"\(a(reason.kind.rawValue))\">\(e(report.gaps.reasonText(reason, t)))"
          if !reason.figures.isEmpty {
            h += " <span class=\"figs\">(\(e(report.figures(reason.figures))))</span>"
          }
          h += "</li>\n"
        }
        h += "</ul>\n"
      }
      h += "</li>\n"
    }
    h += "</ol>\n"
    return h
  }

  func cutPoints() -> String {
    let cut = report.gaps.structure.articulationPoints
    guard !cut.isEmpty else { return "" }
    let pairs = report.gaps.fragility.disconnectedPairs
    let fragmentation = report.gaps.fragility.fragmentation
    var h = "<h3>\(e(t(.reportCutPoints)))</h3>\n"
    h += "<p>\(e(t(.reportCutPointsIntro)))</p>\n"
    h += "<div class=\"table-wrap\"><table>\n<caption>\(e(t(.reportCutPointsCaption)))</caption>\n"
    h += "<thead><tr><th scope=\"col\">\(e(t(.reportColumnActor)))</th><th scope=\"col\" class=\"num\">\(e(t(.reportColumnPairsCutOff)))</th><th scope=\"col\" class=\"num\">\(e(t(.reportColumnFragmentation)))</th></tr></thead>\n<tbody>\n"
    let order = cut.sorted {
      let pa = $0 < pairs.count ? pairs[$0] : 0, pb = $1 < pairs.count ? pairs[$1] : 0
      return pa != pb ? pa > pb : $0 < $1
    }
    for i in order {
      h += "<tr><th scope=\"row\">\(actorLink(i))</th>"
      h += "<td class=\"num\">\(i < pairs.count ? String(pairs[i]) : e(t(.commonNoValue)))</td>"
      h += "<td class=\"num\">\(i < fragmentation.count ? t.number(fragmentation[i], places: 3) : e(t(.commonNoValue)))</td></tr>\n"
    }
    h += "</tbody></table></div>\n"
    return h
  }

  func bridges() -> String {
    let bridges = report.gaps.structure.bridges
    guard !bridges.isEmpty else { return "" }
    var h = "<h3>\(e(t(.reportBridges)))</h3>\n"
    h += "<p>\(e(t(.reportBridgesIntro)))</p>\n<ul>\n"
    for (x, y) in bridges {
      h += "<li>\(actorLink(x)) – \(actorLink(y))</li>\n"
    }
    h += "</ul>\n"
    return h
  }

  func needs() -> String {
    let needs = report.gaps.needs
    guard !(needs.open.isEmpty && needs.unmet.isEmpty && needs.met.isEmpty) else { return "" }
    var h = "<h3>\(e(t(.reportNeedsAndOffers)))</h3>\n"
    if !needs.open.isEmpty {
      h += "<p>\(e(t(.reportOpenMatchesIntro)))</p>\n"
      h += "<div class=\"table-wrap\"><table>\n<caption>\(e(t(.reportOpenMatches)))</caption>\n<thead><tr>"
      h += "<th scope=\"col\">\(e(t(.reportColumnNeeds)))</th><th scope=\"col\">\(e(t(.reportColumnTopic)))</th>"
      h += "<th scope=\"col\">\(e(t(.reportColumnOfferedBy)))</th><th scope=\"col\" class=\"num\">\(e(t(.reportColumnDistanceToday)))</th></tr></thead>\n<tbody>\n"
      for match in needs.open {
        h += "<tr><td>\(actorLink(match.needActor))\(evidence(match.needEvidence.quote, match.needEvidence.source))</td>"
        h += "<td>\(e(report.topicLabel(match.topic)))</td>"
        h += "<td>\(actorLink(match.offerActor))\(evidence(match.offerEvidence.quote, match.offerEvidence.source))</td>"
        h += "<td class=\"num\">\(match.distance.map(String.init) ?? e(t(.reportNotConnected)))</td></tr>\n"
      }
      h += "</tbody></table></div>\n"
    }
    if !needs.unmet.isEmpty {
      h += "<p>\(e(t(.reportUnmetIntro)))</p>\n<ul>\n"
      for unmet in needs.unmet {
        h += "<li>\(actorLink(unmet.actor)): \(e(report.topicLabel(unmet.topic)))\(evidence(unmet.evidence.quote, unmet.evidence.source))</li>\n"
      }
      h += "</ul>\n"
    }
    if !needs.met.isEmpty {
      h += "<p class=\"note\">\(e(t(.reportAlreadyMet))) "
      h += needs.met.map { "\(actorLink($0.needActor)) – \(actorLink($0.offerActor)) (\(e(report.topicLabel($0.topic))))" }
        .joined(separator: "; ")
      h += "</p>\n"
    }
    return h
  }

  func structureFigures() -> String {
    var h = "<h3>\(e(t(.reportStructureInFigures)))</h3>\n<dl class=\"figures\">\n"
    for (label, value) in Self.structureFigures(report, t) {
      h += "<dt>\(e(label))</dt><dd>\(e(value))</dd>\n"
    }
    h += "</dl>\n"
    return h
  }

  /// The network's structure in figures, as label and value .
  static func structureFigures(_ report: Report, _ t: Words) -> [(String, String)] {
    let s = report.gaps.structure
    let components = report.components
    let n = report.network.actors.count
    let density = n >= 2 ? Double(report.graph.edgeCount) / (Double(n) * Double(n - 1) / 2) : 0
    var out: [(String, String)] = [
      (t(.reportFigureActors), String(n)),
      (t(.reportFigureExistingTies), String(report.graph.edgeCount)),
      (t(.reportFigureDensity), t.number(density, places: 3)),
      (
        t(.reportFigureConnectedParts),
        String(components.count)
          + (components.count > 1 ? " " + t(.reportFigureLargest, ["n": t.integer(components[0].count)]) : "")
      ),
    ]
    if !s.components.isEmpty {
      out.append((t(.reportFigureTransitivity), t.number(s.transitivity, places: 3)))
      out.append((t(.reportFigureAverageClustering), t.number(s.averageClustering, places: 3)))
      if let largest = s.components.max(by: { $0.members.count < $1.members.count }), largest.members.count > 1 {
        out.append((t(.reportFigureAveragePathLength), t.number(largest.averagePathLength, places: 2)))
        out.append((t(.reportFigureDiameter), String(largest.diameter)))
      }
    }
    out.append((t(.reportFigureCutPoints), String(s.articulationPoints.count)))
    out.append((t(.reportFigureBridges), String(s.bridges.count)))
    let g = report.gaps.groups
    if Set(g.communities).count > 1 && g.modularity > 0 {
      out.append(
        (
          t(.reportFigureCommunities),
          t(.reportFigureCommunitiesValue, ["n": t.integer(Set(g.communities).count), "modularity": t.number(g.modularity, places: 3)])
        ))
    }
    if let ei = g.eiOverall, ei.isFinite {
      out.append(
        (t(.reportFigureEIIndex, ["by": GapReport.groupByLabel(report.gaps.options.groupBy, t)]), t.number(ei, places: 3)))
    }
    return out
  }

  // MARK: Actors

  func actorsSection() -> String {
    var h = "<p class=\"note\">\(e(t(.reportActorsNote)))</p>\n"
    if let note = report.listingNote { h += "<p class=\"note\">\(e(note))</p>\n" }
    h += "<div class=\"cards\">\n"
    let cut = Set(report.gaps.structure.articulationPoints)
    let partners = report.partnerCounts
    let rankOf = Dictionary(uniqueKeysWithValues: report.ranking(by: .betweenness).enumerated().map { ($1, $0) })
    var relationsOf = [[Int]](repeating: [], count: network.actors.count)
    for (k, r) in network.relations.enumerated() {
      relationsOf[r.from].append(k)
      if r.to != r.from { relationsOf[r.to].append(k) }
    }
    var eventsOf = [[Int]](repeating: [], count: network.actors.count)
    for (k, event) in network.events.enumerated() {
      for p in Set(event.participants).sorted() { eventsOf[p].append(k) }
    }
    for i in report.actorsByName {
      let actor = network.actors[i]
      h += "<article class=\"card\" id=\"sm-actor-\(i)\" aria-labelledby=\"sm-actor-\(i)-h\">\n"
      h += "<h3 id=\"sm-actor-\(i)-h\">\(e(actor.name))</h3>\n"
      var meta = [actor.type.label(report.language)]
      if let short = actor.short, short != actor.name { meta.append(short) }
      if let region = actor.region { meta.append(region) }
      h += "<p class=\"subtitle\">\(meta.map(e).joined(separator: " · "))</p>\n"
      if cut.contains(i) {
        h += "<p><span class=\"cut\">\(e(t(.reportCardCutPoint)))</span></p>\n"
      }
      h += "<p>"
      h += e(
        t(
          .reportCardRank,
          [
            "partners": t.count(partners[i], one: .reportPartnersOne, other: .reportPartnersOther),
            "rank": t.integer((rankOf[i] ?? 0) + 1), "n": t.integer(network.actors.count),
            "betweenness": t.number(report.centrality.betweenness[i], places: 3),
          ]))
      h += "</p>\n"
      if actor.basis == .worldKnowledge {
        h += "<p class=\"note\">\(e(t(.reportCardWorldKnowledge)))</p>\n"
      }
      var details: [(String, String)] = []
      if !actor.aliases.isEmpty { details.append((e(t(.reportAlsoCalled)), actor.aliases.map(e).joined(separator: ", "))) }
      if !actor.tags.isEmpty { details.append((e(t(.reportTags)), actor.tags.map(e).joined(separator: ", "))) }
      for key in actor.attributes.keys.sorted() {
        details.append((e(key), e(actor.attributes[key]!)))
      }
      if let note = actor.note, !note.isEmpty { details.append((e(t(.reportNote)), e(note))) }
      if !details.isEmpty {
        h += "<dl class=\"figures\">\n"
        for (key, value) in details { h += "<dt>\(key)</dt><dd>\(value)</dd>\n" }
        h += "</dl>\n"
      }
      if let quote = actor.evidence {
        h += evidence(quote, actor.source)
      }
      h += tiesList(i, relationsOf[i])
      h += claimsList(t(.reportOffers), actor.offers)
      h += claimsList(t(.reportNeeds), actor.needs)
      if !eventsOf[i].isEmpty {
        h += "<h4>\(e(t(.reportEvents))) (\(eventsOf[i].count))</h4>\n<ul>\n"
        for k in eventsOf[i] {
          let event = network.events[k]
          h += "<li>\(e(event.title))\(event.date.map { " (" + e($0) + ")" } ?? "")"
          h += evidence(event.evidence, event.source) + "</li>\n"
        }
        h += "</ul>\n"
      }
      h += "</article>\n"
    }
    h += "</div>\n"
    return section("sm-actors", e(t(.reportActors)), h)
  }

  func tiesList(_ i: Int, _ relations: [Int]) -> String {
    guard !relations.isEmpty else {
      return "<p>\(e(t(.reportNoTiesRecorded)))</p>\n"
    }
    var h = "<h4>\(e(t(.reportTies))) (\(relations.count))</h4>\n<ul>\n"
    for k in relations {
      let r = network.relations[k]
      let partner = r.from == i ? r.to : r.from
      let arrow = !r.directed ? "–" : (r.from == i ? "→" : "←")
      h += "<li>\(e(r.kind.label(report.language))) \(arrow) \(actorLink(partner))"
      var facts: [String] = []
      if r.status != .existing { facts.append(statusLabel(r.status)) }
      if r.weight != 1 { facts.append(t(.reportWeight, ["weight": t.number(r.weight, places: r.weight == r.weight.rounded() ? 0 : 2)])) }
      if let since = r.since { facts.append(t(.reportSince, ["date": since])) }
      if r.basis == .worldKnowledge { facts.append(t(.reportWorldKnowledge)) }
      if !facts.isEmpty { h += " <span class=\"figs\">(\(facts.map(e).joined(separator: ", ")))</span>" }
      if let note = r.note, !note.isEmpty { h += "<br /><span class=\"figs\">\(e(note))</span>" }
      if let quote = r.evidence {
        h += evidence(quote, r.source)
      } else if let source = r.source {
        h += " " + sourceCitation(source)
      }
      h += "</li>\n"
    }
    h += "</ul>\n"
    return h
  }

  func claimsList(_ heading: String, _ claims: [TopicClaim]) -> String {
    let claims = claims.filter { $0.review != .rejected }
    guard !claims.isEmpty else { return "" }
    var h = "<h4>\(e(heading))</h4>\n<ul>\n"
    for claim in claims {
      h += "<li>\(e(report.topicLabel(claim.topic)))"
      if let quote = claim.evidence {
        h += evidence(quote, claim.source)
      } else if let source = claim.source {
        h += " " + sourceCitation(source)
      }
      h += "</li>\n"
    }
    h += "</ul>\n"
    return h
  }

  /// The status in running text: the vocabulary label in lower case ("geplant", "planned").
  func statusLabel(_ status: RelationStatus) -> String {
    status.label(report.language).lowercased()
  }

  /// A verbatim quote with its source: `<blockquote><p>„…“</p><cite>p000: Title</cite>`.
  func evidence(_ quote: String?, _ source: String?) -> String {
    guard let quote, !quote.isEmpty else { return "" }
    let lang = dataLanguage != report.language ? " lang=\"\(dataLanguage.rawValue)\"" : ""
    var h = "<blockquote\(lang)><p>\(e(t.quoted(quote)))</p>"
    if let source { h += "<cite>\(sourceCitation(source))</cite>" }
    h += "</blockquote>"
    return h
  }

  /// "Quelle: <a href=#sm-source-k>Title (p000)</a>".
  func sourceCitation(_ id: String) -> String {
    let prefix = e(t(.reportSourcePrefix)) + " "
    guard let (k, source) = report.source(id) else { return prefix + e(id) }
    return prefix + "<a href=\"#sm-source-\(k)\">\(e(source.title))</a>"
  }

  /// The actor's name, linked to its card.
  func actorLink(_ i: Int) -> String {
    guard network.actors.indices.contains(i) else { return "?" }
    // An actor without a card (a very large network lists only the leading ones) is no link.
    guard report.isListed(i) else { return e(network.actors[i].name) }
    return "<a href=\"#sm-actor-\(i)\">\(e(network.actors[i].name))</a>"
  }

  // MARK: Sources

  func sourcesSection() -> String {
    guard !network.sources.isEmpty else {
      return section("sm-sources", e(t(.reportSources)), "<p>\(e(t(.reportNoSources)))</p>\n")
    }
    var h = "<ol class=\"sources\">\n"
    for (k, source) in network.sources.enumerated() {
      h += "<li id=\"sm-source-\(k)\"><strong>\(e(source.title))</strong> <span class=\"figs\">(\(e(source.id)))</span>"
      var facts: [String] = []
      if let date = source.date { facts.append(e(date)) }
      if let place = source.place { facts.append(e(place)) }
      if let publisher = source.publisher { facts.append(e(publisher)) }
      if let file = source.file { facts.append(e(t(.reportFile)) + " <code>\(e(file))</code>") }
      if !facts.isEmpty { h += ". " + facts.joined(separator: ", ") }
      if let url = source.url {
        if let safe = HTMLEscaping.safeLinkURL(url) {
          h += ". <a href=\"\(a(safe))\" rel=\"noopener noreferrer\">\(e(safe))</a>"
        } else {
          h += ". <span class=\"figs\">\(e(url))</span>"
        }
      }
      h += "</li>\n"
    }
    h += "</ol>\n"
    return section("sm-sources", e(t(.reportSources)), h)
  }

  // MARK: Footer

  func footer() -> String {
    var h = "<footer>\n<p>"
    if let generator = report.options.generator {
      h += e(t(.reportMadeWith, ["generator": generator])) + " "
    }
    h += e(t(.reportFooterHTML))
    h += "</p>\n</footer>\n"
    return h
  }
}

extension Report {
  /// How many suggestions the map draws.
  var mapSuggestionCount: Int { mapOptions.suggestedTies.count }
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  func replacingAll(_ target: String, _ replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    out += rest
    return out
  }
}
