/// Node ids renumbered in breadth-first order, for the cache of the all-sources sweeps.
///
/// Component by component (in order of their smallest node), a breadth-first search from the
/// node of largest degree (smallest id among equals) numbers nodes as it reaches them,
/// neighbours in ascending order. Nodes near each other in the graph get near ids: a sweep then
/// touches memory in runs, and a batch of consecutive sources (``BitParallelBFS``-style
/// passes) starts from neighbouring nodes whose searches overlap. (Relabelling by BFS order is
/// the classic bandwidth-reducing order of Cuthill–McKee, E. Cuthill and J. McKee, ACM '69,
/// without the degree sort of each level.)
package enum BFSOrder {
  /// `newID[v]` for every node, and the graph with nodes renumbered by it (same weights).
  /// Deterministic: depends on the graph only.
  ///
  /// - Complexity: O(n + m log d) time (the rows are sorted again), one more graph in memory.
  package static func relabel(_ g: Graph) -> (graph: Graph, newID: [Int32]) {
    let n = g.nodeCount
    var newID = [Int32](repeating: -1, count: n)
    var order = [Int32](repeating: 0, count: n)
    var next = 0
    var componentRoots: [Int] = []
    // Roots: in each component, the node of largest degree.
    var seen = [Bool](repeating: false, count: n)
    var queue = [Int32](repeating: 0, count: n)
    for start in 0..<n where !seen[start] {
      seen[start] = true
      queue[0] = Int32(start)
      var head = 0
      var tail = 1
      var best = start
      while head < tail {
        let v = Int(queue[head])
        head += 1
        if g.degree(v) > g.degree(best) || (g.degree(v) == g.degree(best) && v < best) { best = v }
        for e in g.edgeRange(v) {
          let w = Int(g.neighbors[e])
          if !seen[w] {
            seen[w] = true
            queue[tail] = Int32(w)
            tail += 1
          }
        }
      }
      componentRoots.append(best)
    }
    for root in componentRoots {
      newID[root] = Int32(next)
      order[next] = Int32(root)
      var head = next
      next += 1
      while head < next {
        let v = Int(order[head])
        head += 1
        for e in g.edgeRange(v) {
          let w = Int(g.neighbors[e])
          if newID[w] < 0 {
            newID[w] = Int32(next)
            order[next] = Int32(w)
            next += 1
          }
        }
      }
    }
    var us: [Int32] = []
    var vs: [Int32] = []
    var ws: [Double] = []
    us.reserveCapacity(g.edgeCount)
    vs.reserveCapacity(g.edgeCount)
    ws.reserveCapacity(g.edgeCount)
    for u in 0..<n {
      for e in g.edgeRange(u) where Int(g.neighbors[e]) > u {
        us.append(newID[u])
        vs.append(newID[Int(g.neighbors[e])])
        ws.append(g.weights[e])
      }
    }
    return (Graph(nodeCount: n, sources: us, targets: vs, weights: ws), newID)
  }
}
