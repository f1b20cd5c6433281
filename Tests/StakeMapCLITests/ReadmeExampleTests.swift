import Foundation
import StakeMap
import Testing

/// The README's library example compiles and runs: the code between the markers below is the
/// README's block, but for the two file paths (a test must not write into the repository).
@Suite struct ReadmeExampleTests {
  static let networkPath = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  @Test func theReadmeExampleRuns() throws {
    let directory = try TemporaryDirectory()
    let mapPath = directory.path("dresden-map.svg")
    let networkPath = Self.networkPath
    var printed: [String] = []
    func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

    // README example begins
    let network = try NetworkReader.load(path: networkPath).network
    let betweenness = Betweenness.compute(Graph(network: network))  // normalised, as NetworkX
    for (actor, value) in zip(network.actors, betweenness).sorted(by: { $0.1 > $1.1 }).prefix(3) {
      print(actor.name, value)
    }
    let options = MapOptions(sizeValues: betweenness, language: network.info.language)
    let map = try StakeholderMap.render(network, options: options, format: .svg)
    try Data(map.bytes).write(to: URL(fileURLWithPath: mapPath), options: .atomic)
    // README example ends

    #expect(printed.count == 3)
    #expect(printed[0].hasPrefix("Netzwerk"), "the most central actor of Dresden: \(printed)")
    let svg = try String(contentsOfFile: mapPath, encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("Akteurslandkarte"))
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == network.actors.count)
  }

  /// The README holds the same code (with the shipped paths), so the two cannot drift apart.
  @Test func theReadmeShowsTheTestedCode() throws {
    let readme = try String(
      contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    func block(_ text: String, from begin: String, to end: String) throws -> [String] {
      let start = try #require(text.range(of: begin))
      let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
      return text[start.upperBound..<stop.lowerBound].split(separator: "\n")
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    let tested = try block(source, from: "// README example begins", to: "// README example ends")
    let shown = try block(readme, from: "import StakeMap\n", to: "```")
      .map {
        $0.replacingOccurrences(of: "\"Graphs/dresden/dresden.yaml\"", with: "networkPath")
          .replacingOccurrences(of: "\"dresden-map.svg\"", with: "mapPath")
      }
    #expect(shown == tested)
  }
}
