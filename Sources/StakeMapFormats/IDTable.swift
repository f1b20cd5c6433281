import StakeMapModel

/// Declared ids, looked up by the bytes of a scalar in a ``DocumentTree``: a reference is hashed
/// in place, so a million relations cost no String creation and no SipHash (the actor lookups
/// were the decoder's largest cost).
///
/// Open addressing with linear probing; at least half the slots stay empty. A slot (16 bytes)
/// packs the hash, the entry, the id's length and its first 7 bytes, and the ids' bytes are
/// copied into one small arena. So a lookup of an id of up to 7 bytes (`a01234`) touches one
/// cache line, and of a longer one three, instead of chasing the tree's node and text arrays.
/// (That matters in a streamed read, where the parser's work between two lookups pushes the
/// table out of the cache: 100,000 actors make a 4 MB table.) Entry `i` is the `i`-th id
/// inserted. Lookups and inserts are O(id length) expected.
///
/// The table keeps where each id was declared (line and column, 8 bytes an entry) rather than
/// its node: a streamed read (see ``DocumentTreeSink``) drops each actor's nodes once it is
/// decoded, and "first declared at" must still be told.
struct IDTable {
  typealias NodeID = DocumentTree.NodeID

  /// A slot of the hash table.
  private struct Slot {
    /// hash << 32 | (entry + 1); 0 is empty.
    var tag: UInt64
    /// min(length, 255) << 56 | the first (up to) 7 bytes, little-endian: for an id of up to
    /// 7 bytes, equal tags and prefixes mean equal ids.
    var prefix: UInt64
  }

  private var slots: [Slot]
  /// Byte range of each entry's id in `bytes`.
  private var ranges: [(start: UInt32, count: UInt32)] = []
  private var bytes: [UInt8] = []
  /// Line and column of the declaring scalar of each entry.
  private var positions: [(line: UInt32, column: UInt32)] = []

  init(capacity: Int = 8) {
    var size = 16
    while size < 2 * capacity { size <<= 1 }
    slots = Array(repeating: Slot(tag: 0, prefix: 0), count: size)
    ranges.reserveCapacity(capacity)
    positions.reserveCapacity(capacity)
  }

  var count: Int { positions.count }

  /// Where entry `entry` was declared.
  func location(_ entry: Int, file: String) -> FileLocation {
    FileLocation(
      file: file, line: Int(positions[entry].line), column: Int(positions[entry].column))
  }

  /// The entry whose id has the same text as scalar `node`, if any.
  func find(_ node: NodeID, in tree: DocumentTree) -> Int? {
    tree.withBytes(node) { find($0, hash: Self.hash($0), prefix: Self.prefix($0)) }
  }

  /// Adds scalar `node`'s text as the next entry and returns nil, or returns the entry that
  /// already has that text (and adds nothing).
  mutating func insert(_ node: NodeID, in tree: DocumentTree) -> Int? {
    tree.withBytes(node) { key in
      let hash = Self.hash(key)
      let prefix = Self.prefix(key)
      if let existing = find(key, hash: hash, prefix: prefix) { return existing }
      if 2 * (positions.count + 1) > slots.count { grow() }
      ranges.append(
        (UInt32(truncatingIfNeeded: bytes.count), UInt32(truncatingIfNeeded: key.count)))
      bytes.append(contentsOf: key)
      positions.append(
        (
          UInt32(truncatingIfNeeded: tree.line(node)),
          UInt32(truncatingIfNeeded: tree.column(node))
        ))
      place(Slot(tag: UInt64(hash) << 32 | UInt64(positions.count), prefix: prefix))
      return nil
    }
  }

  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, prefix: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while slots[slot].tag != 0 {
        let candidate = slots[slot]
        if UInt32(truncatingIfNeeded: candidate.tag >> 32) == hash && candidate.prefix == prefix {
          let entry = Int(truncatingIfNeeded: candidate.tag & 0xFFFF_FFFF) - 1
          if key.count <= 7 { return entry }
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

  private mutating func place(_ new: Slot) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: new.tag >> 32) & mask
    while slots[slot].tag != 0 { slot = (slot + 1) & mask }
    slots[slot] = new
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(tag: 0, prefix: 0), count: old.count * 2)
    for slot in old where slot.tag != 0 { place(slot) }
  }

  /// The length and first 7 bytes of `key`, packed as ``Slot/prefix``.
  private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var prefix = UInt64(min(key.count, 255)) << 56
    for k in 0..<min(key.count, 7) { prefix |= UInt64(key[k]) << (8 * k) }
    return prefix
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
