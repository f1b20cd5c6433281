import StakeMapModel

/// The formats StakeMap exchanges networks in with other tools (docs/EXCHANGE.md says per
/// format what it carries and what it cannot).
///
/// | format | files | written | read |
/// |---|---|---|---|
/// | `graphml` | `.graphml` | ✓ | ✓ |
/// | `gexf` | `.gexf` (GEXF 1.3) | ✓ | ✓ (1.1–1.3) |
/// | `node-link` | `.json` (NetworkX `node_link_data`) | ✓ | ✓ |
/// | `pajek` | `.net` | ✓ | ✓ |
/// | `kumu` | elements and connections CSV | ✓ | ✓ (Kumu's export) |
/// | `neo4j` | nodes and relationships CSV (neo4j-admin bulk import) | ✓ | – |
/// | `graphframes` | vertices and edges CSV (Spark GraphFrames) | ✓ | – |
public enum ExchangeFormat: String, CaseIterable, Sendable {
  case graphml
  case gexf
  case nodeLink = "node-link"
  case pajek
  case kumu
  case neo4j
  case graphframes

  /// The format a file's extension names: `.graphml`, `.gexf`, `.net`; nil otherwise (JSON and
  /// CSV are ambiguous and need `--format`).
  public init?(path: String) {
    let lower = path.lowercased()
    if lower.hasSuffix(".graphml") {
      self = .graphml
    } else if lower.hasSuffix(".gexf") {
      self = .gexf
    } else if lower.hasSuffix(".net") || lower.hasSuffix(".paj") {
      self = .pajek
    } else {
      return nil
    }
  }

  /// Whether `stakemap import` reads it.
  public var isReadable: Bool { self != .neo4j && self != .graphframes }

  /// The suffixes of the two tables a table format writes (`BASE-elements.csv`, …); nil for
  /// the one-file formats.
  public var tableSuffixes: (nodes: String, edges: String)? {
    switch self {
    case .kumu: ("elements", "connections")
    case .neo4j: ("nodes", "relationships")
    case .graphframes: ("vertices", "edges")
    default: nil
    }
  }

  /// The paths of the files written for `output`: the path itself, or for the table formats
  /// `BASE-nodes.csv` and `BASE-edges.csv` (BASE: `output` without a final `.csv`).
  public func outputPaths(_ output: String) -> [String] {
    guard let suffixes = tableSuffixes else { return [output] }
    let base = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
    return ["\(base)-\(suffixes.nodes).csv", "\(base)-\(suffixes.edges).csv"]
  }
}
