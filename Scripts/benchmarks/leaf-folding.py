#!/usr/bin/env python3
"""Writes the edge lists behind the README's degree-1 folding figures (issue 14): networks with
many leaves, where folding the trees hanging off the core pays, and the block model where it
does not.

    python3 Scripts/benchmarks/leaf-folding.py OUTDIR

writes into OUTDIR, deterministically (fixed seeds; numpy's PCG64 and NetworkX's generators):

    sbm-10000.txt           the stochastic block model of centrality.py (10,000 nodes, 6 groups,
                            expected degree 10, seed 20251121): almost no leaves
    ba1-10000.txt           Barabási–Albert, m = 1 (a tree: everything folds)
    ba2-10000.txt           Barabási–Albert, m = 2 (minimum degree 2: nothing folds)
    dual-ba-10000.txt       dual Barabási–Albert, new nodes bring 1 tie with probability 0.5,
                            else 2: about a third of the nodes are on hanging trees
    core-pendant-P.txt      the SBM above as core and P = 100 / 500 / 1,000 / 2,500 / 10,000 /
                            20,000 / 30,000 pendant nodes in small trees (1–6 nodes, random
                            recursive trees) each hung on a random core node: local branches
                            of associations (P = 100 ... 2,500: 1 % to 20 % of the nodes fold)
    *-w.txt                 the same ties with integer weights 1..5 (weighted runs)

each as 'u v [w]' lines after '# nodes N', what `stakemap-bench edgelist` reads. Time one file
with `stakemap-bench edgelist FILE --threads 1 --reps 1 --only betweenness` (betweenness alone)
or `--only paths` (betweenness, closeness and harmonic in one call, as `analyze` runs them),
as whole processes (`/usr/bin/time -v`), alternating this build and the one to compare with,
five pairs, and read the median of the pair ratios.
Pinned: networkx 3.6.1, numpy.
"""

import sys
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from centrality import stochastic_block_model, write_edge_list  # noqa: E402


def pendant_trees(core_n, core_edges, pendants, seed):
    """The core's edges plus `pendants` new nodes in trees of 1–6 nodes, each tree hung by one
    tie on a uniformly random core node; inside a tree every node ties to a random earlier one."""
    rng = np.random.default_rng(seed)
    edges = list(core_edges)
    nxt = core_n
    while nxt < core_n + pendants:
        size = min(int(rng.integers(1, 7)), core_n + pendants - nxt)
        members = []
        for i in range(size):
            v = nxt
            nxt += 1
            if i == 0:
                edges.append((int(rng.integers(core_n)), v))
            else:
                edges.append((members[int(rng.integers(len(members)))], v))
            members.append(v)
    return nxt, edges


def weights_for(edges, seed):
    return np.random.default_rng(seed).integers(1, 6, size=len(edges)).tolist()


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    graphs = {}
    sbm, _, _ = stochastic_block_model(10000, 6, 10.0, 20251121)
    graphs["sbm-10000"] = (10000, sbm)
    for name, g in (
        ("ba1-10000", nx.barabasi_albert_graph(10000, 1, seed=1)),
        ("ba2-10000", nx.barabasi_albert_graph(10000, 2, seed=2)),
        ("dual-ba-10000", nx.dual_barabasi_albert_graph(10000, 1, 2, 0.5, seed=3)),
    ):
        graphs[name] = (len(g), sorted((min(u, v), max(u, v)) for u, v in g.edges()))
    for pendants in (100, 500, 1000, 2500, 10000, 20000, 30000):
        graphs[f"core-pendant-{pendants}"] = pendant_trees(10000, sbm, pendants, seed=pendants)
    for name, (n, edges) in graphs.items():
        write_edge_list(out / f"{name}.txt", n, edges, None)
        write_edge_list(out / f"{name}-w.txt", n, edges, weights_for(edges, 7))
        degree = np.bincount(np.array(edges).ravel(), minlength=n)
        print(f"{name}: n={n} m={len(edges)} degree-1 nodes {int((degree == 1).sum())}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
