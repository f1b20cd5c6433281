import Dispatch
import StakeMapGraph

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An unordered pair of distinct nodes, stored with `u < v`: a tie (bridges, local bridges) or a
/// candidate tie (link prediction). Sorting is lexicographic on (u, v).
public struct NodePair: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The smaller node id.
  public let u: Int
  /// The larger node id.
  public let v: Int

  /// The pair {a, b}; `a` and `b` must differ. Order does not matter.
  public init(_ a: Int, _ b: Int) {
    precondition(a != b, "a node pair needs two distinct nodes")
    u = min(a, b)
    v = max(a, b)
  }

  public static func < (l: NodePair, r: NodePair) -> Bool { (l.u, l.v) < (r.u, r.v) }

  public var description: String { "(\(u), \(v))" }
}

/// Sebastiano Vigna's SplitMix64 (the seeding generator of xoshiro; G. L. Steele, D. Lea,
/// C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): 64 bits of state,
/// the same stream on every platform. The analysis code's only source of randomness, always
/// seeded explicitly, so every result is reproducible.
struct SplitMix64Generator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection; no modulo bias).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    let b = UInt64(bound)
    while true {
      let r = next().multipliedFullWidth(by: b)
      if r.low >= b || r.low >= (0 &- b) % b { return Int(r.high) }
    }
  }

  /// Fisher–Yates: a uniformly random permutation of `values`, fixed by the seed.
  mutating func shuffle(_ values: inout [Int]) {
    var i = values.count - 1
    while i > 0 {
      let j = below(i + 1)
      values.swapAt(i, j)
      i -= 1
    }
  }
}

/// The default worker-thread count of the gap analyses: the active processor count.
@usableFromInline let defaultAnalysisThreads = ProcessInfo.processInfo.activeProcessorCount

/// Runs `body(item, worker)` for every `item` in `0..<count` on up to `threads` workers, handing
/// out items in fixed chunks of `chunk` consecutive indices. The caller makes the result
/// independent of the schedule: each item writes only its own output slot, or the workers
/// accumulate integers (exact and order-independent) in per-worker arrays.
/// `worker` is in `0..<min(threads, chunks)`; each worker runs on one thread at a time.
func parallelItems(
  count: Int, chunk: Int = 8, threads: Int, _ body: @Sendable (_ item: Int, _ worker: Int) -> Void
) {
  guard count > 0 else { return }
  let chunks = (count + chunk - 1) / chunk
  let workers = max(1, min(threads, chunks))
  let counter = ChunkCounter()
  @Sendable func work(_ worker: Int) {
    while true {
      let j = counter.next()
      if j >= chunks { break }
      for item in (j * chunk)..<min(count, (j + 1) * chunk) { body(item, worker) }
    }
  }
  if workers == 1 {
    work(0)
  } else {
    DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
  }
}

/// The number of workers ``parallelItems(count:chunk:threads:_:)`` will use.
func workerCount(count: Int, chunk: Int = 8, threads: Int) -> Int {
  max(1, min(threads, (count + chunk - 1) / max(chunk, 1)))
}

/// n choose 2.
@inline(__always) func pairs(_ n: Int) -> Int { n > 1 ? n * (n - 1) / 2 : 0 }

/// Breadth-first search scratch of one worker: hop distances (−1 = not reached) and the BFS
/// order. `run` leaves `level` set for the reached nodes; `reset` clears exactly those.
final class BFSScratch: @unchecked Sendable {
  // Unchecked: one scratch belongs to one worker at a time (see `parallelItems`).
  let level: UnsafeMutableBufferPointer<Int32>
  let order: UnsafeMutableBufferPointer<Int32>
  private(set) var reached = 0

  init(nodeCount n: Int) {
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
  func run(_ g: Graph, from s: Int, wanted: [Bool]? = nil, wantedCount: Int = 0) -> Int {
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
  func reset() {
    for k in 0..<reached { level[Int(order[k])] = -1 }
    reached = 0
  }
}

/// A heap buffer of `count` copies of `value` (scratch memory of the analysis workers: plain
/// pointers avoid the exclusivity checks Swift makes on every access to a class's array).
/// The owner deallocates it.
func allocateBuffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
  let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
  buffer.initialize(repeating: value)
  return buffer
}

/// Breadth-first search from up to 256 sources at once (bit-parallel BFS: every node holds a
/// 4×64-bit mask of the sources that have reached it; a level ORs the frontier masks over the
/// ties). A node's fresh bits at level L are exactly the sources at hop distance L from it, so
/// one sweep gives 256 distance rows for about the cost of a few single-source searches.
/// Scratch of one worker; masks are cleared after every sweep.
final class BitParallelBFS: @unchecked Sendable {
  // Unchecked: one instance belongs to one worker at a time.
  typealias Mask = SIMD4<UInt64>
  static let width = 256

  private let visited: UnsafeMutableBufferPointer<Mask>
  private let frontier: UnsafeMutableBufferPointer<Mask>
  private let incoming: UnsafeMutableBufferPointer<Mask>
  private let isTouched: UnsafeMutableBufferPointer<Bool>
  private let active: UnsafeMutableBufferPointer<Int32>
  private let touched: UnsafeMutableBufferPointer<Int32>
  private let seen: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int) {
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

  @inline(__always) static func bit(_ i: Int) -> Mask {
    var m = Mask.zero
    m[i >> 6] = 1 << UInt64(i & 63)
    return m
  }

  /// Bits 0..<count.
  static func mask(count: Int) -> Mask {
    var m = Mask.zero
    for i in 0..<count { m |= bit(i) }
    return m
  }

  @inline(__always) static func popcount(_ m: Mask) -> Int {
    m[0].nonzeroBitCount + m[1].nonzeroBitCount + m[2].nonzeroBitCount + m[3].nonzeroBitCount
  }

  /// Sweeps from `sources` (bit i = sources[i], at most 256, distinct). For every level L ≥ 1
  /// and node y reached by new sources at that level, calls `visit(L, y, fresh, visitedNow)`;
  /// returning false stops the sweep.
  func run(
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
