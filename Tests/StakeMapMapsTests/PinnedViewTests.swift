import Foundation
import StakeMapGraphviz
import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapMaps

/// The Netzwerkkarte and the power/interest grid: computed, pinned positions.
@Suite struct PinnedViewTests {
  /// A hub (network) tied to one actor of each family; a second-step actor; an isolate.
  func network() -> Network {
    Network(
      info: NetworkInfo(title: "Karte", language: .de),
      actors: [
        Stakeholder(id: "hub", name: "Netzwerk", type: .network, attributes: ["rang": "1"]),
        Stakeholder(id: "wg", name: "Wohnungsgesellschaft", type: .housingCompany, attributes: ["rang": "2"]),
        Stakeholder(id: "sozial", name: "Sozialer Träger", type: .socialOrganization, attributes: ["rang": "10"]),
        Stakeholder(id: "stadt", name: "Stadt", type: .municipality),
        Stakeholder(id: "ini", name: "Initiative", type: .initiative),
        Stakeholder(id: "rat", name: "Stadtrat", type: .politics),
        Stakeholder(id: "uni", name: "Hochschule", type: .research),
        Stakeholder(id: "amt", name: "Amt", type: .publicAgency),
        Stakeholder(id: "allein", name: "Allein", type: .association),
      ],
      relations: (1...6).map { Relation(from: 0, to: $0) } + [Relation(from: 3, to: 7, kind: .funding)])
  }

  func positions(_ doc: DOTGraph) -> [String: (Double, Double)] {
    var out: [String: (Double, Double)] = [:]
    for node in doc.nodes {
      guard let p = node.attributes.position else { continue }
      out[node.id] = (p.x, p.y)
    }
    return out
  }

  @Test func focusInTheCentreFamiliesInFixedSectorsRingsByDistance() {
    var options = MapOptions()
    options.pinned = .netzwerkkarte(NetzwerkkarteView(focus: 0))
    let doc = StakeholderMap.document(for: network(), options: options)
    #expect(StakeholderMap.engine(for: network(), options: options) == .neato)
    let p = positions(doc)
    #expect(p["a0"]! == (0, 0))
    // Every actor pinned.
    for i in 0..<9 { #expect(p["a\(i)"] != nil, "a\(i)") }
    // Sector k spans clockwise from 12 o'clock: angle (from +y, clockwise) in [60k, 60k+60).
    func sector(_ id: String) -> Int {
      let (x, y) = p[id]!
      var degrees = atan2(x, y) * 180 / .pi
      if degrees < 0 { degrees += 360 }
      return Int(degrees / 60)
    }
    #expect(sector("a1") == ActorFamily.housing.rawValue)
    #expect(sector("a2") == ActorFamily.social.rawValue)
    #expect(sector("a3") == ActorFamily.administration.rawValue)
    #expect(sector("a7") == ActorFamily.administration.rawValue)
    #expect(sector("a4") == ActorFamily.networks.rawValue)
    #expect(sector("a5") == ActorFamily.politics.rawValue)
    #expect(sector("a6") == ActorFamily.other.rawValue)
    #expect(sector("a8") == ActorFamily.social.rawValue)
    // Rings: one step < two steps < not connected.
    func radius(_ id: String) -> Double { let (x, y) = p[id]!; return (x * x + y * y).squareRoot() }
    #expect(radius("a3") < radius("a7"))
    #expect(radius("a7") < radius("a8"))
    // Sector labels in the fixed order, ring labels, the six dividers.
    let labels = doc.nodes.filter { $0.id.hasPrefix("sm_sector") }.compactMap { node -> String? in
      if case .text(let text, _)? = node.attributes.label { return text }
      return nil
    }
    #expect(labels == ActorFamily.allCases.map { $0.label(.de) })
    #expect(doc.edges.filter { $0.from == "sm_centre" }.count == 6)
    let rings = doc.nodes.filter { $0.id.hasPrefix("sm_ringlabel") }.compactMap { node -> String? in
      if case .text(let text, _)? = node.attributes.label { return text }
      return nil
    }
    #expect(rings == ["1 Schritt", "2 Schritte", "nicht verbunden"])
  }

  @Test func sameDataSameMapAndRingsByAttribute() throws {
    var options = MapOptions()
    options.pinned = .netzwerkkarte(NetzwerkkarteView(focus: 0, rings: .attribute("rang")))
    let a = StakeholderMap.document(for: network(), options: options).dot
    #expect(a == StakeholderMap.document(for: network(), options: options).dot)
    let doc = StakeholderMap.document(for: network(), options: options)
    let rings = doc.nodes.filter { $0.id.hasPrefix("sm_ringlabel") }.compactMap { node -> String? in
      if case .text(let text, _)? = node.attributes.label { return text }
      return nil
    }
    // Numbers in numeric order (2 before 10), then the ring of actors without a value.
    #expect(rings == ["rang = 2", "rang = 10", "ohne rang"])
    // The rendered SVG keeps the pinned places: the same bytes twice.
    let svg1 = try StakeholderMap.render(network(), options: options, format: .svg).bytes
    let svg2 = try StakeholderMap.render(network(), options: options, format: .svg).bytes
    #expect(svg1 == svg2)
    // Graphviz kept the pins: the rim and every ring circle, all pinned at the origin, share
    // one centre in the drawing (neato's own layout would spread them apart).
    let text = String(decoding: svg1, as: UTF8.self)
    func centre(_ id: String) -> String? {
      guard let r = text.firstRange(of: "<title>\(id)</title>") else { return nil }
      let rest = text[r.upperBound...]
      guard let cx = rest.firstRange(of: "cx=\""), let cy = rest.firstRange(of: "cy=\"") else { return nil }
      return String(rest[cx.upperBound...].prefix { $0 != "\"" }) + "," + String(rest[cy.upperBound...].prefix { $0 != "\"" })
    }
    let rim = try #require(centre("sm_rim"))
    #expect(centre("sm_ring1") == rim)
    #expect(centre("sm_ring3") == rim)
  }

  @Test func gridPlacesRatedActorsByInterestAndInfluence() {
    var options = MapOptions()
    options.pinned = .grid(
      PowerInterestView(
        ratings: [
          .init(influence: 5, interest: 5), .init(influence: 1, interest: 1), nil,
          .init(influence: 5, interest: 1), nil, nil, nil, nil, nil,
        ],
        disagreements: [1: "Einfluss laut Einstufung 1, Netzwerkposition 4"]))
    let doc = StakeholderMap.document(for: network(), options: options)
    #expect(doc.edges.isEmpty)
    let p = positions(doc)
    #expect(p["a0"]!.0 > p["a1"]!.0)  // more interest: further right
    #expect(p["a0"]!.1 > p["a1"]!.1)  // more influence: higher
    #expect(p["a3"]!.1 == p["a0"]!.1 && p["a3"]!.0 < p["a0"]!.0)
    // The unrated below the grid.
    #expect(p["a2"]!.1 < p["a1"]!.1)
    // Quadrant names; the disagreeing actor outlined with its note.
    let texts = doc.nodes.compactMap { node -> String? in
      if case .text(let text, _)? = node.attributes.label { return text }
      return nil
    }
    for name in ["Eng einbinden", "Zufriedenstellen", "Informiert halten", "Beobachten"] {
      #expect(texts.contains(name), "\(name)")
    }
    let flagged = doc.nodes.first { $0.id == "a1" }!
    #expect(flagged.attributes.penWidth == StakeholderMap.highlightPenWidth)
    #expect(flagged.attributes.tooltip?.contains("Netzwerkposition 4") == true)
    #expect(doc.dot.contains("Einstufung und Netzwerkposition weichen ab"))
    // No tie legend on the grid.
    #expect(!doc.dot.contains("Art der Beziehung"))
  }

  @Test func hubIsTheActorWithMostPartners() {
    #expect(StakeholderMap.hub(of: network()) == 0)
    #expect(StakeholderMap.hub(of: Network()) == nil)
  }
}
