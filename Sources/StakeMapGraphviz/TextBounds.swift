/// How much text StakeMap lets reach Graphviz.
///
/// Graphviz 2.42 keeps a label's line count in a 16-bit field: a label of 32,768 lines (or a
/// few hundred thousand characters wrapped) makes libgvc print "out of memory" and crash with
/// SIGSEGV, and every character of a label is measured by pango, so a 10 MB name keeps a
/// render busy for many seconds. Every label, HTML-label cell, tooltip and graph name is
/// therefore bounded here, in the one place all text passes through on its way to Graphviz,
/// whatever module built the document. Text over a bound is shortened and ends with "…"; the
/// full text stays in the network file, the reports and the JSON output.
///
/// The bounds are far above what a readable map shows (map labels are wrapped to about 18
/// characters a line; legends and tooltips hold a name, a type and a region) and far below
/// what Graphviz cannot handle.
package enum TextBounds {
  /// Lines of a label or of an HTML-label cell.
  package static let labelLines = 12
  /// Characters (grapheme clusters) of a label or cell, all lines together.
  package static let labelCharacters = 400
  /// Lines of a tooltip.
  package static let tooltipLines = 60
  /// Characters of a tooltip.
  package static let tooltipCharacters = 4_000
  /// Characters of a graph's name (its DOT id, which SVG shows as the title).
  package static let nameCharacters = 200

  /// `text` with at most `lines` lines (LF, CR LF and CR each end one) and `characters`
  /// characters; "…" marks anything cut. Text within both bounds is returned unchanged.
  ///
  /// - Complexity: O(min(n, characters + lines)) for text of n characters: a huge text is
  ///   never walked to its end.
  package static func bounded(_ text: String, lines: Int, characters: Int) -> String {
    var count = 0
    var lineCount = 1
    var index = text.startIndex
    var previousWasCR = false
    while index < text.endIndex {
      if count == characters { return String(text[..<index]) + "…" }
      for scalar in text[index].unicodeScalars {
        let breaks = scalar == "\r" || (scalar == "\n" && !previousWasCR)
        previousWasCR = scalar == "\r"
        if breaks {
          lineCount += 1
          if lineCount > lines {
            return String(text[..<index]) + "…"
          }
        }
      }
      count += 1
      index = text.index(after: index)
    }
    return text
  }

  /// A label's or a cell's text within ``labelLines`` and ``labelCharacters``.
  package static func label(_ text: String) -> String {
    bounded(text, lines: labelLines, characters: labelCharacters)
  }

  /// A tooltip within ``tooltipLines`` and ``tooltipCharacters``.
  package static func tooltip(_ text: String) -> String {
    bounded(text, lines: tooltipLines, characters: tooltipCharacters)
  }

  /// A graph name on one line within ``nameCharacters``.
  package static func name(_ text: String) -> String {
    bounded(text, lines: 1, characters: nameCharacters)
  }
}
