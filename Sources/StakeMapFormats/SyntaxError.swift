import StakeMapText

/// Why a YAML or JSON parser stopped, and where (1-based line and column, columns in Unicode
/// scalars). A parser stops at its first syntax error: what follows it cannot be trusted.
package struct SyntaxError: Error, Sendable, Equatable {
  var line: Int
  var column: Int
  /// The message as a catalogue phrase with its arguments (see ``Sentence``).
  var sentence: Sentence
  /// The message in English.
  var message: String { sentence.text(in: .en) }

  init(line: Int, column: Int, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]) {
    self.init(line: line, column: column, sentence: Sentence(phrase, arguments))
  }

  init(line: Int, column: Int, sentence: Sentence) {
    self.line = line
    self.column = column
    self.sentence = sentence
  }

  /// A message that is the same in every language.
  init(line: Int, column: Int, message: String) {
    self.init(line: line, column: column, .diagnosticPlain, ["text": .text(message)])
  }

  package static func == (a: SyntaxError, b: SyntaxError) -> Bool {
    a.line == b.line && a.column == b.column && a.message == b.message
  }

  /// The 1-based line and column of byte `offset` of UTF-8 `bytes`, for errors that a parser
  /// knows only by offset (e.g. libyaml's invalid-UTF-8 errors). O(offset).
  package static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    line: Int, column: Int
  ) {
    var line = 1
    var column = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      let byte = bytes[i]
      if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }

  /// A byte as a message shows it: `'x'` when printable ASCII, else `U+XXXX`/`byte 0xXX`.
  static func describe(byte: UInt8?) -> Sentence.Value {
    guard let byte else { return .phrase(.diagnosticFoundEndOfFile) }
    switch byte {
    case 0x0A: return .phrase(.diagnosticFoundEndOfLine)
    case 0x27: return .text("\"'\"")
    case 0x21...0x7E: return .text("'\(Character(Unicode.Scalar(byte)))'")
    case 0x20: return .text("' '")
    case 0x80...: return .text("byte 0x\(String(byte, radix: 16, uppercase: true))")
    default:
      return .text("U+\(hex(UInt32(byte), width: 4))")
    }
  }

  /// Upper-case hexadecimal, zero-padded to `width` digits.
  static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
