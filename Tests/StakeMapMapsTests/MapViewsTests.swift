import StakeMapText
import Foundation
import StakeMapGraphviz
import StakeMapModel
import Testing

@testable import StakeMapMaps

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A chain gwg – piano – stadt – ko – ini plus an isolate, with sectors and regions.
func viewNetwork() -> Network {
  Network(
    info: NetworkInfo(title: "Ansichten", language: .de),
    actors: [
      Stakeholder(id: "gwg", name: "GWG", type: .housingCompany, region: "Nord", attributes: ["sector": "wohnen"]),
      Stakeholder(id: "piano", name: "piano e.V.", type: .association, region: "Nord", tags: ["jugend", "kultur"],
            attributes: ["sector": "sozial"]),
      Stakeholder(id: "stadt", name: "Stadt", type: .municipality, region: "Süd", attributes: ["sector": "verwaltung"]),
      Stakeholder(id: "ko", name: "Koordination", type: .network, region: "Süd"),
      Stakeholder(id: "ini", name: "Initiative", type: .initiative, region: "Süd", tags: ["kultur"],
            attributes: ["sector": "sozial"]),
      Stakeholder(id: "solo", name: "Allein", type: .initiative),
    ],
    relations: [
      Relation(from: 0, to: 1, kind: .cooperation),
      Relation(from: 1, to: 2, kind: .cooperation),
      Relation(from: 2, to: 3, kind: .cooperation, status: .planned),
      Relation(from: 3, to: 4, kind: .cooperation),
    ])
}

@Suite struct MapViewsTests {
  // MARK: Clusters

  @Test func clustersByTypeWithDot() {
    var options = MapOptions()
    options.clusterBy = .attribute("type")
    #expect(StakeholderMap.engine(for: viewNetwork(), options: options) == .dot)
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.clusters.map { $0.attributes.label } == [
      "Wohnungsunternehmen", "Kommune", "Netzwerk", "Initiative", "Verein / Verband",
    ].map { DOTLabel.text($0) })
    #expect(doc.clusters.first { $0.attributes.label == .text("Initiative") }?.nodes.map(\.id) == ["a4", "a5"])
    #expect(doc.nodes.isEmpty)
    #expect(doc.dot.contains("subgraph \"cluster_g0\""))
    #expect(doc.dot.contains("Kästen: Akteurstyp"))
  }

  @Test func clustersByAttributeLeaveActorsWithoutValueOutside() {
    var options = MapOptions()
    options.clusterBy = .attribute("sector")
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.clusters.map { $0.attributes.label } == ["sozial", "verwaltung", "wohnen"].map { DOTLabel.text($0) })
    #expect(doc.nodes.map(\.id) == ["a3", "a5"])
  }

  @Test func assignedGroupsKeepTheirOrderOfAppearance() {
    var options = MapOptions()
    options.clusterBy = .assigned(
      heading: "Gemeinschaft", labels: ["Gemeinschaft 1", "Gemeinschaft 1", "Gemeinschaft 2", "Gemeinschaft 2", "Gemeinschaft 2", nil])
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.clusters.map(\.nodes.count) == [2, 3])
    #expect(doc.dot.contains("Kästen: Gemeinschaft"))
  }

  @Test func withoutDotTheGroupsBecomeTheColour() {
    var options = MapOptions(engine: .neato)
    options.clusterBy = .attribute("region")
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.clusters.isEmpty)
    // Nord < Süd: first two palette colours; no region: grey.
    #expect(doc.nodes[0].attributes.fillColor == Color(hex: Palette.categorical[0]))
    #expect(doc.nodes[2].attributes.fillColor == Color(hex: Palette.categorical[1]))
    #expect(doc.nodes[5].attributes.fillColor == Color(hex: Palette.neutral))
    #expect(doc.dot.contains(">region<"))
    #expect(!doc.dot.contains("Kästen"))
  }

  @Test func largeGroupedMapsAreNotGivenToDot() {
    var network = Network()
    for i in 0..<(StakeholderMap.clusterEngineLimit + 1) {
      network.actors.append(Stakeholder(id: "x\(i)", name: "X\(i)", type: .other))
    }
    var options = MapOptions()
    options.clusterBy = .attribute("type")
    #expect(StakeholderMap.automaticEngine(for: network, options: options) == .sfdp)
  }

  // MARK: Ego maps and filters

  @Test func egoMapKeepsActorsWithinTheRadius() {
    var options = MapOptions()
    options.ego = EgoView(actor: 2, radius: 1)
    #expect(StakeholderMap.visibleActors(viewNetwork(), options: options) == [false, true, true, true, false, false])
    options.ego = EgoView(actor: 2, radius: 2)
    #expect(StakeholderMap.visibleActors(viewNetwork(), options: options) == [true, true, true, true, true, false])
    options.ego = EgoView(actor: 5, radius: 3)
    #expect(StakeholderMap.visibleActors(viewNetwork(), options: options) == [false, false, false, false, false, true])
  }

  @Test func egoHopsFollowOnlyDrawnTies() {
    var options = MapOptions()
    options.statuses = [.existing]
    options.ego = EgoView(actor: 2, radius: 5)
    #expect(StakeholderMap.visibleActors(viewNetwork(), options: options) == [true, true, true, false, false, false])
  }

  @Test func egoMapIsRadialAroundTheEgo() {
    var options = MapOptions()
    options.ego = EgoView(actor: 1, radius: 1)
    #expect(StakeholderMap.engine(for: viewNetwork(), options: options) == .twopi)
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.attributes.root == "a1")
    #expect(doc.nodes.map(\.id) == ["a0", "a1", "a2"])
    #expect(doc.edges.map { [$0.from, $0.to] } == [["a0", "a1"], ["a1", "a2"]])
    #expect(doc.dot.contains("Umfeld von piano e.V. (bis 1 Schritt)"))
  }

  @Test func filtersOnOneKeyAreAlternativesOnSeveralKeysAllMustHold() {
    func shown(_ filters: [String]) -> [Bool] {
      var options = MapOptions()
      options.filters = filters.compactMap(AttributeFilter.init(parsing:))
      return StakeholderMap.visibleActors(viewNetwork(), options: options)
    }
    #expect(shown(["region=Nord"]) == [true, true, false, false, false, false])
    #expect(shown(["region=Nord", "region=Süd"]) == [true, true, true, true, true, false])
    #expect(shown(["region=Süd", "sector=sozial"]) == [false, false, false, false, true, false])
    #expect(shown(["tag=kultur"]) == [false, true, false, false, true, false])
    #expect(shown(["type=initiative"]) == [false, false, false, false, true, true])
    #expect(shown(["sector=nichts"]) == [false, false, false, false, false, false])
  }

  @Test func filterParsing() {
    #expect(AttributeFilter(parsing: "sector=verwaltung") == AttributeFilter(key: "sector", value: "verwaltung"))
    #expect(AttributeFilter(parsing: " region =Bad Schandau") == AttributeFilter(key: "region", value: "Bad Schandau"))
    #expect(AttributeFilter(parsing: "a=b=c")?.value == "b=c")
    #expect(AttributeFilter(parsing: "=x") == nil)
    #expect(AttributeFilter(parsing: "novalue") == nil)
  }

  @Test func filteredViewsDrawOnlyTiesAmongShownActorsAndSayWhatTheyShow() {
    var options = MapOptions()
    options.filters = [AttributeFilter(key: "region", value: "Süd")]
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.nodes.map(\.id) == ["a2", "a3", "a4"])
    #expect(doc.edges.count == 2)
    #expect(doc.dot.contains("Nur: region = Süd"))
    // The legend lists only the types shown.
    #expect(!doc.dot.contains("Wohnungsunternehmen"))
    #expect(doc.dot.contains("Kommune"))
  }

  // MARK: Highlights

  @Test func highlightedActorsHaveAThickOutlineAndALegendEntry() {
    var options = MapOptions()
    options.highlightedActors = [1, 2]
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    #expect(doc.nodes[1].attributes.penWidth == 3.5)
    #expect(doc.nodes[1].attributes.color == Color(hex: "#000000"))
    #expect(doc.nodes[0].attributes.penWidth == nil)
    #expect(doc.nodes[1].attributes.tooltip?.hasSuffix("Schlüsselakteur: ohne ihn zerfällt das Netz") == true)
    #expect(doc.dot.contains("BORDER=\"3\""))
  }

  @Test func suggestedTiesAreDashedColouredLabelledAndDoNotRank() {
    var options = MapOptions(engine: .dot)
    options.suggestedTies = [
      SuggestedTie(a: 0, b: 4, label: "V1", tooltip: "weil <b>"),
      SuggestedTie(a: 3, b: 3, label: "V2"),  // a loop: not drawn
    ]
    let doc = StakeholderMap.document(for: viewNetwork(), options: options)
    let edge = try! #require(doc.edges.last)
    #expect(edge.from == "a0" && edge.to == "a4")
    #expect(edge.attributes.style == [.dashed])
    #expect(edge.attributes.color == Color(hex: StakeholderMap.suggestionColor))
    #expect(edge.attributes.label == .text("V1"))
    #expect(edge.attributes.constraint == false)
    #expect(edge.attributes.tooltip == "V1: GWG – Initiative\nweil <b>")
    #expect(doc.edges.count == 5)
    #expect(doc.dot.contains("vorgeschlagene neue Beziehung (V1)"))
  }

  @Test func defaultMapIsUnchangedByTheNewOptions() {
    // No view, no highlight: the same document as before views existed (legend order, nodes).
    let doc = StakeholderMap.document(for: viewNetwork())
    #expect(doc.clusters.isEmpty)
    #expect(doc.nodes.count == 6)
    #expect(doc.attributes.root == nil)
    #expect(!doc.dot.contains("Nur:") && !doc.dot.contains("Umfeld") && !doc.dot.contains("Kästen"))
  }

  // MARK: Rendering

  @Test(arguments: ["cluster", "ego", "filter", "highlight"])
  func viewsRenderByteIdentically(_ view: String) throws {
    var options = MapOptions()
    switch view {
    case "cluster": options.clusterBy = .attribute("region")
    case "ego": options.ego = EgoView(actor: 2, radius: 2)
    case "filter": options.filters = [AttributeFilter(key: "tag", value: "kultur")]
    default:
      options.highlightedActors = [1, 2]
      options.suggestedTies = [SuggestedTie(a: 0, b: 4, label: "V1")]
    }
    let a = try StakeholderMap.render(viewNetwork(), options: options, format: .svg)
    let b = try StakeholderMap.render(viewNetwork(), options: options, format: .svg)
    #expect(a.bytes == b.bytes)
    let svg = String(decoding: a.bytes, as: UTF8.self)
    let shown = StakeholderMap.visibleActors(viewNetwork(), options: options).count { $0 }
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == shown)
    #expect(svg.contains("<desc id=\"stakemap-desc\">"))
  }

  @Test func pngIsPrintResolution() throws {
    let png = try StakeholderMap.render(viewNetwork(), options: MapOptions(), format: .png)
    #expect(png.dpi == 300)
    let svg = try StakeholderMap.render(viewNetwork(), options: MapOptions(), format: .svg)
    // Width in pixels = width in points × 300 / 72.
    let text = String(decoding: svg.bytes, as: UTF8.self)
    let widthPt = Double(text.firstMatch(of: /width="(\d+)pt"/)!.1)!
    let widthPx = Int(png.bytes[16]) << 24 | Int(png.bytes[17]) << 16 | Int(png.bytes[18]) << 8 | Int(png.bytes[19])
    #expect(abs(Double(widthPx) - widthPt * 300 / 72) < 6)
  }
}

@Suite struct SVGAccessibilityTests {
  static let svg = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
     "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
    <!-- Generated by graphviz version 2.43.0 (0)
     -->
    <!-- Title: x &gt; y Pages: 1 -->
    <svg width="62pt" height="116pt"
     viewBox="0.00 0.00 62.00 116.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
    <g id="graph0" class="graph">
    <title>x &gt; y</title>
    <g id="node1" class="node"><title>a0</title><text>A</text></g>
    <g id="node2" class="node"><title>a1</title><text>B</text></g>
    <g id="edge1" class="edge"><title>a0&#45;&gt;a1</title></g>
    <g id="edge2" class="edge"><title>a0&#45;&#45;a1</title></g>
    <g id="edge3" class="edge"><title>a0&#45;&#45;a7</title></g>
    </g>
    </svg>
    """

  @Test func insertsTitleAndDescriptionAfterTheRootStartTag() throws {
    let hostile = "</desc><script>alert(1)</script> & \"quotes\" --> \u{0}"
    let out = try #require(SVGAccessibility.annotate(Self.svg, title: "Karte " + hostile, description: "Beschreibung " + hostile, language: "de"))
    #expect(out.contains("<svg width=\"62pt\" height=\"116pt\"\n viewBox=\"0.00 0.00 62.00 116.00\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" role=\"img\" aria-labelledby=\"stakemap-title stakemap-desc\" xml:lang=\"de\">\n<title id=\"stakemap-title\">Karte &lt;/desc&gt;&lt;script&gt;"))
    #expect(!out.contains("<script"))
    #expect(out.contains("\u{FFFD}"))
    // Parses as XML; the first two children of <svg> are the title and the description.
    final class Delegate: NSObject, XMLParserDelegate {
      var path: [String] = []
      var firstChildren: [String] = []
      var texts: [String: String] = [:]
      var current: String?
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if path == ["svg"] { firstChildren.append(name) }
        path.append(name)
        current = attributes["id"]
      }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        current = nil
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { texts[current, default: ""] += string }
      }
    }
    let parser = XMLParser(data: Data(out.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    #expect(parser.parse())
    #expect(delegate.firstChildren.prefix(3) == ["title", "desc", "g"])
    #expect(delegate.texts["stakemap-desc"] == "Beschreibung " + hostile.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"))
  }

  @Test func refusesWhatIsNotASingleSVGOrAlreadyAnnotated() throws {
    #expect(SVGAccessibility.annotate("<html></html>", title: "t", description: "d") == nil)
    #expect(SVGAccessibility.annotate("no markup", title: "t", description: "d") == nil)
    #expect(SVGAccessibility.annotate("<svg", title: "t", description: "d") == nil)
    #expect(SVGAccessibility.annotate("<svg/>", title: "t", description: "d") == nil)
    let once = try #require(SVGAccessibility.annotate(Self.svg, title: "t", description: "d"))
    #expect(SVGAccessibility.annotate(once, title: "t", description: "d") == nil)
  }

  @Test func quotedGreaterThanInTheRootTagIsSkipped() throws {
    let out = try #require(SVGAccessibility.annotate("<svg data-x='a>b' width=\"1\"><g/></svg>", title: "t", description: "d"))
    #expect(out.hasPrefix("<svg data-x='a>b' width=\"1\" role=\"img\""))
  }

  @Test func titlesNameTheActors() {
    let out = SVGAccessibility.readableTitles(Self.svg, names: ["Stadt <Dresden>", "piano & Co"])
    #expect(out.contains("<title>Stadt &lt;Dresden&gt;</title>"))
    #expect(out.contains("<title>piano &amp; Co</title>"))
    #expect(out.contains("<title>Stadt &lt;Dresden&gt; – piano &amp; Co</title>"))
    // Unknown node numbers and the graph title are left alone.
    #expect(out.contains("<title>a0&#45;&#45;a7</title>"))
    #expect(out.contains("<title>x &gt; y</title>"))
  }

  @Test func descriptionSaysWhatTheMapShows() {
    var options = MapOptions()
    options.highlightedActors = [2]
    options.suggestedTies = [SuggestedTie(a: 0, b: 4, label: "V1")]
    let de = StakeholderMap.description(for: viewNetwork(), options: options)
    #expect(de == "Akteurslandkarte mit 6 Akteuren und 4 Beziehungen. Farbe: Akteurstyp – Wohnungsunternehmen 1, Kommune 1, Netzwerk 1, Initiative 2 und Verein / Verband 1. Die meisten Partner auf der Karte (auch über geplante Beziehungen): piano e.V. (2), Stadt (2) und Koordination (2). Dick umrandet (Schlüsselakteur: ohne ihn zerfällt das Netz): Stadt. Orange gestrichelt, vorgeschlagene neue Beziehungen: V1 GWG – Initiative. Linien gestrichelt: geplant.")
    options.language = .en
    options.ego = EgoView(actor: 0, radius: 1)
    options.highlightedActors = []
    options.suggestedTies = []
    let en = StakeholderMap.description(for: viewNetwork(), options: options)
    #expect(en == "Stakeholder map with 2 actors and 1 tie. Surroundings of GWG (up to 1 step). 2 actors of 6 shown. Colour: Actor type – Housing company 1 and Association 1. Most partners on the map: GWG (1) and piano e.V. (1).")
  }
}
