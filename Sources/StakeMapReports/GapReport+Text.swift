import StakeMapModel
import StakeMapGaps
import StakeMapText

extension GapReport {
  /// The findings for people, most important first, in `language`: size and pieces; what
  /// everything hangs on; who brokers; which groups keep to themselves; which needs could be
  /// met; the most valuable new ties. Every sentence names its figures.
  public func findings(language: Language) -> [Finding] {
    let de = language == .de
    var out: [Finding] = []
    let n = network.actors.count
    let ties = tieCount
    let name = { (i: Int) in self.displayName(i) }

    // Size and pieces.
    let isolates = structure.components.filter { $0.members.count == 1 }.map { $0.members[0] }
    var size =
      de
      ? "Das Netzwerk hat \(n) Akteure und \(ties) Beziehungen (Dichte \(Numbers.fixed(structure.density, 2, language)))."
      : "The network has \(n) actors and \(ties) ties (density \(Numbers.fixed(structure.density, 2, language)))."
    let pieces = structure.components.count - isolates.count
    if pieces > 1 {
      size += de ? " Es zerfällt in \(pieces) Teile, die nicht miteinander verbunden sind." : " It falls into \(pieces) parts that are not connected to each other."
    }
    if !isolates.isEmpty {
      size +=
        de
        ? " \(isolates.count) Akteur\(isolates.count == 1 ? " ist" : "e sind") ohne Beziehung: \(Numbers.list(isolates.map(name), language))."
        : " \(isolates.count) actor\(isolates.count == 1 ? " has" : "s have") no tie: \(Numbers.list(isolates.map(name), language))."
    }
    out.append(Finding(topic: .size, text: size))

    // Fragility: articulation points by what is lost.
    let points = structure.articulationPoints.sorted {
      (fragility.disconnectedPairs[$0], -$0) > (fragility.disconnectedPairs[$1], -$1)
    }
    if let worst = points.first {
      let pairs = fragility.disconnectedPairs[worst]
      var text =
        de
        ? "Alles hängt an \(name(worst)): ohne diesen Akteur könnten \(pairs) Paare von Akteuren einander nicht mehr erreichen."
        : "Everything hangs on \(name(worst)): without it, \(pairs) pairs of actors could no longer reach each other."
      if points.count > 1 {
        text +=
          de
          ? " Weitere Schlüsselstellen: \(Numbers.list(points.dropFirst().prefix(4).map(name), language))."
          : " Further single points of failure: \(Numbers.list(points.dropFirst().prefix(4).map(name), language))."
      }
      out.append(Finding(topic: .fragility, text: text))
    } else if n > 2 && structure.components.count == 1 {
      out.append(
        Finding(
          topic: .fragility,
          text: de
            ? "Kein einzelner Akteur hält das Netzwerk allein zusammen: es gibt keinen Artikulationspunkt."
            : "No single actor holds the network together: there is no articulation point."))
    }
    if !structure.bridges.isEmpty {
      let shown = structure.bridges.prefix(3).map { "\(name($0.0)) – \(name($0.1))" }
      out.append(
        Finding(
          topic: .fragility,
          text: de
            ? (structure.bridges.count == 1
              ? "1 Beziehung ist eine Brücke: fällt sie weg, zerfällt das Netz (\(shown[0]))."
              : "\(structure.bridges.count) Beziehungen sind Brücken: fällt eine weg, zerfällt das Netz (z. B. \(Numbers.list(shown, language))).")
            : (structure.bridges.count == 1
              ? "1 tie is a bridge: if it goes, the network falls apart (\(shown[0]))."
              : "\(structure.bridges.count) ties are bridges: if one goes, the network falls apart (e.g. \(Numbers.list(shown, language))).")))
    }

    // Brokers: lowest constraint among actors with at least two contacts.
    let brokers = network.actors.indices.filter { brokerage.constraint[$0] != nil && degree(of: $0) >= 2 }
      .sorted { (brokerage.constraint[$0]!, $0) < (brokerage.constraint[$1]!, $1) }
    if let top = brokers.first {
      let roles = brokerage.roles[top]
      var text =
        de
        ? "\(name(top)) überbrückt die meisten strukturellen Löcher (Constraint \(Numbers.fixed(brokerage.constraint[top]!, 2, language)), effektive Größe \(Numbers.fixed(brokerage.effectiveSize[top] ?? 0, 1, language)))."
        : "\(name(top)) spans the most structural holes (constraint \(Numbers.fixed(brokerage.constraint[top]!, 2, language)), effective size \(Numbers.fixed(brokerage.effectiveSize[top] ?? 0, 1, language)))."
      if roles.liaison + roles.gatekeeper + roles.representative > 0 {
        text +=
          de
          ? " Zwischen Gruppen vermittelt es \(roles.liaison)× als Liaison, \(roles.gatekeeper)× als Gatekeeper und \(roles.representative)× als Repräsentant."
          : " Between groups it brokers \(roles.liaison)× as liaison, \(roles.gatekeeper)× as gatekeeper and \(roles.representative)× as representative."
      }
      out.append(Finding(topic: .brokers, text: text))
    }

    // Groups that do not talk.
    if groups.names.count > 1 {
      var silent: [String] = []
      for a in groups.names.indices {
        for b in groups.names.indices where a < b {
          let sizeA = groups.membership.count { $0 == a }
          let sizeB = groups.membership.count { $0 == b }
          if sizeA > 0 && sizeB > 0 && groups.observed[a][b] == 0 && groups.expected[a][b] >= 0.5 {
            silent.append("\(groupLabel(a, language)) – \(groupLabel(b, language))")
          }
        }
      }
      if !silent.isEmpty {
        out.append(
          Finding(
            topic: .groups,
            text: de
              ? "Diese Gruppen haben keine einzige Beziehung zueinander, obwohl bei der Dichte des Netzes welche zu erwarten wären: \(Numbers.list(Array(silent.prefix(5)), language))."
              : "These groups have no tie at all between them, although the network's density would lead one to expect some: \(Numbers.list(Array(silent.prefix(5)), language))."))
      }
      let silos = groups.names.indices.filter { g in
        (groups.eiIndex[g] ?? 0) <= -0.5 && groups.membership.count(where: { $0 == g }) > 1
      }
      if !silos.isEmpty {
        out.append(
          Finding(
            topic: .groups,
            text: de
              ? "Eher unter sich bleiben (E-I-Index ≤ −0,5): \(Numbers.list(silos.map { "\(groupLabel($0, language)) (\(Numbers.fixed(groups.eiIndex[$0]!, 2, language)))" }, language))."
              : "Keep mostly to themselves (E-I index ≤ −0.5): \(Numbers.list(silos.map { "\(groupLabel($0, language)) (\(Numbers.fixed(groups.eiIndex[$0]!, 2, language)))" }, language))."))
      }
    }

    // Needs.
    if !needs.open.isEmpty || !needs.unmet.isEmpty {
      var text = ""
      if let first = needs.open.first {
        text +=
          de
          ? "\(needs.open.count) Bedarf\(needs.open.count == 1 ? " könnte" : "e könnten") ein anderer Akteur decken, aber keine Beziehung verbindet die beiden, z. B.: \(name(first.needActor)) braucht „\(topicLabel(first.topic, language))“, \(name(first.offerActor)) bietet es an."
          : "\(needs.open.count) need\(needs.open.count == 1 ? "" : "s") could be met by another actor, but no tie joins the two; for example \(name(first.needActor)) needs “\(topicLabel(first.topic, language))”, which \(name(first.offerActor)) offers."
      }
      if !needs.unmet.isEmpty {
        let topics = Array(Set(needs.unmet.map(\.topic))).sorted().prefix(4).map { topicLabel($0, language) }
        text += (text.isEmpty ? "" : " ")
          + (de
            ? "\(needs.unmet.count) Bedarf\(needs.unmet.count == 1 ? " bietet" : "e bietet") niemand im Netzwerk an (\(Numbers.list(topics, language)))."
            : "\(needs.unmet.count) need\(needs.unmet.count == 1 ? " is" : "s are") offered by nobody in the network (\(Numbers.list(topics, language))).")
      }
      out.append(Finding(topic: .needs, text: text))
    }

    // The most valuable new ties.
    for suggestion in suggestions.prefix(3) {
      out.append(Finding(topic: .suggestions, text: suggestion.text))
    }
    return out
  }

  /// The `gaps --format text` report: the findings, then the detail of each section.
  public func text(language: Language) -> String {
    let de = language == .de
    var out = ""
    let title = network.info.title.isEmpty ? (de ? "Netzwerk" : "Network") : network.info.title
    out += (de ? "Lücken im Netzwerk: " : "Gaps in the network: ") + title + "\n\n"
    for finding in findings(language: language) where finding.topic != .suggestions {
      out += Numbers.wrap("• " + finding.text, width: 92, indent: "  ") + "\n"
    }
    if !suggestions.isEmpty {
      out += "\n" + (de ? "Vorgeschlagene neue Beziehungen" : "Suggested new ties") + "\n"
      for (k, s) in suggestions.enumerated() {
        out += Numbers.wrap("\(k + 1). \(s.text)", width: 92, indent: "   ") + "\n"
      }
    }
    out += "\n" + (de ? "Struktur" : "Structure") + "\n"
    out += "  " + (de ? "Dichte" : "Density") + ": \(Numbers.fixed(structure.density, 3, language))"
    out += ", " + (de ? "Transitivität" : "transitivity") + ": \(Numbers.fixed(structure.transitivity, 3, language))"
    out += ", " + (de ? "mittleres Clustering" : "average clustering") + ": \(Numbers.fixed(structure.averageClustering, 3, language))\n"
    for (c, component) in structure.components.enumerated() where component.members.count > 1 {
      out += "  " + (de ? "Teil" : "Part") + " \(c + 1): \(component.members.count) " + (de ? "Akteure" : "actors")
      out += ", " + (de ? "mittlere Weglänge" : "average path length") + " \(Numbers.fixed(component.averagePathLength, 2, language))"
      out += ", " + (de ? "Durchmesser" : "diameter") + " \(component.diameter)\n"
    }
    if !structure.articulationPoints.isEmpty {
      out += "  " + (de ? "Artikulationspunkte" : "Articulation points") + ": "
        + structure.articulationPoints.map { "\(displayName($0)) (\(fragility.disconnectedPairs[$0]))" }.joined(separator: ", ") + "\n"
    }
    if !fragility.keyPlayers.isEmpty {
      out += "  " + (de ? "Schlüsselakteure (KPP-Neg)" : "Key players (KPP-Neg)") + ": "
        + fragility.keyPlayers.map { "\(displayName($0.actor)) → F = \(Numbers.fixed($0.fragmentation, 2, language))" }.joined(separator: ", ") + "\n"
    }
    out += "\n" + (de ? "Vermittler (niedrigster Constraint)" : "Brokers (lowest constraint)") + "\n"
    let ranked = network.actors.indices.filter { brokerage.constraint[$0] != nil }
      .sorted { (brokerage.constraint[$0]!, $0) < (brokerage.constraint[$1]!, $1) }.prefix(8)
    for i in ranked {
      let r = brokerage.roles[i]
      out += "  \(Numbers.pad(displayName(i), 34)) constraint \(Numbers.fixed(brokerage.constraint[i]!, 3, language))"
      out += "  " + (de ? "eff. Größe" : "eff. size") + " \(Numbers.fixed(brokerage.effectiveSize[i] ?? 0, 2, language))"
      out += "  " + (de ? "Rollen" : "roles") + " \(r.total)\n"
    }
    if groups.names.count > 1 {
      out += "\n" + (de ? "Gruppen" : "Groups") + " (\(options.groupBy)): E-I " + (de ? "gesamt" : "overall") + " \(groups.eiOverall.map { Numbers.fixed($0, 2, language) } ?? "–")"
      out += ", " + (de ? "Communities" : "communities") + " \((groups.communities.max() ?? -1) + 1), " + (de ? "Modularität" : "modularity") + " \(Numbers.fixed(groups.modularity, 3, language))\n"
      for (g, _) in groups.names.enumerated() {
        let members = groups.membership.count { $0 == g }
        out += "  \(Numbers.pad(groupLabel(g, language), 28)) \(members) "
          + (de ? (members == 1 ? "Akteur" : "Akteure") : (members == 1 ? "actor" : "actors"))
        out += ", " + (de ? "intern" : "inside") + " \(groups.observed[g][g])"
        out += ", E-I \(groups.eiIndex[g].map { Numbers.fixed($0, 2, language) } ?? "–")\n"
      }
    }
    if !needs.open.isEmpty || !needs.unmet.isEmpty {
      out += "\n" + (de ? "Bedarfe und Angebote" : "Needs and offers") + "\n"
      for m in needs.open {
        out += Numbers.wrap(
          "- \(displayName(m.needActor)) " + (de ? "braucht" : "needs") + " „\(topicLabel(m.topic, language))“ — \(displayName(m.offerActor)) " + (de ? "bietet es an; keine Beziehung" : "offers it; no tie")
            + (m.distance.map { de ? " (Abstand \($0))" : " (distance \($0))" } ?? (de ? " (nicht verbunden)" : " (not connected)")),
          width: 92, indent: "  ") + "\n"
        if let q = m.needEvidence.quote { out += Numbers.wrap("    „\(q)“" + (m.needEvidence.source.map { " (\($0))" } ?? ""), width: 92, indent: "     ") + "\n" }
        if let q = m.offerEvidence.quote { out += Numbers.wrap("    „\(q)“" + (m.offerEvidence.source.map { " (\($0))" } ?? ""), width: 92, indent: "     ") + "\n" }
      }
      for u in needs.unmet {
        out += Numbers.wrap("- \(displayName(u.actor)) " + (de ? "braucht" : "needs") + " „\(topicLabel(u.topic, language))“ — " + (de ? "niemand bietet es an" : "nobody offers it"), width: 92, indent: "  ") + "\n"
      }
    }
    return out
  }



  func degree(of actor: Int) -> Int {
    var partners = Set<Int>()
    for r in network.relations where options.ties.statuses.contains(r.status) {
      if r.from == actor { partners.insert(r.to) }
      if r.to == actor { partners.insert(r.from) }
    }
    partners.remove(actor)
    return partners.count
  }

  func displayName(_ i: Int) -> String {
    let actor = network.actors[i]
    return actor.short ?? actor.name
  }

  func topicLabel(_ id: String, _ language: Language) -> String {
    network.topics.first { $0.id == id }?.label(language) ?? id
  }

  func groupLabel(_ g: Int, _ language: Language) -> String {
    GapReport.groupName(groups.names[g], by: options.groupBy, language: language)
  }
}

/// Number and list formatting for reports in German or English.
enum Numbers {
  /// Fixed decimals with the language's decimal mark (0,25 in German).
  static func fixed(_ x: Double, _ places: Int, _ language: Language) -> String {
    DecimalText.fixed(x, places: places, decimalMark: language == .de ? "," : ".", minus: "−")
  }

  /// "A, B und C" / "A, B and C".
  static func list(_ items: [String], _ language: Language) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + (language == .de ? " und " : " and ") + items.last!
  }

  static func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? String(s.prefix(width - 1)) + "…" : s + String(repeating: " ", count: width - s.count)
  }

  /// Word-wraps a paragraph; continuation lines start with `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent + word
      } else {
        line += (line.isEmpty ? "" : " ") + word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
