/// An unordered pair of distinct nodes, stored with `u < v`: a tie (bridges, local bridges) or a
/// candidate tie (link prediction). Sorting is lexicographic on (u, v).
public struct NodePair: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The smaller node id.
  public let u: Int
  /// The larger node id.
  public let v: Int

  /// The pair {a, b}; `a` and `b` must differ. Order does not matter.
  public init(_ a: Int, _ b: Int) {
    precondition(a != b, "a node pair needs two distinct nodes")
    u = min(a, b)
    v = max(a, b)
  }

  public static func < (l: NodePair, r: NodePair) -> Bool { (l.u, l.v) < (r.u, r.v) }

  public var description: String { "(\(u), \(v))" }
}

/// n choose 2.
@inline(__always) package func pairs(_ n: Int) -> Int { n > 1 ? n * (n - 1) / 2 : 0 }
