import StakeMapModel
import StakeMapGraph
import StakeMapText

/// The per-actor centrality measures of `stakemap analyze` (SPEC §3), by their JSON key.
public enum Metric: String, CaseIterable, Sendable, Hashable {
  case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank

  /// The column heading in tables.
  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.degree, .de): "Grad"
    case (.degree, .en): "Degree"
    case (.strength, .de): "Stärke"
    case (.strength, .en): "Strength"
    case (.betweenness, .de): "Betweenness"
    case (.betweenness, .en): "Betweenness"
    case (.closeness, .de): "Closeness"
    case (.closeness, .en): "Closeness"
    case (.harmonic, .de): "Harmonisch"
    case (.harmonic, .en): "Harmonic"
    case (.eigenvector, .de): "Eigenvektor"
    case (.eigenvector, .en): "Eigenvector"
    case (.pagerank, .de): "PageRank"
    case (.pagerank, .en): "PageRank"
    }
  }

  /// One sentence on what a high value means, for `--help` and reports.
  public func meaning(_ language: Language) -> String {
    switch (self, language) {
    case (.degree, .de): "Anteil der anderen Akteure, mit denen ein Akteur direkt verbunden ist."
    case (.degree, .en): "Share of the other actors an actor is tied to directly."
    case (.strength, .de): "Summe der Stärken (Gewichte) aller Beziehungen eines Akteurs."
    case (.strength, .en): "Sum of the strengths (weights) of an actor's ties."
    case (.betweenness, .de):
      "Anteil der kürzesten Wege zwischen anderen, die über den Akteur laufen: Vermittler."
    case (.betweenness, .en):
      "Share of shortest paths between others that pass through the actor: brokers."
    case (.closeness, .de): "Wie nah ein Akteur allen erreichbaren anderen ist (Wasserman–Faust)."
    case (.closeness, .en): "How close an actor is to everyone it can reach (Wasserman–Faust)."
    case (.harmonic, .de): "Summe der Kehrwerte der Abstände zu allen anderen."
    case (.harmonic, .en): "Sum of the inverse distances to all others."
    case (.eigenvector, .de): "Verbunden mit Akteuren, die selbst gut verbunden sind."
    case (.eigenvector, .en): "Tied to actors who are themselves well connected."
    case (.pagerank, .de): "Gewicht im Netzwerk nach dem PageRank-Verfahren (Dämpfung 0,85)."
    case (.pagerank, .en): "Standing in the network by PageRank (damping 0.85)."
    }
  }
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
