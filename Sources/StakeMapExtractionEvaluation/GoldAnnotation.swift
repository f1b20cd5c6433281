import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hand annotation of one protocol (Tests/StakeMapExtractionTests/Gold/GUIDELINES.md): the
/// actors, ties, events, needs and offers a careful reader finds in it.
package struct GoldAnnotation: Sendable {
  package struct Stakeholder: Sendable {
    package var name: String
    package var type: String?
    package var aliases: [String]
    package var mentions: [String]
  }

  package struct Tie: Sendable {
    package var between: [String]
    package var kind: String?
    package var evidence: String?
    /// `existing` (also when absent), `planned` or `desired` (version 2).
    package var status: String? = nil
  }

  package struct Event: Sendable {
    package var title: String
    package var date: String?
  }

  package struct Claim: Sendable {
    /// A canonical actor name, or a generic role (`soziale Organisation`).
    package var actor: String
    package var text: String
  }

  /// The protocol's file name.
  package var protocolFile: String
  package var actors: [Stakeholder]
  package var ties: [Tie]
  package var contextTies: [Tie]
  package var events: [Event]
  package var needs: [Claim]
  package var offers: [Claim]

  package struct ParseError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
  }

  /// Reads a gold file (YAML).
  package static func parse(_ yaml: String) throws(ParseError) -> GoldAnnotation {
    let root: PlainYAML
    do {
      root = try PlainYAML.parse(Array(yaml.utf8))
    } catch {
      throw ParseError(message: "invalid YAML: \(error)")
    }
    guard case .mapping = root else { throw ParseError(message: "a gold file is a mapping") }
    func strings(_ node: PlainYAML?) -> [String] {
      guard case .sequence(let items)? = node else { return [] }
      return items.compactMap(\.string)
    }
    func ties(_ node: PlainYAML?) -> [Tie] {
      guard case .sequence(let items)? = node else { return [] }
      return items.map {
        Tie(
          between: strings($0["between"]), kind: $0["kind"]?.string,
          evidence: $0["evidence"]?.string, status: $0["status"]?.string)
      }
    }
    func claims(_ node: PlainYAML?) -> [Claim] {
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
