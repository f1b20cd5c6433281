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
