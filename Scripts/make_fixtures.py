#!/usr/bin/env python3
"""Regenerates the centrality oracle fixtures for StakeMapAlgorithms's tests.

    python3 Scripts/make_fixtures.py        # from the repository root

writes Tests/StakeMapAlgorithmsTests/Fixtures/<name>.json, one file per graph, deterministically
(same library versions -> byte-identical files; nothing random is used).

Pinned environment (what the committed fixtures were generated with):
    python 3.11, networkx==3.6.1, numpy==2.4.6, scipy==1.17.1
    (scipy is needed by nx.pagerank and nx.eigenvector_centrality_numpy)

What each fixture holds (SPEC §3 defines the numbers as NetworkX 3.x computes them):
    name, description
    nodes     node ids (strings) in NetworkX's node order; every array below is in this order
    edges     [[u, v, w], ...] with u, v indices into `nodes` and w the tie strength
    weighted  true when some w != 1; then path lengths use distance 1/w, else hop counts
    expected  {degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank}:
      degree       nx.degree_centrality(G)
      strength     G.degree(weight="weight")
      betweenness  nx.betweenness_centrality(G, normalized=True, weight=W) with W the attribute
                   holding Fraction(1, w): NetworkX's Dijkstra then compares path lengths in
                   exact rational arithmetic, so no shortest path is missed. THE EXACT VALUES.
      closeness    nx.closeness_centrality(G, distance=W), W exact as above (Wasserman-Faust)
      harmonic     nx.harmonic_centrality(G, distance=W), W exact as above
      eigenvector  nx.eigenvector_centrality(G, weight="weight", tol=1e-15, max_iter=10**6):
                   the leading eigenvector of the weighted adjacency matrix, unit norm. Where
                   the leading eigenvalue is repeated (disconnected graphs, graphs without
                   edges) this power iteration on A + I from all ones converges to the
                   orthogonal projection of the all-ones vector onto the leading eigenspace,
                   normalised: StakeMap's convention. It equals eigenvector_centrality_numpy
                   (SPEC §3) wherever the latter is defined (NetworkX 3.6 raises for
                   disconnected graphs and fails for n <= 2). Cross-checked against a dense
                   eigensolver (numpy.linalg.eigh + projection) and the numpy variant; the
                   script aborts if they disagree by 1e-12.
      pagerank     nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
                   (NetworkX's default tol=1e-6 is only ~1e-5 relative; SPEC asks for 1e-10)
    networkx_float_betweenness     the same call with W = float 1/w: what NetworkX users get.
                                   Float sums such as 1/3+1/6 vs 1/2 can differ in the last bit
                                   and Dijkstra then misses equally short paths.
    networkx_betweenness_max_abs_deviation        max |float - exact| (normalised betweenness)
    networkx_betweenness_max_relative_deviation   max |float - exact| / exact (exact > 0)
    networkx_eigenvector_numpy     nx.eigenvector_centrality_numpy(G, weight="weight"), rounded
                                   to 11 decimals (ARPACK's last bits vary between runs), or
                                   null where NetworkX refuses (disconnected) or fails (n <= 2)
W is None (hop counts) when every weight is 1 (SPEC §3).
"""

import json
import math
import sys
import warnings
from fractions import Fraction
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "StakeMapAlgorithmsTests" / "Fixtures"


# --- the graphs --------------------------------------------------------------------------------

def karate_weighted():
    # NetworkX 3.x's karate club carries 'weight' 1..7 (interaction counts, Zachary 1977).
    return nx.karate_club_graph(), "Zachary's karate club with its interaction weights 1-7"


def karate_unweighted():
    g = nx.Graph()
    g.add_nodes_from(nx.karate_club_graph())
    g.add_edges_from(nx.karate_club_graph().edges())
    return g, "Zachary's karate club, all weights 1"


def davis_women():
    b = nx.davis_southern_women_graph()
    women = b.graph["top"]
    g = nx.bipartite.weighted_projected_graph(b, women)
    return g, "Davis Southern Women projected onto the women, weight = co-attended events"


def les_miserables():
    return nx.les_miserables_graph(), "Les Miserables co-appearance network (Knuth), weighted"


def florentine():
    return nx.florentine_families_graph(), "Florentine families marriage network (Padgett)"


def disconnected_isolate():
    # Component A has several equal-length weighted routes (1/3+1/6 = 1/2, 1/2+1/2 = 1, ...);
    # component B is a weighted path; node "k" is an isolate.
    g = nx.Graph()
    g.add_nodes_from("abcdefghijk")
    g.add_weighted_edges_from([
        ("a", "b", 3), ("b", "c", 6), ("a", "c", 2), ("c", "d", 2), ("a", "d", 1),
        ("b", "e", 2), ("e", "d", 2), ("d", "f", 5), ("e", "f", 1),
        ("g", "h", 1), ("h", "i", 2), ("i", "j", 1),
    ])
    return g, "two weighted components and an isolate"


def twin_triangles():
    # Two identical components: the leading eigenvalue (2) is repeated, so the eigenvector is a
    # convention (see the module docstring); NetworkX's numpy variant refuses this graph.
    g = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)])
    g.add_node(6)
    return g, "two triangles and an isolate: a repeated leading eigenvalue"


def path3():
    return nx.path_graph(3), "path a-b-c"


def star5():
    return nx.star_graph(4), "star: centre 0 and four leaves"


def triangle():
    return nx.complete_graph(3), "triangle"


def two_components():
    g = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4)])
    return g, "a triangle and a separate edge"


def single_node():
    return nx.empty_graph(1), "one node, no edges"


def isolates_only():
    return nx.empty_graph(3), "three nodes, no edges"


def empty():
    return nx.Graph(), "no nodes"


GRAPHS = {
    "karate_weighted": karate_weighted,
    "karate_unweighted": karate_unweighted,
    "davis_women_weighted": davis_women,
    "les_miserables_weighted": les_miserables,
    "florentine_families": florentine,
    "disconnected_isolate": disconnected_isolate,
    "twin_triangles": twin_triangles,
    "path3": path3,
    "star5": star5,
    "triangle": triangle,
    "two_components": two_components,
    "single_node": single_node,
    "isolates_only": isolates_only,
    "empty": empty,
}


# --- the oracle --------------------------------------------------------------------------------

def eigenvector_projection(g, nodes, index):
    """Projection of the all-ones vector onto the leading eigenspace of A, normalised (numpy; its
    last bits are not reproducible, so this is only a cross-check)."""
    n = len(nodes)
    if n == 0:
        return []
    a = np.zeros((n, n))
    for u, v, d in g.edges(data=True):
        w = float(d.get("weight", 1))
        a[index[u], index[v]] = w
        a[index[v], index[u]] = w
    vals, vecs = np.linalg.eigh(a)
    top = vals.max()
    space = vecs[:, np.abs(vals - top) <= 1e-9 * max(1.0, abs(top))]
    x = space @ (space.T @ np.ones(n))
    x /= np.linalg.norm(x)
    return [max(0.0, float(v)) for v in x]


def canonical(g):
    """A copy with NetworkX's node order and edges sorted by node index: every NetworkX algorithm
    below then visits nodes and edges in an order independent of Python's string hashing, so the
    fixtures are byte-identical from run to run (weighted_projected_graph, e.g., builds its edges
    from sets)."""
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), d.get("weight", 1))
                   for u, v, d in g.edges(data=True))
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_weighted_edges_from((nodes[u], nodes[v], w) for u, v, w in edges)
    return h


def compute(g):
    g = canonical(g)
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    for u, v, d in g.edges(data=True):
        w = d.get("weight", 1)
        assert w == int(w) and w > 0, (u, v, w)  # integer weights: Fraction(1, w) is exact
        d["weight"] = int(w)
        d["exact_distance"] = Fraction(1, int(w))
        d["float_distance"] = 1.0 / int(w)
    weighted = any(d["weight"] != 1 for _, _, d in g.edges(data=True))
    exact = "exact_distance" if weighted else None
    flt = "float_distance" if weighted else None

    def ordered(mapping):
        return [float(mapping[v]) for v in nodes]

    # Closeness and harmonic always get the exact distance attribute (Fraction(1, 1) when
    # unweighted: the same hop counts as W=None), so their sums are exact rationals and the
    # float result does not depend on summation order.
    expected = {
        "degree": ordered(nx.degree_centrality(g)),
        "strength": [float(s) for _, s in g.degree(nodes, weight="weight")],
        "betweenness": ordered(nx.betweenness_centrality(g, normalized=True, weight=exact)),
        "closeness": ordered(nx.closeness_centrality(g, distance="exact_distance")),
        "harmonic": ordered(nx.harmonic_centrality(g, distance="exact_distance")),
        # NetworkX's own power iteration on A + I from all ones, converged far beyond its
        # default; it defines the convention for repeated leading eigenvalues (see above).
        "eigenvector": ordered(nx.eigenvector_centrality(g, max_iter=1_000_000, tol=1e-15,
                                                         weight="weight")) if len(g) else [],
        "pagerank": ordered(nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-14,
                                        max_iter=100000)),
    }
    float_bc = ordered(nx.betweenness_centrality(g, normalized=True, weight=flt))
    deviation = max((abs(f - e) / e for f, e in zip(float_bc, expected["betweenness"]) if e > 0),
                    default=0.0)
    abs_deviation = max((abs(f - e) for f, e in zip(float_bc, expected["betweenness"])),
                        default=0.0)

    # Cross-checks of the eigenvector against a dense eigensolver and NetworkX's ARPACK variant.
    gap = max((abs(p - e) for p, e in zip(eigenvector_projection(g, nodes, index),
                                          expected["eigenvector"])), default=0.0)
    assert gap < 1e-12, ("power iteration and eigh disagree", gap)
    numpy_ev = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            numpy_ev = ordered(nx.eigenvector_centrality_numpy(g, weight="weight"))
    except (nx.NetworkXException, TypeError):
        pass  # disconnected (AmbiguousSolution), null graph, or n <= 2 (scipy's eigs refuses)
    if numpy_ev is not None:
        gap = max(abs(p - e) for p, e in zip(numpy_ev, expected["eigenvector"]))
        assert gap < 1e-12, ("eigenvector_centrality_numpy disagrees", gap)
        # ARPACK's last bits vary from run to run (random start vector, SIMD alignment): rounded
        # so that the file is reproducible; still far inside the tests' 1e-9.
        numpy_ev = [round(v, 11) for v in numpy_ev]

    return {
        "nodes": [str(v) for v in nodes],
        "edges": [[index[u], index[v], d["weight"]] for u, v, d in g.edges(data=True)],
        "weighted": weighted,
        "expected": expected,
        "networkx_float_betweenness": float_bc,
        "networkx_betweenness_max_abs_deviation": abs_deviation,
        "networkx_betweenness_max_relative_deviation": deviation,
        "networkx_eigenvector_numpy": numpy_ev,
    }


def main():
    if nx.__version__ != "3.6.1":
        print(f"warning: fixtures were generated with networkx 3.6.1, this is {nx.__version__}",
              file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in GRAPHS.items():
        g, description = make()
        record = {"name": name, "description": description, **compute(g)}
        for values in record["expected"].values():
            assert all(math.isfinite(v) for v in values)
        path = OUT / f"{name}.json"
        path.write_text(json.dumps(record, indent=1) + "\n")
        print(f"{path.relative_to(ROOT)}: n={len(g)} m={g.number_of_edges()} "
              f"weighted={record['weighted']}; NetworkX's float betweenness off by up to "
              f"{record['networkx_betweenness_max_abs_deviation']:.6f} absolute, "
              f"{100 * record['networkx_betweenness_max_relative_deviation']:.3f} % relative")


if __name__ == "__main__":
    main()
