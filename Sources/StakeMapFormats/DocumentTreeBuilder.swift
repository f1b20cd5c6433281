/// Builds a ``DocumentTree`` from a parser's stream of begin/end/scalar calls, in document order.
///
/// A container's children must end up contiguous in ``DocumentTree/children``, but they arrive
/// interleaved with their own descendants. So child ids wait on a `pending` stack and are copied
/// out, as one block, when their container ends (post-order). Every call is amortised O(1) except
/// ``end()``, which is O(children of that container).
struct DocumentTreeBuilder {
  private(set) var tree = DocumentTree()
  /// Open containers, innermost last, with the index in `pending` where their children begin.
  private var open: [(node: Int, firstPending: Int)] = []
  private var pending: [UInt32] = []

  /// `expectedBytes` (the input's size) sizes the arrays up front, so that they never regrow:
  /// a regrowth would copy hundreds of megabytes and hold both copies at once. The reserve is
  /// generous (a node per 4 input bytes; text never exceeds the input) because large blocks are
  /// mapped lazily: pages never written cost address space, not memory.
  init(expectedBytes: Int = 0) {
    tree.text.reserveCapacity(expectedBytes)
    tree.nodes.reserveCapacity(expectedBytes / 4)
    tree.children.reserveCapacity(expectedBytes / 4)
  }

  /// Bytes of scalar text so far; a scalar's text starts here when it is appended piecewise.
  var textCount: Int { tree.text.count }

  mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
    tree.text.append(contentsOf: bytes)
  }

  mutating func appendText(byte: UInt8) {
    tree.text.append(byte)
  }

  /// Adds a scalar whose text is everything appended since `textStart`.
  @discardableResult
  mutating func scalar(
    textStart: Int, type: DocumentTree.ScalarType, quoted: Bool, line: Int, column: Int
  ) -> DocumentTree.NodeID {
    let id = tree.nodes.count
    tree.nodes.append(
      DocumentTree.Node(
        line: UInt32(truncatingIfNeeded: line), column: UInt32(truncatingIfNeeded: column),
        start: UInt32(truncatingIfNeeded: textStart),
        count: UInt32(truncatingIfNeeded: tree.text.count - textStart),
        kind: .scalar, scalarType: type, quoted: quoted))
    attach(id)
    return id
  }

  /// Adds a scalar with the given text.
  @discardableResult
  mutating func scalar(
    _ bytes: UnsafeBufferPointer<UInt8>, type: DocumentTree.ScalarType, quoted: Bool, line: Int,
    column: Int
  ) -> DocumentTree.NodeID {
    let start = tree.text.count
    tree.text.append(contentsOf: bytes)
    return scalar(textStart: start, type: type, quoted: quoted, line: line, column: column)
  }

  /// Opens a sequence or mapping; its children are the nodes added until the matching ``end()``.
  @discardableResult
  mutating func begin(_ kind: DocumentTree.Kind, line: Int, column: Int) -> DocumentTree.NodeID {
    let id = tree.nodes.count
    tree.nodes.append(
      DocumentTree.Node(
        line: UInt32(truncatingIfNeeded: line), column: UInt32(truncatingIfNeeded: column),
        start: 0, count: 0, kind: kind, scalarType: .null, quoted: false))
    open.append((id, pending.count))
    return id
  }

  /// Closes the innermost open container and returns it.
  @discardableResult
  mutating func end() -> DocumentTree.NodeID {
    let (id, first) = open.removeLast()
    let n = pending.count - first
    tree.nodes[id].start = UInt32(truncatingIfNeeded: tree.children.count)
    tree.nodes[id].count = UInt32(
      truncatingIfNeeded: tree.nodes[id].kind == .mapping ? n / 2 : n)
    tree.children.append(contentsOf: pending[first...])
    pending.removeSubrange(first...)
    attach(id)
    return id
  }

  /// Adds an existing node once more (a YAML alias), as the next child of the open container.
  mutating func reuse(_ id: DocumentTree.NodeID) {
    attach(id)
  }

  consuming func finish() -> DocumentTree {
    tree
  }

  private mutating func attach(_ id: DocumentTree.NodeID) {
    if open.isEmpty {
      tree.root = id
    } else {
      pending.append(UInt32(truncatingIfNeeded: id))
    }
  }
}
