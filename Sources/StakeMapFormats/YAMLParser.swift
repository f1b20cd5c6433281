internal import CYAML

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
/// Complexity: O(input bytes + alias uses); the tree takes about 20 bytes per node plus the text.
enum YAMLParser {
  /// How many nodes aliases may add in all, counting each alias as the size of what it names.
  static let aliasExpansionLimit = 1_000_000

  /// How deep collections may nest. A network file needs five levels; libyaml's scanner costs
  /// time quadratic in the flow nesting depth (120 kB of `[` took 23 s), so reading stops at
  /// the first collection deeper than this, as the JSON reader does.
  static let maxDepth = 200

  static func parse(_ input: UnsafeBufferPointer<UInt8>) -> Result<DocumentTree, SyntaxError> {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else {
      return .failure(SyntaxError(line: 1, column: 1, message: "out of memory"))
    }
    defer { yaml_parser_delete(&parser) }
    // libyaml wants a non-null pointer even for an empty input.
    let empty: [UInt8] = [0]
    return empty.withUnsafeBufferPointer { emptyBuffer in
      let base = input.baseAddress ?? emptyBuffer.baseAddress!
      yaml_parser_set_input_string(&parser, base, input.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      return run(&parser, input)
    }
  }

  private static func run(_ parser: inout yaml_parser_t, _ input: UnsafeBufferPointer<UInt8>)
    -> Result<DocumentTree, SyntaxError>
  {
    var builder = DocumentTreeBuilder(expectedBytes: input.count)
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
      }
      var line = Int(event.start_mark.line) + 1
      var column = Int(event.start_mark.column) + 1

      switch event.type {
      case YAML_STREAM_END_EVENT:
        return .success(builder.finish())

      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return .failure(
            SyntaxError(
              line: line, column: column,
              message: "a second YAML document starts here; a network file holds one document"))
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
          column: column)
        if let anchor = scalar.anchor {
          anchors[String(cString: anchor)] = (id, 1)
        }
        add(size: 1)

      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isSequence = event.type == YAML_SEQUENCE_START_EVENT
        let id = builder.begin(isSequence ? .sequence : .mapping, line: line, column: column)
        let anchorPointer =
          isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
        let anchor = anchorPointer.map { String(cString: $0) }
        if let anchor { anchors[anchor] = (id, nil) }
        if sizes.count >= maxDepth {
          return .failure(
            SyntaxError(
              line: line, column: column,
              message: "lists and mappings nest more than \(maxDepth) levels deep here; a network "
                + "file needs about five (is a closing bracket missing?)"))
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
            SyntaxError(line: line, column: column, message: "unknown alias '*\(name)'"))
        }
        guard let size else {
          return .failure(
            SyntaxError(
              line: line, column: column,
              message: "alias '*\(name)' refers to a collection that contains it"))
        }
        aliasExpansion += size
        if aliasExpansion > aliasExpansionLimit {
          return .failure(
            SyntaxError(
              line: line, column: column,
              message:
                "aliases expand the document by more than \(aliasExpansionLimit) nodes "
                + "(an alias bomb?); refusing to read it"))
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
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return SyntaxError(line: 1, column: 1, message: "out of memory while reading YAML")
    case YAML_READER_ERROR:
      let (line, column) = SyntaxError.position(ofByte: parser.problem_offset, in: input)
      var message = problem
      if parser.problem_value != -1 {
        message +=
          " (0x\(SyntaxError.hex(UInt32(truncatingIfNeeded: parser.problem_value), width: 2)))"
      }
      return SyntaxError(line: line, column: column, message: message)
    default:
      let problemAt = (line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
      let context = parser.context.map { String(cString: $0) }
      let contextAt = (line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
      if let plain = plainWords(
        problem: problem, context: context, contextLine: contextAt.line,
        byte: Int(parser.problem_mark.index) < input.count ? input[Int(parser.problem_mark.index)] : nil)
      {
        let at = plain.atContext && context != nil ? contextAt : problemAt
        return SyntaxError(line: at.line, column: at.column, message: plain.message)
      }
      var message = problem
      if let context {
        message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
      }
      return SyntaxError(line: problemAt.line, column: problemAt.column, message: message)
    }
  }

  /// libyaml's messages for the mistakes people make when they edit a network file by hand, as
  /// sentences a coordinator understands, and whether the position to name is where the
  /// construct began (an unclosed quote, a key without a colon) rather than where libyaml
  /// noticed. Nil for any other message, which is then shown as libyaml words it.
  static func plainWords(problem: String, context: String?, contextLine: Int, byte: UInt8?)
    -> (message: String, atContext: Bool)?
  {
    switch problem {
    case "did not find expected key":
      return (
        "this line does not fit the mapping that starts at line \(contextLine): line up its "
          + "indentation with the keys above it, or, if it starts with '-', put it under a key "
          + "of its own", false)
    case "did not find expected '-' indicator":
      return (
        "this line does not line up with the list that starts at line \(contextLine): indent it "
          + "like the other lines of its item", false)
    case "could not find expected ':'":
      return ("this key has no ':' after it (write 'key: value')", true)
    case "mapping values are not allowed in this context":
      return (
        "a ': ' inside a value, or a key indented too far: if the colon belongs to the text, put "
          + "the whole value in double quotes (\"…\")", false)
    case "found character that cannot start any token":
      if byte == UInt8(ascii: "\t") {
        return ("a tab: YAML files are indented with spaces only", false)
      }
      return (
        "a value cannot start with this character ('@', '`' or '%'): put the value in double "
          + "quotes", false)
    case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
      return ("this quote is never closed: add the closing quote mark", true)
    case "did not find expected ',' or ']'":
      return (
        "the list opened here with '[' is not closed with ']', or its items lack commas", true)
    case "did not find expected ',' or '}'":
      return (
        "the mapping opened here with '{' is not closed with '}', or its entries lack commas",
        true)
    case "did not find expected node content":
      return ("a value is missing here, or a bracket is not closed", false)
    default:
      return nil
    }
  }

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
