import Testing

@_spi(Testing) import StakeMapGraphviz

/// Text that tries to break out of its DOT string or its SVG attribute must stay text: no file
/// reads, no links, no scripts, no stylesheets, no extra nodes (notes §2.6).
@Suite("Hostile input")
struct HostileInputTests {
  static let payloads: [String] = [
    #"" URL="file:///etc/passwd" image="/etc/passwd"#,
    #"" URL="file:///etc/passwd" image="/etc/passwd" x=""#,
    #"x"]; n666 [image="/etc/passwd"]; n0 [label="y"#,
    #"x\"]; n667 [shapefile=\"/etc/passwd\""#,
    #"<IMG SRC="/etc/passwd"/>"#,
    #"<<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>>"#,
    #"" onmouseover="alert(1)"#,
    #"https://e.x/\" onmouseover=\"alert(1)"#,
    #""><script>alert(1)</script>"#,
    "--><script>alert(1)</script><!--",
    #"<?xml-stylesheet href="evil.css"?>"#,
    "} digraph evil { a",
    "@ x",
    "\u{0}after nul",
  ]

  /// A graph in which every text slot carries every payload.
  static func hostileGraph() -> DOTGraph {
    var graph = DOTGraph(name: payloads[9])
    graph.attributes.label = .text(payloads[1])
    graph.attributes.comment = payloads[9]
    graph.attributes.tooltip = payloads[7]
    graph.attributes.id = payloads[8]
    graph.attributes.cssClass = payloads[8]
    for (index, payload) in payloads.enumerated() {
      graph.nodes.append(
        DOTNode(
          id: "n\(index)",
          attributes: NodeAttributes(
            label: .text(payload), xlabel: .text(payload), tooltip: payload, id: payload,
            cssClass: payload, comment: payload)))
    }
    graph.nodes.append(
      DOTNode(id: "html", attributes: NodeAttributes(label: .html(HTMLLabel(rows: payloads.map { [HTMLLabel.Cell($0)] })))))
    graph.clusters = [
      DOTCluster(
        id: payloads[2], attributes: ClusterAttributes(label: .text(payloads[3]), tooltip: payloads[6]),
        nodes: [DOTNode(id: payloads[4])])
    ]
    graph.edges = [
      DOTEdge(from: "n0", to: payloads[0], attributes: EdgeAttributes(label: .text(payloads[5]), tooltip: payloads[6], id: payloads[8]))
    ]
    return graph
  }

  @Test("SVG of a hostile graph has no images, links, scripts, handlers or stylesheets")
  func hostileSVG() throws {
    let result = try Graphviz.render(Self.hostileGraph(), engine: .dot, format: .svg)
    let text = String(decoding: result.bytes, as: UTF8.self)
    // Payload text itself appears, escaped, in <text> and attribute values, so raw checks look
    // for markup only; the parsed document is checked structurally below.
    for needle in ["<image", "xlink:href", "<script", "onmouseover=\"", "<?xml-stylesheet"] {
      #expect(!text.contains(needle), "found \(needle)")
    }
    let svg = try SVGDocument(result.bytes)
    #expect(!svg.elementNames.contains("image"))
    #expect(!svg.elementNames.contains("script"))
    #expect(!svg.attributeNames.contains("onmouseover"))
    #expect(!svg.attributeNames.contains("xlink:href") && !svg.attributeNames.contains("href"))
    #expect(svg.processingInstructions.isEmpty)
    #expect(!svg.attributeValues.contains { $0.hasPrefix("file:") || $0.hasPrefix("/etc") })
    // Exactly the declared nodes: payloads.count + html + the cluster's node + the edge's
    // undeclared endpoint. No payload created a node of its own.
    #expect(svg.nodes.count == Self.payloads.count + 3)
    #expect(!svg.nodes.contains { ["n666", "n667", "evil", "a"].contains($0.title) })
    // Label and xlabel are shown literally (NUL became a space).
    for (index, payload) in Self.payloads.enumerated() {
      let shown = payload.replacingAll("\u{0}", with: " ")
      #expect(svg.label(ofNode: "n\(index)") == shown + "\n" + shown)
    }
  }

  @Test("PNG and PDF of the hostile graph render (no file is embedded)", arguments: [RenderFormat.png, .pdf])
  func hostileBitmaps(_ format: RenderFormat) throws {
    let result = try Graphviz.render(Self.hostileGraph(), engine: .dot, format: format)
    #expect(result.bytes.count > 1000)
  }

  @Test("the DOT text parses back to the same labels")
  func hostileParseBack() throws {
    let graph = Self.hostileGraph()
    let labels = try Graphviz.parsedNodeAttributes(dot: graph.dot, attribute: "label")
    for (index, payload) in Self.payloads.enumerated() {
      let stored = try #require(labels["n\(index)"])
      #expect(DOTEscaping.displayText(fromEscString: stored) == payload.replacingAll("\u{0}", with: " "))
    }
    #expect(labels["n666"] == nil && labels["n667"] == nil)
  }

  @Test("raw DOT with file-reading or unescaped attributes is refused", arguments: [
    #"digraph { a [image="/etc/passwd"] }"#,
    #"digraph { a [shapefile="/etc/passwd"] }"#,
    #"digraph { imagepath="/etc" a }"#,
    #"digraph { fontpath="/tmp" a }"#,
    #"digraph { stylesheet="x.css" a }"#,
    #"digraph { a [URL="javascript:alert(1)"] }"#,
    #"digraph { a -> b [edgeURL="x"] }"#,
    #"digraph { a [href="x"] }"#,
    #"digraph { layout=neato; a }"#,
    #"digraph { a [label=<<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>>] }"#,
    #"digraph { a [label=<<table><tr><td><img src="/etc/passwd"/></td></tr></table>>] }"#,
  ])
  func rawForbidden(_ dot: String) {
    #expect(throws: GraphvizError.self) { try Graphviz.render(dot: dot) }
    do {
      _ = try Graphviz.render(dot: dot)
    } catch {
      #expect(error.stage == .limits)
    }
  }
}
