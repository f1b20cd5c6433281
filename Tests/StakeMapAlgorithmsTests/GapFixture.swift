import Foundation
import StakeMapAlgorithms
import StakeMapGraph
import Testing

/// One gap-analysis oracle file written by Scripts/fixtures/make-gap-fixtures.py (its docstring explains
/// every key). JSON null stands for NaN (undefined) and for an infinite span.
struct GapFixture: Decodable, Sendable {
  struct PartitionValue: Decodable, Sendable {
    let communities: [Int]
    let modularity: Double?
  }

  let name: String
  let nodes: [String]
  let edges: [[Double]]
  let weighted: Bool
  let groups: [Int]

  let density: Double
  let components: [[Int]]
  let componentAverageDistance: [Double]
  let componentDiameter: [Int]
  let triangles: [Int]
  let transitivity: Double
  let clustering: [Double]
  let averageClustering: Double
  let articulationPoints: [Int]
  let bridges: [[Int]]
  let localBridges: [[Int?]]
  let coreNumbers: [Int]

  let constraint: [Double?]
  let effectiveSize: [Double?]
  let effectiveSizeBorgatti: [Double?]?
  let effectiveSizeNetworkxAllNodes: [Double?]
  let efficiency: [Double?]
  let hierarchy: [Double?]

  let friendsOfFriends: [[Int]]
  let candidates: [[Int]]
  let commonNeighbors: [[Int]]
  let jaccard: [Double]
  let adamicAdar: [Double]
  let resourceAllocation: [Double]
  let shortening: [[Int]]

  let partitions: [String: PartitionValue]
  let mixingNetworkx: [[Int]]
  let groupSizes: [Int]
  let mixingTies: [[Int]]
  let mixingExpected: [[Double]]
  let mixingDensity: [[Double?]]
  let eiInternal: [Int]
  let eiExternal: [Int]
  let eiGroups: [Double?]
  let eiOverall: Double?
  let eiNodes: [Double?]

  let brokerage: [[Int]]

  let baselineFragmentation: Double
  let pairsDisconnected: [Int]
  let fragmentationAfter: [Double]
  let distanceIncreaseTotal: [Int]
  let distanceIncreaseMean: [Double?]
  let kppNegNodes: [Int]
  let kppNegFragmentation: [Double]

  static let names = [
    "florentine_families", "les_miserables_weighted", "davis_two_mode", "davis_women_weighted",
    "karate_weighted", "path5", "star5", "bridged_triangles", "with_isolates",
  ]

  static func load(_ name: String) throws -> GapFixture {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/gaps"),
      "fixture gaps/\(name).json is missing; run python3 Scripts/fixtures/make-gap-fixtures.py")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(GapFixture.self, from: Data(contentsOf: url))
  }

  var graph: Graph {
    Graph(nodeCount: nodes.count, edges: edges.map { (Int($0[0]), Int($0[1]), $0[2]) })
  }

  var candidatePairs: [NodePair] { candidates.map { NodePair($0[0], $0[1]) } }
}

/// Like ``expectClose(_:_:tolerance:_:sourceLocation:)``, with nil in `expected` meaning NaN.
func expectCloseOrNaN(
  _ actual: [Double], _ expected: [Double?], tolerance: Double = 1e-9, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  guard actual.count == expected.count else { return }
  for (i, (a, e)) in zip(actual, expected).enumerated() {
    if let e {
      let d = abs(a - e) / max(1, abs(e))
      #expect(d <= tolerance, "\(what)[\(i)]: \(a) vs \(e)", sourceLocation: sourceLocation)
    } else {
      #expect(a.isNaN, "\(what)[\(i)]: \(a), expected NaN", sourceLocation: sourceLocation)
    }
  }
}
