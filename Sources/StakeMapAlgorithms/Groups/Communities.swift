import StakeMapGraph

/// Newman's modularity of a partition (M. E. J. Newman, "Modularity and community structure in
/// networks", PNAS 103(23):8577–8582, 2006; with resolution γ: J. Reichardt and S. Bornholdt,
/// Phys. Rev. E 74:016110, 2006).
public enum Modularity {
  /// `nx.community.modularity(G, communities, weight="weight", resolution=γ)`:
  ///
  ///     Q = Σ_c [ L_c / m − γ (D_c / 2m)² ]
  ///
  /// with m the total tie weight, L_c the weight of the ties inside community c and D_c the
  /// summed strength of its members. NaN for a graph without ties (NetworkX divides by zero).
  ///
  /// - Parameter communities: a community id (≥ 0, any numbering) per node.
  /// - Complexity: O(n + m + max id).
  public static func compute(_ g: Graph, communities: [Int], resolution: Double = 1) -> Double {
    precondition(communities.count == g.nodeCount, "one community per node")
    precondition(communities.allSatisfy { $0 >= 0 }, "community ids must be ≥ 0")
    let k = (communities.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: k)
    var degree = [Double](repeating: 0, count: k)
    var total = 0.0
    for u in 0..<g.nodeCount {
      let c = communities[u]
      for e in g.edgeRange(u) {
        let w = g.weights[e]
        degree[c] += w
        let v = Int(g.neighbors[e])
        if u < v {
          total += w
          if communities[v] == c { inside[c] += w }
        }
      }
    }
    guard total > 0 else { return .nan }
    let norm = 1 / (4 * total * total)
    var q = 0.0
    for c in 0..<k { q += inside[c] / total - resolution * degree[c] * degree[c] * norm }
    return q
  }
}

/// Communities by the Louvain method (V. D. Blondel, J.-L. Guillaume, R. Lambiotte,
/// E. Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008),
/// weighted, deterministic.
public enum Louvain {
  /// A partition of the nodes into communities.
  public struct Partition: Sendable, Equatable {
    /// Per node: its community, `0..<count`. Communities are numbered by size, largest first,
    /// equal sizes by their smallest member.
    public let community: [Int]
    /// The members of every community, ascending, in community order.
    public let members: [[Int]]
    /// ``Modularity/compute(_:communities:resolution:)`` of this partition at the resolution
    /// used; NaN for a graph without ties.
    public let modularity: Double
    /// Aggregation levels that moved nodes (0 when no move improved on the singletons).
    public let levels: Int

    public var count: Int { members.count }

    public init(community: [Int], members: [[Int]], modularity: Double, levels: Int) {
      self.community = community
      self.members = members
      self.modularity = modularity
      self.levels = levels
    }

    public static func == (a: Partition, b: Partition) -> Bool {
      a.community == b.community && a.members == b.members && a.levels == b.levels
        && a.modularity.bitPattern == b.modularity.bitPattern
    }
  }

  /// The Louvain partition.
  ///
  /// Each level moves nodes one at a time to the neighbouring community with the largest
  /// modularity gain ΔQ ∝ k_i,C − γ·Σ_tot(C)·k_i / 2m (k_i,C: the node's tie weight into C,
  /// Σ_tot(C): C's summed strength), in passes over the nodes until a pass moves nothing; then
  /// the communities become the nodes of the next level (ties summed, internal weight kept as a
  /// self-loop). It stops when a level moves nothing or raises Q by at most 1e-7 (NetworkX's
  /// threshold; that last level's partition is still returned, as NetworkX does).
  ///
  /// Determinism: nodes are visited in index order (or in one seeded shuffle per level when
  /// `seed` is given: SplitMix64, the same permutation on every platform); a node moves only
  /// when the gain beats staying by more than 1e-12·k_i (float noise never moves a node); among
  /// equal best gains the lowest community index wins; communities of the next level are
  /// numbered by their first member. Single-threaded; the same input gives the same partition,
  /// bit for bit. It is a heuristic: its modularity is close to but not always equal to
  /// NetworkX's `louvain_communities` (which shuffles with Python's generator).
  ///
  /// - Parameters:
  ///   - resolution: γ; above 1 favours smaller communities.
  ///   - seed: nil for index order; otherwise the seed of the node-order shuffle.
  /// - Complexity: O(m) per pass; typically a handful of passes per level and a few levels.
  public static func communities(_ g: Graph, resolution: Double = 1, seed: UInt64? = nil)
    -> Partition
  {
    let n = g.nodeCount
    var level = LevelGraph(g)
    var assignment = Array(0..<n)  // original node -> node of the current level
    var rng = seed.map { SplitMix64Generator(seed: $0) }
    var levels = 0
    var q = Modularity.compute(g, communities: assignment, resolution: resolution)
    if level.totalWeight > 0 {
      while true {
        let (community, moved) = level.localMoving(resolution: resolution, rng: &rng)
        guard moved else { break }
        levels += 1
        let (next, renumber) = level.aggregate(community)
        for v in 0..<n { assignment[v] = renumber[community[assignment[v]]] }
        level = next
        let newQ = Modularity.compute(g, communities: assignment, resolution: resolution)
        let gain = newQ - q
        q = newQ
        if gain <= 1e-7 { break }
      }
    }
    return canonical(g, assignment, resolution: resolution, levels: levels)
  }

  /// Renumbers communities by size (descending), then smallest member.
  static func canonical(_ g: Graph, _ assignment: [Int], resolution: Double, levels: Int)
    -> Partition
  {
    let k = (assignment.max() ?? -1) + 1
    var lists = [[Int]](repeating: [], count: k)
    for v in assignment.indices { lists[assignment[v]].append(v) }
    lists = lists.filter { !$0.isEmpty }
    lists.sort { ($0.count, $1[0]) > ($1.count, $0[0]) }
    var community = [Int](repeating: 0, count: assignment.count)
    for (c, members) in lists.enumerated() { for v in members { community[v] = c } }
    return Partition(
      community: community, members: lists,
      modularity: Modularity.compute(g, communities: community, resolution: resolution),
      levels: levels)
  }
}

/// One level of the Louvain method: a weighted graph whose nodes may carry self-loops.
struct LevelGraph {
  let nodeCount: Int
  let offsets: [Int]
  let neighbors: [Int32]
  let weights: [Double]
  /// Self-loop weight per node (a tie counted once; it adds twice to the strength).
  let loops: [Double]
  /// Strength: Σ tie weights + 2·loop.
  let strength: [Double]
  /// m: the total tie weight of the original graph (loops included once), the same at every
  /// level.
  let totalWeight: Double

  init(_ g: Graph) {
    nodeCount = g.nodeCount
    offsets = g.offsets.map { Int($0) }
    neighbors = g.neighbors
    weights = g.weights
    loops = [Double](repeating: 0, count: g.nodeCount)
    strength = (0..<g.nodeCount).map { g.strength($0) }
    var total = 0.0
    for u in 0..<g.nodeCount {
      for e in g.edgeRange(u) where u < Int(g.neighbors[e]) { total += g.weights[e] }
    }
    totalWeight = total
  }

  init(
    nodeCount: Int, offsets: [Int], neighbors: [Int32], weights: [Double], loops: [Double],
    totalWeight: Double
  ) {
    self.nodeCount = nodeCount
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.loops = loops
    self.totalWeight = totalWeight
    var strength = [Double](repeating: 0, count: nodeCount)
    for v in 0..<nodeCount {
      var s = 0.0
      for e in offsets[v]..<offsets[v + 1] { s += weights[e] }
      strength[v] = s + 2 * loops[v]
    }
    self.strength = strength
  }

  /// Local moving until a pass moves no node. Returns the community per node and whether any
  /// node moved.
  func localMoving(resolution: Double, rng: inout SplitMix64Generator?) -> ([Int], Bool) {
    let n = nodeCount
    var community = Array(0..<n)
    var tot = strength
    var order = Array(0..<n)
    if rng != nil { rng!.shuffle(&order) }
    var link = [Double](repeating: 0, count: n)
    var seen = [Bool](repeating: false, count: n)
    var touched: [Int] = []
    let scale = resolution / (2 * totalWeight)
    var movedAny = false
    var passes = 0
    while true {
      var moves = 0
      for i in order {
        let ci = community[i]
        let ki = strength[i]
        for e in offsets[i]..<offsets[i + 1] {
          let c = community[Int(neighbors[e])]
          if !seen[c] {
            seen[c] = true
            link[c] = 0
            touched.append(c)
          }
          link[c] += weights[e]
        }
        tot[ci] -= ki
        let stay = (seen[ci] ? link[ci] : 0) - tot[ci] * ki * scale
        var best = ci
        var bestScore = -Double.infinity
        for c in touched where c != ci {
          let score = link[c] - tot[c] * ki * scale
          if score > bestScore || (score == bestScore && c < best) {
            best = c
            bestScore = score
          }
        }
        if best == ci || !(bestScore > stay + 1e-12 * ki) { best = ci }
        tot[best] += ki
        if best != ci {
          community[i] = best
          moves += 1
        }
        for c in touched { seen[c] = false }
        touched.removeAll(keepingCapacity: true)
      }
      passes += 1
      if moves > 0 { movedAny = true }
      if moves == 0 || passes >= 10_000 { break }
    }
    return (community, movedAny)
  }

  /// The next level: one node per community, numbered by first member. Returns it and the map
  /// community id → new node.
  func aggregate(_ community: [Int]) -> (LevelGraph, [Int]) {
    let n = nodeCount
    var renumber = [Int](repeating: -1, count: n)
    var k = 0
    for v in 0..<n where renumber[community[v]] < 0 {
      renumber[community[v]] = k
      k += 1
    }
    var members = [[Int]](repeating: [], count: k)
    for v in 0..<n { members[renumber[community[v]]].append(v) }
    var loops = [Double](repeating: 0, count: k)
    var offsets = [Int](repeating: 0, count: k + 1)
    var neighbors: [Int32] = []
    var weights: [Double] = []
    var link = [Double](repeating: 0, count: k)
    var seen = [Bool](repeating: false, count: k)
    var touched: [Int] = []
    for c in 0..<k {
      var inside = 0.0  // internal ties, seen from both ends
      for v in members[c] {
        loops[c] += self.loops[v]
        for e in self.offsets[v]..<self.offsets[v + 1] {
          let d = renumber[community[Int(self.neighbors[e])]]
          if d == c {
            inside += self.weights[e]
          } else {
            if !seen[d] {
              seen[d] = true
              link[d] = 0
              touched.append(d)
            }
            link[d] += self.weights[e]
          }
        }
      }
      loops[c] += inside / 2
      touched.sort()
      for d in touched {
        neighbors.append(Int32(d))
        weights.append(link[d])
        seen[d] = false
      }
      touched.removeAll(keepingCapacity: true)
      offsets[c + 1] = neighbors.count
    }
    return (
      LevelGraph(
        nodeCount: k, offsets: offsets, neighbors: neighbors, weights: weights, loops: loops,
        totalWeight: totalWeight),
      renumber
    )
  }
}
