import StakeMapText

/// A strict JSON parser (RFC 8259) into a ``DocumentTree``, with the line and column of every
/// value and of the first error.
///
/// Strict: one top-level value; no comments, trailing commas, single quotes, `NaN` or leading
/// zeros; strings must be valid UTF-8 without raw control characters; `\u` escapes must pair
/// surrogates. Nesting is limited to ``maxDepth`` levels. The parser is iterative (no recursion
/// per level) and copies string bytes in runs, so it is O(input bytes) with a small constant.
///
/// Columns count Unicode scalars: multi-byte UTF-8 can occur only inside strings, where the
/// parser validates it anyway and counts its continuation bytes since the start of the line.
///
/// Streaming: with a ``DocumentTreeSink`` the tree holds one top-level value or list element at
/// a time (see ``DocumentTreeBuilder``); the parser reports its progress to a
/// ``ConsumedInput`` at the end of every array and object (it never reads behind that point
/// again), and stops early when the sink gives up.
struct JSONParser {
  static let maxDepth = 1000

  private let p: UnsafeBufferPointer<UInt8>
  private var i = 0
  private var line = 1
  private var lineStart = 0
  /// UTF-8 continuation bytes between `lineStart` and `i`; column = bytes - these + 1.
  private var continuationBytes = 0
  private var builder: DocumentTreeBuilder
  /// Open containers, innermost last: true for an object.
  private var openObjects: [Bool] = []
  private let consumed: ConsumedInput?

  private init(
    _ input: UnsafeBufferPointer<UInt8>, sink: (any DocumentTreeSink)?, consumed: ConsumedInput?
  ) {
    p = input
    builder = DocumentTreeBuilder(expectedBytes: input.count, sink: sink)
    self.consumed = consumed
  }

  /// The tree of `input`, or its first syntax error. With a `sink`, the tree holds only what
  /// the sink kept (see ``DocumentTreeSink``); `consumed` learns how far the parse has read.
  static func parse(
    _ input: UnsafeBufferPointer<UInt8>, sink: (any DocumentTreeSink)? = nil,
    consumed: ConsumedInput? = nil
  ) -> Result<DocumentTree, SyntaxError> {
    var parser = JSONParser(input, sink: sink, consumed: consumed)
    do {
      try parser.document()
      return .success(parser.builder.finish())
    } catch {
      return .failure(error)
    }
  }

  private var column: Int { i - lineStart - continuationBytes + 1 }

  private func fail(_ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]) -> SyntaxError {
    SyntaxError(line: line, column: column, phrase, arguments)
  }

  private var current: UInt8? { i < p.count ? p[i] : nil }

  /// The character at `i` for a message: `'x'`, `'ä'`, `end of file`, `byte 0xFF`.
  private func found() -> Sentence.Value {
    guard i < p.count else { return .phrase(.diagnosticFoundEndOfFile) }
    if p[i] >= 0x80, let (scalar, _) = decodeScalar(at: i) {
      return .text("'\(Character(scalar))'")
    }
    return SyntaxError.describe(byte: p[i])
  }

  private mutating func skipWhitespace() {
    while i < p.count {
      switch p[i] {
      case 0x20, 0x09:
        i += 1
      case 0x0A:
        i += 1
        newLine()
      case 0x0D:
        i += 1
        if i < p.count && p[i] == 0x0A { continue }
        newLine()
      default:
        return
      }
    }
  }

  private mutating func newLine() {
    line += 1
    lineStart = i
    continuationBytes = 0
  }

  // MARK: - Structure

  private mutating func document() throws(SyntaxError) {
    skipWhitespace()
    var expectValue = true
    while true {
      // The sink gave up; the caller reads the input again as a whole tree.
      if builder.stopped { return }
      if expectValue {
        expectValue = try value()
        continue
      }
      skipWhitespace()
      guard let isObject = openObjects.last else { break }
      let c = current
      if c == UInt8(ascii: ",") {
        i += 1
        skipWhitespace()
        if isObject { try member() }
        expectValue = true
      } else if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
        i += 1
        builder.end()
        openObjects.removeLast()
        consumed?.advance(to: i)
      } else if isObject {
        throw fail(.diagnosticJSONExpectedCommaBrace, ["found": found()])
      } else {
        throw fail(.diagnosticJSONExpectedCommaBracket, ["found": found()])
      }
    }
    if i < p.count {
      throw fail(.diagnosticJSONExpectedEnd, ["found": found()])
    }
  }

  /// Parses a scalar, or opens a container (and, for a non-empty object, reads its first key).
  /// Returns whether a value must follow: the first element or member value of a container just
  /// opened. `document()` carries on with the rest of an open container, so nesting costs no
  /// recursion.
  private mutating func value() throws(SyntaxError) -> Bool {
    let (line, column) = (self.line, self.column)
    guard let c = current else { throw fail(.diagnosticJSONExpectedValueAtEnd) }
    switch c {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let isObject = c == UInt8(ascii: "{")
      guard openObjects.count < Self.maxDepth else {
        throw fail(.diagnosticJSONTooDeep, ["depth": .number(Self.maxDepth)])
      }
      i += 1
      builder.begin(isObject ? .mapping : .sequence, line: line, column: column)
      openObjects.append(isObject)
      skipWhitespace()
      if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
        i += 1
        builder.end()
        openObjects.removeLast()
        return false
      }
      if isObject { try member() }
      return true
    case UInt8(ascii: "\""):
      let start = builder.textCount
      try string()
      builder.scalar(textStart: start, type: .string, quoted: true, line: line, column: column)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number(line: line, column: column)
    case UInt8(ascii: "t"):
      try literal("true", type: .bool, line: line, column: column)
    case UInt8(ascii: "f"):
      try literal("false", type: .bool, line: line, column: column)
    case UInt8(ascii: "n"):
      try literal("null", type: .null, line: line, column: column)
    default:
      throw fail(.diagnosticJSONExpectedValue, ["found": found()])
    }
    return false
  }

  /// A member's key and colon; whitespace after the colon is skipped.
  private mutating func member() throws(SyntaxError) {
    guard current == UInt8(ascii: "\"") else {
      throw fail(.diagnosticJSONExpectedMemberName, ["found": found()])
    }
    let (line, column) = (self.line, self.column)
    let start = builder.textCount
    try string()
    builder.scalar(textStart: start, type: .string, quoted: true, line: line, column: column)
    skipWhitespace()
    guard current == UInt8(ascii: ":") else {
      throw fail(.diagnosticJSONExpectedColon, ["found": found()])
    }
    i += 1
    skipWhitespace()
  }

  private mutating func literal(
    _ word: StaticString, type: DocumentTree.ScalarType, line: Int, column: Int
  ) throws(SyntaxError) {
    let n = word.utf8CodeUnitCount
    var k = 0
    while k < n, i + k < p.count, p[i + k] == word.utf8Start[k] { k += 1 }
    guard k == n else {
      i += k
      throw fail(.diagnosticJSONExpectedWord, ["word": .text("\(word)"), "found": found()])
    }
    let start = builder.textCount
    builder.appendText(UnsafeBufferPointer(start: word.utf8Start, count: n))
    i += n
    builder.scalar(textStart: start, type: type, quoted: false, line: line, column: column)
  }

  private mutating func number(line: Int, column: Int) throws(SyntaxError) {
    let start = i
    func isDigit(_ c: UInt8?) -> Bool { c.map { $0 &- UInt8(ascii: "0") < 10 } ?? false }
    if current == UInt8(ascii: "-") { i += 1 }
    if current == UInt8(ascii: "0") {
      i += 1
      if isDigit(current) { throw fail(.diagnosticJSONLeadingZeros) }
    } else if isDigit(current) {
      while isDigit(current) { i += 1 }
    } else {
      throw fail(.diagnosticJSONDigitAfterMinus, ["found": found()])
    }
    var type = DocumentTree.ScalarType.int
    if current == UInt8(ascii: ".") {
      i += 1
      type = .float
      guard isDigit(current) else {
        throw fail(.diagnosticJSONDigitAfterPoint, ["found": found()])
      }
      while isDigit(current) { i += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      i += 1
      type = .float
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
      guard isDigit(current) else {
        throw fail(.diagnosticJSONDigitInExponent, ["found": found()])
      }
      while isDigit(current) { i += 1 }
    }
    builder.scalar(
      UnsafeBufferPointer(rebasing: p[start..<i]), type: type, quoted: false, line: line,
      column: column)
  }

  // MARK: - Strings

  /// Reads a string starting at its opening quote and appends its decoded bytes to the text.
  private mutating func string() throws(SyntaxError) {
    let (openLine, openColumn) = (line, column)
    i += 1
    while true {
      // Copy the longest run of plain bytes at once; only quotes, escapes, control bytes and
      // invalid UTF-8 stop it.
      let run = i
      while i < p.count {
        let c = p[i]
        if c < 0x80 {
          if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
          i += 1
        } else {
          guard let (_, length) = decodeScalar(at: i) else {
            throw fail(.diagnosticJSONInvalidUTF8, ["byte": SyntaxError.describe(byte: c)])
          }
          i += length
          continuationBytes += length - 1
        }
      }
      builder.appendText(UnsafeBufferPointer(rebasing: p[run..<i]))
      guard let c = current else {
        throw SyntaxError(line: openLine, column: openColumn, .diagnosticJSONUnterminatedString)
      }
      switch c {
      case UInt8(ascii: "\""):
        i += 1
        return
      case UInt8(ascii: "\\"):
        try escape()
      case 0x0A, 0x0D:
        throw fail(.diagnosticJSONLineBreak)
      default:
        throw fail(
          .diagnosticJSONControlCharacter, ["code": .text(SyntaxError.hex(UInt32(c), width: 4))])
      }
    }
  }

  private mutating func escape() throws(SyntaxError) {
    i += 1
    guard let c = current else { throw fail(.diagnosticJSONUnterminatedString) }
    let simple: UInt8?
    switch c {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = c
    case UInt8(ascii: "b"): simple = 0x08
    case UInt8(ascii: "f"): simple = 0x0C
    case UInt8(ascii: "n"): simple = 0x0A
    case UInt8(ascii: "r"): simple = 0x0D
    case UInt8(ascii: "t"): simple = 0x09
    case UInt8(ascii: "u"): simple = nil
    case 0x21...0x7E:
      let escaped = Character(Unicode.Scalar(c))
      i -= 1
      throw fail(.diagnosticJSONInvalidEscape, ["escaped": .text(String(escaped))])
    default:
      let what = found()
      i -= 1
      throw fail(.diagnosticJSONInvalidEscapeFollowed, ["found": what])
    }
    if let simple {
      i += 1
      builder.appendText(byte: simple)
      return
    }
    i -= 1  // errors point at the backslash
    var code = try hex4(at: i + 2)
    var length = 6
    if code >= 0xDC00 && code <= 0xDFFF {
      throw fail(.diagnosticJSONUnpairedLow, ["code": .text(SyntaxError.hex(code, width: 4))])
    }
    if code >= 0xD800 && code <= 0xDBFF {
      guard i + 7 < p.count, p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u") else {
        throw fail(.diagnosticJSONHighWithoutLow, ["code": .text(SyntaxError.hex(code, width: 4))])
      }
      let low = try hex4(at: i + 8)
      guard low >= 0xDC00 && low <= 0xDFFF else {
        throw fail(
          .diagnosticJSONHighWrongLow,
          [
            "code": .text(SyntaxError.hex(code, width: 4)),
            "low": .text(SyntaxError.hex(low, width: 4)),
          ])
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
      length = 12
    }
    for unit in UTF8.encode(Unicode.Scalar(code)!)! {
      builder.appendText(byte: unit)
    }
    i += length
  }

  /// Four hex digits at `at` (after `\u`); errors point at the escape's backslash.
  private func hex4(at start: Int) throws(SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for k in start..<start + 4 {
      guard k < p.count, let digit = Character(Unicode.Scalar(p[k])).hexDigitValue else {
        throw fail(.diagnosticJSONInvalidUEscape)
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The scalar encoded at `k` and its length in bytes, or nil for invalid UTF-8 (overlong
  /// forms, surrogates, values above U+10FFFF, truncated sequences).
  private func decodeScalar(at k: Int) -> (Unicode.Scalar, Int)? {
    let lead = p[k]
    let length: Int
    var value: UInt32
    var minimum: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value, minimum) = (2, UInt32(lead & 0x1F), 0x80)
    case 0xE0...0xEF: (length, value, minimum) = (3, UInt32(lead & 0x0F), 0x800)
    case 0xF0...0xF4: (length, value, minimum) = (4, UInt32(lead & 0x07), 0x10000)
    default: return nil
    }
    guard k + length <= p.count else { return nil }
    for j in 1..<length {
      let byte = p[k + j]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}
