import ArgumentParser
import StakeMap

/// The map style options `render` and `report` share: engine, size, colour, label width, seed.
struct MapStyleOptions: ParsableArguments {
  @Option(
    help: """
      Layout engine: dot, neato, fdp, sfdp, circo, twopi (default: chosen by size and view: \
      dot for grouped or mostly directed maps, twopi for ego maps, neato up to 400 actors, sfdp \
      beyond). Ties are curved up to 60 actors and straight beyond (dot always curves). circo \
      is refused above 120 actors, neato above 2,000, dot, twopi and fdp above 5,000: their \
      layout would run for minutes and cannot be stopped.
      """)
  var engine: LayoutEngine?

  @Option(help: ArgumentHelp("Node size by this metric, or 'none'.", valueName: "metric"))
  var sizeBy: String = "degree"

  @Option(
    help: ArgumentHelp(
      "Fill colour by this actor attribute: type, region, basis or any custom key.",
      valueName: "attribute"))
  var colorBy: String = "type"

  @Option(help: "Wrap labels to lines of at most this many characters.")
  var labelWidth: Int = 18

  @Option(help: "Seed of the layout: another seed, another (equally valid) drawing.")
  var seed: Int = 1

  /// The metric nodes are sized by; nil for 'none'.
  var sizeMetric: Metric? { Metric(rawValue: sizeBy) }

  func validate() throws {
    if sizeBy != "none" && Metric(rawValue: sizeBy) == nil {
      let metrics = Metric.allCases.map(\.rawValue) + ["none"]
      throw OptionError.make(
        .cliOptionUnknownMetric,
        ["value": sizeBy, "metrics": MessageLanguage.words(nil).alternatives(metrics)])
    }
    if labelWidth < 4 { throw OptionError.atLeast("--label-width", 4) }
  }
}

/// The map view options `render` and `report` share: groups as boxes, the ego map of one
/// actor, attribute filters, and which analysis results are highlighted.
struct MapViewOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Draw groups as labelled boxes: type, region, community (detected groups) or any actor attribute. Boxes need the dot engine (chosen automatically); with neato or sfdp the groups colour the nodes instead.",
      valueName: "attribute"))
  var clusterBy: String?

  @Option(help: ArgumentHelp("Show only this actor and its surroundings (its id).", valueName: "id"))
  var ego: String?

  @Option(help: ArgumentHelp("With --ego: how many steps (ties) away actors are shown.", valueName: "n"))
  var radius: Int = 1

  @Option(
    name: .customLong("filter"),
    help: ArgumentHelp(
      "Show only actors with this attribute value (repeatable: the same key means either value, different keys must all hold; 'tag' matches any tag).",
      valueName: "key=value"))
  var filters: [String] = []

  @Option(
    help: ArgumentHelp(
      "How many suggested new ties to draw with --highlight suggestions (dashed, orange, labelled).",
      valueName: "n"))
  var suggestions: Int = 3

  /// What `--highlight` can name.
  enum Highlight: String, CaseIterable {
    case articulationPoints = "articulation-points"
    case suggestions
  }

  func validate() throws {
    if radius < 0 { throw OptionError.atLeast("--radius", 0) }
    if suggestions < 0 { throw OptionError.atLeast("--suggestions", 0) }
    if ego == nil && radius != 1 { throw OptionError.make(.cliOptionRadiusNeedsEgo) }
    for filter in filters where AttributeFilter(parsing: filter) == nil {
      throw OptionError.make(.cliOptionFilterSyntax, ["filter": filter])
    }
    if clusterBy?.isEmpty == true { throw OptionError.make(.cliOptionClusterByEmpty) }
  }

  /// Parses `--highlight a,b` (also `cut-points`, `all`, `none`).
  static func parseHighlights(_ text: String) throws -> Set<Highlight> {
    var result = Set<Highlight>()
    for part in text.split(separator: ",").map({ String($0).lowercased() }) where !part.isEmpty {
      switch part {
      case "articulation-points", "articulation", "cut-points", "cutpoints": result.insert(.articulationPoints)
      case "suggestions", "suggested", "bridges": result.insert(.suggestions)
      case "all": result.formUnion(Highlight.allCases)
      case "none": break
      default:
        throw OptionError.make(.cliOptionUnknownHighlight, ["value": part])
      }
    }
    return result
  }

  /// True when the view needs the gap analysis (communities).
  var needsGaps: Bool { clusterBy == "community" || clusterBy == "communities" }

  /// Applies the view to `options`; errors (an unknown id, a filter that matches nobody, an
  /// attribute nobody has) are printed, in the map's language, and end the command with
  /// status 1.
  func apply(
    to options: inout MapOptions, network: Network, gaps: GapReport?, quiet: Bool
  ) throws {
    let words = Words(options.language)
    func fail(_ message: String) -> ExitCode {
      Terminal.error(words(.cliError, ["message": message]))
      return ExitCode(1)
    }
    if let ego {
      guard let index = network.actors.firstIndex(where: { $0.id == ego }) else {
        if let suggestion = MapViewOptions.closest(ego, among: network.actors.map(\.id)) {
          throw fail(words(.cliViewUnknownEgoHint, ["id": ego, "suggestion": suggestion]))
        }
        throw fail(words(.cliViewUnknownEgo, ["id": ego]))
      }
      options.ego = EgoView(actor: index, radius: radius)
    }
    options.filters = filters.compactMap(AttributeFilter.init(parsing:)).map(\.canonical)
    for filter in options.filters {
      let values = Set(network.actors.flatMap { AttributeFilter.values(of: $0, key: filter.key) })
      if !values.contains(filter.value) {
        let known = values.sorted().prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        let arguments: KeyValuePairs<String, String> = [
          "filter": "\(filter)", "value": filter.value, "key": filter.key, "values": known,
        ]
        throw fail(
          values.isEmpty
            ? words(.cliViewFilterNoKey, arguments) : words(.cliViewFilterNoValue, arguments))
      }
    }
    if let clusterBy {
      if needsGaps {
        let communities = gaps?.groups.communities ?? []
        var number: [Int: Int] = [:]
        let labels: [String?] = network.actors.indices.map { i in
          guard i < communities.count else { return nil }
          let c = communities[i]
          if number[c] == nil { number[c] = number.count + 1 }
          return words(.cliViewCommunityNumber, ["n": String(number[c]!)])
        }
        options.clusterBy = .assigned(heading: words(.cliViewCommunity), labels: labels)
      } else {
        if clusterBy != "type" && !network.actors.contains(where: { $0.attribute(clusterBy) != nil }) {
          throw fail(
            MapViewOptions.unknownAttribute(
              clusterBy, known: MapViewOptions.attributeKeys(of: network).union(["community"]),
              plain: .cliViewNoAttribute, hint: .cliViewNoAttributeHint, words: words))
        }
        options.clusterBy = .attribute(clusterBy)
      }
    }
    // --color-by: like --cluster-by, a key no actor has is an error, not a grey map.
    let colorBy = options.colorBy
    if colorBy != "type" && !network.actors.contains(where: { $0.attribute(colorBy) != nil }) {
      throw fail(
        MapViewOptions.unknownAttribute(
          colorBy, known: MapViewOptions.attributeKeys(of: network),
          plain: .cliViewNoColorAttribute, hint: .cliViewNoColorAttributeHint, words: words))
    }
    let shown = StakeholderMap.visibleActors(network, options: options).count { $0 }
    if network.actors.isEmpty { throw fail(words(.cliViewNoActors)) }
    if shown == 0 { throw fail(words(.cliViewNothingLeft)) }
    let engine = StakeholderMap.engine(for: network, options: options)
    if options.clusterBy != nil, !StakeholderMap.drawsClusters(engine), !quiet {
      Terminal.error(words(.cliNote, ["message": words(.cliViewNoBoxes, ["engine": engine.rawValue])]))
    }
  }

  /// Applies `--highlight`: articulation points and the best suggestions from the gap analysis.
  func applyHighlights(
    _ highlights: Set<Highlight>, to options: inout MapOptions, gaps: GapReport?
  ) {
    guard let gaps else { return }
    if highlights.contains(.articulationPoints) {
      options.highlightedActors = gaps.structure.articulationPoints
    }
    if highlights.contains(.suggestions) {
      options.suggestedTies = gaps.suggestions.prefix(suggestions).enumerated().map { k, s in
        SuggestedTie(a: s.a, b: s.b, label: Report.suggestionLabel(k, options.language),
          tooltip: gaps.suggestionText(s, language: options.language))
      }
    }
  }

  /// The attributes some actor of `network` has: its own keys, the built-in ones that are set
  /// (region, basis, tag), and type.
  static func attributeKeys(of network: Network) -> Set<String> {
    var keys = Set(network.actors.flatMap { $0.attributes.keys })
    keys.insert("type")
    if network.actors.contains(where: { $0.region != nil }) { keys.insert("region") }
    if network.actors.contains(where: { $0.basis != nil }) { keys.insert("basis") }
    if network.actors.contains(where: { !$0.tags.isEmpty }) { keys.insert("tag") }
    return keys
  }

  /// "no actor has the attribute …", with the closest of `known` as a suggestion when one is
  /// close (``EditDistance/suggestion(for:among:)``, ignoring case).
  static func unknownAttribute(
    _ attribute: String, known: Set<String>, plain: Phrase, hint: Phrase, words: Words
  ) -> String {
    let sorted = known.sorted()
    let list = sorted.joined(separator: ", ")
    let lowered = attribute.lowercased()
    let suggestion =
      sorted.first { $0.lowercased() == lowered }
      ?? EditDistance.suggestion(for: lowered, among: sorted.map { $0.lowercased() })
      .flatMap { match in sorted.first { $0.lowercased() == match } }
    if let suggestion {
      return words(hint, ["attribute": attribute, "suggestion": suggestion, "attributes": list])
    }
    return words(plain, ["attribute": attribute, "attributes": list])
  }

  /// The id closest to `id` by edit distance, when close enough to be a typo.
  static func closest(_ id: String, among ids: [String]) -> String? {
    let target = id.lowercased()
    let best = ids.map { ($0, EditDistance.distance(target, $0.lowercased())) }
      .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    guard let best, best.1 <= max(2, target.unicodeScalars.count / 3) else { return nil }
    return best.0
  }
}
