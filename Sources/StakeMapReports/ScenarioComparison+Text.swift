import StakeMapGaps
import StakeMapText

extension ScenarioComparison {
  /// The scenario's figures before and after, then the report after it; safe for a terminal
  /// (``TerminalText/safe(_:)``).
  public func text(language: Language) -> String {
    let w = Words(language)
    var out = w(.gapsScenarioTitle, ["title": scenario.title]) + "\n"
    if let description = scenario.description {
      out += Numbers.wrap(description, width: 92, indent: "") + "\n"
    }
    out += "\n"
    out += Numbers.pad(w(.gapsScenarioFigure), 44) + " " + Numbers.pad(w(.gapsScenarioBefore), 10) + " "
      + w(.gapsScenarioAfter) + "\n"
    out += String(repeating: "─", count: 66) + "\n"
    for row in rows {
      let b = row.before.map { Self.figure($0, w) } ?? w(.commonNoValue)
      let a = row.after.map { Self.figure($0, w) } ?? w(.commonNoValue)
      let mark: String = row.before != row.after ? "  ◀" : ""
      let label = Phrase(rawValue: "gaps.figure." + row.key).map { w($0) } ?? row.key
      out += Numbers.pad(label, 44) + " " + Numbers.pad(b, 10) + " " + a + mark + "\n"
    }
    out += "\n" + w(.gapsScenarioAfterHeading) + "\n\n" + after.rawText(language: language)
    return TerminalText.safe(out)
  }

  static func figure(_ x: Double, _ w: Words) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : w.number(x, places: 3)
  }
}
