/// Colour-blind-safe colours for maps.
///
/// Categories use Paul Tol's "muted" scheme (9 colours designed to be told apart with every
/// common colour-vision deficiency; https://personal.sron.nl/~pault/#sec:qualitative), plus his
/// pale grey for "other / no value". Actor types get a fixed colour *and* a shape, so a map
/// printed in greyscale or read with a colour-vision deficiency still separates them.
public enum Palette {
  /// Tol muted: rose, indigo, sand, green, cyan, wine, teal, olive, purple.
  public static let categorical: [String] = [
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
    "#AA4499",
  ]

  /// Tol's pale grey, for "other" and missing values.
  public static let neutral = "#DDDDDD"

  /// Black or white, whichever reads better on `background` (WCAG relative luminance).
  public static func textColor(on background: String) -> String {
    relativeLuminance(background) > 0.179 ? "#000000" : "#FFFFFF"
  }

  /// WCAG 2.x relative luminance of a `#RRGGBB` colour.
  static func relativeLuminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    guard digits.count >= 6 else { return 1 }
    func channel(_ i: Int) -> Double {
      let value = Double(Int(String(digits[i..<(i + 2)]), radix: 16) ?? 0) / 255
      return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  }
}

import Foundation
