/// The connected components of a graph, found by breadth-first search: the one component search
/// of the package (Structure, Fragility and Eigenvector build on it).
package struct ConnectedComponents {
  /// The components in order of their smallest node (roots are taken in ascending order); each
  /// list in breadth-first order from that node, neighbours in CSR order.
  package let lists: [[Int]]
  /// Per node: the index of its component in ``lists``; −1 for a removed node.
  package let label: [Int]

  /// The components of `g` without the nodes flagged in `removed` (nil: none removed).
  ///
  /// - Complexity: O(n + m).
  package init(_ g: Graph, removed: [Bool]? = nil) {
    let n = g.nodeCount
    var label = [Int](repeating: -1, count: n)
    var lists: [[Int]] = []
    for root in 0..<n where label[root] < 0 && !(removed?[root] ?? false) {
      let id = lists.count
      label[root] = id
      var members = [root]
      var head = 0
      while head < members.count {
        let v = members[head]
        head += 1
        for e in g.edgeRange(v) {
          let w = Int(g.neighbors[e])
          if label[w] < 0 && !(removed?[w] ?? false) {
            label[w] = id
            members.append(w)
          }
        }
      }
      lists.append(members)
    }
    self.lists = lists
    self.label = label
  }
}
