import StakeMapText
import StakeMapModel
import Testing

@testable import StakeMapFormats

/// A generated network of some thousands of actors and relations survives writing and reading in
/// both formats. (Load time is measured with Scripts/fixtures/make-large-network.py and a release build,
/// not here.)
@Suite struct LargeNetworkTests {
  /// A deterministic network: `actors` actors, `relations` relations, from a 64-bit LCG.
  static func generate(actors: Int, relations: Int, seed: UInt64) -> Network {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let words = ["Wohnen", "Netzwerk", "Genossenschaft", "Förderung", "Quartier", "Süd", "e.V."]
    var network = Network(info: NetworkInfo(title: "Generated \(seed)", language: .en))
    for i in 0..<actors {
      network.actors.append(
        Stakeholder(
          id: "a\(i)", name: "\(words[next(words.count)]) \(words[next(words.count)]) \(i)",
          type: ActorType.allCases[next(ActorType.allCases.count)],
          region: next(3) == 0 ? "Dresden" : nil, tags: next(5) == 0 ? ["t\(next(4))"] : [],
          attributes: next(10) == 0 ? ["sector": "s\(next(3))"] : [:]))
    }
    for _ in 0..<relations {
      let a = next(actors)
      var b = next(actors - 1)
      if b >= a { b += 1 }
      let weights: [Double] = [1, 1, 1, 2, 3, 0.5, 2.25]
      network.relations.append(
        Relation(
          from: a, to: b, directed: next(2) == 0,
          kind: RelationKind.allCases[next(RelationKind.allCases.count)],
          weight: weights[next(weights.count)],
          status: RelationStatus.allCases[next(RelationStatus.allCases.count)]))
    }
    return network
  }

  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func roundTrip(format: NetworkFileFormat) throws {
    let network = Self.generate(actors: 2_000, relations: 20_000, seed: 7)
    let text = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
    let result = read(text, file: "large", format: format)
    #expect(result.diagnostics.isEmpty)
    let back = try #require(result.network)
    #expect(back.actors.count == 2_000 && back.relations.count == 20_000)
    #expect(withoutLocations(back) == network)
    // Relation 19,999's location: YAML items take one line per key; JSON one line per item.
    let last = try #require(back.relations.last?.location)
    #expect(last.column == 5)
  }

  @Test func manyUnknownIdsAreAllReported() throws {
    var text = "actors:\n"
    for i in 0..<500 { text += "  - {id: a\(i), name: A, type: other}\n" }
    text += "relations:\n"
    for i in 0..<2_000 { text += "  - {between: [a\(i % 500), b\(i)], kind: advice}\n" }
    let result = read(text)
    #expect(result.network == nil)
    #expect(result.diagnostics.count == 2_000)
    #expect(result.diagnostics.allSatisfy { $0.message.hasPrefix("unknown actor id \"b") })
    #expect(result.diagnostics[0].location?.line == 503)
    // "b1" is close to "a1": suggestions are made while their work budget lasts.
    #expect(
      result.diagnostics[1].message == "unknown actor id \"b1\" in 'between' (did you mean \"a1\"?)"
    )
  }
}
