/// A compact undirected, weighted graph in compressed sparse row (CSR) form.
///
/// Nodes are the integers `0..<nodeCount`. The neighbours of node `v` are
/// `neighbors[offsets[v]..<offsets[v+1]]`, sorted ascending, each with its tie strength in
/// `weights` at the same position. Every undirected edge is stored twice (once per endpoint).
/// Parallel edges are merged into one with their weights added (../shared/SPEC.md §1); self-loops are not
/// stored (the network reader rejects them).
///
/// Memory: `4(n+1) + 12·2m` bytes, i.e. about 24 MB for a million edges. This is the structure
/// every algorithm in StakeMapAlgorithms runs on (in the spirit of igraph's C core).
public struct Graph: Sendable, Equatable {
  /// The number of nodes.
  public let nodeCount: Int
  /// Row starts, `nodeCount + 1` entries; `offsets[nodeCount] == 2 * edgeCount`.
  public let offsets: [Int32]
  /// Column indices (neighbour ids), sorted within each row.
  public let neighbors: [Int32]
  /// Tie strengths, parallel to `neighbors`. Finite and > 0.
  public let weights: [Double]
  /// True when some weight differs from 1; algorithms then use distance 1/weight.
  public let isWeighted: Bool

  /// The number of undirected edges (after merging parallel ones).
  @inlinable public var edgeCount: Int { neighbors.count / 2 }

  /// Builds the graph from an edge list.
  ///
  /// - Parameters:
  ///   - nodeCount: the number of nodes; every endpoint must be in `0..<nodeCount`.
  ///   - edges: undirected edges `(u, v, weight)`; direction is ignored, parallel edges are
  ///     merged by adding weights, self-loops (`u == v`) are dropped.
  /// - Complexity: O(n + m log d), d the largest degree; no per-edge allocation.
  public init(nodeCount: Int, edges: some Sequence<(Int, Int, Double)>) {
    precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    us.reserveCapacity(edges.underestimatedCount)
    vs.reserveCapacity(edges.underestimatedCount)
    ws.reserveCapacity(edges.underestimatedCount)
    for (u, v, w) in edges where u != v {
      precondition(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount, "endpoint out of range")
      us.append(Int32(u))
      vs.append(Int32(v))
      ws.append(w)
    }
    self.init(nodeCount: nodeCount, sources: us, targets: vs, weights: ws)
  }

  /// Builds the graph from parallel arrays of endpoints and weights (no self-loops).
  public init(nodeCount n: Int, sources us: [Int32], targets vs: [Int32], weights ws: [Double]) {
    precondition(us.count == vs.count && vs.count == ws.count)
    // 1. Count both endpoints of every edge.
    var degree = [Int32](repeating: 0, count: n + 1)
    for i in us.indices {
      degree[Int(us[i])] += 1
      degree[Int(vs[i])] += 1
    }
    // 2. Prefix sums give the row starts.
    var start = [Int32](repeating: 0, count: n + 1)
    var running: Int32 = 0
    for v in 0..<n {
      start[v] = running
      running += degree[v]
    }
    start[n] = running
    // 3. Scatter.
    var fill = start
    var cols = [Int32](repeating: 0, count: Int(running))
    var vals = [Double](repeating: 0, count: Int(running))
    for i in us.indices {
      let u = Int(us[i]), v = Int(vs[i])
      cols[Int(fill[u])] = vs[i]
      vals[Int(fill[u])] = ws[i]
      fill[u] += 1
      cols[Int(fill[v])] = us[i]
      vals[Int(fill[v])] = ws[i]
      fill[v] += 1
    }
    // 4. Sort each row by neighbour and merge parallel edges, compacting in place.
    var offsets = [Int32](repeating: 0, count: n + 1)
    var write = 0
    var weighted = false
    var row: [(Int32, Double)] = []
    for v in 0..<n {
      offsets[v] = Int32(write)
      let lo = Int(start[v]), hi = Int(start[v + 1])
      if hi - lo > 1 {
        row.removeAll(keepingCapacity: true)
        for k in lo..<hi { row.append((cols[k], vals[k])) }
        row.sort { $0.0 < $1.0 }
        var k = 0
        while k < row.count {
          var w = row[k].1
          let target = row[k].0
          k += 1
          while k < row.count && row[k].0 == target {
            w += row[k].1
            k += 1
          }
          cols[write] = target
          vals[write] = w
          if w != 1 { weighted = true }
          write += 1
        }
      } else if hi - lo == 1 {
        cols[write] = cols[lo]
        vals[write] = vals[lo]
        if vals[lo] != 1 { weighted = true }
        write += 1
      }
    }
    offsets[n] = Int32(write)
    cols.removeLast(cols.count - write)
    vals.removeLast(vals.count - write)
    self.nodeCount = n
    self.offsets = offsets
    self.neighbors = cols
    self.weights = vals
    self.isWeighted = weighted
  }

  /// The number of neighbours of `v`. O(1).
  @inlinable public func degree(_ v: Int) -> Int { Int(offsets[v + 1] - offsets[v]) }

  /// The sum of the weights of `v`'s ties. O(degree).
  @inlinable public func strength(_ v: Int) -> Double {
    var s = 0.0
    for k in Int(offsets[v])..<Int(offsets[v + 1]) { s += weights[k] }
    return s
  }

  /// The position range of `v`'s neighbours in ``neighbors`` and ``weights``.
  @inlinable public func edgeRange(_ v: Int) -> Range<Int> {
    Int(offsets[v])..<Int(offsets[v + 1])
  }

  /// The weight of the tie between `u` and `v`, or nil. O(log degree).
  public func weight(_ u: Int, _ v: Int) -> Double? {
    var lo = Int(offsets[u]), hi = Int(offsets[u + 1])
    let target = Int32(v)
    while lo < hi {
      let mid = (lo + hi) / 2
      if neighbors[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    return lo < Int(offsets[u + 1]) && neighbors[lo] == target ? weights[lo] : nil
  }

  /// Approximate bytes held by the three arrays.
  public var memoryFootprint: Int {
    offsets.count * 4 + neighbors.count * 4 + weights.count * 8
  }
}
