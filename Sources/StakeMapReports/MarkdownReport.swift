import StakeMapAlgorithms
import StakeMapGaps
import StakeMapModel
import StakeMapText

/// The file names of the map images a Markdown report embeds, relative to the report.
public struct MarkdownMapFiles: Sendable, Hashable {
  public var svg: String
  public var png: String

  public init(svg: String, png: String) {
    self.svg = svg
    self.png = png
  }

  /// `report.md` → `report-map.svg`, `report-map.png` (beside it).
  public static func beside(_ markdownFileName: String) -> MarkdownMapFiles {
    var stem = Substring(markdownFileName)
    if let slash = stem.lastIndex(of: "/") { stem = stem[stem.index(after: slash)...] }
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
    return MarkdownMapFiles(svg: stem + "-map.svg", png: stem + "-map.png")
  }
}

extension Report {
  /// The report as Markdown (CommonMark with GitHub tables), for embedding in other
  /// documents: the same sections as ``html()``, the map as an image link to `mapFiles.svg`
  /// with the PNG beside it. The caller writes the images (``map``, ``mapPNG(dpi:)``).
  ///
  /// Every string from the data is escaped with ``MarkdownEscaping`` and written inline, so
  /// no name can start a heading, list, table row, link, image or raw HTML.
  public func markdown(mapFiles: MarkdownMapFiles? = nil) -> String {
    MarkdownReportWriter(report: self).document(mapFiles: mapFiles)
  }
}

struct MarkdownReportWriter {
  let report: Report
  let t: Words
  var network: Network { report.network }

  init(report: Report) {
    self.report = report
    t = Words(report.language)
  }

  func m(_ s: String) -> String { MarkdownEscaping.text(s) }

  func document(mapFiles: MarkdownMapFiles?) -> String {
    var md = "# \(m(report.title))\n\n"
    var facts = [t(.reportNetworkReport)]
    if let region = network.info.region, !region.isEmpty { facts.append(region) }
    facts.append(t.count(network.actors.count, one: .reportActorsOne, other: .reportActorsOther))
    if let date = report.latestSourceDate { facts.append(t(.reportSourcesUpTo, ["date": date])) }
    md += "*" + facts.map(m).joined(separator: " · ") + "*\n\n"
    if let description = network.info.description, !description.isEmpty {
      md += m(description) + "\n\n"
    }

    md += "## \(t(.reportSummary))\n\n"
    let summary = ReportSummary(report)
    for paragraph in summary.paragraphs { md += m(paragraph.text) + "\n\n" }
    for bridge in summary.bridges {
      md += "- **\(m(bridge.label))** \(m(bridge.a)) – \(m(bridge.b))"
      if !bridge.text.isEmpty { md += ": " + m(bridge.text) }
      md += "\n"
    }
    if !summary.bridges.isEmpty { md += "\n" }

    if let why = report.mapOmitted { md += "*\(m(why))*\n\n" }
    if let mapFiles, report.map != nil {
      md += "## \(t(.reportMap))\n\n"
      let alt = m(report.mapDescription)
      md += "![\(alt)](\(MarkdownEscaping.linkDestination(mapFiles.svg)))\n\n"
      md += "*\(m(report.mapDescription))*\n\n"
      md += t(
        .reportMarkdownMapFiles,
        [
          "svg": MarkdownEscaping.linkDestination(mapFiles.svg),
          "png": MarkdownEscaping.linkDestination(mapFiles.png),
        ]) + "\n\n"
    }

    md += centrality()
    md += gaps()
    md += actors()
    md += sources()
    md += "---\n\n"
    if let generator = report.options.generator { md += m(t(.reportMadeWith, ["generator": generator])) + " " }
    md += m(t(.reportFooterMarkdown)) + "\n"
    return md
  }

  /// A table cell: escaped, `|` escaped by ``MarkdownEscaping``, never empty.
  func cell(_ s: String) -> String {
    let text = m(s)
    return text.isEmpty ? " " : text
  }

  func centrality() -> String {
    let metrics = Metric.allCases
    var md = "## \(t(.reportCentrality))\n\n"
    if let note = report.listingNote { md += m(note) + "\n\n" }
    md += m(t(.reportSortedByBetweenness)) + "\n\n"
    var header = ["#", t(.reportColumnActor), t(.reportColumnType), t(.reportColumnPartners)]
    header += metrics.map { $0.label(report.language) }
    md += "| " + header.map(cell).joined(separator: " | ") + " |\n"
    md += "|---:|---|---|" + String(repeating: "---:|", count: metrics.count + 1) + "\n"
    let partners = report.partnerCounts
    for (rank, i) in report.tableActors.enumerated() {
      let actor = network.actors[i]
      var row = [String(rank + 1), cell(actor.name), cell(actor.type.label(report.language)), String(partners[i])]
      row += metrics.map { t.number($0.values(report.centrality)[i], places: $0.places) }
      md += "| " + row.joined(separator: " | ") + " |\n"
    }
    md += "\n"
    for metric in metrics {
      md += "- **\(m(metric.label(report.language)))**: \(m(metric.meaning(report.language)))\n"
    }
    md += "\n"
    return md
  }

  func gaps() -> String {
    var md = "## \(t(.reportGaps))\n\n"
    let findings = report.gaps.findings(language: report.language).filter { $0.topic != .suggestions }
    if !findings.isEmpty {
      md += "### \(t(.reportFindings))\n\n"
      for finding in findings { md += "- \(m(finding.text))\n" }
      md += "\n"
    }
    md += "### \(t(.reportSuggestedTies))\n\n"
    let suggestions = report.listedSuggestions
    if suggestions.isEmpty {
      md += m(t(.reportNoSuggestions)) + "\n\n"
    }
    for (k, s) in suggestions.enumerated() {
      md += "\(k + 1). **\(m(Report.suggestionLabel(k, report.language))) \(m(report.name(s.a))) – \(m(report.name(s.b)))** "
      md += "(\(m(t(.reportScore, ["score": t.number(s.score, places: 2)]))))"
      md += "\n"
      for reason in s.reasons {
        md += "   - \(m(report.gaps.reasonText(reason, t)))"
        if !reason.figures.isEmpty {
          md += " (" + m(report.figures(reason.figures)) + ")"
        }
        md += "\n"
      }
    }
    if !suggestions.isEmpty { md += "\n" }

    let cut = report.gaps.structure.articulationPoints
    if !cut.isEmpty {
      let pairs = report.gaps.fragility.disconnectedPairs
      md += "### \(t(.reportCutPoints))\n\n"
      md += m(t(.reportCutPointsIntroMarkdown)) + "\n\n"
      for i in cut {
        md += "- \(m(report.name(i)))"
        if i < pairs.count, pairs[i] > 0 {
          md += " (" + m(t.count(pairs[i], one: .reportPairsCutOffOne, other: .reportPairsCutOffOther)) + ")"
        }
        md += "\n"
      }
      md += "\n"
    }
    let bridges = report.gaps.structure.bridges
    if !bridges.isEmpty {
      md += "### \(t(.reportBridges))\n\n"
      for (x, y) in bridges { md += "- \(m(report.name(x))) – \(m(report.name(y)))\n" }
      md += "\n"
    }
    let needs = report.gaps.needs
    if !needs.open.isEmpty || !needs.unmet.isEmpty {
      md += "### \(t(.reportNeedsAndOffers))\n\n"
      for match in needs.open {
        md += "- " + m(
          t(
            .reportOpenNeed,
            [
              "needer": report.name(match.needActor), "topic": report.topicLabel(match.topic),
              "offerer": report.name(match.offerActor),
            ]))
        md += " (" + m(match.distance.map { t(.reportStepsApartToday, ["n": t.integer($0)]) } ?? t(.reportNotConnectedToday)) + ")"
        md += "\n"
        md += quote(match.needEvidence.quote, match.needEvidence.source, indent: "  ")
        md += quote(match.offerEvidence.quote, match.offerEvidence.source, indent: "  ")
      }
      for unmet in needs.unmet {
        md += "- " + m(t(.reportUnmetNeed, ["actor": report.name(unmet.actor), "topic": report.topicLabel(unmet.topic)])) + "\n"
        md += quote(unmet.evidence.quote, unmet.evidence.source, indent: "  ")
      }
      md += "\n"
    }
    md += "### \(t(.reportTerms))\n\n"
    for (term, meaning) in GapReport.glossary(t) { md += "- **\(m(term))**: \(m(meaning))\n" }
    md += "\n"
    return md
  }

  /// A quote as a block quote line under a list item: `  > „…“ (Quelle: Title)`.
  func quote(_ text: String?, _ source: String?, indent: String) -> String {
    guard let text, !text.isEmpty else { return "" }
    var md = "\n\(indent)> \(m(t.quoted(text)))"
    if let source { md += " — " + citation(source) }
    return md + "\n\n"
  }

  func citation(_ id: String) -> String {
    let prefix = m(t(.reportSourcePrefix)) + " "
    guard let (_, source) = report.source(id) else { return prefix + m(id) }
    return prefix + m(source.title) + " (" + m(source.id) + ")"
  }

  func actors() -> String {
    var md = "## \(t(.reportActors))\n\n"
    if let note = report.listingNote { md += m(note) + "\n\n" }
    let cut = Set(report.gaps.structure.articulationPoints)
    let partners = report.partnerCounts
    var relationsOf = [[Int]](repeating: [], count: network.actors.count)
    for (k, r) in network.relations.enumerated() {
      relationsOf[r.from].append(k)
      if r.to != r.from { relationsOf[r.to].append(k) }
    }
    let status = HTMLReportWriter(report: report)
    for i in report.actorsByName {
      let actor = network.actors[i]
      md += "### \(m(actor.name))\n\n"
      var meta = [actor.type.label(report.language)]
      if let short = actor.short, short != actor.name { meta.append(short) }
      if let region = actor.region { meta.append(region) }
      md += "*" + meta.map(m).joined(separator: " · ") + "*"
      md += " · " + m(t.count(partners[i], one: .reportPartnersOne, other: .reportPartnersOther))
      md += " · " + m(t(.reportCardBetweenness, ["betweenness": t.number(report.centrality.betweenness[i], places: 3)]))
      if cut.contains(i) { md += " · **\(m(t(.reportCardCutPointShort)))**" }
      md += "\n\n"
      for key in actor.attributes.keys.sorted() { md += "- \(m(key)): \(m(actor.attributes[key]!))\n" }
      if !actor.tags.isEmpty { md += "- \(m(t(.reportTags))): \(actor.tags.map(m).joined(separator: ", "))\n" }
      if let note = actor.note, !note.isEmpty { md += "- \(m(t(.reportNote))): \(m(note))\n" }
      if actor.basis == .worldKnowledge { md += "- \(m(t(.reportCardWorldKnowledgeShort)))\n" }
      if !relationsOf[i].isEmpty {
        md += "- \(m(t(.reportTies))):\n"
        for r in relationsOf[i].map({ network.relations[$0] }) {
          let partner = r.from == i ? r.to : r.from
          let arrow = !r.directed ? "–" : (r.from == i ? "→" : "←")
          md += "  - \(m(r.kind.label(report.language))) \(arrow) \(m(report.name(partner)))"
          if r.status != .existing { md += " (\(m(status.statusLabel(r.status))))" }
          md += "\n"
          md += quote(r.evidence, r.source, indent: "    ")
        }
      }
      for (heading, claims) in [(m(t(.reportOffers)), actor.offers), (m(t(.reportNeeds)), actor.needs)] {
        let claims = claims.filter { $0.review != .rejected }
        guard !claims.isEmpty else { continue }
        md += "- \(heading):\n"
        for claim in claims {
          md += "  - \(m(report.topicLabel(claim.topic)))\n"
          md += quote(claim.evidence, claim.source, indent: "    ")
        }
      }
      md += "\n"
    }
    return md
  }

  func sources() -> String {
    var md = "## \(t(.reportSources))\n\n"
    if network.sources.isEmpty { return md + m(t(.reportNoSources)) + "\n\n" }
    for (k, source) in network.sources.enumerated() {
      md += "\(k + 1). **\(m(source.title))** (\(m(source.id)))"
      var facts: [String] = []
      if let date = source.date { facts.append(m(date)) }
      if let place = source.place { facts.append(m(place)) }
      if let publisher = source.publisher { facts.append(m(publisher)) }
      if let file = source.file { facts.append(m(t(.reportFile)) + " " + m(file)) }
      if !facts.isEmpty { md += ", " + facts.joined(separator: ", ") }
      if let url = source.url {
        if let safe = HTMLEscaping.safeLinkURL(url) {
          md += ", <\(safe)>"
        } else {
          md += ", " + m(url)
        }
      }
      md += "\n"
    }
    return md + "\n"
  }
}
