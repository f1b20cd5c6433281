import StakeMapModel

/// What every exchange reader produces: nodes and edges with text attributes and the position
/// each was read at. ``ExchangeImporter`` turns it into a ``Network``, so that the mapping of
/// attribute names and vocabulary (and its report) is written once for all formats.
package struct ExchangeGraph: Sendable {
  package struct Node: Sendable {
    package var id: String
    /// Attribute name as written in the file, value as text (lists joined with `;`).
    package var attributes: [(key: String, value: String)]
    package var location: FileLocation
  }

  package struct Edge: Sendable {
    package var source: String
    package var target: String
    /// The edge's own direction, when the format gives one (Pajek `*Arcs`, GEXF `type`).
    package var directed: Bool?
    package var attributes: [(key: String, value: String)]
    package var location: FileLocation
  }

  package var file: String
  /// The graph's default edge direction.
  package var directed = false
  package var attributes: [(key: String, value: String)] = []
  package var nodes: [Node] = []
  package var edges: [Edge] = []
  /// Edges may name their ends by a node's `label` (Kumu's connections); ids are tried first.
  package var endsByLabel = false
  /// Sources, topics and events the file declares in full (StakeMap's node-link JSON and GraphML);
  /// events without participants (those come from the actors' `events`).
  package var sources: [Source] = []
  package var topics: [Topic] = []
  package var events: [Event] = []
  /// Where the graph's own attributes were read, for messages.
  package var location: FileLocation

  package init(file: String) {
    self.file = file
    location = FileLocation(file: file, line: 1, column: 1)
  }

  /// Reads `path` in `format` (not `neo4j` or `graphframes`); for `kumu`, `path` is the
  /// elements table and `second` the connections table.
  package static func read(
    path: String, second: String? = nil, format: ExchangeFormat
  ) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    switch format {
    case .kumu: return KumuReader.read(elements: path, connections: second)
    default: break
    }
    let bytes: [UInt8]
    do {
      bytes = try InputFile.contents(of: path)
    } catch {
      return (nil, [.error(at: nil, error.sentence)])
    }
    return parse(bytes, file: path, format: format)
  }

  /// Parses one file's bytes (every format but `kumu`, which has two tables).
  package static func parse(
    _ bytes: [UInt8], file: String, format: ExchangeFormat
  ) -> (graph: ExchangeGraph?, diagnostics: [Diagnostic]) {
    switch format {
    case .graphml: return GraphMLReader.parse(bytes, file: file)
    case .gexf: return GEXFReader.parse(bytes, file: file)
    case .nodeLink: return NodeLinkReader.parse(bytes, file: file)
    case .pajek: return PajekReader.parse(bytes, file: file)
    case .kumu, .neo4j, .graphframes: return (nil, [])
    }
  }
}

extension XMLScanner.Failure {
  func diagnostic(file: String) -> Diagnostic {
    .error(at: FileLocation(file: file, line: line, column: column), sentence)
  }
}
