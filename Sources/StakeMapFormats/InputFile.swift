#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

import StakeMapText

/// Reads whole files with POSIX calls (no Foundation: one copy, no bridging).
package enum InputFile {
  package struct Failure: Error, CustomStringConvertible {
    package var path: String
    package var code: Int32
    package var description: String { sentence.text(in: .en) }
    /// The message as a catalogue phrase (the system's reason stays as the system words it).
    package var sentence: Sentence {
      Sentence(
        .diagnosticCannotRead, ["path": .path(path), "reason": .text(String(cString: strerror(code)))])
    }
  }

  /// Whether `path` names a regular file (one that can be read again and gives the same bytes,
  /// unlike a pipe or a terminal).
  package static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  /// The bytes of the file at `path`. Reads until end of file rather than trusting the size, so
  /// that pipes and files that grow meanwhile work too. O(size).
  package static func contents(of path: String) throws(Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Failure(path: path, code: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(path: path, code: errno) }
    if info.st_mode & S_IFMT == S_IFDIR { throw Failure(path: path, code: EISDIR) }
    // One spare byte, so that a file of the size fstat gave ends in the first read's buffer.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
      }
      let n = bytes.withUnsafeMutableBufferPointer { buffer in
        read(fd, buffer.baseAddress! + count, buffer.count - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, code: errno)
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeSubrange(count...)
    return bytes
  }
}
