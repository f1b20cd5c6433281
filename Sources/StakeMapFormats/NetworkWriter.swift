import StakeMapModel
import StakeMapText

/// Writes a ``Network`` in the file format of docs/FORMAT.md, as YAML or JSON.
///
/// Conventions:
/// - Deterministic: sections in the order network, sources, topics, events, actors, relations;
///   keys in the order of docs/FORMAT.md; custom attributes sorted by key; items in model order.
/// - Defaults are left out (weight 1, status `existing`), and so are absent optional values,
///   empty lists and empty sections other than `actors`.
/// - Reading the output gives the same network, ``Stakeholder/location`` and the other `location`
///   fields aside, for any network that reads without errors. An attribute named like a built-in
///   actor key (`name`, `tags`, …) cannot be written and is left out.
/// - YAML: a string is written plain only when it starts with a letter, has no YAML indicator
///   sequence (`: `, ` #`, flow brackets, …), no control or line-break character, no trailing
///   space, and is no keyword in YAML 1.2 nor 1.1 (`null`, `true`, `yes`, `off`, …); otherwise
///   it is double-quoted with escapes. Numbers: shortest round-trip form, integers without `.0`.
/// - JSON: two-space indentation, one object per line inside the sections' arrays.
///
/// Complexity: O(size of the output).
public enum NetworkWriter {
  /// Comment lines written above actors and relations in YAML (JSON has no comments: they are
  /// left out there). `stakemap extract` tells reviewers why it proposed an item; a comment is
  /// no field, so reports and merges never carry it on. Line breaks become spaces.
  public struct Comments: Sendable {
    /// By actor index.
    public var actors: [Int: String]
    /// By relation index.
    public var relations: [Int: String]

    public init(actors: [Int: String] = [:], relations: [Int: String] = [:]) {
      self.actors = actors
      self.relations = relations
    }
  }

  public static func yaml(_ network: Network, comments: Comments = Comments()) -> String {
    var out = Output()
    func comment(_ text: String?) {
      guard let text, !text.isEmpty else { return }
      out.indent(1)
      out.raw("# ")
      out.raw(String(text.map { $0.isNewline || ($0.asciiValue ?? 0x20) < 0x20 ? " " : $0 }))
      out.raw("\n")
    }
    let info = network.info
    out.line("network:")
    out.field(1, "title", info.title)
    out.field(1, "language", info.language.rawValue)
    out.field(1, "description", info.description)
    out.field(1, "region", info.region)
    if !network.sources.isEmpty {
      out.line("sources:")
      for source in network.sources {
        out.item(1, "id", source.id)
        out.field(2, "title", source.title)
        out.field(2, "date", source.date)
        out.field(2, "place", source.place)
        out.field(2, "publisher", source.publisher)
        out.field(2, "file", source.file)
        out.field(2, "url", source.url)
      }
    }
    if !network.topics.isEmpty {
      out.line("topics:")
      for topic in network.topics {
        out.item(1, "id", topic.id)
        out.field(2, "de", topic.de)
        out.field(2, "en", topic.en)
      }
    }
    if !network.events.isEmpty {
      out.line("events:")
      for event in network.events {
        out.item(1, "id", event.id)
        out.field(2, "title", event.title)
        out.field(2, "kind", event.kind.rawValue)
        out.field(2, "date", event.date)
        out.field(2, "place", event.place)
        out.field(2, "source", event.source)
        if !event.participants.isEmpty {
          out.flowList(2, "participants", event.participants.map { actorID(network, $0) })
        }
        out.field(2, "evidence", event.evidence)
        out.span(2, event.offsets)
        out.field(2, "review", event.review?.rawValue)
      }
    }
    if network.actors.isEmpty {
      out.line("actors: []")
    } else {
      out.line("actors:")
    }
    for (index, actor) in network.actors.enumerated() {
      comment(comments.actors[index])
      out.item(1, "id", actor.id)
      out.field(2, "name", actor.name)
      out.field(2, "type", actor.type.rawValue)
      out.field(2, "short", actor.short)
      out.field(2, "region", actor.region)
      if !actor.tags.isEmpty { out.flowList(2, "tags", actor.tags) }
      out.field(2, "basis", actor.basis?.rawValue)
      out.field(2, "note", actor.note)
      if !actor.aliases.isEmpty { out.flowList(2, "aliases", actor.aliases) }
      out.field(2, "evidence", actor.evidence)
      out.field(2, "source", actor.source)
      out.span(2, actor.offsets)
      out.field(2, "review", actor.review?.rawValue)
      for (key, claims) in [("offers", actor.offers), ("needs", actor.needs)] where !claims.isEmpty
      {
        out.key(2, key)
        for claim in claims {
          out.item(3, "topic", claim.topic)
          out.field(4, "evidence", claim.evidence)
          out.field(4, "source", claim.source)
          out.field(4, "basis", claim.basis?.rawValue)
          out.span(4, claim.offsets)
          out.field(4, "review", claim.review?.rawValue)
        }
      }
      for (key, value) in writableAttributes(actor) {
        out.field(2, key, value)
      }
    }
    if !network.relations.isEmpty {
      out.line("relations:")
      for (index, relation) in network.relations.enumerated() {
        let from = actorID(network, relation.from)
        let to = actorID(network, relation.to)
        comment(comments.relations[index])
        if relation.directed {
          out.item(1, "from", from)
          out.field(2, "to", to)
        } else {
          out.indent(1)
          out.raw("- between: [")
          out.yamlScalar(from, inFlow: true)
          out.raw(", ")
          out.yamlScalar(to, inFlow: true)
          out.raw("]\n")
        }
        out.field(2, "kind", relation.kind.rawValue)
        if relation.weight != 1 { out.number(2, "weight", relation.weight) }
        if relation.status != .existing { out.field(2, "status", relation.status.rawValue) }
        out.field(2, "since", relation.since)
        out.field(2, "until", relation.until)
        out.field(2, "inferred", relation.inferred)
        out.field(2, "source", relation.source)
        out.field(2, "evidence", relation.evidence)
        out.field(2, "basis", relation.basis?.rawValue)
        out.field(2, "note", relation.note)
        out.span(2, relation.offsets)
        out.field(2, "review", relation.review?.rawValue)
      }
    }
    return out.string
  }

  public static func json(_ network: Network) -> String {
    var out = Output()
    let info = network.info
    out.raw("{\n  \"network\": ")
    out.openObject()
    out.member("title", info.title)
    out.member("language", info.language.rawValue)
    out.member("description", info.description)
    out.member("region", info.region)
    out.closeObject()
    if !network.sources.isEmpty {
      out.openSection("sources")
      for source in network.sources {
        out.openItem()
        out.member("id", source.id)
        out.member("title", source.title)
        out.member("date", source.date)
        out.member("place", source.place)
        out.member("publisher", source.publisher)
        out.member("file", source.file)
        out.member("url", source.url)
        out.closeObject()
      }
      out.closeSection()
    }
    if !network.topics.isEmpty {
      out.openSection("topics")
      for topic in network.topics {
        out.openItem()
        out.member("id", topic.id)
        out.member("de", topic.de)
        out.member("en", topic.en)
        out.closeObject()
      }
      out.closeSection()
    }
    if !network.events.isEmpty {
      out.openSection("events")
      for event in network.events {
        out.openItem()
        out.member("id", event.id)
        out.member("title", event.title)
        out.member("kind", event.kind.rawValue)
        out.member("date", event.date)
        out.member("place", event.place)
        out.member("source", event.source)
        if !event.participants.isEmpty {
          out.member("participants", list: event.participants.map { actorID(network, $0) })
        }
        out.member("evidence", event.evidence)
        out.member(span: event.offsets)
        out.member("review", event.review?.rawValue)
        out.closeObject()
      }
      out.closeSection()
    }
    out.openSection("actors")
    for actor in network.actors {
      out.openItem()
      out.member("id", actor.id)
      out.member("name", actor.name)
      out.member("type", actor.type.rawValue)
      out.member("short", actor.short)
      out.member("region", actor.region)
      if !actor.tags.isEmpty { out.member("tags", list: actor.tags) }
      out.member("basis", actor.basis?.rawValue)
      out.member("note", actor.note)
      if !actor.aliases.isEmpty { out.member("aliases", list: actor.aliases) }
      out.member("evidence", actor.evidence)
      out.member("source", actor.source)
      out.member(span: actor.offsets)
      out.member("review", actor.review?.rawValue)
      for (key, claims) in [("offers", actor.offers), ("needs", actor.needs)] where !claims.isEmpty
      {
        out.memberKey(key)
        out.raw("[")
        for (i, claim) in claims.enumerated() {
          if i > 0 { out.raw(", ") }
          out.openObject()
          out.member("topic", claim.topic)
          out.member("evidence", claim.evidence)
          out.member("source", claim.source)
          out.member("basis", claim.basis?.rawValue)
          out.member(span: claim.offsets)
          out.member("review", claim.review?.rawValue)
          out.closeObject()
        }
        out.raw("]")
      }
      for (key, value) in writableAttributes(actor) { out.member(key, value) }
      out.closeObject()
    }
    out.closeSection()
    if !network.relations.isEmpty {
      out.openSection("relations")
      for relation in network.relations {
        out.openItem()
        let from = actorID(network, relation.from)
        let to = actorID(network, relation.to)
        if relation.directed {
          out.member("from", from)
          out.member("to", to)
        } else {
          out.member("between", list: [from, to])
        }
        out.member("kind", relation.kind.rawValue)
        if relation.weight != 1 { out.member("weight", number: relation.weight) }
        if relation.status != .existing { out.member("status", relation.status.rawValue) }
        out.member("since", relation.since)
        out.member("until", relation.until)
        out.member("inferred", relation.inferred)
        out.member("source", relation.source)
        out.member("evidence", relation.evidence)
        out.member("basis", relation.basis?.rawValue)
        out.member("note", relation.note)
        out.member(span: relation.offsets)
        out.member("review", relation.review?.rawValue)
        out.closeObject()
      }
      out.closeSection()
    }
    out.raw("\n}\n")
    return out.string
  }

  // MARK: - Helpers

  private static func actorID(_ network: Network, _ index: Int) -> String {
    network.actors.indices.contains(index) ? network.actors[index].id : "#\(index)"
  }

  private static func writableAttributes(_ actor: Stakeholder) -> [(String, String)] {
    actor.attributes.filter { !NetworkDecoder.actorKeys.contains($0.key) }.sorted {
      $0.key < $1.key
    }
  }

  /// Shortest text that reads back as the same Double; integral values without `.0`. Swift's
  /// description is the shortest round-trip form, and writes integral values up to 2^53 as
  /// `1000000000000000.0`, larger ones as `1e+16`.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) <= 0x1p53 { return String(Int64(value)) }
    return "\(value)"
  }

  /// `text` as a YAML scalar: plain when that reads back as the same string in YAML 1.2 and
  /// 1.1 parsers alike, double-quoted with escapes otherwise.
  static func yamlScalar(_ text: String, inFlow: Bool = false) -> String {
    var out = Output()
    out.yamlScalar(text, inFlow: inFlow)
    return out.string
  }

  /// `text` as a JSON string literal.
  static func jsonString(_ text: String) -> String {
    var out = Output()
    out.jsonString(text)
    return out.string
  }

  /// Whether `text` may be written as a plain YAML scalar. O(length).
  static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return false }
    let startsWithLetter =
      first.isASCII
      ? (first.value | 0x20) &- 0x61 < 26 : first.properties.isAlphabetic && isPrintable(first)
    guard startsWithLetter, last != " ", last != ":" else { return false }
    var previous = first
    for s in scalars {
      switch s {
      case ",", "[", "]", "{", "}":
        return false
      case "#" where previous == " ":
        return false
      case " " where previous == ":":
        return false
      // In a flow list, older libyaml and PyYAML refuse any ':' in a plain scalar.
      case ":" where inFlow:
        return false
      default:
        if s.value < 0x20 || s.value == 0x7F || (!s.isASCII && !isPrintable(s)) { return false }
      }
      previous = s
    }
    // Words that YAML 1.1 (and so PyYAML and older tools) reads as booleans or null.
    if text.utf8.count <= 5 {
      switch text.lowercased() {
      case "null", "true", "false", "yes", "no", "on", "off", "y", "n": return false
      default: break
      }
    }
    // Starting with a letter leaves only the core schema's words to rule out.
    return text.utf8.withContiguousStorageIfAvailable { YAMLParser.plainScalarType($0) == .string }
      ?? false
  }

  /// Printable in YAML's sense and no line break: what libyaml accepts raw in any scalar.
  private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20...0x7E: return true
    case 0xA0...0xD7FF: return s.value != 0x2028 && s.value != 0x2029
    case 0xE000...0xFFFD: return s.value != 0xFEFF
    case 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// A growing UTF-8 buffer with the shapes of both writers. Writing bytes straight into one
  /// array, rather than concatenating a String per value, keeps a million relations at about a
  /// second.
  private struct Output {
    private var bytes: [UInt8] = []
    /// JSON: whether the open object has no member yet / the open section no item yet.
    private var firstMember = true
    private var firstItem = true

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
      bytes.append(
        contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ text: String) {
      bytes.append(contentsOf: text.utf8)
    }

    mutating func newline() {
      bytes.append(0x0A)
    }

    mutating func line(_ text: StaticString) {
      raw(text)
      newline()
    }

    // MARK: YAML

    mutating func indent(_ level: Int) {
      bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// `key:` opening a nested block.
    mutating func key(_ level: Int, _ key: String) {
      indent(level)
      yamlScalar(key)
      line(":")
    }

    /// `offsets: [start, end]`, or nothing for nil.
    mutating func span(_ level: Int, _ span: TextSpan?) {
      guard let span else { return }
      indent(level)
      raw("offsets: [\(span.start), \(span.end)]")
      newline()
    }

    /// `key: value`, or nothing for nil.
    mutating func field(_ level: Int, _ key: String, _ value: String?) {
      guard let value else { return }
      indent(level)
      yamlScalar(key)
      raw(": ")
      yamlScalar(value)
      newline()
    }

    mutating func number(_ level: Int, _ key: String, _ value: Double) {
      indent(level)
      raw(key)
      raw(": ")
      if value.isNaN {
        raw(".nan")
      } else if value.isInfinite {
        raw(value < 0 ? "-.inf" : ".inf")
      } else {
        raw(format(value))
      }
      newline()
    }

    /// `- key: value`, the first line of a list item's mapping.
    mutating func item(_ level: Int, _ key: String, _ value: String) {
      indent(level)
      raw("- ")
      raw(key)
      raw(": ")
      yamlScalar(value)
      newline()
    }

    mutating func flowList(_ level: Int, _ key: String, _ values: [String]) {
      indent(level)
      raw(key)
      raw(": [")
      for (i, value) in values.enumerated() {
        if i > 0 { raw(", ") }
        yamlScalar(value, inFlow: true)
      }
      raw("]")
      newline()
    }

    mutating func yamlScalar(_ text: String, inFlow: Bool = false) {
      if isPlainSafe(text, inFlow: inFlow) {
        raw(text)
        return
      }
      bytes.append(UInt8(ascii: "\""))
      for s in text.unicodeScalars {
        switch s {
        case "\"": raw("\\\"")
        case "\\": raw("\\\\")
        case "\0": raw("\\0")
        case "\u{07}": raw("\\a")
        case "\u{08}": raw("\\b")
        case "\t": raw("\\t")
        case "\n": raw("\\n")
        case "\u{0B}": raw("\\v")
        case "\u{0C}": raw("\\f")
        case "\r": raw("\\r")
        case "\u{1B}": raw("\\e")
        case "\u{85}": raw("\\N")
        case "\u{2028}": raw("\\L")
        case "\u{2029}": raw("\\P")
        default:
          if isPrintable(s) {
            UTF8.encode(s) { bytes.append($0) }
          } else if s.value <= 0xFF {
            raw("\\x" + SyntaxError.hex(s.value, width: 2))
          } else if s.value <= 0xFFFF {
            raw("\\u" + SyntaxError.hex(s.value, width: 4))
          } else {
            raw("\\U" + SyntaxError.hex(s.value, width: 8))
          }
        }
      }
      bytes.append(UInt8(ascii: "\""))
    }

    // MARK: JSON

    mutating func openSection(_ name: StaticString) {
      raw(",\n  \"")
      raw(name)
      raw("\": [")
      firstItem = true
    }

    /// Starts the next object of a section, on its own line.
    mutating func openItem() {
      raw(firstItem ? "\n    " : ",\n    ")
      firstItem = false
      openObject()
    }

    mutating func closeSection() {
      raw(firstItem ? "]" : "\n  ]")
    }

    mutating func openObject() {
      bytes.append(UInt8(ascii: "{"))
      firstMember = true
    }

    /// Ends an object; an enclosing object, if any, has a member already (the one that holds it).
    mutating func closeObject() {
      bytes.append(UInt8(ascii: "}"))
      firstMember = false
    }

    mutating func memberKey(_ key: String) {
      if !firstMember { raw(", ") }
      firstMember = false
      jsonString(key)
      raw(": ")
    }

    mutating func member(_ key: String, _ value: String?) {
      guard let value else { return }
      memberKey(key)
      jsonString(value)
    }

    mutating func member(span: TextSpan?) {
      guard let span else { return }
      memberKey("offsets")
      raw("[\(span.start), \(span.end)]")
    }

    mutating func member(_ key: String, list: [String]) {
      memberKey(key)
      raw("[")
      for (i, value) in list.enumerated() {
        if i > 0 { raw(", ") }
        jsonString(value)
      }
      raw("]")
    }

    mutating func member(_ key: String, number value: Double) {
      memberKey(key)
      // JSON has no infinities or NaN; null reads back as an error, as such a weight should.
      raw(value.isFinite ? format(value) : "null")
    }

    /// Escapes quotes, backslashes and control characters, and U+2028/U+2029, which are valid
    /// JSON but end lines in JavaScript and some editors (``JSONText``, uppercase hex, `\b`,
    /// `\f`, DEL escaped). Everything else is copied as UTF-8.
    mutating func jsonString(_ text: String) {
      JSONText.appendString(text, to: &bytes, controls: .uppercaseHex)
    }
  }
}
