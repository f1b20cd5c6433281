import Testing

@testable import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct FileIdentityTests {
  @Test func sameFileUnderDifferentNames() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = "\(directory)/net.yaml"
    try AtomicFile.write("actors: []\n", to: path)
    #expect(FileIdentity.same(path, path))
    #expect(FileIdentity.same(path, "\(directory)/./net.yaml"))
    #expect(FileIdentity.same(path, "\(directory)//net.yaml"))
    // A symbolic link to the input is the input.
    #expect(symlink(path, "\(directory)/link.yaml") == 0)
    #expect(FileIdentity.same("\(directory)/link.yaml", path))
    // So is a hard link.
    #expect(link(path, "\(directory)/hard.yaml") == 0)
    #expect(FileIdentity.same(path, "\(directory)/hard.yaml"))
  }

  @Test func relativeAndDotPrefixedNames() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    var previous = [CChar](repeating: 0, count: 4096)
    #expect(getcwd(&previous, previous.count) != nil)
    #expect(chdir(directory) == 0)
    defer { _ = chdir(previous) }
    try AtomicFile.write("x\n", to: "x")
    #expect(FileIdentity.same("./x", "x"))
    #expect(FileIdentity.same("x", "\(directory)/x"))
    // Neither exists: the same entry of the same directory.
    #expect(FileIdentity.same("./y", "y"))
    #expect(FileIdentity.same("y", "\(directory)/y"))
    #expect(!FileIdentity.same("y", "z"))
  }

  @Test func differentFilesAndMissingOutputs() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    try AtomicFile.write("a\n", to: "\(directory)/a")
    try AtomicFile.write("a\n", to: "\(directory)/b")
    #expect(!FileIdentity.same("\(directory)/a", "\(directory)/b"))
    // An output that does not exist yet is not an existing input.
    #expect(!FileIdentity.same("\(directory)/a", "\(directory)/new"))
    // A dangling symbolic link names its (missing) target's entry, not the link's.
    #expect(symlink("\(directory)/gone", "\(directory)/dangling") == 0)
    #expect(!FileIdentity.same("\(directory)/dangling", "\(directory)/a"))
  }
}
