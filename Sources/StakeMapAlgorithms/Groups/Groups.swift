import StakeMapGraph

/// Ties within and between groups (sectors): the mixing matrix with its expectation under the
/// network's density and the block densities (M. E. J. Newman, "Mixing patterns in networks",
/// Phys. Rev. E 67:026126, 2003; H. C. White, S. A. Boorman, R. L. Breiger, "Social structure
/// from multiple networks I: blockmodels of roles and positions", Am. J. Sociol. 81(4):730–780,
/// 1976), and Krackhardt and Stern's E-I index.
///
/// Groups are integer ids `0..<groupCount`, one per node (the caller maps sector names to ids).
/// Ties are counted, not weighted: one tie is one tie whatever its strength.
public enum GroupMixing {
  /// The group-by-group tie counts of a partition.
  public struct Matrix: Sendable, Equatable {
    /// The number of groups; every matrix is `groupCount × groupCount`.
    public let groupCount: Int
    /// Members per group (a group may be empty).
    public let sizes: [Int]
    /// `ties[a][b]`: ties between a member of a and a member of b, symmetric; on the diagonal,
    /// the ties inside the group, each counted once. (NetworkX's
    /// `attribute_mixing_matrix(normalized=False)` counts both directions: its diagonal is twice
    /// this one.) The entries of the upper triangle with the diagonal sum to m.
    public let ties: [[Int]]
    /// The count expected if ties were spread at the network's density δ:
    /// δ·n_a·n_b between groups, δ·n_a(n_a − 1)/2 within.
    public let expected: [[Double]]
    /// Block density: ties / possible ties, i.e. ties[a][b] / (n_a·n_b) between groups and
    /// ties[a][a] / (n_a(n_a − 1)/2) within; NaN where no tie is possible (an empty group, or a
    /// group of one on the diagonal). Cells below ``networkDensity`` are the sector pairs with
    /// fewer ties than the network as a whole (the image matrix thresholds at that density).
    public let density: [[Double]]
    /// ``Structure/density(_:)`` of the whole network.
    public let networkDensity: Double

    public init(
      groupCount: Int, sizes: [Int], ties: [[Int]], expected: [[Double]], density: [[Double]],
      networkDensity: Double
    ) {
      self.groupCount = groupCount
      self.sizes = sizes
      self.ties = ties
      self.expected = expected
      self.density = density
      self.networkDensity = networkDensity
    }

    public static func == (a: Matrix, b: Matrix) -> Bool {
      func same(_ x: [[Double]], _ y: [[Double]]) -> Bool {
        x.count == y.count
          && zip(x, y).allSatisfy { r, s in
            r.count == s.count && zip(r, s).allSatisfy { $0.bitPattern == $1.bitPattern }
          }
      }
      return a.groupCount == b.groupCount && a.sizes == b.sizes && a.ties == b.ties
        && same(a.expected, b.expected) && same(a.density, b.density)
        && a.networkDensity.bitPattern == b.networkDensity.bitPattern
    }
  }

  /// The mixing matrix of `groups`.
  ///
  /// - Parameters:
  ///   - groups: a group id in `0..<groupCount` per node.
  ///   - groupCount: the number of groups; default: the largest id + 1.
  /// - Complexity: O(n + m + k²) for k groups.
  public static func matrix(_ g: Graph, groups: [Int], groupCount: Int? = nil) -> Matrix {
    let k = checkedGroupCount(g, groups, groupCount)
    var sizes = [Int](repeating: 0, count: k)
    for x in groups { sizes[x] += 1 }
    var ties = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
    for u in 0..<g.nodeCount {
      for e in g.edgeRange(u) {
        let v = Int(g.neighbors[e])
        guard u < v else { continue }
        let a = groups[u]
        let b = groups[v]
        ties[a][b] += 1
        if a != b { ties[b][a] += 1 }
      }
    }
    let delta = Structure.density(g)
    var expected = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var density = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
    for a in 0..<k {
      for b in 0..<k {
        let possible = a == b ? pairs(sizes[a]) : sizes[a] * sizes[b]
        expected[a][b] = delta * Double(possible)
        if possible > 0 { density[a][b] = Double(ties[a][b]) / Double(possible) }
      }
    }
    return Matrix(
      groupCount: k, sizes: sizes, ties: ties, expected: expected, density: density,
      networkDensity: delta)
  }

  /// Krackhardt and Stern's E-I index at network, group and node level.
  public struct EIIndex: Sendable, Equatable {
    /// (E − I)/(E + I) over all ties: E ties between different groups, I within a group.
    /// −1: every tie stays inside a group; +1: every tie crosses groups. NaN without ties.
    public let overall: Double
    /// Per group: (E − I)/(E + I) over the ties incident to its members, seen from the group:
    /// I = ties with both ends in the group (counted once), E = ties with exactly one end in it.
    /// A tie between groups a and b is external for both. NaN for a group without ties.
    public let perGroup: [Double]
    /// Per group: I, the ties inside the group.
    public let internalTies: [Int]
    /// Per group: E, the ties from the group to other groups.
    public let externalTies: [Int]
    /// Per node (M. G. Everett and S. P. Borgatti, "Categorical attribute based centrality: E-I
    /// and G-F centrality", Social Networks 34(4):562–569, 2012): (e − i)/(e + i) over the
    /// node's own ties, e to other groups, i to its own. NaN for isolates.
    public let perNode: [Double]

    public init(
      overall: Double, perGroup: [Double], internalTies: [Int], externalTies: [Int],
      perNode: [Double]
    ) {
      self.overall = overall
      self.perGroup = perGroup
      self.internalTies = internalTies
      self.externalTies = externalTies
      self.perNode = perNode
    }

    public static func == (a: EIIndex, b: EIIndex) -> Bool {
      func same(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern }
      }
      return a.overall.bitPattern == b.overall.bitPattern && same(a.perGroup, b.perGroup)
        && a.internalTies == b.internalTies && a.externalTies == b.externalTies
        && same(a.perNode, b.perNode)
    }
  }

  /// The E-I index (D. Krackhardt and R. N. Stern, "Informal networks and organizational
  /// crises: an experimental simulation", Social Psychology Quarterly 51(2):123–140, 1988) of
  /// the network, of every group and of every node.
  ///
  /// - Complexity: O(n + m + k).
  public static func eiIndex(_ g: Graph, groups: [Int], groupCount: Int? = nil) -> EIIndex {
    let k = checkedGroupCount(g, groups, groupCount)
    var inside = [Int](repeating: 0, count: k)
    var outside = [Int](repeating: 0, count: k)
    var perNode = [Double](repeating: .nan, count: g.nodeCount)
    var totalInside = 0
    var totalOutside = 0
    for u in 0..<g.nodeCount {
      var e = 0
      var i = 0
      for slot in g.edgeRange(u) {
        let v = Int(g.neighbors[slot])
        if groups[v] == groups[u] { i += 1 } else { e += 1 }
        guard u < v else { continue }
        if groups[u] == groups[v] {
          inside[groups[u]] += 1
          totalInside += 1
        } else {
          outside[groups[u]] += 1
          outside[groups[v]] += 1
          totalOutside += 1
        }
      }
      if e + i > 0 { perNode[u] = ratio(e, i) }
    }
    return EIIndex(
      overall: ratio(totalOutside, totalInside),
      perGroup: (0..<k).map { ratio(outside[$0], inside[$0]) }, internalTies: inside,
      externalTies: outside, perNode: perNode)
  }

  /// (E − I)/(E + I), NaN when E + I = 0.
  @inline(__always) static func ratio(_ e: Int, _ i: Int) -> Double {
    e + i == 0 ? .nan : Double(e - i) / Double(e + i)
  }

  static func checkedGroupCount(_ g: Graph, _ groups: [Int], _ groupCount: Int?) -> Int {
    precondition(groups.count == g.nodeCount, "one group id per node")
    let k = groupCount ?? ((groups.max() ?? -1) + 1)
    precondition(groups.allSatisfy { $0 >= 0 && $0 < k }, "group ids must be in 0..<groupCount")
    return k
  }
}
