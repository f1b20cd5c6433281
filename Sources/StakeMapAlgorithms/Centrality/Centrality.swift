import StakeMapGraph

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How the path-based centralities run.
public struct CentralityOptions: Sendable {
  /// Worker threads for the shortest-path sweeps (betweenness, closeness, harmonic). Results
  /// do not depend on it, bit for bit. Default: the active processor count.
  public var threads: Int
  /// Called as sweeps finish, with (sources done, total sources); calls are serialised and
  /// `done` grows from call to call (it may come from any worker thread). Keep it cheap.
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(
    threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) {
    self.threads = max(1, threads)
    self.progress = progress
  }
}

/// The seven centralities of ../shared/SPEC.md §3 for every node, in node order.
public struct Centrality: Sendable, Equatable {
  /// ``Degree/compute(_:)``
  public var degree: [Double]
  /// ``Strength/compute(_:)``
  public var strength: [Double]
  /// ``Betweenness/compute(_:options:)``
  public var betweenness: [Double]
  /// ``Closeness/compute(_:options:)``
  public var closeness: [Double]
  /// ``Harmonic/compute(_:options:)``
  public var harmonic: [Double]
  /// ``Eigenvector/compute(_:)``
  public var eigenvector: [Double]
  /// ``PageRank/compute(_:alpha:)`` with alpha 0.85
  public var pagerank: [Double]

  public init(
    degree: [Double], strength: [Double], betweenness: [Double], closeness: [Double],
    harmonic: [Double], eigenvector: [Double], pagerank: [Double]
  ) {
    self.degree = degree
    self.strength = strength
    self.betweenness = betweenness
    self.closeness = closeness
    self.harmonic = harmonic
    self.eigenvector = eigenvector
    self.pagerank = pagerank
  }

  /// All seven centralities, each exactly as its own function computes it, with betweenness,
  /// closeness and harmonic from ONE shortest-path sweep per source (Brandes' forward phase
  /// gives the distances closeness needs). Deterministic: the same graph gives bit-identical
  /// values for any `options.threads`.
  ///
  /// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted (the sweeps dominate; divided
  ///   among `options.threads`); eigenvector and PageRank are O(m) per iteration.
  public static func compute(_ g: Graph, options: CentralityOptions = .init()) -> Centrality {
    let sweep = ShortestPathSweep.run(g, betweenness: true, closeness: true, options: options)
    var betweenness = sweep.betweenness
    Betweenness.normalize(&betweenness)
    return Centrality(
      degree: Degree.compute(g), strength: Strength.compute(g), betweenness: betweenness,
      closeness: sweep.closeness, harmonic: sweep.harmonic, eigenvector: Eigenvector.compute(g),
      pagerank: PageRank.compute(g))
  }

  /// Only the `metrics` asked for; the others are empty arrays. Betweenness with closeness or
  /// harmonic shares one Brandes sweep; closeness and harmonic without betweenness share one
  /// multi-source sweep (unweighted) or one Dijkstra per source. Each value is bit-identical
  /// to the full ``compute(_:options:)``'s.
  ///
  /// - Complexity: that of the most expensive metric asked for.
  public static func compute(
    _ g: Graph, metrics: Set<Metric>, options: CentralityOptions = .init()
  ) -> Centrality {
    let paths = metrics.contains(.closeness) || metrics.contains(.harmonic)
    let sweep: ShortestPathSweep.Output? =
      metrics.contains(.betweenness) || paths
      ? ShortestPathSweep.run(
        g, betweenness: metrics.contains(.betweenness), closeness: paths, options: options)
      : nil
    var betweenness = metrics.contains(.betweenness) ? sweep?.betweenness ?? [] : []
    Betweenness.normalize(&betweenness)
    return Centrality(
      degree: metrics.contains(.degree) ? Degree.compute(g) : [],
      strength: metrics.contains(.strength) ? Strength.compute(g) : [],
      betweenness: betweenness,
      closeness: metrics.contains(.closeness) ? sweep?.closeness ?? [] : [],
      harmonic: metrics.contains(.harmonic) ? sweep?.harmonic ?? [] : [],
      eigenvector: metrics.contains(.eigenvector) ? Eigenvector.compute(g) : [],
      pagerank: metrics.contains(.pagerank) ? PageRank.compute(g) : [])
  }
}
