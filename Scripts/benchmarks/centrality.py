#!/usr/bin/env python3
"""StakeMap vs igraph: exact betweenness and closeness on a stochastic block model.

Run through Scripts/benchmarks/centrality.sh (which builds stakemap-bench and installs igraph if needed):

    Scripts/benchmarks/centrality.sh [--nodes 10000] [--groups 6] [--degree 10] [--seed 20251121]
                         [--reps 3] [--threads 1,2] [--keep DIR]

Steps:
 1. A stochastic block model (Holland, Laskey & Leinhardt 1983): `--nodes` nodes in `--groups`
    equal groups, expected degree `--degree` (80 % of it inside the own group), drawn with
    numpy's PCG64 from `--seed`, so every run benchmarks the same graph. Components other
    than the largest (an isolate appears with probability ~e^-10 per node) are tied to it by
    one extra edge each, so the graph is connected and igraph's and NetworkX's closeness agree.
    Written as an edge list twice: unweighted, and with integer weights 1..5 (tie strength).
 2. igraph (one thread; its C core is single-threaded): `betweenness(directed=False)` and
    `closeness()`, weights = distance 1/w in the weighted run. Best of --reps.
 3. stakemap-bench on the same files with each --threads value: best of --reps for
    betweenness and for closeness+harmonic (one sweep, also computing harmonic centrality).
 4. Checks: max |difference| to igraph (igraph's betweenness counts unordered pairs, so it is
    rescaled by 2/((n-1)(n-2)) as NetworkX's normalized=True does); and the value files of all
    thread counts must be byte-identical (StakeMap's determinism guarantee).
 5. A table with times and the ratios igraph/StakeMap (> 1: StakeMap is faster).

Pinned: python-igraph 1.0 (import igraph), numpy.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def stochastic_block_model(n, groups, degree, seed):
    """Edges (u < v) of an SBM with expected degree `degree`, 80 % within groups."""
    rng = np.random.default_rng(seed)
    sizes = [n // groups + (1 if g < n % groups else 0) for g in range(groups)]
    starts = np.cumsum([0] + sizes)
    inside, outside = 0.8 * degree, 0.2 * degree
    edges = set()
    for a in range(groups):
        for b in range(a, groups):
            if a == b:
                pairs = sizes[a] * (sizes[a] - 1) // 2
                p = inside / (sizes[a] - 1)
            else:
                pairs = sizes[a] * sizes[b]
                p = outside / (n - sizes[a])
            count = rng.binomial(pairs, p)
            while count > 0:  # distinct random pairs between the two groups
                us = rng.integers(starts[a], starts[a + 1], size=count)
                vs = rng.integers(starts[b], starts[b + 1], size=count)
                for u, v in zip(us.tolist(), vs.tolist()):
                    if u != v and count > 0:
                        e = (min(u, v), max(u, v))
                        if e not in edges:
                            edges.add(e)
                            count -= 1
    edges = sorted(edges)
    # Connect stray components to the largest one (union-find), deterministically.
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        parent[find(u)] = find(v)
    roots = [find(v) for v in range(n)]
    counts = np.bincount(roots, minlength=n)
    giant = int(np.argmax(counts))
    giant_nodes = [v for v in range(n) if roots[v] == giant]
    seen = set()
    for v in range(n):
        r = roots[v]
        if r != giant and r not in seen:
            seen.add(r)
            w = giant_nodes[int(rng.integers(len(giant_nodes)))]
            edges.append((min(v, w), max(v, w)))
    weights = rng.integers(1, 6, size=len(edges)).tolist()
    return edges, weights, len(seen)


def write_edge_list(path, n, edges, weights):
    with open(path, "w") as f:
        f.write(f"# nodes {n}\n")
        if weights is None:
            f.writelines(f"{u} {v}\n" for u, v in edges)
        else:
            f.writelines(f"{u} {v} {w}\n" for (u, v), w in zip(edges, weights))


def best_of(reps, fn):
    fastest, result = float("inf"), None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def run_igraph(n, edges, weights, reps):
    import igraph
    g = igraph.Graph(n=n, edges=edges, directed=False)
    assert g.is_connected(), "the benchmark graph must be connected"
    dist = None if weights is None else [1.0 / w for w in weights]
    bt, bc = best_of(reps, lambda: g.betweenness(directed=False, weights=dist))
    ct, cl = best_of(reps, lambda: g.closeness(weights=dist, normalized=True))
    scale = 2.0 / ((n - 1) * (n - 2))
    return {"betweenness_seconds": bt, "closeness_seconds": ct,
            "betweenness": [b * scale for b in bc], "closeness": cl}


def run_stakemap(bench, path, threads, reps, values_path):
    out = subprocess.run([bench, "edgelist", str(path), "--threads", str(threads), "--reps",
                          str(reps), "--values", str(values_path)],
                         check=True, capture_output=True, text=True)
    timings = json.loads(out.stdout)
    timings["values"] = json.loads(Path(values_path).read_text())
    timings["values_bytes"] = Path(values_path).read_bytes()
    return timings


def max_abs_diff(a, b):
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", required=True, help="path of the stakemap-bench binary")
    parser.add_argument("--nodes", type=int, default=10000)
    parser.add_argument("--groups", type=int, default=6)
    parser.add_argument("--degree", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=20251121)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--keep", help="directory to keep the edge lists and value files in")
    args = parser.parse_args()
    thread_counts = [int(t) for t in args.threads.split(",")]

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="stakemap-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    n = args.nodes
    edges, weights, patched = stochastic_block_model(n, args.groups, args.degree, args.seed)
    print(f"SBM: {n} nodes, {args.groups} groups, {len(edges)} edges, average degree "
          f"{2 * len(edges) / n:.2f}, seed {args.seed}"
          f"{f', {patched} stray components tied to the giant' if patched else ''}",
          file=sys.stderr)

    rows, failures = [], []
    for label, w in (("unweighted", None), ("weighted 1-5", weights)):
        path = workdir / f"sbm-{label.split()[0]}.txt"
        write_edge_list(path, n, edges, w)
        print(f"[{label}] igraph ...", file=sys.stderr)
        ig = run_igraph(n, edges, w, args.reps)
        sm = {}
        for t in thread_counts:
            print(f"[{label}] stakemap-bench --threads {t} ...", file=sys.stderr)
            values = workdir / f"values-{label.split()[0]}-{t}.json"
            sm[t] = run_stakemap(args.bench, path, t, args.reps, values)
        first = sm[thread_counts[0]]
        for t in thread_counts[1:]:
            if sm[t]["values_bytes"] != first["values_bytes"]:
                failures.append(
                    f"{label}: values differ between {thread_counts[0]} and {t} threads")
        for metric, ig_key, sm_key in (
                ("betweenness", "betweenness_seconds", "betweenness_seconds"),
                ("closeness", "closeness_seconds", "closeness_harmonic_seconds")):
            diff = max_abs_diff(ig[metric], first["values"][metric])
            if diff > 1e-9:
                failures.append(f"{label} {metric}: StakeMap and igraph differ by {diff:.3g}")
            rows.append((label, metric, ig[ig_key], {t: sm[t][sm_key] for t in thread_counts}, diff,
                         first["csr_build_seconds"]))

    header = f"{'graph':<13} {'metric':<12} {'igraph 1t':>10}"
    for t in thread_counts:
        header += f" {f'StakeMap {t}t':>12}"
    for t in thread_counts:
        header += f" {f'ratio {t}t':>9}"
    header += f" {'max |diff|':>11}"
    import igraph
    print(f"\nStakeMap vs igraph {igraph.__version__}: best of {args.reps}, "
          f"seconds; ratio = igraph / StakeMap (> 1: StakeMap faster)")
    print(header)
    print("-" * len(header))
    for label, metric, ig_time, sm_times, diff, _ in rows:
        line = f"{label:<13} {metric:<12} {ig_time:>10.3f}"
        for t in thread_counts:
            line += f" {sm_times[t]:>12.3f}"
        for t in thread_counts:
            line += f" {ig_time / sm_times[t]:>9.2f}"
        line += f" {diff:>11.2e}"
        print(line)
    print(f"\nCSR build: unweighted {rows[0][5] * 1e3:.2f} ms, weighted {rows[2][5] * 1e3:.2f} ms. "
          "StakeMap's closeness time includes harmonic centrality (same sweep).")
    print("Values identical across thread counts: "
          + ("no" if any("threads" in f for f in failures) else "yes (byte for byte)"))
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    if not args.keep:
        for p in workdir.iterdir():
            p.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
