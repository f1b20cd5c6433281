import StakeMapModel

/// The line colour of each kind of tie, fixed like ``ActorTypeStyle`` so that "funding" is the
/// same orange on every map. Status is the line style (planned dashed, desired dotted, ended
/// light grey, whatever the kind), strength the width.
///
/// Colours: Okabe & Ito's colour-blind-safe set (orange, blue, bluish green, sky blue, reddish
/// purple, black) for the kinds that matter most to planners, Paul Tol's wine, a lilac and a brown
/// for the rest, and a dark grey for plain cooperation, the most common kind. Vermillion is
/// left to suggested ties and light grey to ended ones. Every kind drawn is in the legend.
public enum RelationKindStyle {
  public static func color(of kind: RelationKind) -> String {
    switch kind {
    case .cooperation: "#555555"
    case .funding: "#E69F00"
    case .spaceProvision: "#0072B2"
    case .personnel: "#CC79A7"
    case .advice: "#009E73"
    case .membership: "#56B4E9"
    case .referral: "#882255"
    case .participation: "#9970AB"
    case .knowledgeTransfer: "#8C510A"
    case .other: "#000000"
    }
  }
}
