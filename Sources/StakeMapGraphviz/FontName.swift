/// A font family name restricted to characters that cannot address a file.
///
/// Graphviz hands `fontname` to pango/fontconfig (and, for the gd renderers, may treat it as a
/// path to a font file). A ``FontName`` therefore allows only ASCII letters, digits, spaces,
/// `-` and `_`, 1–64 characters: family names like `Helvetica`, `DejaVu Sans` or
/// `Times-Roman` work, paths and fontconfig patterns (`Sans:file=…`) do not. StakeMap never
/// sets `fontpath` or `fontnames` (../shared/notes/graphviz.md §2.6).
///
///     let body = FontName("DejaVu Sans")!
///     let heading = FontName.helvetica
///
/// - SeeAlso: <https://graphviz.org/docs/attrs/fontname/>, <https://graphviz.org/faq/font/>
package struct FontName: Sendable, Hashable, CustomStringConvertible {
  /// The family name as written to DOT.
  package let description: String

  /// Graphviz's default font (fontconfig resolves it to a serif face).
  package static let times = FontName(unchecked: "Times-Roman")
  /// A sans-serif face; Graphviz maps the PostScript name to fontconfig's `sans-serif`.
  package static let helvetica = FontName(unchecked: "Helvetica")
  /// A monospaced face.
  package static let courier = FontName(unchecked: "Courier")

  /// Validates `name`; returns `nil` if it is empty, longer than 64 characters or contains
  /// anything but ASCII letters, digits, space, `-` and `_`.
  package init?(_ name: String) {
    let allowed = name.utf8.allSatisfy { c in
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        || c == 0x20 || c == 0x2D || c == 0x5F
    }
    guard allowed, (1...64).contains(name.utf8.count) else { return nil }
    description = name
  }

  private init(unchecked name: String) {
    description = name
  }
}
