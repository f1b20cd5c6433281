#!/usr/bin/env python3
"""How much splitting the graph into biconnected blocks could still save on exact betweenness
after degree-1 folding (issue 14): an upper bound, computed before building it.

    python3 Scripts/benchmarks/blocks-potential.py [--write OUTDIR] [NODE-LINK.json ...]

Brandes' algorithm over the folded core costs about n_core · m_core (one search per core node
over the core's ties). Split at the cut nodes (Sariyüce et al., "Betweenness centrality on GPUs
and heterogeneous architectures" / "Graph manipulations for fast centrality computation",
ACM TKDD 2017: BADIOS), each block B runs its own searches over its own ties, n_B · m_B, plus
O(n) bookkeeping per block for the reach of the parts behind each cut node. So the best the
blocks can do is

    ratio = Σ_B n_B · m_B  /  (n_core · m_core)

(a cut node counts in every block it belongs to). A ratio near 1 means the blocks cannot pay;
the time a real implementation takes on top of folding is at least this ratio of today's.

The graphs: those of leaf-folding.py (the block model, Barabási–Albert m = 1 and 2, dual
Barabási–Albert, the block model with 100–30,000 pendant nodes in small trees), the classic
small social networks NetworkX ships, random geometric and Watts–Strogatz graphs (many cycles,
no hubs), the block model with 100–1,600 triangles hung on it (where the rule's threshold
lies), a "federation" model (regional hubs joined by a national core, each with local
services in small cycles and chains: the shape of a welfare association's registry), and any
node-link JSON files given (`stakemap export NET.yaml -o NET.json --format node-link`).
Deterministic (fixed seeds). Pinned: networkx 3.6.1, numpy.

With --write OUTDIR it also writes the generated graphs of 10,000 nodes or more as edge lists
('u v' lines after '# nodes N', nodes renumbered 0..n-1: what `stakemap-bench edgelist` reads),
named after the table's rows, to time the split against the unsplit sweep.
"""

import json
import sys
import unicodedata
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from centrality import stochastic_block_model  # noqa: E402
from importlib import import_module  # noqa: E402

leaf_folding = import_module("leaf-folding")


def core_of(g):
    """The graph after degree-1 folding: every tree hanging off a cycle is removed (the
    2-core), and a component that is a tree entirely disappears."""
    core = nx.k_core(g, 2)
    return core


def potential(g):
    core = core_of(g)
    n_core, m_core = core.number_of_nodes(), core.number_of_edges()
    if n_core == 0 or m_core == 0:
        return dict(nodes=g.number_of_nodes(), core=0, blocks=0, largest=0, ratio=float("nan"))
    blocks = list(nx.biconnected_component_edges(core))
    work = 0
    largest = 0
    for edges in blocks:
        nodes = {u for e in edges for u in e}
        work += len(nodes) * len(edges)
        largest = max(largest, len(nodes))
    # Per component, the unsplit search also runs per core node over its component only.
    unsplit = sum(
        c_nodes * core.subgraph(c).number_of_edges()
        for c in nx.connected_components(core)
        for c_nodes in [len(c)])
    return dict(nodes=g.number_of_nodes(), core=n_core, blocks=len(blocks), largest=largest,
                ratio=work / unsplit)


def federation(regions, services, seed):
    """A national core of `regions` regional offices (a small-world ring), each office with
    `services` local services: most hang on the office alone or in short chains (folded), some
    work in small circles of 3–6 services with the office (blocks of their own), and a few tie
    to a neighbouring region's services."""
    rng = np.random.default_rng(seed)
    g = nx.connected_watts_strogatz_graph(regions, 6, 0.2, seed=seed)
    nxt = regions
    for r in range(regions):
        made = 0
        while made < services:
            kind = rng.random()
            size = int(rng.integers(1, 6))
            members = list(range(nxt, nxt + size))
            nxt += size
            made += size
            if kind < 0.5:  # a chain hanging on the office
                prev = r
                for v in members:
                    g.add_edge(prev, v)
                    prev = v
            else:  # a circle through the office
                prev = r
                for v in members:
                    g.add_edge(prev, v)
                    prev = v
                g.add_edge(prev, r)
            if rng.random() < 0.05 and r + 1 < regions:
                g.add_edge(members[0], r + 1)
    return g


def graphs(extra):
    sbm, _, _ = stochastic_block_model(10000, 6, 10.0, 20251121)
    g = nx.Graph()
    g.add_nodes_from(range(10000))
    g.add_edges_from(sbm)
    yield "block model 10,000", g
    yield "Barabási–Albert m = 1", nx.barabasi_albert_graph(10000, 1, seed=1)
    yield "Barabási–Albert m = 2", nx.barabasi_albert_graph(10000, 2, seed=2)
    yield "dual Barabási–Albert", nx.dual_barabasi_albert_graph(10000, 1, 2, 0.5, seed=3)
    for pendants in (1000, 10000, 30000):
        n, edges = leaf_folding.pendant_trees(10000, sbm, pendants, seed=pendants)
        h = nx.Graph()
        h.add_nodes_from(range(n))
        h.add_edges_from(edges)
        yield f"block model + {pendants:,} in trees", h
    yield "Watts–Strogatz 10,000 (k 4, p 0.05)", nx.connected_watts_strogatz_graph(
        10000, 4, 0.05, seed=4)
    yield "random geometric 10,000 (r 0.015)", nx.random_geometric_graph(10000, 0.015, seed=5)
    yield "federation 200 regions × 50", federation(200, 50, seed=6)
    yield "federation 2,000 regions × 50", federation(2000, 50, seed=7)
    # Where the rule's threshold lies: the block model with k triangles hung on it (two new
    # nodes tied to each other and to one core node), from share 0.97 down to 0.7.
    for k in (100, 200, 400, 800, 1600):
        h = g.copy()
        rng = np.random.default_rng(k)
        for i in range(k):
            a, b = 10000 + 2 * i, 10001 + 2 * i
            c = int(rng.integers(10000))
            h.add_edges_from([(a, b), (a, c), (b, c)])
        yield f"block model + {k:,} triangles", h
    yield "karate club", nx.karate_club_graph()
    yield "Les Misérables", nx.les_miserables_graph()
    yield "Florentine families", nx.florentine_families_graph()
    yield "Davis southern women", nx.davis_southern_women_graph()
    for path in extra:
        data = json.loads(Path(path).read_text())
        h = nx.Graph()
        h.add_nodes_from(node["id"] for node in data["nodes"])
        key = "links" if "links" in data else "edges"
        h.add_edges_from((e["source"], e["target"]) for e in data[key]
                         if e["source"] != e["target"])
        yield Path(path).name, h


def write_edge_list(path, g):
    index = {v: i for i, v in enumerate(g)}
    with open(path, "w") as out:
        out.write(f"# nodes {len(index)}\n")
        for u, v in sorted((min(index[a], index[b]), max(index[a], index[b])) for a, b in g.edges()):
            out.write(f"{u} {v}\n")


def slug(name):
    plain = unicodedata.normalize("NFKD", name.lower().replace("–", "-")).encode("ascii", "ignore").decode()
    keep = "".join(c if c.isalnum() else "-" for c in plain)
    return "-".join(part for part in keep.split("-") if part)


def main():
    args = sys.argv[1:]
    outdir = None
    if args[:1] == ["--write"]:
        outdir = Path(args[1])
        outdir.mkdir(parents=True, exist_ok=True)
        args = args[2:]
    print("| graph | nodes | core (after folding) | blocks | largest block | bound on time ÷ folding |")
    print("|---|---|---|---|---|---|")
    for name, g in graphs(args):
        p = potential(g)
        if outdir is not None and len(g) >= 10000:
            write_edge_list(outdir / f"{slug(name)}.txt", g)
        ratio = "—" if p["ratio"] != p["ratio"] else f"{p['ratio']:.3f}"
        print(f"| {name} | {p['nodes']:,} | {p['core']:,} | {p['blocks']:,} | "
              f"{p['largest']:,} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
