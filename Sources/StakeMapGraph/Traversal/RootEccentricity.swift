extension Graph {
  /// The largest, over the connected components, of the eccentricity of each component's
  /// first node (its smallest index): the hops from it to the farthest node of its component.
  /// Every distance inside a component is at most twice this, so it bounds path lengths for
  /// level tables (multi-source closeness) and the vertex diameter (approximate betweenness).
  /// 0 for an empty graph or one without ties. Ties are followed as stored (undirected CSR).
  /// - Complexity: O(n + m), one BFS per component.
  package func largestRootEccentricity() -> Int {
    let n = nodeCount
    var level = [Int32](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: max(n, 1))
    var largest: Int32 = 0
    for root in 0..<n where level[root] < 0 {
      level[root] = 0
      queue[0] = Int32(root)
      var head = 0
      var tail = 1
      var eccentricity: Int32 = 0
      while head < tail {
        let v = Int(queue[head])
        head += 1
        eccentricity = level[v]
        for e in edgeRange(v) {
          let w = Int(neighbors[e])
          if level[w] < 0 {
            level[w] = level[v] + 1
            queue[tail] = Int32(w)
            tail += 1
          }
        }
      }
      largest = max(largest, eccentricity)
    }
    return Int(largest)
  }
}
