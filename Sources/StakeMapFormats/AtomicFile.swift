#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

import StakeMapText

/// Replaces a file's contents all at once: readers see the old file or the new one, never a
/// mix, and a failed write leaves the old file as it was (SPEC §2: "a run that fails writes no
/// output file and leaves an existing one untouched").
///
/// How: write a temporary file beside the target (`.NAME.tmp-PID-RANDOM`, created exclusively),
/// fsync it, rename(2) it over the target, then fsync the directory so that the rename survives
/// a crash. On any failure the temporary file is removed. The new file keeps the permission bits
/// of the file it replaces, or gets 0644. A symbolic link as target is followed: the file it
/// points to is replaced and the link stays. Ownership and extended attributes are not kept.
package enum AtomicFile {
  /// Why a write failed: the path, the step and the system's reason.
  package struct WriteError: Error, Sendable, CustomStringConvertible {
    package var path: String
    /// What was being done: "create a temporary file", "write", "rename", ….
    package var operation: String
    /// The `errno` value.
    package var code: Int32

    package var description: String { sentence.text(in: .en) }

    /// The message as a catalogue phrase (the system's reason stays as the system words it).
    package var sentence: Sentence {
      let operations: [String: Phrase] = [
        "create a temporary file": .diagnosticOperationCreateTemporary,
        "write": .diagnosticOperationWrite, "set permissions": .diagnosticOperationSetPermissions,
        "fsync": .diagnosticOperationFsync, "close": .diagnosticOperationClose,
        "rename": .diagnosticOperationRename,
      ]
      return Sentence(
        .diagnosticCannotWrite,
        [
          "path": .path(path),
          "operation": operations[operation].map { .phrase($0) } ?? .text(operation),
          "reason": .text(String(cString: strerror(code))),
        ])
    }

    /// The message in `language`.
    package func description(in language: Language) -> String { sentence.text(in: language) }
  }

  /// Writes `bytes` to `path` atomically. O(bytes).
  package static func write(_ bytes: [UInt8], to path: String) throws {
    let target = resolvedTarget(path)
    let (directory, name) = split(target)
    var mode: mode_t = 0o644
    var info = stat()
    if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }

    // The name is shortened so that the temporary name stays within NAME_MAX (255 bytes) even
    // for a target whose own name is near it.
    var stem = Substring(name)
    while stem.utf8.count > 200 { stem = stem.dropLast() }
    var fd: Int32 = -1
    var temporary = ""
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      temporary = "\(directory)/.\(stem).tmp-\(getpid())-\(suffix)"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else {
      throw WriteError(path: path, operation: "create a temporary file", code: errno)
    }

    func fail(_ operation: String, _ code: Int32) -> WriteError {
      close(fd)
      unlink(temporary)
      return WriteError(path: path, operation: operation, code: code)
    }

    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBufferPointer { buffer in
        systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw fail("write", errno)
      }
      written += n
    }
    // fchmod, not the mode of open(2): the umask must not narrow the bits being preserved.
    if fchmod(fd, mode) != 0 { throw fail("set permissions", errno) }
    if fsync(fd) != 0 { throw fail("fsync", errno) }
    if close(fd) != 0 {
      let code = errno
      unlink(temporary)
      throw WriteError(path: path, operation: "close", code: code)
    }
    if rename(temporary, target) != 0 {
      let code = errno
      unlink(temporary)
      throw WriteError(path: path, operation: "rename", code: code)
    }
    // Makes the rename durable; a failure here no longer affects the result, so it is ignored.
    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      _ = fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// Writes `string` as UTF-8 to `path` atomically.
  package static func write(_ string: String, to path: String) throws {
    try write(Array(string.utf8), to: path)
  }

  /// The file a symbolic link at `path` points to, or `path` itself.
  private static func resolvedTarget(_ path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
      let resolved = realpath(path, nil)
    else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Directory and file name; the directory of a bare name is ".".
  private static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
      Musl.write(fd, buffer, count)
    #else
      Darwin.write(fd, buffer, count)
    #endif
  }
}
