import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hand annotation of one protocol (Tests/StakeMapExtractionTests/Gold/GUIDELINES.md): the
/// actors, ties, events, needs and offers a careful reader finds in it.
public struct GoldAnnotation: Sendable {
  public struct Stakeholder: Sendable {
    public var name: String
    public var type: String?
    public var aliases: [String]
    public var mentions: [String]
  }

  public struct Tie: Sendable {
    public var between: [String]
    public var kind: String?
    public var evidence: String?
  }

  public struct Event: Sendable {
    public var title: String
    public var date: String?
  }

  public struct Claim: Sendable {
    /// A canonical actor name, or a generic role (`soziale Organisation`).
    public var actor: String
    public var text: String
  }

  /// The protocol's file name.
  public var protocolFile: String
  public var actors: [Stakeholder]
  public var ties: [Tie]
  public var contextTies: [Tie]
  public var events: [Event]
  public var needs: [Claim]
  public var offers: [Claim]

  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// Reads a gold file (YAML).
  public static func parse(_ yaml: String) throws(ParseError) -> GoldAnnotation {
    let root = try YAMLTree.parse(yaml)
    guard case .mapping = root else { throw ParseError(message: "a gold file is a mapping") }
    func strings(_ node: YAMLTree?) -> [String] {
      guard case .sequence(let items)? = node else { return [] }
      return items.compactMap(\.string)
    }
    func ties(_ node: YAMLTree?) -> [Tie] {
      guard case .sequence(let items)? = node else { return [] }
      return items.map {
        Tie(between: strings($0["between"]), kind: $0["kind"]?.string, evidence: $0["evidence"]?.string)
      }
    }
    func claims(_ node: YAMLTree?) -> [Claim] {
      guard case .sequence(let items)? = node else { return [] }
      return items.compactMap {
        guard let actor = $0["actor"]?.string, let text = $0["text"]?.string else { return nil }
        return Claim(actor: actor, text: text)
      }
    }
    var actors: [Stakeholder] = []
    if case .sequence(let items)? = root["actors"] {
      for item in items {
        guard let name = item["name"]?.string else { continue }
        actors.append(
          Stakeholder(
            name: name, type: item["type"]?.string, aliases: strings(item["aliases"]),
            mentions: strings(item["mentions"])))
      }
    }
    var events: [Event] = []
    if case .sequence(let items)? = root["events"] {
      for item in items {
        guard let title = item["title"]?.string else { continue }
        events.append(Event(title: title, date: item["date"]?.string))
      }
    }
    return GoldAnnotation(
      protocolFile: root["protocol"]?.string ?? "", actors: actors, ties: ties(root["ties"]),
      contextTies: ties(root["context_ties"]), events: events, needs: claims(root["needs"]),
      offers: claims(root["offers"]))
  }
}

/// A YAML document as plain values, read with libyaml's event API: enough for annotation
/// files (scalars are text; anchors, tags and styles are ignored).
indirect enum YAMLTree: Sendable {
  case scalar(String)
  case sequence([YAMLTree])
  case mapping([(String, YAMLTree)])

  var string: String? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  subscript(key: String) -> YAMLTree? {
    guard case .mapping(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  static func parse(_ text: String) throws(GoldAnnotation.ParseError) -> YAMLTree {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else {
      throw GoldAnnotation.ParseError(message: "out of memory")
    }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8) + [0]
    var stack: [(isMapping: Bool, items: [YAMLTree], keys: [String], pendingKey: String?)] = []
    var root: YAMLTree? = nil
    var failure: String? = nil
    bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress!, buffer.count - 1)
      var done = false
      while !done {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) != 0 else {
          let line = parser.problem_mark.line + 1
          failure = "invalid YAML at line \(line): " + (parser.problem.map { String(cString: $0) } ?? "")
          return
        }
        defer { yaml_event_delete(&event) }
        var value: YAMLTree? = nil
        switch event.type {
        case YAML_STREAM_END_EVENT:
          done = true
        case YAML_SCALAR_EVENT:
          let scalar = event.data.scalar
          let s = String(
            decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
          value = .scalar(s)
        case YAML_ALIAS_EVENT:
          value = .scalar("")
        case YAML_SEQUENCE_START_EVENT:
          stack.append((false, [], [], nil))
        case YAML_MAPPING_START_EVENT:
          stack.append((true, [], [], nil))
        case YAML_SEQUENCE_END_EVENT:
          let top = stack.removeLast()
          value = .sequence(top.items)
        case YAML_MAPPING_END_EVENT:
          let top = stack.removeLast()
          value = .mapping(Array(zip(top.keys, top.items)))
        default:
          break
        }
        guard let value else { continue }
        if stack.isEmpty {
          root = value
          continue
        }
        var top = stack.removeLast()
        if top.isMapping {
          if let key = top.pendingKey {
            top.keys.append(key)
            top.items.append(value)
            top.pendingKey = nil
          } else {
            top.pendingKey = value.string ?? ""
          }
        } else {
          top.items.append(value)
        }
        stack.append(top)
      }
    }
    if let failure { throw GoldAnnotation.ParseError(message: failure) }
    return root ?? .mapping([])
  }
}

/// Directory listing with POSIX calls (the library does not use Foundation).
enum Files {
  /// Names of the entries of a directory, sorted; nil when it cannot be read.
  static func list(_ directory: String) -> [String]? {
    guard let dir = opendir(directory) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
