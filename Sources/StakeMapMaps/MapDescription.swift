import StakeMapModel

extension StakeholderMap {
  /// A short text for people who cannot see the map (the SVG's `<desc>`, a report's caption):
  /// what the map shows, how it is coloured, who has the most ties on it, what is highlighted.
  ///
  ///     StakeholderMap.description(for: network, options: options)
  ///     // "Akteurslandkarte mit 18 Akteuren und 22 Beziehungen. Farbe: Akteurstyp – …"
  ///
  /// The same network and options always give the same text.
  public static func description(for network: Network, options: MapOptions = MapOptions()) -> String {
    let de = options.language == .de
    let shown = visibleActors(network, options: options)
    let engine = self.engine(for: network, options: options)
    let clustered = options.clusterBy != nil && drawsClusters(engine)
    let ties = drawnTies(network, statuses: options.statuses).filter { shown[$0.from] && shown[$0.to] }
    let n = shown.count { $0 }
    var sentences: [String] = []

    let actorsText = de ? (n == 1 ? "1 Akteur" : "\(n) Akteuren") : (n == 1 ? "1 actor" : "\(n) actors")
    let tiesText = de ? (ties.count == 1 ? "1 Beziehung" : "\(ties.count) Beziehungen")
      : (ties.count == 1 ? "1 tie" : "\(ties.count) ties")
    let actorsNominative = de ? (n == 1 ? "1 Akteur" : "\(n) Akteure") : actorsText
    if de {
      sentences.append("Akteurslandkarte mit \(actorsText) und \(tiesText)")
    } else {
      sentences.append("Stakeholder map with \(actorsText) and \(tiesText)")
    }
    sentences += viewLines(network, options: options)
    if n < network.actors.count {
      sentences.append(
        de ? "\(actorsNominative) von \(network.actors.count) gezeigt"
          : "\(actorsNominative) of \(network.actors.count) shown")
    }

    // Colours: heading, then value (count) for each legend entry shown.
    let coloring: NodeColoring
    if let grouping = options.clusterBy, !clustered {
      coloring = groupColoring(network, grouping: grouping, language: options.language)
    } else {
      coloring = NodeColoring(network: network, attribute: options.colorBy, language: options.language)
    }
    var countByColor: [String: Int] = [:]
    for i in network.actors.indices where shown[i] { countByColor[coloring.color(of: i), default: 0] += 1 }
    let entries = coloring.entries(shown: shown).map { "\($0.text) \(countByColor[$0.color] ?? 0)" }
    if !entries.isEmpty {
      sentences.append((de ? "Farbe: " : "Colour: ") + coloring.heading + " – " + entries.joined(separator: ", "))
    }
    if clustered, let grouping = options.clusterBy {
      let (names, _) = clusters(network, grouping: grouping, shown: shown, language: options.language)
      sentences.append(
        (de ? "Kästen nach " : "Boxes by ") + groupHeading(grouping, language: options.language) + ": "
          + names.joined(separator: ", "))
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
      let names = top.map { "\(label(network.actors[$0])) (\(degree[$0]))" }
      sentences.append((de ? "Die meisten Partner: " : "Most partners: ") + names.joined(separator: ", "))
    }

    let highlighted = options.highlightedActors.filter { shown.indices.contains($0) && shown[$0] }
    if !highlighted.isEmpty {
      sentences.append(
        (de ? "Dick umrandet (" : "Thick outline (") + highlightText(options) + "): "
          + highlighted.map { label(network.actors[$0]) }.joined(separator: ", "))
    }
    let suggested = options.suggestedTies.filter {
      $0.a != $0.b && shown.indices.contains($0.a) && shown.indices.contains($0.b) && shown[$0.a]
        && shown[$0.b]
    }
    if !suggested.isEmpty {
      let list = suggested.map {
        "\($0.label) \(label(network.actors[$0.a])) – \(label(network.actors[$0.b]))"
      }
      sentences.append(
        (de ? "Orange gestrichelt, vorgeschlagene neue Beziehungen: " : "Dashed orange, suggested new ties: ")
          + list.joined(separator: "; "))
    }
    let statuses = Set(ties.map(\.status))
    var lineStyles: [String] = []
    if statuses.contains(.planned) { lineStyles.append(de ? "gestrichelt: geplant" : "dashed: planned") }
    if statuses.contains(.desired) { lineStyles.append(de ? "gepunktet: gewünscht" : "dotted: desired") }
    if statuses.contains(.ended) { lineStyles.append(de ? "grau: beendet" : "grey: ended") }
    if !lineStyles.isEmpty {
      sentences.append((de ? "Linien " : "Lines ") + lineStyles.joined(separator: ", "))
    }
    return sentences.map { $0 + "." }.joined(separator: " ")
  }

  private static func label(_ actor: Stakeholder) -> String { actor.short ?? actor.name }
}
