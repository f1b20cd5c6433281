#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

import StakeMapText
import Synchronization

/// Replaces a file's contents all at once: readers see the old file or the new one, never a
/// mix, and a failed write leaves the old file as it was (../shared/SPEC.md §2: "a run that fails writes no
/// output file and leaves an existing one untouched").
///
/// How: write a temporary file beside the target (`.NAME.tmp-PID-RANDOM`, created exclusively),
/// fsync it, rename(2) it over the target, then fsync the directory so that the rename survives
/// a crash. On any failure the temporary file is removed. Temporaries left by a killed run are
/// removed by a later write of the same target once their process is gone. Several files can be
/// written as one result, all or nothing (``write(_:)-([(path:bytes:)])``). The new file keeps the permission bits
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

  /// Targets (as resolved) whose rename is made to fail with EIO: for tests of the undo of a
  /// partly renamed result, which real failures reach only through races. Empty otherwise.
  package static let failingRenames = Mutex<Set<String>>([])

  /// Writes `bytes` to `path` atomically. O(bytes).
  package static func write(_ bytes: [UInt8], to path: String) throws {
    try write([(path, bytes)])
  }

  /// Writes several files as one result, all or nothing: every temporary file is written and
  /// synced first, then all are renamed over their targets, in the order given (put the file
  /// that refers to the others last). When any step fails, the temporaries are removed, and
  /// targets already replaced are put back from a second name (a hard link) taken of each
  /// existing target before the first rename, so that every existing file is left as it was.
  ///
  /// The window that remains: a crash (or kill -9) between two renames leaves the files renamed
  /// so far new and the others old, and the backup links behind as stale temporaries (removed
  /// by a later run, see below). The renames follow each other directly, with nothing written
  /// in between, so the window is a few system calls long. A target whose backup link cannot be
  /// made (a file system without hard links) cannot be put back after a later rename fails;
  /// targets that are directories, the usual cause of a failing rename, are refused before the
  /// first rename.
  ///
  /// Stale temporaries: before writing, temporaries of the same target left by a process that
  /// no longer exists (`.NAME.tmp-PID-…` whose PID `kill(PID, 0)` reports as gone) are removed;
  /// those of a live process are kept. (A process in another PID namespace writing into the same
  /// directory would count as gone; its rename then fails and its write reports an error.)
  package static func write(_ files: [(path: String, bytes: [UInt8])]) throws {
    var staged: [Staged] = []
    var backups: [String?] = []
    func discard() {
      for file in staged { unlink(file.temporary) }
      for backup in backups { if let backup { unlink(backup) } }
    }
    do {
      for file in files { staged.append(try stage(file.bytes, for: file.path)) }
    } catch {
      discard()
      throw error
    }
    // rename(2) cannot replace a directory: refuse before anything is renamed.
    for file in staged {
      var info = stat()
      if stat(file.target, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
        discard()
        throw WriteError(path: file.path, operation: "rename", code: EISDIR)
      }
    }
    // A second name for each existing target, to put it back if a later rename fails. Only
    // needed when there is more than one file.
    for file in staged {
      var info = stat()
      guard files.count > 1, lstat(file.target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        backups.append(nil)
        continue
      }
      backups.append(linkBackup(of: file.target, directory: file.directory, stem: file.stem))
    }
    // The window of a mix after a crash starts here: the renames follow each other directly.
    for (index, file) in staged.enumerated() {
      let injected = failingRenames.withLock { $0.contains(file.target) }
      if !injected && rename(file.temporary, file.target) == 0 { continue }
      let code = injected ? EIO : errno
      for undo in staged[..<index].indices.reversed() {
        if let backup = backups[undo] {
          if rename(backup, staged[undo].target) == 0 { backups[undo] = nil }
        } else if !staged[undo].existed {
          unlink(staged[undo].target)
        }
      }
      discard()
      throw WriteError(path: file.path, operation: "rename", code: code)
    }
    // …and ends here.
    for backup in backups { if let backup { unlink(backup) } }
    // Makes the renames durable; a failure here no longer affects the result, so it is ignored.
    var synced: Set<String> = []
    for file in staged where synced.insert(file.directory).inserted {
      let directoryFD = open(file.directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if directoryFD >= 0 {
        _ = fsync(directoryFD)
        close(directoryFD)
      }
    }
  }

  /// A temporary file written and synced beside its target, not yet renamed.
  private struct Staged {
    var path: String
    var target: String
    var directory: String
    var stem: Substring
    var temporary: String
    /// Whether the target existed when the temporary file was written.
    var existed: Bool
  }

  /// Writes `bytes` to a new temporary file beside the target of `path`. O(bytes).
  private static func stage(_ bytes: [UInt8], for path: String) throws -> Staged {
    let target = resolvedTarget(path)
    let (directory, name) = split(target)
    var mode: mode_t = 0o644
    var info = stat()
    let existed = lstat(target, &info) == 0
    if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }

    // The name is shortened so that the temporary name stays within NAME_MAX (255 bytes) even
    // for a target whose own name is near it.
    var stem = Substring(name)
    while stem.utf8.count > 200 { stem = stem.dropLast() }
    removeStaleTemporaries(in: directory, stem: stem)
    var fd: Int32 = -1
    var temporary = ""
    for _ in 0..<16 {
      temporary = temporaryName(directory: directory, stem: stem)
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
    return Staged(
      path: path, target: target, directory: directory, stem: stem, temporary: temporary,
      existed: existed)
  }

  /// `.STEM.tmp-PID-RANDOM` in `directory`.
  private static func temporaryName(directory: String, stem: Substring) -> String {
    let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    return "\(directory)/.\(stem).tmp-\(getpid())-\(suffix)"
  }

  /// A hard link to `target` under a temporary name, or nil when none can be made.
  private static func linkBackup(of target: String, directory: String, stem: Substring) -> String? {
    for _ in 0..<16 {
      let backup = temporaryName(directory: directory, stem: stem)
      if link(target, backup) == 0 { return backup }
      if errno != EEXIST { return nil }
    }
    return nil
  }

  /// Removes `.STEM.tmp-PID-RANDOM` files in `directory` whose process no longer exists
  /// (`kill(PID, 0)` fails with ESRCH): what a run killed before its rename left behind. Files
  /// of live processes (or of processes of other users: EPERM), other names, links and
  /// directories are left alone. O(entries of the directory).
  static func removeStaleTemporaries(in directory: String, stem: Substring) {
    guard let dir = opendir(directory) else { return }
    defer { closedir(dir) }
    let prefix = ".\(stem).tmp-"
    let own = getpid()
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      guard name.hasPrefix(prefix) else { continue }
      let rest = name.utf8.dropFirst(prefix.utf8.count)
      guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { continue }
      let digits = rest[..<dash]
      let suffix = rest[rest.index(after: dash)...]
      guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ (48...57).contains($0) }),
        !suffix.isEmpty,
        suffix.allSatisfy({ (48...57).contains($0) || (97...122).contains($0) }),
        let number = Int(String(decoding: digits, as: UTF8.self)), number > 0,
        let pid = pid_t(exactly: number), pid != own
      else { continue }
      guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
      let path = "\(directory)/\(name)"
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      unlink(path)
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
