import Testing

import StakeMapGraphviz

/// Graphviz is not thread-safe (notes §0.3): all calls go through one lock. Many renders from
/// concurrent tasks must all succeed and equal a sequential render byte for byte.
@Suite("Concurrency")
struct ConcurrencyTests {
  /// Engines whose output is reproducible in-process (see `DeterminismTests` for fdp).
  static let engines: [LayoutEngine] = [.dot, .neato, .sfdp, .circo, .twopi]

  @Test("48 concurrent renders in all formats and several engines match sequential renders")
  func concurrentRenders() async throws {
    let graph = Fixtures.stakeholderMap()
    var combinations: [(LayoutEngine, RenderFormat)] = []
    for engine in Self.engines {
      for format in RenderFormat.allCases { combinations.append((engine, format)) }
    }
    var expected: [String: [UInt8]] = [:]
    for (engine, format) in combinations {
      expected["\(engine)/\(format)"] = try Graphviz.render(graph, engine: engine, format: format).bytes
    }

    // 48 tasks: every combination at least three times, plus fdp (success only).
    let jobs = (0..<48).map { index -> (LayoutEngine, RenderFormat) in
      index < 45 ? combinations[index % combinations.count] : (.fdp, RenderFormat.allCases[index - 45])
    }
    let results = try await withThrowingTaskGroup(of: (LayoutEngine, RenderFormat, [UInt8]).self) { group in
      for (engine, format) in jobs {
        group.addTask {
          (engine, format, try Graphviz.render(graph, engine: engine, format: format).bytes)
        }
      }
      var results: [(LayoutEngine, RenderFormat, [UInt8])] = []
      for try await result in group { results.append(result) }
      return results
    }
    #expect(results.count == jobs.count)
    for (engine, format, bytes) in results {
      if engine == .fdp {
        #expect(bytes.count > 100)
      } else {
        #expect(bytes == expected["\(engine)/\(format)"], "\(engine) \(format)")
      }
    }
  }

  @Test("failures in concurrent tasks do not disturb successful ones")
  func concurrentFailures() async throws {
    let graph = Fixtures.stakeholderMap()
    let reference = try Graphviz.render(graph).bytes
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<32 {
        group.addTask {
          if index.isMultiple(of: 2) {
            let bytes = try Graphviz.render(graph).bytes
            #expect(bytes == reference)
          } else {
            var huge = graph
            huge.attributes.dpi = 600
            huge.attributes.size = .init(width: 200, height: 200, fill: true)
            #expect(throws: GraphvizError.self) { try Graphviz.render(huge, format: .png) }
          }
        }
      }
      try await group.waitForAll()
    }
  }
}
