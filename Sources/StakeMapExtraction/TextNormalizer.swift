import StakeMapModel

/// Stage 1: the protocol text with typographic noise removed, and a map from every position of
/// the cleaned text back to the original file, so that every quote the later stages find can be
/// given as verbatim text with offsets into the original (Unicode scalars, as
/// ``TextSpan`` counts them).
///
/// What is normalised (each cleaned scalar remembers the original scalar it came from):
/// - line breaks: CR LF and CR become LF;
/// - spaces: no-break space (U+00A0), narrow and thin spaces, tabs and the other Unicode spaces
///   become an ASCII space;
/// - invisible characters are dropped: soft hyphen (U+00AD), zero-width spaces and joiners,
///   a byte-order mark;
/// - typographic quotes („ “ ” « » and ‚ ‘ ’ ‹ ›) become `"` and `'`;
/// - dashes (– — ‒ −) become `-`;
/// - bullet characters (• ◦ ‣ ▪ ● ∙ ·) become `•`;
/// - Markdown bold markers `**` and heading marks `# ` at the start of a line are dropped;
/// - a combining diaeresis after a, o, u is composed (`u` + U+0308 → `ü`).
///
/// Complexity: O(length of the text).
package struct NormalizedText: Sendable {
  /// The original text, as Unicode scalars.
  package let original: [Unicode.Scalar]
  /// The cleaned text.
  package let scalars: [Unicode.Scalar]
  /// For every cleaned scalar, the index of the original scalar it stands for.
  let origin: [Int]

  package init(_ text: String) {
    let original = Array(text.unicodeScalars)
    var scalars: [Unicode.Scalar] = []
    var origin: [Int] = []
    scalars.reserveCapacity(original.count)
    origin.reserveCapacity(original.count)
    var i = 0
    while i < original.count {
      let s = original[i]
      switch s.value {
      case 0x0D:  // CR or CR LF → LF
        scalars.append("\n")
        origin.append(i)
        if i + 1 < original.count, original[i + 1] == "\n" { i += 1 }
      case 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
        scalars.append(" ")
        origin.append(i)
      case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
        break  // invisible
      case 0x201E, 0x201C, 0x201D, 0x201F, 0xAB, 0xBB, 0x2033:
        scalars.append("\"")
        origin.append(i)
      case 0x201A, 0x2018, 0x2019, 0x201B, 0x2039, 0x203A, 0x2032:
        scalars.append("'")
        origin.append(i)
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
        scalars.append("-")
        origin.append(i)
      case 0x2022, 0x25E6, 0x2023, 0x25AA, 0x25CF, 0x2219, 0xB7, 0x25A0, 0x2043:
        scalars.append("•")
        origin.append(i)
      case 0x2A where i + 1 < original.count && original[i + 1] == "*":
        i += 1  // Markdown bold marker
      case 0x23 where (i == 0 || original[i - 1] == "\n") :
        // Markdown heading marks "# ", "## " at the start of a line.
        var k = i
        while k < original.count, original[k] == "#" { k += 1 }
        if k < original.count, original[k] == " " {
          i = k
        } else {
          scalars.append(s)
          origin.append(i)
        }
      case 0x0308:
        if let last = scalars.last, let composed = Self.umlaut(last) {
          scalars[scalars.count - 1] = composed
        } else {
          scalars.append(s)
          origin.append(i)
        }
      default:
        scalars.append(s)
        origin.append(i)
      }
      i += 1
    }
    origin.append(original.count)
    self.original = original
    self.scalars = scalars
    self.origin = origin
  }

  private static func umlaut(_ s: Unicode.Scalar) -> Unicode.Scalar? {
    switch s {
    case "a": "ä"
    case "o": "ö"
    case "u": "ü"
    case "A": "Ä"
    case "O": "Ö"
    case "U": "Ü"
    default: nil
    }
  }

  package var count: Int { scalars.count }

  /// The cleaned text of a range.
  package func text(_ range: Range<Int>) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[range])
    return String(out)
  }

  /// Where a range of the cleaned text stands in the original: from the original position of
  /// its first scalar to just after that of its last one (characters dropped at its edges, such
  /// as `**`, stay outside).
  package func originalSpan(_ range: Range<Int>) -> TextSpan {
    guard !range.isEmpty else {
      let at = origin[range.lowerBound]
      return TextSpan(start: at, end: at)
    }
    return TextSpan(start: origin[range.lowerBound], end: origin[range.upperBound - 1] + 1)
  }

  /// The original text of a span: the verbatim quote.
  package func originalText(_ span: TextSpan) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: original[span.start..<span.end])
    return String(out)
  }

  /// The verbatim quote and its offsets for a range of the cleaned text.
  package func quote(_ range: Range<Int>) -> (text: String, span: TextSpan) {
    let span = originalSpan(range)
    return (originalText(span), span)
  }
}
