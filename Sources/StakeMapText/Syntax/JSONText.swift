/// JSON literals written by hand, so that key order and number format are fixed and output is
/// byte-identical for identical input (maps, tables and reports live in git).
///
/// Numbers: Swift's shortest round-trip decimal of the Double (`0.25`, `3.0`, `1e-05`); `null`
/// for NaN and infinities, which JSON cannot express. Strings: RFC 8259 escapes, plus U+2028
/// and U+2029 (legal JSON, but they end a line in JavaScript); the one JSON string escaper of
/// the package (network files use it too, with ``Controls/uppercaseHex``).
package enum JSONText {
  /// How a string spells control characters. Both escape `"`, `\\`, line feed, carriage
  /// return, tab, every other C0 control and U+2028/U+2029 (legal in JSON, but they end a line
  /// in JavaScript and some editors).
  package enum Controls: Sendable {
    /// `\u001b`: lowercase hex; backspace and form feed as `\u0008`, `\u000c`; DEL as is.
    /// The reports' and tables' JSON.
    case lowercaseHex
    /// `\u001B`: uppercase hex; `\b`, `\f`; DEL as `\u007F`. Network files.
    case uppercaseHex
  }

  /// `s` as a JSON string literal, quotes included, in the reports' dialect.
  package static func string(_ s: String) -> String { string(s, controls: .lowercaseHex) }

  /// `s` as a JSON string literal, quotes included.
  package static func string(_ s: String, controls: Controls) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 2)
    appendString(s, to: &out, controls: controls)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `s` as a JSON string literal, quotes included, to the UTF-8 bytes `out`. O(length).
  package static func appendString(_ s: String, to out: inout [UInt8], controls: Controls) {
    func escape(_ text: StaticString) {
      out.append(
        contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
    let upper = controls == .uppercaseHex
    out.append(UInt8(ascii: "\""))
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": escape("\\\"")
      case "\\": escape("\\\\")
      case "\n": escape("\\n")
      case "\r": escape("\\r")
      case "\t": escape("\\t")
      case "\u{08}" where upper: escape("\\b")
      case "\u{0C}" where upper: escape("\\f")
      default:
        let v = scalar.value
        if v < 0x20 || v == 0x2028 || v == 0x2029 || (upper && v == 0x7F) {
          escape("\\u")
          for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((v >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : (upper ? 0x41 : 0x61) + digit - 10)
          }
        } else if scalar.isASCII {
          out.append(UInt8(truncatingIfNeeded: v))
        } else {
          UTF8.encode(scalar) { out.append($0) }
        }
      }
    }
    out.append(UInt8(ascii: "\""))
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
