import StakeMapGraphviz
import StakeMapModel
import Testing

@testable import StakeMapMaps

/// Maps from round to round: `--layout-from`, the diff map, and PNG resolution.
@Suite struct RoundsMapTests {
  static let old = Network(
    info: NetworkInfo(title: "Runde 1", language: .de),
    actors: [
      Stakeholder(id: "nwid", name: "Netzwerk Neues Wohnen", type: .network),
      Stakeholder(id: "lhd", name: "Landeshauptstadt Dresden", type: .municipality),
      Stakeholder(id: "gwg", name: "GWG", type: .housingCompany),
      Stakeholder(id: "piano", name: "piano e. V.", type: .association),
      Stakeholder(id: "woge", name: "WoGe Dresden eG", type: .cooperative),
      Stakeholder(id: "alt", name: "Alter Verein", type: .association),
    ],
    relations: [
      Relation(from: 0, to: 1), Relation(from: 0, to: 2), Relation(from: 2, to: 3, kind: .funding),
      Relation(from: 0, to: 4), Relation(from: 5, to: 1),
    ])

  /// The next round: one actor gone, one new, one with a new id, ties changed.
  static let new = Network(
    info: NetworkInfo(title: "Runde 2", language: .de),
    actors: [
      Stakeholder(id: "neu", name: "Neue Initiative", type: .initiative),
      Stakeholder(id: "nwid", name: "Netzwerk Neues Wohnen", type: .network),
      Stakeholder(id: "lhd", name: "Landeshauptstadt Dresden", type: .municipality),
      Stakeholder(id: "gwg", name: "GWG", type: .housingCompany),
      Stakeholder(id: "piano_ev", name: "Piano e.V.", type: .association),
      Stakeholder(id: "woge", name: "WoGe Dresden eG", type: .cooperative),
    ],
    relations: [
      Relation(from: 1, to: 2), Relation(from: 1, to: 3), Relation(from: 3, to: 4, kind: .funding),
      Relation(from: 0, to: 1), Relation(from: 0, to: 5), Relation(from: 4, to: 5),
    ])

  /// Node centres by name (the SVG's titles are names after SVGAccessibility).
  static func centres(_ rendering: StakeholderMap.Rendering) -> [String: (x: Double, y: Double)] {
    LayoutReuse.centres(svg: String(decoding: rendering.bytes, as: UTF8.self))
  }

  @Test func layoutFromKeepsEveryMatchedActorInPlace() throws {
    let options = MapOptions(language: .de)
    let before = Self.centres(try StakeholderMap.render(Self.old, options: options, format: .svg))
    let kept = Self.centres(try LayoutReuse.render(Self.new, from: Self.old, options: options, format: .svg))
    let fresh = Self.centres(try StakeholderMap.render(Self.new, options: options, format: .svg))
    // Shared actors, "piano" included (matched by name): same offsets from NWID, to 1 pt.
    let shared = ["Landeshauptstadt Dresden", "GWG", "WoGe Dresden eG"]
    func offsets(_ c: [String: (x: Double, y: Double)], _ piano: String) -> [(Double, Double)] {
      let hub = c["Netzwerk Neues Wohnen"]!
      return (shared + [piano]).map { (c[$0]!.x - hub.x, c[$0]!.y - hub.y) }
    }
    let a = offsets(before, "piano e. V.")
    let b = offsets(kept, "Piano e.V.")
    for (p, q) in zip(a, b) {
      #expect(abs(p.0 - q.0) <= 1 && abs(p.1 - q.1) <= 1, "\(p) vs \(q)")
    }
    #expect(kept["Neue Initiative"] != nil)
    // Without --layout-from the new version is laid out afresh (the check is not blind).
    let c = offsets(fresh, "Piano e.V.")
    #expect(zip(a, c).contains { abs($0.0 - $1.0) > 1 || abs($0.1 - $1.1) > 1 })
  }

  @Test func diffMapDrawsTheUnionWithAddedAndRemovedMarked() throws {
    let diff = NetworkDiff(old: Self.old, new: Self.new)
    let union = DiffMap.union(diff)
    #expect(union.network.actors.map(\.id) == ["neu", "nwid", "lhd", "gwg", "piano_ev", "woge", "alt"])
    #expect(union.added == [true, false, false, false, false, false, false])
    #expect(union.removed == [false, false, false, false, false, false, true])
    let svg = String(
      decoding: try DiffMap.render(diff, options: MapOptions(language: .en), format: .svg).bytes, as: UTF8.self)
    #expect(svg.contains("Changes") && svg.contains("added (actor: green outline)"))
    #expect(svg.contains("removed (grey, dashed)"))
    // The removed actor is drawn once, dashed grey; the new one with the green outline.
    #expect(svg.components(separatedBy: "Alter Verein").count > 1)
    #expect(svg.lowercased().contains("stroke=\"#009e73\" stroke-width=\"3.5\""))
    #expect(svg.lowercased().contains("stroke=\"#8c8c8c\" stroke-width=\"1.5\" stroke-dasharray"))
  }

  @Test func pngStatesItsResolution() throws {
    let png = try StakeholderMap.render(Self.old, options: MapOptions(), format: .png).bytes
    #expect(PNGDensity.dpi(of: png).map { ($0 * 10).rounded() / 10 } == 300)
    #expect(PNGDensity.dpi(of: PNGDensity.setting(dpi: 150, in: png)).map { $0.rounded() } == 150)
    // One pHYs chunk, right after IHDR; its CRC is the PNG one (CRC-32 of "IEND" is AE426082).
    #expect(String(decoding: png[37..<41], as: UTF8.self) == "pHYs")
    #expect(PNGDensity.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    #expect(PNGDensity.setting(dpi: 300, in: png) == png)
  }
}
