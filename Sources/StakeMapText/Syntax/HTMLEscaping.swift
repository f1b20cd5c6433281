/// Escaping for XML and HTML: the map's SVG and the HTML report. Every string that comes from a
/// network file goes through one of these functions on its way into the page or the SVG;
/// nothing from the data is ever written raw.
///
/// - ``text(_:)`` for element content and ``attribute(_:)`` for quoted attribute values: both
///   escape `& < > " '`, so a name like `<script>…</script>` or `" onmouseover="…` is shown
///   as typed and can neither open an element nor leave an attribute.
/// - Characters HTML forbids in text (C0 controls other than tab, line feed and carriage
///   return, DEL, C1 controls and the non-characters U+FFFE/U+FFFF) become U+FFFD, so the page
///   parses without errors.
/// - ``safeLinkURL(_:)`` decides whether a source's `url` may become a link at all: only
///   `http:` and `https:` URLs without spaces, quotes or angle brackets; `javascript:`,
///   `data:`, `file:` and everything else are shown as text, never as a link.
///
/// Ids and classes in the report are synthetic (`sm-actor-3`, `sm-source-0`), never taken from
/// the data.
package enum HTMLEscaping {
  /// Text for XML element content and attribute values (the SVG and the HTML report alike, so
  /// the page also parses as XML): `& < > " '` escaped; characters XML 1.0 forbids or
  /// discourages (see ``isForbidden(_:)``) become U+FFFD.
  package static func text(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if isForbidden(scalar) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// For attribute values written in double quotes (the report never writes unquoted ones).
  package static func attribute(_ s: String) -> String { text(s) }

  /// C0 controls other than tab, line feed and carriage return; DEL and C1 controls; U+FFFE,
  /// U+FFFF.
  package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v == 0x09 || v == 0x0A || v == 0x0D { return false }
    return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
  }

  /// The URL if it may be a link target: `http`/`https` (any case), a host, and no characters
  /// that would need escaping in a URL (whitespace, controls, `"`, `'`, `<`, `>`, `` ` ``,
  /// backslash). Leading and trailing spaces are trimmed. Nil otherwise.
  package static func safeLinkURL(_ url: String) -> String? {
    var s = Substring(url)
    while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropLast() }
    let lower = s.lowercased()
    let rest: Substring
    if lower.hasPrefix("https://") {
      rest = s.dropFirst(8)
    } else if lower.hasPrefix("http://") {
      rest = s.dropFirst(7)
    } else {
      return nil
    }
    guard let first = rest.first, first != "/" else { return nil }
    for scalar in s.unicodeScalars {
      if scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) { return nil }
      if "\"'<>`\\{}|^".unicodeScalars.contains(scalar) { return nil }
      if scalar.properties.isWhitespace { return nil }
    }
    return String(s)
  }
}
