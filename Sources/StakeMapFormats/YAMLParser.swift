internal import CYAML
import StakeMapText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses YAML into a ``DocumentTree`` with libyaml's event API (`yaml_parser_parse`), which
/// gives the position of every scalar and collection (the document API would not be faster and
/// would build libyaml's own tree first).
///
/// Conventions:
/// - One document per file; a second document is an error.
/// - Plain scalars are typed by the YAML 1.2 core schema (`~`, `null`, empty: null; `true`,
///   `false`; decimal, `0o`, `0x` integers; floats with `.inf` and `.nan`); quoted and block
///   scalars, and scalars tagged `!!str`, are strings. Other tags are ignored.
/// - An alias is its anchored node (the tree shares it). An alias of a collection that contains
///   it (a cycle) is an error, and so are aliases that would expand the document by more than
///   ``aliasExpansionLimit`` nodes ("billion laughs"): whoever walks the tree walks the expansion.
/// - Positions: libyaml's marks are 0-based and count characters (it advances `column` once per
///   character however many bytes it has), so line + 1 and column + 1 are the 1-based line and
///   Unicode-scalar column.
///
/// Streaming: with a ``DocumentTreeSink`` the tree holds one top-level value or list element at
/// a time (see ``DocumentTreeBuilder``); anchored nodes are kept, so that an alias anywhere later
/// still names them. Whenever libyaml has taken more input (16 kB at a time), the parser reports
/// to a ``ConsumedInput`` how far it has read (libyaml never reads behind that point again), and
/// it stops early when the sink gives up.
///
/// Complexity: O(input bytes + alias uses); the tree takes about 20 bytes per node plus the text.
enum YAMLParser {
  /// How many nodes aliases may add in all, counting each alias as the size of what it names.
  static let aliasExpansionLimit = 1_000_000

  /// How deep collections may nest. A network file needs five levels; libyaml's scanner costs
  /// time quadratic in the flow nesting depth (120 kB of `[` took 23 s), so reading stops at
  /// the first collection deeper than this, as the JSON reader does.
  static let maxDepth = 200

  /// The tree of `input`, or its first syntax error. With a `sink`, the tree holds only what
  /// the sink kept (see ``DocumentTreeSink``); `consumed` learns how far the parse has read.
  static func parse(
    _ input: UnsafeBufferPointer<UInt8>, sink: (any DocumentTreeSink)? = nil,
    consumed: ConsumedInput? = nil
  ) -> Result<DocumentTree, SyntaxError> {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else {
      return .failure(SyntaxError(line: 1, column: 1, .diagnosticYAMLOutOfMemory))
    }
    defer { yaml_parser_delete(&parser) }
    // libyaml wants a non-null pointer even for an empty input.
    let empty: [UInt8] = [0]
    return empty.withUnsafeBufferPointer { emptyBuffer in
      let base = input.baseAddress ?? emptyBuffer.baseAddress!
      yaml_parser_set_input_string(&parser, base, input.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      return run(&parser, input, base: base, sink: sink, consumed: consumed)
    }
  }

  private static func run(
    _ parser: inout yaml_parser_t, _ input: UnsafeBufferPointer<UInt8>,
    base: UnsafePointer<UInt8>, sink: (any DocumentTreeSink)?, consumed: ConsumedInput?
  ) -> Result<DocumentTree, SyntaxError> {
    var builder = DocumentTreeBuilder(expectedBytes: input.count, sink: sink)
    // Anchor name -> node and its expanded size; size nil while the anchored collection is open.
    var anchors: [String: (node: Int, size: Int?)] = [:]
    // Per open collection: its expanded size so far, and its anchor.
    var sizes: [Int] = []
    var openAnchors: [String?] = []
    var aliasExpansion = 0
    var documents = 0
    var event = yaml_event_t()
    // libyaml places an empty value (`name:`) at the next token, often on a later line; it is
    // placed instead where the previous event ended, at the colon it follows.
    var previousEnd = (line: 1, column: 1)
    var lastRead = base

    func add(size: Int) {
      if !sizes.isEmpty { sizes[sizes.count - 1] += size }
    }

    while true {
      guard yaml_parser_parse(&parser, &event) != 0 else {
        return .failure(error(of: parser, input))
      }
      defer {
        previousEnd = (Int(event.end_mark.line) + 1, Int(event.end_mark.column) + 1)
        yaml_event_delete(&event)
        // libyaml takes its input 16 kB at a time: report only when it took more.
        if let consumed, let current = parser.input.string.current, current != lastRead {
          lastRead = current
          consumed.advance(to: current - base)
        }
      }
      // The sink gave up; the caller reads the input again as a whole tree.
      if builder.stopped { return .success(builder.finish()) }
      var line = Int(event.start_mark.line) + 1
      var column = Int(event.start_mark.column) + 1

      switch event.type {
      case YAML_STREAM_END_EVENT:
        return .success(builder.finish())

      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return .failure(
            SyntaxError(line: line, column: column, .diagnosticYAMLSecondDocument))
        }

      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        if scalar.length == 0 && scalar.style == YAML_PLAIN_SCALAR_STYLE {
          (line, column) = previousEnd
        }
        let type: DocumentTree.ScalarType
        if scalar.style == YAML_PLAIN_SCALAR_STYLE && !isStringTag(scalar.tag) {
          type = plainScalarType(bytes)
        } else {
          type = .string
        }
        let id = builder.scalar(
          bytes, type: type, quoted: scalar.style != YAML_PLAIN_SCALAR_STYLE, line: line,
          column: column, anchored: scalar.anchor != nil)
        if let anchor = scalar.anchor {
          anchors[String(cString: anchor)] = (id, 1)
        }
        add(size: 1)

      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isSequence = event.type == YAML_SEQUENCE_START_EVENT
        let anchorPointer =
          isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
        let id = builder.begin(
          isSequence ? .sequence : .mapping, line: line, column: column,
          anchored: anchorPointer != nil)
        let anchor = anchorPointer.map { String(cString: $0) }
        if let anchor { anchors[anchor] = (id, nil) }
        if sizes.count >= maxDepth {
          return .failure(
            SyntaxError(
              line: line, column: column, .diagnosticYAMLTooDeep, ["depth": .number(maxDepth)]))
        }
        sizes.append(1)
        openAnchors.append(anchor)

      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        let id = builder.end()
        let size = sizes.removeLast()
        // Unless the same name was anchored again inside: the later anchor is the one in force.
        if let anchor = openAnchors.removeLast(), anchors[anchor]?.node == id {
          anchors[anchor]?.size = size
        }
        add(size: size)

      case YAML_ALIAS_EVENT:
        let name = String(cString: event.data.alias.anchor)
        guard let (node, size) = anchors[name] else {
          return .failure(
            SyntaxError(line: line, column: column, .diagnosticYAMLUnknownAlias, ["name": .text(name)]))
        }
        guard let size else {
          return .failure(
            SyntaxError(
              line: line, column: column, .diagnosticYAMLRecursiveAlias, ["name": .text(name)]))
        }
        aliasExpansion += size
        if aliasExpansion > aliasExpansionLimit {
          return .failure(
            SyntaxError(
              line: line, column: column, .diagnosticYAMLAliasBomb,
              ["limit": .number(aliasExpansionLimit)]))
        }
        builder.reuse(node)
        add(size: size)

      default:
        break  // stream start, document end, and YAML_NO_EVENT carry nothing for the tree.
      }
    }
  }

  private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
    guard let tag else { return false }
    return strcmp(
      UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:str")
      == 0
  }

  /// A libyaml error as a ``SyntaxError``: "problem (context at line:column)" at the problem's
  /// mark. Reader errors (bad UTF-8, control characters) have a byte offset instead of a mark.
  private static func error(of parser: yaml_parser_t, _ input: UnsafeBufferPointer<UInt8>)
    -> SyntaxError
  {
    let problem = parser.problem.map { plain(String(cString: $0)) }
      ?? .phrase(.diagnosticYAMLUnknownError)
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return SyntaxError(line: 1, column: 1, .diagnosticYAMLOutOfMemoryReading)
    case YAML_READER_ERROR:
      let (line, column) = SyntaxError.position(ofByte: parser.problem_offset, in: input)
      guard parser.problem_value != -1 else {
        return SyntaxError(line: line, column: column, .diagnosticPlain, ["text": problem])
      }
      return SyntaxError(
        line: line, column: column, .diagnosticYAMLProblemValue,
        [
          "problem": problem,
          "value": .text(SyntaxError.hex(UInt32(truncatingIfNeeded: parser.problem_value), width: 2)),
        ])
    default:
      let problemAt = (line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
      let context = parser.context.map { String(cString: $0) }
      let contextAt = (line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
      if let words = plainWords(
        problem: parser.problem.map { String(cString: $0) } ?? "", context: context,
        byte: byte(atCharacter: Int(parser.problem_mark.index), in: input))
      {
        let at = words.atContext && context != nil ? contextAt : problemAt
        return SyntaxError(
          line: at.line, column: at.column, words.phrase, ["line": .number(contextAt.line)])
      }
      guard let context else {
        return SyntaxError(line: problemAt.line, column: problemAt.column, .diagnosticPlain, ["text": problem])
      }
      return SyntaxError(
        line: problemAt.line, column: problemAt.column, .diagnosticYAMLProblemContext,
        [
          "problem": problem, "context": plain(context),
          "line": .number(contextAt.line), "column": .number(contextAt.column),
        ])
    }
  }

  /// The first byte of character `index` of the UTF-8 `input`, as libyaml's marks count:
  /// characters, not bytes (the readers drop a byte-order mark before parsing). Nil past the
  /// end. O(index); run once, for an error.
  static func byte(atCharacter index: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
    var i = 0
    var remaining = index
    while i < input.count {
      if remaining == 0 { return input[i] }
      remaining -= 1
      i += 1
      while i < input.count && input[i] & 0xC0 == 0x80 { i += 1 }  // continuation bytes
    }
    return nil
  }

  /// libyaml's messages for the mistakes people make when they edit a network file by hand, as
  /// sentences a coordinator understands (`{line}`: where the enclosing block starts), and
  /// whether the position to name is where the construct began (an unclosed quote, a key
  /// without a colon) rather than where libyaml noticed. Nil for any other message, which is
  /// then shown as libyaml words it (translated where ``libyamlWords`` knows it).
  static func plainWords(problem: String, context: String?, byte: UInt8?)
    -> (phrase: Phrase, atContext: Bool)?
  {
    switch problem {
    case "did not find expected key": (.diagnosticYAMLPlainNotInMapping, false)
    case "did not find expected '-' indicator": (.diagnosticYAMLPlainNotInList, false)
    case "could not find expected ':'": (.diagnosticYAMLPlainKeyWithoutColon, true)
    case "mapping values are not allowed in this context": (.diagnosticYAMLPlainColonInValue, false)
    case "found a tab character that violates indentation",
      "found a tab character where an indentation space is expected":
      (.diagnosticYAMLPlainTab, false)
    case "found character that cannot start any token":
      byte == UInt8(ascii: "\t")
        ? (.diagnosticYAMLPlainTab, false) : (.diagnosticYAMLPlainBadFirstCharacter, false)
    case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
      (.diagnosticYAMLPlainUnclosedQuote, true)
    case "did not find expected ',' or ']'": (.diagnosticYAMLPlainUnclosedList, true)
    case "did not find expected ',' or '}'": (.diagnosticYAMLPlainUnclosedMapping, true)
    case "did not find expected node content": (.diagnosticYAMLPlainMissingValue, false)
    default: nil
    }
  }

  /// A libyaml text as a phrase of the catalogue when ``libyamlWords`` has it, else as written.
  static func plain(_ text: String) -> Sentence.Value {
    libyamlWords[text].map { .phrase($0) } ?? .text(text)
  }

  /// libyaml's problems and contexts in the catalogue, so that they read in every language;
  /// a text not listed here is shown as libyaml wrote it.
  static let libyamlWords: [String: Phrase] = [
    "mapping values are not allowed in this context": .diagnosticYAMLProblemMappingValues,
    "block sequence entries are not allowed in this context": .diagnosticYAMLProblemBlockSequence,
    "could not find expected ':'": .diagnosticYAMLProblemCouldNotFindColon,
    "did not find expected key": .diagnosticYAMLProblemExpectedKey,
    "did not find expected '-' indicator": .diagnosticYAMLProblemExpectedDash,
    "did not find expected node content": .diagnosticYAMLProblemExpectedNodeContent,
    "did not find expected ',' or ']'": .diagnosticYAMLProblemExpectedCommaBracket,
    "did not find expected ',' or '}'": .diagnosticYAMLProblemExpectedCommaBrace,
    "did not find expected <document start>": .diagnosticYAMLProblemExpectedDocumentStart,
    "did not find expected comment or line break": .diagnosticYAMLProblemExpectedCommentOrLineBreak,
    "did not find expected alphabetic or numeric character": .diagnosticYAMLProblemExpectedAlphanumeric,
    "found a tab character that violates indentation": .diagnosticYAMLProblemTabIndentation,
    "found a tab character where an indentation space is expected": .diagnosticYAMLProblemTabWhereSpace,
    "found character that cannot start any token": .diagnosticYAMLProblemCannotStartToken,
    "found unexpected end of stream": .diagnosticYAMLProblemUnexpectedEnd,
    "found unexpected ':'": .diagnosticYAMLProblemUnexpectedColon,
    "found unexpected document indicator": .diagnosticYAMLProblemUnexpectedDocumentIndicator,
    "found unknown escape character": .diagnosticYAMLProblemUnknownEscape,
    "found undefined tag handle": .diagnosticYAMLProblemUndefinedTagHandle,
    "found duplicate anchor; first occurrence": .diagnosticYAMLProblemDuplicateAnchor,
    "control characters are not allowed": .diagnosticYAMLProblemControlCharacters,
    "invalid leading UTF-8 octet": .diagnosticYAMLProblemInvalidLeadingUTF8,
    "incomplete UTF-8 octet sequence": .diagnosticYAMLProblemIncompleteUTF8,
    "invalid trailing UTF-8 octet": .diagnosticYAMLProblemInvalidTrailingUTF8,
    "invalid length of a UTF-8 sequence": .diagnosticYAMLProblemInvalidUTF8Length,
    "invalid Unicode character": .diagnosticYAMLProblemInvalidUnicode,
    "while scanning a simple key": .diagnosticYAMLContextSimpleKey,
    "while parsing a block mapping": .diagnosticYAMLContextBlockMapping,
    "while parsing a block collection": .diagnosticYAMLContextBlockCollection,
    "while parsing a block node": .diagnosticYAMLContextBlockNode,
    "while parsing a flow sequence": .diagnosticYAMLContextFlowSequence,
    "while parsing a flow mapping": .diagnosticYAMLContextFlowMapping,
    "while parsing a flow node": .diagnosticYAMLContextFlowNode,
    "while parsing a node": .diagnosticYAMLContextNode,
    "while scanning a quoted scalar": .diagnosticYAMLContextQuotedScalar,
    "while scanning a plain scalar": .diagnosticYAMLContextPlainScalar,
    "while scanning a block scalar": .diagnosticYAMLContextBlockScalar,
    "while scanning an anchor": .diagnosticYAMLContextAnchor,
    "while scanning an alias": .diagnosticYAMLContextAlias,
    "while scanning a tag": .diagnosticYAMLContextTag,
    "while scanning for the next token": .diagnosticYAMLContextNextToken,
  ]


  /// The YAML 1.2 core schema's type for a plain scalar. O(length); most text is decided by its
  /// first byte.
  static func plainScalarType(_ s: UnsafeBufferPointer<UInt8>) -> DocumentTree.ScalarType {
    guard let first = s.first else { return .null }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."):
      return numberType(s)
    case UInt8(ascii: "~"):
      return s.count == 1 ? .null : .string
    case UInt8(ascii: "n"), UInt8(ascii: "N"):
      return equalsAny(s, ["null", "Null", "NULL"]) ? .null : .string
    case UInt8(ascii: "t"), UInt8(ascii: "T"):
      return equalsAny(s, ["true", "True", "TRUE"]) ? .bool : .string
    case UInt8(ascii: "f"), UInt8(ascii: "F"):
      return equalsAny(s, ["false", "False", "FALSE"]) ? .bool : .string
    default:
      return .string
    }
  }

  private static func equalsAny(_ s: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
    words.contains { word in
      word.utf8CodeUnitCount == s.count
        && memcmp(word.utf8Start, s.baseAddress!, s.count) == 0
    }
  }

  /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` are ints;
  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`,
  /// `\.(nan|NaN|NAN)` floats; anything else is a string.
  private static func numberType(_ s: UnsafeBufferPointer<UInt8>) -> DocumentTree.ScalarType {
    func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
    let n = s.count
    if n > 2 && s[0] == UInt8(ascii: "0")
      && (s[1] == UInt8(ascii: "o") || s[1] == UInt8(ascii: "x"))
    {
      let octal = s[1] == UInt8(ascii: "o")
      let ok = s[2...].allSatisfy { c in
        octal
          ? c &- UInt8(ascii: "0") < 8
          : isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6
      }
      return ok ? .int : .string
    }
    var i = 0
    if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") { i = 1 }
    let body = UnsafeBufferPointer(rebasing: s[i...])
    if equalsAny(body, [".inf", ".Inf", ".INF"]) { return .float }
    if i == 0 && equalsAny(body, [".nan", ".NaN", ".NAN"]) { return .float }
    let intStart = i
    while i < n && isDigit(s[i]) { i += 1 }
    let intDigits = i - intStart
    if i == n { return intDigits > 0 ? .int : .string }
    var fractionDigits = 0
    if s[i] == UInt8(ascii: ".") {
      i += 1
      let fractionStart = i
      while i < n && isDigit(s[i]) { i += 1 }
      fractionDigits = i - fractionStart
    }
    guard intDigits > 0 || fractionDigits > 0 else { return .string }
    if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
      i += 1
      if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) { i += 1 }
      let exponentStart = i
      while i < n && isDigit(s[i]) { i += 1 }
      if i == exponentStart { return .string }
    }
    return i == n ? .float : .string
  }
}
