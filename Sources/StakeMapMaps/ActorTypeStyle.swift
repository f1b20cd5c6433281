import StakeMapModel

/// The fixed look of each actor type: a colour from ``Palette`` and a Graphviz shape.
///
/// Fixed rather than assigned by order, so that the same type has the same colour on every map
/// of every network, which is what readers of a series of reports rely on. Related types share
/// a shape family: the housing industry boxes, the public sector hexagons, civil society
/// ellipses.
public struct ActorTypeStyle: Sendable, Equatable {
  public var fill: String
  public var shape: String

  public static func of(_ type: ActorType) -> ActorTypeStyle {
    switch type {
    case .housingCompany: ActorTypeStyle(fill: "#332288", shape: "box")
    case .cooperative: ActorTypeStyle(fill: "#88CCEE", shape: "box")
    case .municipality: ActorTypeStyle(fill: "#117733", shape: "hexagon")
    case .publicAgency: ActorTypeStyle(fill: "#44AA99", shape: "hexagon")
    case .politics: ActorTypeStyle(fill: "#999933", shape: "house")
    case .network: ActorTypeStyle(fill: "#DDCC77", shape: "octagon")
    case .socialOrganization: ActorTypeStyle(fill: "#CC6677", shape: "ellipse")
    case .association: ActorTypeStyle(fill: "#882255", shape: "ellipse")
    case .initiative: ActorTypeStyle(fill: "#AA4499", shape: "ellipse")
    case .research: ActorTypeStyle(fill: "#E69F00", shape: "note")  // Okabe–Ito orange
    case .other: ActorTypeStyle(fill: Palette.neutral, shape: "ellipse")
    }
  }
}
