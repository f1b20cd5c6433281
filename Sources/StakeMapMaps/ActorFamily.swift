import StakeMapModel
import StakeMapText

/// The six type families of German social work's network maps (easyNWK, VennMaker,
/// Akteurslandkarten), in their fixed order: every map of every year puts them in the same
/// place and draws each with one shape.
///
/// | family | actor types | shape (legend glyph) |
/// |---|---|---|
/// | Wohnungswirtschaft | housing company, cooperative | rounded box (▬) |
/// | Soziale Organisationen und Wohlfahrt | social organisation, association | ellipse (●) |
/// | Kommune und Verwaltung | municipality, public agency | hexagon (⬢) |
/// | Netzwerke und Initiativen | network, initiative | parallelogram (▰) |
/// | Politik | politics | house (⌂) |
/// | Sonstige | research, other | note (▤) |
///
/// The glyphs are in DejaVu Sans (the maps' font), so the legend prints what the map draws.
public enum ActorFamily: Int, CaseIterable, Sendable, Comparable {
  case housing, social, administration, networks, politics, other

  public static func of(_ type: ActorType) -> ActorFamily {
    switch type {
    case .housingCompany, .cooperative: .housing
    case .socialOrganization, .association: .social
    case .municipality, .publicAgency: .administration
    case .network, .initiative: .networks
    case .politics: .politics
    case .research, .other: .other
    }
  }

  /// The Graphviz shape of the family's actors.
  public var shape: String {
    switch self {
    case .housing: "box"
    case .social: "ellipse"
    case .administration: "hexagon"
    case .networks: "parallelogram"
    case .politics: "house"
    case .other: "note"
    }
  }

  /// A character that looks like ``shape``, for legends.
  public var glyph: String {
    switch self {
    case .housing: "▬"
    case .social: "●"
    case .administration: "⬢"
    case .networks: "▰"
    case .politics: "⌂"
    case .other: "▤"
    }
  }

  public func label(_ language: Language) -> String {
    let words = Words(language)
    return switch self {
    case .housing: words(.mapFamilyHousing)
    case .social: words(.mapFamilySocial)
    case .administration: words(.mapFamilyAdministration)
    case .networks: words(.mapFamilyNetworks)
    case .politics: words(.mapFamilyPolitics)
    case .other: words(.mapFamilyOther)
    }
  }

  public static func < (a: ActorFamily, b: ActorFamily) -> Bool { a.rawValue < b.rawValue }
}
