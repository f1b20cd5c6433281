/// One `name=value` pair as the writer emits it, and the closed allow-list of attribute names.
///
/// This type is the security boundary of the module (../shared/notes/graphviz.md §2.6): ``Name`` lists every
/// attribute StakeMap can ever write, and values are produced only by the typed constructors
/// below, each of which quotes or escapes through ``DOTEscaping``. Attributes that read files
/// or are written unescaped into SVG — `image`, `shapefile`, `imagepath`, `fontpath`,
/// `fontnames`, `stylesheet`, `URL`, `href`, `edgeURL`, `headURL`, `tailURL`, `labelURL` —
/// and `layout` (which would override the engine chosen in Swift) are deliberately absent, and
/// there is no constructor taking a free-form name.
///
/// The attribute structs (``NodeAttributes``, ``EdgeAttributes``, ``GraphAttributes``,
/// ``ClusterAttributes``) turn their properties into `[DOTAttribute]` in a fixed order, which
/// keeps the output deterministic.
///
/// - SeeAlso: <https://graphviz.org/doc/info/attrs.html>
@_spi(Testing) public struct DOTAttribute: Sendable, Hashable {
  /// Every attribute name the writer can emit.
  package enum Name: String, CaseIterable, Sendable {
    // Text and identity.
    case label, xlabel, tooltip, id, `class`, comment
    // Colours and fonts.
    case color, fillcolor, fontcolor, bgcolor, pencolor, fontname, fontsize
    // Node geometry and look.
    case shape, style, width, height, fixedsize, penwidth, margin, pos
    // Edges.
    case arrowhead, arrowtail, arrowsize, dir, constraint, weight, len, minlen, lhead, ltail
    // Label placement.
    case labelloc, labeljust
    // Graph layout.
    case rankdir, ranksep, nodesep, splines, overlap, sep, esep, pad, ratio, size, dpi
    case start, outputorder, charset, K, maxiter, mode, model, epsilon
    case concentrate, compound, newrank, center, forcelabels, pack, packmode, root, rank
  }

  /// A value exactly as it appears after `=`.
  package enum Value: Sendable, Hashable {
    /// A complete double-quoted DOT string, escaping already applied.
    case quoted(String)
    /// The markup of an HTML-like label without the outer `<` `>`.
    case html(String)
  }

  package let name: Name
  package let value: Value

  /// `name=value` in DOT syntax.
  var dot: String {
    switch value {
    case .quoted(let text): name.rawValue + "=" + text
    case .html(let markup): name.rawValue + "=<" + markup + ">"
    }
  }

  init(_ name: Name, _ value: Value) {
    self.name = name
    self.value = value
  }

  // MARK: Typed constructors (each returns nil for an unset property).

  static func label(_ name: Name, _ label: DOTLabel?) -> DOTAttribute? {
    guard let label else { return nil }
    switch label {
    case .text(let text, let alignment):
      return DOTAttribute(
        name, .quoted(DOTEscaping.escString(TextBounds.label(text), alignment: alignment)))
    case .html(let html):
      guard let markup = html.markup else {
        // An empty template would be invalid HTML-like syntax; an empty plain label shows the
        // same nothing.
        return DOTAttribute(name, .quoted("\"\""))
      }
      return DOTAttribute(name, .html(markup))
    }
  }

  static func text(_ name: Name, _ text: String?) -> DOTAttribute? {
    text.map { DOTAttribute(name, .quoted(DOTEscaping.escString(TextBounds.label($0)))) }
  }

  static func tooltip(_ name: Name, _ text: String?) -> DOTAttribute? {
    text.map { DOTAttribute(name, .quoted(DOTEscaping.tooltip(TextBounds.tooltip($0)))) }
  }

  static func id(_ name: Name, _ id: String?) -> DOTAttribute? {
    id.map { DOTAttribute(name, .quoted(DOTEscaping.id($0))) }
  }

  /// A keyword from one of the module's enums or a formatted number; written through the ID
  /// quoting anyway so that no value can ever reach DOT unquoted.
  static func keyword(_ name: Name, _ keyword: String?) -> DOTAttribute? {
    id(name, keyword)
  }

  static func color(_ name: Name, _ color: Color?) -> DOTAttribute? {
    keyword(name, color?.description)
  }

  static func font(_ name: Name, _ font: FontName?) -> DOTAttribute? {
    keyword(name, font?.description)
  }

  static func number(
    _ name: Name, _ value: Double?, in range: ClosedRange<Double> = -1e9...1e9
  ) -> DOTAttribute? {
    keyword(name, value.map { DOTEscaping.number(min(max($0, range.lowerBound), range.upperBound)) })
  }

  static func integer(_ name: Name, _ value: Int?, in range: ClosedRange<Int>) -> DOTAttribute? {
    keyword(name, value.map { String(min(max($0, range.lowerBound), range.upperBound)) })
  }

  static func bool(_ name: Name, _ value: Bool?) -> DOTAttribute? {
    keyword(name, value.map { $0 ? "true" : "false" })
  }

  /// A style set, written comma-separated in the enum's declaration order (not set order, which
  /// is random per process).
  static func style<S: CaseIterable & RawRepresentable & Hashable>(
    _ styles: Set<S>?
  ) -> DOTAttribute? where S.RawValue == String {
    guard let styles else { return nil }
    let ordered = S.allCases.filter(styles.contains).map(\.rawValue)
    return keyword(.style, ordered.joined(separator: ","))
  }
}
