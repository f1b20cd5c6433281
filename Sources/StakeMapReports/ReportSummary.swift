import StakeMapGaps
import StakeMapModel
import StakeMapText

/// The automatically written summary at the top of a report, in German or English: how large
/// the network is, which groups it has, who is central, where it is fragile, and the three most
/// valuable suggested bridges. Plain text; the HTML and Markdown writers escape it.
///
/// Every sentence is built from figures of the ``Report`` (nothing is estimated), so the same
/// network always gives the same words.
public struct ReportSummary: Sendable, Equatable {
  /// What a paragraph is about, in the order they appear.
  public enum Topic: String, Sendable, CaseIterable { case size, groups, central, fragility, suggestions }

  public struct Paragraph: Sendable, Equatable {
    public var topic: Topic
    public var text: String
  }

  /// One suggested bridge: its label on the map (V1 …), the two names, and why.
  public struct Bridge: Sendable, Equatable {
    public var label: String
    public var a: String
    public var b: String
    public var text: String
  }

  public var paragraphs: [Paragraph]
  /// The (up to) three most valuable suggestions, best first.
  public var bridges: [Bridge]

  public init(_ report: Report) {
    let t = Words(report.language)
    var paragraphs: [Paragraph] = []
    paragraphs.append(Paragraph(topic: .size, text: Self.size(report, t)))
    if let groups = Self.groups(report, t) { paragraphs.append(Paragraph(topic: .groups, text: groups)) }
    if let central = Self.central(report, t) { paragraphs.append(Paragraph(topic: .central, text: central)) }
    if let fragility = Self.fragility(report, t) {
      paragraphs.append(Paragraph(topic: .fragility, text: fragility))
    }
    paragraphs.append(Paragraph(topic: .suggestions, text: Self.suggestions(report, t)))
    self.paragraphs = paragraphs
    bridges = report.gaps.suggestions.prefix(3).enumerated().map { k, s in
      Bridge(
        label: Report.suggestionLabel(k, report.language), a: report.name(s.a), b: report.name(s.b),
        text: report.suggestionText(s))
    }
  }

  // MARK: Sentences

  /// Ends `text` with a full stop unless it ends with one already ("… e.V.").
  static func sentence(_ text: String) -> String {
    text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") ? text : text + "."
  }

  static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A share as a percentage with one decimal: "10,5 %" / "10.5 %".
  static func percent(_ share: Double, _ t: Words) -> String {
    t(.reportPercent, ["value": t.number(share * 100, places: 1)])
  }


  static func size(_ r: Report, _ t: Words) -> String {
    let n = r.network.actors.count
    let m = r.graph.edgeCount
    var s: [String] = []
    let title = r.network.info.title
    let actors = t.count(n, one: .reportActorsOne, other: .reportActorsOther)
    let ties = t.count(m, one: .reportExistingTiesOne, other: .reportExistingTiesOther)
    s.append(
      title.isEmpty
        ? t(.reportSummarySizeUntitled, ["actors": actors, "ties": ties])
        : t(.reportSummarySize, ["title": t.quoted(title), "actors": actors, "ties": ties]))
    let planned = r.network.relations.count { $0.status == .planned }
    let desired = r.network.relations.count { $0.status == .desired }
    var plans: [String] = []
    if planned > 0 { plans.append(t.count(planned, one: .reportSummaryMorePlannedOne, other: .reportSummaryMorePlannedOther)) }
    if desired > 0 {
      plans.append(
        plans.isEmpty
          ? t.count(desired, one: .reportSummaryMoreDesiredOne, other: .reportSummaryMoreDesiredOther)
          : t.count(desired, one: .reportSummaryDesiredOne, other: .reportSummaryDesiredOther))
    }
    if !plans.isEmpty { s.append(capitalized(t.list(plans)) + ".") }
    if n >= 2 {
      let density = Double(m) / (Double(n) * Double(n - 1) / 2)
      s.append(t(.reportSummaryDensity, ["percent": percent(density, t), "density": t.number(density, places: 3)]))
    }
    let components = r.components
    let isolates = components.filter { $0.count == 1 }.map { $0[0] }
    if n >= 2 {
      if components.count == 1 {
        s.append(t(.reportSummaryAllConnected))
      } else {
        s.append(
          t(
            .reportSummaryParts,
            ["parts": t.integer(components.count), "largest": t.integer(components[0].count), "n": t.integer(n)]))
        if !isolates.isEmpty {
          var names = isolates.prefix(5).map(r.name)
          if isolates.count > 5 { names.append(t(.reportMoreActors, ["n": t.integer(isolates.count - 5)])) }
          s.append(sentence(t(.reportSummaryIsolates, ["names": t.list(names)])))
        }
      }
    }
    return s.joined(separator: " ")
  }

  static func groups(_ r: Report, _ t: Words) -> String? {
    guard !r.network.actors.isEmpty else { return nil }
    var counts: [ActorType: Int] = [:]
    for actor in r.network.actors { counts[actor.type, default: 0] += 1 }
    let order = ActorType.allCases.filter { counts[$0] != nil }.sorted {
      counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : ActorType.allCases.firstIndex(of: $0)! < ActorType.allCases.firstIndex(of: $1)!
    }
    let top = order.prefix(3).map { "\($0.label(r.language)) (\(counts[$0]!))" }
    var s: [String] = []
    if order.count == 1 {
      s.append(t(.reportSummaryOneType, ["type": order[0].label(r.language)]))
    } else {
      s.append(t(.reportSummaryTypes, ["n": t.integer(order.count), "types": t.list(top)]))
    }
    let g = r.gaps.groups
    if let ei = g.eiOverall, ei.isFinite {
      let groupBy = r.gaps.options.groupBy
      let by = groupBy == "type" ? t(.reportSummaryByTypes) : GapReport.groupByLabel(groupBy, t)
      if ei < -0.1 {
        s.append(t(.reportSummaryTiesWithin, ["by": by, "ei": t.number(ei, places: 3)]))
      } else if ei > 0.1 {
        s.append(t(.reportSummaryTiesBetween, ["by": by, "ei": t.number(ei, places: 3)]))
      }
    }
    let communities = Set(g.communities).count
    if communities > 1 && g.modularity > 0 && g.communities.count == r.network.actors.count {
      s.append(
        t(.reportSummaryCommunities, ["n": t.integer(communities), "modularity": t.number(g.modularity, places: 3)]))
    }
    return s.joined(separator: " ")
  }

  static func central(_ r: Report, _ t: Words) -> String? {
    guard r.graph.edgeCount > 0 else {
      return r.network.actors.isEmpty ? nil : t(.reportSummaryNoTies)
    }
    let partners = r.partnerCounts
    let betweenness = r.centrality.betweenness
    let byBetweenness = r.ranking(by: .betweenness)
    let top = byBetweenness[0]
    if betweenness[top] > 0 {
      let next = byBetweenness.dropFirst().prefix(2).filter { betweenness[$0] > 0 }.map(r.name)
      var s = t(
        .reportSummaryMostCentral,
        [
          "actor": r.name(top), "betweenness": t.number(betweenness[top], places: 3),
          "partners": t.count(partners[top], one: .reportDirectPartnersOne, other: .reportDirectPartnersOther),
        ])
      if next.count == 1 {
        s += " " + sentence(t(.reportSummaryNextOne, ["actor": next[0]]))
      } else if !next.isEmpty {
        s += " " + sentence(t(.reportSummaryNextOther, ["actors": t.list(next)]))
      }
      let byDegree = r.ranking(by: .degree)
      if byDegree[0] != top && partners[byDegree[0]] > partners[top] {
        s += " " + t(.reportSummaryMostPartners, ["actor": r.name(byDegree[0]), "n": t.integer(partners[byDegree[0]])])
      }
      return s
    }
    let byDegree = r.ranking(by: .degree)
    return t(.reportSummaryNobodyBrokers, ["actor": r.name(byDegree[0]), "n": t.integer(partners[byDegree[0]])])
  }

  static func fragility(_ r: Report, _ t: Words) -> String? {
    let n = r.network.actors.count
    guard n >= 3, r.graph.edgeCount > 0 else { return nil }
    let structure = r.gaps.structure
    let pairs = r.gaps.fragility.disconnectedPairs
    let cut = structure.articulationPoints.sorted {
      let pa = $0 < pairs.count ? pairs[$0] : 0, pb = $1 < pairs.count ? pairs[$1] : 0
      return pa != pb ? pa > pb : $0 < $1
    }
    var s: [String] = []
    if cut.isEmpty {
      if r.components.count == 1 { s.append(t(.reportSummaryNoCutPoint)) }
    } else {
      let names = cut.prefix(5).map(r.name) + (cut.count > 5 ? [t(.reportMoreActors, ["n": t.integer(cut.count - 5)])] : [])
      let parts = t(r.components.count > 1 ? .reportSummaryIntoMoreParts : .reportSummaryIntoSeparateParts)
      if cut.count == 1 {
        s.append(t(.reportSummaryFragileOne, ["actor": names[0], "parts": parts]))
      } else {
        s.append(
          t(.reportSummaryFragileOther, ["n": t.integer(cut.count), "actors": t.alternatives(names), "parts": parts]))
      }
      let worst = cut[0]
      if worst < pairs.count && pairs[worst] > 0 {
        s.append(
          t(
            .reportSummaryWorst,
            ["actor": r.name(worst), "pairs": t.count(pairs[worst], one: .reportPairsOne, other: .reportPairsOther)]))
      }
    }
    let bridges = structure.bridges.count
    if bridges > 0 {
      s.append(t.count(bridges, one: .reportSummaryBridgesOne, other: .reportSummaryBridgesOther))
    }
    let keyPlayers = r.gaps.fragility.keyPlayers
    if keyPlayers.count >= 2 {
      let names = keyPlayers.map { r.name($0.actor) }
      s.append(
        t(
          .reportSummaryKeyPlayers,
          [
            "actors": t.list(names),
            "fragmentation": t.number(keyPlayers[keyPlayers.count - 1].fragmentation, places: 3),
          ]))
    }
    return s.isEmpty ? nil : s.joined(separator: " ")
  }

  /// Open and unmet needs first, then the sentence that introduces the list of bridges.
  static func suggestions(_ r: Report, _ t: Words) -> String {
    let count = min(3, r.gaps.suggestions.count)
    var s: [String] = []
    let open = r.gaps.needs.open
    if !open.isEmpty {
      let needs = Set(open.map { "\($0.needActor)|\($0.topic)" }).count
      s.append(t.count(needs, one: .reportSummaryOpenNeedsOne, other: .reportSummaryOpenNeedsOther))
    }
    let unmet = r.gaps.needs.unmet.count
    if unmet > 0 {
      s.append(t.count(unmet, one: .reportSummaryUnmetNeedsOne, other: .reportSummaryUnmetNeedsOther))
    }
    let onMap = r.map != nil && !r.mapOptions.suggestedTies.isEmpty
    let note = onMap ? t(.reportSummaryOnMap) : ""
    switch count {
    case 0: s.append(t(.reportSummaryNoSuggestions))
    case 1: s.append(t(.reportSummaryBestTie, ["on_map": note]))
    case 2: s.append(t(.reportSummaryBestTiesTwo, ["on_map": note]))
    default: s.append(t(.reportSummaryBestTiesThree, ["on_map": note]))
    }
    return s.joined(separator: " ")
  }
}
