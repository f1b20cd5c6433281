import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What every command promises about files: no run writes over one of its inputs (compared as
/// files, so links count), a result of several files is written all or nothing, and temporary
/// files of killed runs do not pile up.
@Suite("files: inputs, all or nothing, leftovers")
struct FileSafetyEndToEndTests {
  /// The bytes of `path`, or nil when it cannot be read.
  static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  /// Expects a refusal naming `output` and `input`, and `input` byte-identical to `before`.
  static func expectRefused(
    _ result: CLIRunner.Result, output: String, input: String, before: Data?,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(output) && result.stderr.contains(input), "\(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(bytes(input) == before, sourceLocation: sourceLocation)
  }

  @Test(arguments: ["map.svg", "map.dot", "report.html", "report.md"])
  func renderAndReportRefuseALinkToTheInput(_ name: String) throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    let link = dir.path(name)
    #expect(symlink(network, link) == 0)
    let before = Self.bytes(network)
    let command = name.hasPrefix("map") ? "render" : "report"
    let result = try CLIRunner.run([command, network, "-o", link])
    Self.expectRefused(result, output: link, input: network, before: before)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == network)
  }

  @Test(arguments: ["symbolic", "hard"])
  func reportRefusesAMapFileThatIsTheInput(_ kind: String) throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    for side in ["r-map.svg", "r-map.png"] {
      let linked = dir.path(side)
      #expect((kind == "hard" ? link(network, linked) : symlink(network, linked)) == 0)
      let before = Self.bytes(network)
      let result = try CLIRunner.run(["report", network, "-o", dir.path("r.md")])
      Self.expectRefused(result, output: linked, input: network, before: before)
      #expect(!FileManager.default.fileExists(atPath: dir.path("r.md")))
      unlink(linked)
    }
  }

  @Test func reportRefusesTwoOutputsThatAreOneFile() throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    let markdown = try dir.file("r.md", "old report\n")
    #expect(symlink(markdown, dir.path("r-map.svg")) == 0)
    let result = try CLIRunner.run(["report", network, "-o", markdown])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("r-map.svg") && result.stderr.contains(markdown), "\(result.stderr)")
    #expect(result.stderr.contains("dieselbe Datei"), "\(result.stderr)")
    #expect(try String(contentsOfFile: markdown, encoding: .utf8) == "old report\n")
  }

  @Test func importRefusesToReplaceATableEvenWithForce() throws {
    let dir = try TemporaryDirectory()
    let actors = try dir.file("actors.csv", ImportEndToEndTests.akteure)
    let relations = try dir.file("relations.csv", ImportEndToEndTests.beziehungen)
    let alias = dir.path("same-actors.yaml")
    #expect(symlink(actors, alias) == 0)
    for (output, input) in [(actors, actors), (relations, relations), (alias, actors)] {
      for force in [["--force"], []] {
        let before = Self.bytes(input)
        let result = try CLIRunner.run(["import", actors, relations, "-o", output] + force)
        Self.expectRefused(result, output: output, input: input, before: before)
      }
    }
  }

  @Test func mergeRefusesToReplaceTheDraft() throws {
    let dir = try TemporaryDirectory()
    let draft = try dir.file("draft.yaml", MergeEndToEndTests.draft)
    let into = try dir.file("net.yaml", Samples.spec)
    let alias = dir.path("out.yaml")
    #expect(symlink(draft, alias) == 0)
    for output in [draft, alias] {
      let before = Self.bytes(draft)
      let intoBefore = Self.bytes(into)
      let result = try CLIRunner.run(["merge", draft, into, "-o", output, "--force"])
      Self.expectRefused(result, output: output, input: draft, before: before)
      #expect(Self.bytes(into) == intoBefore)
    }
    // Writing INTO in place is what merge is for, and still works.
    let inPlace = try CLIRunner.run(["merge", draft, into])
    #expect(inPlace.status == 0, "\(inPlace.stderr)")
  }

  @Test func gapsRefusesToReplaceTheScenario() throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    let scenario = try dir.file(
      "s.yaml", "scenario:\n  title: X\nrelations:\n  - {between: [nwid, gwg], kind: cooperation}\n")
    let alias = dir.path("gaps.txt")
    #expect(symlink(scenario, alias) == 0)
    for output in [scenario, alias] {
      let before = Self.bytes(scenario)
      let result = try CLIRunner.run(["gaps", network, "--with", scenario, "-o", output])
      Self.expectRefused(result, output: output, input: scenario, before: before)
    }
  }

  @Test func extractRefusesToReplaceTheProtocol() throws {
    let dir = try TemporaryDirectory()
    let protocolFile = try dir.file(
      "p.txt", "Workshop\n\nDer Verein piano e.V. kooperiert mit der Wohnungsbaugesellschaft GWG.\n")
    let alias = dir.path("draft.yaml")
    #expect(link(protocolFile, alias) == 0)
    for output in [protocolFile, alias] {
      for force in [["--force"], []] {
        let before = Self.bytes(protocolFile)
        let result = try CLIRunner.run(["extract", protocolFile, "-o", output] + force)
        Self.expectRefused(result, output: output, input: protocolFile, before: before)
      }
    }
  }

  @Test func aReportIsWrittenAllOrNothing() throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    let markdown = try dir.file("r.md", "old report\n")
    let svg = try dir.file("r-map.svg", "old map\n")
    try FileManager.default.createDirectory(
      atPath: dir.path("r-map.png"), withIntermediateDirectories: false)
    let result = try CLIRunner.run(["report", network, "-o", markdown])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("r-map.png"), "\(result.stderr)")
    #expect(try String(contentsOfFile: markdown, encoding: .utf8) == "old report\n")
    #expect(try String(contentsOfFile: svg, encoding: .utf8) == "old map\n")
    let entries = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    #expect(entries == ["net.yaml", "r-map.png", "r-map.svg", "r.md"])

    // Once the way is clear, all three are written.
    try FileManager.default.removeItem(atPath: dir.path("r-map.png"))
    let again = try CLIRunner.run(["report", network, "-o", markdown])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
    #expect(FileManager.default.fileExists(atPath: dir.path("r-map.png")))
    #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("r-map.svg"))
  }

  @Test func staleTemporariesOfDeadRunsAreRemovedLiveOnesKept() throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("net.yaml", Samples.spec)
    // A pid above the largest pid_max Linux allows (2^22), and one of a child already reaped.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sh")
    child.arguments = ["-c", "exit 0"]
    try child.run()
    child.waitUntilExit()
    let dead = [
      try dir.file(".out.svg.tmp-99999999-x", "half a map"),
      try dir.file(".out.svg.tmp-\(child.processIdentifier)-k3j9", "half a map"),
    ]
    let live = try dir.file(".out.svg.tmp-\(getpid())-x", "being written")
    let other = try dir.file(".other.svg.tmp-99999999-x", "not this output's")
    let result = try CLIRunner.run(["render", network, "-o", dir.path("out.svg")])
    #expect(result.status == 0, "\(result.stderr)")
    for path in dead { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
    #expect(FileManager.default.fileExists(atPath: live))
    #expect(FileManager.default.fileExists(atPath: other))
  }
}
