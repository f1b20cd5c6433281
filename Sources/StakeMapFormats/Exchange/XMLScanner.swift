import StakeMapModel
import StakeMapText

/// A small, strict XML reader for the subset GraphML and GEXF use: elements, attributes,
/// text, CDATA, comments and processing instructions, UTF-8.
///
/// Safe by construction: a `<!DOCTYPE` is refused (so no DTD, no external entity and no
/// entity expansion can ever be loaded or multiplied), and only the five predefined entities
/// and numeric character references are known. Namespaces are not resolved: names are
/// compared by their local part (`gexf:node` and `node` alike), which is all these formats
/// need. Attribute values have tab, line feed and carriage return replaced by spaces (XML's
/// attribute-value normalisation; references such as `&#10;` stay line feeds), text has CRLF
/// and CR as LF.
///
/// Why not Foundation's `XMLParser`: on Linux it lives in FoundationXML, which links libxml2
/// into the binary and adds a module to every build, for a reader that would still need a
/// layer to give `file:line:column` for every element; this scanner is about 250 lines.
///
/// Every event carries the 1-based line and column (in Unicode scalars) where it starts; the
/// first error stops the scan (what follows a malformed tag cannot be trusted).
/// Complexity: O(bytes); one small allocation per attribute and text run.
struct XMLScanner {
  /// The value of the attribute `name` of a start tag, if it has one. O(attributes).
  static func attribute(_ attributes: [(name: String, value: String)], _ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  enum Event {
    case start(name: String, attributes: [(name: String, value: String)], empty: Bool)
    case end(name: String)
    case text(String)
  }

  struct Failure: Error {
    var line: Int
    var column: Int
    var sentence: Sentence
  }

  private let p: [UInt8]
  private var i = 0
  private var line = 1
  private var column = 1
  /// Line and column where the last event started.
  private(set) var eventLine = 1
  private(set) var eventColumn = 1
  private var open: [String] = []
  private var pendingEnd: String?
  private var sawRoot = false

  init(_ bytes: [UInt8]) {
    p = bytes
    if p.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
  }

  private func fail(_ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]) -> Failure {
    Failure(line: line, column: column, sentence: Sentence(phrase, arguments))
  }

  private var current: UInt8? { i < p.count ? p[i] : nil }

  /// Moves past one byte, keeping line and column.
  private mutating func advance() {
    let b = p[i]
    i += 1
    if b == 0x0A {
      line += 1
      column = 1
    } else if b == 0x0D {
      if current != 0x0A {
        line += 1
        column = 1
      }
    } else if b & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func skipSpace() {
    while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
  }

  private func startsWith(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard i + count <= p.count else { return false }
    let bytes = literal.utf8Start
    for k in 0..<count where p[i + k] != bytes[k] { return false }
    return true
  }

  private mutating func skipPast(_ literal: StaticString, unclosed: Phrase) throws(Failure) {
    let startLine = line
    let startColumn = column
    while i < p.count {
      if startsWith(literal) {
        for _ in 0..<literal.utf8CodeUnitCount { advance() }
        return
      }
      advance()
    }
    throw Failure(line: startLine, column: startColumn, sentence: Sentence(unclosed))
  }

  private func found() -> Sentence.Value {
    SyntaxError.describe(byte: current)
  }

  /// The next event, or nil at the end of a well-formed document.
  mutating func next() throws(Failure) -> Event? {
    if let name = pendingEnd {
      pendingEnd = nil
      return .end(name: name)
    }
    while true {
      eventLine = line
      eventColumn = column
      guard let b = current else {
        if let unclosed = open.last {
          throw fail(.exchangeXMLUnclosed, ["name": .text("<\(unclosed)>")])
        }
        if !sawRoot { throw fail(.exchangeXMLNoRoot) }
        return nil
      }
      if b != UInt8(ascii: "<") {
        let text = try self.text()
        if open.isEmpty {
          guard text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw Failure(
              line: eventLine, column: eventColumn,
              sentence: Sentence(.exchangeXMLTextOutside))
          }
          continue
        }
        return .text(text)
      }
      let second = i + 1 < p.count ? p[i + 1] : 0
      if second != UInt8(ascii: "?") && second != UInt8(ascii: "!") { return try tag() }
      if startsWith("<?") {
        try skipPast("?>", unclosed: .exchangeXMLUnclosedDeclaration)
        continue
      }
      if startsWith("<!--") {
        try skipPast("-->", unclosed: .exchangeXMLUnclosedComment)
        continue
      }
      if startsWith("<![CDATA[") {
        for _ in 0..<9 { advance() }
        let start = i
        try skipPast("]]>", unclosed: .exchangeXMLUnclosedCDATA)
        guard !open.isEmpty else { throw fail(.exchangeXMLTextOutside) }
        return .text(String(decoding: p[start..<(i - 3)], as: UTF8.self))
      }
      if startsWith("<!") {
        // DOCTYPE and anything else: never read, never expanded.
        throw fail(.exchangeXMLDoctype)
      }
      return try tag()
    }
  }

  /// A name's local part (`gexf:node` → `node`): namespaces are not resolved.
  private mutating func name() throws(Failure) -> String {
    let start = i
    var local = i
    while let b = current, !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D),
      b != UInt8(ascii: ">"), b != UInt8(ascii: "/"), b != UInt8(ascii: "="),
      b != UInt8(ascii: "<"), b != UInt8(ascii: "\""), b != UInt8(ascii: "'")
    {
      if b == UInt8(ascii: ":") { local = i + 1 }
      advance()
    }
    guard i > start, i > local else { throw fail(.exchangeXMLExpectedName, ["found": found()]) }
    return String(decoding: p[local..<i], as: UTF8.self)
  }

  private mutating func tag() throws(Failure) -> Event {
    advance()  // <
    if current == UInt8(ascii: "/") {
      advance()
      let closing = try name()
      skipSpace()
      guard current == UInt8(ascii: ">") else {
        throw fail(.exchangeXMLExpected, ["expected": "'>'", "found": found()])
      }
      advance()
      guard let opened = open.popLast() else {
        throw Failure(
          line: eventLine, column: eventColumn,
          sentence: Sentence(.exchangeXMLUnexpectedClose, ["name": .text("</\(closing)>")]))
      }
      guard opened == closing else {
        throw Failure(
          line: eventLine, column: eventColumn,
          sentence: Sentence(
            .exchangeXMLMismatch, ["found": .text("</\(closing)>"), "expected": .text("</\(opened)>")]))
      }
      return .end(name: closing)
    }
    if open.isEmpty && sawRoot {
      throw Failure(line: eventLine, column: eventColumn, sentence: Sentence(.exchangeXMLSecondRoot))
    }
    let element = try name()
    var attributes: [(name: String, value: String)] = []
    while true {
      skipSpace()
      guard let b = current else { throw fail(.exchangeXMLUnclosedTag, ["name": .text("<\(element)>")]) }
      if b == UInt8(ascii: ">") {
        advance()
        open.append(element)
        sawRoot = true
        return .start(name: element, attributes: attributes, empty: false)
      }
      if b == UInt8(ascii: "/") {
        advance()
        guard current == UInt8(ascii: ">") else {
          throw fail(.exchangeXMLExpected, ["expected": "'>'", "found": found()])
        }
        advance()
        sawRoot = true
        pendingEnd = element
        return .start(name: element, attributes: attributes, empty: true)
      }
      let attribute = try name()
      skipSpace()
      guard current == UInt8(ascii: "=") else {
        throw fail(.exchangeXMLExpected, ["expected": "'='", "found": found()])
      }
      advance()
      skipSpace()
      guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        throw fail(.exchangeXMLExpected, ["expected": "'\"'", "found": found()])
      }
      advance()
      let value = try characters(until: quote, attribute: true)
      advance()  // closing quote
      attributes.append((attribute, value))
    }
  }

  private mutating func text() throws(Failure) -> String {
    try characters(until: UInt8(ascii: "<"), attribute: false)
  }

  /// Characters up to `end` (not consumed), references decoded. In an attribute value a `<`
  /// is an error and white-space characters become spaces.
  private mutating func characters(until end: UInt8, attribute: Bool) throws(Failure) -> String {
    var out: [UInt8] = []
    var ascii = true
    while let b = current, b != end {
      // A run of plain bytes at once (no reference, no line end, no `<`).
      if b >= 0x20 && b != UInt8(ascii: "&") && b != UInt8(ascii: "<") {
        let start = i
        var k = i
        while k < p.count {
          let c = p[k]
          if c < 0x20 || c == end || c == UInt8(ascii: "&") || c == UInt8(ascii: "<") { break }
          if c >= 0x80 {
            ascii = false
            if c & 0xC0 != 0x80 { column += 1 }
          } else {
            column += 1
          }
          k += 1
        }
        out.append(contentsOf: p[start..<k])
        i = k
        continue
      }
      if b >= 0x80 { ascii = false }
      switch b {
      case UInt8(ascii: "&"):
        out.append(contentsOf: try reference())
      case UInt8(ascii: "<"):
        throw fail(.exchangeXMLExpected, ["expected": "'\"'", "found": found()])
      case 0x0D:
        advance()
        if attribute {
          out.append(0x20)
          if current == 0x0A { advance() }
        } else if current != 0x0A {
          out.append(0x0A)
        }
      case 0x09, 0x0A:
        advance()
        out.append(attribute ? 0x20 : b)
      default:
        out.append(b)
        advance()
      }
    }
    if attribute && current == nil {
      throw fail(.exchangeXMLUnclosedTag, ["name": .text(open.last.map { "<\($0)>" } ?? "<>")])
    }
    if ascii { return String(decoding: out, as: UTF8.self) }
    // Invalid UTF-8 is refused rather than imported as U+FFFD.
    guard let text = String(validating: out, as: UTF8.self) else { throw fail(.exchangeXMLNotUTF8) }
    return text
  }

  /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` as UTF-8 bytes.
  private mutating func reference() throws(Failure) -> [UInt8] {
    let startLine = line
    let startColumn = column
    advance()  // &
    let start = i
    while let b = current, b != UInt8(ascii: ";"), i - start < 12 { advance() }
    let body = String(decoding: p[start..<i], as: UTF8.self)
    guard current == UInt8(ascii: ";") else {
      throw Failure(
        line: startLine, column: startColumn,
        sentence: Sentence(.exchangeXMLEntity, ["name": .quoted("&" + body)]))
    }
    advance()
    let scalar: Unicode.Scalar?
    switch body {
    case "lt": scalar = "<"
    case "gt": scalar = ">"
    case "amp": scalar = "&"
    case "quot": scalar = "\""
    case "apos": scalar = "'"
    default:
      if body.hasPrefix("#x") || body.hasPrefix("#X") {
        scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
      } else if body.hasPrefix("#") {
        scalar = UInt32(body.dropFirst(1)).flatMap(Unicode.Scalar.init)
      } else {
        scalar = nil
      }
    }
    guard let scalar, scalar.value != 0 else {
      throw Failure(
        line: startLine, column: startColumn,
        sentence: Sentence(.exchangeXMLEntity, ["name": .quoted("&" + body + ";")]))
    }
    return Array(String(Character(scalar)).utf8)
  }
}
