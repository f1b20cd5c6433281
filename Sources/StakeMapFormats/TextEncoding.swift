import StakeMapText

/// What readers say about bytes that are not UTF-8: where the first bad byte is and what it
/// would have meant in Windows-1252, the usual culprit (files saved by older Office versions).
package enum TextEncoding {
  /// The offset of the first byte that is not part of valid UTF-8, or nil when all are. O(n).
  package static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return min(offset, max(bytes.count - 1, 0))
      }
    }
  }

  /// The character `byte` stands for in Windows-1252, for the bytes people meet in German text
  /// (umlauts, ß, €, typographic quotes and dashes); nil otherwise.
  package static func windows1252(_ byte: UInt8) -> Character? {
    switch byte {
    case 0xA0...0xFF: return Character(Unicode.Scalar(byte))
    case 0x80: return "€"
    case 0x84: return "„"
    case 0x93: return "“"
    case 0x94: return "”"
    case 0x96: return "–"
    case 0x97: return "—"
    default: return nil
    }
  }

  /// "the file is not UTF-8: byte 0xE4 ('ä' in Windows-1252) after "Gr" (save it as UTF-8 …)"
  /// as a catalogue sentence, with the 1-based line and column of the byte (columns count
  /// Unicode scalars).
  package static func notUTF8(_ bytes: [UInt8], at offset: Int) -> (
    line: Int, column: Int, sentence: Sentence
  ) {
    let position = bytes.withUnsafeBufferPointer { SyntaxError.position(ofByte: offset, in: $0) }
    let bad = bytes[offset]
    let meaning: Sentence.Value =
      windows1252(bad).map { .phrase(.diagnosticNotUTF8Meaning, ["character": .text(String($0))]) }
      ?? ""
    var start = max(0, offset - 24)
    while start < offset && bytes[start] & 0xC0 == 0x80 { start += 1 }
    let before = String(decoding: bytes[start..<offset], as: UTF8.self)
      .split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    let context: Sentence.Value = before.isEmpty ? "" : .phrase(.diagnosticNotUTF8After, ["text": .text(before)])
    return (
      position.line, position.column,
      Sentence(
        .diagnosticNotUTF8,
        [
          "byte": .text("0x" + String(bad, radix: 16, uppercase: true)), "meaning": meaning,
          "context": context,
        ])
    )
  }
}
