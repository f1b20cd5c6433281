import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapText

/// Everything `stakemap gaps` reports: where the network is thin, who holds it together, and
/// which new ties would help most, each with the figures behind it.
///
/// Per-actor values are arrays indexed like ``Network/actors`` (the JSON keys them by actor
/// id). Computed on the undirected analysis graph of existing ties (``TieSelection``);
/// brokerage roles on the directed relations.
public struct GapReport: Sendable {
  public var network: Network
  public var options: GapOptions
  public var structure: StructureSection
  public var brokerage: BrokerageSection
  public var groups: GroupsSection
  public var fragility: FragilitySection
  public var needs: NeedsMatching
  /// New ties, best first.
  public var suggestions: [Suggestion]
}

/// What `gaps` is asked for.
public struct GapOptions: Sendable {
  /// The actor attribute that defines groups (mixing matrix, E-I, brokerage roles,
  /// cross-group suggestions): `type` by default; `sector`, `region`, …; `community` uses the
  /// detected communities.
  public var groupBy: String
  /// Size of the key-player set (KPP-Neg).
  public var keyPlayers: Int
  /// How many suggestions to keep.
  public var suggestionCount: Int
  /// Seed of community detection.
  public var seed: UInt64
  public var ties: TieSelection
  public var language: Language
  public var threads: Int?

  public init(
    groupBy: String = "type", keyPlayers: Int = 3, suggestionCount: Int = 10, seed: UInt64 = 1,
    ties: TieSelection = TieSelection(), language: Language = .de, threads: Int? = nil
  ) {
    self.groupBy = groupBy
    self.keyPlayers = keyPlayers
    self.suggestionCount = suggestionCount
    self.seed = seed
    self.ties = ties
    self.language = language
    self.threads = threads
  }
}

public struct StructureSection: Sendable {
  public struct Component: Sendable {
    public var members: [Int]
    public var averagePathLength: Double
    public var diameter: Int
  }
  public var density: Double
  public var components: [Component]
  public var transitivity: Double
  public var averageClustering: Double
  public var clustering: [Double]
  public var articulationPoints: [Int]
  public var bridges: [(Int, Int)]
  public var localBridges: [Structure.LocalBridge]
  public var coreNumbers: [Int]
}

public struct BrokerageSection: Sendable {
  /// Burt's measures per actor; nil where undefined (actors without ties).
  public var constraint: [Double?]
  public var effectiveSize: [Double?]
  public var efficiency: [Double?]
  public var hierarchy: [Double?]
  /// Gould–Fernandez role counts per actor, by ``GapOptions/groupBy``.
  public var roles: [BrokerageRoles]
}

/// Gould & Fernandez (1989) role counts of one actor.
public struct BrokerageRoles: Sendable, Equatable {
  public var coordinator = 0
  public var itinerant = 0
  public var representative = 0
  public var gatekeeper = 0
  public var liaison = 0
  public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }
  public init() {}
}

public struct GroupsSection: Sendable {
  /// Group names, sorted; actors without a value are in the group "" (shown as "no value").
  public var names: [String]
  /// Group index per actor.
  public var membership: [Int]
  /// Observed ties between groups (symmetric; within a group on the diagonal).
  public var observed: [[Int]]
  /// Expected ties under the network's density.
  public var expected: [[Double]]
  /// Krackhardt's E-I index per group (nil: no ties) and overall.
  public var eiIndex: [Double?]
  public var eiOverall: Double?
  /// Communities (seeded Louvain): community per actor, and the partition's modularity.
  public var communities: [Int]
  public var modularity: Double
}

public struct FragilitySection: Sendable {
  /// Per actor: pairs of other actors that could no longer reach each other without it.
  public var disconnectedPairs: [Int]
  /// Per actor: Borgatti's fragmentation of the network without it.
  public var fragmentation: [Double]
  /// Per actor: change in average distance among the pairs that stay connected (nil: not
  /// computed or undefined).
  public var distanceChange: [Double?]
  /// How `distanceChange` was computed: "exact" or "sampled (k sources, ±error)".
  public var distanceMethod: String
  /// Greedy KPP-Neg: the key players in the order chosen, with the fragmentation after each.
  public var keyPlayers: [(actor: Int, fragmentation: Double)]
}

/// A suggested new tie and why it would help.
public struct Suggestion: Sendable {
  public var a: Int
  public var b: Int
  /// The ranking score: the sum of the reasons' weights (see ``SuggestionRanking``).
  public var score: Double
  public var reasons: [Reason]
}

/// One reason for a suggested tie, with the figures behind it: numbers and indices only; its
/// sentence is written from the catalogue by StakeMapReports.
public struct Reason: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case meetsNeed = "meets_need"
    case joinsGroups = "joins_groups"
    case joinsCommunities = "joins_communities"
    case connectsComponents = "connects_components"
    case shortensPaths = "shortens_paths"
    case sharedPartners = "shared_partners"
  }
  public var kind: Kind
  /// Named figures, in a fixed order.
  public var figures: [(String, Double)]
  /// Actors the reason names (shared partners, the needing and offering actor).
  public var actors: [Int]
  /// `meets_need`: the topic id needed and offered.
  public var topic: String?
  /// `joins_groups`: the two group indices (``GroupsSection/names``); `joins_communities`: the
  /// two community indices.
  public var groups: [Int]
  /// `joins_communities`: each community's best-connected member (its name for people).
  public var hubs: [Int]

  public init(
    kind: Kind, figures: [(String, Double)], actors: [Int], topic: String? = nil, groups: [Int] = [],
    hubs: [Int] = []
  ) {
    self.kind = kind
    self.figures = figures
    self.actors = actors
    self.topic = topic
    self.groups = groups
    self.hubs = hubs
  }
}

extension GapReport {
  /// The number of undirected ties as analysed (parallel relations merged).
  package var tieCount: Int {
    // Undirected existing ties as analysed (parallel relations merged).
    var pairs = Set<Int>()
    let n = max(network.actors.count, 1)
    for r in network.relations where options.ties.statuses.contains(r.status) && r.from != r.to {
      pairs.insert(min(r.from, r.to) * n + max(r.from, r.to))
    }
    if options.ties.coParticipation {
      for (a, b, _) in network.coParticipation() { pairs.insert(a * n + b) }
    }
    return pairs.count
  }
}
