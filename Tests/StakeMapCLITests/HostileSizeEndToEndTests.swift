import Foundation
import Testing

/// Inputs that crashed Graphviz (issue: a name of more than 32,768 lines, or about 590,000
/// characters wrapped, and a long `--cluster-by` value made libgvc die with SIGSEGV) now
/// render, shortened, and never end in a signal.
@Suite("Huge text reaches Graphviz bounded")
struct HostileSizeEndToEndTests {
  static func network(name: String, region: String) -> String {
    func quoted(_ s: String) -> String {
      "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
    return """
      network: {title: T}
      actors:
        - {id: a, name: \(quoted(name)), type: network, region: \(quoted(region))}
        - {id: b, name: B, type: initiative, region: Nord}
      relations:
        - {between: [a, b], kind: cooperation}

      """
  }

  @Test(arguments: ["svg", "png", "pdf"])
  func aNameOfFortyThousandLinesRenders(_ ext: String) throws {
    let dir = try TemporaryDirectory()
    let lines = (0..<40_000).map { "Zeile \($0)" }.joined(separator: "\n")
    let file = try dir.file("n.yaml", Self.network(name: lines, region: "Süd"))
    let result = try CLIRunner.run(["render", file, "-o", dir.path("m.\(ext)")])
    #expect(result.status == 0, "\(result.stderr.prefix(400))")
    #expect(!result.stderr.contains("Registers"))
    #expect(FileManager.default.fileExists(atPath: dir.path("m.\(ext)")))
  }

  @Test func aLongClusterValueAndReportRender() throws {
    let dir = try TemporaryDirectory()
    let long = String(repeating: "x", count: 600_000)
    let file = try dir.file("n.yaml", Self.network(name: long, region: long))
    let render = try CLIRunner.run(["render", file, "-o", dir.path("m.svg"), "--cluster-by", "region"])
    #expect(render.status == 0, "\(render.stderr.prefix(400))")
    let svg = try String(contentsOfFile: dir.path("m.svg"), encoding: .utf8)
    #expect(svg.contains("…"))
    let report = try CLIRunner.run(["report", file, "-o", dir.path("r.html")])
    #expect(report.status == 0, "\(report.stderr.prefix(400))")
  }
}
