/// Breadth-first search from up to 256 sources at once (bit-parallel BFS: every node holds a
/// 4×64-bit mask of the sources that have reached it; a level ORs the frontier masks over the
/// ties). A node's fresh bits at level L are exactly the sources at hop distance L from it, so
/// one sweep gives 256 distance rows for about the cost of a few single-source searches.
/// Scratch of one worker; masks are cleared after every sweep.
package final class BitParallelBFS: @unchecked Sendable {
  // Unchecked: one instance belongs to one worker at a time.
  package typealias Mask = SIMD4<UInt64>
  package static let width = 256

  private let visited: UnsafeMutableBufferPointer<Mask>
  private let frontier: UnsafeMutableBufferPointer<Mask>
  private let incoming: UnsafeMutableBufferPointer<Mask>
  private let isTouched: UnsafeMutableBufferPointer<Bool>
  private let active: UnsafeMutableBufferPointer<Int32>
  private let touched: UnsafeMutableBufferPointer<Int32>
  private let seen: UnsafeMutableBufferPointer<Int32>

  package init(nodeCount n: Int) {
    visited = allocateBuffer(n, .zero)
    frontier = allocateBuffer(n, .zero)
    incoming = allocateBuffer(n, .zero)
    isTouched = allocateBuffer(n, false)
    active = allocateBuffer(n, 0)
    touched = allocateBuffer(n, 0)
    seen = allocateBuffer(n, 0)
  }

  deinit {
    visited.deallocate()
    frontier.deallocate()
    incoming.deallocate()
    isTouched.deallocate()
    active.deallocate()
    touched.deallocate()
    seen.deallocate()
  }

  @inline(__always) package static func bit(_ i: Int) -> Mask {
    var m = Mask.zero
    m[i >> 6] = 1 << UInt64(i & 63)
    return m
  }

  /// Bits 0..<count.
  package static func mask(count: Int) -> Mask {
    var m = Mask.zero
    for i in 0..<count { m |= bit(i) }
    return m
  }

  @inline(__always) package static func popcount(_ m: Mask) -> Int {
    m[0].nonzeroBitCount + m[1].nonzeroBitCount + m[2].nonzeroBitCount + m[3].nonzeroBitCount
  }

  /// Sweeps from `sources` (bit i = sources[i], at most 256, distinct). For every level L ≥ 1
  /// and node y reached by new sources at that level, calls `visit(L, y, fresh, visitedNow)`;
  /// returning false stops the sweep.
  package func run(
    _ g: Graph, sources: ArraySlice<Int>,
    visit: (_ level: Int, _ node: Int, _ fresh: Mask, _ visited: Mask) -> Bool
  ) {
    precondition(sources.count <= Self.width)
    let visited = self.visited
    let frontier = self.frontier
    let incoming = self.incoming
    let isTouched = self.isTouched
    let active = self.active
    let touched = self.touched
    let seen = self.seen
    var activeCount = 0
    var seenCount = 0
    for (i, s) in sources.enumerated() {
      let bit = Self.bit(i)
      if visited[s] == .zero {
        active[activeCount] = Int32(s)
        activeCount += 1
        seen[seenCount] = Int32(s)
        seenCount += 1
      }
      visited[s] |= bit
      frontier[s] |= bit
    }
    var level = 0
    g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors in
        search: while activeCount > 0 {
          level += 1
          var touchedCount = 0
          for a in 0..<activeCount {
            let x = Int(active[a])
            let bits = frontier[x]
            frontier[x] = .zero
            for e in Int(offsets[x])..<Int(offsets[x + 1]) {
              let y = Int(neighbors[e])
              let fresh = bits & ~visited[y]
              if fresh == .zero { continue }
              if !isTouched[y] {
                isTouched[y] = true
                touched[touchedCount] = Int32(y)
                touchedCount += 1
              }
              incoming[y] |= fresh
            }
          }
          activeCount = 0
          var stop = false
          for k in 0..<touchedCount {
            let y32 = touched[k]
            let y = Int(y32)
            isTouched[y] = false
            let fresh = incoming[y] & ~visited[y]
            incoming[y] = .zero
            if fresh == .zero || stop { continue }
            if visited[y] == .zero {
              seen[seenCount] = y32
              seenCount += 1
            }
            visited[y] |= fresh
            frontier[y] = fresh
            active[activeCount] = y32
            activeCount += 1
            if !visit(level, y, fresh, visited[y]) { stop = true }
          }
          if stop { break search }
        }
      }
    }
    for k in 0..<seenCount {
      let x = Int(seen[k])
      visited[x] = .zero
      frontier[x] = .zero
    }
  }
}
