import Foundation
import StakeMapGraph
import Testing

/// One oracle file written by Scripts/fixtures/make-centrality-fixtures.py (its docstring explains every key).
struct Fixture: Decodable, Sendable {
  let name: String
  let description: String
  let nodes: [String]
  /// [u, v, weight] with u, v indices into `nodes`.
  let edges: [[Double]]
  let weighted: Bool
  /// Metric name → values in node order; betweenness holds the EXACT (rational) values.
  let expected: [String: [Double]]
  /// What `nx.betweenness_centrality` returns with float distances 1/w.
  let networkxFloatBetweenness: [Double]
  let networkxBetweennessMaxAbsDeviation: Double
  /// `nx.eigenvector_centrality_numpy`, nil where NetworkX refuses the graph.
  let networkxEigenvectorNumpy: [Double]?

  static let names = [
    "karate_weighted", "karate_unweighted", "davis_women_weighted", "les_miserables_weighted",
    "florentine_families", "disconnected_isolate", "twin_triangles", "path3", "star5",
    "triangle", "two_components", "single_node", "isolates_only", "empty",
  ] + leafyNames + blockyNames

  /// The graphs with leaves and trees (degree-1 folding, ``LeafFoldingTests``).
  static let leafyNames = [
    "random_tree", "star_large", "path_long", "ba1_300", "ba2_300", "dual_ba_300", "core_pendant",
    "forest_mix", "random_tree_weighted", "ba1_300_weighted", "dual_ba_300_weighted",
    "core_pendant_weighted", "forest_mix_weighted",
  ]

  /// The graphs with many biconnected blocks (``BlockSplittingTests``).
  static let blockyNames = [
    "friendship_7", "barbell_path", "cactus", "federation", "cactus_weighted",
    "federation_weighted",
  ]

  static let metrics = [
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
  ]

  static func load(_ name: String) throws -> Fixture {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
      "fixture \(name).json is missing; run python3 Scripts/fixtures/make-centrality-fixtures.py")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Fixture.self, from: Data(contentsOf: url))
  }

  var graph: Graph {
    Graph(nodeCount: nodes.count, edges: edges.map { (Int($0[0]), Int($0[1]), $0[2]) })
  }

  func expected(_ metric: String) throws -> [Double] {
    try #require(expected[metric], "\(name): no expected \(metric)")
  }
}

/// The largest difference, relative for values above 1 (harmonic centrality and strength can
/// reach the hundreds), absolute below.
func maxDeviation(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count)
  var worst = 0.0
  for (x, y) in zip(a, b) {
    let d = abs(x - y) / max(1, abs(y))
    worst = max(worst, d.isNaN ? .infinity : d)
  }
  return worst
}

/// Checks `actual` against `expected` to `tolerance` (see ``maxDeviation(_:_:)``).
func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  guard actual.count == expected.count else { return }
  let worst = maxDeviation(actual, expected)
  #expect(
    worst <= tolerance, "\(what): off by \(worst)\n  got      \(actual)\n  expected \(expected)",
    sourceLocation: sourceLocation)
}
