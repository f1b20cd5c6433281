import Foundation
import Testing

@Suite("stakemap analyze")
struct AnalyzeEndToEndTests {
  func actors(_ json: Data) throws -> [String: [String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let list = try #require(object["actors"] as? [[String: Any]])
    var byID: [String: [String: Any]] = [:]
    for actor in list { byID[try #require(actor["id"] as? String)] = actor }
    return byID
  }

  /// Hand-computed values on the path a–b–c–d with an isolate e (n = 5).
  @Test func jsonMatchesHandComputedValues() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let result = try CLIRunner.run(["analyze", file, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let byID = try actors(result.stdoutBytes)
    func value(_ id: String, _ key: String) -> Double { (byID[id]?[key] as? Double) ?? .nan }
    #expect(abs(value("a", "degree") - 0.25) < 1e-12)
    #expect(abs(value("b", "degree") - 0.5) < 1e-12)
    #expect(abs(value("b", "betweenness") - 1.0 / 3.0) < 1e-12)
    #expect(abs(value("a", "betweenness")) < 1e-12)
    #expect(abs(value("a", "closeness") - 0.375) < 1e-12)
    #expect(abs(value("b", "closeness") - 0.5625) < 1e-12)
    #expect(abs(value("a", "harmonic") - (1 + 0.5 + 1.0 / 3.0)) < 1e-12)
    #expect(abs(value("e", "closeness")) < 1e-12)
    let phi = (1 + 5.0.squareRoot()) / 2
    let norm = (2 + 2 * phi * phi).squareRoot()
    #expect(abs(value("a", "eigenvector") - 1 / norm) < 1e-9)
    #expect(abs(value("b", "eigenvector") - phi / norm) < 1e-9)
    #expect(abs(value("e", "eigenvector")) < 1e-9)
    let pagerankSum = ["a", "b", "c", "d", "e"].map { value($0, "pagerank") }.reduce(0, +)
    #expect(abs(pagerankSum - 1) < 1e-12)
    #expect(abs(value("a", "pagerank") - value("d", "pagerank")) < 1e-12)
    #expect(byID["a"]?["name"] as? String == "A")
    #expect(byID["e"]?["type"] as? String == "other")
  }

  @Test func tableIsSortedAndAligned() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let result = try CLIRunner.run(["analyze", file, "--sort-by", "closeness"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map(String.init)
    let header = try #require(rows.firstIndex { $0.contains("Closeness ▼") })
    // b and c (closeness 0.5625) come first, e (0) last.
    #expect(rows[header + 2].contains(" B "))
    #expect(rows[header + 3].contains(" C "))
    #expect(rows[header + 6].contains(" E "))
    // Columns aligned: every data row as wide as the header.
    let width = rows[header].count
    for row in rows[(header + 2)...(header + 6)] { #expect(row.count == width, "\(row)") }
  }

  @Test func csvHasAHeaderAndOneRowPerActor() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let result = try CLIRunner.run(["analyze", file, "--format", "csv"])
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\r\n")
    #expect(rows.first == "id,name,type,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank")
    #expect(rows.count == 6)
  }

  @Test func outputIsDeterministicAcrossThreadCounts() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let one = try CLIRunner.run(["analyze", file, "--format", "json", "--threads", "1"])
    let two = try CLIRunner.run(["analyze", file, "--format", "json", "--threads", "2"])
    #expect(one.status == 0 && two.status == 0)
    #expect(one.stdoutBytes == two.stdoutBytes)
  }

  @Test func failingRunLeavesAnExistingOutputUntouched() throws {
    let dir = try TemporaryDirectory()
    let broken = try dir.file("broken.yaml", Samples.broken)
    let output = try dir.file("out.json", "previous contents\n")
    let result = try CLIRunner.run(["analyze", broken, "--format", "json", "-o", output])
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous contents\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
    #expect(Set(leftovers) == ["broken.yaml", "out.json"], "no temporary files left behind")
  }

  @Test func writesOutputFileAtomically() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = try dir.file("out.json", "old\n")
    let result = try CLIRunner.run(["analyze", file, "--format", "json", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.hasPrefix("{"))
    #expect(written.contains("\"pagerank\""))
  }

  @Test func helpTeaches() throws {
    let result = try CLIRunner.run(["analyze", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("betweenness"))
    #expect(result.stdout.contains("Examples"))
  }
}
