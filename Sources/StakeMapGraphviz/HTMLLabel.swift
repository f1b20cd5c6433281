/// A typed HTML-like label: one `<TABLE>` of rows and cells with escaped text.
///
/// Graphviz's HTML-like labels are real markup parsed by expat, and some of it is dangerous:
/// `<IMG SRC="…"/>` reads a local file and embeds it (../shared/notes/graphviz.md §2.5). This template can only
/// express a table with text cells; every piece of text and every attribute value goes through
/// ``DOTEscaping/htmlText(_:)``, numbers are clamped to Graphviz's documented ranges, and there is
/// no `IMG`, `HREF`, `ID` or raw-markup escape hatch. Typical use is a legend:
///
///     let legend = HTMLLabel.legend(
///       title: "Stakeholder types",
///       entries: [(Color(hex: "#1f77b4")!, "Public body"), (.named(.orange), "NGO & co.")])
///     graph.nodes.append(DOTNode(id: "legend", attributes: .init(label: .html(legend), shape: .plain)))
///
/// Cell text may contain line feeds (written `<BR/>`, aligned by the cell's `align`).
///
/// - SeeAlso: <https://graphviz.org/doc/info/shapes.html#html>
package struct HTMLLabel: Sendable, Hashable {
  /// A table row.
  package struct Row: Sendable, Hashable, ExpressibleByArrayLiteral {
    package var cells: [Cell]

    package init(cells: [Cell]) {
      self.cells = cells
    }

    package init(arrayLiteral cells: Cell...) {
      self.cells = cells
    }
  }

  /// A table cell containing (possibly multi-line) text.
  package struct Cell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text; line feeds become `<BR/>`.
    package var text: String
    package var bold: Bool
    package var italic: Bool
    package var fontColor: Color?
    package var fontName: FontName?
    /// Points, clamped to 1…500.
    package var fontSize: Double?
    package var bgColor: Color?
    /// Columns spanned, clamped to 1…65535.
    package var colSpan: Int?
    /// Rows spanned, clamped to 1…65535.
    package var rowSpan: Int?
    /// Alignment of the cell content and of its lines.
    package var align: TextAlignment?
    /// Border width in points, clamped to 0…127.
    package var border: Int?
    /// Padding in points, clamped to 0…255.
    package var cellPadding: Int?
    /// Minimum width in points, clamped to 0…65535 (exact with `fixedSize`).
    package var width: Int?
    /// Minimum height in points, clamped to 0…65535 (exact with `fixedSize`).
    package var height: Int?
    /// Makes `width`/`height` exact instead of minimums.
    package var fixedSize: Bool

    package init(
      _ text: String = "", bold: Bool = false, italic: Bool = false, fontColor: Color? = nil,
      fontName: FontName? = nil, fontSize: Double? = nil, bgColor: Color? = nil,
      colSpan: Int? = nil, rowSpan: Int? = nil, align: TextAlignment? = nil, border: Int? = nil,
      cellPadding: Int? = nil, width: Int? = nil, height: Int? = nil, fixedSize: Bool = false
    ) {
      self.text = text
      self.bold = bold
      self.italic = italic
      self.fontColor = fontColor
      self.fontName = fontName
      self.fontSize = fontSize
      self.bgColor = bgColor
      self.colSpan = colSpan
      self.rowSpan = rowSpan
      self.align = align
      self.border = border
      self.cellPadding = cellPadding
      self.width = width
      self.height = height
      self.fixedSize = fixedSize
    }

    package init(stringLiteral value: String) {
      self.init(value)
    }

    /// An empty cell filled with `color`: the colour key of a legend row.
    package static func swatch(_ color: Color, width: Int = 24, height: Int = 14) -> Cell {
      Cell(bgColor: color, border: 1, width: width, height: height, fixedSize: true)
    }
  }

  package var rows: [Row]
  /// Outer border in points, clamped to 0…127.
  package var border: Int?
  /// Default border of every cell, clamped to 0…127.
  package var cellBorder: Int?
  /// Space between cells in points, clamped to 0…127.
  package var cellSpacing: Int?
  /// Default cell padding in points, clamped to 0…255.
  package var cellPadding: Int?
  package var bgColor: Color?
  /// Border colour.
  package var color: Color?

  package init(
    rows: [Row], border: Int? = nil, cellBorder: Int? = nil, cellSpacing: Int? = nil,
    cellPadding: Int? = nil, bgColor: Color? = nil, color: Color? = nil
  ) {
    self.rows = rows
    self.border = border
    self.cellBorder = cellBorder
    self.cellSpacing = cellSpacing
    self.cellPadding = cellPadding
    self.bgColor = bgColor
    self.color = color
  }

  /// A legend: an optional bold title row spanning both columns, then one row per entry with a
  /// colour swatch and left-aligned text. Put it on a node with `shape: .plain` (or `.none`) so
  /// the table is the whole node, typically in its own cluster or with `rank: .sink`.
  package static func legend(title: String?, entries: [(swatch: Color, text: String)]) -> HTMLLabel {
    var rows: [Row] = []
    if let title {
      rows.append([Cell(title, bold: true, colSpan: 2, align: .left)])
    }
    for entry in entries {
      rows.append([.swatch(entry.swatch), Cell(entry.text, align: .left)])
    }
    return HTMLLabel(rows: rows, border: 0, cellBorder: 0, cellSpacing: 4, cellPadding: 2)
  }

  /// The markup between the outer `<` `>`, or `nil` when there is no cell at all (an empty
  /// `<TABLE>` is a Graphviz syntax error).
  var markup: String? {
    let rows = rows.filter { !$0.cells.isEmpty }
    guard !rows.isEmpty else { return nil }
    var out = "<TABLE"
    out += HTMLLabel.attribute("BORDER", border, 0...127)
    out += HTMLLabel.attribute("CELLBORDER", cellBorder, 0...127)
    out += HTMLLabel.attribute("CELLSPACING", cellSpacing, 0...127)
    out += HTMLLabel.attribute("CELLPADDING", cellPadding, 0...255)
    out += HTMLLabel.attribute("BGCOLOR", bgColor)
    out += HTMLLabel.attribute("COLOR", color)
    out += ">"
    for row in rows {
      out += "<TR>"
      for cell in row.cells { out += cell.markup }
      out += "</TR>"
    }
    out += "</TABLE>"
    return out
  }

  static func attribute(_ name: String, _ value: Int?, _ range: ClosedRange<Int>) -> String {
    guard let value else { return "" }
    return " \(name)=\"\(min(max(value, range.lowerBound), range.upperBound))\""
  }

  static func attribute(_ name: String, _ value: Color?) -> String {
    guard let value else { return "" }
    return " \(name)=\"\(DOTEscaping.htmlText(value.description))\""
  }
}

extension HTMLLabel.Cell {
  /// `<TD …>text</TD>` with font, bold and italic wrappers innermost-last.
  var markup: String {
    var out = "<TD"
    out += HTMLLabel.attribute("COLSPAN", colSpan, 1...65535)
    out += HTMLLabel.attribute("ROWSPAN", rowSpan, 1...65535)
    if let align {
      // ALIGN places the content, BALIGN aligns the lines separated by <BR/>.
      out += " ALIGN=\"\(align.html)\" BALIGN=\"\(align.html)\""
    }
    out += HTMLLabel.attribute("BORDER", border, 0...127)
    out += HTMLLabel.attribute("CELLPADDING", cellPadding, 0...255)
    out += HTMLLabel.attribute("BGCOLOR", bgColor)
    out += HTMLLabel.attribute("WIDTH", width, 0...65535)
    out += HTMLLabel.attribute("HEIGHT", height, 0...65535)
    if fixedSize { out += " FIXEDSIZE=\"TRUE\"" }
    out += ">"
    var body = lines.map(DOTEscaping.htmlText).joined(separator: "<BR/>")
    if italic { body = "<I>" + body + "</I>" }
    if bold { body = "<B>" + body + "</B>" }
    if fontColor != nil || fontName != nil || fontSize != nil {
      var font = "<FONT"
      if let fontColor { font += " COLOR=\"\(DOTEscaping.htmlText(fontColor.description))\"" }
      if let fontName { font += " FACE=\"\(DOTEscaping.htmlText(fontName.description))\"" }
      if let fontSize {
        font += " POINT-SIZE=\"\(DOTEscaping.number(min(max(fontSize, 1), 500)))\""
      }
      body = font + ">" + body + "</FONT>"
    }
    out += body
    out += "</TD>"
    return out
  }

  /// The text split at LF, CR LF and CR (iterating scalars: "\r\n" is one `Character`).
  private var lines: [String] {
    text.isEmpty ? [] : LabelWrapping.lines(TextBounds.label(text))
  }

}
