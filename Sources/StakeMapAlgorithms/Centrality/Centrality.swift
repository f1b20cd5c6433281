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
  /// When one call runs two sweeps one after the other (closeness, then betweenness) the
  /// total is 2·n and the second sweep counts on from n; a sweep over a folded core
  /// (``LeafFolding``) or over blocks (``BlockSplitting``) reports in sources of the whole
  /// graph.
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
  /// Asked between chunks of sources (every few milliseconds of work); when it returns true
  /// the sweep stops and its metrics are left out (``Centrality/compute(_:metrics:options:)``
  /// reports them in ``Centrality/stopped``). The CLI sets it from SIGINT.
  public var shouldStop: (@Sendable () -> Bool)?

  public init(
    threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
    shouldStop: (@Sendable () -> Bool)? = nil
  ) {
    self.threads = max(1, threads)
    self.progress = progress
    self.shouldStop = shouldStop
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
  /// Metrics whose computation was stopped (``CentralityOptions/shouldStop``): their arrays
  /// are empty. Empty when everything asked for was computed.
  public var stopped: Set<Metric> = []

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

  /// All seven centralities, each exactly as its own function computes it. Unweighted,
  /// closeness and harmonic come from one multi-source sweep and betweenness from the batched
  /// sweep (over the folded core or its blocks where that pays). Weighted, betweenness,
  /// closeness and harmonic come from ONE Dijkstra sweep per source (Brandes' forward phase
  /// gives the distances closeness needs), only the core's sources running the backward pass
  /// where the trees fold away (``LeafFolding``). Deterministic: the same graph gives
  /// bit-identical values for any `options.threads`.
  ///
  /// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted (the sweeps dominate; divided
  ///   among `options.threads`); eigenvector and PageRank are O(m) per iteration.
  /// `options.shouldStop` is not asked here (use ``compute(_:metrics:options:)``).
  public static func compute(_ g: Graph, options: CentralityOptions = .init()) -> Centrality {
    var options = options
    options.shouldStop = nil
    let sweep = ShortestPathSweep.run(g, betweenness: true, closeness: true, options: options)!
    var betweenness = sweep.betweenness
    Betweenness.normalize(&betweenness)
    return Centrality(
      degree: Degree.compute(g), strength: Strength.compute(g), betweenness: betweenness,
      closeness: sweep.closeness, harmonic: sweep.harmonic, eigenvector: Eigenvector.compute(g),
      pagerank: PageRank.compute(g))
  }

  /// Only the `metrics` asked for; the others are empty arrays. Cheap metrics first (degree,
  /// strength, PageRank, eigenvector), then the path-based ones: on unweighted graphs
  /// closeness and harmonic from one multi-source sweep and then betweenness from Brandes'
  /// sweep; on weighted graphs one Dijkstra sweep serves all three. Each value is
  /// bit-identical to the full ``compute(_:options:)``'s. When `options.shouldStop` says so,
  /// the sweep running then is abandoned, its metrics are empty and listed in ``stopped``;
  /// every metric finished before is kept.
  ///
  /// - Complexity: that of the most expensive metric asked for.
  public static func compute(
    _ g: Graph, metrics: Set<Metric>, options: CentralityOptions = .init()
  ) -> Centrality {
    var c = Centrality(
      degree: metrics.contains(.degree) ? Degree.compute(g) : [],
      strength: metrics.contains(.strength) ? Strength.compute(g) : [],
      betweenness: [], closeness: [], harmonic: [],
      eigenvector: [], pagerank: metrics.contains(.pagerank) ? PageRank.compute(g) : [])
    if metrics.contains(.eigenvector) { c.eigenvector = Eigenvector.compute(g) }
    let paths = metrics.contains(.closeness) || metrics.contains(.harmonic)
    let wantsBetweenness = metrics.contains(.betweenness)
    func keep(_ sweep: ShortestPathSweep.Output?) {
      guard let sweep else {
        c.stopped.formUnion(metrics.intersection([.closeness, .harmonic]))
        return
      }
      if metrics.contains(.closeness) { c.closeness = sweep.closeness }
      if metrics.contains(.harmonic) { c.harmonic = sweep.harmonic }
    }
    if g.isWeighted && wantsBetweenness {
      let sweep = ShortestPathSweep.run(g, betweenness: true, closeness: paths, options: options)
      if paths { keep(sweep) }
      if var b = sweep?.betweenness {
        Betweenness.normalize(&b)
        c.betweenness = b
      } else {
        c.stopped.insert(.betweenness)
      }
      return c
    }
    let stages = paths && wantsBetweenness ? 2 : 1
    if paths {
      keep(
        ShortestPathSweep.run(
          g, betweenness: false, closeness: true, options: options.stage(0, of: stages)))
    }
    if wantsBetweenness {
      if var b = ShortestPathSweep.run(
        g, betweenness: true, closeness: false, options: options.stage(stages - 1, of: stages)
      )?.betweenness {
        Betweenness.normalize(&b)
        c.betweenness = b
      } else {
        c.stopped.insert(.betweenness)
      }
    }
    return c
  }
}

extension CentralityOptions {
  /// These options without ``shouldStop``: for the functions that return every value.
  var unstoppable: CentralityOptions {
    var options = self
    options.shouldStop = nil
    return options
  }

  /// These options for sweep `index` of `count` sweeps run one after the other (closeness,
  /// then betweenness): progress reports (index·total + done, count·total), so `done` keeps
  /// growing across the sweeps, as ``progress`` promises.
  func stage(_ index: Int, of count: Int) -> CentralityOptions {
    guard count > 1, let progress else { return self }
    var options = self
    options.progress = { done, total in progress(index * total + done, count * total) }
    return options
  }

  /// These options for a sweep over `sources` of the graph's `n` nodes: progress reports in
  /// nodes of the graph (a swept source counts n/sources), so it still ends at n.
  func counting(sources: Int, of n: Int) -> CentralityOptions {
    guard sources != n, sources > 0, let progress else { return self }
    var options = self
    options.progress = { done, _ in progress(done * n / sources, n) }
    return options
  }
}
