#!/usr/bin/env python3
"""Writes a large random network file, as both JSON and YAML, for load benchmarks.

    python3 Scripts/gen_large_network.py --actors 100000 --relations 1000000 --seed 1 OUT

writes OUT.json and OUT.yaml with the same content (docs/FORMAT.md). Deterministic for a seed.
Standard library only.
"""

import argparse
import json
import random

TYPES = ["housing_company", "cooperative", "social_organization", "municipality",
         "public_agency", "network", "initiative", "association", "politics", "research",
         "other"]
KINDS = ["cooperation", "funding", "space_provision", "personnel", "advice", "membership",
         "referral", "participation", "knowledge_transfer", "other"]
STATUSES = ["existing", "existing", "existing", "planned", "desired", "ended"]
WORDS = ["Wohnen", "Netzwerk", "Genossenschaft", "Verein", "Stadt", "Amt", "Initiative",
         "Dresden", "Leipzig", "Zukunft", "Gemeinschaft", "Quartier", "Förderung", "Süd"]


def build(actors, relations, seed, all_existing=False):
    rng = random.Random(seed)
    width = len(str(actors - 1))
    ids = [f"a{i:0{width}d}" for i in range(actors)]
    out_actors = []
    for i, actor_id in enumerate(ids):
        actor = {"id": actor_id,
                 "name": " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 4))) + f" {i}",
                 "type": rng.choice(TYPES)}
        if rng.random() < 0.3:
            actor["region"] = rng.choice(["Dresden", "Leipzig", "Chemnitz"])
        if rng.random() < 0.2:
            actor["tags"] = rng.sample(["wohnen", "sozial", "kultur", "bildung"], 2)
        if rng.random() < 0.1:
            actor["sector"] = rng.choice(["wohnungswirtschaft", "sozialwirtschaft", "verwaltung"])
        out_actors.append(actor)
    out_relations = []
    for _ in range(relations):
        a = rng.randrange(actors)
        b = rng.randrange(actors - 1)
        if b >= a:
            b += 1
        relation = {}
        if rng.random() < 0.5:
            relation["between"] = [ids[a], ids[b]]
        else:
            relation["from"] = ids[a]
            relation["to"] = ids[b]
        relation["kind"] = rng.choice(KINDS)
        r = rng.random()
        if r < 0.3:
            relation["weight"] = rng.randint(2, 7)
        elif r < 0.4:
            relation["weight"] = round(rng.uniform(0.1, 5), 2)
        status = "existing" if all_existing else rng.choice(STATUSES)
        if status != "existing":
            relation["status"] = status
        out_relations.append(relation)
    return {"network": {"title": f"Random network (seed {seed})", "language": "de"},
            "actors": out_actors, "relations": out_relations}


def yaml_scalar(value):
    if isinstance(value, (int, float)):
        return repr(value)
    # Generated strings are plain-safe words, ids and vocabulary values; quote the rest.
    if value and value[0].isalpha() and all(c.isalnum() or c in " _-" for c in value) \
            and value.lower() not in ("null", "true", "false", "yes", "no", "on", "off"):
        return value
    return json.dumps(value, ensure_ascii=False)


def write_yaml(network, f):
    f.write("network:\n")
    for key, value in network["network"].items():
        f.write(f"  {key}: {yaml_scalar(value)}\n")
    for section in ("actors", "relations"):
        f.write(f"{section}:\n")
        for item in network[section]:
            first = True
            for key, value in item.items():
                prefix = "  - " if first else "    "
                first = False
                if isinstance(value, list):
                    text = "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
                else:
                    text = yaml_scalar(value)
                f.write(f"{prefix}{key}: {text}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--all-existing", action="store_true",
                        help="every relation has status existing (so all of them are ties)")
    parser.add_argument("out", help="output path without extension")
    args = parser.parse_args()
    if args.actors < 2:
        parser.error("--actors must be at least 2")
    network = build(args.actors, args.relations, args.seed, args.all_existing)
    with open(args.out + ".json", "w", encoding="utf-8") as f:
        f.write('{"network": ' + json.dumps(network["network"], ensure_ascii=False))
        for section in ("actors", "relations"):
            f.write(f',\n"{section}": [\n')
            f.write(",\n".join(json.dumps(item, ensure_ascii=False) for item in network[section]))
            f.write("\n]")
        f.write("}\n")
    with open(args.out + ".yaml", "w", encoding="utf-8") as f:
        write_yaml(network, f)


if __name__ == "__main__":
    main()
