/// Greedy word wrapping for plain labels.
///
/// Graphviz never wraps text itself, so long stakeholder names make very wide nodes. Wrap them
/// before building the label:
///
///     LabelWrapping.wrap("Netzwerk Wohnungs-losenhilfe/Freiburg e.V.", width: 12)
///     // ["Netzwerk", "Wohnungs-", "losenhilfe/", "Freiburg", "e.V."]
///
/// Conventions:
/// - Width is counted in `Character`s (grapheme clusters), not in rendered width; with
///   proportional fonts lines of equal count still differ a little.
/// - Existing line feeds (LF, CR LF, CR) are kept as paragraph breaks; an empty paragraph
///   gives an empty line.
/// - Lines break at spaces (which are dropped; runs of spaces and tabs collapse to one), after
///   `-` and after `/` (which stay at the end of the line). A word longer than `width` is
///   hard-broken every `width` characters.
/// - `width` below 1 is treated as 1. Empty text gives no lines.
///
/// - Complexity: O(*n*) in the length of `text`.
package enum LabelWrapping {
  /// Wraps `text` to lines of at most `width` characters; see ``LabelWrapping`` for the rules.
  package static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 1)
    guard !text.isEmpty else { return [] }
    var wrapped: [String] = []
    for paragraph in lines(text) {
      wrapped += wrapParagraph(paragraph, width: width)
    }
    return wrapped
  }

  /// The lines of `text`: line feed, carriage return and CR LF each end one line.
  static func lines(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if scalar == "\n" && previousWasCR { continue }
      if scalar == "\n" || scalar == "\r" {
        result.append(current)
        current = ""
      } else {
        current.unicodeScalars.append(scalar)
      }
    }
    result.append(current)
    return result
  }

  private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
    let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard !words.isEmpty else { return [""] }
    var lines: [String] = []
    var line: [Character] = []
    for word in words {
      for (index, segment) in segments(of: word).enumerated() {
        // The first segment of a word is separated by a space; later segments follow a hyphen
        // or slash directly.
        let separator = index == 0 && !line.isEmpty ? 1 : 0
        if line.count + separator + segment.count <= width {
          if separator == 1 { line.append(" ") }
          line += segment
          continue
        }
        if !line.isEmpty {
          lines.append(String(line))
          line = []
        }
        var rest = segment[...]
        while rest.count > width {
          lines.append(String(rest.prefix(width)))
          rest = rest.dropFirst(width)
        }
        line = Array(rest)
      }
    }
    if !line.isEmpty { lines.append(String(line)) }
    return lines
  }

  /// Splits a word after every `-` and `/`: "a-b/c" → ["a-", "b/", "c"].
  private static func segments(of word: Substring) -> [[Character]] {
    var result: [[Character]] = []
    var current: [Character] = []
    for character in word {
      current.append(character)
      if character == "-" || character == "/" {
        result.append(current)
        current = []
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
