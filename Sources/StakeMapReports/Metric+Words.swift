import StakeMapAlgorithms
import StakeMapText

/// The words for a centrality measure: its name and what a high value means, from the catalogue
/// (`metric.ID`, `metric.ID.meaning`). Kept apart from the algorithms, which compute numbers only.
extension Metric {
  /// The column heading in tables ("Grad", "Degree").
  public func label(_ language: Language) -> String { Words(language)(phrase("")) }

  /// One sentence on what a high value means, for `--help` and reports.
  public func meaning(_ language: Language) -> String { Words(language)(phrase(".meaning")) }

  private func phrase(_ suffix: String) -> Phrase {
    guard let phrase = Phrase(rawValue: "metric." + rawValue + suffix) else {
      preconditionFailure("no catalogue phrase for metric.\(rawValue)\(suffix)")
    }
    return phrase
  }
}
