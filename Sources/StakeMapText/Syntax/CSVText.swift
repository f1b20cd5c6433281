/// RFC 4180 fields: quoted when they hold a comma, semicolon, quote, CR or LF (a quote is then
/// doubled), or begin or end with a space or tab (readers, StakeMap's own among them, trim
/// unquoted fields; found by the escapers fuzzer).
///
/// Formula neutralisation (CSV injection): a field is prefixed with `'` so that spreadsheets
/// do not run it as a formula when
/// - it begins with a tab or CR, or
/// - its first character that is not whitespace, a control or an invisible format character
///   (line feed, space, tab, no-break space U+00A0, byte-order mark U+FEFF, zero-width space,
///   bidi controls, …) is `=`, `+`, `-` or `@`: spreadsheets skip such leading characters and
///   would still see a formula.
///
/// Decision: a field that is a plain decimal number (`-0.5`, `-12`, `3.25`: an optional minus,
/// digits, optionally a point and digits, nothing else) stays as it is, so negative numbers
/// remain numbers; a spreadsheet reads them as a value, never as a formula.
package enum CSVText {
  package static func field(_ s: String) -> String {
    var s = s
    if needsNeutralising(s) { s = "'" + s }
    let blanks: Set<Unicode.Scalar> = [" ", "\t"]
    let blankAtEdge =
      s.unicodeScalars.first.map(blanks.contains) == true
      || s.unicodeScalars.last.map(blanks.contains) == true
    // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n", and
    // a name holding it was written unquoted, starting a new row (found by the escapers fuzzer).
    let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r", ";"]
    guard blankAtEdge || s.unicodeScalars.contains(where: special.contains) else { return s }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      if scalar == "\"" { out += "\"" }
      out.unicodeScalars.append(scalar)
    }
    return out + "\""
  }

  /// Whether a spreadsheet could take `s` for a formula (see the type's documentation).
  package static func needsNeutralising(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first else { return false }
    if first == "\t" || first == "\r" { return true }
    guard let visible = s.unicodeScalars.first(where: { !isSkipped($0) }),
      "=+-@".unicodeScalars.contains(visible)
    else { return false }
    return !isPlainDecimal(s)
  }

  /// Characters a spreadsheet may pass over before it looks for `=`: whitespace, controls,
  /// invisible format characters (U+FEFF, U+200B, bidi controls).
  private static func isSkipped(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isWhitespace { return true }
    switch scalar.properties.generalCategory {
    case .control, .format: return true
    default: return scalar.value == 0x200B
    }
  }

  /// `-?[0-9]+(\.[0-9]+)?`, ASCII digits only.
  private static func isPlainDecimal(_ s: String) -> Bool {
    var bytes = s.utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    let integer = bytes.prefix(while: isDigit)
    guard !integer.isEmpty else { return false }
    bytes = bytes.dropFirst(integer.count)
    if bytes.isEmpty { return true }
    guard bytes.first == UInt8(ascii: ".") else { return false }
    bytes = bytes.dropFirst()
    return !bytes.isEmpty && bytes.allSatisfy(isDigit)
  }
}

// MARK: issue 11 – dialects: RFC 4180 and the one German Excel opens by double-click
extension CSVText {
  /// How rows and numbers are written. Cells are always quoted and neutralised by
  /// ``field(_:)``, which quotes on both `,` and `;`, so either separator is safe.
  package struct Dialect: Sendable, Equatable {
    /// `,` or `;`.
    package var separator: String
    /// Numbers with a decimal comma (`0,25`).
    package var decimalComma: Bool
    /// The text starts with U+FEFF, which tells Excel the file is UTF-8.
    package var byteOrderMark: Bool

    package init(separator: String, decimalComma: Bool, byteOrderMark: Bool) {
      self.separator = separator
      self.decimalComma = decimalComma
      self.byteOrderMark = byteOrderMark
    }

    /// RFC 4180: comma, decimal point, no byte order mark; what scripts and databases read.
    package static let rfc4180 = Dialect(separator: ",", decimalComma: false, byteOrderMark: false)
    /// What Excel with German regional settings opens correctly by double-click: UTF-8 byte
    /// order mark, semicolon, decimal comma (`0,25`, `1,5E-05`).
    package static let excel = Dialect(separator: ";", decimalComma: true, byteOrderMark: true)
  }

  /// One row: every cell through ``field(_:)``, joined by the separator, ended by CRLF.
  package static func row(_ cells: [String], _ dialect: Dialect) -> String {
    cells.map(field).joined(separator: dialect.separator) + "\r\n"
  }

  /// A row whose cells are already written (numbers from ``number(_:_:)``, or cells passed
  /// through ``field(_:)``).
  package static func rawRow(_ cells: [String], _ dialect: Dialect) -> String {
    cells.joined(separator: dialect.separator) + "\r\n"
  }

  /// A number cell: Swift's shortest round-trip form (`0.25`, `3.0`, `1e-05`), with a decimal
  /// comma and an upper-case `E` in the Excel dialect (`0,25`, `1E-05`, as Excel writes it).
  /// Non-finite values are empty cells. Never needs neutralising: it starts with a digit or
  /// is a plain negative number.
  package static func number(_ x: Double, _ dialect: Dialect) -> String {
    guard x.isFinite else { return "" }
    let text = x == 0 ? "0.0" : "\(x)"
    guard dialect.decimalComma else { return text }
    return String(text.map { $0 == "." ? "," : $0 == "e" ? "E" : $0 })
  }
}
