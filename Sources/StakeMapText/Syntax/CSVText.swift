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
