/// The Graphviz layout engines StakeMap uses, with guidance measured on Graphviz 2.42 (notes
/// §2.8, 2 vCPU; times for random graphs with 1.5 edges per node).
///
/// | engine | good for | 100 nodes | 1 000 nodes | 10 000 nodes |
/// |---|---|---|---|---|
/// | ``dot`` | hierarchies, directed flows | 0.02 s | 25 s (0.2 s tree-like) | > 240 s (28 s tree-like) |
/// | ``neato`` | small undirected maps | 0.02 s | 1.9 s | > 240 s |
/// | ``fdp`` | small maps with clusters | 0.5 s | 60 s | > 240 s |
/// | ``sfdp`` | large undirected maps | 0.02 s | 0.14 s | 2.1 s |
/// | ``circo`` | cycles, rings | 0.36 s | > 300 s | — |
/// | ``twopi`` | radial maps around a ``GraphAttributes/root`` | 0.01 s | 0.06 s | 2.5 s |
///
/// Reproducibility (byte-identical output for identical input, in one process and across
/// runs): measured for ``dot``, ``neato``, ``sfdp``, ``circo`` and ``twopi``. neato and sfdp
/// start from a random placement; ``GraphAttributes/start`` (by default `.random(seed: 1)`)
/// and the renderer's reseeding of libc's RNG make them repeatable.
///
/// - Important: ``fdp`` is **not** reproducible in-process on Graphviz 2.42: its
///   `deriveGraph` orders edges by comparing node *addresses* (lib/fdpgen/layout.c,
///   `if (hd > tl)`), so the drawing depends on the heap. Even the `fdp` CLI gives three
///   different drawings for `cat g.dot g.dot g.dot | fdp -Tsvg`. Do not use it for maps that
///   are committed to git (use ``neato`` or ``sfdp``), or run it in a fresh process per map.
///
/// A layout cannot be interrupted once started, so pick the engine by graph size (and see
/// ``RenderLimits``).
///
/// - SeeAlso: <https://graphviz.org/docs/layouts/>
public enum LayoutEngine: String, CaseIterable, Sendable {
  /// Layered drawing of directed graphs (<https://graphviz.org/docs/layouts/dot/>).
  case dot
  /// Stress majorization (<https://graphviz.org/docs/layouts/neato/>).
  case neato
  /// Force-directed, with cluster support (<https://graphviz.org/docs/layouts/fdp/>). Not
  /// reproducible in-process on Graphviz 2.42 (see above).
  case fdp
  /// Multiscale force-directed for large graphs (<https://graphviz.org/docs/layouts/sfdp/>).
  case sfdp
  /// Circular layout (<https://graphviz.org/docs/layouts/circo/>).
  case circo
  /// Radial layout (<https://graphviz.org/docs/layouts/twopi/>).
  case twopi
}
