#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether two paths name one file, so that an output is never written over an input.
package enum FileIdentity {
  /// True when `a` and `b` name the same file: both exist and are the same device and inode
  /// (symbolic links followed, so a link to a file, `./x` and `x`, and hard links all count); or
  /// one or both do not exist yet and they name the same entry: the same resolved parent
  /// directory (device and inode) and the same last component. Paths whose parent directories
  /// cannot be examined are compared as written.
  package static func same(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    let aExists = stat(a, &x) == 0
    let bExists = stat(b, &y) == 0
    if aExists && bExists { return x.st_dev == y.st_dev && x.st_ino == y.st_ino }
    if aExists != bExists { return false }
    let (aDirectory, aName) = split(a)
    let (bDirectory, bName) = split(b)
    guard aName == bName else { return false }
    guard stat(aDirectory, &x) == 0, stat(bDirectory, &y) == 0 else { return a == b }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  /// The directory part ("." when none) and the last component of `path`.
  private static func split(_ path: String) -> (directory: String, name: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
    let directory = trimmed[..<slash]
    return (directory.isEmpty ? "/" : String(directory), String(trimmed[trimmed.index(after: slash)...]))
  }
}
