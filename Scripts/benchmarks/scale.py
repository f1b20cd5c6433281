#!/usr/bin/env python3
"""StakeMap beside igraph and NetworKit at 10,000 and 100,000 actors: exact betweenness,
closeness (+ harmonic for StakeMap) and approximate betweenness, with ratios.

Run through Scripts/benchmarks/scale.sh (which builds stakemap-bench and installs igraph and
NetworKit with pip when missing):

    Scripts/benchmarks/scale.sh [--sizes 10000,100000] [--threads 1,2] [--peer-sources 200]
                                [--epsilon 0.001] [--big-threads 2] [--keep DIR]

Steps, for each size n:
 1. The stochastic block model of Scripts/benchmarks/centrality.py (6 groups, expected degree
    10, 80 % inside the own group, seed 20251121, connected), unweighted.
 2. StakeMap (stakemap-bench, one process per figure, best of --reps): exact closeness with
    harmonic and exact betweenness with each --threads value; at n > 20,000 exact betweenness
    only with --big-threads (it takes minutes); approximate betweenness (KADABRA, --epsilon,
    confidence 0.95) with the largest thread count.
 3. igraph (one thread: its C core is single-threaded) and NetworKit (1 and 2 threads, OpenMP):
    exact betweenness and closeness. Up to 20,000 nodes on the whole graph; above, on
    --peer-sources sampled sources and extrapolated linearly (× n / sources: an all-sources
    algorithm does the same work per source), marked "~" in the table. NetworKit's
    KadabraBetweenness with the same ε and δ = 0.05 beside StakeMap's approximation.
 4. Checks: StakeMap's exact values against igraph's where igraph ran on the whole graph (max
    |difference| ≤ 1e-9), the thread counts' value files byte-identical, and the approximation
    within ε of the exact values wherever StakeMap's exact betweenness ran.
 5. One table: seconds and ratios peer ÷ StakeMap (> 1: StakeMap is faster).

Times are wall-clock seconds inside each process (graph in memory, reading excluded) on a
machine shared with other work: repeat a figure whose spread matters.
Pinned for the README figures: python-igraph 1.0.0, networkit 11.3, numpy.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from centrality import stochastic_block_model, write_edge_list  # noqa: E402

WHOLE_GRAPH_LIMIT = 20_000


def stakemap(bench, path, threads, reps, only, values, epsilon=None):
    cmd = [bench, "edgelist", str(path), "--threads", str(threads), "--reps", str(reps),
           "--only", only, "--values", str(values)]
    if epsilon is not None:
        cmd += ["--epsilon", str(epsilon)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def timed(fn, reps=1):
    best, result = float("inf"), None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", required=True)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--big-threads", default="2",
                        help="thread counts for StakeMap's exact betweenness above 20,000 nodes")
    parser.add_argument("--peer-sources", type=int, default=200)
    parser.add_argument("--epsilon", type=float, default=0.001)
    parser.add_argument("--reps", type=int, default=3, help="repetitions up to 20,000 nodes (1 above)")
    parser.add_argument("--seed", type=int, default=20251121)
    parser.add_argument("--keep")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    big_threads = [int(t) for t in args.big_threads.split(",")]

    import igraph
    import networkit as nk

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="stakemap-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows, failures = [], []
    for n in [int(s) for s in args.sizes.split(",")]:
        whole = n <= WHOLE_GRAPH_LIMIT
        reps = args.reps if whole else 1
        edges, _, _ = stochastic_block_model(n, 6, 10.0, args.seed)
        path = workdir / f"sbm-{n}.txt"
        write_edge_list(path, n, edges, None)
        print(f"[{n}] SBM: {len(edges)} ties", file=sys.stderr)

        # StakeMap.
        sm = {"closeness": {}, "betweenness": {}}
        files = {"closeness": {}, "betweenness": {}}
        for t in threads:
            print(f"[{n}] StakeMap closeness, {t} thread(s) ...", file=sys.stderr)
            f = workdir / f"closeness-{n}-{t}.json"
            sm["closeness"][t] = stakemap(args.bench, path, t, reps, "closeness", f)["closeness_harmonic_seconds"]
            files["closeness"][t] = f
        for t in (threads if whole else big_threads):
            print(f"[{n}] StakeMap exact betweenness, {t} thread(s) ...", file=sys.stderr)
            f = workdir / f"betweenness-{n}-{t}.json"
            sm["betweenness"][t] = stakemap(args.bench, path, t, reps, "betweenness", f)["betweenness_seconds"]
            files["betweenness"][t] = f
        for metric in files:
            blobs = [p.read_bytes() for p in files[metric].values()]
            if any(b != blobs[0] for b in blobs):
                failures.append(f"{n} {metric}: values differ between thread counts")
        tmax = max(threads)
        print(f"[{n}] StakeMap approximate betweenness ...", file=sys.stderr)
        approx_file = workdir / f"approx-{n}.json"
        approx = stakemap(args.bench, path, tmax, reps, "approximate", approx_file, args.epsilon)

        # igraph.
        g = igraph.Graph(n=n, edges=edges, directed=False)
        rng = random.Random(args.seed)
        sample = sorted(rng.sample(range(n), min(n, args.peer_sources)))
        scale = 2.0 / ((n - 1) * (n - 2))
        print(f"[{n}] igraph ...", file=sys.stderr)
        if whole:
            ig_b, ig_bv = timed(lambda: g.betweenness(directed=False), reps)
            ig_c, ig_cv = timed(lambda: g.closeness(normalized=True), reps)
        else:
            ig_b, _ = timed(lambda: g.betweenness(directed=False, sources=sample))
            ig_c, _ = timed(lambda: g.closeness(vertices=sample, normalized=True))
            ig_b, ig_c, ig_bv, ig_cv = ig_b * n / len(sample), ig_c * n / len(sample), None, None

        # NetworKit.
        G = nk.Graph(n)
        for u, v in edges:
            G.addEdge(u, v)
        nkt = {}
        for t in threads:
            nk.setNumberOfThreads(t)
            print(f"[{n}] NetworKit, {t} thread(s) ...", file=sys.stderr)
            if whole:
                b, _ = timed(lambda: nk.centrality.Betweenness(G, normalized=True).run(), reps)
                c, _ = timed(lambda: nk.centrality.Closeness(
                    G, True, nk.centrality.ClosenessVariant.GENERALIZED).run(), reps)
            else:
                b, _ = timed(lambda: nk.centrality.EstimateBetweenness(
                    G, len(sample), True, t > 1).run())
                b *= n / len(sample)
                # Closeness of sampled sources: one BFS each (NetworKit's Closeness has no
                # source subset); one thread.
                c, _ = timed(lambda: [nk.distance.BFS(G, s, storePaths=False).run() for s in sample])
                c *= n / len(sample)
                if t > 1:
                    c = None
            k, kad = timed(lambda: nk.centrality.KadabraBetweenness(G, args.epsilon, 0.05).run())
            nkt[t] = (b, c, k)

        # Checks against igraph (whole graphs) and of the approximation.
        sm_b = json.loads(files["betweenness"][next(iter(files["betweenness"]))].read_text())["betweenness"]
        sm_c = json.loads(files["closeness"][threads[0]].read_text())["closeness"]
        approx_values = json.loads(approx_file.read_text())["betweenness"]
        if ig_bv is not None:
            diff = max(abs(a * scale - b) for a, b in zip(ig_bv, sm_b))
            if diff > 1e-9:
                failures.append(f"{n} betweenness: StakeMap and igraph differ by {diff:.3g}")
            diff = max(abs(a - b) for a, b in zip(ig_cv, sm_c))
            if diff > 1e-9:
                failures.append(f"{n} closeness: StakeMap and igraph differ by {diff:.3g}")
        approx_err = max(abs(a - b) for a, b in zip(approx_values, sm_b))
        if approx_err > args.epsilon:
            failures.append(f"{n} approximation: error {approx_err:.3g} > epsilon {args.epsilon}")
        top = lambda v: set(sorted(range(n), key=lambda i: -v[i])[:10])  # noqa: E731
        top_overlap = len(top(approx_values) & top(sm_b))
        rows.append(dict(n=n, ties=len(edges), whole=whole, sm=sm, ig_b=ig_b, ig_c=ig_c, nk=nkt,
                         approx=approx, approx_err=approx_err, top=top_overlap,
                         sources=len(sample)))

    print(f"\nStakeMap beside igraph {igraph.__version__} and NetworKit {nk.__version__}: "
          "seconds inside the process, graph in memory; ratio = peer / StakeMap (> 1: StakeMap faster)")
    print("~ = extrapolated from sampled sources (time × n / sources); - = not run\n")
    fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    header = ("| actors | metric | igraph 1t | NetworKit 1t | NetworKit 2t | StakeMap 1t | StakeMap 2t "
              "| igraph ÷ StakeMap 1t | igraph ÷ StakeMap 2t | NetworKit 2t ÷ StakeMap 2t |")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for r in rows:
        mark = "" if r["whole"] else "~"
        for metric, ig, idx in (("betweenness", r["ig_b"], 0), ("closeness", r["ig_c"], 1)):
            s1, s2 = r["sm"][metric].get(1), r["sm"][metric].get(2)
            n1, n2 = r["nk"].get(1, (None,) * 3)[idx], r["nk"].get(2, (None,) * 3)[idx]
            ratio = lambda a, b: "-" if a is None or b is None else f"**{a / b:.2f}**"  # noqa: E731
            label = metric if metric == "betweenness" else "closeness (+ harmonic for StakeMap)"
            est = lambda x: fmt(x) if x is None else mark + fmt(x)  # noqa: E731
            print(f"| {r['n']:,} | {label} | {est(ig)} | {est(n1)} | {est(n2)} "
                  f"| {fmt(s1)} | {fmt(s2)} | {ratio(ig, s1)} | {ratio(ig, s2)} | {ratio(n2, s2)} |")
        a = r["approx"]
        k2 = r["nk"].get(max(r["nk"]))[2]
        print(f"| {r['n']:,} | betweenness ±{args.epsilon} (p 0.95) | - | - | {fmt(k2)} (KADABRA) | - "
              f"| {a['approximate_betweenness_seconds']:.2f} | - | - | {k2 / a['approximate_betweenness_seconds']:.2f} |")
    print()
    for r in rows:
        a = r["approx"]
        print(f"{r['n']:,} actors, {r['ties']:,} ties: approximation {a['samples']:,} samples "
              f"(ω = {a['maximum_samples']:,}), largest error {r['approx_err']:.2g} "
              f"(ε = {args.epsilon}), top 10 shared with the exact top 10: {r['top']}/10"
              + ("" if r["whole"] else f"; peers extrapolated from {r['sources']} sources"))
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("\nChecks passed: exact values equal igraph's (whole graphs), identical across thread counts; "
          "approximation within ε.")


if __name__ == "__main__":
    main()
