/// JSON literals written by hand, so that key order and number format are fixed and output is
/// byte-identical for identical input (maps, tables and reports live in git).
///
/// Numbers: Swift's shortest round-trip decimal of the Double (`0.25`, `3.0`, `1e-05`); `null`
/// for NaN and infinities, which JSON cannot express. Strings: RFC 8259 escapes, plus U+2028
/// and U+2029 (legal JSON, but they end a line in JavaScript).
package enum JSONText {
  package static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"  // legal in JSON, but breaks JavaScript embedding
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  package static func number(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == 0 { return "0.0" }  // no "-0.0"
    return "\(x)"
  }

  /// A number, or `null` for nil.
  package static func number(_ x: Double?) -> String {
    x.map { number($0) } ?? "null"
  }
}
