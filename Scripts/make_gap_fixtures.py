#!/usr/bin/env python3
"""Regenerates the gap-analysis oracle fixtures for StakeMapAlgorithms's tests.

    python3 Scripts/make_gap_fixtures.py        # from the repository root

writes Tests/StakeMapAlgorithmsTests/Fixtures/gaps/<name>.json, one file per graph, deterministically
(same library versions -> byte-identical files; NetworkX's Louvain is run with seed=1).

Pinned environment: python 3.11, networkx==3.6.1, numpy==2.4.6, scipy==1.17.1 (scipy: NetworkX's
constraint/effective_size take their sparse-matrix path, the one `nx.constraint(G)` uses).

Conventions of every file (node ids are indices into `nodes`, NetworkX's node order):
    nodes, edges [[u, v, w]], weighted        as in Scripts/make_fixtures.py
    groups        a group id per node, see `group_note` (karate: club; Davis two-mode: the mode;
                  Davis projection: first/second half of NetworkX's order; others: index mod 3
                  or a stated hand assignment)
    null          stands for NaN (undefined: isolates) and for an infinite span (no path)

NetworkX values (the oracle proper):
    density                   nx.density
    components                nx.connected_components, sorted by size desc, then smallest member
    component_average_distance, component_diameter
                              nx.average_shortest_path_length / nx.diameter of each component
                              subgraph (hop counts), aligned with `components`
    triangles, transitivity, clustering, average_clustering
                              nx.triangles, nx.transitivity, nx.clustering, nx.average_clustering
    articulation_points       sorted nx.articulation_points
    bridges                   sorted [u, v] (u < v) of nx.bridges
    local_bridges             sorted [u, v, span] of nx.local_bridges(with_span=True, weight=None)
    core_numbers              nx.core_number
    constraint                nx.constraint(G, weight="weight")
    effective_size            nx.effective_size(G, nodes=list(G), weight="weight"): Burt's
                              formula as NetworkX documents it, m_jq = w_jq / max_x w_jx
    effective_size_networkx_all_nodes
                              nx.effective_size(G, weight="weight"): NetworkX 3.6's sparse path,
                              which divides by the strongest tie of q instead of j (a
                              broadcasting slip); equal to effective_size when unweighted
    effective_size_borgatti   unweighted graphs only: nx.effective_size(G, nodes=list(G)),
                              NetworkX's Borgatti n - 2t/n path; equal to effective_size there
    candidates                non-adjacent pairs: all friends of friends (distance 2, sorted),
                              then up to 8 farther pairs (distance >= 3 or disconnected, first
                              in sorted order)
    common_neighbors, jaccard, adamic_adar, resource_allocation
                              sorted nx.common_neighbors, nx.jaccard_coefficient,
                              nx.adamic_adar_index, nx.resource_allocation_index per candidate
    partitions                {name: {communities: id per node, modularity:
                              nx.community.modularity(G, ..., weight="weight")}} for "groups",
                              "networkx_louvain" (nx.community.louvain_communities(G,
                              weight="weight", seed=1)) and "singletons"
    mixing_networkx           nx.attribute_mixing_matrix(G, "group", normalized=False) (each
                              tie counted in both directions)

Definitions computed here by brute force (independent of StakeMap's algorithms):
    mixing_ties, mixing_expected, mixing_density
                              ties between groups (within: once), density * possible pairs,
                              ties / possible pairs (null when no pair is possible)
    ei_overall, ei_groups, ei_internal, ei_external, ei_nodes
                              Krackhardt-Stern E-I: (E - I)/(E + I) (null without ties)
    efficiency                effective_size / degree
    hierarchy                 sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C_i / N), c_ij =
                              nx.local_constraint(G, i, j, weight="weight"); 0 when N = 1
    brokerage                 Gould-Fernandez counts on the symmetrised graph (each tie = two
                              arcs), [coordinator, itinerant, representative, gatekeeper,
                              liaison] per node, by enumerating every a -> v -> b
    pairs_disconnected, fragmentation_after, baseline_fragmentation
                              removing each node: pairs of other nodes no longer connected;
                              F = 1 - sum s(s-1) / (N(N-1)) over the remaining N = n-1 nodes
                              (0 when N < 2)
    distance_increase_mean, distance_increase_total
                              mean / sum over pairs still connected without v of
                              d_{G-v} - d_G (hop counts); null mean when no pair stays connected
    kpp_neg_nodes, kpp_neg_fragmentation
                              greedy KPP-Neg, k = min(3, n): each step removes the node that
                              maximises F of the rest (lowest index on ties)
    shortening                per candidate [improved pairs, total reduction, newly connected
                              pairs] when the tie is added, from all-pairs distances
"""

import json
import math
import sys
from itertools import combinations
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "StakeMapAlgorithmsTests" / "Fixtures" / "gaps"


def canonical(g):
    """A copy with NetworkX's node order and edges sorted by node index (as make_fixtures.py),
    so that every NetworkX call below sees the same order from run to run."""
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), d.get("weight", 1))
                   for u, v, d in g.edges(data=True))
    h = nx.Graph()
    h.add_nodes_from(range(len(nodes)))
    h.add_weighted_edges_from(edges)
    return h, [str(v) for v in nodes]


# --- the graphs: (graph, description, groups, group note) ----------------------------------

def mod3(g):
    return [i % 3 for i in range(len(g))]


def florentine():
    g = nx.florentine_families_graph()
    return g, "Florentine families marriage network (Padgett)", mod3(g), "index mod 3"


def les_miserables():
    g = nx.les_miserables_graph()
    return g, "Les Miserables co-appearance network (Knuth), weighted", mod3(g), "index mod 3"


def davis_two_mode():
    b = nx.davis_southern_women_graph()
    groups = [b.nodes[v]["bipartite"] for v in b]
    return (b, "Davis Southern Women, two-mode: 18 women and 14 events, tie = attended",
            groups, "mode: 0 women, 1 events")


def davis_projection():
    b = nx.davis_southern_women_graph()
    g = nx.bipartite.weighted_projected_graph(b, b.graph["top"])
    n = len(g)
    return (g, "Davis Southern Women projected onto the women, weight = co-attended events",
            [0 if i < n // 2 else 1 for i in range(n)], "first / second half of the women")


def karate():
    g = nx.karate_club_graph()
    groups = [0 if g.nodes[v]["club"] == "Mr. Hi" else 1 for v in g]
    return g, "Zachary's karate club with its interaction weights 1-7", groups, \
        "club: 0 Mr. Hi, 1 Officer"


def path5():
    return nx.path_graph(5), "path 0-1-2-3-4", [0, 0, 1, 1, 2], "hand: 0 0 1 1 2"


def star5():
    return nx.star_graph(4), "star: centre 0 and leaves 1-4", [0, 1, 1, 2, 2], "hand: 0 1 1 2 2"


def bridged_triangles():
    g = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    return g, "triangles 0-1-2 and 3-4-5 joined by the bridge 2-3", [0, 0, 0, 1, 1, 1], \
        "hand: one group per triangle"


def with_isolates():
    g = nx.Graph()
    g.add_nodes_from(range(8))
    g.add_weighted_edges_from([(0, 1, 2), (1, 2, 1), (0, 2, 3), (2, 3, 1), (4, 5, 5)])
    return g, "weighted triangle with a pendant, a separate tie and two isolates", mod3(g), \
        "index mod 3"


GRAPHS = {
    "florentine_families": florentine,
    "les_miserables_weighted": les_miserables,
    "davis_two_mode": davis_two_mode,
    "davis_women_weighted": davis_projection,
    "karate_weighted": karate,
    "path5": path5,
    "star5": star5,
    "bridged_triangles": bridged_triangles,
    "with_isolates": with_isolates,
}


# --- helpers -----------------------------------------------------------------------------

def clean(x):
    """NaN and infinities -> None (JSON null); numpy scalars -> Python."""
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def canonical_components(g):
    comps = [sorted(c) for c in nx.connected_components(g)]
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def fragmentation(h):
    n = len(h)
    if n < 2:
        return 0.0
    connected = sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(h))
    return 1 - connected / (n * (n - 1) // 2)


def connected_pairs(h):
    return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(h))


def distances(g):
    return {s: dict(d) for s, d in nx.all_pairs_shortest_path_length(g)}


def compute(g, groups):
    n = len(g)
    nodes = list(range(n))
    weighted = any(d["weight"] != 1 for _, _, d in g.edges(data=True))
    out = {}
    out["density"] = nx.density(g)

    comps = canonical_components(g)
    out["components"] = comps
    out["component_average_distance"] = [
        float(nx.average_shortest_path_length(g.subgraph(c))) for c in comps]
    out["component_diameter"] = [nx.diameter(g.subgraph(c)) for c in comps]

    tri = nx.triangles(g)
    out["triangles"] = [tri[v] for v in nodes]
    out["transitivity"] = float(nx.transitivity(g))
    cl = nx.clustering(g)
    out["clustering"] = [float(cl[v]) for v in nodes]
    out["average_clustering"] = float(nx.average_clustering(g))
    out["articulation_points"] = sorted(nx.articulation_points(g))
    out["bridges"] = sorted([min(u, v), max(u, v)] for u, v in nx.bridges(g))
    out["local_bridges"] = sorted(
        [min(u, v), max(u, v), None if math.isinf(s) else int(s)]
        for u, v, s in nx.local_bridges(g, with_span=True, weight=None))
    core = nx.core_number(g)
    out["core_numbers"] = [core[v] for v in nodes]

    # Structural holes.
    con = nx.constraint(g, weight="weight")
    # Burt's effective size as NetworkX documents it: its per-node path (nodes given).
    esize = nx.effective_size(g, nodes=list(g), weight="weight")
    # The all-nodes call takes NetworkX 3.6's sparse-matrix path, which divides by the row
    # maxima with a 1-D array (csr_array.max(axis=1).toarray() has shape (n,)), so it broadcasts
    # over COLUMNS: m_jq is divided by q's strongest tie instead of j's. Same values when all
    # weights are 1; kept to show the difference on weighted graphs.
    esize_all = nx.effective_size(g, weight="weight")
    out["constraint"] = [clean(float(con[v])) for v in nodes]
    out["effective_size"] = [clean(float(esize[v])) for v in nodes]
    out["effective_size_networkx_all_nodes"] = [clean(float(esize_all[v])) for v in nodes]
    if not weighted:
        borg = nx.effective_size(g, nodes=list(g))
        out["effective_size_borgatti"] = [clean(float(borg[v])) for v in nodes]
    eff, hier = [], []
    for v in nodes:
        d = g.degree(v)
        if d == 0:
            eff.append(None)
            hier.append(None)
            continue
        eff.append(esize[v] / d)
        local = [nx.local_constraint(g, v, j, weight="weight") for j in sorted(g[v])]
        if d == 1:
            hier.append(0.0)
            continue
        total = sum(local)
        h = sum((c / (total / d)) * math.log(c / (total / d)) for c in local) / (d * math.log(d))
        hier.append(h)
    out["efficiency"] = eff
    out["hierarchy"] = hier

    # Candidates and link prediction.
    dist = distances(g)
    fof = sorted((u, v) for u, v in combinations(nodes, 2) if dist[u].get(v) == 2)
    far = [(u, v) for u, v in combinations(nodes, 2)
           if not g.has_edge(u, v) and dist[u].get(v, math.inf) >= 3][:8]
    cands = fof + far
    out["friends_of_friends"] = [list(p) for p in fof]
    out["candidates"] = [list(p) for p in cands]
    out["common_neighbors"] = [sorted(nx.common_neighbors(g, u, v)) for u, v in cands]
    out["jaccard"] = [float(s) for _, _, s in nx.jaccard_coefficient(g, cands)]
    out["adamic_adar"] = [float(s) for _, _, s in nx.adamic_adar_index(g, cands)]
    out["resource_allocation"] = [float(s) for _, _, s in nx.resource_allocation_index(g, cands)]

    # Path shortening by brute force: all-pairs distances before and after.
    shortening = []
    for u, v in cands:
        h = g.copy()
        h.add_edge(u, v, weight=1)
        after = distances(h)
        improved = reduction = newly = 0
        for s, t in combinations(nodes, 2):
            old = dist[s].get(t)
            new = after[s].get(t)
            if old is None and new is not None:
                newly += 1
            elif old is not None and new < old:
                improved += 1
                reduction += old - new
        shortening.append([improved, reduction, newly])
    out["shortening"] = shortening

    # Partitions and modularity.
    partitions = {"groups": groups, "singletons": nodes}
    if g.number_of_edges() > 0:
        louvain = nx.community.louvain_communities(g, weight="weight", resolution=1, seed=1)
        louvain = sorted((sorted(c) for c in louvain), key=lambda c: (-len(c), c[0]))
        ids = [0] * n
        for i, c in enumerate(louvain):
            for v in c:
                ids[v] = i
        partitions["networkx_louvain"] = ids
    out["partitions"] = {}
    for name, ids in partitions.items():
        comms = {}
        for v, c in enumerate(ids):
            comms.setdefault(c, set()).add(v)
        q = None
        if g.number_of_edges() > 0:
            q = float(nx.community.modularity(g, [comms[c] for c in sorted(comms)],
                                              weight="weight", resolution=1))
        out["partitions"][name] = {"communities": list(ids), "modularity": q}

    # Mixing and E-I.
    k = max(groups) + 1
    h = g.copy()
    nx.set_node_attributes(h, {v: groups[v] for v in nodes}, "group")
    mix = nx.attribute_mixing_matrix(h, "group", mapping={i: i for i in range(k)},
                                     normalized=False)
    out["mixing_networkx"] = [[int(x) for x in row] for row in mix]
    ties = [[0] * k for _ in range(k)]
    for u, v in g.edges():
        a, b = groups[u], groups[v]
        ties[a][b] += 1
        if a != b:
            ties[b][a] += 1
    sizes = [groups.count(a) for a in range(k)]
    density = nx.density(g)
    out["group_sizes"] = sizes
    out["mixing_ties"] = ties
    possible = [[sizes[a] * (sizes[a] - 1) // 2 if a == b else sizes[a] * sizes[b]
                 for b in range(k)] for a in range(k)]
    out["mixing_expected"] = [[density * possible[a][b] for b in range(k)] for a in range(k)]
    out["mixing_density"] = [[ties[a][b] / possible[a][b] if possible[a][b] else None
                              for b in range(k)] for a in range(k)]

    def ei(e, i):
        return None if e + i == 0 else (e - i) / (e + i)

    internal = [ties[a][a] for a in range(k)]
    external = [sum(ties[a][b] for b in range(k) if b != a) for a in range(k)]
    out["ei_internal"] = internal
    out["ei_external"] = external
    out["ei_groups"] = [ei(external[a], internal[a]) for a in range(k)]
    total_e = sum(1 for u, v in g.edges() if groups[u] != groups[v])
    out["ei_overall"] = ei(total_e, g.number_of_edges() - total_e)
    out["ei_nodes"] = [ei(sum(1 for w in g[v] if groups[w] != groups[v]),
                          sum(1 for w in g[v] if groups[w] == groups[v])) for v in nodes]

    # Gould-Fernandez on the symmetrised graph.
    arcs = {(u, v) for u, v in g.edges()} | {(v, u) for u, v in g.edges()}
    brokerage = []
    for v in nodes:
        counts = [0, 0, 0, 0, 0]
        for a in nodes:
            for b in nodes:
                if len({a, v, b}) < 3 or (a, v) not in arcs or (v, b) not in arcs:
                    continue
                if (a, b) in arcs:
                    continue
                ga, gv, gb = groups[a], groups[v], groups[b]
                if ga == gv == gb:
                    counts[0] += 1
                elif ga == gb:
                    counts[1] += 1
                elif ga == gv:
                    counts[2] += 1
                elif gv == gb:
                    counts[3] += 1
                else:
                    counts[4] += 1
        brokerage.append(counts)
    out["brokerage"] = brokerage

    # Fragility: remove each node.
    before = connected_pairs(g)
    out["baseline_fragmentation"] = fragmentation(g)
    lost, frag, inc_mean, inc_total = [], [], [], []
    for v in nodes:
        h = g.copy()
        h.remove_node(v)
        comp_v = len(nx.node_connected_component(g, v))
        still = connected_pairs(h)
        # Pairs of other nodes that were connected: all connected pairs but v's own.
        lost.append(before - (comp_v - 1) - still)
        frag.append(fragmentation(h))
        after = distances(h)
        total = 0
        count = 0
        for s, t in combinations(list(h), 2):
            if t in after[s]:
                total += after[s][t] - dist[s][t]
                count += 1
        inc_total.append(total)
        inc_mean.append(total / count if count else None)
    out["pairs_disconnected"] = lost
    out["fragmentation_after"] = frag
    out["distance_increase_total"] = inc_total
    out["distance_increase_mean"] = inc_mean

    # Greedy KPP-Neg.
    h = g.copy()
    chosen, values = [], []
    for _ in range(min(3, n)):
        best = None
        for v in sorted(h):
            r = h.copy()
            r.remove_node(v)
            f = fragmentation(r)
            if best is None or f > best[0]:
                best = (f, v)
        chosen.append(best[1])
        values.append(best[0])
        h.remove_node(best[1])
    out["kpp_neg_nodes"] = chosen
    out["kpp_neg_fragmentation"] = values
    return weighted, out


def main():
    if nx.__version__ != "3.6.1":
        print(f"warning: fixtures were generated with networkx 3.6.1, this is {nx.__version__}",
              file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in GRAPHS.items():
        raw, description, groups, note = make()
        g, labels = canonical(raw)
        weighted, values = compute(g, groups)
        record = {
            "name": name,
            "description": description,
            "nodes": labels,
            "edges": [[u, v, d["weight"]] for u, v, d in g.edges(data=True)],
            "weighted": weighted,
            "groups": groups,
            "group_note": note,
            **values,
        }
        path = OUT / f"{name}.json"
        path.write_text(json.dumps(record, indent=1, allow_nan=False) + "\n")
        lv = values["partitions"].get("networkx_louvain", {}).get("modularity")
        print(f"{path.relative_to(ROOT)}: n={len(g)} m={g.number_of_edges()} "
              f"weighted={weighted} candidates={len(values['candidates'])} "
              f"networkx louvain Q={lv}")


if __name__ == "__main__":
    main()
