/// A node: an identity plus attributes.
///
/// The `id` only identifies the node (edges and ranks refer to it); it is always written
/// quoted, so any string works, including `a:b`, `node`, `@` or `#`. Prefer synthetic ASCII
/// IDs (`n0`, `n1`, …) and put the human text in `attributes.label` (../shared/notes/graphviz.md §2.4). A node with
/// no label (and no inherited default label) gets its own ID as an explicitly escaped label,
/// so Graphviz's `\N` expansion never applies to it.
///
/// Declare each node once (at the top level or in one cluster); a repeated ID is the same
/// Graphviz node, whose attributes later statements override.
package struct DOTNode: Sendable, Hashable {
  package var id: String
  package var attributes: NodeAttributes

  package init(id: String, attributes: NodeAttributes = NodeAttributes()) {
    self.id = id
    self.attributes = attributes
  }
}
