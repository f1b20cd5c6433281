/// A colour Graphviz is guaranteed to understand: an RGB(A) value or a vetted named colour.
///
/// Colours are written as lower-case `#rrggbb` or `#rrggbbaa` (alpha only when it is not
/// opaque), or as a name from ``Name``, a subset of the X11 scheme that is also valid in SVG
/// and CSS, so nothing depends on Graphviz's `colorscheme`. There is no way to pass an
/// arbitrary string, so a colour can never smuggle another attribute into DOT.
///
///     let accent = Color(hex: "#1F77B4")!    // written "#1f77b4"
///     let faded = Color(red: 31, green: 119, blue: 180, alpha: 128)   // "#1f77b480"
///     let line = Color.named(.gray)          // "gray"
///
/// - SeeAlso: <https://graphviz.org/docs/attr-types/color/>,
///   <https://graphviz.org/doc/info/colors.html>
package struct Color: Sendable, Hashable, CustomStringConvertible {
  /// Named colours that exist with the same meaning in Graphviz's X11 scheme and in SVG.
  /// ``transparent`` is Graphviz's own name for a fully transparent colour.
  package enum Name: String, CaseIterable, Sendable, Hashable {
    case black, white, gray, lightgray, darkgray, dimgray, silver
    case red, darkred, firebrick, crimson, salmon, tomato, coral
    case orange, darkorange, gold, yellow, khaki, beige, ivory, wheat, tan, brown, chocolate
    case green, darkgreen, forestgreen, seagreen, limegreen, lightgreen, olivedrab
    case blue, navy, darkblue, royalblue, steelblue, dodgerblue, skyblue, lightblue
    case cyan, turquoise, cadetblue
    case purple, indigo, violet, orchid, plum, magenta, pink, hotpink, lavender
    case transparent
  }

  /// The exact DOT spelling, e.g. `#1f77b4` or `steelblue`.
  package let description: String

  /// A named colour.
  package static func named(_ name: Name) -> Color {
    Color(description: name.rawValue)
  }

  /// An sRGB colour; alpha 255 (the default) is written without an alpha component.
  package init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    var text = "#" + Color.hexByte(red) + Color.hexByte(green) + Color.hexByte(blue)
    if alpha != 255 { text += Color.hexByte(alpha) }
    description = text
  }

  /// Parses `#RRGGBB` or `#RRGGBBAA` (hex digits in either case); returns `nil` for anything
  /// else, including the `#RGB` short form and names.
  package init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 7 || digits.count == 9, digits[0] == UInt8(ascii: "#") else {
      return nil
    }
    var bytes: [UInt8] = []
    var index = 1
    while index < digits.count {
      guard let high = Color.nibble(digits[index]), let low = Color.nibble(digits[index + 1])
      else { return nil }
      bytes.append(high << 4 | low)
      index += 2
    }
    self.init(red: bytes[0], green: bytes[1], blue: bytes[2], alpha: bytes.count == 4 ? bytes[3] : 255)
  }

  private init(description: String) {
    self.description = description
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func hexByte(_ value: UInt8) -> String {
    let digits = String(value, radix: 16)
    return value < 16 ? "0" + digits : digits
  }
}
