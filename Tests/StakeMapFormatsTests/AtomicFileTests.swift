import Testing

@testable import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct AtomicFileTests {
  @Test func createsANewFileWithMode0644AndNoLeftovers() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = "\(directory)/map.dot"
    try AtomicFile.write("graph {}\n", to: path)
    #expect(fileContents(path) == "graph {}\n")
    #expect(fileMode(path) == 0o644)
    #expect(directoryEntries(directory) == ["map.dot"])
  }

  @Test func replacesTheFileAtomicallyAndKeepsItsMode() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = "\(directory)/report.md"
    try AtomicFile.write("old contents\n", to: path)
    chmod(path, 0o600)
    // A reader that has the old file open keeps seeing all of it: the new contents arrive as a
    // new file renamed over the old name, not by rewriting the old file in place.
    let reader = open(path, O_RDONLY)
    #expect(reader >= 0)
    defer { close(reader) }
    var before = stat()
    stat(path, &before)

    try AtomicFile.write(Array(repeating: UInt8(ascii: "x"), count: 100_000), to: path)

    #expect(fileContents(path) == String(repeating: "x", count: 100_000))
    #expect(fileMode(path) == 0o600)
    var after = stat()
    stat(path, &after)
    #expect(after.st_ino != before.st_ino)
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(reader, &buffer, 64)
    #expect(String(decoding: buffer[0..<max(n, 0)], as: UTF8.self) == "old contents\n")
    #expect(directoryEntries(directory) == ["report.md"])
  }

  @Test func followsASymbolicLink() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    try AtomicFile.write("old", to: "\(directory)/real.svg")
    symlink("\(directory)/real.svg", "\(directory)/link.svg")
    try AtomicFile.write("new", to: "\(directory)/link.svg")
    #expect(fileContents("\(directory)/real.svg") == "new")
    var info = stat()
    lstat("\(directory)/link.svg", &info)
    #expect(info.st_mode & S_IFMT == S_IFLNK)
  }

  @Test func aMissingDirectoryFailsWithPathAndReason() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = "\(directory)/no/such/dir/out.svg"
    #expect {
      try AtomicFile.write("x", to: path)
    } throws: { error in
      "\(error)"
        == "cannot write \"\(path)\": create a temporary file failed: No such file or directory"
    }
    #expect(directoryEntries(directory) == [])
  }

  @Test func aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws {
    // The target is a non-empty directory, so rename(2) fails after the data was written.
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let target = "\(directory)/out.html"
    mkdir(target, 0o755)
    try AtomicFile.write("keep", to: "\(target)/inside")
    do {
      try AtomicFile.write("new contents", to: target)
      Issue.record("the write should have failed")
    } catch let error as AtomicFile.WriteError {
      #expect(error.path == target)
      #expect(error.operation == "rename")
      #expect(error.code == EISDIR)
    }
    #expect(directoryEntries(directory) == ["out.html"])
    #expect(fileContents("\(target)/inside") == "keep")
  }

  @Test(.enabled(if: geteuid() != 0, "root may write into any directory"))
  func anUnwritableDirectoryLeavesTheOldFileUntouched() throws {
    let directory = temporaryDirectory()
    defer {
      chmod(directory, 0o755)
      removeTree(directory)
    }
    let path = "\(directory)/net.yaml"
    try AtomicFile.write("old", to: path)
    chmod(directory, 0o555)
    #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("new", to: path) }
    #expect(fileContents(path) == "old")
    #expect(directoryEntries(directory) == ["net.yaml"])
  }

  @Test func longNamesStillGetATemporaryFile() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let name = String(repeating: "n", count: 250)
    try AtomicFile.write("a", to: "\(directory)/\(name)")
    try AtomicFile.write("b", to: "\(directory)/\(name)")
    #expect(fileContents("\(directory)/\(name)") == "b")
  }

  @Test func severalFilesAreWrittenAllOrNothing() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    try AtomicFile.write("old map", to: "\(directory)/r-map.svg")
    mkdir("\(directory)/r-map.png", 0o755)
    do {
      try AtomicFile.write([
        ("\(directory)/r-map.svg", Array("new map".utf8)),
        ("\(directory)/r-map.png", Array("png".utf8)),
        ("\(directory)/r.md", Array("report".utf8)),
      ])
      Issue.record("the write should have failed")
    } catch let error as AtomicFile.WriteError {
      #expect(error.path == "\(directory)/r-map.png")
      #expect(error.code == EISDIR)
    }
    #expect(fileContents("\(directory)/r-map.svg") == "old map")
    #expect(directoryEntries(directory) == ["r-map.png", "r-map.svg"])

    rmdir("\(directory)/r-map.png")
    try AtomicFile.write([
      ("\(directory)/r-map.svg", Array("new map".utf8)),
      ("\(directory)/r-map.png", Array("png".utf8)),
      ("\(directory)/r.md", Array("report".utf8)),
    ])
    #expect(fileContents("\(directory)/r-map.svg") == "new map")
    #expect(fileContents("\(directory)/r.md") == "report")
    #expect(directoryEntries(directory) == ["r-map.png", "r-map.svg", "r.md"])
  }

  @Test func staleTemporariesOfGoneProcessesAreRemoved() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let names = [
      ".out.svg.tmp-99999999-abc",  // no such process: removed
      ".out.svg.tmp-\(getpid())-abc",  // this process: kept
      ".out.svg.tmp-1-abc",  // init, another user's or ours: alive, kept
      ".out.svg.tmp-99999999-a.b",  // not a name AtomicFile makes: kept
      ".out.svg.tmp-x-abc",  // no pid: kept
      ".other.svg.tmp-99999999-abc",  // another output's: kept
    ]
    for name in names { try AtomicFile.write("x", to: "\(directory)/\(name)") }
    mkdir("\(directory)/.out.svg.tmp-99999998-dir", 0o755)  // a directory: kept
    try AtomicFile.write("map", to: "\(directory)/out.svg")
    #expect(
      directoryEntries(directory)
        == (names.dropFirst() + [".out.svg.tmp-99999998-dir", "out.svg"]).sorted())
  }

  @Test func aFailedRenamePutsBackWhatWasRenamedBefore() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    try AtomicFile.write("old png", to: "\(directory)/r-map.png")
    try AtomicFile.write("old md", to: "\(directory)/r.md")
    let failing = "\(directory)/r.md"
    AtomicFile.failingRenames.withLock { _ = $0.insert(failing) }
    defer { AtomicFile.failingRenames.withLock { _ = $0.remove(failing) } }
    do {
      try AtomicFile.write([
        ("\(directory)/r-map.svg", Array("new map".utf8)),
        ("\(directory)/r-map.png", Array("new png".utf8)),
        ("\(directory)/r.md", Array("report".utf8)),
      ])
      Issue.record("the write should have failed")
    } catch let error as AtomicFile.WriteError {
      #expect(error.path == failing)
      #expect(error.operation == "rename")
    }
    // The new r-map.svg is gone again, the old r-map.png is back: no temporaries, no backups.
    #expect(fileContents("\(directory)/r-map.png") == "old png")
    #expect(fileContents("\(directory)/r.md") == "old md")
    #expect(directoryEntries(directory) == ["r-map.png", "r.md"])
  }
}
