import StakeMapGraphviz
import StakeMapMaps
import StakeMapModel
import Testing

/// Layouts that would run for minutes are refused before Graphviz starts (it cannot be
/// interrupted), and curved routing, the expensive part of neato, twopi and circo, is kept to
/// small maps.
@Suite struct EngineLimitTests {
  static func ring(_ n: Int) -> Network {
    Network(
      info: NetworkInfo(title: "Ring"),
      actors: (0..<n).map { Stakeholder(id: "a\($0)", name: "A\($0)", type: .network) },
      relations: (0..<n).map { Relation(from: $0, to: ($0 + 1) % n) })
  }

  @Test func circoIsRefusedAboveItsLimitWithAReason() throws {
    let limit = try #require(StakeholderMap.actorLimit(of: .circo))
    var options = MapOptions(engine: .circo, language: .en)
    #expect(throws: GraphvizError.self) {
      try StakeholderMap.render(Self.ring(limit + 1), options: options, format: .svg)
    }
    do {
      _ = try StakeholderMap.render(Self.ring(limit + 1), options: options, format: .svg)
    } catch {
      #expect(error.stage == .limits)
      #expect(error.message.contains("circo lays out at most \(limit) actors"))
    }
    options.language = .de
    do {
      _ = try StakeholderMap.render(Self.ring(limit + 1), options: options, format: .svg)
    } catch {
      #expect(error.limit == .engineActors(engine: "circo", count: limit + 1, limit: limit))
      #expect(
        StakeholderMap.explanation(of: error, language: .de)
          .contains("circo legt höchstens \(limit) Akteure"))
    }
    let nodes = GraphvizError(stage: .limits, message: "x", limit: .nodes(count: 9, limit: 5))
    #expect(StakeholderMap.explanation(of: nodes, language: .de).hasPrefix("die Karte hat 9 Knoten"))
    // At the limit it draws.
    let svg = try StakeholderMap.render(Self.ring(20), options: options, format: .svg)
    #expect(!svg.bytes.isEmpty)
  }

  @Test func curvesOnlyOnSmallMaps() {
    let limit = StakeholderMap.splineActorLimit
    let small = StakeholderMap.document(for: Self.ring(limit), options: MapOptions(engine: .neato))
    let large = StakeholderMap.document(for: Self.ring(limit + 1), options: MapOptions(engine: .neato))
    let dot = StakeholderMap.document(for: Self.ring(limit + 1), options: MapOptions(engine: .dot))
    #expect(small.dot.contains("splines=\"spline\""))
    #expect(large.dot.contains("splines=\"line\""))
    #expect(dot.dot.contains("splines=\"spline\""))
  }
}
