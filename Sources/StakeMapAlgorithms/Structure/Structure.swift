import StakeMapGraph

/// Whole-network structure for the gap report: density, components and their path lengths,
/// clustering, cut vertices and cut edges, local bridges and k-cores. Weights are ignored
/// throughout (a tie is a tie): every function here is a topological measure.
public enum Structure {
  // MARK: - Density

  /// `nx.density(G)` for the undirected simple graph: 2m / (n(n − 1)); 0 when n ≤ 1.
  ///
  /// - Complexity: O(1).
  public static func density(_ g: Graph) -> Double {
    let n = g.nodeCount
    guard n > 1 else { return 0 }
    return Double(2 * g.edgeCount) / (Double(n) * Double(n - 1))
  }

  // MARK: - Components

  /// The connected components of a graph.
  public struct Components: Sendable, Equatable {
    /// The components, largest first, equal sizes by their smallest member; members ascending.
    /// An isolated node is a component of its own.
    public let members: [[Int]]
    /// Per node: the index of its component in ``members``.
    public let index: [Int]

    public init(members: [[Int]], index: [Int]) {
      self.members = members
      self.index = index
    }
  }

  /// The connected components (the node sets of `nx.connected_components(G)`), in the canonical
  /// order of ``Components/members``.
  ///
  /// - Complexity: O(n + m) plus O(c log c) for sorting c components.
  public static func components(_ g: Graph) -> Components {
    components(g, removed: nil)
  }

  /// Components of the graph without the nodes flagged in `removed`; removed nodes get index −1.
  static func components(_ g: Graph, removed: [Bool]?) -> Components {
    let found = ConnectedComponents(g, removed: removed)
    let lists = found.lists.map { $0.sorted() }
    let label = found.label
    // Roots were taken in ascending order, so lists[i][0] ascends with i: a stable sort by size
    // (descending) leaves equal sizes ordered by their smallest member.
    let order = lists.indices.sorted { (lists[$0].count, $1) > (lists[$1].count, $0) }
    var renumber = [Int](repeating: 0, count: lists.count)
    for (new, old) in order.enumerated() { renumber[old] = new }
    let index = label.map { $0 < 0 ? -1 : renumber[$0] }
    return Components(members: order.map { lists[$0] }, index: index)
  }

  /// Hop-count path lengths within one connected component.
  public struct ComponentPaths: Sendable, Equatable {
    /// Mean hop distance over the s(s − 1) ordered pairs of distinct members:
    /// `nx.average_shortest_path_length` of the component subgraph, unweighted; 0 for a single
    /// node.
    public let averageDistance: Double
    /// The largest hop distance between two members: `nx.diameter` of the component; 0 for a
    /// single node.
    public let diameter: Int
    /// The sum of hop distances over ordered pairs of members (exact).
    public let totalDistance: Int

    public init(averageDistance: Double, diameter: Int, totalDistance: Int) {
      self.averageDistance = averageDistance
      self.diameter = diameter
      self.totalDistance = totalDistance
    }
  }

  /// Average shortest-path length and diameter of every component, in hop counts (tie weights
  /// are ignored: distance = number of ties), aligned with `components.members`.
  ///
  /// All-pairs breadth-first search, 256 sources per bit-parallel sweep (see `BitParallelBFS`),
  /// sweeps spread over `threads`; the sums are integers, so the result is exact and
  /// independent of `threads`.
  ///
  /// - Complexity: O(⌈n/256⌉·m·D) time, D the largest diameter; O(n) memory per thread.
  public static func componentPaths(
    _ g: Graph, components: Components, threads: Int = defaultAnalysisThreads
  ) -> [ComponentPaths] {
    let n = g.nodeCount
    let k = components.members.count
    let batches = (n + BitParallelBFS.width - 1) / BitParallelBFS.width
    let workers = workerCount(count: batches, chunk: 1, threads: threads)
    let scratch = (0..<workers).map { _ in BitParallelBFS(nodeCount: n) }
    let totals = Buffer<Int>(count: workers * k)
    let diameters = Buffer<Int>(count: workers * k)
    let index = components.index
    let all = Array(0..<n)
    parallelItems(count: batches, chunk: 1, threads: threads) { b, worker in
      let sources = all[(b * BitParallelBFS.width)..<min(n, (b + 1) * BitParallelBFS.width)]
      let base = worker * k
      scratch[worker].run(g, sources: sources) { level, y, fresh, _ in
        let c = base + index[y]
        totals.memory[c] += level * BitParallelBFS.popcount(fresh)
        if level > diameters.memory[c] { diameters.memory[c] = level }
        return true
      }
    }
    return components.members.enumerated().map { c, members in
      var total = 0
      var diameter = 0
      for w in 0..<workers {
        total += totals.memory[w * k + c]
        diameter = max(diameter, diameters.memory[w * k + c])
      }
      let s = members.count
      let average = s > 1 ? Double(total) / (Double(s) * Double(s - 1)) : 0
      return ComponentPaths(averageDistance: average, diameter: diameter, totalDistance: total)
    }
  }

  // MARK: - Triangles and clustering

  /// The number of triangles through each node: `nx.triangles(G)`.
  ///
  /// Forward algorithm (T. Schank and D. Wagner, "Finding, counting and listing all triangles
  /// in large graphs", WEA 2005 / M. Latapy 2008): ties are oriented from lower to higher
  /// (degree, id) rank; every triangle is found exactly once, from its lowest-ranked node, by
  /// marking that node's out-neighbours.
  ///
  /// - Complexity: O(m^1.5) time, O(n + m) memory.
  public static func triangles(_ g: Graph) -> [Int] {
    let n = g.nodeCount
    var count = [Int](repeating: 0, count: n)
    guard n > 2 else { return count }
    @inline(__always) func ranksBelow(_ a: Int, _ b: Int) -> Bool {
      let da = g.degree(a)
      let db = g.degree(b)
      return da < db || (da == db && a < b)
    }
    // Out-neighbours: higher-ranked neighbours only.
    var outOffsets = [Int](repeating: 0, count: n + 1)
    var out: [Int32] = []
    out.reserveCapacity(g.edgeCount)
    for v in 0..<n {
      for e in g.edgeRange(v) where ranksBelow(v, Int(g.neighbors[e])) {
        out.append(g.neighbors[e])
      }
      outOffsets[v + 1] = out.count
    }
    var mark = [Int32](repeating: -1, count: n)
    for v in 0..<n {
      let v32 = Int32(v)
      for k in outOffsets[v]..<outOffsets[v + 1] { mark[Int(out[k])] = v32 }
      for k in outOffsets[v]..<outOffsets[v + 1] {
        let u = Int(out[k])
        for j in outOffsets[u]..<outOffsets[u + 1] {
          let w = Int(out[j])
          if mark[w] == v32 {
            count[v] += 1
            count[u] += 1
            count[w] += 1
          }
        }
      }
    }
    return count
  }

  /// `nx.transitivity(G)`: 3 × triangles / connected triples = Σ 2t_v / Σ d_v(d_v − 1);
  /// 0 when there is no triangle.
  ///
  /// - Complexity: that of ``triangles(_:)``.
  public static func transitivity(_ g: Graph, triangles t: [Int]? = nil) -> Double {
    let t = t ?? triangles(g)
    var closed = 0
    var triples = 0
    for v in 0..<g.nodeCount {
      closed += 2 * t[v]
      let d = g.degree(v)
      triples += d * (d - 1)
    }
    return closed == 0 ? 0 : Double(closed) / Double(triples)
  }

  /// The local clustering coefficient of every node, unweighted: `nx.clustering(G)`,
  /// 2t_v / (d_v(d_v − 1)); 0 when d_v < 2.
  ///
  /// - Complexity: that of ``triangles(_:)``.
  public static func clustering(_ g: Graph, triangles t: [Int]? = nil) -> [Double] {
    let t = t ?? triangles(g)
    return (0..<g.nodeCount).map { v in
      let d = g.degree(v)
      return t[v] == 0 ? 0 : Double(2 * t[v]) / Double(d * (d - 1))
    }
  }

  /// `nx.average_clustering(G)` (count_zeros=True): the mean of ``clustering(_:triangles:)``
  /// over all nodes, summed in node order; 0 for a graph without nodes (NetworkX raises).
  public static func averageClustering(_ g: Graph, clustering c: [Double]? = nil) -> Double {
    let c = c ?? clustering(g)
    guard !c.isEmpty else { return 0 }
    var sum = 0.0
    for x in c { sum += x }
    return sum / Double(c.count)
  }

  // MARK: - Cut vertices and cut edges

  /// The articulation points (cut vertices): nodes whose removal increases the number of
  /// components; `nx.articulation_points(G)`, ascending.
  ///
  /// Hopcroft and Tarjan's low-point depth-first search (R. Tarjan, "Depth-first search and
  /// linear graph algorithms", SIAM J. Comput. 1(2):146–160, 1972; J. Hopcroft and R. Tarjan,
  /// "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6):372–378, 1973),
  /// iterative (an explicit stack: no recursion depth limit on long paths).
  ///
  /// - Complexity: O(n + m).
  public static func articulationPoints(_ g: Graph) -> [Int] {
    let cut = CutStructure(g)
    return (0..<g.nodeCount).filter { cut.isArticulation[$0] }
  }

  /// The bridges (cut edges): ties whose removal increases the number of components;
  /// `nx.bridges(G)` as pairs u < v, ascending. (R. E. Tarjan, "A note on finding the bridges
  /// of a graph", Inf. Process. Lett. 2(6):160–161, 1974; same DFS as
  /// ``articulationPoints(_:)``: tie (p, c) of the DFS tree is a bridge iff low(c) > disc(p).)
  ///
  /// - Complexity: O(n + m).
  public static func bridges(_ g: Graph) -> [NodePair] {
    CutStructure(g, wantBridges: true).bridges.sorted()
  }

  // MARK: - Local bridges

  /// A tie whose endpoints have no common neighbour (M. Granovetter, "The strength of weak
  /// ties", Am. J. Sociol. 78(6):1360–1380, 1973).
  public struct LocalBridge: Sendable, Equatable {
    /// The tie, u < v.
    public let pair: NodePair
    /// The hop distance between the endpoints once the tie itself is removed: at least 3
    /// (they share no neighbour); nil when they are then disconnected, i.e. the tie is a
    /// bridge. NetworkX reports `inf` there; JSON should show `null`.
    public let span: Int?

    public init(pair: NodePair, span: Int?) {
      self.pair = pair
      self.span = span
    }
  }

  /// `nx.local_bridges(G, with_span=True, weight=None)`, ascending by pair. Every bridge is a
  /// local bridge with span nil.
  ///
  /// Bridges (found in one linear pass) get span nil at once; the other local bridges get
  /// their span by bidirectional breadth-first search from both endpoints without the tie
  /// (whole levels of the side with the smaller frontier volume; the first meeting is the
  /// distance), one search per local bridge, in parallel; exact and independent of `threads`.
  ///
  /// - Complexity: O(m·d) to find the local bridges (sorted-list intersections), then per
  ///   non-bridge local bridge O(volume of the two balls searched): about
  ///   d^(span/2) in sparse random-like networks, ≤ O(m) (a long cycle is the worst case).
  public static func localBridges(_ g: Graph, threads: Int = defaultAnalysisThreads)
    -> [LocalBridge]
  {
    var candidates: [NodePair] = []
    for u in 0..<g.nodeCount {
      for e in g.edgeRange(u) {
        let v = Int(g.neighbors[e])
        if u < v && !sharesNeighbor(g, u, v) { candidates.append(NodePair(u, v)) }
      }
    }
    let n = g.nodeCount
    let found = candidates
    // Bridges have no span (one linear pass); only the other local bridges need a search.
    let cutEdges = Set(CutStructure(g, wantBridges: true).bridges)
    let isBridge = found.map { cutEdges.contains($0) }
    let spans = Buffer<Int>(count: found.count)
    let workers = workerCount(count: candidates.count, chunk: 16, threads: threads)
    let scratch = (0..<workers).map { _ in BidirectionalScratch(nodeCount: n) }
    parallelItems(count: candidates.count, chunk: 16, threads: threads) { i, worker in
      let pair = found[i]
      spans.memory[i] =
        isBridge[i] ? -1 : (scratch[worker].distanceWithoutTie(g, pair.u, pair.v) ?? -1)
    }
    return candidates.indices.map {
      LocalBridge(pair: candidates[$0], span: spans.memory[$0] < 0 ? nil : spans.memory[$0])
    }
  }

  /// True when the sorted neighbour lists of u and v intersect.
  static func sharesNeighbor(_ g: Graph, _ u: Int, _ v: Int) -> Bool {
    var i = Int(g.offsets[u])
    let iEnd = Int(g.offsets[u + 1])
    var j = Int(g.offsets[v])
    let jEnd = Int(g.offsets[v + 1])
    while i < iEnd && j < jEnd {
      let a = g.neighbors[i]
      let b = g.neighbors[j]
      if a == b { return true }
      if a < b { i += 1 } else { j += 1 }
    }
    return false
  }

  // MARK: - Cores

  /// The core number of every node: the largest k such that the node belongs to the k-core
  /// (the maximal subgraph of minimum degree k); `nx.core_number(G)`.
  ///
  /// V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks",
  /// arXiv cs/0310049, 2003: bucket sort by degree, then peel nodes in order of current degree.
  ///
  /// - Complexity: O(n + m).
  public static func coreNumbers(_ g: Graph) -> [Int] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var degree = (0..<n).map { g.degree($0) }
    let maxDegree = degree.max() ?? 0
    var bin = [Int](repeating: 0, count: maxDegree + 1)
    for d in degree { bin[d] += 1 }
    var start = 0
    for d in 0...maxDegree {
      let count = bin[d]
      bin[d] = start
      start += count
    }
    var position = [Int](repeating: 0, count: n)
    var vertex = [Int](repeating: 0, count: n)
    for v in 0..<n {
      position[v] = bin[degree[v]]
      vertex[position[v]] = v
      bin[degree[v]] += 1
    }
    for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
    bin[0] = 0
    for i in 0..<n {
      let v = vertex[i]
      for e in g.edgeRange(v) {
        let u = Int(g.neighbors[e])
        if degree[u] > degree[v] {
          let du = degree[u]
          let pu = position[u]
          let pw = bin[du]
          let w = vertex[pw]
          if u != w {
            position[u] = pw
            vertex[pu] = w
            position[w] = pu
            vertex[pw] = u
          }
          bin[du] += 1
          degree[u] -= 1
        }
      }
    }
    return degree
  }
}

// MARK: - Shared machinery

/// One iterative Hopcroft–Tarjan depth-first search over the graph without the `removed` nodes,
/// recording for every node what its removal would split off: the sizes of the DFS child
/// subtrees that hang on it alone (children c with low(c) ≥ disc(v)). Shared by
/// ``Structure`` (articulation points, bridges) and ``Fragility`` (pairs lost, fragmentation).
struct CutStructure {
  /// Per node: the size of its component (0 for removed nodes).
  var componentSize: [Int]
  /// Per node: Σ s_i over the separated child subtrees (children c with low(c) ≥ disc(v)).
  var separatedNodes: [Int]
  /// Per node: Σ s_i(s_i − 1)/2 over the separated child subtrees.
  var separatedPairs: [Int]
  /// Per node: whether removing it disconnects its component.
  var isArticulation: [Bool]
  /// Bridges, in DFS order (if requested).
  var bridges: [NodePair] = []
  /// Σ over components of s(s − 1)/2: the connected unordered pairs.
  var connectedPairs = 0
  /// Nodes not removed.
  var activeNodes = 0

  init(_ g: Graph, removed: [Bool]? = nil, wantBridges: Bool = false) {
    let n = g.nodeCount
    componentSize = [Int](repeating: 0, count: n)
    separatedNodes = [Int](repeating: 0, count: n)
    separatedPairs = [Int](repeating: 0, count: n)
    isArticulation = [Bool](repeating: false, count: n)
    var disc = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var size = [Int32](repeating: 0, count: n)
    var cursor = [Int32](repeating: 0, count: n)
    var separatedChildren = [Int32](repeating: 0, count: n)
    var stack: [Int32] = []
    var visited: [Int32] = []
    stack.reserveCapacity(64)
    visited.reserveCapacity(n)
    var time: Int32 = 0
    for root in 0..<n where disc[root] < 0 && !(removed?[root] ?? false) {
      let first = visited.count
      disc[root] = time
      low[root] = time
      time += 1
      size[root] = 1
      cursor[root] = g.offsets[root]
      stack.append(Int32(root))
      visited.append(Int32(root))
      while let top = stack.last {
        let v = Int(top)
        let end = g.offsets[v + 1]
        if cursor[v] < end {
          let w32 = g.neighbors[Int(cursor[v])]
          let w = Int(w32)
          cursor[v] += 1
          if removed?[w] ?? false { continue }
          if disc[w] < 0 {
            parent[w] = top
            disc[w] = time
            low[w] = time
            time += 1
            size[w] = 1
            cursor[w] = g.offsets[w]
            stack.append(w32)
            visited.append(w32)
          } else if w32 != parent[v] {
            low[v] = min(low[v], disc[w])
          }
        } else {
          stack.removeLast()
          let p32 = parent[v]
          if p32 >= 0 {
            let p = Int(p32)
            low[p] = min(low[p], low[v])
            size[p] += size[v]
            if low[v] >= disc[p] {
              let s = Int(size[v])
              separatedNodes[p] += s
              separatedPairs[p] += pairs(s)
              separatedChildren[p] += 1
            }
            if wantBridges && low[v] > disc[p] { bridges.append(NodePair(p, v)) }
          }
        }
      }
      let s = visited.count - first
      connectedPairs += pairs(s)
      activeNodes += s
      for k in first..<visited.count {
        let v = Int(visited[k])
        componentSize[v] = s
        // The root separates all its children: it is a cut vertex iff it has two or more.
        isArticulation[v] = v == root ? separatedChildren[v] >= 2 : separatedChildren[v] >= 1
      }
    }
  }

  /// Unordered pairs of OTHER nodes that are connected now and not once `v` is removed.
  @inline(__always) func pairsLost(_ v: Int) -> Int {
    let others = componentSize[v] - 1
    let rest = others - separatedNodes[v]
    return pairs(others) - separatedPairs[v] - pairs(rest)
  }

  /// Connected unordered pairs left after removing `v` (pairs involving v are gone).
  @inline(__always) func connectedPairsWithout(_ v: Int) -> Int {
    connectedPairs - pairs(componentSize[v]) + pairs(componentSize[v] - 1) - pairsLost(v)
  }
}

/// Scratch for bidirectional breadth-first search (local bridge spans), one per worker.
/// Visit marks are stamped with a search number, so nothing is cleared between searches.
final class BidirectionalScratch: @unchecked Sendable {
  // Unchecked: one scratch belongs to one worker at a time.
  private let stamp: UnsafeMutableBufferPointer<Int32>  // search number × 2 + side
  private let dist: UnsafeMutableBufferPointer<Int32>
  /// Frontier storage: side 0 in [0, n), side 1 in [n, 2n), the next level in [2n, 3n).
  private let queues: UnsafeMutableBufferPointer<Int32>
  private let n: Int
  private var search: Int32 = 0

  init(nodeCount n: Int) {
    self.n = n
    stamp = allocateBuffer(n, -1)
    dist = allocateBuffer(n, 0)
    queues = allocateBuffer(3 * n, 0)
  }

  deinit {
    stamp.deallocate()
    dist.deallocate()
    queues.deallocate()
  }

  /// The hop distance from u to v in the graph without the tie {u, v}; nil if none.
  func distanceWithoutTie(_ g: Graph, _ u: Int, _ v: Int) -> Int? {
    if search >= Int32.max / 2 - 1 {
      stamp.update(repeating: -1)
      search = 0
    }
    search += 1
    let stamp = self.stamp
    let dist = self.dist
    let queues = self.queues
    let n = self.n
    let mark = (search * 2, search * 2 + 1)
    stamp[u] = mark.0
    stamp[v] = mark.1
    dist[u] = 0
    dist[v] = 0
    var base = (0, n)  // where each side's frontier starts
    var count = (1, 1)
    var spare = 2 * n
    queues[0] = Int32(u)
    queues[n] = Int32(v)
    var volume = (g.degree(u), g.degree(v))
    return g.offsets.withUnsafeBufferPointer { offsets in
      g.neighbors.withUnsafeBufferPointer { neighbors -> Int? in
        while count.0 > 0 && count.1 > 0 {
          let side = volume.0 <= volume.1 ? 0 : 1
          let mine = side == 0 ? mark.0 : mark.1
          let theirs = side == 0 ? mark.1 : mark.0
          let from = side == 0 ? base.0 : base.1
          let size = side == 0 ? count.0 : count.1
          var nextCount = 0
          var nextVolume = 0
          for k in from..<(from + size) {
            let x = Int(queues[k])
            let dx = dist[x]
            for e in Int(offsets[x])..<Int(offsets[x + 1]) {
              let w = Int(neighbors[e])
              // The removed tie is in u's and v's rows only, and those are expanded at depth 0.
              if (x == u && w == v) || (x == v && w == u) { continue }
              let s = stamp[w]
              if s == theirs { return Int(dx + 1 + dist[w]) }
              if s == mine { continue }
              stamp[w] = mine
              dist[w] = dx + 1
              queues[spare + nextCount] = Int32(w)
              nextCount += 1
              nextVolume += Int(offsets[w + 1] - offsets[w])
            }
          }
          // The next level takes the old frontier's slot's place: swap the regions.
          if side == 0 {
            (base.0, spare) = (spare, base.0)
            count.0 = nextCount
            volume.0 = nextVolume
          } else {
            (base.1, spare) = (spare, base.1)
            count.1 = nextCount
            volume.1 = nextVolume
          }
        }
        return nil
      }
    }
  }
}
