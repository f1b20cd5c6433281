/// The text of a `label` or `xlabel`: plain text shown literally, or a typed HTML-like label.
///
/// Plain text is escaped by ``DOTEscaping/escString(_:alignment:)``, so whatever the user typed
/// is what appears: `\N`, `\G`, `\l`, `&amp;`, `<b>` and text shaped like an HTML label
/// (`<…>`) are all shown verbatim, because a plain label is always written double-quoted.
/// Line feeds break lines, each line aligned by `alignment`. String literals convert to
/// `.text(…)`:
///
///     var node = DOTNode(id: "n1")
///     node.attributes.label = "Mietshäuser Syndikat\n(Freiburg)"
///     node.attributes.label = .wrapped("Ein sehr langer Name einer Initiative", width: 16)
///     node.attributes.label = .html(HTMLLabel(rows: [["Legend"]]))
package enum DOTLabel: Sendable, Hashable, ExpressibleByStringLiteral {
  /// Plain text; line feeds break lines. Tabs and control characters become spaces.
  case text(String, alignment: TextAlignment = .center)
  /// An HTML-like label built from the typed template (never raw markup).
  case html(HTMLLabel)

  package init(stringLiteral value: String) {
    self = .text(value)
  }

  /// Plain text word-wrapped to lines of at most `width` characters by
  /// ``LabelWrapping/wrap(_:width:)``.
  package static func wrapped(
    _ text: String, width: Int, alignment: TextAlignment = .center
  ) -> DOTLabel {
    .text(LabelWrapping.wrap(text, width: width).joined(separator: "\n"), alignment: alignment)
  }
}
