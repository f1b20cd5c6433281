import StakeMapGaps
import StakeMapModel

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
    let t = ReportText(language: report.language)
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

  static func size(_ r: Report, _ t: ReportText) -> String {
    let n = r.network.actors.count
    let m = r.graph.edgeCount
    var s: [String] = []
    let title = r.network.info.title
    if t.de {
      let subject = title.isEmpty ? "Das Netzwerk" : "Das Netzwerk " + t.quoted(title)
      s.append("\(subject) umfasst \(t.count(n, "Akteur", "Akteure")) und \(t.count(m, "bestehende Beziehung", "bestehende Beziehungen")).")
    } else {
      let subject = title.isEmpty ? "The network" : "The network " + t.quoted(title)
      s.append("\(subject) has \(t.count(n, "actor", "actors")) and \(t.count(m, "existing tie", "existing ties")).")
    }
    let planned = r.network.relations.count { $0.status == .planned }
    let desired = r.network.relations.count { $0.status == .desired }
    func more(_ k: Int, _ deVerb: String, _ enVerb: String) -> String {
      t.de
        ? (k == 1 ? "eine weitere ist \(deVerb)" : "\(k) weitere sind \(deVerb)")
        : (k == 1 ? "one more is \(enVerb)" : "\(k) more are \(enVerb)")
    }
    var plans: [String] = []
    if planned > 0 { plans.append(more(planned, "geplant", "planned")) }
    if desired > 0 {
      plans.append(
        plans.isEmpty
          ? more(desired, "gewünscht", "desired")
          : (t.de ? "\(desired == 1 ? "eine ist" : "\(desired) sind") gewünscht" : "\(desired) \(desired == 1 ? "is" : "are") desired"))
    }
    if !plans.isEmpty { s.append(capitalized(t.list(plans)) + ".") }
    if n >= 2 {
      let density = Double(m) / (Double(n) * Double(n - 1) / 2)
      s.append(
        t.de
          ? "Von allen möglichen Beziehungen bestehen \(t.percent(density)) (Dichte \(t.decimal(density, 3)))."
          : "\(t.percent(density)) of all possible ties exist (density \(t.decimal(density, 3))).")
    }
    let components = r.components
    let isolates = components.filter { $0.count == 1 }.map { $0[0] }
    if n >= 2 {
      if components.count == 1 {
        s.append(
          t.de
            ? "Alle Akteure sind über bestehende Beziehungen miteinander verbunden."
            : "All actors are connected through existing ties.")
      } else {
        let largest = components[0].count
        s.append(
          t.de
            ? "Es zerfällt in \(components.count) Teile; der größte verbindet \(largest) der \(n) Akteure."
            : "It falls into \(components.count) parts; the largest connects \(largest) of the \(n) actors.")
        if !isolates.isEmpty {
          var names = isolates.prefix(5).map(r.name)
          if isolates.count > 5 {
            names.append(t.de ? "\(isolates.count - 5) weitere" : "\(isolates.count - 5) more")
          }
          s.append(sentence((t.de ? "Ohne bestehende Beziehung: " : "Without an existing tie: ") + t.list(names)))
        }
      }
    }
    return s.joined(separator: " ")
  }

  static func groups(_ r: Report, _ t: ReportText) -> String? {
    guard !r.network.actors.isEmpty else { return nil }
    var counts: [ActorType: Int] = [:]
    for actor in r.network.actors { counts[actor.type, default: 0] += 1 }
    let order = ActorType.allCases.filter { counts[$0] != nil }.sorted {
      counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : ActorType.allCases.firstIndex(of: $0)! < ActorType.allCases.firstIndex(of: $1)!
    }
    let top = order.prefix(3).map { "\($0.label(r.language)) (\(counts[$0]!))" }
    var s: [String] = []
    if order.count == 1 {
      s.append(
        t.de
          ? "Alle Akteure sind vom Typ \(order[0].label(r.language))."
          : "All actors are of the type \(order[0].label(r.language)).")
    } else {
      s.append(
        t.de
          ? "Die Akteure gehören zu \(order.count) Typen; die größten Gruppen sind \(t.list(top))."
          : "The actors are of \(order.count) types; the largest groups are \(t.list(top)).")
    }
    let g = r.gaps.groups
    if let ei = g.eiOverall, ei.isFinite {
      let by = r.gaps.options.groupBy == "type" ? (t.de ? "den Typen" : "types") : r.gaps.options.groupBy
      if ei < -0.1 {
        s.append(
          t.de
            ? "Beziehungen bestehen eher innerhalb als zwischen \(by) (E-I-Index \(t.decimal(ei, 2)))."
            : "Ties run within rather than between \(by) (E-I index \(t.decimal(ei, 2))).")
      } else if ei > 0.1 {
        s.append(
          t.de
            ? "Beziehungen bestehen eher zwischen als innerhalb von \(by) (E-I-Index \(t.decimal(ei, 2)))."
            : "Ties run between rather than within \(by) (E-I index \(t.decimal(ei, 2))).")
      }
    }
    let communities = Set(g.communities).count
    if communities > 1 && g.modularity > 0 && g.communities.count == r.network.actors.count {
      s.append(
        t.de
          ? "Die Community-Erkennung findet \(communities) Gruppen, die untereinander dichter verbunden sind als mit dem Rest (Modularität \(t.decimal(g.modularity, 2)))."
          : "Community detection finds \(communities) groups that are more densely tied among themselves than to the rest (modularity \(t.decimal(g.modularity, 2))).")
    }
    return s.joined(separator: " ")
  }

  static func central(_ r: Report, _ t: ReportText) -> String? {
    guard r.graph.edgeCount > 0 else {
      return r.network.actors.isEmpty
        ? nil
        : (t.de ? "Es gibt noch keine bestehenden Beziehungen, daher ist niemand zentral." : "There are no existing ties yet, so nobody is central.")
    }
    let partners = r.partnerCounts
    let betweenness = r.centrality.betweenness
    let byBetweenness = r.ranking(by: .betweenness)
    let top = byBetweenness[0]
    if betweenness[top] > 0 {
      let next = byBetweenness.dropFirst().prefix(2).filter { betweenness[$0] > 0 }.map(r.name)
      var s =
        t.de
        ? "Am zentralsten ist \(r.name(top)): Über diesen Akteur laufen die meisten kürzesten Wege zwischen anderen (Betweenness \(t.decimal(betweenness[top], 2))), bei \(t.count(partners[top], "direkten Partner", "direkten Partnern"))."
        : "The most central actor is \(r.name(top)): most shortest paths between others run through it (betweenness \(t.decimal(betweenness[top], 2))), with \(t.count(partners[top], "direct partner", "direct partners"))."
      if next.count == 1 {
        s += " " + sentence(t.de ? "Danach folgt \(next[0])" : "Next comes \(next[0])")
      } else if !next.isEmpty {
        s += " " + sentence(t.de ? "Danach folgen \(t.list(next))" : "Next come \(t.list(next))")
      }
      let byDegree = r.ranking(by: .degree)
      if byDegree[0] != top && partners[byDegree[0]] > partners[top] {
        s +=
          t.de
          ? " Die meisten direkten Partner hat \(r.name(byDegree[0])) (\(partners[byDegree[0]]))."
          : " \(r.name(byDegree[0])) has the most direct partners (\(partners[byDegree[0]]))."
      }
      return s
    }
    let byDegree = r.ranking(by: .degree)
    return t.de
      ? "Niemand vermittelt zwischen anderen; die meisten direkten Partner hat \(r.name(byDegree[0])) (\(partners[byDegree[0]]))."
      : "Nobody brokers between others; \(r.name(byDegree[0])) has the most direct partners (\(partners[byDegree[0]]))."
  }

  static func fragility(_ r: Report, _ t: ReportText) -> String? {
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
      if r.components.count == 1 {
        s.append(
          t.de
            ? "Kein einzelner Akteur hält das Netzwerk allein zusammen: Fällt einer weg, bleiben alle anderen verbunden."
            : "No single actor holds the network together on its own: if one drops out, all others stay connected.")
      }
    } else {
      let names = cut.prefix(5).map(r.name) + (cut.count > 5 ? [t.de ? "\(cut.count - 5) weitere" : "\(cut.count - 5) more"] : [])
      let further = r.components.count > 1
      let parts = t.de ? (further ? "in weitere Teile" : "in getrennte Teile") : (further ? "into more parts" : "into separate parts")
      if cut.count == 1 {
        s.append(
          t.de
            ? "Verletzlich ist das Netzwerk an einer Stelle: Fällt \(names[0]) weg, zerfällt es \(parts)."
            : "The network is fragile at one point: if \(names[0]) drops out, it falls \(parts).")
      } else {
        s.append(
          t.de
            ? "Verletzlich ist das Netzwerk an \(cut.count) Stellen: Fällt \(t.alternatives(names)) weg, zerfällt es \(parts)."
            : "The network is fragile at \(cut.count) points: if \(t.alternatives(names)) drops out, it falls \(parts).")
      }
      let worst = cut[0]
      if worst < pairs.count && pairs[worst] > 0 {
        s.append(
          t.de
            ? "Fiele \(r.name(worst)) weg, könnten \(t.count(pairs[worst], "Paar", "Paare")) von Akteuren einander nicht mehr erreichen."
            : "If \(r.name(worst)) dropped out, \(t.count(pairs[worst], "pair", "pairs")) of actors could no longer reach each other.")
      }
    }
    let bridges = structure.bridges.count
    if bridges > 0 {
      s.append(
        t.de
          ? (bridges == 1
            ? "Eine Beziehung ist eine Brücke: Fällt sie weg, trennt sich ein Teil ab."
            : "\(bridges) Beziehungen sind Brücken: Fällt eine weg, trennt sich ein Teil ab.")
          : (bridges == 1
            ? "One tie is a bridge: if it goes, a part is cut off."
            : "\(bridges) ties are bridges: if any one goes, a part is cut off."))
    }
    let keyPlayers = r.gaps.fragility.keyPlayers
    if keyPlayers.count >= 2 {
      let names = keyPlayers.map { r.name($0.actor) }
      s.append(
        t.de
          ? "Am stärksten zerteilt würde es ohne \(t.list(names)) zusammen (Fragmentierung \(t.decimal(keyPlayers[keyPlayers.count - 1].fragmentation, 2)))."
          : "It would be split most by losing \(t.list(names)) together (fragmentation \(t.decimal(keyPlayers[keyPlayers.count - 1].fragmentation, 2))).")
    }
    return s.isEmpty ? nil : s.joined(separator: " ")
  }

  /// Open and unmet needs first, then the sentence that introduces the list of bridges.
  static func suggestions(_ r: Report, _ t: ReportText) -> String {
    let count = min(3, r.gaps.suggestions.count)
    var s: [String] = []
    let open = r.gaps.needs.open
    if !open.isEmpty {
      let needs = Set(open.map { "\($0.needActor)|\($0.topic)" }).count
      s.append(
        t.de
          ? "\(needs == 1 ? "Einen geäußerten Bedarf" : "\(needs) geäußerte Bedarfe") könnte ein Akteur decken, mit dem noch keine Beziehung besteht."
          : "\(needs == 1 ? "One stated need" : "\(needs) stated needs") could be met by an actor with whom there is no tie yet.")
    }
    let unmet = r.gaps.needs.unmet.count
    if unmet > 0 {
      s.append(
        t.de
          ? "\(unmet == 1 ? "Einen Bedarf" : "\(unmet) Bedarfe") bietet niemand im Netzwerk an."
          : "Nobody in the network offers \(unmet == 1 ? "one stated need" : "\(unmet) stated needs").")
    }
    let onMap = r.map != nil && !r.mapOptions.suggestedTies.isEmpty
    let note = onMap ? (t.de ? " (auf der Karte orange gestrichelt)" : " (dashed orange on the map)") : ""
    switch (count, t.de) {
    case (0, true): s.append("Die Analyse schlägt keine neuen Verbindungen vor.")
    case (0, false): s.append("The analysis suggests no new ties.")
    case (1, true): s.append("Die wertvollste neue Verbindung\(note):")
    case (1, false): s.append("The most valuable new tie\(note):")
    case (_, true): s.append("Die \(t.word(count)) wertvollsten neuen Verbindungen\(note):")
    case (_, false): s.append("The \(t.word(count)) most valuable new ties\(note):")
    }
    return s.joined(separator: " ")
  }
}
