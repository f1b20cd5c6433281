#!/usr/bin/env python3
"""igraph's exact betweenness beside StakeMap's on any edge list (the graphs that
leaf-folding.py and blocks-potential.py write), with the ratio and a check of the values.

    python3 Scripts/benchmarks/peer-edgelist.py --bench .build/release/stakemap-bench FILE
        [--threads 1] [--peer-sources K]

1. StakeMap: `stakemap-bench edgelist FILE --only betweenness --reps 1 --threads T --values V`
   (time inside the process, graph in memory; reading excluded), what `analyze` runs.
2. igraph (python-igraph, one thread; `pip install python-igraph` when missing):
   `Graph.betweenness(directed=False)` on the whole graph, or with --peer-sources K
   `betweenness(sources=K sampled nodes)` timed and extrapolated × n / K (marked "~"; an
   all-sources algorithm does the same work per source on average).
3. Where igraph ran on the whole graph: max |StakeMap − igraph| over the normalised values
   (igraph counts unordered pairs: × 2 / ((n−1)(n−2))) must be ≤ 1e-9, else exit 1.
Prints one JSON line. Pinned for the README figures: python-igraph 1.0.0.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def read_edge_list(path):
    n, edges = None, []
    for line in Path(path).read_text().splitlines():
        if line.startswith("# nodes"):
            n = int(line.split()[2])
        elif line and not line.startswith("#"):
            u, v = line.split()[:2]
            edges.append((int(u), int(v)))
    return n, edges


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("file")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--peer-sources", type=int)
    args = parser.parse_args()
    import igraph

    n, edges = read_edge_list(args.file)
    with tempfile.TemporaryDirectory() as tmp:
        values = Path(tmp) / "values.json"
        out = subprocess.run(
            [args.bench, "edgelist", args.file, "--only", "betweenness", "--reps", "1",
             "--threads", str(args.threads), "--values", str(values)],
            check=True, capture_output=True, text=True)
        ours = json.loads(out.stdout)
        our_values = json.loads(values.read_text())["betweenness"]
    g = igraph.Graph(n=n, edges=edges, directed=False)
    if args.peer_sources:
        sources = sorted(random.Random(1).sample(range(n), min(n, args.peer_sources)))
        start = time.perf_counter()
        g.betweenness(sources=sources, directed=False)
        peer = (time.perf_counter() - start) * n / len(sources)
        check = None
    else:
        start = time.perf_counter()
        raw = g.betweenness(directed=False)
        peer = time.perf_counter() - start
        scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
        check = max((abs(a - b * scale) for a, b in zip(our_values, raw)), default=0.0)
    result = {
        "file": args.file, "nodes": n, "edges": len(edges), "threads": args.threads,
        "stakemap_seconds": ours["betweenness_seconds"],
        "igraph_seconds": peer, "igraph_extrapolated": bool(args.peer_sources),
        "ratio_igraph_over_stakemap": peer / ours["betweenness_seconds"],
        "max_abs_difference": check,
    }
    print(json.dumps(result))
    if check is not None and check > 1e-9:
        print(f"StakeMap and igraph differ by {check:.3g}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
