import Foundation
import Testing

/// `analyze` for large networks (issue 14): --metrics, --approximate, Ctrl-C.
@Suite("stakemap analyze at scale")
struct AnalyzeScaleEndToEndTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  func object(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func column(_ json: [String: Any], _ key: String) throws -> [Double] {
    let actors = try #require(json["actors"] as? [[String: Any]])
    return try actors.map { try #require($0[key] as? Double) }
  }

  /// A ring of `n` actors with a chord from every actor to the one `n/3` further on, as JSON.
  func ring(_ n: Int) -> String {
    let actors = (0..<n).map { "{\"id\": \"a\($0)\", \"name\": \"Akteur \($0)\", \"type\": \"other\"}" }
    var ties: [String] = []
    for i in 0..<n {
      ties.append("{\"between\": [\"a\(i)\", \"a\((i + 1) % n)\"], \"kind\": \"cooperation\"}")
      if i % 2 == 0 { ties.append("{\"between\": [\"a\(i)\", \"a\((i + n / 3) % n)\"], \"kind\": \"cooperation\"}") }
    }
    return "{\"network\": {\"title\": \"Ring\", \"language\": \"en\"}, \"actors\": [\(actors.joined(separator: ","))], \"relations\": [\(ties.joined(separator: ","))]}"
  }

  @Test func metricsComputesOnlyThoseAndTheSameValues() throws {
    let all = try CLIRunner.run(["analyze", Self.dresden, "-f", "json"])
    let some = try CLIRunner.run(["analyze", Self.dresden, "-f", "json", "--metrics", "closeness,degree"])
    #expect(all.status == 0 && some.status == 0, "\(some.stderr)")
    let full = try object(all.stdoutBytes)
    let part = try object(some.stdoutBytes)
    #expect(full["metrics"] == nil)
    #expect(part["metrics"] as? [String] == ["degree", "closeness"])
    let actor = try #require((part["actors"] as? [[String: Any]])?.first)
    #expect(Set(actor.keys) == ["id", "name", "type", "degree", "closeness"])
    #expect(try column(part, "closeness") == column(full, "closeness"))
    #expect(try column(part, "degree") == column(full, "degree"))
    let csv = try CLIRunner.run(["analyze", Self.dresden, "-f", "csv", "--metrics", "pagerank"])
    #expect(csv.stdout.hasPrefix("id,name,type,pagerank\r\n"))
  }

  @Test func approximateStatesItsBoundAndKeepsIt() throws {
    let exact = try CLIRunner.run(["analyze", Self.dresden, "-f", "json", "--metrics", "betweenness"])
    let estimate = try CLIRunner.run([
      "analyze", Self.dresden, "-f", "json", "--metrics", "betweenness", "--approximate", "0.02",
      "--confidence", "0.9", "--seed", "5",
    ])
    #expect(estimate.status == 0, "\(estimate.stderr)")
    let json = try object(estimate.stdoutBytes)
    let bound = try #require(json["betweenness_estimate"] as? [String: Any])
    #expect((bound["method"] as? String)?.hasPrefix("KADABRA") == true)
    #expect(bound["epsilon"] as? Double == 0.02 && bound["confidence"] as? Double == 0.9)
    let samples = try #require(bound["samples"] as? Int)
    #expect(samples > 0 && samples <= (bound["maximum_samples"] as? Int ?? 0))
    // How much of the top is certain, and that it is the exact top.
    #expect(bound["top_checked"] as? Int == 10)
    let certain = try #require(bound["certain_top"] as? Int)
    let estimated = try column(json, "betweenness")
    let exactValues = try column(object(exact.stdoutBytes), "betweenness")
    let order = estimated.indices.sorted { estimated[$0] > estimated[$1] }
    if certain > 0 {
      let lowest = order.prefix(certain).map { exactValues[$0] }.min()!
      let highest = order.dropFirst(certain).map { exactValues[$0] }.max() ?? -1
      #expect(lowest >= highest)
    }
    let pairs = zip(try column(json, "betweenness"), try column(object(exact.stdoutBytes), "betweenness"))
    for (a, b) in pairs { #expect(abs(a - b) <= 0.02) }
    // The table says how the values were made, in the network's language (German here).
    let table = try CLIRunner.run([
      "analyze", Self.dresden, "--approximate", "0.02", "--confidence", "0.9",
    ])
    #expect(table.stdout.contains("höchstens 0,02 vom exakten entfernt"))
    // And whether the highest estimates are the highest actors, in one more sentence.
    #expect(
      table.stdout.contains("mit den höchsten Schätzwerten auch die")
        || table.stdout.contains("ist nicht sicher"))
    let negative = try CLIRunner.run(["analyze", Self.dresden, "--approximate", "0.1", "--certify-top", "-1"])
    #expect(negative.status != 0 && negative.stderr.contains("--certify-top"))
  }

  @Test func badChoicesAreRefusedWithReasons() throws {
    let unknown = try CLIRunner.run(["analyze", Self.dresden, "--metrics", "degree,centrality"])
    #expect(unknown.status != 0 && unknown.stderr.contains("unknown measure 'centrality'"))
    let sort = try CLIRunner.run(["analyze", Self.dresden, "--metrics", "degree", "--sort-by", "pagerank"])
    #expect(sort.status != 0 && sort.stderr.contains("--sort-by pagerank"))
    let range = try CLIRunner.run(["analyze", Self.dresden, "--approximate", "2"])
    #expect(range.status != 0 && range.stderr.contains("less than 1"))
    let without = try CLIRunner.run(["analyze", Self.dresden, "--metrics", "degree", "--approximate", "0.1"])
    #expect(without.status != 0 && without.stderr.contains("not among --metrics"))
  }

  /// Ctrl-C during betweenness: the measures finished before are written (whole), the
  /// stopped one is named, the exit status is 130; a second output file is never half-written.
  @Test func ctrlCKeepsTheFinishedMeasures() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("ring.json", ring(4_000))
    let output = dir.path("out.json")
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = [
      "analyze", file, "--metrics", "degree,betweenness", "--progress", "--threads", "1", "-f",
      "json", "-o", output,
    ]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Wait for the first progress line of the betweenness sweep, then interrupt.
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("%") {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen.append(chunk)
    }
    kill(process.processIdentifier, SIGINT)
    seen.append(err.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    let stderr = String(decoding: seen, as: UTF8.self)
    #expect(process.terminationStatus == 130, "\(stderr)")
    #expect(stderr.contains("stopped by Ctrl-C: Betweenness"), "\(stderr)")
    let json = try object(try Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(json["metrics"] as? [String] == ["degree"])
    #expect(try column(json, "degree").count == 4_000)
  }
}
