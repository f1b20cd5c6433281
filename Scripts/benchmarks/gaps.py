#!/usr/bin/env python3
"""A whole `stakemap gaps` run on 10,000 actors, beside NetworkX computing the same measures.

Run through Scripts/benchmarks/gaps.sh (which builds stakemap in release mode):

    Scripts/benchmarks/gaps.sh [--nodes 10000] [--groups 6] [--degree 10] [--seed 20251121]

1. A stochastic block model (6 groups = 6 actor types, expected degree 10, 80 % inside the
   group, numpy PCG64 from --seed) written as a StakeMap network file (JSON), with a few needs
   and offers so the needs section has work to do.
2. `stakemap gaps FILE --format json` end to end (reading the file included), best of --reps.
3. NetworkX 3 on the same graph, the measures `gaps` reports that NetworkX has: density,
   components, average path length and diameter of the largest component, transitivity,
   average clustering, articulation points, bridges, local bridges with span, core numbers,
   constraint, effective size, Louvain communities and their modularity. NetworkX has no
   Gould–Fernandez roles, E-I, fragility or suggestions, so its side does less work.
   Average path length on 10,000 nodes is all-pairs BFS in Python: it is timed on its own and
   can be skipped with --skip-apl.
4. A table with the times and the ratio NetworkX / StakeMap.

Pinned: networkx 3.6.1, numpy 2.x.
"""

import argparse
import json
import multiprocessing
import os
import subprocess
import tempfile
import time

import networkx as nx
import numpy as np

TYPES = ["housing_company", "cooperative", "social_organization", "municipality",
         "public_agency", "initiative", "association", "network"]


def sbm(nodes, groups, degree, seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    size = nodes // groups
    block = np.arange(nodes) // size
    block[block >= groups] = groups - 1
    p_in = 0.8 * degree / (size - 1)
    p_out = 0.2 * degree / (nodes - size)
    edges = set()
    for u in range(nodes):
        same = np.nonzero(block == block[u])[0]
        other = np.nonzero(block != block[u])[0]
        for candidates, p in ((same, p_in), (other, p_out)):
            hits = candidates[rng.random(len(candidates)) < p]
            for v in hits:
                if v > u:
                    edges.add((u, int(v)))
    return block, sorted(edges)


def network_file(block, edges, path, seed):
    rng = np.random.Generator(np.random.PCG64(seed + 1))
    topics = [{"id": f"t{i}", "de": f"Thema {i}", "en": f"Topic {i}"} for i in range(20)]
    actors = []
    for i, b in enumerate(block):
        actor = {"id": f"a{i}", "name": f"Akteur {i}", "type": TYPES[int(b) % len(TYPES)]}
        if rng.random() < 0.05:
            actor["needs"] = [{"topic": f"t{int(rng.integers(20))}"}]
        if rng.random() < 0.05:
            actor["offers"] = [{"topic": f"t{int(rng.integers(20))}"}]
        actors.append(actor)
    relations = [{"between": [f"a{u}", f"a{v}"], "kind": "cooperation"} for u, v in edges]
    with open(path, "w") as f:
        json.dump({"network": {"title": "SBM benchmark", "language": "en"}, "topics": topics,
                   "actors": actors, "relations": relations}, f)


def best(reps, fn):
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stakemap", required=True)
    parser.add_argument("--nodes", type=int, default=10000)
    parser.add_argument("--groups", type=int, default=6)
    parser.add_argument("--degree", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=20251121)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--skip-apl", action="store_true")
    parser.add_argument("--limit", type=float, default=60.0,
                        help="seconds each NetworkX step may take before it is stopped")
    args = parser.parse_args()

    block, edges = sbm(args.nodes, args.groups, args.degree, args.seed)
    G = nx.Graph()
    G.add_nodes_from(range(args.nodes))
    G.add_edges_from(edges)
    print(f"SBM: {args.nodes} actors, {args.groups} groups, {G.number_of_edges()} ties, seed {args.seed}")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sbm.json")
        network_file(block, edges, path, args.seed)

        def run_stakemap():
            subprocess.run([args.stakemap, "gaps", path, "--format", "json", "-o",
                            os.path.join(tmp, "gaps.json"), "--quiet"], check=True)

        stakemap = best(args.reps, run_stakemap)
        with open(os.path.join(tmp, "gaps.json")) as f:
            ours = json.load(f)

    rows = []

    def timed(name, fn):
        # Each step runs in a forked child with a time limit, so one step that takes hours in
        # pure Python (local bridges with span on a sparse network) cannot stall the benchmark;
        # it is then reported as "> limit" and counted as the limit (a lower bound).
        queue = multiprocessing.Queue()

        def child():
            start = time.perf_counter()
            value = fn()
            queue.put((time.perf_counter() - start, value))

        process = multiprocessing.get_context("fork").Process(target=child)
        process.start()
        process.join(args.limit)
        if process.is_alive():
            process.terminate()
            process.join()
            rows.append((name, args.limit, True))
            return None
        seconds, value = queue.get()
        rows.append((name, seconds, False))
        return value

    timed("density", lambda: nx.density(G))
    comps = timed("components", lambda: list(nx.connected_components(G)))
    largest = G.subgraph(max(comps, key=len))
    if not args.skip_apl:
        timed("average path length (largest)", lambda: nx.average_shortest_path_length(largest))
        timed("diameter (largest)", lambda: nx.diameter(largest))
    timed("transitivity", lambda: nx.transitivity(G))
    timed("average clustering", lambda: nx.average_clustering(G))
    aps = timed("articulation points", lambda: sorted(nx.articulation_points(G))) or []
    timed("bridges", lambda: list(nx.bridges(G)))
    timed("local bridges with span", lambda: list(nx.local_bridges(G, with_span=True)))
    timed("core numbers", lambda: nx.core_number(G))
    timed("constraint", lambda: nx.constraint(G))
    timed("effective size", lambda: nx.effective_size(G))
    timed("louvain and its modularity", lambda: nx.community.modularity(
        G, nx.community.louvain_communities(G, seed=1)))
    networkx = sum(t for _, t, _ in rows)
    stopped = any(s for _, _, s in rows)

    # Spot checks that both computed the same things.
    same_aps = sorted(f"a{v}" for v in aps) == sorted(ours["structure"]["articulation_points"])
    print()
    print(f"{'step (NetworkX)':34} {'seconds':>9}")
    for name, t, was_stopped in rows:
        print(f"{name:34} {'>' if was_stopped else ' '}{t:8.2f}")
    print()
    print(f"NetworkX, the measures above:        {'>' if stopped else ' '}{networkx:7.2f} s")
    print(f"stakemap gaps, whole run (best of {args.reps}): {stakemap:8.2f} s  "
          f"(reading the file, every section, suggestions, JSON)")
    print(f"ratio NetworkX / StakeMap:           {'>' if stopped else ' '}{networkx / stakemap:7.1f}")
    print(f"articulation points agree: {'yes' if same_aps else 'NO'}; "
          f"density StakeMap {ours['structure']['density']:.6f} / NetworkX {nx.density(G):.6f}")


if __name__ == "__main__":
    main()
