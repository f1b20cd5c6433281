import StakeMapGraph
import Testing

/// The CSR core every analysis runs on: layout, merging, self-loops, lookups, weightedness.
@Suite struct GraphTests {
  /// Neighbours of v as (neighbour, weight) pairs, in storage order.
  func row(_ g: Graph, _ v: Int) -> [(Int, Double)] {
    g.edgeRange(v).map { (Int(g.neighbors[$0]), g.weights[$0]) }
  }

  @Test func csrLayoutStoresEveryEdgeTwiceWithSortedRows() {
    // 0-3, 0-1, 2-1, 3-2 given out of order and in both directions.
    let g = Graph(nodeCount: 5, edges: [(0, 3, 1.0), (0, 1, 1.0), (2, 1, 1.0), (3, 2, 1.0)])
    #expect(g.nodeCount == 5)
    #expect(g.edgeCount == 4)
    #expect(g.offsets == [0, 2, 4, 6, 8, 8])
    #expect(g.neighbors == [1, 3, 0, 2, 1, 3, 0, 2])
    #expect(g.weights == [Double](repeating: 1, count: 8))
    #expect(g.degree(0) == 2 && g.degree(4) == 0)
    #expect(g.edgeRange(4).isEmpty)
    for v in 0..<g.nodeCount {
      let ns = row(g, v).map(\.0)
      #expect(ns == ns.sorted())
      for w in ns { #expect(row(g, w).contains { $0.0 == v }) }  // symmetric
    }
  }

  @Test func parallelEdgesMergeWithAddedWeights() {
    // Three relations between 0 and 1 (both directions), one between 1 and 2.
    let g = Graph(nodeCount: 3, edges: [(0, 1, 1.0), (1, 0, 2.5), (0, 1, 1.0), (1, 2, 4.0)])
    #expect(g.edgeCount == 2)
    #expect(g.neighbors == [1, 0, 2, 1])
    #expect(g.weight(0, 1) == 4.5)
    #expect(g.weight(1, 0) == 4.5)
    #expect(g.weight(2, 1) == 4.0)
    #expect(g.strength(1) == 8.5)
    #expect(g.isWeighted)
  }

  @Test func mergedUnitEdgesMakeTheGraphWeighted() {
    // Two relations of weight 1 are one tie of weight 2 (SPEC §1), so distances become 1/2.
    let g = Graph(nodeCount: 2, edges: [(0, 1, 1.0), (0, 1, 1.0)])
    #expect(g.edgeCount == 1)
    #expect(g.weight(0, 1) == 2)
    #expect(g.isWeighted)
  }

  @Test func selfLoopsAreDropped() {
    let g = Graph(nodeCount: 3, edges: [(0, 0, 5.0), (0, 1, 1.0), (2, 2, 1.0)])
    #expect(g.edgeCount == 1)
    #expect(g.weight(0, 0) == nil)
    #expect(g.weight(2, 2) == nil)
    #expect(g.degree(0) == 1 && g.degree(2) == 0)
    #expect(!g.isWeighted)  // the dropped loop's weight 5 does not count
  }

  @Test func weightLookup() {
    let g = Graph(nodeCount: 6, edges: (1..<6).map { (0, $0, Double($0)) } + [(2, 4, 7.0)])
    for v in 1..<6 {
      #expect(g.weight(0, v) == Double(v))
      #expect(g.weight(v, 0) == Double(v))
    }
    #expect(g.weight(2, 4) == 7 && g.weight(4, 2) == 7)
    #expect(g.weight(1, 2) == nil)
    #expect(g.weight(5, 4) == nil)
    #expect(g.weight(3, 3) == nil)
  }

  @Test func isWeightedOnlyWhenSomeWeightDiffersFromOne() {
    #expect(!Graph(nodeCount: 3, edges: [(0, 1, 1.0), (1, 2, 1.0)]).isWeighted)
    #expect(Graph(nodeCount: 3, edges: [(0, 1, 1.0), (1, 2, 0.5)]).isWeighted)
    #expect(Graph(nodeCount: 2, edges: [(0, 1, 3.0)]).isWeighted)
    #expect(!Graph(nodeCount: 4, edges: [(Int, Int, Double)]()).isWeighted)
  }

  @Test func emptyAndEdgelessGraphs() {
    let empty = Graph(nodeCount: 0, edges: [(Int, Int, Double)]())
    #expect(empty.nodeCount == 0 && empty.edgeCount == 0)
    #expect(empty.offsets == [0])
    let isolates = Graph(nodeCount: 3, edges: [(Int, Int, Double)]())
    #expect(isolates.offsets == [0, 0, 0, 0])
    #expect(isolates.neighbors.isEmpty && isolates.weights.isEmpty)
    #expect(isolates.strength(1) == 0)
  }

  @Test func arrayInitialiserMatchesEdgeListInitialiser() {
    let edges: [(Int, Int, Double)] = [(3, 1, 2), (0, 2, 1), (1, 3, 1), (2, 1, 5), (0, 3, 1)]
    let a = Graph(nodeCount: 4, edges: edges)
    let b = Graph(
      nodeCount: 4, sources: edges.map { Int32($0.0) }, targets: edges.map { Int32($0.1) },
      weights: edges.map(\.2))
    #expect(a == b)
    #expect(a.weight(1, 3) == 3)
    #expect(a.memoryFootprint == 5 * 4 + 8 * 4 + 8 * 8)
  }
}
