/// Declared ids, looked up by the bytes of a scalar in a ``DocumentTree``: a reference is hashed
/// in place, so a million relations cost no String creation and no SipHash (the actor lookups
/// were the decoder's largest cost).
///
/// Open addressing with linear probing; at least half the slots stay empty. A slot packs the
/// hash and the entry, and the ids' bytes are copied into one small arena, so a lookup touches
/// about two cache lines instead of chasing the tree's node and text arrays. Entry `i` is the
/// `i`-th id inserted. Lookups and inserts are O(id length) expected.
struct IDTable {
  typealias NodeID = DocumentTree.NodeID

  /// hash << 32 | (entry + 1) per slot; 0 is empty.
  private var slots: [UInt64]
  /// Byte range of each entry's id in `bytes`.
  private var ranges: [(start: UInt32, count: UInt32)] = []
  private var bytes: [UInt8] = []
  /// The declaring scalar of each entry.
  private(set) var nodes: [NodeID] = []

  init(capacity: Int = 8) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    ranges.reserveCapacity(capacity)
    nodes.reserveCapacity(capacity)
  }

  var count: Int { nodes.count }

  /// The entry whose id has the same text as scalar `node`, if any.
  func find(_ node: NodeID, in tree: DocumentTree) -> Int? {
    tree.withBytes(node) { find($0, hash: Self.hash($0)) }
  }

  /// Adds scalar `node`'s text as the next entry and returns nil, or returns the entry that
  /// already has that text (and adds nothing).
  mutating func insert(_ node: NodeID, in tree: DocumentTree) -> Int? {
    tree.withBytes(node) { key in
      let hash = Self.hash(key)
      if let existing = find(key, hash: hash) { return existing }
      if 2 * (nodes.count + 1) > slots.count { grow() }
      ranges.append(
        (UInt32(truncatingIfNeeded: bytes.count), UInt32(truncatingIfNeeded: key.count)))
      bytes.append(contentsOf: key)
      nodes.append(node)
      place(entry: nodes.count - 1, hash: hash)
      return nil
    }
  }

  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while slots[slot] != 0 {
        let packed = slots[slot]
        if UInt32(truncatingIfNeeded: packed >> 32) == hash {
          let entry = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF) - 1
          let range = ranges[entry]
          if Int(range.count) == key.count {
            var k = 0
            let start = Int(range.start)
            while k < key.count && stored[start + k] == key[k] { k += 1 }
            if k == key.count { return entry }
          }
        }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  private mutating func place(entry: Int, hash: UInt32) {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = UInt64(hash) << 32 | UInt64(entry + 1)
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    for packed in old where packed != 0 {
      place(
        entry: Int(truncatingIfNeeded: packed & 0xFFFF_FFFF) - 1,
        hash: UInt32(truncatingIfNeeded: packed >> 32))
    }
  }

  /// A multiply-xorshift hash, eight bytes at a time (not for adversarial keys: a file crafted
  /// for collisions only slows its own reading).
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    let raw = UnsafeRawBufferPointer(key)
    var i = 0
    while i + 8 <= raw.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    if i < raw.count {
      var tail: UInt64 = 0
      for k in i..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
      h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    }
    h ^= h >> 29
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 32
    return UInt32(truncatingIfNeeded: h)
  }
}
