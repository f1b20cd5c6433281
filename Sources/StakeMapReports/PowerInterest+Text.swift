import StakeMapGaps
import StakeMapText

extension PowerInterest {
  /// "Einfluss laut Einstufung 2, Netzwerkposition 5 (12 Partner)": why an actor is pointed
  /// out on the grid, in `language`.
  public func disagreementNote(actor i: Int, language: Language) -> String {
    let w = Words(language)
    guard let rating = ratings[i] else { return "" }
    return w(
      .mapGridDisagreement,
      [
        "stated": String(rating.influence), "position": String(positionLevels[i]),
        "partners": w.count(degrees[i], one: .mapGridPartnersOne, other: .mapGridPartnersOther),
      ])
  }

  /// The quadrant's name in `language`.
  public static func quadrantName(_ quadrant: Quadrant, language: Language) -> String {
    let w = Words(language)
    return switch quadrant {
    case .manageClosely: w(.mapGridManageClosely)
    case .keepSatisfied: w(.mapGridKeepSatisfied)
    case .keepInformed: w(.mapGridKeepInformed)
    case .monitor: w(.mapGridMonitor)
    }
  }
}
