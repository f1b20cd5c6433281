/// Receives a document while it is parsed, one top-level key, value or list element at a
/// time, instead of as a whole tree (see ``DocumentTreeBuilder``, "Streaming"). The root must
/// be a mapping; otherwise the builder builds the whole tree and calls nothing here.
///
/// Each call gets the builder's tree `inout`: the node it names and its descendants are
/// complete. The sink may read them (a decoder swaps the tree into itself for the call and
/// back out, which copies nothing) but must leave the tree as it found it.
protocol DocumentTreeSink: AnyObject {
  /// A key of the root mapping is complete. It is dropped afterwards.
  func rootKey(_ key: DocumentTree.NodeID, in tree: inout DocumentTree)

  /// The value of the last key begins and is a sequence. Returns whether its elements are to be
  /// handed over one by one (``element(_:in:)``) and dropped, rather than built into the tree.
  func rootValueBegins(in tree: inout DocumentTree) -> Bool

  /// An element of the streamed value is complete. Elements come in order, in runs of a few
  /// thousand nodes (each still in the tree), and are dropped afterwards.
  func element(_ node: DocumentTree.NodeID, in tree: inout DocumentTree)

  /// The value of the last key is complete (when `streamed`, without its elements, which went
  /// to ``element(_:in:)``). Returns whether to keep it in the tree; otherwise it is dropped.
  func rootValue(_ node: DocumentTree.NodeID, streamed: Bool, in tree: inout DocumentTree) -> Bool

  /// The root mapping is complete: no call follows.
  func rootEnded(_ root: DocumentTree.NodeID, in tree: inout DocumentTree)

  /// Whether the sink has given up (it cannot take this document piece by piece): the parser
  /// then stops early, and the caller reads the document again as a whole tree.
  var isStopped: Bool { get }
}
