import StakeMapModel
import StakeMapText

/// Language-aware bits of prose: numbers with a decimal comma or point, lists ("A, B und C"),
/// quotation marks, counted nouns. Locale-independent, so reports are byte-identical
/// everywhere.
struct ReportText {
  let language: Language
  var de: Bool { language == .de }

  /// Fixed-point with `places` decimals; decimal comma in German. "–" for NaN and infinity.
  func decimal(_ x: Double, _ places: Int) -> String {
    DecimalText.fixed(x, places: places, decimalMark: de ? "," : ".", minus: "−")
  }

  /// A share as a percentage with one decimal: "10,5 %" / "10.5 %".
  func percent(_ share: Double) -> String { decimal(share * 100, 1) + "\u{A0}%" }

  /// "A", "A und B", "A, B und C" / "A and B", "A, B and C".
  func list(_ items: [String]) -> String {
    let and = de ? " und " : " and "
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + and + items[items.count - 1]
    }
  }

  /// "A oder B" / "A or B", with commas before.
  func alternatives(_ items: [String]) -> String {
    let or = de ? " oder " : " or "
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + or + items[items.count - 1]
    }
  }

  /// „quote“ / “quote”.
  func quoted(_ s: String) -> String { de ? "„" + s + "“" : "“" + s + "”" }

  /// "1 Akteur" / "3 Akteure".
  func count(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(n) " + (n == 1 ? singular : plural)
  }

  /// A number word for small counts in running text ("drei" / "three"), digits beyond twelve.
  func word(_ n: Int) -> String {
    let deWords = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"]
    let enWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    guard n >= 0 && n <= 12 else { return String(n) }
    return de ? deWords[n] : enWords[n]
  }
}
