import StakeMapGaps
import StakeMapText

extension ScenarioComparison {
  public func text(language: Language) -> String {
    let de = language == .de
    var out = (de ? "Szenario: " : "Scenario: ") + scenario.title + "\n"
    if let description = scenario.description {
      out += Numbers.wrap(description, width: 92, indent: "") + "\n"
    }
    out += "\n"
    let label = de ? "Kennzahl" : "Figure"
    let beforeHeading = Numbers.pad(de ? "vorher" : "before", 10)
    let afterHeading = de ? "nachher" : "after"
    out += Numbers.pad(label, 44) + " " + beforeHeading + " " + afterHeading + "\n"
    out += String(repeating: "─", count: 66) + "\n"
    for row in rows {
      let b = row.before.map { Self.figure($0, language) } ?? "–"
      let a = row.after.map { Self.figure($0, language) } ?? "–"
      let mark: String = row.before != row.after ? "  ◀" : ""
      let name: String = Numbers.pad(de ? row.de : row.en, 44)
      out += name + " " + Numbers.pad(b, 10) + " " + a + mark + "\n"
    }
    out += "\n" + (de ? "Nachher:" : "After:") + "\n\n" + after.text(language: language)
    return out
  }

  static func figure(_ x: Double, _ language: Language) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : Numbers.fixed(x, 3, language)
  }
}
