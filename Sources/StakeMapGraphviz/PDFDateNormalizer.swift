/// Makes cairo's PDF output reproducible by fixing the dates in its Info dictionary.
///
/// Measured on this machine (Graphviz 2.42.2, cairo 1.16.0): two PDF renders of the same graph
/// differ only in `/CreationDate (D:20261121072213Z)`, the wall-clock time. cairo 1.16 ignores
/// `SOURCE_DATE_EPOCH` (tried), and writes the date in *local* time, so its length depends on
/// the time zone: `Z` under UTC, `+01'00` in Berlin, `+05'30` in Kolkata. A same-length
/// overwrite would still leave files that differ between machines, so this rewrites the value
/// to `D:19700101000000Z` (the reproducible-builds epoch) and shifts the byte offsets in the
/// classic cross-reference table and `startxref` by the length difference.
///
/// It touches only the object the trailer's `/Info` points to, and only `/CreationDate` and
/// `/ModDate` string values in it. If the file does not have the expected classic-xref
/// structure, ``normalize(_:)`` returns `nil` and the caller keeps the original bytes.
///
/// - Complexity: O(*n*) in the file size.
/// - SeeAlso: PDF 1.7 (ISO 32000-1) §7.5.4 "Cross-Reference Table", §14.3.3 "Document
///   Information Dictionary".
@_spi(Testing) public enum PDFDateNormalizer {
  /// The date every normalised file carries.
  package static let fixedDate = "D:19700101000000Z"

  /// Returns `pdf` with fixed Info dates and consistent offsets, `pdf` unchanged if the Info
  /// dictionary has no dates, or `nil` if the structure is not understood.
  package static func normalize(_ pdf: [UInt8]) -> [UInt8]? {
    // startxref → position of the xref table.
    guard let startxrefKeyword = lastIndex(of: "startxref", in: pdf),
      let (xrefPosition, xrefNumberRange) = integer(in: pdf, after: startxrefKeyword + 9),
      matches("xref", in: pdf, at: xrefPosition)
    else { return nil }

    // The classic table: subsections of "first count" followed by 20-byte entries.
    var entries: [(object: Int, offset: Int, position: Int)] = []
    var cursor = skipWhitespace(pdf, xrefPosition + 4)
    while !matches("trailer", in: pdf, at: cursor) {
      guard let (first, firstRange) = integer(in: pdf, after: cursor),
        let (count, countRange) = integer(in: pdf, after: firstRange.upperBound),
        firstRange.upperBound <= countRange.lowerBound
      else { return nil }
      cursor = skipWhitespace(pdf, countRange.upperBound)
      for index in 0..<count {
        guard cursor + 20 <= pdf.count, let offset = digits(pdf, cursor..<(cursor + 10)) else {
          return nil
        }
        if pdf[cursor + 17] == UInt8(ascii: "n") {
          entries.append((first + index, offset, cursor))
        }
        cursor += 20
      }
      cursor = skipWhitespace(pdf, cursor)
    }

    // trailer /Info N G R → the Info object's byte range.
    guard let infoKey = firstIndex(of: "/Info", in: pdf, from: cursor),
      let (infoObject, _) = integer(in: pdf, after: infoKey + 5),
      let infoOffset = entries.first(where: { $0.object == infoObject })?.offset,
      infoOffset < pdf.count,
      let endObject = firstIndex(of: "endobj", in: pdf, from: infoOffset)
    else { return nil }

    // Rewrite the date values inside the Info object.
    var object = Array(pdf[infoOffset..<endObject])
    var changed = false
    for key in ["/CreationDate", "/ModDate"] {
      guard let keyIndex = firstIndex(of: key, in: object, from: 0) else { continue }
      let open = skipWhitespace(object, keyIndex + key.utf8.count)
      guard open < object.count, object[open] == UInt8(ascii: "("),
        let close = object[open...].firstIndex(of: UInt8(ascii: ")"))
      else { return nil }
      object.replaceSubrange((open + 1)..<close, with: Array(fixedDate.utf8))
      changed = true
    }
    guard changed else { return pdf }
    let delta = object.count - (endObject - infoOffset)

    var output = Array(pdf[..<infoOffset]) + object + Array(pdf[endObject...])
    func moved(_ position: Int) -> Int { position > infoOffset ? position + delta : position }

    for entry in entries where entry.offset > infoOffset {
      let text = Array(String(entry.offset + delta).utf8)
      guard text.count <= 10 else { return nil }
      let position = moved(entry.position)
      output.replaceSubrange(
        position..<(position + 10), with: Array(repeating: UInt8(ascii: "0"), count: 10 - text.count) + text)
    }
    let numberRange = moved(xrefNumberRange.lowerBound)..<moved(xrefNumberRange.upperBound)
    output.replaceSubrange(numberRange, with: Array(String(moved(xrefPosition)).utf8))
    return output
  }

  // MARK: - Byte scanning

  private static func matches(_ keyword: String, in bytes: [UInt8], at position: Int) -> Bool {
    let pattern = Array(keyword.utf8)
    guard position >= 0, position + pattern.count <= bytes.count else { return false }
    return bytes[position..<(position + pattern.count)].elementsEqual(pattern)
  }

  private static func firstIndex(of keyword: String, in bytes: [UInt8], from start: Int) -> Int? {
    let pattern = Array(keyword.utf8)
    guard start >= 0, bytes.count >= pattern.count else { return nil }
    var index = start
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0] && matches(keyword, in: bytes, at: index) { return index }
      index += 1
    }
    return nil
  }

  private static func lastIndex(of keyword: String, in bytes: [UInt8]) -> Int? {
    let pattern = Array(keyword.utf8)
    var index = bytes.count - pattern.count
    while index >= 0 {
      if bytes[index] == pattern[0] && matches(keyword, in: bytes, at: index) { return index }
      index -= 1
    }
    return nil
  }

  private static func skipWhitespace(_ bytes: [UInt8], _ start: Int) -> Int {
    var index = start
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00].contains(bytes[index]) {
      index += 1
    }
    return index
  }

  /// The unsigned integer after optional whitespace, and the range of its digits.
  private static func integer(in bytes: [UInt8], after start: Int) -> (Int, Range<Int>)? {
    let begin = skipWhitespace(bytes, start)
    var end = begin
    while end < bytes.count, (0x30...0x39).contains(bytes[end]), end - begin < 18 { end += 1 }
    guard end > begin, let value = digits(bytes, begin..<end) else { return nil }
    return (value, begin..<end)
  }

  private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var value = 0
    for byte in bytes[range] {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}
