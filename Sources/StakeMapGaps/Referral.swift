import StakeMapGraph
import StakeMapModel
import StakeMapText

/// "Who can help with X?": the numbers of a referral (Verweisberatung), without its words.
///
/// For a topic of the network's vocabulary it lists every actor that offers it (claims not
/// rejected), with the evidence of the offer, and every actor that needs it. Given an actor
/// asking (`from`), each offer also gets the chain of introductions along existing ties: a
/// shortest path in hops from the asking actor to the offerer, and among the shortest paths
/// the one with the strongest ties (see ``strongestShortestPaths(_:from:)``). Offers are ranked
/// by that distance (unreachable offerers last), then in file order; without `from`, in file
/// order.
///
/// The ties are those of the analysis graph (``Graph/init(network:ties:)``: existing relations,
/// direction ignored, parallel ties merged with their weights added), the same graph every
/// figure of the gap report uses.
///
/// - Complexity: O(n + m) for the one search from `from`, plus O(n + c) for c claims.
public struct Referral: Sendable, Equatable {
  public struct Offer: Sendable, Equatable {
    public var actor: Int
    /// Hops from the asking actor; nil without one, or when no chain of ties reaches the offerer.
    public var distance: Int?
    /// Actor indices from the asking actor to the offerer (both included); empty without an
    /// asking actor or when unreachable.
    public var path: [Int]
    public var evidence: NeedsMatching.Evidence
  }

  /// The topic's id.
  public var topic: String
  /// The asking actor (`--for`), if any.
  public var from: Int?
  public var offers: [Offer]
  /// Actors that state the need too, in file order (the asking actor left out).
  public var alsoNeededBy: [Int]
  /// When nobody offers the topic: offered topics nearest to it (``relatedTopics(to:in:limit:)``),
  /// at most three; empty otherwise.
  public var relatedTopics: [String]

  /// The referral for the topic with id `topic`, asked by actor `from`.
  public init(network: Network, topic: String, from: Int? = nil, ties: TieSelection = TieSelection()) {
    self.topic = topic
    self.from = from
    var offers: [Offer] = []
    var offering = Set<Int>()
    for (i, actor) in network.actors.enumerated() {
      for claim in actor.offers
      where claim.topic == topic && claim.review != .rejected && offering.insert(i).inserted {
        offers.append(
          Offer(
            actor: i, distance: nil, path: [],
            evidence: NeedsMatching.Evidence(quote: claim.evidence, source: claim.source)))
      }
    }
    if let from, !offers.isEmpty {
      let graph = Graph(network: network, ties: ties)
      let tree = Referral.strongestShortestPaths(graph, from: from)
      for k in offers.indices {
        let target = offers[k].actor
        guard let d = tree.distance[target] else { continue }
        offers[k].distance = d
        var path = [target]
        var v = target
        while let p = tree.parent[v] {
          path.append(p)
          v = p
        }
        offers[k].path = path.reversed()
      }
      // Stable: equal distances keep file order.
      offers = offers.enumerated().sorted { x, y in
        let dx = x.element.distance ?? .max, dy = y.element.distance ?? .max
        return dx != dy ? dx < dy : x.offset < y.offset
      }.map(\.element)
    }
    self.offers = offers
    var needing: [Int] = []
    for (i, actor) in network.actors.enumerated() where i != from {
      if actor.needs.contains(where: { $0.topic == topic && $0.review != .rejected }) {
        needing.append(i)
      }
    }
    alsoNeededBy = needing
    relatedTopics = offers.isEmpty ? Referral.relatedTopics(to: topic, in: network) : []
  }

  /// Shortest paths in hops from `source`, choosing among equally short paths the one whose
  /// weakest tie is strongest, then the one with the largest total weight, then the one through
  /// the earlier actor (file order): "strongest ties first", deterministically.
  ///
  /// Breadth-first search, then one pass over the layers of the shortest-path DAG in BFS order:
  /// a dynamic programme over that DAG (each vertex's best predecessor by (bottleneck, total
  /// weight, index)), which is exact because every prefix of a best path is a best path by the
  /// same order. `parent[v]` is nil for the source and for unreachable actors.
  ///
  /// - Complexity: O(n + m).
  public static func strongestShortestPaths(
    _ graph: Graph, from source: Int
  ) -> (distance: [Int?], parent: [Int?]) {
    let n = graph.nodeCount
    var distance = [Int?](repeating: nil, count: n)
    var parent = [Int?](repeating: nil, count: n)
    guard source >= 0 && source < n else { return (distance, parent) }
    var bottleneck = [Double](repeating: 0, count: n)
    var total = [Double](repeating: 0, count: n)
    distance[source] = 0
    bottleneck[source] = .infinity
    var queue = [source]
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      let du = distance[u]!
      for e in graph.edgeRange(u) {
        let v = Int(graph.neighbors[e])
        let w = graph.weights.isEmpty ? 1 : graph.weights[e]
        if distance[v] == nil {
          distance[v] = du + 1
          queue.append(v)
        } else if distance[v]! != du + 1 {
          continue
        }
        // u is a predecessor of v on a shortest path. Queue order settles every u of layer d
        // before any v of layer d + 1 is expanded, so v's best is final when v is dequeued.
        let b = min(bottleneck[u], w), t = total[u] + w
        if let p = parent[v] {
          if b < bottleneck[v] || (b == bottleneck[v] && (t < total[v] || (t == total[v] && u > p))) {
            continue
          }
        }
        parent[v] = u
        bottleneck[v] = b
        total[v] = t
      }
    }
    return (distance, parent)
  }

  /// The offered topics nearest to `topic`, for "nobody offers this; related: …": topics that
  /// share a word stem (first five letters of a word of four or more, after
  /// ``VocabularyFolding/fold(_:separator:)``) in id or either label, most shared stems first,
  /// then smallest edit distance between the German labels, then vocabulary order. Only topics
  /// some actor offers are named. O(t · ℓ²) for t topics of label length ℓ.
  public static func relatedTopics(to topic: String, in network: Network, limit: Int = 3) -> [String] {
    var offered = Set<String>()
    for actor in network.actors {
      for claim in actor.offers where claim.review != .rejected { offered.insert(claim.topic) }
    }
    func stems(_ t: Topic) -> Set<String> {
      var result = Set<String>()
      for text in [t.id, t.de, t.en] {
        for word in VocabularyFolding.fold(text, separator: " ").split(separator: " ")
        where word.count >= 4 {
          result.insert(String(word.prefix(5)))
        }
      }
      return result
    }
    guard let asked = network.topics.first(where: { $0.id == topic }) else { return [] }
    let askedStems = stems(asked)
    let askedLabel = VocabularyFolding.fold(asked.de)
    var scored: [(id: String, shared: Int, distance: Int, order: Int)] = []
    for (k, t) in network.topics.enumerated() where t.id != topic && offered.contains(t.id) {
      let shared = stems(t).intersection(askedStems).count
      let distance = EditDistance.distance(askedLabel, VocabularyFolding.fold(t.de))
      scored.append((t.id, shared, distance, k))
    }
    scored.sort {
      $0.shared != $1.shared
        ? $0.shared > $1.shared : $0.distance != $1.distance ? $0.distance < $1.distance : $0.order < $1.order
    }
    return scored.prefix(max(0, limit)).map(\.id)
  }
}

/// Finding a topic or an actor from what a person types: an id, a label or a name.
public enum ReferralLookup {
  /// The id of the topic `query` names: its id, its German or English label, or an id or label
  /// a claim uses, compared after ``VocabularyFolding/fold(_:separator:)`` (case, umlauts,
  /// punctuation do not matter). Failing that, the only topic whose label contains the query
  /// (at least four letters). Nil when none or several.
  public static func topic(_ query: String, in network: Network) -> String? {
    let q = VocabularyFolding.fold(query)
    guard !q.isEmpty else { return nil }
    for t in network.topics
    where VocabularyFolding.fold(t.id) == q || VocabularyFolding.fold(t.de) == q
      || VocabularyFolding.fold(t.en) == q
    {
      return t.id
    }
    // A claim may name a topic the vocabulary lacks (a warning, not an error, for drafts).
    for actor in network.actors {
      for claim in actor.offers + actor.needs where VocabularyFolding.fold(claim.topic) == q {
        return claim.topic
      }
    }
    guard q.count >= 4 else { return nil }
    let containing = network.topics.filter {
      VocabularyFolding.fold($0.de).contains(q) || VocabularyFolding.fold($0.en).contains(q)
    }
    return containing.count == 1 ? containing[0].id : nil
  }

  /// The index of the actor `query` names: its id, short name, name or an alias (folded as
  /// above). Nil when none.
  public static func actor(_ query: String, in network: Network) -> Int? {
    if let i = network.actors.firstIndex(where: { $0.id == query }) { return i }
    let q = VocabularyFolding.fold(query)
    guard !q.isEmpty else { return nil }
    return network.actors.firstIndex { actor in
      ([actor.id, actor.name] + (actor.short.map { [$0] } ?? []) + actor.aliases).contains {
        VocabularyFolding.fold($0) == q
      }
    }
  }

  /// The known topic ids closest to `query`, nearest first (at most `limit`): smallest edit
  /// distance of the folded query to the folded id or either label, a label containing the query
  /// counting as distance 0.
  public static func closestTopics(to query: String, in network: Network, limit: Int = 3) -> [String] {
    closest(
      query, candidates: network.topics.map { ($0.id, [$0.id, $0.de, $0.en]) }, limit: limit)
  }

  /// The actor ids closest to `query`, nearest first (id, short name, name and aliases).
  public static func closestActors(to query: String, in network: Network, limit: Int = 3) -> [String] {
    closest(
      query,
      candidates: network.actors.map {
        ($0.id, [$0.id, $0.name] + ($0.short.map { [$0] } ?? []) + $0.aliases)
      }, limit: limit)
  }

  static func closest(
    _ query: String, candidates: [(id: String, spellings: [String])], limit: Int
  ) -> [String] {
    let q = VocabularyFolding.fold(query)
    var scored: [(id: String, distance: Int, order: Int)] = []
    for (k, candidate) in candidates.enumerated() {
      var best = Int.max
      for spelling in candidate.spellings {
        let folded = VocabularyFolding.fold(spelling)
        let d = q.count >= 3 && folded.contains(q) ? 0 : EditDistance.distance(q, folded)
        best = min(best, d)
      }
      scored.append((candidate.id, best, k))
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.order < $1.order }
    return scored.prefix(max(0, limit)).map(\.id)
  }
}
