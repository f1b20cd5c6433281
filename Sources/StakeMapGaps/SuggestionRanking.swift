import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapText

/// Ranks candidate new ties by what they would do for the network, and keeps why: each reason
/// as a kind with its figures and actors (StakeMapReports writes the sentences).
///
/// Candidates (each pair once, never an existing tie):
/// 1. open needs: A needs a topic B offers (``NeedsMatching``);
/// 2. pieces: the best-connected actor of each smaller component with that of the largest;
/// 3. silent groups: for group pairs without any tie, their best-connected members;
/// 4. friends of friends across groups or communities (distance 2), best shared partners first.
/// At most ``maxCandidates`` are scored, chosen in that order (deterministic).
///
/// Score = Σ of the reasons' weights:
/// - meets a stated need: 3 per need (at most two counted);
/// - connects separate components: 2 + 3 · (newly connected pairs / all pairs);
/// - joins different groups: 1, plus 1 when the two groups have no tie yet;
/// - joins different communities: 1;
/// - shortens shortest paths: 2 · (pairs whose hop distance shrinks / all pairs);
/// - shared partners: AA / (1 + AA), Adamic–Adar (2003) over the common neighbours.
/// The weights put what people *said* (needs) first, then structure; they are documented, not
/// fitted, and every reason carries its raw figures so a planner can judge.
///
/// Shared partners and path effects come from ``LinkPrediction`` (exact).
///
/// - Complexity: O(c · (n + m)) for c candidates, in parallel, plus at most O(Σ deg²) to stream
///   the friends of friends (``LinkPrediction/topFriendsOfFriends(_:limit:by:accept:)``; O(n + m)
///   on a star). Memory O(n + m + c) beside the suggestions: candidates are never listed beyond
///   ``maxCandidates``.
struct SuggestionRanking {
  /// Candidates scored: 400 for networks up to 2,000 actors, 60 beyond (the exact path
  /// effect costs a few milliseconds per candidate on 10,000 actors).
  var maxCandidates: Int { graph.nodeCount <= 2_000 ? 400 : 60 }

  let network: Network
  let graph: Graph
  let groupOf: [Int]
  let communityOf: [Int]
  /// A community's best-connected member (the actor it is named after for people).
  let communityHub: (Int) -> Int
  let needs: NeedsMatching
  let components: [[Int]]
  let threads: Int
  let tiedGroupPairs: Set<Int>

  func rank(limit: Int) -> [Suggestion] {
    let n = graph.nodeCount
    guard n >= 2, limit > 0 else { return [] }
    var candidates: [(Int, Int)] = []
    // Pairs that already have a tie of any status (planned, desired, ended) are not new
    // bridges: a scenario (`--with`) is the way to weigh planned ties.
    var seen = Set<Int>()
    for r in network.relations where r.from != r.to {
      seen.insert(min(r.from, r.to) * n + max(r.from, r.to))
    }
    func add(_ a: Int, _ b: Int) {
      guard a != b, graph.weight(a, b) == nil, candidates.count < maxCandidates else { return }
      if seen.insert(min(a, b) * n + max(a, b)).inserted { candidates.append((min(a, b), max(a, b))) }
    }
    for match in needs.open { add(match.needActor, match.offerActor) }
    let hub = { (members: [Int]) in members.max { (graph.degree($0), -$0) < (graph.degree($1), -$1) }! }
    if components.count > 1 {
      let main = hub(components[0])
      for component in components.dropFirst() { add(hub(component), main) }
    }
    if groupCount > 1 {
      var best = [Int?](repeating: nil, count: groupCount)
      for v in 0..<n where best[groupOf[v]].map({ (graph.degree(v), -v) > (graph.degree($0), -$0) }) ?? true {
        best[groupOf[v]] = v
      }
      for g in 0..<groupCount {
        for h in (g + 1)..<groupCount where !groupsTied(g, h) {
          if let a = best[g], let b = best[h] { add(a, b) }
        }
      }
    }
    // Friends of friends across groups or communities, best shared partners first. A hub makes
    // every pair of its contacts one (n²/2 for a star), so they are streamed into a heap of the
    // `room` best instead of being listed: the same pairs `add` would take from the full ranked
    // list, since it skips exactly the pairs already in `seen` and stops after `room`.
    let room = maxCandidates - candidates.count
    if room > 0 {
      let taken = seen
      let best = LinkPrediction.topFriendsOfFriends(graph, limit: room, by: .adamicAdar) { u, v in
        (groupOf[u] != groupOf[v] || communityOf[u] != communityOf[v]) && !taken.contains(u * n + v)
      }
      for score in best { add(score.pair.u, score.pair.v) }
    }

    // Evidence for every candidate at once: shared partners, and the exact effect on paths.
    let pairs = candidates.map { NodePair($0.0, $0.1) }
    let linkScores = LinkPrediction.scores(graph, pairs: pairs)
    let effects = LinkPrediction.shortening(graph, candidates: pairs, threads: threads)
    let allPairs = Double(n * (n - 1) / 2)
    var ranked: [Suggestion] = []
    for (index, (a, b)) in candidates.enumerated() {
      var reasons: [Reason] = []
      // 1. Needs.
      let met = needs.open.filter { ($0.needActor == a && $0.offerActor == b) || ($0.needActor == b && $0.offerActor == a) }
      for m in met {
        reasons.append(
          Reason(kind: .meetsNeed, figures: [("needs", 1)], actors: [m.needActor, m.offerActor], topic: m.topic))
      }
      // 2. Paths: which pairs would get closer or connected.
      let shortened = effects[index].improvedPairs
      let saved = effects[index].totalReduction
      let connected = effects[index].newlyConnectedPairs
      if connected > 0 {
        reasons.append(
          Reason(kind: .connectsComponents, figures: [("newly_connected_pairs", Double(connected))], actors: []))
      }
      if groupOf[a] != groupOf[b] {
        reasons.append(
          Reason(
            kind: .joinsGroups,
            figures: [("groups_tied_before", groupsTied(groupOf[a], groupOf[b]) ? 1 : 0)], actors: [],
            groups: [groupOf[a], groupOf[b]]))
      }
      if communityOf[a] != communityOf[b] {
        reasons.append(
          Reason(
            kind: .joinsCommunities, figures: [], actors: [], groups: [communityOf[a], communityOf[b]],
            hubs: [communityHub(communityOf[a]), communityHub(communityOf[b])]))
      }
      if shortened > 0 {
        reasons.append(
          Reason(
            kind: .shortensPaths,
            figures: [("shortened_pairs", Double(shortened)), ("steps_saved", Double(saved))],
            actors: []))
      }
      let shared = linkScores[index].sharedNeighbors
      if !shared.isEmpty {
        let aa = linkScores[index].adamicAdar
        let ra = linkScores[index].resourceAllocation
        reasons.append(
          Reason(
            kind: .sharedPartners,
            figures: [("common_neighbours", Double(shared.count)), ("adamic_adar", aa), ("resource_allocation", ra)],
            actors: shared))
      }
      var score = 0.0
      for reason in reasons {
        switch reason.kind {
        case .meetsNeed: score += 3
        case .connectsComponents: score += 2 + 3 * Double(connected) / allPairs
        case .joinsGroups: score += groupsTied(groupOf[a], groupOf[b]) ? 1 : 2
        case .joinsCommunities: score += 1
        case .shortensPaths: score += 2 * Double(shortened) / allPairs
        case .sharedPartners:
          let aa = reason.figures.first { $0.0 == "adamic_adar" }!.1
          score += aa / (1 + aa)
        }
      }
      // Two needs at most count: a pair with many topics is one tie.
      let needCount = reasons.count { $0.kind == .meetsNeed }
      if needCount > 2 { score -= Double(needCount - 2) * 3 }
      guard !reasons.isEmpty else { continue }
      ranked.append(Suggestion(a: a, b: b, score: score, reasons: reasons))
    }
    ranked.sort { ($0.score, -$0.a, -$0.b) > ($1.score, -$1.a, -$1.b) }
    // Variety: at most two suggestions per actor, so one isolated actor or one hub does not
    // fill the list with the same story.
    var perActor: [Int: Int] = [:]
    var chosen: [Suggestion] = []
    for suggestion in ranked where chosen.count < limit {
      guard perActor[suggestion.a, default: 0] < 2, perActor[suggestion.b, default: 0] < 2 else { continue }
      perActor[suggestion.a, default: 0] += 1
      perActor[suggestion.b, default: 0] += 1
      chosen.append(suggestion)
    }
    return chosen
  }

  private func groupsTied(_ g: Int, _ h: Int) -> Bool {
    tiedGroupPairs.contains(min(g, h) * groupCount + max(g, h))
  }

  var groupCount: Int { (groupOf.max() ?? -1) + 1 }

  /// Group pairs `min · count + max` with at least one tie between them (or within, g == h).
  static func tiedGroupPairs(_ graph: Graph, _ groupOf: [Int]) -> Set<Int> {
    let count = (groupOf.max() ?? -1) + 1
    var tied = Set<Int>()
    for v in 0..<graph.nodeCount {
      for k in graph.edgeRange(v) {
        let g = groupOf[v], h = groupOf[Int(graph.neighbors[k])]
        tied.insert(min(g, h) * count + max(g, h))
      }
    }
    return tied
  }


}

