import StakeMapGaps
import StakeMapGraph
import StakeMapGraphviz
import StakeMapMaps
import StakeMapModel
import StakeMapText

/// The report's fixed views beside its map: the Netzwerkkarte around the hub (sectors by type
/// family, rings by distance) and, when actors are rated, Mendelow's power/interest grid with
/// the actors whose rating and network position disagree. Both are pinned maps
/// (``PinnedView``): the same data gives the same pictures in next year's report.
public struct ReportViews: Sendable {
  public var netzwerkkarte: StakeholderMap.Rendering?
  public var netzwerkkarteDescription: String = ""
  public var grid: StakeholderMap.Rendering?
  public var gridDescription: String = ""
  /// The ratings and the disagreements; nil when no actor has a valid rating.
  public var powerInterest: PowerInterest?
  /// Invalid ratings, each naming file:line:column (see ``ratingProblems(_:language:)``).
  public var warnings: [String] = []

  public init() {}

  /// Renders the views for `report` (called by ``Report/build(network:options:gaps:)`` when the
  /// report has a map), up to neato's actor limit (2,000; a Netzwerkkarte of 1,500 actors
  /// renders in 1.5 s). Invalid ratings become warnings naming file:line:column; the grid is
  /// left out then.
  static func build(_ report: Report) throws(GraphvizError) -> ReportViews {
    var views = ReportViews()
    let network = report.network
    // Pinned maps are laid out by neato, which refuses more actors than its limit (see
    // StakeholderMap.actorLimit(of:)): a report of a larger network goes without them.
    guard network.actors.count <= StakeholderMap.actorLimit(of: .neato) ?? .max else { return views }
    var base = MapOptions(
      colorBy: report.mapOptions.colorBy, language: report.language,
      labelWidth: report.mapOptions.labelWidth, seed: report.mapOptions.seed,
      title: report.mapOptions.title, statuses: report.mapOptions.statuses)
    base.coParticipation = report.mapOptions.coParticipation
    if let hub = StakeholderMap.hub(of: network, options: base) {
      var options = base
      options.pinned = .netzwerkkarte(NetzwerkkarteView(focus: hub))
      views.netzwerkkarte = try StakeholderMap.render(network, options: options, format: .svg)
      views.netzwerkkarteDescription = StakeholderMap.description(for: network, options: options)
    }
    let power = PowerInterest(network: network, graph: report.graph)
    views.warnings = ratingProblems(power, network: network, language: report.language)
    if power.ratings.contains(where: { $0 != nil }) && power.problems.isEmpty {
      var options = base
      options.pinned = .grid(
        PowerInterestView(
          ratings: power.ratings.map { $0.map { PowerInterestView.Rating(influence: $0.influence, interest: $0.interest) } },
          disagreements: Dictionary(
            uniqueKeysWithValues: power.disagreements.map { ($0, power.disagreementNote(actor: $0, language: report.language)) })))
      views.grid = try StakeholderMap.render(network, options: options, format: .svg)
      views.gridDescription = StakeholderMap.description(for: network, options: options)
      views.powerInterest = power
    }
    return views
  }

  /// "file:line:column: influence of actor 'x' is '7'; expected …" for each invalid rating.
  static func ratingProblems(_ power: PowerInterest, network: Network, language: Language) -> [String] {
    let words = Words(language)
    return power.problems.map { problem in
      let actor = network.actors[problem.actor]
      return (actor.location.map { "\($0): " } ?? "")
        + words(.cliViewBadRating, ["key": problem.key, "actor": actor.id, "value": problem.value])
    }
  }
}
