/// Escaping for the Markdown report (CommonMark and GitHub Flavored Markdown).
///
/// Text from the data is written inline only (never at the start of a line), so only inline
/// syntax needs neutralising:
/// - `\ ` * _ [ ] ( ) # ! | ~ { }` get a backslash (emphasis, links, images, code spans,
///   tables, strikethrough, headings, attribute lists of some flavours);
/// - `< > &` become `&lt; &gt; &amp;`, so no raw HTML, autolink or entity can form (a name
///   `&amp;` shows as `&amp;`);
/// - line breaks become spaces (a line break could start a heading, list or table row);
/// - forbidden control characters become U+FFFD.
///
/// `-`, `+` and `.` are left alone: they only start a list or a rule at the start of a line,
/// and text from the data never starts one.
package enum MarkdownEscaping {
  static let backslashed: Set<Unicode.Scalar> = Set("\\`*_[]()#!|~{}".unicodeScalars)

  package static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    var previousCR = false
    for scalar in s.unicodeScalars {
      defer { previousCR = scalar == "\r" }
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n":
        if !previousCR { out += " " }
      case "\r", "\t", "\u{2028}", "\u{2029}": out += " "
      default:
        if backslashed.contains(scalar) {
          out += "\\"
          out.unicodeScalars.append(scalar)
        } else if HTMLEscaping.isForbidden(scalar) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A link destination for a relative file name: percent-encoded except unreserved
  /// characters and `/`, so spaces, parentheses and angle brackets cannot end it.
  package static func linkDestination(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      let c = Unicode.Scalar(byte)
      if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A) || "-._~/".unicodeScalars.contains(c)
      {
        out.unicodeScalars.append(c)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
