import StakeMapModel
import Testing

@testable import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct NetworkReaderTests {
  static let valid = "network: {title: T}\nactors: [{id: a, name: A, type: other}]\nextra: 1\n"

  @Test(arguments: [
    ("net.json", NetworkFileFormat.json), ("net.yaml", .yaml), ("NET.YML", .yaml),
    ("dir/a.b.JSON", .json), ("x.txt", nil), ("json", nil), (".json", nil), ("d.json/file", nil),
    ("", nil),
  ])
  func formatFollowsTheExtension(path: String, format: NetworkFileFormat?) {
    #expect(NetworkFileFormat(path: path) == format)
  }

  @Test func missingFileIsOneErrorNamingIt() {
    let result = NetworkReader.read(path: "/nonexistent/net.yaml")
    #expect(result.network == nil)
    #expect(
      result.diagnostics == [
        .error(at: nil, "cannot read \"/nonexistent/net.yaml\": No such file or directory")
      ])
  }

  /// Only a regular file's pages are released while it is read: a pipe could not be read
  /// again when the work left needs the whole text.
  @Test func onlyRegularFilesCountAsReadableAgain() {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let file = directory + "/net.yaml"
    let fifo = directory + "/pipe"
    #expect(throws: Never.self) { try AtomicFile.write(Array(Self.valid.utf8), to: file) }
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(InputFile.isRegularFile(file))
    #expect(!InputFile.isRegularFile(fifo))
    #expect(!InputFile.isRegularFile(directory))
    #expect(!InputFile.isRegularFile("/dev/null"))
    #expect(!InputFile.isRegularFile(directory + "/missing"))
  }

  @Test func directoryIsRefused() {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    #expect(
      NetworkReader.read(path: directory).diagnostics == [
        .error(at: nil, "cannot read \"\(directory)\": Is a directory")
      ])
  }

  @Test func readsFilesByExtensionAndOtherExtensionsAsYAML() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    try AtomicFile.write(Self.valid, to: "\(directory)/n.yaml")
    try AtomicFile.write(Self.valid, to: "\(directory)/n.txt")
    let json = "{\"network\": {\"title\": \"T\"}, \"actors\": [], \"extra\": 1}"
    try AtomicFile.write(json, to: "\(directory)/n.json")

    let yaml = NetworkReader.read(path: "\(directory)/n.yaml")
    #expect(yaml.network?.actors.map(\.id) == ["a"])
    #expect(
      yaml.diagnostics.map(\.description) == [
        "\(directory)/n.yaml:3:1: warning: unknown key 'extra' in the top level is ignored"
      ])
    let other = NetworkReader.read(path: "\(directory)/n.txt")
    #expect(other.network?.actors.map(\.id) == ["a"])
    #expect(
      other.diagnostics.map(\.description) == [
        "warning: \"\(directory)/n.txt\" has neither a .yaml, .yml nor .json extension; reading it "
          + "as YAML",
        "\(directory)/n.txt:3:1: warning: unknown key 'extra' in the top level is ignored",
      ])
    let fromJSON = NetworkReader.read(path: "\(directory)/n.json")
    #expect(fromJSON.network?.info.title == "T")
    #expect(
      fromJSON.diagnostics.map(\.description) == [
        "\(directory)/n.json:1:43: warning: unknown key 'extra' in the top level is ignored"
      ])
  }

  @Test func loadThrowsEveryDiagnosticOnError() throws {
    let directory = temporaryDirectory()
    defer { removeTree(directory) }
    let path = "\(directory)/bad.yaml"
    try AtomicFile.write("extra: 1\nactors: [{id: a, name: A, type: nope}]\n", to: path)
    do {
      _ = try NetworkReader.load(path: path)
      Issue.record("load should have thrown")
    } catch {
      #expect(error.errorCount == 1)
      #expect(error.diagnostics.map(\.severity) == [.warning, .error])
      #expect(error.diagnostics[1].location == FileLocation(file: path, line: 2, column: 33))
    }
    try AtomicFile.write(Self.valid, to: path)
    let (network, warnings) = try NetworkReader.load(path: path)
    #expect(network.actors.count == 1)
    #expect(warnings.count == 1)
  }

  @Test func byteOrderMarkIsNotAColumn() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("actors: 1\n".utf8)
    let result = NetworkReader.parse(bytes: bytes, file: "t.yaml", format: .yaml)
    #expect(
      messages(result) == ["1:9: error: expected a list of actors for 'actors', found the number 1"]
    )
  }

  @Test func utf16IsRefusedClearly() {
    let result = NetworkReader.parse(
      bytes: [0xFF, 0xFE, 0x61, 0x00], file: "t.yaml", format: .yaml)
    #expect(messages(result) == ["1:1: error: the file is UTF-16; save it as UTF-8"])
  }

  @Test func syntaxErrorsAreTheOnlyDiagnostic() {
    #expect(
      messages(read("actors: [\nnetwork: {title: T}\n  oops", format: .yaml)).count == 1)
    #expect(
      messages(read("{\"actors\": [}", file: "t.json", format: .json)) == [
        "1:13: error: invalid JSON: expected a value (object, array, string, number, true, false "
          + "or null), found '}'"
      ])
    #expect(
      messages(read("actors:\n  - id: a\n   name: b\n")) == [
        "3:4: error: invalid YAML: this line does not line up with the list that starts at line "
          + "2: indent it like the other lines of its item"
      ])
  }
}
