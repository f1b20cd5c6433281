/// Fixed-point numbers for people (tables, reports, findings), the same everywhere and in every
/// locale: so output is byte-identical and needs no Foundation formatter.
///
///     DecimalText.fixed(0.10546, places: 3)                      // "0.105"
///     DecimalText.fixed(0.10546, places: 3, decimalMark: ",")    // "0,105"
///     DecimalText.fixed(-2.5, places: 1, minus: "−")             // "−2.5"
///     DecimalText.fixed(1e19, places: 2)                         // "1e+19"
///
/// Values whose scaled magnitude leaves the exactly representable integers (above 2⁵³, e.g. a
/// tie weight of 1e19) are written in Swift's shortest round-trip form instead, so no input can
/// make the conversion to an integer trap. NaN and infinities give `nonFinite` ("–").
package enum DecimalText {
  package static func fixed(
    _ x: Double, places: Int, decimalMark: String = ".", minus: String = "-",
    nonFinite: String = "–"
  ) -> String {
    guard x.isFinite else { return nonFinite }
    var scale = 1.0
    for _ in 0..<max(0, places) { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9_007_199_254_740_992 else {  // 2^53
      let text = "\(abs(x))".replacingAll(".", with: decimalMark)
      return (x < 0 ? minus : "") + text
    }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    let whole = units / divisor
    var fraction = String(units % divisor)
    fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
    let sign = x < 0 && units != 0 ? minus : ""
    return sign + String(whole) + (places > 0 ? decimalMark + fraction : "")
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
