import Testing

@_spi(Testing) import StakeMapGraphviz

@Suite("DOT writer")
struct DOTWriterTests {
  @Test("the full document for a small graph")
  func golden() {
    var graph = DOTGraph(name: "G", attributes: GraphAttributes(rankDir: .leftToRight))
    graph.nodeDefaults = NodeAttributes(shape: .box, style: [.rounded, .filled])
    graph.clusters = [
      DOTCluster(
        id: "c1", attributes: ClusterAttributes(label: "Cluster", penColor: .named(.gray)),
        nodeDefaults: NodeAttributes(fillColor: Color(hex: "#AABBCC")),
        nodes: [DOTNode(id: "a", attributes: NodeAttributes(label: "A"))])
    ]
    graph.nodes = [DOTNode(id: "b")]
    graph.edges = [
      DOTEdge(from: "a", to: "b", attributes: EdgeAttributes(label: "x", weight: 2.5)),
      DOTEdge(from: "b", to: "c", attributes: EdgeAttributes(lhead: "c1")),
    ]
    graph.ranks = [DOTRank(.same, nodeIDs: ["b", "c"])]
    #expect(
      graph.dot == #"""
        digraph "G" {
          graph [charset="UTF-8", rankdir="LR", start="1"];
          node [shape="box", style="filled,rounded"];
          subgraph "cluster_c1" {
            graph [label="Cluster", pencolor="gray"];
            node [fillcolor="#aabbcc"];
            "a" [label="A"];
          }
          "b" [label="b"];
          "c" [label="c"];
          "a" -> "b" [label="x", weight="2.5"];
          "b" -> "c" [lhead="cluster_c1"];
          {rank="same"; "b"; "c";}
        }

        """#)
  }

  @Test("undirected and strict graphs")
  func undirectedStrict() {
    let graph = DOTGraph(name: "u", directed: false, strict: true, edges: [DOTEdge(from: "a", to: "b")])
    #expect(graph.dot.hasPrefix(#"strict graph "u" {"#))
    #expect(graph.dot.contains(#""a" -- "b";"#))
  }

  @Test("nodes without a label get their ID as escaped label, unless a default label applies")
  func explicitLabels() {
    var graph = DOTGraph(nodes: [DOTNode(id: #"\N & "x""#)])
    #expect(graph.dot.contains(#""\\N & \"x\"" [label="\\N &amp; \"x\""];"#))
    graph.nodeDefaults.label = "same for all"
    #expect(graph.dot.contains(#""\\N & \"x\"";"#))
    // A cluster's default label is inherited by its nodes only.
    graph.nodeDefaults.label = nil
    graph.clusters = [
      DOTCluster(id: "k", nodeDefaults: NodeAttributes(label: "k"), nodes: [DOTNode(id: "in")])
    ]
    #expect(graph.dot.contains(#"    "in";"#))
  }

  @Test("each undeclared endpoint is declared once, in first-use order")
  func implicitNodes() {
    let graph = DOTGraph(
      attributes: GraphAttributes(root: "r"),
      nodes: [DOTNode(id: "a")],
      edges: [DOTEdge(from: "a", to: "z"), DOTEdge(from: "y", to: "z")],
      ranks: [DOTRank(.min, nodeIDs: ["x"])])
    let lines = graph.dot.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }
    let declarations = lines.filter { $0.contains("[label=") }
    #expect(declarations == [#""a" [label="a"];"#, #""z" [label="z"];"#, #""y" [label="y"];"#, #""x" [label="x"];"#, #""r" [label="r"];"#])
  }

  @Test("start defaults to seed 1 and can be omitted; charset is always UTF-8")
  func startAndCharset() {
    var graph = DOTGraph()
    #expect(graph.dot.contains(#"graph [charset="UTF-8", start="1"];"#))
    graph.attributes.start = nil
    #expect(graph.dot.contains(#"graph [charset="UTF-8"];"#))
    graph.attributes.start = .random(seed: -5)
    #expect(graph.dot.contains(#"start="1""#))
    graph.attributes.start = .regular
    #expect(graph.dot.contains(#"start="regular""#))
  }

  @Test("style sets are written in declaration order; empty set resets")
  func styles() {
    let a = NodeAttributes(style: [.dashed, .filled, .rounded])
    let b = NodeAttributes(style: [.rounded, .dashed, .filled])
    let graph = { (attributes: NodeAttributes) in DOTGraph(nodes: [DOTNode(id: "n", attributes: attributes)]).dot }
    #expect(graph(a) == graph(b))
    #expect(graph(a).contains(#"style="filled,rounded,dashed""#))
    #expect(graph(NodeAttributes(style: [])).contains(#"style="""#))
  }

  @Test("same graph, same text")
  func deterministic() {
    let first = Fixtures.stakeholderMap().dot
    for _ in 0..<20 { #expect(Fixtures.stakeholderMap().dot == first) }
  }

  @Test("the attribute allow-list has no file-reading or unescaped attribute")
  func allowList() {
    let forbidden: Set<String> = [
      "image", "shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", "url", "href",
      "edgeurl", "edgehref", "headurl", "headhref", "tailurl", "tailhref", "labelurl",
      "labelhref", "target", "layout", "imagescale",
    ]
    let names = Set(DOTAttribute.Name.allCases.map { $0.rawValue.lowercased() })
    #expect(names.isDisjoint(with: forbidden))
    // Shapes that read files or parse user text as structure are not offered either.
    let shapes = Set(NodeAttributes.Shape.allCases.map(\.rawValue))
    #expect(shapes.isDisjoint(with: ["epsf", "custom", "record", "Mrecord"]))
  }

  @Test("colours and font names are validated")
  func colorAndFont() {
    #expect(Color(hex: "#1F77B4")?.description == "#1f77b4")
    #expect(Color(hex: "#1f77b480")?.description == "#1f77b480")
    for bad in ["1f77b4", "#1f7", "#1f77b4f", "#gg0000", "red", "#1f77b4\"", ""] {
      #expect(Color(hex: bad) == nil, "\(bad)")
    }
    #expect(Color(red: 1, green: 2, blue: 255).description == "#0102ff")
    #expect(Color(red: 1, green: 2, blue: 255, alpha: 0).description == "#0102ff00")
    #expect(FontName("DejaVu Sans")?.description == "DejaVu Sans")
    for bad in ["/usr/share/fonts/x.ttf", "Sans:file=/etc/passwd", "a\"b", "", String(repeating: "a", count: 65), "x.ttf"] {
      #expect(FontName(bad) == nil, "\(bad)")
    }
  }
}
