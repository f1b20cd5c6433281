import Foundation
import StakeMap
import StakeMapTestSupport
import Testing

/// The networks shipped in Graphs/: they load without problems, and every evidence quote is
/// verbatim in the protocol its source names.
@Suite("Graphs/")
struct GraphsTests {
  static let graphs = CLIRunner.packageRoot.appendingPathComponent("Graphs")

  /// `../shared/protocols` beside the repository (see ``SharedProtocols``).
  static let protocols = SharedProtocols.directory

  static func networkFiles() -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: graphs.path) else { return [] }
    return walker.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
      .filter { !$0.contains("scenario") }
      .sorted()
  }

  @Test func thereAreNetworks() {
    #expect(Self.networkFiles().contains("dresden/dresden.yaml"))
  }

  @Test(arguments: networkFiles())
  func loadsWithoutProblems(_ relative: String) throws {
    let result = NetworkReader.read(path: Self.graphs.appendingPathComponent(relative).path)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    let network = try #require(result.network)
    #expect(!network.actors.isEmpty)
    #expect(!network.relations.isEmpty)
  }

  @Test(SharedProtocols.enabled, arguments: networkFiles())
  func everyEvidenceIsVerbatimInItsSource(_ relative: String) throws {
    let network = try #require(
      NetworkReader.read(path: Self.graphs.appendingPathComponent(relative).path).network)
    var texts: [String: String] = [:]
    for source in network.sources {
      guard let file = source.file else { continue }
      texts[source.id] = try String(
        contentsOf: Self.protocols.appendingPathComponent(file), encoding: .utf8)
    }
    var quotes: [(what: String, evidence: String, source: String?)] = []
    for r in network.relations {
      if let e = r.evidence {
        quotes.append(("relation \(network.actors[r.from].id)–\(network.actors[r.to].id)", e, r.source))
      }
    }
    for a in network.actors {
      for c in a.offers + a.needs {
        if let e = c.evidence { quotes.append(("\(a.id) \(c.topic)", e, c.source)) }
      }
    }
    for event in network.events {
      if let e = event.evidence { quotes.append(("event \(event.id)", e, event.source)) }
    }
    #expect(!quotes.isEmpty)
    for quote in quotes {
      let source = try #require(quote.source, "\(quote.what): evidence without source")
      let text = try #require(texts[source], "\(quote.what): source \(source) has no protocol file")
      #expect(text.contains(quote.evidence), "\(relative): \(quote.what): not verbatim in \(source): \(quote.evidence)")
    }
  }

  @Test(arguments: networkFiles())
  func committedMapIsCurrent(_ relative: String) throws {
    let network = Self.graphs.appendingPathComponent(relative)
    let map = network.deletingPathExtension().appendingPathExtension("svg")
    guard FileManager.default.fileExists(atPath: map.path) else {
      Issue.record("\(relative): no committed map beside it (Scripts/fixtures/render-graphs.sh writes it)")
      return
    }
    let dir = try TemporaryDirectory()
    let fresh = dir.path("fresh.svg")
    let result = try CLIRunner.run(["render", network.path, "-o", fresh])
    #expect(result.status == 0, "\(result.stderr)")
    let committed = try Data(contentsOf: map)
    let rendered = try Data(contentsOf: URL(fileURLWithPath: fresh))
    #expect(committed == rendered, "\(map.lastPathComponent) is stale: run Scripts/fixtures/render-graphs.sh")
  }

  /// The reports beside each network (Scripts/fixtures/render-graphs.sh writes them): report.html,
  /// report.md and the Markdown's map (report-map.svg, report-map.png) equal a fresh run byte
  /// for byte.
  @Test(arguments: networkFiles())
  func committedReportsAreCurrent(_ relative: String) throws {
    let network = Self.graphs.appendingPathComponent(relative)
    let folder = network.deletingLastPathComponent()
    let files = ["report.html", "report.md", "report-map.svg", "report-map.png"]
    let missing = files.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    guard missing.isEmpty else {
      Issue.record("\(relative): no committed \(missing.joined(separator: ", ")) beside it (Scripts/fixtures/render-graphs.sh writes them)")
      return
    }
    let dir = try TemporaryDirectory()
    for output in ["report.html", "report.md"] {
      let result = try CLIRunner.run(["report", network.path, "-o", dir.path(output)])
      #expect(result.status == 0, "\(result.stderr)")
    }
    for file in files {
      let committed = try Data(contentsOf: folder.appendingPathComponent(file))
      let fresh = try Data(contentsOf: URL(fileURLWithPath: dir.path(file)))
      #expect(committed == fresh, "\(folder.lastPathComponent)/\(file) is stale: run Scripts/fixtures/render-graphs.sh")
    }
  }
}
