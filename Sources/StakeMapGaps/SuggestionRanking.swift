import StakeMapAlgorithms
import StakeMapGraph
import StakeMapModel
import StakeMapText

/// Ranks candidate new ties by what they would do for the network, and says why.
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
/// - Complexity: O(c · (n + m)) for c candidates, in parallel.
struct SuggestionRanking {
  /// Candidates scored: 400 for networks up to 2,000 actors, 60 beyond (the exact path
  /// effect costs a few milliseconds per candidate on 10,000 actors).
  var maxCandidates: Int { graph.nodeCount <= 2_000 ? 400 : 60 }

  let network: Network
  let graph: Graph
  let groupOf: [Int]
  let groupLabel: (Int) -> String
  let communityOf: [Int]
  /// A community's name for people: its best-connected member.
  let communityName: (Int) -> String
  let needs: NeedsMatching
  let components: [[Int]]
  let language: Language
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
    // Friends of friends across groups or communities, best shared partners first.
    let twoHop = LinkPrediction.friendsOfFriends(graph).filter {
      groupOf[$0.u] != groupOf[$0.v] || communityOf[$0.u] != communityOf[$0.v]
    }
    for score in LinkPrediction.ranked(LinkPrediction.scores(graph, pairs: twoHop), by: .adamicAdar) {
      add(score.pair.u, score.pair.v)
    }

    // Evidence for every candidate at once: shared partners, and the exact effect on paths.
    let pairs = candidates.map { NodePair($0.0, $0.1) }
    let linkScores = LinkPrediction.scores(graph, pairs: pairs)
    let effects = LinkPrediction.shortening(graph, candidates: pairs, threads: threads)
    let allPairs = Double(n * (n - 1) / 2)
    var ranked: [Suggestion] = []
    for (index, (a, b)) in candidates.enumerated() {
      var reasons: [Reason] = []
      let de = language == .de
      let name = { (i: Int) in self.network.actors[i].short ?? self.network.actors[i].name }
      // 1. Needs.
      let met = needs.open.filter { ($0.needActor == a && $0.offerActor == b) || ($0.needActor == b && $0.offerActor == a) }
      for m in met {
        let topic = network.topics.first { $0.id == m.topic }?.label(language) ?? m.topic
        reasons.append(
          Reason(
            kind: .meetsNeed,
            text: de ? "\(name(m.needActor)) braucht „\(topic)“, \(name(m.offerActor)) bietet es an" : "\(name(m.needActor)) needs “\(topic)”, which \(name(m.offerActor)) offers",
            figures: [("needs", 1)], actors: [m.needActor, m.offerActor]))
      }
      // 2. Paths: which pairs would get closer or connected.
      let shortened = effects[index].improvedPairs
      let saved = effects[index].totalReduction
      let connected = effects[index].newlyConnectedPairs
      if connected > 0 {
        reasons.append(
          Reason(
            kind: .connectsComponents,
            text: de ? "verbindet getrennte Teile des Netzwerks: \(connected) Paare könnten einander erstmals erreichen" : "joins separate parts of the network: \(connected) pairs could reach each other for the first time",
            figures: [("newly_connected_pairs", Double(connected))], actors: []))
      }
      if groupOf[a] != groupOf[b] {
        reasons.append(
          Reason(
            kind: .joinsGroups,
            text: de ? "verbindet die Gruppen \(groupLabel(groupOf[a])) und \(groupLabel(groupOf[b]))" : "joins the groups \(groupLabel(groupOf[a])) and \(groupLabel(groupOf[b]))",
            figures: [("groups_tied_before", groupsTied(groupOf[a], groupOf[b]) ? 1 : 0)], actors: []))
        if !groupsTied(groupOf[a], groupOf[b]) {
          reasons[reasons.count - 1].text += de ? ", zwischen denen es noch keine Beziehung gibt" : ", which have no tie yet"
        }
      }
      if communityOf[a] != communityOf[b] {
        reasons.append(
          Reason(
            kind: .joinsCommunities,
            text: de
              ? "verbindet die Community um \(communityName(communityOf[a])) mit der um \(communityName(communityOf[b]))"
              : "joins the community around \(communityName(communityOf[a])) with the one around \(communityName(communityOf[b]))",
            figures: [], actors: []))
      }
      if shortened > 0 {
        reasons.append(
          Reason(
            kind: .shortensPaths,
            text: de ? "verkürzt \(shortened) kürzeste Wege (zusammen um \(saved) Schritte)" : "shortens \(shortened) shortest paths (by \(saved) steps in all)",
            figures: [("shortened_pairs", Double(shortened)), ("steps_saved", Double(saved))],
            actors: []))
      }
      let shared = linkScores[index].sharedNeighbors
      if !shared.isEmpty {
        let aa = linkScores[index].adamicAdar
        let ra = linkScores[index].resourceAllocation
        let names = Array(shared.prefix(3).map(name))
        reasons.append(
          Reason(
            kind: .sharedPartners,
            text: (de ? "beide arbeiten schon mit \(list(names, de)) zusammen" : "both already work with \(list(names, de))")
              + (shared.count > 3 ? (de ? " und \(shared.count - 3) weiteren" : " and \(shared.count - 3) more") : ""),
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
      var text = "\(name(a)) – \(name(b)): " + reasons.map(\.text).joined(separator: "; ")
      if !text.hasSuffix(".") { text += "." }  // a name such as "piano e.V." ends the sentence already
      ranked.append(Suggestion(a: a, b: b, score: score, reasons: reasons, text: text))
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

  private func list(_ items: [String], _ de: Bool) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + (de ? " und " : " and ") + items.last!
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

