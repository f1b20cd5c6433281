import StakeMapGraph

/// What adding one tie does to hop distances: how many pairs of actors get closer, by how many
/// steps in all, and how many pairs can reach each other for the first time.
///
/// With the tie a – b, the distance of s and t becomes
/// `min(d(s,t), d(s,a) + 1 + d(b,t), d(s,b) + 1 + d(a,t))`.
/// Exact for networks of up to ``exactLimit`` actors (distance rows from every actor, computed
/// once). Larger networks use rows from a fixed, evenly spaced sample of ``sampleSize`` source
/// actors and scale the counts by n / (2k): an unbiased estimate, whose relative standard error
/// falls with √k; the figures then carry `sampled_sources`.
///
/// - Complexity: setup O(k (n + m)); per tie O(n + m) for two BFS plus O(k n).
struct PathEffect {
  static let exactLimit = 500
  static let sampleSize = 256

  struct Effect {
    var shortenedPairs: Int
    var stepsSaved: Int
    var newlyConnectedPairs: Int
  }

  let graph: Graph
  /// The source actors with distance rows.
  let sources: [Int]
  /// `rows[i][t]`: hop distance from `sources[i]` to t, -1 when unreachable.
  let rows: [[Int32]]
  var exact: Bool { sources.count == graph.nodeCount }

  init(graph: Graph) {
    self.graph = graph
    let n = graph.nodeCount
    if n <= Self.exactLimit {
      sources = Array(0..<n)
    } else {
      // Evenly spaced actors: deterministic, and spread over the file order.
      sources = (0..<Self.sampleSize).map { $0 * n / Self.sampleSize }
    }
    rows = sources.map { PathEffect.distances(graph, from: $0) }
  }

  /// `[("sampled_sources", k)]` when estimated, else nothing.
  var sampleFigure: [(String, Double)] {
    exact ? [] : [("sampled_sources", Double(sources.count))]
  }

  func effect(of a: Int, _ b: Int) -> Effect {
    let n = graph.nodeCount
    let da = Self.distances(graph, from: a)
    let db = Self.distances(graph, from: b)
    var shortened = 0
    var saved = 0
    var connected = 0
    for (i, s) in sources.enumerated() {
      let row = rows[i]
      let sa = row[a], sb = row[b]
      if sa < 0 && sb < 0 { continue }
      for t in 0..<n where t != s && (!exact || t > s) {
        var via = Int32.max
        if sa >= 0 && db[t] >= 0 { via = sa + 1 + db[t] }
        if sb >= 0 && da[t] >= 0 { via = min(via, sb + 1 + da[t]) }
        guard via != Int32.max else { continue }
        let old = row[t]
        if old < 0 {
          connected += 1
        } else if via < old {
          shortened += 1
          saved += Int(old - via)
        }
      }
    }
    if !exact {
      // Ordered pairs from k sources estimate k/n of all ordered pairs, i.e. 2k/n unordered.
      let scale = Double(n) / Double(2 * sources.count)
      shortened = Int((Double(shortened) * scale).rounded())
      saved = Int((Double(saved) * scale).rounded())
      connected = Int((Double(connected) * scale).rounded())
    }
    return Effect(shortenedPairs: shortened, stepsSaved: saved, newlyConnectedPairs: connected)
  }

  static func distances(_ graph: Graph, from source: Int) -> [Int32] {
    var distance = [Int32](repeating: -1, count: graph.nodeCount)
    var queue = [Int32(source)]
    queue.reserveCapacity(graph.nodeCount)
    distance[source] = 0
    var head = 0
    while head < queue.count {
      let v = Int(queue[head])
      head += 1
      for k in graph.edgeRange(v) {
        let w = Int(graph.neighbors[k])
        if distance[w] < 0 {
          distance[w] = distance[v] + 1
          queue.append(Int32(w))
        }
      }
    }
    return distance
  }
}
