import StakeMapGraph
import StakeMapModel

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
/// - Complexity: O(c · (n + m)) for c candidates (two BFS each).
struct SuggestionRanking {
  static let maxCandidates = 400

  let network: Network
  let graph: Graph
  let groupOf: [Int]
  let groupLabel: (Int) -> String
  let communityOf: [Int]
  let needs: NeedsMatching
  let components: [[Int]]
  let language: Language
  let paths: PathEffect
  let tiedGroupPairs: Set<Int>

  func rank(limit: Int) -> [Suggestion] {
    let n = graph.nodeCount
    guard n >= 2, limit > 0 else { return [] }
    var candidates: [(Int, Int)] = []
    var seen = Set<Int>()
    func add(_ a: Int, _ b: Int) {
      guard a != b, graph.weight(a, b) == nil, candidates.count < Self.maxCandidates else { return }
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
    // Friends of friends across groups or communities, by Adamic–Adar.
    var twoHop: [(score: Double, a: Int, b: Int)] = []
    for a in 0..<n {
      var partners: [Int: Double] = [:]
      for k in graph.edgeRange(a) {
        let w = Int(graph.neighbors[k])
        let share = 1 / log(Double(max(graph.degree(w), 2)))
        for j in graph.edgeRange(w) {
          let b = Int(graph.neighbors[j])
          if b > a && graph.weight(a, b) == nil { partners[b, default: 0] += share }
        }
      }
      for (b, score) in partners where groupOf[a] != groupOf[b] || communityOf[a] != communityOf[b] {
        twoHop.append((score, a, b))
      }
    }
    twoHop.sort { ($0.score, -$0.a, -$0.b) > ($1.score, -$1.a, -$1.b) }
    for pair in twoHop { add(pair.a, pair.b) }

    let allPairs = Double(n * (n - 1) / 2)
    var ranked: [Suggestion] = []
    for (a, b) in candidates {
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
      // 2. Paths: which pairs would get closer or connected (``PathEffect``).
      let effect = paths.effect(of: a, b)
      let shortened = effect.shortenedPairs
      let saved = effect.stepsSaved
      let connected = effect.newlyConnectedPairs
      if connected > 0 {
        reasons.append(
          Reason(
            kind: .connectsComponents,
            text: de ? "verbindet getrennte Teile des Netzwerks: \(connected) Paare könnten einander erstmals erreichen" : "joins separate parts of the network: \(connected) pairs could reach each other for the first time",
            figures: [("newly_connected_pairs", Double(connected))] + paths.sampleFigure, actors: []))
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
            text: de ? "verbindet die Communities \(communityOf[a] + 1) und \(communityOf[b] + 1)" : "joins communities \(communityOf[a] + 1) and \(communityOf[b] + 1)",
            figures: [], actors: []))
      }
      if shortened > 0 {
        reasons.append(
          Reason(
            kind: .shortensPaths,
            text: de ? "verkürzt \(shortened) kürzeste Wege (zusammen um \(saved) Schritte)" : "shortens \(shortened) shortest paths (by \(saved) steps in all)",
            figures: [("shortened_pairs", Double(shortened)), ("steps_saved", Double(saved))] + paths.sampleFigure,
            actors: []))
      }
      let shared = commonNeighbours(a, b)
      if !shared.isEmpty {
        let aa = shared.reduce(0.0) { $0 + 1 / log(Double(max(graph.degree($1), 2))) }
        let ra = shared.reduce(0.0) { $0 + 1 / Double(graph.degree($1)) }
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
      let text = "\(name(a)) – \(name(b)): " + reasons.map(\.text).joined(separator: "; ") + "."
      ranked.append(Suggestion(a: a, b: b, score: score, reasons: reasons, text: text))
    }
    ranked.sort { ($0.score, -$0.a, -$0.b) > ($1.score, -$1.a, -$1.b) }
    return Array(ranked.prefix(limit))
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

  private func commonNeighbours(_ a: Int, _ b: Int) -> [Int] {
    let na = Set(graph.edgeRange(a).map { Int(graph.neighbors[$0]) })
    return graph.edgeRange(b).map { Int(graph.neighbors[$0]) }.filter { na.contains($0) }.sorted()
  }

}

import Foundation
