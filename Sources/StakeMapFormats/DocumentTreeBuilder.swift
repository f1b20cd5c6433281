/// Builds a ``DocumentTree`` from a parser's stream of begin/end/scalar calls, in document order.
///
/// A container's children must end up contiguous in ``DocumentTree/children``, but they arrive
/// interleaved with their own descendants. So child ids wait on a `pending` stack and are copied
/// out, as one block, when their container ends (post-order). Every call is amortised O(1) except
/// ``end()``, which is O(children of that container).
///
/// **Streaming.** With a ``DocumentTreeSink`` and a root that is a mapping, the root's keys and
/// values are not attached to the root: each is handed to the sink as soon as it is complete,
/// and so is each element of a root value the sink chooses to stream (a long list such as
/// `relations`). After the sink has seen a node it is dropped again (the arena is cut back to
/// where the node began), unless the sink keeps it or it holds a YAML anchor that a later alias
/// may name. Streamed elements are handed over and dropped a few thousand nodes at a time
/// rather than one by one: each cut costs a call per array, and decoding a batch in one run
/// keeps the decoder's tables in the cache (handed over one by one, between libyaml's events,
/// the YAML file took 10-15 % longer to read than with the whole tree; in batches it reads as
/// fast). So the tree holds a few kilobytes rather than the whole file: a million relations no
/// longer take about 200 MB of tree.
struct DocumentTreeBuilder {
  private(set) var tree = DocumentTree()
  /// Open containers, innermost last, with the index in `pending` where their children begin.
  private var open: [(node: Int, firstPending: Int)] = []
  private var pending: [UInt32] = []

  // Streaming (all unused without a sink).

  /// Where the arena stood when a node began: cutting back to it drops the node.
  private struct Mark {
    var nodes: Int
    var children: Int
    var text: Int
  }

  private let sink: (any DocumentTreeSink)?
  /// Whether the root is a mapping whose pairs go to the sink.
  private var streamingRoot = false
  /// Marks of the open containers among the root, its value and a streamed element (the
  /// first three levels), innermost last.
  private var marks: [Mark] = []
  /// Whether the sink streams the elements of the open root value.
  private var streamingValue = false
  /// Keys and values of the streamed root completed so far (even: a key comes next).
  private var rootChildren = 0
  /// Nodes below this id are never dropped: they hold (or contain) an anchor.
  private var keepBelow = 0
  /// Set once the sink has given up streaming: the parser should stop (see ``stopped``).
  private(set) var stopped = false
  /// Where the streamed elements not dropped yet begin.
  private var batch: Mark?
  /// Streamed elements complete but not yet handed to the sink: they go in one run before
  /// their batch is dropped, which keeps the decoder's tables warm in the cache.
  private var waiting: [DocumentTree.NodeID] = []
  /// How many nodes (or bytes of text) of streamed elements wait before they are dropped.
  private static let batchNodes = 4096
  private static let batchText = 1 << 16

  /// `expectedBytes` (the input's size) sizes the arrays up front, so that they never regrow:
  /// a regrowth would copy hundreds of megabytes and hold both copies at once. The reserve is
  /// generous (a node per 4 input bytes; text never exceeds the input) because large blocks are
  /// mapped lazily: pages never written cost address space, not memory. With a `sink` the tree
  /// holds one element at a time and starts small instead.
  init(expectedBytes: Int = 0, sink: (any DocumentTreeSink)? = nil) {
    self.sink = sink
    let reserve = sink == nil ? expectedBytes : min(expectedBytes, 1 << 16)
    tree.text.reserveCapacity(reserve)
    tree.nodes.reserveCapacity(reserve / 4)
    tree.children.reserveCapacity(reserve / 4)
  }

  /// Bytes of scalar text so far; a scalar's text starts here when it is appended piecewise.
  var textCount: Int { tree.text.count }

  mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
    tree.text.append(contentsOf: bytes)
  }

  mutating func appendText(byte: UInt8) {
    tree.text.append(byte)
  }

  /// Adds a scalar whose text is everything appended since `textStart`. `anchored`: a YAML
  /// anchor names it, so it must outlive streaming.
  @discardableResult
  mutating func scalar(
    textStart: Int, type: DocumentTree.ScalarType, quoted: Bool, line: Int, column: Int,
    anchored: Bool = false
  ) -> DocumentTree.NodeID {
    let id = tree.nodes.count
    tree.nodes.append(
      DocumentTree.Node(
        line: UInt32(truncatingIfNeeded: line), column: UInt32(truncatingIfNeeded: column),
        start: UInt32(truncatingIfNeeded: textStart),
        count: UInt32(truncatingIfNeeded: tree.text.count - textStart),
        kind: .scalar, scalarType: type, quoted: quoted))
    if anchored { keepBelow = tree.nodes.count }
    attach(id, mark: Mark(nodes: id, children: tree.children.count, text: textStart))
    return id
  }

  /// Adds a scalar with the given text.
  @discardableResult
  mutating func scalar(
    _ bytes: UnsafeBufferPointer<UInt8>, type: DocumentTree.ScalarType, quoted: Bool, line: Int,
    column: Int, anchored: Bool = false
  ) -> DocumentTree.NodeID {
    let start = tree.text.count
    tree.text.append(contentsOf: bytes)
    return scalar(
      textStart: start, type: type, quoted: quoted, line: line, column: column, anchored: anchored)
  }

  /// Opens a sequence or mapping; its children are the nodes added until the matching ``end()``.
  /// `anchored`: a YAML anchor names it, so neither it nor its elements are streamed or dropped
  /// (an alias may repeat it later).
  @discardableResult
  mutating func begin(
    _ kind: DocumentTree.Kind, line: Int, column: Int, anchored: Bool = false
  ) -> DocumentTree.NodeID {
    let id = tree.nodes.count
    if sink != nil && open.count <= 2 {
      beginNearRoot(kind, anchored: anchored)
    }
    tree.nodes.append(
      DocumentTree.Node(
        line: UInt32(truncatingIfNeeded: line), column: UInt32(truncatingIfNeeded: column),
        start: 0, count: 0, kind: kind, scalarType: .null, quoted: false))
    if anchored { keepBelow = tree.nodes.count }
    open.append((id, pending.count))
    return id
  }

  /// ``begin(_:line:column:anchored:)`` of the root, a root value or a streamed element: keeps
  /// where it begins, and asks the sink whether a root value's elements are streamed.
  @inline(never)
  private mutating func beginNearRoot(_ kind: DocumentTree.Kind, anchored: Bool) {
    marks.append(
      Mark(nodes: tree.nodes.count, children: tree.children.count, text: tree.text.count))
    guard let sink else { return }
    if open.isEmpty {
      streamingRoot = kind == .mapping
    } else if open.count == 1 && streamingRoot && rootChildren % 2 == 1 && kind == .sequence
      && !anchored
    {
      streamingValue = sink.rootValueBegins(in: &tree)
      stopped = sink.isStopped
    }
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
    if sink != nil && open.count <= 2 {
      attachNearRoot(id, mark: marks.removeLast())
    } else {
      attach(id, mark: Mark(nodes: 0, children: 0, text: 0))
    }
    return id
  }

  /// Adds an existing node once more (a YAML alias), as the next child of the open container.
  mutating func reuse(_ id: DocumentTree.NodeID) {
    // Nothing new is added, so nothing is dropped after the sink has seen it.
    attach(
      id, mark: Mark(nodes: tree.nodes.count, children: tree.children.count, text: tree.text.count))
  }

  consuming func finish() -> DocumentTree {
    tree
  }

  /// Makes a completed node the next child of the open container (or the root). `mark`: where
  /// it began (used only near the root).
  @inline(__always)
  private mutating func attach(_ id: DocumentTree.NodeID, mark: Mark) {
    // Most nodes lie deeper than anything the sink sees.
    if open.count > 2 || !streamingRoot && !open.isEmpty {
      pending.append(UInt32(truncatingIfNeeded: id))
    } else {
      attachNearRoot(id, mark: mark)
    }
  }

  /// ``attach(_:mark:)`` for the root, its keys and values, and streamed elements.
  @inline(never)
  private mutating func attachNearRoot(_ id: DocumentTree.NodeID, mark: Mark) {
    if open.isEmpty {
      tree.root = id
      if streamingRoot, let sink {
        sink.rootEnded(id, in: &tree)
        stopped = sink.isStopped
      }
    } else if streamingRoot && open.count == 1, let sink {
      let isKey = rootChildren % 2 == 0
      rootChildren += 1
      if isKey {
        sink.rootKey(id, in: &tree)
        drop(to: mark)
      } else {
        let streamed = streamingValue
        streamingValue = false
        handOver()
        if !sink.rootValue(id, streamed: streamed, in: &tree) {
          if let batch { drop(to: batch) }
          batch = nil
          drop(to: mark)
        }
      }
      stopped = sink.isStopped
    } else if streamingValue && open.count == 2 {
      waiting.append(id)
      dropStreamed(from: mark)
    } else {
      pending.append(UInt32(truncatingIfNeeded: id))
    }
  }

  /// Drops a streamed element that began at `mark`, with those before it not dropped yet, once
  /// they make a batch. An element that holds an anchor is kept, and so is what precedes it.
  private mutating func dropStreamed(from mark: Mark) {
    guard mark.nodes >= keepBelow else {
      handOver()
      batch = nil
      return
    }
    let start = batch ?? mark
    if tree.nodes.count - start.nodes >= Self.batchNodes
      || tree.text.count - start.text >= Self.batchText
    {
      handOver()
      drop(to: start)
      batch = nil
    } else {
      batch = start
    }
  }

  /// Hands the waiting streamed elements to the sink, in order.
  private mutating func handOver() {
    guard let sink, !waiting.isEmpty else { return }
    for id in waiting { sink.element(id, in: &tree) }
    waiting.removeAll(keepingCapacity: true)
  }

  /// Cuts the arena back to `mark`, dropping the node that began there and its descendants,
  /// unless an anchor lies in that range. O(1): the arrays keep their capacity for what follows.
  private mutating func drop(to mark: Mark) {
    guard mark.nodes >= keepBelow else { return }
    tree.nodes.removeSubrange(mark.nodes...)
    tree.children.removeSubrange(mark.children...)
    tree.text.removeSubrange(mark.text...)
  }
}
