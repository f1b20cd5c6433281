/// The words of one language: catalogue texts with their placeholders filled, counted phrases,
/// lists, quotes and numbers, all as the language writes them.
///
///     let words = Words(.de)
///     words(.gapsNeedNobodyOffers, ["actor": "GWG", "topic": words.quoted("Beratung")])
///     words.list(["A", "B", "C"])          // "A, B und C"
///     words.number(8.333, places: 2)       // "8,33"
///
/// Every lookup is O(1) in the language's table plus O(length) to fill placeholders.
package struct Words: Sendable {
  package let language: Language
  private let table: [Phrase: String]

  package init(_ language: Language) {
    self.init(language, table: Catalogue.table(language))
  }

  /// Words from a given table (tests; a table in the making).
  package init(_ language: Language, table: [Phrase: String]) {
    self.language = language
    self.table = table
  }

  /// The text of `phrase` with `{name}` placeholders replaced by `arguments[name]`. An unknown
  /// placeholder stays as written (tests make sure there is none). A phrase missing from the
  /// table (tests make sure there is none) shows its key, so the gap is visible, not silent.
  package func callAsFunction(
    _ phrase: Phrase, _ arguments: KeyValuePairs<String, String> = [:]
  ) -> String {
    let template = table[phrase] ?? phrase.rawValue
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var values: [String: String] = [:]
    for (k, v) in arguments { values[k] = v }
    return Self.fill(template, values)
  }

  /// The text of `phrase` with placeholders from a dictionary: for callers that build their
  /// arguments at run time (a report that keeps its sentences as data).
  package func callAsFunction(_ phrase: Phrase, values: [String: String]) -> String {
    let template = table[phrase] ?? phrase.rawValue
    guard !values.isEmpty, template.contains("{") else { return template }
    return Self.fill(template, values)
  }

  /// A whole number for people, its digits grouped in threes in the language's way from
  /// ``Phrase/commonDigitGroupFrom`` digits on ("12.345" / "1,234"; "1000" in German). Not for
  /// files that programs read (JSON, CSV, DOT keep plain digits).
  package func integer(_ n: Int) -> String {
    let digits = String(n.magnitude)
    let from = Int(self(.commonDigitGroupFrom)) ?? 4
    let sign = n < 0 ? self(.commonMinus) : ""
    guard digits.count >= from else { return sign + digits }
    let separator = self(.commonDigitGroupSeparator)
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
      out.append(digit)
    }
    return sign + out
  }

  /// ``count(_:one:other:_:)`` with the other arguments from a dictionary.
  package func count(_ n: Int, one: Phrase, other: Phrase, values: [String: String]) -> String {
    var values = values
    values["n"] = integer(n)
    let phrase = n == 1 ? one : other
    return Self.fill(table[phrase] ?? phrase.rawValue, values)
  }

  /// `one` when `n` is 1, else `other`, with `{n}` set to the number (and the other arguments).
  package func count(
    _ n: Int, one: Phrase, other: Phrase, _ arguments: KeyValuePairs<String, String> = [:]
  ) -> String {
    var values: [String: String] = ["n": integer(n)]
    for (k, v) in arguments { values[k] = v }
    let phrase = n == 1 ? one : other
    return Self.fill(table[phrase] ?? phrase.rawValue, values)
  }

  /// "A", "A und B", "A, B und C" (German) / "A, B and C" (English).
  package func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      return items.dropLast().joined(separator: ", ") + " " + self(.commonListAnd) + " "
        + items[items.count - 1]
    }
  }

  /// "A", "A oder B", "A, B oder C" (German) / "A, B or C" (English).
  package func alternatives(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      return items.dropLast().joined(separator: ", ") + " " + self(.commonListOr) + " "
        + items[items.count - 1]
    }
  }

  /// The text in the language's quotation marks: „…“ (German), “…” (English).
  package func quoted(_ text: String) -> String {
    self(.commonQuoteOpen) + text + self(.commonQuoteClose)
  }

  /// `x` with `places` decimals and the language's decimal mark ("8,33" / "8.33"); see
  /// ``DecimalText/fixed(_:places:decimalMark:minus:nonFinite:)``.
  package func number(_ x: Double, places: Int) -> String {
    DecimalText.fixed(
      x, places: places, decimalMark: self(.commonDecimalMark), minus: self(.commonMinus),
      nonFinite: self(.commonNoValue))
  }

  /// The names in braces of a template, in order of appearance.
  package static func placeholders(_ template: String) -> [String] {
    var names: [String] = []
    scan(template, literal: { _ in }, placeholder: { names.append($0) })
    return names
  }

  private static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    scan(template, literal: { out.append($0) }, placeholder: { out += values[$0] ?? "{" + $0 + "}" })
    return out
  }

  /// Walks a template: `{name}` with a name of letters, digits and `_` is a placeholder; any
  /// other brace is text (so a sentence may say "'{' is not closed").
  private static func scan(
    _ template: String, literal: (Character) -> Void, placeholder: (String) -> Void
  ) {
    var name: String?
    for c in template {
      if var current = name {
        if c == "}" && !current.isEmpty {
          placeholder(current)
          name = nil
        } else if c.isLetter || c.isNumber || c == "_" {
          current.append(c)
          name = current
        } else {
          literal("{")
          current.forEach(literal)
          name = nil
          if c == "{" { name = "" } else { literal(c) }
        }
      } else if c == "{" {
        name = ""
      } else {
        literal(c)
      }
    }
    if let open = name {
      literal("{")
      open.forEach(literal)
    }
  }
}
