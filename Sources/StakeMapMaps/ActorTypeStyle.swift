import StakeMapModel

/// The fixed look of each actor type: a colour from ``Palette`` and a Graphviz shape.
///
/// Fixed rather than assigned by order, so that the same type has the same colour on every map
/// of every network, which is what readers of a series of reports rely on. The shape is the
/// type's family (``ActorFamily``): the housing industry boxes, social organisations and
/// associations ellipses, the public sector hexagons, networks and initiatives parallelograms,
/// politics houses, research and others notes; the legend explains them.
public struct ActorTypeStyle: Sendable, Equatable {
  public var fill: String
  public var shape: String

  public static func of(_ type: ActorType) -> ActorTypeStyle {
    ActorTypeStyle(fill: fill(of: type), shape: ActorFamily.of(type).shape)
  }

  static func fill(of type: ActorType) -> String {
    switch type {
    case .housingCompany: "#332288"
    case .cooperative: "#88CCEE"
    case .municipality: "#117733"
    case .publicAgency: "#44AA99"
    case .politics: "#999933"
    case .network: "#DDCC77"
    case .socialOrganization: "#CC6677"
    case .association: "#882255"
    case .initiative: "#AA4499"
    case .research: "#E69F00"  // Okabe–Ito orange
    case .other: Palette.neutral
    }
  }
}
