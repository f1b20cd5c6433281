import StakeMapModel
import StakeMapText

extension StakeholderMap {
  /// A short text for people who cannot see the map (the SVG's `<desc>`, a report's caption):
  /// what the map shows, how it is coloured, who has the most ties on it, what is highlighted.
  ///
  ///     StakeholderMap.description(for: network, options: options)
  ///     // "Akteurslandkarte mit 18 Akteuren und 22 Beziehungen. Farbe: Akteurstyp – …"
  ///
  /// Every word comes from the catalogue in ``MapOptions/language``. The same network and
  /// options always give the same text.
  public static func description(for network: Network, options: MapOptions = MapOptions()) -> String {
    let language = options.language
    let words = Words(language)
    let shown = visibleActors(network, options: options)
    let engine = self.engine(for: network, options: options)
    let clustered = options.clusterBy != nil && drawsClusters(engine)
    let ties = drawnTies(network, statuses: options.statuses, language: language)
      .filter { shown[$0.from] && shown[$0.to] }
    let n = shown.count { $0 }
    var sentences: [String] = []

    sentences.append(
      words(
        .mapDescriptionSummary,
        [
          "actors": words.count(n, one: .mapDescriptionActorsOne, other: .mapDescriptionActorsOther),
          "ties": words.count(ties.count, one: .mapDescriptionTiesOne, other: .mapDescriptionTiesOther),
        ]))
    sentences += viewLines(network, options: options)
    if n < network.actors.count {
      sentences.append(
        words.count(
          n, one: .mapDescriptionShownOne, other: .mapDescriptionShownOther,
          ["total": words.integer(network.actors.count)]))
    }

    // Colours: heading, then value (count) for each legend entry shown.
    let coloring: NodeColoring
    if let grouping = options.clusterBy, !clustered {
      coloring = groupColoring(network, grouping: grouping, language: language)
    } else {
      coloring = NodeColoring(network: network, attribute: options.colorBy, language: language)
    }
    var countByColor: [String: Int] = [:]
    for i in network.actors.indices where shown[i] { countByColor[coloring.color(of: i), default: 0] += 1 }
    let entries = coloring.entries(shown: shown).map { "\($0.text) \(countByColor[$0.color] ?? 0)" }
    if !entries.isEmpty {
      sentences.append(
        words(.mapDescriptionColour, ["heading": coloring.heading, "entries": words.list(entries)]))
    }
    if clustered, let grouping = options.clusterBy {
      let (names, _) = clusters(network, grouping: grouping, shown: shown, language: language)
      sentences.append(
        words(
          .mapDescriptionBoxes,
          ["grouping": groupHeading(grouping, language: language), "groups": words.list(names)]))
    }

    // Most ties on the map.
    var degree = [Int](repeating: 0, count: network.actors.count)
    var partners = Set<Int>()
    for tie in ties {
      let key = min(tie.from, tie.to) * network.actors.count + max(tie.from, tie.to)
      if partners.insert(key).inserted {
        degree[tie.from] += 1
        degree[tie.to] += 1
      }
    }
    let top = network.actors.indices.filter { shown[$0] && degree[$0] > 0 }
      .sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
      .prefix(3)
    if !top.isEmpty {
      // Say which ties besides existing ones are counted, so the figure is not read as the
      // report's "Partner" (existing ties only).
      let names = top.map { "\(label(network.actors[$0])) (\(degree[$0]))" }
      let drawn = Set(ties.map(\.status))
      let also: [(RelationStatus, Phrase)] = [
        (.planned, .mapDescriptionCountedPlanned), (.desired, .mapDescriptionCountedDesired),
        (.ended, .mapDescriptionCountedEnded),
      ]
      let counted = also.filter { drawn.contains($0.0) }.map { words($0.1) }
      if counted.isEmpty {
        sentences.append(words(.mapDescriptionMostPartners, ["actors": words.list(names)]))
      } else {
        sentences.append(
          words(.mapDescriptionMostTiesAlso, ["statuses": words.list(counted), "actors": words.list(names)]))
      }
    }

    let highlighted = options.highlightedActors.filter { shown.indices.contains($0) && shown[$0] }
    if !highlighted.isEmpty {
      sentences.append(
        words(
          .mapDescriptionHighlighted,
          [
            "meaning": highlightText(options),
            "actors": words.list(highlighted.map { label(network.actors[$0]) }),
          ]))
    }
    let suggested = options.suggestedTies.filter {
      $0.a != $0.b && shown.indices.contains($0.a) && shown.indices.contains($0.b) && shown[$0.a]
        && shown[$0.b]
    }
    if !suggested.isEmpty {
      let list = suggested.map {
        "\($0.label) \(label(network.actors[$0.a])) – \(label(network.actors[$0.b]))"
      }
      sentences.append(words(.mapDescriptionSuggested, ["ties": list.joined(separator: "; ")]))
    }
    let statuses = Set(ties.map(\.status))
    let styles: [(RelationStatus, Phrase)] = [
      (.planned, .mapDescriptionDashed), (.desired, .mapDescriptionDotted), (.ended, .mapDescriptionGrey),
    ]
    let lineStyles = styles.filter { statuses.contains($0.0) }.map { words($0.1) }
    if !lineStyles.isEmpty {
      sentences.append(words(.mapDescriptionLines, ["styles": lineStyles.joined(separator: ", ")]))
    }
    return sentences.map { $0 + "." }.joined(separator: " ")
  }

  private static func label(_ actor: Stakeholder) -> String { actor.short ?? actor.name }
}
