import StakeMapAlgorithms
import StakeMapGaps
import StakeMapGraph
import StakeMapGraphviz
import StakeMapMaps
import StakeMapModel
import StakeMapText

/// What a report contains and how its map is drawn.
public struct ReportOptions: Sendable {
  /// The language of every generated word (default: the network's).
  public var language: Language?
  /// The report's title (default: the network's title).
  public var title: String?
  /// The map view: colours, clusters, ego map, filters, engine, seed. The language, the
  /// highlights and the node sizes are filled in by the report.
  public var map: MapOptions
  /// Node size on the map (nil: all the same size).
  public var sizeBy: Metric?
  /// Gap analysis options (groups, number of suggestions, seed).
  public var gaps: GapOptions
  /// Draw the articulation points (cut points) with a thick outline.
  public var highlightCutPoints: Bool
  /// How many of the best suggestions the map draws (dashed, labelled V1, V2, …).
  public var mapSuggestions: Int
  /// How many suggestions the report lists with their reasons.
  public var listedSuggestions: Int
  /// Leave the map out (e.g. for a network too large to draw).
  public var includeMap: Bool
  /// Above this many actors the map is left out even when ``includeMap`` asks for it, and the
  /// report says why (``Report/mapOmitted``): Graphviz's sfdp takes minutes at 10⁴ nodes and
  /// hours at 10⁵, and a drawing of thousands of actors shows no single tie anyway.
  public var largestMap = 5_000
  /// Above this many actors the centrality table and the actor cards show only the
  /// ``leadingActors`` with the highest betweenness, and the report says so
  /// (``Report/listingNote``): at 100,000 actors a card each made a 200 MB page that no browser
  /// opens and nobody reads; every value is in `stakemap analyze`'s CSV or JSON.
  public var largestListing = 5_000
  /// How many actors the table and the cards show above ``largestListing``.
  public var leadingActors = 500
  /// Who wrote the report, for the footer ("StakeMap 0.1.0"); nil: no footer line.
  public var generator: String?
  /// Threads for centrality; results do not depend on it.
  public var threads: Int?
  /// Count shared events as ties (the co-participation projection).
  public var coParticipation: Bool

  public init(
    language: Language? = nil, title: String? = nil, map: MapOptions = MapOptions(),
    sizeBy: Metric? = .degree, gaps: GapOptions = GapOptions(), highlightCutPoints: Bool = true,
    mapSuggestions: Int = 3, listedSuggestions: Int = 10, includeMap: Bool = true,
    generator: String? = nil, threads: Int? = nil, coParticipation: Bool = false
  ) {
    self.language = language
    self.title = title
    self.map = map
    self.sizeBy = sizeBy
    self.gaps = gaps
    self.highlightCutPoints = highlightCutPoints
    self.mapSuggestions = mapSuggestions
    self.listedSuggestions = listedSuggestions
    self.includeMap = includeMap
    self.generator = generator
    self.threads = threads
    self.coParticipation = coParticipation
  }
}

extension ReportOptions {
  /// The options the report's gap analysis runs with: ``gaps`` in `language`, with the report's
  /// tie selection and threads, and enough suggestions for the list and the map.
  public func effectiveGapOptions(language: Language) -> GapOptions {
    var gapOptions = gaps
    gapOptions.language = language
    gapOptions.ties = TieSelection(coParticipation: coParticipation)
    gapOptions.suggestionCount = max(gapOptions.suggestionCount, listedSuggestions, mapSuggestions)
    if let threads { gapOptions.threads = threads }
    return gapOptions
  }
}

/// Everything a report shows, computed once: the network, its centrality, the gap analysis
/// and the map. ``html()`` and ``markdown(mapFiles:)`` only format it, so both formats say
/// the same.
///
///     let report = try Report.build(network: network, options: ReportOptions(generator: "StakeMap"))
///     let page = report.html()          // one self-contained file
///
/// Deterministic: the same network and options give byte-identical output (no clock, no
/// locale, seeded layouts).
public struct Report: Sendable {
  public var network: Network
  public var language: Language
  public var options: ReportOptions
  /// The analysis graph (existing ties; with co-participation when asked for).
  public var graph: Graph
  public var centrality: Centrality
  public var gaps: GapReport
  /// The map options as drawn: the view, plus highlights and sizes.
  public var mapOptions: MapOptions
  /// The SVG map with title and description for screen readers (nil without a map).
  public var map: StakeholderMap.Rendering?
  /// Why the map is missing although it was asked for (too many actors), in the report's
  /// language; nil otherwise.
  public var mapOmitted: String?
  /// The actors the centrality table and the cards show, when not all of them (more than
  /// ``ReportOptions/largestListing``): the leading ones by betweenness. nil: all actors.
  public var listedActors: Set<Int>?
  /// Why the table and the cards do not show every actor, in the report's language; nil when
  /// they do.
  public var listingNote: String?
  /// The map's description in words (also the SVG's `<desc>`).
  public var mapDescription: String
  /// The fixed views beside the map (Netzwerkkarte, power/interest grid); see
  /// ``ReportViews``.
  public var views: ReportViews = ReportViews()
  /// Notes for the person running the report (Graphviz warnings).
  public var warnings: [String]
  /// Source and topic positions by id (the first of duplicates, which `check` refuses anyway).
  var sourceIndex: [String: Int] = [:]
  var topicIndex: [String: Int] = [:]

  /// Computes centrality and gaps and renders the map.
  ///
  /// - Parameters:
  ///   - gaps: a gap analysis already computed for `network` (nil: computed here with
  ///     ``ReportOptions/gaps``, in the report's language, at least as many suggestions as the
  ///     report lists).
  ///   - centrality: every measure, already computed on the report's graph (`Graph(network:
  ///     ties:)` with the options' tie selection), e.g. with a progress line; nil: computed here.
  /// - Throws: ``StakeMapGraphviz/GraphvizError`` when the map cannot be rendered.
  /// - Complexity: the centrality's sweeps (O(n·m), weighted O(n·m·log n)) and the gap
  ///   analysis dominate; the rest is O((n + m) log n).
  public static func build(
    network: Network, options: ReportOptions = ReportOptions(), gaps precomputed: GapReport? = nil,
    centrality precomputedCentrality: Centrality? = nil
  ) throws(GraphvizError) -> Report {
    let language = options.language ?? network.info.language
    let ties = TieSelection(coParticipation: options.coParticipation)
    let graph = Graph(network: network, ties: ties)
    let centrality: Centrality
    if let precomputedCentrality {
      centrality = precomputedCentrality
    } else {
      var centralityOptions = CentralityOptions()
      if let threads = options.threads { centralityOptions.threads = threads }
      centrality = Centrality.compute(graph, options: centralityOptions)
    }
    let gaps =
      precomputed ?? GapReport.compute(network: network, options: options.effectiveGapOptions(language: language))

    var mapOptions = options.map
    mapOptions.language = language
    if mapOptions.title == nil, let title = options.title { mapOptions.title = title }
    if let metric = options.sizeBy {
      mapOptions.sizeValues = metric.values(centrality)
      mapOptions.sizeLabel = metric.label(language)
    }
    if options.highlightCutPoints {
      mapOptions.highlightedActors = gaps.structure.articulationPoints
    }
    mapOptions.suggestedTies = gaps.suggestions.prefix(max(0, options.mapSuggestions)).enumerated().map {
      k, s in
      SuggestedTie(a: s.a, b: s.b, label: suggestionLabel(k, language), tooltip: gaps.suggestionText(s, language: language))
    }
    // The map's tooltips say the reason once, after the names (see suggestionText).
    var report = Report(
      network: network, language: language, options: options, graph: graph, centrality: centrality,
      gaps: gaps, mapOptions: mapOptions, map: nil,
      mapDescription: StakeholderMap.description(for: network, options: mapOptions), warnings: [])
    for (k, source) in network.sources.enumerated() where report.sourceIndex[source.id] == nil {
      report.sourceIndex[source.id] = k
    }
    for (k, topic) in network.topics.enumerated() where report.topicIndex[topic.id] == nil {
      report.topicIndex[topic.id] = k
    }
    if network.actors.count > options.largestListing {
      let leading = report.ranking(by: .betweenness).prefix(max(0, options.leadingActors))
      report.listedActors = Set(leading)
      report.listingNote = Words(language)(
        .reportListingLeading, ["n": Words(language).integer(network.actors.count), "k": Words(language).integer(leading.count)])
    }
    if options.includeMap && network.actors.count > options.largestMap {
      report.mapOmitted = Words(language)(
        .reportMapOmittedTooLarge,
        ["n": Words(language).integer(network.actors.count), "limit": Words(language).integer(options.largestMap)])
    } else if options.includeMap && !network.actors.isEmpty {
      let rendering = try StakeholderMap.render(network, options: mapOptions, format: .svg)
      report.map = rendering
      report.warnings += rendering.warnings
      try report.views = ReportViews.build(report)
      report.warnings += report.views.warnings
    }
    return report
  }

  /// The same map as a PNG (default ``StakeMapMaps/StakeholderMap/printDPI``), for the
  /// Markdown report.
  public func mapPNG(dpi: Double? = nil) throws(GraphvizError) -> StakeholderMap.Rendering {
    try StakeholderMap.render(network, options: mapOptions, format: .png, dpi: dpi)
  }

  /// "V1", "V2", … (Vorschlag) in German, "S1", "S2", … (suggestion) in English.
  public static func suggestionLabel(_ index: Int, _ language: Language) -> String {
    Words(language)(.reportSuggestionLabel, ["n": String(index + 1)])
  }

  /// The report's title.
  public var title: String {
    if let title = options.title, !title.isEmpty { return title }
    if !network.info.title.isEmpty { return network.info.title }
    return Words(language)(.reportNetworkReport)
  }

  /// A suggestion's reasons in one sentence, without the two names (the report shows them
  /// itself, linked), starting with a capital letter.
  public func suggestionText(_ s: Suggestion) -> String {
    let text = gaps.reasonsSentence(s, Words(language))
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A reason's figures for people: `neu verbundene Paare 14; eingesparte Schritte 3`.
  func figures(_ figures: [(String, Double)]) -> String {
    GapReport.figuresText(figures, Words(language))
  }

  /// Suggestions the report lists, best first.
  var listedSuggestions: ArraySlice<Suggestion> {
    gaps.suggestions.prefix(max(0, options.listedSuggestions))
  }

  /// Stakeholder indices by a metric, highest first (``Centrality/ranking(by:actors:)``).
  func ranking(by metric: Metric) -> [Int] {
    centrality.ranking(by: metric, actors: network.actors)
  }

  /// Whether the table and the cards show this actor (``listedActors``).
  func isListed(_ i: Int) -> Bool { listedActors?.contains(i) ?? true }

  /// The actors the centrality table shows, in its order: by betweenness, highest first.
  var tableActors: [Int] {
    let order = ranking(by: .betweenness)
    guard let listedActors else { return order }
    return Array(order.prefix(listedActors.count))
  }

  /// The actors that have a card, in reading order: by a folded name key (so "Ä" sorts with
  /// "A" and a leading article is ignored), then name, then id.
  var actorsByName: [Int] {
    let keys = network.actors.map { OrganizationName.key($0.name) }
    return network.actors.indices.filter(isListed).sorted { a, b in
      if keys[a] != keys[b] { return keys[a] < keys[b] }
      if network.actors[a].name != network.actors[b].name { return network.actors[a].name < network.actors[b].name }
      return network.actors[a].id < network.actors[b].id
    }
  }

  /// Direct partners of each actor in the analysis graph.
  var partnerCounts: [Int] {
    (0..<graph.nodeCount).map { graph.edgeRange($0).count }
  }

  /// Connected components of the analysis graph, largest first (ties by smallest member).
  var components: [[Int]] { Structure.components(graph).members }

  /// The latest source date, as written (ISO dates and years sort as text).
  var latestSourceDate: String? {
    network.sources.compactMap(\.date).filter { !$0.isEmpty }.max()
  }

  /// The name an actor is shown with in running text.
  func name(_ i: Int) -> String { network.actors[i].name }

  /// The topic's label in the report's language, or its id.
  func topicLabel(_ id: String) -> String {
    topicIndex[id].map { network.topics[$0].label(language) } ?? id
  }

  /// The source with this id.
  func source(_ id: String) -> (index: Int, source: Source)? {
    guard let k = sourceIndex[id] else { return nil }
    return (k, network.sources[k])
  }
}
