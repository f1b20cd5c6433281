/// An indexed binary min-heap of node ids (`Int32`) keyed by `Double`: the priority queue of
/// Dijkstra's algorithm in the weighted shortest-path sweeps.
///
/// "Indexed" means the heap knows each node's slot, so a shorter tentative distance is a
/// `decreaseKey` (sift-up in place) instead of a second entry: the heap never holds more than n
/// entries and never pops stale ones. Keys and ids are stored together (16-byte entries), so a
/// sift touches one cache line per level.
///
/// The heap does not own its memory: it is a view on buffers held by a sweep ``Workspace``
/// (allocated once per worker thread, reused for every source). `slot[v]` doubles as the node's
/// Dijkstra state: ``unseen`` before it is reached, its heap slot (≥ 0) while its distance is
/// tentative, ``settled`` once popped. The sweep resets the touched entries to ``unseen``
/// after each source (O(nodes reached), not O(n)).
///
/// - Complexity: `insert`, `decreaseKey`, `popMin` O(log n); `state` O(1).
struct IndexedMinHeap {
  struct Entry {
    var key: Double
    var id: Int32
  }

  static let unseen: Int32 = -1
  static let settled: Int32 = -2

  /// `n` entries; only `entries[0..<count]` are meaningful.
  private let entries: UnsafeMutableBufferPointer<Entry>
  /// Per node: ``unseen``, ``settled`` or its slot in `entries`. All ``unseen`` initially.
  private let slot: UnsafeMutableBufferPointer<Int32>
  private(set) var count = 0

  init(entries: UnsafeMutableBufferPointer<Entry>, slot: UnsafeMutableBufferPointer<Int32>) {
    self.entries = entries
    self.slot = slot
  }

  @inline(__always) var isEmpty: Bool { count == 0 }

  /// ``unseen``, ``settled`` or a slot (≥ 0: in the heap).
  @inline(__always) func state(_ id: Int) -> Int32 { slot[id] }

  /// Marks a node unseen again (after a sweep, for the nodes it reached).
  @inline(__always) func reset(_ id: Int) { slot[id] = Self.unseen }

  /// Adds an unseen node.
  @inline(__always) mutating func insert(_ id: Int32, key: Double) {
    let hole = count
    count += 1
    siftUp(Entry(key: key, id: id), from: hole)
  }

  /// Lowers the key of a node in the heap.
  @inline(__always) mutating func decreaseKey(_ id: Int32, to key: Double) {
    siftUp(Entry(key: key, id: id), from: Int(slot[Int(id)]))
  }

  /// Removes the node with the smallest key and marks it ``settled``. The heap must not be empty.
  @inline(__always) mutating func popMin() -> Int32 {
    let top = entries[0].id
    slot[Int(top)] = Self.settled
    count -= 1
    if count > 0 { siftDown(entries[count], from: 0) }
    return top
  }

  @inline(__always) private func siftUp(_ entry: Entry, from start: Int) {
    var hole = start
    while hole > 0 {
      let parent = (hole - 1) >> 1
      let p = entries[parent]
      if p.key <= entry.key { break }
      entries[hole] = p
      slot[Int(p.id)] = Int32(truncatingIfNeeded: hole)
      hole = parent
    }
    entries[hole] = entry
    slot[Int(entry.id)] = Int32(truncatingIfNeeded: hole)
  }

  @inline(__always) private func siftDown(_ entry: Entry, from start: Int) {
    var hole = start
    let n = count
    while true {
      var child = 2 * hole + 1
      if child >= n { break }
      if child + 1 < n && entries[child + 1].key < entries[child].key { child += 1 }
      let c = entries[child]
      if entry.key <= c.key { break }
      entries[hole] = c
      slot[Int(c.id)] = Int32(truncatingIfNeeded: hole)
      hole = child
    }
    entries[hole] = entry
    slot[Int(entry.id)] = Int32(truncatingIfNeeded: hole)
  }
}
