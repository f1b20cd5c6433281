import StakeMapGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Missing-tie suggestions: neighbourhood scores for candidate pairs, with the shared
/// neighbours that explain them (D. Liben-Nowell and J. Kleinberg, "The link-prediction problem
/// for social networks", JASIST 58(7):1019–1031, 2007), candidate generation, and what a new
/// tie would shorten. Topological: tie weights are ignored.
public enum LinkPrediction {
  /// The neighbourhood scores of one pair.
  public struct Score: Sendable, Equatable {
    /// The candidate pair.
    public let pair: NodePair
    /// N(u) ∩ N(v), ascending: the explanation ("both work with A, B and C").
    public let sharedNeighbors: [Int]
    /// |N(u) ∩ N(v)|: `len(list(nx.common_neighbors(G, u, v)))`.
    public var commonNeighbors: Int { sharedNeighbors.count }
    /// |N(u) ∩ N(v)| / |N(u) ∪ N(v)|, 0 when both are isolated:
    /// `nx.jaccard_coefficient`.
    public let jaccard: Double
    /// Σ_{w ∈ N(u) ∩ N(v)} 1 / ln deg(w) (L. A. Adamic and E. Adar, "Friends and neighbors on
    /// the Web", Social Networks 25(3):211–230, 2003): `nx.adamic_adar_index`. A shared
    /// neighbour has degree ≥ 2, so every term is finite.
    public let adamicAdar: Double
    /// Σ_{w ∈ N(u) ∩ N(v)} 1 / deg(w) (T. Zhou, L. Lü, Y.-C. Zhang, "Predicting missing links
    /// via local information", Eur. Phys. J. B 71:623–630, 2009):
    /// `nx.resource_allocation_index`.
    public let resourceAllocation: Double

    public init(
      pair: NodePair, sharedNeighbors: [Int], jaccard: Double, adamicAdar: Double,
      resourceAllocation: Double
    ) {
      self.pair = pair
      self.sharedNeighbors = sharedNeighbors
      self.jaccard = jaccard
      self.adamicAdar = adamicAdar
      self.resourceAllocation = resourceAllocation
    }
  }

  /// The scores of `pairs`, in the given order. Terms are summed over the shared neighbours in
  /// ascending order.
  ///
  /// - Complexity: O(deg(u) + deg(v)) per pair (sorted-list intersection).
  public static func scores(_ g: Graph, pairs: [NodePair]) -> [Score] {
    pairs.map { pair in
      var shared: [Int] = []
      var i = Int(g.offsets[pair.u])
      let iEnd = Int(g.offsets[pair.u + 1])
      var j = Int(g.offsets[pair.v])
      let jEnd = Int(g.offsets[pair.v + 1])
      while i < iEnd && j < jEnd {
        let a = g.neighbors[i]
        let b = g.neighbors[j]
        if a == b {
          shared.append(Int(a))
          i += 1
          j += 1
        } else if a < b {
          i += 1
        } else {
          j += 1
        }
      }
      var adamicAdar = 0.0
      var resource = 0.0
      for w in shared {
        let d = Double(g.degree(w))
        adamicAdar += 1 / log(d)
        resource += 1 / d
      }
      let union = g.degree(pair.u) + g.degree(pair.v) - shared.count
      return Score(
        pair: pair, sharedNeighbors: shared,
        jaccard: union == 0 ? 0 : Double(shared.count) / Double(union), adamicAdar: adamicAdar,
        resourceAllocation: resource)
    }
  }

  /// What to rank scores by.
  public enum Ranking: Sendable {
    case adamicAdar, resourceAllocation, jaccard, commonNeighbors
  }

  /// The scores sorted by `by` (descending), equal values by the other scores in the order
  /// Adamic–Adar, resource allocation, common neighbours, then by pair (ascending); at most
  /// `limit` of them.
  public static func ranked(_ scores: [Score], by: Ranking = .adamicAdar, limit: Int? = nil)
    -> [Score]
  {
    func key(_ s: Score) -> [Double] {
      let primary: Double =
        switch by {
        case .adamicAdar: s.adamicAdar
        case .resourceAllocation: s.resourceAllocation
        case .jaccard: s.jaccard
        case .commonNeighbors: Double(s.commonNeighbors)
        }
      return [primary, s.adamicAdar, s.resourceAllocation, Double(s.commonNeighbors)]
    }
    let sorted = scores.sorted { a, b in
      let ka = key(a)
      let kb = key(b)
      for (x, y) in zip(ka, kb) where x != y { return x > y }
      return a.pair < b.pair
    }
    return limit.map { Array(sorted.prefix($0)) } ?? sorted
  }

  // MARK: - Candidates

  /// Every non-adjacent pair at hop distance exactly 2 (friends of friends), ascending; with
  /// `groups`, only pairs whose members are in different groups ("missing bridges").
  ///
  /// - Complexity: O(Σ_w deg(w)²) time; output size up to that.
  public static func friendsOfFriends(_ g: Graph, groups: [Int]? = nil) -> [NodePair] {
    let n = g.nodeCount
    if let groups { precondition(groups.count == n, "one group per node") }
    var mark = [Int32](repeating: -1, count: n)
    var result: [NodePair] = []
    var found: [Int] = []
    for u in 0..<n {
      let u32 = Int32(u)
      mark[u] = u32
      for e in g.edgeRange(u) { mark[Int(g.neighbors[e])] = u32 }
      found.removeAll(keepingCapacity: true)
      for e in g.edgeRange(u) {
        let w = Int(g.neighbors[e])
        for f in g.edgeRange(w) {
          let x = Int(g.neighbors[f])
          guard x > u, mark[x] != u32 else { continue }
          mark[x] = u32
          if let groups, groups[x] == groups[u] { continue }
          found.append(x)
        }
      }
      found.sort()
      for x in found { result.append(NodePair(u, x)) }
    }
    return result
  }

  /// The best `limit` friends-of-friends pairs that `accept` lets through, ranked as
  /// ``ranked(_:by:limit:)`` ranks them: exactly
  /// `ranked(scores(g, pairs: friendsOfFriends(g).filter(accept)), by: by, limit: limit)`,
  /// bit for bit, without materialising the pairs.
  ///
  /// A hub makes every pair of its contacts a friend-of-friends pair (n²/2 for a star), so
  /// the pairs are streamed: for each u, the scores of all pairs (u, x > u) at distance 2 are
  /// accumulated in per-node scratch (over u's neighbours w ascending, the order in which
  /// ``scores(_:pairs:)`` sums them, so the sums are the same doubles), and each pair is
  /// compared with the worst of a bounded heap of the best `limit` so far. Only the kept pairs
  /// get their shared-neighbour lists.
  ///
  /// `accept` must depend on the pair alone (not on how often or in which order it is
  /// called): it is called only for pairs that would enter the heap, (u, v) with u < v.
  ///
  /// - Complexity: O(Σ_w deg(w)² · log limit) time worst case (O(Σ_w deg(w)²) once the heap
  ///   is full and most pairs lose to its worst); O(n + limit) memory: four per-node arrays,
  ///   the list of u's distance-2 nodes (< n) and the heap, plus the kept pairs' shared
  ///   neighbours in the result.
  public static func topFriendsOfFriends(
    _ g: Graph, limit: Int, by: Ranking = .adamicAdar, accept: (Int, Int) -> Bool = { _, _ in true }
  ) -> [Score] {
    topFriendsOfFriendsCounted(g, limit: limit, by: by, accept: accept).scores
  }

  /// ``topFriendsOfFriends(_:limit:by:accept:)`` with what it did: `pairsScored`, the pairs
  /// whose scores were accumulated (those of every u not skipped), and `largestHeap`, the most
  /// pairs held at once (≤ limit). For tests that check the work and memory are bounded.
  package static func topFriendsOfFriendsCounted(
    _ g: Graph, limit: Int, by: Ranking = .adamicAdar, accept: (Int, Int) -> Bool = { _, _ in true }
  ) -> (scores: [Score], pairsScored: Int, largestHeap: Int) {
    let n = g.nodeCount
    guard limit > 0, n > 2 else { return ([], 0, 0) }
    var heap = BoundedRanking(limit: limit, by: by)
    var pairsScored = 0
    var largestHeap = 0
    var adjacent = [Int32](repeating: -1, count: n)
    var found = [Int32](repeating: -1, count: n)
    var aa = [Double](repeating: 0, count: n)
    var ra = [Double](repeating: 0, count: n)
    var common = [Int32](repeating: 0, count: n)
    var list: [Int32] = []
    for u in 0..<n {
      let u32 = Int32(u)
      // Skip u when even a pair sharing all of u's contacts of degree ≥ 2 (the only ones that
      // can be shared) cannot beat the worst kept pair. The bound sums the same terms in the
      // same order as a pair's score sums a subset of them, and rounding is monotone, so it is
      // ≥ every pair's score as doubles too. Not for Jaccard (its union grows with x's degree).
      // On a star this leaves one leaf's pairs to score instead of all n²/2.
      if heap.isFull && by != .jaccard {
        var boundAA = 0.0
        var boundRA = 0.0
        var boundCN = 0
        for e in g.edgeRange(u) {
          let d = g.degree(Int(g.neighbors[e]))
          guard d >= 2 else { continue }
          boundAA += 1 / log(Double(d))
          boundRA += 1 / Double(d)
          boundCN += 1
        }
        let bound = BoundedRanking.Entry(
          u: u32, v: u32 + 1, adamicAdar: boundAA, resourceAllocation: boundRA,
          commonNeighbors: boundCN, jaccard: 1)
        if !heap.wouldKeep(bound) { continue }
      }
      adjacent[u] = u32
      for e in g.edgeRange(u) { adjacent[Int(g.neighbors[e])] = u32 }
      list.removeAll(keepingCapacity: true)
      for e in g.edgeRange(u) {
        let w = Int(g.neighbors[e])
        let d = Double(g.degree(w))
        let aaTerm = 1 / log(d)
        let raTerm = 1 / d
        for f in g.edgeRange(w) {
          let x = Int(g.neighbors[f])
          guard x > u, adjacent[x] != u32 else { continue }
          if found[x] != u32 {
            found[x] = u32
            aa[x] = 0
            ra[x] = 0
            common[x] = 0
            list.append(Int32(x))
          }
          aa[x] += aaTerm
          ra[x] += raTerm
          common[x] += 1
        }
      }
      let du = g.degree(u)
      for x32 in list {
        let x = Int(x32)
        let cn = Int(common[x])
        let union = du + g.degree(x) - cn
        let entry = BoundedRanking.Entry(
          u: u32, v: x32, adamicAdar: aa[x], resourceAllocation: ra[x], commonNeighbors: cn,
          jaccard: union == 0 ? 0 : Double(cn) / Double(union))
        if heap.wouldKeep(entry) && accept(u, x) { heap.insert(entry) }
      }
      pairsScored += list.count
      largestHeap = max(largestHeap, heap.entries.count)
    }
    let kept = scores(g, pairs: heap.sorted().map { NodePair(Int($0.u), Int($0.v)) })
    return (kept, pairsScored, largestHeap)
  }

  /// Every non-adjacent pair whose members are in different groups, ascending, including pairs
  /// without any shared neighbour (scores 0) and pairs in different components.
  ///
  /// - Complexity: O(n² + m): for small networks; use ``friendsOfFriends(_:groups:)`` on
  ///   large ones.
  public static func crossGroupPairs(_ g: Graph, groups: [Int]) -> [NodePair] {
    let n = g.nodeCount
    precondition(groups.count == n, "one group per node")
    var result: [NodePair] = []
    var adjacent = [Bool](repeating: false, count: n)
    for u in 0..<n {
      for e in g.edgeRange(u) { adjacent[Int(g.neighbors[e])] = true }
      for v in (u + 1)..<max(n, u + 1) where !adjacent[v] && groups[u] != groups[v] {
        result.append(NodePair(u, v))
      }
      for e in g.edgeRange(u) { adjacent[Int(g.neighbors[e])] = false }
    }
    return result
  }

  // MARK: - Path shortening

  /// What a new tie would change in hop distances.
  public struct Shortening: Sendable, Equatable {
    /// The added tie.
    public let pair: NodePair
    /// Unordered pairs {s, t}, connected before, whose hop distance gets shorter (the pair
    /// itself included: its distance becomes 1). Twice this for ordered pairs.
    public let improvedPairs: Int
    /// Σ (old − new) distance over those pairs.
    public let totalReduction: Int
    /// Unordered pairs that could not reach each other before and can after: |C_u|·|C_v| when
    /// the tie joins two components, else 0.
    public let newlyConnectedPairs: Int

    public init(pair: NodePair, improvedPairs: Int, totalReduction: Int, newlyConnectedPairs: Int) {
      self.pair = pair
      self.improvedPairs = improvedPairs
      self.totalReduction = totalReduction
      self.newlyConnectedPairs = newlyConnectedPairs
    }
  }

  /// The effect of adding the tie {u, v}, exactly.
  ///
  /// With d_u, d_v the hop distances from u and v, the new distance is
  /// min(d(s, t), d_u(s) + 1 + d_v(t), d_v(s) + 1 + d_u(t)). Since d(s, t) ≤ d_v(s) + d_v(t)
  /// and ≤ d_u(s) + d_u(t), the route s → u → v → t can only win when
  /// s ∈ S = {s : d_u(s) + 1 < d_v(s)} and t ∈ T = {t : d_v(t) + 1 < d_u(t)} (disjoint sets).
  /// So one BFS from u and from v, then a breadth-first search from each node of the smaller
  /// of S and T (stopped once the other set is reached; 256 sources per bit-parallel sweep,
  /// four machine words per node) gives the exact old distances of the only pairs that can
  /// improve. A pair improves by at most d(u, v) − 1 (1 for friends of friends). A tie joining
  /// two components connects |C_u|·|C_v| pairs and shortens nothing else. An existing tie
  /// changes nothing: all zeros.
  ///
  /// - Complexity: O(n + m + ⌈min(|S|, |T|)/256⌉·m·D), D the number of levels searched (at
  ///   most the diameter). |S| and |T| are the nodes on u's and v's far sides: small in
  ///   clustered networks, a large share of a sparse random graph (on the 10,000-node SBM of
  ///   the timing tool, ≈ 6 ms of one core per top-ranked friends-of-friends candidate): cap
  ///   the candidates on large networks.
  public static func shortening(_ g: Graph, adding pair: NodePair) -> Shortening {
    ShorteningScratch(nodeCount: g.nodeCount).evaluate(g, pair)
  }

  /// ``shortening(_:adding:)`` for many candidates, in parallel (one candidate per task; each
  /// result is exact, so the output does not depend on `threads`), in the given order.
  public static func shortening(
    _ g: Graph, candidates: [NodePair], threads: Int = defaultAnalysisThreads
  ) -> [Shortening] {
    let out = Buffer<Int>(count: 3 * candidates.count)
    let workers = workerCount(count: candidates.count, chunk: 4, threads: threads)
    let scratch = (0..<workers).map { _ in ShorteningScratch(nodeCount: g.nodeCount) }
    parallelItems(count: candidates.count, chunk: 4, threads: threads) { i, worker in
      let r = scratch[worker].evaluate(g, candidates[i])
      out.memory[3 * i] = r.improvedPairs
      out.memory[3 * i + 1] = r.totalReduction
      out.memory[3 * i + 2] = r.newlyConnectedPairs
    }
    return candidates.indices.map {
      Shortening(
        pair: candidates[$0], improvedPairs: out.memory[3 * $0],
        totalReduction: out.memory[3 * $0 + 1], newlyConnectedPairs: out.memory[3 * $0 + 2])
    }
  }
}

/// The best `limit` pairs seen so far in ``LinkPrediction/ranked(_:by:limit:)``'s order: a
/// binary heap with the worst kept pair at the root. O(limit) memory.
struct BoundedRanking {
  struct Entry {
    var u: Int32
    var v: Int32
    var adamicAdar: Double
    var resourceAllocation: Double
    var commonNeighbors: Int
    var jaccard: Double
  }

  let limit: Int
  let by: LinkPrediction.Ranking
  private(set) var entries: [Entry] = []

  init(limit: Int, by: LinkPrediction.Ranking) {
    self.limit = limit
    self.by = by
    entries.reserveCapacity(min(limit, 1 << 16))
  }

  @inline(__always) func primary(_ e: Entry) -> Double {
    switch by {
    case .adamicAdar: e.adamicAdar
    case .resourceAllocation: e.resourceAllocation
    case .jaccard: e.jaccard
    case .commonNeighbors: Double(e.commonNeighbors)
    }
  }

  /// Whether `a` ranks before `b`: the key (primary, Adamic–Adar, resource allocation, common
  /// neighbours) descending, then the pair ascending, as ``LinkPrediction/ranked(_:by:limit:)``.
  @inline(__always) func better(_ a: Entry, _ b: Entry) -> Bool {
    let pa = primary(a)
    let pb = primary(b)
    if pa != pb { return pa > pb }
    if a.adamicAdar != b.adamicAdar { return a.adamicAdar > b.adamicAdar }
    if a.resourceAllocation != b.resourceAllocation {
      return a.resourceAllocation > b.resourceAllocation
    }
    if a.commonNeighbors != b.commonNeighbors { return a.commonNeighbors > b.commonNeighbors }
    return (a.u, a.v) < (b.u, b.v)
  }

  var isFull: Bool { entries.count >= limit }

  /// Whether `e` would be kept: the heap is not full or `e` beats its worst.
  @inline(__always) func wouldKeep(_ e: Entry) -> Bool {
    entries.count < limit || better(e, entries[0])
  }

  /// Keeps `e` (call after ``wouldKeep(_:)`` said yes), dropping the worst when full.
  mutating func insert(_ e: Entry) {
    if entries.count < limit {
      entries.append(e)
      var child = entries.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard better(entries[parent], entries[child]) else { break }
        entries.swapAt(parent, child)
        child = parent
      }
    } else {
      entries[0] = e
      var parent = 0
      let count = entries.count
      while true {
        let left = 2 * parent + 1
        guard left < count else { break }
        let right = left + 1
        let worse = right < count && better(entries[left], entries[right]) ? right : left
        guard better(entries[parent], entries[worse]) else { break }
        entries.swapAt(parent, worse)
        parent = worse
      }
    }
  }

  /// The kept pairs, best first.
  func sorted() -> [Entry] { entries.sorted { better($0, $1) } }
}

/// Per-worker buffers of ``LinkPrediction/shortening(_:adding:)``.
final class ShorteningScratch: @unchecked Sendable {
  // Unchecked: one scratch belongs to one worker at a time.
  private let fromU: BFSScratch
  private let fromV: BFSScratch
  private let sweeper: BitParallelBFS
  private var inTarget: [Bool]

  init(nodeCount n: Int) {
    fromU = BFSScratch(nodeCount: n)
    fromV = BFSScratch(nodeCount: n)
    sweeper = BitParallelBFS(nodeCount: n)
    inTarget = [Bool](repeating: false, count: n)
  }

  func evaluate(_ g: Graph, _ pair: NodePair) -> LinkPrediction.Shortening {
    let u = pair.u
    let v = pair.v
    if g.weight(u, v) != nil {
      return .init(pair: pair, improvedPairs: 0, totalReduction: 0, newlyConnectedPairs: 0)
    }
    let reachedU = fromU.run(g, from: u)
    let reachedV = fromV.run(g, from: v)
    let du = fromU.level
    let dv = fromV.level
    if du[v] < 0 {
      return .init(
        pair: pair, improvedPairs: 0, totalReduction: 0, newlyConnectedPairs: reachedU * reachedV)
    }
    // Same component: fromU and fromV reached the same nodes.
    var sideS: [Int] = []
    var sideT: [Int] = []
    for k in 0..<reachedU {
      let x = Int(fromU.order[k])
      if du[x] + 1 < dv[x] { sideS.append(x) } else if dv[x] + 1 < du[x] { sideT.append(x) }
    }
    // Search from the smaller side; the bound d_u(s) + 1 + d_v(t) is symmetric in the roles.
    let swapSides = sideT.count < sideS.count
    let sources = swapSides ? sideT : sideS
    let targets = swapSides ? sideS : sideT
    let dSource = swapSides ? dv : du
    let dTarget = swapSides ? du : dv
    for t in targets { inTarget[t] = true }
    var improved = 0
    var reduction = 0
    var first = 0
    while first < sources.count {
      let batch = sources[first..<min(first + BitParallelBFS.width, sources.count)]
      first += BitParallelBFS.width
      // Sources grouped by d_S(s): (distance, mask), ascending. A target t first reached by
      // source s at level L has d(s, t) = L; the pair improves by L − d_S(s) − 1 − d_T(t) when
      // that is positive: a few popcounts per target and level.
      var groups: [(Int, BitParallelBFS.Mask)] = []
      for (i, s) in batch.enumerated() {
        let d = Int(dSource[s])
        if let k = groups.firstIndex(where: { $0.0 == d }) {
          groups[k].1 |= BitParallelBFS.bit(i)
        } else {
          groups.append((d, BitParallelBFS.bit(i)))
        }
      }
      groups.sort { $0.0 < $1.0 }
      let full = BitParallelBFS.mask(count: batch.count)
      var completed = 0
      sweeper.run(g, sources: batch) { level, y, fresh, visited in
        guard inTarget[y] else { return true }
        let limit = level - 1 - Int(dTarget[y])
        for (d, mask) in groups {
          if d >= limit { break }
          let c = BitParallelBFS.popcount(fresh & mask)
          improved += c
          reduction += c * (limit - d)
        }
        if visited == full { completed += 1 }
        return completed < targets.count  // stop once every target has every source
      }
    }
    for t in targets { inTarget[t] = false }
    return .init(
      pair: pair, improvedPairs: improved, totalReduction: reduction, newlyConnectedPairs: 0)
  }
}
