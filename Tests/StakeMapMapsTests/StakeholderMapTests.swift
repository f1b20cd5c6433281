import StakeMapText
import StakeMapGraphviz
import StakeMapModel
import Testing

@testable import StakeMapMaps

/// A small network: a housing company funds a social organisation (directed), both cooperate
/// with the city; a planned and a desired tie; one actor from world knowledge.
func sampleNetwork() -> Network {
  Network(
    info: NetworkInfo(title: "Beispiel", language: .de),
    actors: [
      Stakeholder(id: "gwg", name: "GWG Gelsenkirchen", type: .housingCompany, region: "Gelsenkirchen"),
      Stakeholder(id: "piano", name: "piano e.V.", type: .association, short: "piano",
            attributes: ["sector": "zivilgesellschaft"]),
      Stakeholder(id: "stadt", name: "Stadt Gelsenkirchen", type: .municipality,
            basis: .worldKnowledge, attributes: ["sector": "verwaltung"]),
      Stakeholder(id: "ko", name: "Koordinationsstelle mit einem sehr langen Namen", type: .other),
    ],
    relations: [
      Relation(from: 0, to: 1, directed: true, kind: .funding, weight: 4,
               source: "p004", evidence: "Die GWG unterstützt finanziell"),
      Relation(from: 1, to: 0, kind: .cooperation),
      Relation(from: 0, to: 2, kind: .cooperation),
      Relation(from: 3, to: 2, kind: .cooperation, status: .planned),
      Relation(from: 3, to: 1, kind: .advice, status: .desired),
      Relation(from: 3, to: 0, kind: .other, status: .ended),
    ])
}

@Suite struct StakeholderMapTests {
  @Test func nodesHaveSyntheticIDsAndReadableLabels() {
    let doc = StakeholderMap.document(for: sampleNetwork(), options: MapOptions(labelWidth: 18))
    #expect(doc.nodes.map(\.id) == ["a0", "a1", "a2", "a3"])
    #expect(doc.nodes[1].attributes.label == .text("piano"))  // short name wins
    guard case .text(let long, _)? = doc.nodes[3].attributes.label else {
      Issue.record("no text label")
      return
    }
    #expect(long.contains("\n"))
    #expect(long.split(separator: "\n").allSatisfy { $0.count <= 18 })
    #expect(doc.nodes[2].attributes.tooltip?.contains("Weltwissen") == true)
  }

  @Test func typesHaveFixedColoursAndShapes() {
    let doc = StakeholderMap.document(for: sampleNetwork())
    #expect(doc.nodes[0].attributes.fillColor == Color(hex: "#332288"))
    #expect(doc.nodes[0].attributes.shape == .box)
    #expect(doc.nodes[0].attributes.fontColor == Color(hex: "#FFFFFF"))  // white on indigo
    #expect(doc.nodes[2].attributes.shape == .hexagon)
    #expect(doc.nodes[3].attributes.fontColor == Color(hex: "#000000"))  // black on pale grey
    // Every type has a distinct colour except where shapes separate them.
    let styles = ActorType.allCases.map(ActorTypeStyle.of)
    #expect(Set(styles.map(\.fill)).count == ActorType.allCases.count)
  }

  @Test func colourByAttributeUsesSortedValuesAndGreyForMissing() {
    let doc = StakeholderMap.document(for: sampleNetwork(), options: MapOptions(colorBy: "sector"))
    // Sorted: verwaltung < zivilgesellschaft → first two palette colours.
    #expect(doc.nodes[2].attributes.fillColor == Color(hex: Palette.categorical[0]))
    #expect(doc.nodes[1].attributes.fillColor == Color(hex: Palette.categorical[1]))
    #expect(doc.nodes[0].attributes.fillColor == Color(hex: Palette.neutral))
    #expect(doc.dot.contains("keine Angabe"))
  }

  @Test func sizeFollowsTheSquareRootOfTheValue() {
    var options = MapOptions()
    options.sizeValues = [4, 1, 0, 0]
    options.sizeLabel = "Grad"
    let doc = StakeholderMap.document(for: sampleNetwork(), options: options)
    let w0 = doc.nodes[0].attributes.width ?? 0
    let w1 = doc.nodes[1].attributes.width ?? 0
    let w2 = doc.nodes[2].attributes.width ?? 0
    #expect(w0 == 1.6)  // 0.5 + 1.1 · 1
    #expect(w1 == 1.05)  // 0.5 + 1.1 · √(1/4)
    #expect(w2 == 0.5)
    #expect(doc.dot.contains("Größe: Grad"))
  }

  @Test func tiesAreMergedPerPairAndStatusAndStyled() {
    let doc = StakeholderMap.document(for: sampleNetwork())
    // Ended ties are hidden by default: 6 relations, 5 lines (the directed funding tie and the
    // undirected cooperation between gwg and piano stay separate lines).
    #expect(doc.edges.count == 5)
    #expect(doc.isDirected)
    let funding = doc.edges[0]
    #expect(funding.attributes.direction == .forward)
    #expect(funding.attributes.penWidth == 4)  // 1 + 1.5 · log2(4)
    #expect(funding.attributes.tooltip?.contains("Die GWG unterstützt finanziell") == true)
    #expect(doc.edges[1].attributes.direction == EdgeAttributes.Direction.none)
    #expect(doc.edges[3].attributes.style == [.dashed])
    #expect(doc.edges[4].attributes.style == [.dotted])
    var withEnded = MapOptions()
    withEnded.statuses.insert(.ended)
    #expect(StakeholderMap.document(for: sampleNetwork(), options: withEnded).edges.count == 6)
  }

  @Test func legendNamesTypesPresentAndLineStyles() {
    let dot = StakeholderMap.document(for: sampleNetwork()).dot
    #expect(dot.contains("Wohnungsunternehmen"))
    #expect(dot.contains("Kommune"))
    #expect(!dot.contains("Forschung"))  // no research actor in the network
    #expect(dot.contains("geplante Beziehung"))
    #expect(dot.contains("gewünschte Beziehung"))
    let en = StakeholderMap.document(for: sampleNetwork(), options: MapOptions(language: .en)).dot
    #expect(en.contains("Housing company"))
    #expect(en.contains("planned tie"))
    let none = StakeholderMap.document(for: sampleNetwork(), options: MapOptions(legend: false))
    #expect(none.attributes.label == nil)
  }

  @Test func documentIsDeterministic() {
    let a = StakeholderMap.document(for: sampleNetwork()).dot
    let b = StakeholderMap.document(for: sampleNetwork()).dot
    #expect(a == b)
  }

  @Test func engineIsChosenBySizeAndShape() {
    var network = sampleNetwork()
    #expect(StakeholderMap.automaticEngine(for: network) == .neato)
    network.relations = network.relations.map { var r = $0; r.directed = true; return r }
    #expect(StakeholderMap.automaticEngine(for: network) == .dot)
    network.actors = (0..<401).map { Stakeholder(id: "x\($0)", name: "X", type: .other) }
    network.relations = []
    #expect(StakeholderMap.automaticEngine(for: network) == .sfdp)
  }

  /// fdp is not reproducible in-process on Graphviz 2.42 (LayoutEngine.fdp; the known issue
  /// is described in StakeMapGraphvizTests' DeterminismTests), so the automatic choice never
  /// returns it: small and large, directed and undirected, grouped, ego and plain views.
  @Test func automaticEngineIsNeverFdp() {
    var chosen = Set<LayoutEngine>()
    for size in [1, 4, 50, 400, 401, 601, 700] {
      for directed in [false, true] {
        let actors = (0..<size).map {
          Stakeholder(id: "x\($0)", name: "X \($0)", type: $0.isMultiple(of: 2) ? .network : .initiative)
        }
        let relations = (0..<max(0, size - 1)).map { Relation(from: $0, to: $0 + 1, directed: directed) }
        let network = Network(actors: actors, relations: relations)
        for grouped in [false, true] {
          for ego in [false, true] {
            var options = MapOptions()
            if grouped { options.clusterBy = .attribute("type") }
            if ego { options.ego = EgoView(actor: 0, radius: 2) }
            let engine = StakeholderMap.automaticEngine(for: network, options: options)
            #expect(engine != .fdp, "\(size) actors, directed \(directed), grouped \(grouped), ego \(ego)")
            #expect(StakeholderMap.engine(for: network, options: options) == engine)
            chosen.insert(engine)
          }
        }
      }
    }
    // The grid reaches every automatic choice, so the loop above is not vacuous.
    #expect(chosen == [.dot, .neato, .sfdp, .twopi])
  }

  @Test func rendersToSVGWithTheLegend() throws {
    let doc = StakeholderMap.document(for: sampleNetwork())
    let result = try Graphviz.render(doc, engine: .neato, format: .svg)
    let svg = String(decoding: result.bytes, as: UTF8.self)
    #expect(svg.contains("GWG Gelsenkirchen") || svg.contains("GWG"))
    #expect(svg.contains("Akteurstyp"))
  }

  @Test func textColourHasContrast() {
    #expect(Palette.textColor(on: "#332288") == "#FFFFFF")
    #expect(Palette.textColor(on: "#DDCC77") == "#000000")
    #expect(Palette.textColor(on: "#88CCEE") == "#000000")
  }
}
