#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How far a parser has read its input, and, for an input buffer the reader owns, the pages
/// behind that point given back to the system as the parse goes on.
///
/// A streamed parse (see ``DocumentTreeSink``) keeps one list element of tree at a time, so the
/// input itself would be the largest thing alive while the network grows: 73 MB for a million
/// relations. Both parsers read strictly forward (the JSON parser never looks behind the value it
/// is in; libyaml copies its input into its own buffers), so whole pages before the last point
/// they report are never read again and are released with `madvise(MADV_DONTNEED)`: they stop
/// counting as resident and would read as zeros. Only a YAML syntax error looks back (to count
/// lines up to a byte offset); the reader then reads the file again (``released``), which is
/// why it releases the pages of regular files only, not of a pipe.
///
/// Complexity: O(1) per report; one system call per ``step`` bytes.
final class ConsumedInput {
  /// Bytes from the start of the input that the parser has finished with.
  private(set) var offset = 0
  /// Bytes from the start that may have been released (0 when nothing was): the input is
  /// intact only from here on.
  private(set) var released = 0
  /// The input's size.
  let count: Int
  /// The buffer to release pages of; nil when the input belongs to the caller.
  private let base: UnsafeMutableRawPointer?
  /// Bytes read between two releases.
  let step: Int
  private let pageSize: Int

  /// Tracks an input of `count` bytes that is not to be released.
  init(count: Int) {
    self.count = count
    base = nil
    step = .max
    pageSize = 1
  }

  /// Tracks `buffer`, which the reader owns and no one else reads, releasing its pages as the
  /// parse passes them, `step` bytes at a time.
  init(releasing buffer: UnsafeMutableBufferPointer<UInt8>, step: Int = 4 << 20) {
    count = buffer.count
    base = buffer.baseAddress.map(UnsafeMutableRawPointer.init)
    self.step = max(step, 1)
    pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)
  }

  /// Bytes not yet read.
  var remaining: Int { count - offset }

  /// The parser will not read bytes before `offset` again.
  func advance(to offset: Int) {
    self.offset = offset
    guard let base, offset - released >= step else { return }
    let address = UInt(bitPattern: base)
    let page = UInt(pageSize)
    // Whole pages only: the first and last partial pages may hold bytes still needed, or the
    // allocator's own bookkeeping.
    let start = (address + UInt(released) + page - 1) / page * page
    let end = (address + UInt(offset)) / page * page
    if end > start {
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_DONTNEED)
      released = Int(end - address)
    }
  }
}
