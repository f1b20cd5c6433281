/// The quoting and escaping rules that make user text appear literally in Graphviz output.
///
/// Every string the writer puts into DOT passes through exactly one of these functions, chosen
/// by what Graphviz does with the value afterwards (notes `graphviz.md` §2.4, measured on 2.42):
///
/// | Function | Used for | Graphviz then… |
/// |---|---|---|
/// | ``id(_:)`` | node, graph, cluster and edge-end IDs | only unquotes (`\"` → `"`, `\\` kept) |
/// | ``escString(_:alignment:)`` | `label`, `xlabel`, `tooltip`, `id`, `class`, `comment` | expands escString (`\N`, `\n`, `\l`, `\\` …) and decodes HTML entities |
/// | ``htmlText(_:)`` | text and attribute values inside HTML-like labels | parses XML with expat |
/// | ``number(_:)`` | every numeric attribute | reads a C double |
///
/// The writer never emits an unquoted string, so DOT keywords (`node`, `strict`…), ports
/// (`a:b` is node `a`, port `b`), the `@` end-of-file token and `#` directives are all inert.
///
/// - Complexity: every function is O(*n*) in the length of its input.
/// - SeeAlso: <https://graphviz.org/doc/info/lang.html> (quoting),
///   <https://graphviz.org/docs/attr-types/escString/> (escString).
@_spi(Testing) public enum DOTEscaping {

  /// Quotes a DOT ID: `"` → `\"`, `\` → `\\`, line feed → `\n`, carriage return → `\r`, other
  /// control characters → `\xHH`.
  ///
  /// The mapping is injective, so distinct Swift IDs stay distinct Graphviz nodes. Inside a
  /// quoted ID the DOT lexer keeps `\\` as two characters (scan.l), and the node's default label
  /// `\N` would expand the escapes once more; that is why ``DOTWriter`` always gives nodes an
  /// explicit label and IDs are never shown.
  ///
  ///     DOTEscaping.id(#"say "hi""#)   // "\"say \\\"hi\\\"\""
  package static func id(_ id: String) -> String {
    var out = "\""
    out.reserveCapacity(id.utf8.count + 2)
    for scalar in id.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default:
        if isControl(scalar) {
          // A NUL would end the C string handed to agmemread; other controls are legal inside
          // quotes but are spelled out so that IDs stay printable in SVG <title> elements.
          out += "\\x" + hex(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// Quotes text for an escString attribute so that it is displayed literally.
  ///
  /// Rules (../shared/notes/graphviz.md §2.4 table, each verified with agmemread + agget + SVG):
  /// - `\` → `\\` (so `\N`, `\G`, `\l`, `\n` typed by a user stay visible),
  /// - `"` → `\"`,
  /// - line feed, CR LF and a lone CR → one line break, written `\n`, `\l` or `\r` for
  ///   centred, left- or right-aligned lines (a left or right break is also appended after the
  ///   last line, because Graphviz aligns a line by its terminator),
  /// - `&` → `&amp;`, because 2.42's `make_label` decodes HTML entities in plain labels and
  ///   tooltips (and `id`/`class` pass entities through to the SVG unchanged),
  /// - tab and every other control character (C0, DEL, C1) → one space: they have no
  ///   meaning in a label and expat-based consumers of the SVG reject most of them.
  ///
  ///     DOTEscaping.escString("AT&T \\N")   // "\"AT&amp;T \\\\N\""
  package static func escString(_ text: String, alignment: TextAlignment = .center) -> String {
    let lineEnd: String
    switch alignment {
    case .center: lineEnd = "\\n"
    case .left: lineEnd = "\\l"
    case .right: lineEnd = "\\r"
    }
    return quoted(
      text, backslash: "\\\\", lineBreak: lineEnd,
      last: alignment != .center && !text.isEmpty ? lineEnd : "")
  }

  /// Escapes a `tooltip` so that the text shows literally in the SVG's `xlink:title`.
  ///
  /// Tooltips are not plain labels: Graphviz 2.42 unescapes them twice (measured with `dot
  /// -Tsvg`): a first pass turns `\\x` into `\x` and drops the backslash of other `\x`, and
  /// `strdup_and_subst_obj` then expands `\N`, `\G`, `\E`, `\H`, `\T`, `\L`. So DOT `A\\N`
  /// shows the node's *name*, and a literal backslash needs four. `\n` is not a line break in
  /// a tooltip; the XML character reference `&#10;` passes through unchanged and browsers show
  /// it as one. Rules:
  /// - `\` → `\\\\` (four backslashes in the DOT text),
  /// - `"` → `\"`,
  /// - `&` → `&amp;` (entities are decoded, as in labels),
  /// - line feed, CR LF, CR → `&#10;`,
  /// - other control characters → one space.
  ///
  ///     DOTEscaping.tooltip(#"C:\N & co"#)   // #""C:\\\\N &amp; co""#
  package static func tooltip(_ text: String) -> String {
    quoted(text, backslash: "\\\\\\\\", lineBreak: "&#10;")
  }

  /// The quoted form shared by escString values and tooltips: `\` → `backslash`, `"` → `\"`,
  /// `&` → `&amp;`, line feed, CR LF and CR → one `lineBreak`, other controls → one space;
  /// `last` is written before the closing quote.
  private static func quoted(
    _ text: String, backslash: String, lineBreak: String, last: String = ""
  ) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\\": out += backslash
      case "\"": out += "\\\""
      case "&": out += "&amp;"
      case "\r": out += lineBreak
      case "\n":
        // CR LF is one break; iterate scalars because Swift treats "\r\n" as one Character.
        if !previousWasCR { out += lineBreak }
      default:
        if isControl(scalar) {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + last + "\""
  }

  /// Escapes text for an HTML-like label (XML character data or a quoted attribute value):
  /// `&` `<` `>` `"` `'` become entities, `\` becomes `\\`, line breaks are the caller's
  /// business, and control characters become spaces (XML 1.0 forbids most of them; expat would
  /// fail the label and Graphviz would fall back to the node name, ../shared/notes/graphviz.md §2.5).
  ///
  /// The backslash rule is measured, not documented: after expat has parsed the markup,
  /// Graphviz 2.42 still expands `\N`, `\G`, `\E`, `\H`, `\T`, `\L` in the cell text
  /// (`strdup_and_subst_obj`) and turns `\\` into `\`; other `\x` stay as they are. An
  /// entity does not help (`&#92;N` shows the node name), doubling does.
  ///
  ///     DOTEscaping.htmlText("<b> & \"q\" \\N")   // "&lt;b&gt; &amp; &quot;q&quot; \\\\N"
  package static func htmlText(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\\": out += "\\\\"
      default:
        if isControl(scalar) {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Formats a number for DOT in a fixed, locale-independent way: at most four decimals,
  /// rounded half away from zero, trailing zeros and a trailing point removed, no exponent,
  /// `-0` written as `0`. Non-finite values become `0` and magnitudes are clamped to 10⁹, so
  /// every `Double` has exactly one spelling and output is byte-stable.
  ///
  ///     DOTEscaping.number(0.5)        // "0.5"
  ///     DOTEscaping.number(2)          // "2"
  ///     DOTEscaping.number(1.23456)    // "1.2346"
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let clamped = min(max(value, -1e9), 1e9)
    let units = Int64((clamped * 10_000).rounded(.toNearestOrAwayFromZero))
    if units == 0 { return "0" }
    let magnitude = units.magnitude
    var out = units < 0 ? "-" : ""
    out += String(magnitude / 10_000)
    let fraction = magnitude % 10_000
    if fraction != 0 {
      var digits = String(fraction)
      digits = String(repeating: "0", count: 4 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      out += "." + digits
    }
    return out
  }

  /// Turns the escString form that `agget` returns for a label written by
  /// ``escString(_:alignment:)`` back into the display text: `\\` → `\`, `\n` `\l` `\r` →
  /// line feed (a trailing `\l`/`\r` terminator is dropped), `&amp;` → `&`. Used by the tests
  /// to check the DOT round trip through cgraph's parser; not a general escString decoder.
  package static func displayText(fromEscString value: String) -> String {
    var out = ""
    var endsWithAlignedBreak = false
    var iterator = value.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      endsWithAlignedBreak = false
      guard scalar == "\\" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      guard let next = iterator.next() else {
        out += "\\"
        break
      }
      switch next {
      case "n": out += "\n"
      case "l", "r":
        out += "\n"
        endsWithAlignedBreak = true
      default: out.unicodeScalars.append(next)
      }
    }
    if endsWithAlignedBreak { out.unicodeScalars.removeLast() }
    // Scalar by scalar: "&amp;" before a combining mark is one Character with the mark
    // (";\u{7FD}"), which a Character-wise search would miss (found by the dot fuzzer).
    var decoded = String.UnicodeScalarView()
    let scalars = Array(out.unicodeScalars)
    let entity = Array("&amp;".unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "&", i + entity.count <= scalars.count,
        Array(scalars[i..<i + entity.count]) == entity
      {
        decoded.append("&")
        i += entity.count
      } else {
        decoded.append(scalars[i])
        i += 1
      }
    }
    return String(decoded)
  }

  /// C0 controls, DEL and C1 controls.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count < 2 ? "0" + digits : digits
  }
}

extension String {
  /// Replaces every occurrence of `target` (non-overlapping, left to right); a tiny stand-in
  /// for Foundation's `replacingOccurrences`, because this module does not import Foundation.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    out += rest
    return out
  }
}
