/// Breadth-first search scratch of one worker: hop distances (−1 = not reached) and the BFS
/// order. `run` leaves `level` set for the reached nodes; `reset` clears exactly those.
package final class BFSScratch: @unchecked Sendable {
  // Unchecked: one scratch belongs to one worker at a time (see `parallelItems`).
  package let level: UnsafeMutableBufferPointer<Int32>
  package let order: UnsafeMutableBufferPointer<Int32>
  private(set) var reached = 0

  package init(nodeCount n: Int) {
    level = .allocate(capacity: max(n, 1))
    level.initialize(repeating: -1)
    order = .allocate(capacity: max(n, 1))
    order.initialize(repeating: 0)
  }

  deinit {
    level.deallocate()
    order.deallocate()
  }

  /// BFS from `s` over the graph's ties. With `wanted`, it stops as soon as `wantedCount`
  /// nodes x with `wanted[x]` have been reached (their levels are then final; the rest of the
  /// graph may be unexplored). Returns the number of reached nodes (including `s`).
  @discardableResult
  package func run(_ g: Graph, from s: Int, wanted: [Bool]? = nil, wantedCount: Int = 0) -> Int {
    reset()
    var missing = wantedCount
    if let wanted, wanted[s] { missing -= 1 }
    level[s] = 0
    order[0] = Int32(truncatingIfNeeded: s)
    var head = 0
    var tail = 1
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        if wanted != nil && missing <= 0 { return }
        search: while head < tail {
          let v = Int(order[head])
          head &+= 1
          let next = level[v] &+ 1
          for e in Int(offsets[v])..<Int(offsets[v &+ 1]) {
            let w32 = neighbors[e]
            let w = Int(w32)
            if level[w] >= 0 { continue }
            level[w] = next
            order[tail] = w32
            tail &+= 1
            if let wanted, wanted[w] {
              missing -= 1
              if missing == 0 { break search }  // everything wanted is found
            }
          }
        }
      }
    }
    reached = tail
    return tail
  }

  /// Clears the levels of the nodes reached by the last `run`.
  package func reset() {
    for k in 0..<reached { level[Int(order[k])] = -1 }
    reached = 0
  }
}
