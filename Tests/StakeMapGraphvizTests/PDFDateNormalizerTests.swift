import Testing

@_spi(Testing) import StakeMapGraphviz

/// cairo 1.16 writes the local wall-clock time as `/CreationDate`, whose length depends on the
/// time zone. The normaliser must give the same bytes for every zone and keep offsets valid.
@Suite("PDF date normalisation")
struct PDFDateNormalizerTests {
  /// A small classic-xref PDF shaped like cairo's: Info object near the end, followed by the
  /// catalog, then the xref table and trailer.
  static func pdf(info: String) -> [UInt8] {
    let objects = [
      "<< /Type /Pages\n   /Kids [ ]\n   /Count 0\n>>",
      "<< /Length 0 >>\nstream\n\nendstream",
      info,
      "<< /Type /Catalog\n   /Pages 1 0 R\n>>",
    ]
    var out = "%PDF-1.5\n%\u{B5}\u{ED}\u{AE}\u{FB}\n"
    var offsets: [Int] = []
    for (index, body) in objects.enumerated() {
      offsets.append(out.utf8.count)
      out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      let digits = String(offset)
      out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
    }
    out += "trailer\n<< /Size \(objects.count + 1)\n   /Root 4 0 R\n   /Info 3 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(out.utf8)
  }

  static func info(_ date: String, modDate: String? = nil) -> String {
    "<< /Producer (cairo 1.16.0 (https://cairographics.org))\n   /CreationDate (\(date))\n"
      + (modDate.map { "   /ModDate (\($0))\n" } ?? "") + ">>"
  }

  @Test("every time zone's date normalises to the same bytes", arguments: [
    "D:20261121072213Z", "D:20261121082225+01'00", "D:20261121022225-05'00",
    "D:20261121125225+05'30'", "D:2026",
  ])
  func timeZones(_ date: String) throws {
    let expected = Self.pdf(info: Self.info(PDFDateNormalizer.fixedDate))
    let normalized = try #require(PDFDateNormalizer.normalize(Self.pdf(info: Self.info(date))))
    #expect(normalized == expected)
    #expect(PDFStructure.isConsistent(normalized))
  }

  @Test("ModDate is normalised too")
  func modDate() throws {
    let input = Self.pdf(info: Self.info("D:20261121082225+01'00", modDate: "D:20261121082226+01'00"))
    let normalized = try #require(PDFDateNormalizer.normalize(input))
    let fixed = PDFDateNormalizer.fixedDate
    #expect(normalized == Self.pdf(info: Self.info(fixed, modDate: fixed)))
    #expect(PDFStructure.isConsistent(normalized))
  }

  @Test("without dates the file is unchanged; without structure the result is nil")
  func edgeCases() {
    let plain = Self.pdf(info: "<< /Producer (x) >>")
    #expect(PDFDateNormalizer.normalize(plain) == plain)
    #expect(PDFDateNormalizer.normalize(Array("not a pdf".utf8)) == nil)
    #expect(PDFDateNormalizer.normalize([]) == nil)
    var truncated = Self.pdf(info: Self.info("D:20261121072213Z"))
    truncated.removeLast(60)
    #expect(PDFDateNormalizer.normalize(truncated) == nil)
  }

  @Test("a real render is normalised and structurally consistent")
  func realRender() throws {
    let bytes = try Graphviz.render(Fixtures.stakeholderMap(), format: .pdf).bytes
    #expect(String(decoding: bytes, as: UTF8.self).contains("/CreationDate (D:19700101000000Z)"))
    #expect(PDFStructure.isConsistent(bytes))
  }
}
