import StakeMapGraphviz
import StakeMapModel
import StakeMapText

/// How a stakeholder map is drawn. The defaults are what a coordinator wants for a report:
/// colour by actor type, size by degree, a legend, labels wrapped to 18 characters, a seeded
/// layout so the same network always gives the same picture.
public struct MapOptions: Sendable {
  /// Layout engine; nil chooses by size and shape (see ``StakeholderMap/automaticEngine(for:)``).
  public var engine: LayoutEngine?
  /// The attribute that sets the fill colour: `type` (fixed colours), or any actor attribute
  /// (`region`, `sector`, `basis`, a custom key); values get palette colours in sorted order.
  public var colorBy: String
  /// Per-actor values that scale the nodes (nil: all nodes the same size), and the legend's
  /// name for them.
  public var sizeValues: [Double]?
  public var sizeLabel: String?
  public var language: Language
  /// Labels wrap to lines of at most this many characters.
  public var labelWidth: Int
  /// Seed for the force-directed engines, so layouts are reproducible.
  public var seed: Int
  public var title: String?
  public var legend: Bool
  /// Which relation statuses are drawn; existing solid, planned dashed, desired dotted, ended
  /// grey.
  public var statuses: Set<RelationStatus>
  /// Draw co-participation (shared events) as thin grey lines.
  public var coParticipation: Bool = false

  // MARK: Views

  /// Group actors into labelled boxes (`dot`); with other engines the grouping colours the
  /// nodes instead. See ``MapGrouping``.
  public var clusterBy: MapGrouping? = nil
  /// Show only one actor and its surroundings. See ``EgoView``.
  public var ego: EgoView? = nil
  /// Show only actors with these attribute values. See ``AttributeFilter``.
  public var filters: [AttributeFilter] = []
  /// A view with computed, pinned positions: the Netzwerkkarte or the power/interest grid
  /// (``PinnedView``); laid out by `neato`, whatever ``engine`` says.
  public var pinned: PinnedView? = nil

  // MARK: Highlights

  /// Actors drawn with a thick black outline, e.g. the articulation points (cut points)
  /// without which the network would fall apart.
  public var highlightedActors: [Int] = []
  /// The legend's words for the outline (default: "cut point" in the map's language).
  public var highlightLabel: String? = nil
  /// Suggested new ties: dashed, orange, labelled. See ``SuggestedTie``.
  public var suggestedTies: [SuggestedTie] = []

  public init(
    engine: LayoutEngine? = nil, colorBy: String = "type", sizeValues: [Double]? = nil,
    sizeLabel: String? = nil, language: Language = .de, labelWidth: Int = 18, seed: Int = 1,
    title: String? = nil, legend: Bool = true,
    statuses: Set<RelationStatus> = [.existing, .planned, .desired]
  ) {
    self.engine = engine
    self.colorBy = colorBy
    self.sizeValues = sizeValues
    self.sizeLabel = sizeLabel
    self.language = language
    self.labelWidth = labelWidth
    self.seed = seed
    self.title = title
    self.legend = legend
    self.statuses = statuses
  }
}

