/// Text that is safe to print on a terminal: nothing in it can move the cursor, clear the
/// screen, set the window title, ring the bell or reorder what the reader sees.
///
/// Names, quotes and titles come from files anyone may have written; printed raw, an escape
/// sequence in an actor's name (`ESC[2J`, `ESC]0;…BEL`) would be executed by the reader's
/// terminal, and a bidi override (U+202E) would show text in another order than it has.
/// ``safe(_:)`` therefore
/// - shows C0 controls (except line feed and tab) and DEL in caret notation, as `cat -v`
///   does: ESC → `^[`, BEL → `^G`, CR → `^M`, DEL → `^?`;
/// - shows C1 controls (U+0080–U+009F; U+009B is a one-character CSI) and the bidi embedding,
///   override and isolate controls (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" set)
///   as `<U+202E>`: visible, so that two names differing only in them do not look alike.
///
/// Line feed and tab stay: the human formats are made of lines. The result holds only
/// printable text, so `safe` is idempotent. Only for human text: machine formats (JSON, CSV,
/// YAML) keep their bytes and have escapers of their own.
package enum TerminalText {
  package static func safe(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: needsEscape) else { return s }
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      guard needsEscape(scalar) else {
        out.append(scalar)
        continue
      }
      let v = scalar.value
      if v < 0x20 {
        out.append("^")
        out.append(Unicode.Scalar(UInt8(v + 0x40)))
      } else if v == 0x7F {
        out.append(contentsOf: "^?".unicodeScalars)
      } else {
        let hex = String(v, radix: 16, uppercase: true)
        out.append(contentsOf: ("<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">").unicodeScalars)
      }
    }
    return String(out)
  }

  /// Whether `scalar` is a control or bidi control that ``safe(_:)`` makes visible.
  package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
