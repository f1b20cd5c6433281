/// RFC 4180 fields: quoted when they hold a comma, semicolon, quote, CR or LF (a quote is then
/// doubled). A leading `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so that spreadsheets do
/// not run the field as a formula (CSV injection).
package enum CSVText {
  package static func field(_ s: String) -> String {
    var s = s
    if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      s = "'" + s
    }
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
    else { return s }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      if scalar == "\"" { out += "\"" }
      out.unicodeScalars.append(scalar)
    }
    return out + "\""
  }
}
