/// The resolution of a PNG file: its `pHYs` chunk (PNG specification, ISO/IEC 15948:2004,
/// §11.3.5.3), pixels per metre, so that office programs and print shops place a 300 dpi map
/// at its size (Graphviz's cairo PNG carries none: it would be shown at 72 or 96 dpi, three
/// to four times too large).
///
///     PNGDensity.setting(dpi: 300, in: png)   // inserts pHYs 11811 × 11811 px/m after IHDR
///     PNGDensity.dpi(of: png)                 // 299.9994 (11811 px/m)
///
/// - Complexity: O(bytes) (one copy; the CRC covers only the new chunk).
package enum PNGDensity {
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// `png` with a `pHYs` chunk for `dpi` (an existing one is replaced); other bytes are
  /// returned unchanged when they are not a PNG.
  package static func setting(dpi: Double, in png: [UInt8]) -> [UInt8] {
    guard png.count > 33, Array(png[0..<8]) == signature,
      png[12..<16].elementsEqual("IHDR".utf8)
    else { return png }
    let perMetre = UInt32((dpi / 0.0254).rounded())
    var chunk: [UInt8] = Array("pHYs".utf8)
    for _ in 0..<2 { chunk += bigEndian(perMetre) }
    chunk.append(1)  // unit: metre
    var out = Array(png[0..<33])  // signature + IHDR (4 length + 4 type + 13 data + 4 CRC)
    out += bigEndian(9) + chunk + bigEndian(crc32(chunk))
    var i = 33
    while i + 8 <= png.count {
      let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
      let end = min(png.count, i + 12 + length)
      if !png[(i + 4)..<(i + 8)].elementsEqual("pHYs".utf8) { out += png[i..<end] }
      i = end
    }
    return out
  }

  /// The resolution a PNG states, in dots per inch (nil: no `pHYs` in metres).
  package static func dpi(of png: [UInt8]) -> Double? {
    var i = 8
    while i + 8 <= png.count {
      let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
      if png[(i + 4)..<(i + 8)].elementsEqual("pHYs".utf8), i + 17 <= png.count, png[i + 16] == 1 {
        let x = Int(png[i + 8]) << 24 | Int(png[i + 9]) << 16 | Int(png[i + 10]) << 8 | Int(png[i + 11])
        return Double(x) * 0.0254
      }
      i += 12 + length
    }
    return nil
  }

  static func bigEndian(_ x: UInt32) -> [UInt8] {
    [UInt8(x >> 24), UInt8((x >> 16) & 0xFF), UInt8((x >> 8) & 0xFF), UInt8(x & 0xFF)]
  }

  /// CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320, reflected).
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
      crc ^= UInt32(b)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
