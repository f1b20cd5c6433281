/// A date as coordinators write it: a year (`2022`), a month (`2022-11`) or a day
/// (`2022-11-28`), also `28.11.2022` and `11.2022` (German order). Comparisons respect the
/// precision written: `2022` is a whole year.
///
///     PartialDate("2022")!.start          // 2022-01-01 as (2022, 1, 1)
///     PartialDate("28.11.2022")!.text     // "2022-11-28"
///
/// - Complexity: O(length of the text).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  /// 1…12, nil for a whole year.
  public var month: Int?
  /// 1…31, nil for a whole month or year.
  public var day: Int?

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time after the day, `T…`, is ignored), `MM.YYYY`
  /// or `DD.MM.YYYY`; nil for anything else (also an impossible month or day).
  public init?(_ text: String) {
    let t = text.trimmingSpaces
    var parts: [Int] = []
    var date = t
    if let cut = t.firstIndex(where: { $0 == "T" || $0 == " " }) { date = String(t[..<cut]) }
    let german = date.contains(".")
    for piece in date.split(separator: german ? "." : "-", omittingEmptySubsequences: false) {
      guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy(\.isASCII),
        let n = Int(piece), n >= 0
      else { return nil }
      parts.append(n)
    }
    if german { parts.reverse() }
    guard (1...3).contains(parts.count), parts[0] >= 1000, parts[0] <= 9999 else { return nil }
    year = parts[0]
    month = parts.count > 1 ? parts[1] : nil
    day = parts.count > 2 ? parts[2] : nil
    if let month, !(1...12).contains(month) { return nil }
    if let day, !(1...31).contains(day) { return nil }
  }

  /// The first day the date covers.
  public var start: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
  /// The last day the date covers (months as 31 days: only order matters).
  public var end: (Int, Int, Int) { (year, month ?? 12, day ?? 31) }

  /// ISO form at the precision written: `2022`, `2022-11`, `2022-11-28`.
  public var text: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var out = String(year)
    if let month { out += "-" + two(month) }
    if let day { out += "-" + two(day) }
    return out
  }

  public var description: String { text }

  /// Ordered by first day, then by precision (a year before its first month).
  public static func < (a: PartialDate, b: PartialDate) -> Bool {
    a.start != b.start ? a.start < b.start : a.end < b.end
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
