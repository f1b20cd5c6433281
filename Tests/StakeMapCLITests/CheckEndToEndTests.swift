import Foundation
import Testing

@Suite("stakemap check")
struct CheckEndToEndTests {
  @Test func validFileIsOK() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("in Ordnung: 4 Akteure, 2 Beziehungen"))
  }

  @Test func reportsEveryProblemWithFileLineColumn() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let errors = lines.filter { $0.contains(": error: ") }
    // Each problem of Samples.broken, by line: duplicate id (7), unknown type (12), unknown
    // actor id (14), unknown kind (17), negative weight (20), infinite weight (23), unknown
    // status (26), list where a kind was expected (28).
    for line in [7, 12, 14, 17, 20, 23, 26, 28] {
      #expect(errors.contains { $0.hasPrefix("\(file):\(line):") }, "no error on line \(line):\n\(result.stderr)")
    }
    #expect(errors.count >= 8)
    #expect(result.stderr.contains("\"lhd\""), "suggests the closest id")
    #expect(result.stderr.contains("municipality"), "suggests the closest type")
    #expect(result.stderr.contains("cooperation"), "suggests the closest kind")
    // Every error names file:line:column.
    let located = try Regex(#"^.+broken\.yaml:\d+:\d+: error: "#)
    for error in errors where !error.hasSuffix("nothing was written.") {
      #expect(error.firstMatch(of: located) != nil, "\(error)")
    }
  }

  @Test func yamlSyntaxErrorHasAPosition() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("syntax.yaml", "actors:\n  - id: a\n    name: [unclosed\n")
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):"), "\(result.stderr)")
  }

  @Test func jsonSyntaxErrorHasAPosition() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("syntax.json", "{\"actors\": [\n  {\"id\": \"a\",, \"name\": \"A\"}\n]}\n")
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):2:"), "\(result.stderr)")
  }

  @Test func missingFileIsAnError() throws {
    let result = try CLIRunner.run(["check", "/nonexistent/network.yaml"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("/nonexistent/network.yaml"))
  }

  @Test func otherCommandsRefuseAnInvalidFileTheSameWay() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("broken.yaml", Samples.broken)
    let check = try CLIRunner.run(["check", file])
    for command in [["analyze", file], ["render", file, "-o", dir.path("map.svg")]] {
      let result = try CLIRunner.run(command)
      #expect(result.status == 1)
      let errorLines = { (text: String) in
        text.split(separator: "\n").filter { $0.contains(": error: ") && $0.contains(".yaml:") }
      }
      #expect(errorLines(result.stderr) == errorLines(check.stderr))
    }
    #expect(!FileManager.default.fileExists(atPath: dir.path("map.svg")))
  }
}
