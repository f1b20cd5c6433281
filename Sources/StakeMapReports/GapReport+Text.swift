import StakeMapModel
import StakeMapGaps
import StakeMapGraph
import StakeMapText

extension GapReport {
  /// The findings for people, most important first, in `language`: size and pieces; what
  /// everything hangs on; who brokers; which groups keep to themselves; which needs could be
  /// met; the most valuable new ties. Every sentence names its figures.
  public func findings(language: Language) -> [Finding] {
    let w = Words(language)
    var out: [Finding] = []
    let n = network.actors.count
    let ties = tieCount
    let name = { (i: Int) in self.displayName(i) }

    // Size and pieces.
    let isolates = structure.components.filter { $0.members.count == 1 }.map { $0.members[0] }
    var size = [
      w(
        .gapsFindingSize,
        [
          "actors": w.count(n, one: .gapsActorsOne, other: .gapsActorsOther),
          "ties": w.count(ties, one: .gapsTiesOne, other: .gapsTiesOther),
          "density": w.number(structure.density, places: 3),
        ])
    ]
    let pieces = structure.components.count - isolates.count
    if pieces > 1 { size.append(w(.gapsFindingParts, ["n": w.integer(pieces)])) }
    if !isolates.isEmpty {
      size.append(
        w.count(
          isolates.count, one: .gapsFindingIsolatesOne, other: .gapsFindingIsolatesOther,
          ["names": w.list(isolates.map(name))]))
    }
    out.append(Finding(topic: .size, text: size.joined(separator: " ")))

    // Fragility: articulation points by what is lost.
    let points = structure.articulationPoints.sorted {
      (fragility.disconnectedPairs[$0], -$0) > (fragility.disconnectedPairs[$1], -$1)
    }
    if let worst = points.first {
      var text = w.count(
        fragility.disconnectedPairs[worst], one: .gapsFindingHangsOnOne, other: .gapsFindingHangsOnOther,
        ["actor": name(worst)])
      if points.count > 1 {
        text += " " + w(.gapsFindingFurtherCutPoints, ["names": Self.shortList(points.dropFirst().map(name), 4, w)])
      }
      out.append(Finding(topic: .fragility, text: text))
    } else if n > 2 && structure.components.count == 1 {
      out.append(Finding(topic: .fragility, text: w(.gapsFindingNoCutPoint)))
    }
    if !structure.bridges.isEmpty {
      let shown = structure.bridges.prefix(3).map { "\(name($0.0)) – \(name($0.1))" }
      out.append(
        Finding(
          topic: .fragility,
          text: w.count(
            structure.bridges.count, one: .gapsFindingBridgesOne, other: .gapsFindingBridgesOther,
            ["ties": w.list(shown)])))
    }

    // Brokers: lowest constraint among actors with at least two contacts.
    let partners = partnerCounts()
    let brokers = network.actors.indices.filter { brokerage.constraint[$0] != nil && partners[$0] >= 2 }
      .sorted { (brokerage.constraint[$0]!, $0) < (brokerage.constraint[$1]!, $1) }
    if let top = brokers.first {
      let roles = brokerage.roles[top]
      var text = w(
        .gapsFindingBroker,
        [
          "actor": name(top), "constraint": w.number(brokerage.constraint[top]!, places: 3),
          "size": w.number(brokerage.effectiveSize[top] ?? 0, places: 1),
        ])
      if roles.liaison + roles.gatekeeper + roles.representative > 0 {
        text += " " + w(
          .gapsFindingBrokerRoles,
          [
            "liaison": w.integer(roles.liaison), "gatekeeper": w.integer(roles.gatekeeper),
            "representative": w.integer(roles.representative),
          ])
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
            silent.append("\(groupLabel(a, w)) – \(groupLabel(b, w))")
          }
        }
      }
      if !silent.isEmpty {
        out.append(Finding(topic: .groups, text: w(.gapsFindingSilentGroups, ["pairs": Self.shortList(silent, 5, w)])))
      }
      let silos = groups.names.indices.filter { g in
        (groups.eiIndex[g] ?? 0) <= -0.5 && groups.membership.count(where: { $0 == g }) > 1
      }
      if !silos.isEmpty {
        let listed = silos.map { "\(groupLabel($0, w)) (\(w.number(groups.eiIndex[$0]!, places: 3)))" }
        out.append(
          Finding(
            topic: .groups,
            text: w(.gapsFindingSilos, ["threshold": w.number(-0.5, places: 1), "groups": w.list(listed)])))
      }
    }

    // Needs.
    if !needs.open.isEmpty || !needs.unmet.isEmpty {
      var text: [String] = []
      if let first = needs.open.first {
        text.append(
          w.count(
            needs.open.count, one: .gapsFindingOpenNeedsOne, other: .gapsFindingOpenNeedsOther,
            [
              "needer": name(first.needActor), "topic": w.quoted(topicLabel(first.topic, language)),
              "offerer": name(first.offerActor),
            ]))
      }
      if !needs.unmet.isEmpty {
        let topics = Array(Set(needs.unmet.map(\.topic))).sorted().map { topicLabel($0, language) }
        text.append(
          w.count(
            needs.unmet.count, one: .gapsFindingUnmetNeedsOne, other: .gapsFindingUnmetNeedsOther,
            ["topics": Self.shortList(topics, 4, w)]))
      }
      out.append(Finding(topic: .needs, text: text.joined(separator: " ")))
    }

    // The most valuable new ties.
    for suggestion in suggestions.prefix(3) {
      out.append(Finding(topic: .suggestions, text: suggestionText(suggestion, w)))
    }
    return out
  }

  /// At most `limit` of `items` as a list; when some are left out, the list says how many
  /// ("A, B, C und 2 weitere"). One item over the limit is named rather than counted.
  static func shortList(_ items: [String], _ limit: Int, _ w: Words) -> String {
    guard items.count > limit + 1 else { return w.list(items) }
    return w.list(items.prefix(limit) + [w(.gapsMoreItems, ["n": w.integer(items.count - limit)])])
  }

  /// The `gaps --format text` report: the findings, then the detail of each section, then the
  /// terms it uses, each in one plain sentence. Safe for a terminal: controls and bidi
  /// controls from the file are shown, not sent (``TerminalText/safe(_:)``).
  public func text(language: Language) -> String {
    TerminalText.safe(rawText(language: language))
  }

  func rawText(language: Language) -> String {
    let w = Words(language)
    var out = ""
    let title = network.info.title.isEmpty ? w(.gapsTextUntitled) : network.info.title
    out += w(.gapsTextTitle, ["title": title]) + "\n\n"
    for finding in findings(language: language) where finding.topic != .suggestions {
      out += Numbers.wrap("• " + finding.text, width: 92, indent: "  ") + "\n"
    }
    if !suggestions.isEmpty {
      out += "\n" + w(.gapsTextSuggestions) + "\n"
      for (k, s) in suggestions.enumerated() {
        out += Numbers.wrap("\(k + 1). \(suggestionText(s, w))", width: 92, indent: "   ") + "\n"
      }
    }
    out += "\n" + w(.gapsTextStructure) + "\n"
    out += "  " + w(
      .gapsTextStructureLine,
      [
        "density": w.number(structure.density, places: 3),
        "transitivity": w.number(structure.transitivity, places: 3),
        "clustering": w.number(structure.averageClustering, places: 3),
      ]) + "\n"
    for (c, component) in structure.components.enumerated() where component.members.count > 1 {
      out += "  " + w(
        .gapsTextPart,
        [
          "k": w.integer(c + 1), "actors": w.count(component.members.count, one: .gapsActorsOne, other: .gapsActorsOther),
          "length": w.number(component.averagePathLength, places: 2), "diameter": w.integer(component.diameter),
        ]) + "\n"
    }
    if !structure.articulationPoints.isEmpty {
      out += "  " + w(.gapsTextCutPoints) + ": "
        + structure.articulationPoints.map { "\(displayName($0)) (\(fragility.disconnectedPairs[$0]))" }.joined(separator: ", ") + "\n"
    }
    if !fragility.keyPlayers.isEmpty {
      out += "  " + w(.gapsTextKeyPlayers) + ": "
        + fragility.keyPlayers.map { "\(displayName($0.actor)) → F = \(w.number($0.fragmentation, places: 2))" }.joined(separator: ", ") + "\n"
    }
    out += "\n" + w(.gapsTextBrokers) + "\n"
    let ranked = network.actors.indices.filter { brokerage.constraint[$0] != nil }
      .sorted { (brokerage.constraint[$0]!, $0) < (brokerage.constraint[$1]!, $1) }.prefix(8)
    for i in ranked {
      out += "  \(Numbers.pad(TerminalText.safe(displayName(i)), 34)) " + w(
        .gapsTextBrokerRow,
        [
          "constraint": w.number(brokerage.constraint[i]!, places: 3),
          "size": w.number(brokerage.effectiveSize[i] ?? 0, places: 2), "roles": w.integer(brokerage.roles[i].total),
        ]) + "\n"
    }
    if groups.names.count > 1 {
      out += "\n" + w(
        .gapsTextGroups,
        [
          "by": GapReport.groupByLabel(options.groupBy, w),
          "ei": groups.eiOverall.map { w.number($0, places: 2) } ?? w(.commonNoValue),
          "communities": w.integer((groups.communities.max() ?? -1) + 1),
          "modularity": w.number(groups.modularity, places: 3),
        ]) + "\n"
      for (g, _) in groups.names.enumerated() {
        let members = groups.membership.count { $0 == g }
        out += "  \(Numbers.pad(TerminalText.safe(groupLabel(g, w)), 28)) " + w(
          .gapsTextGroupRow,
          [
            "actors": w.count(members, one: .gapsActorsOne, other: .gapsActorsOther),
            "inside": w.integer(groups.observed[g][g]),
            "ei": groups.eiIndex[g].map { w.number($0, places: 2) } ?? w(.commonNoValue),
          ]) + "\n"
      }
    }
    if !needs.open.isEmpty || !needs.unmet.isEmpty {
      out += "\n" + w(.gapsTextNeeds) + "\n"
      for m in needs.open {
        let distance = m.distance.map { w(.gapsTextDistance, ["n": w.integer($0)]) } ?? w(.gapsTextNotConnected)
        let line = w(
          .gapsTextOpenNeed,
          [
            "needer": displayName(m.needActor), "topic": w.quoted(topicLabel(m.topic, language)),
            "offerer": displayName(m.offerActor),
          ])
        out += Numbers.wrap("- " + line + " " + distance, width: 92, indent: "  ") + "\n"
        for e in [m.needEvidence, m.offerEvidence] {
          if let q = e.quote { out += Numbers.wrap("    " + w.quoted(q) + (e.source.map { " (\($0))" } ?? ""), width: 92, indent: "     ") + "\n" }
        }
      }
      for u in needs.unmet {
        let line = w(.gapsTextUnmetNeed, ["actor": displayName(u.actor), "topic": w.quoted(topicLabel(u.topic, language))])
        out += Numbers.wrap("- " + line, width: 92, indent: "  ") + "\n"
      }
    }
    out += "\n" + w(.gapsTextTerms) + "\n"
    for (term, meaning) in GapReport.glossary(w, suggestionFigures: false) {
      out += "  " + Numbers.wrap(term + ": " + meaning, width: 90, indent: "    ") + "\n"
    }
    return out
  }

  /// How many distinct other actors each actor has a tie with: the degree in the graph of
  /// the relations whose status counts as a tie (repeated pairs merged, self-ties left out;
  /// co-participation not counted, as this finding always did).
  ///
  /// - Complexity: O(n + m) once for all actors (asking per actor by scanning the relations
  ///   made a 100,000-actor report quadratic).
  func partnerCounts() -> [Int] {
    let graph = Graph(network: network, ties: TieSelection(statuses: options.ties.statuses))
    return (0..<graph.nodeCount).map(graph.degree)
  }

  func displayName(_ i: Int) -> String {
    let actor = network.actors[i]
    return actor.short ?? actor.name
  }

  func topicLabel(_ id: String, _ language: Language) -> String {
    network.topics.first { $0.id == id }?.label(language) ?? id
  }
}

/// Layout of plain-text reports: padded columns and wrapped paragraphs.
enum Numbers {
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
