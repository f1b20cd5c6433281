import Foundation
import StakeMap
import StakeMapTestSupport
import Testing

/// Exchange formats proved against real clients (issue 11, point 5): NetworkX reads what
/// `stakemap export` writes with every attribute, and GraphML/GEXF written by NetworkX and
/// GraphML written by igraph import into StakeMap with the same centrality as the original.
@Suite(PythonClients.enabled)
struct ExchangeClientTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  /// What NetworkX read, canonical: nodes by id with every attribute as text (booleans
  /// `true`/`false`, floats in shortest form), edges as sorted JSON texts without ids.
  static let readWithNetworkX = #"""
    json, sys, nx = (__import__(m) for m in ("json", "sys", "networkx"))
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "graphml": G = nx.read_graphml(path)
    elif fmt == "gexf": G = nx.read_gexf(path)
    else: G = nx.node_link_graph(json.load(open(path, encoding="utf-8")), edges="edges")
    def text(v):
        if isinstance(v, bool): return "true" if v else "false"
        if isinstance(v, float): return repr(v)
        return str(v)
    nodes = {str(n): {k: text(v) for k, v in d.items()} for n, d in G.nodes(data=True)}
    edges = []
    for u, v, d in G.edges(data=True):
        d = {k: text(x) for k, x in d.items() if k not in ("id", "key")}
        ends = [str(u), str(v)] if G.is_directed() else sorted([str(u), str(v)])
        edges.append(json.dumps([ends, d], sort_keys=True, ensure_ascii=False))
    print(json.dumps({"directed": G.is_directed(), "graph": {k: text(v) for k, v in G.graph.items() if k in ("name", "language")}, "nodes": nodes, "edges": sorted(edges)}, ensure_ascii=False))
    """#

  /// The same canonical form made from the network in Swift, from the model.
  static func expected(_ network: Network) -> [String: Any] {
    let events = ExchangeAttributes.eventsByActor(network)
    let custom = ExchangeAttributes.customKeys(network)
    var nodes: [String: [String: String]] = [:]
    for (i, actor) in network.actors.enumerated() {
      var attributes: [String: String] = [:]
      let values = ExchangeAttributes.actorValues(actor, events: events[i], language: network.info.language)
      for (key, value) in zip(ExchangeAttributes.actorKeys, values) {
        if let value, !value.isEmpty { attributes[key] = value }
      }
      for key in custom { if let value = actor.attributes[key] { attributes[ExchangeAttributes.customName(key)] = value } }
      nodes[actor.id] = attributes
    }
    var edges: [String] = []
    for relation in network.relations {
      var attributes: [String: String] = [:]
      for (key, value) in zip(ExchangeAttributes.relationKeys, ExchangeAttributes.relationValues(relation)) {
        if let value, !value.isEmpty { attributes[key] = value }
      }
      let a = network.actors[relation.from].id
      let b = network.actors[relation.to].id
      let ends = ExchangeAttributes.allDirected(network) ? [a, b] : [a, b].sorted()
      let data = try! JSONSerialization.data(withJSONObject: [ends, attributes], options: [.sortedKeys])
      edges.append(String(decoding: data, as: UTF8.self))
    }
    return ["nodes": nodes, "edges": edges]
  }

  @Test("NetworkX reads StakeMap's GraphML, GEXF and node-link JSON with every attribute", arguments: [
    ("graphml", "net.graphml", [String]()), ("gexf", "net.gexf", []), ("node-link", "net.json", ["--format", "node-link"]),
  ])
  func networkxReadsExports(format: String, file: String, options: [String]) throws {
    let dir = try TemporaryDirectory()
    let out = dir.url.appendingPathComponent(file).path
    let export = try CLIRunner.run(["export", Self.dresden, "-o", out, "-q"] + options)
    #expect(export.status == 0, "\(export.stderr)")
    let read = try PythonClients.run(Self.readWithNetworkX, [format, out])
    try #require(read.status == 0, "NetworkX failed: \(read.stderr)")
    let got = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as! [String: Any]
    let network = try NetworkReader.load(path: Self.dresden).network
    let want = Self.expected(network)
    let gotNodes = got["nodes"] as! [String: [String: String]]
    let wantNodes = want["nodes"] as! [String: [String: String]]
    #expect(gotNodes.count == network.actors.count)
    for (id, attributes) in wantNodes {
      #expect(gotNodes[id] == attributes, "actor \(id)")
    }
    // Edges compared as canonical JSON re-encoded on both sides (key order, escapes).
    func canonical(_ texts: [String]) -> [String] {
      texts.map { text in
        let object = try! JSONSerialization.jsonObject(with: Data(text.utf8))
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
      }.sorted()
    }
    #expect(canonical(got["edges"] as! [String]) == canonical(want["edges"] as! [String]))
    // GEXF has no graph attributes (the title is in `meta`, which NetworkX does not read).
    let graph = format == "gexf" ? [:] : ["name": network.info.title, "language": "de"]
    #expect(got["graph"] as? [String: String] == graph)
  }

  /// Writes Zachary's karate club (unweighted, with `club`) with NetworkX as GraphML and GEXF
  /// and with igraph as GraphML, and Les Misérables (weighted) with NetworkX as GraphML; prints
  /// NetworkX's centrality of the originals by node name.
  static let writeWithClients = #"""
    json, sys, nx, ig = (__import__(m) for m in ("json", "sys", "networkx", "igraph"))
    out = sys.argv[1]
    K = nx.Graph()
    karate = nx.karate_club_graph()
    for n, d in karate.nodes(data=True): K.add_node(str(n), club=d["club"])
    K.add_edges_from((str(u), str(v)) for u, v in karate.edges())
    nx.write_graphml(K, out + "/karate-nx.graphml")
    nx.write_gexf(K, out + "/karate-nx.gexf")
    g = ig.Graph.from_networkx(K)
    g.vs["name"] = g.vs["_nx_name"]
    del g.vs["_nx_name"]
    g.write_graphml(out + "/karate-igraph.graphml")
    L = nx.les_miserables_graph()
    nx.write_graphml(L, out + "/lesmis-nx.graphml")
    result = {
      "karate": {"degree": nx.degree_centrality(K), "betweenness": nx.betweenness_centrality(K),
                 "closeness": nx.closeness_centrality(K), "harmonic": nx.harmonic_centrality(K)},
      "lesmis": {"strength": dict(L.degree(weight="weight")), "degree": nx.degree_centrality(L)},
    }
    print(json.dumps(result))
    """#

  /// `stakemap import FILE` then `stakemap analyze --format json`: metric → name → value.
  static func importAndAnalyze(_ path: String, in dir: TemporaryDirectory) throws -> [String: [String: Double]] {
    let yaml = path + ".yaml"
    let imported = try CLIRunner.run(["import", path, "-o", yaml, "-q"])
    try #require(imported.status == 0, "import of \(path) failed: \(imported.stderr)")
    let analyzed = try CLIRunner.run(["analyze", yaml, "--format", "json"])
    try #require(analyzed.status == 0, "\(analyzed.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as! [String: Any]
    var out: [String: [String: Double]] = [:]
    for actor in object["actors"] as! [[String: Any]] {
      for metric in ["degree", "strength", "betweenness", "closeness", "harmonic"] {
        out[metric, default: [:]][actor["name"] as! String] = actor[metric] as? Double
      }
    }
    return out
  }

  @Test("GraphML and GEXF written by NetworkX and GraphML written by igraph import with the original's centrality")
  func clientFilesImport() throws {
    let dir = try TemporaryDirectory()
    let written = try PythonClients.run(Self.writeWithClients, [dir.url.path])
    try #require(written.status == 0, "python failed: \(written.stderr)")
    let oracle = try JSONSerialization.jsonObject(with: Data(written.stdout.utf8)) as! [String: [String: [String: Double]]]
    for file in ["karate-nx.graphml", "karate-nx.gexf", "karate-igraph.graphml"] {
      let got = try Self.importAndAnalyze(dir.url.appendingPathComponent(file).path, in: dir)
      for (metric, values) in oracle["karate"]! {
        #expect(got[metric]?.count == 34, "\(file) \(metric)")
        for (name, value) in values {
          let mine = try #require(got[metric]?[name], "\(file): actor \(name) missing")
          #expect(abs(mine - value) < 1e-9, "\(file) \(metric) \(name): \(mine) vs NetworkX \(value)")
        }
      }
    }
    // Weights survive: every actor's strength is NetworkX's weighted degree.
    let lesmis = try Self.importAndAnalyze(dir.url.appendingPathComponent("lesmis-nx.graphml").path, in: dir)
    for (metric, values) in oracle["lesmis"]! {
      #expect(lesmis[metric]?.count == 77)
      for (name, value) in values {
        let mine = try #require(lesmis[metric]?[name], "Les Misérables: \(name) missing")
        #expect(abs(mine - value) < 1e-9, "lesmis \(metric) \(name): \(mine) vs \(value)")
      }
    }
  }
}
