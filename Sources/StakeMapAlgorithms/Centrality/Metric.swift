import StakeMapModel
import StakeMapGraph

/// The per-actor centrality measures of `stakemap analyze` (../shared/SPEC.md §3), by their JSON key.
/// Their names and meanings for people are in StakeMapReports (`Metric+Words.swift`).
public enum Metric: String, CaseIterable, Sendable, Hashable {
  case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank
}

extension Metric {
  /// This metric's values in `c`, indexed like the graph's nodes.
  public func values(_ c: Centrality) -> [Double] { c.values(self) }

  /// Decimals shown in tables: two for the unbounded sums (strength, harmonic), four otherwise.
  public var places: Int { self == .strength || self == .harmonic ? 2 : 4 }
}

extension Centrality {
  /// The values of one metric, indexed like the graph's nodes.
  public func values(_ metric: Metric) -> [Double] {
    switch metric {
    case .degree: degree
    case .strength: strength
    case .betweenness: betweenness
    case .closeness: closeness
    case .harmonic: harmonic
    case .eigenvector: eigenvector
    case .pagerank: pagerank
    }
  }
}

extension Centrality {
  /// Stakeholder indices ordered by `metric`, highest first. Equal values by name as people read it
  /// (``OrganizationName/key(_:)``: case, umlauts and a leading article folded), then name,
  /// then id, so the order depends on nothing but the data.
  ///
  /// - Complexity: O(n log n).
  public func ranking(by metric: Metric, actors: [Stakeholder]) -> [Int] {
    let values = self.values(metric)
    let keys = actors.map { OrganizationName.key($0.name) }
    return actors.indices.sorted { a, b in
      if values[a] != values[b] { return values[a] > values[b] }
      if keys[a] != keys[b] { return keys[a] < keys[b] }
      if actors[a].name != actors[b].name { return actors[a].name < actors[b].name }
      return actors[a].id < actors[b].id
    }
  }
}

extension Metric {
  /// Computes this one metric on `g`, no more: degree and strength in O(n + m), eigenvector
  /// and PageRank by iteration, the path-based three from their sweeps. Use it where one metric
  /// is enough (the node size of a map); ``Centrality/compute(_:options:)`` shares one sweep
  /// among betweenness, closeness and harmonic when all are needed.
  public func compute(on g: Graph, options: CentralityOptions = CentralityOptions()) -> [Double] {
    switch self {
    case .degree: Degree.compute(g)
    case .strength: Strength.compute(g)
    case .betweenness: Betweenness.compute(g, options: options)
    case .closeness: Closeness.compute(g, options: options)
    case .harmonic: Harmonic.compute(g, options: options)
    case .eigenvector: Eigenvector.compute(g)
    case .pagerank: PageRank.compute(g)
    }
  }
}
