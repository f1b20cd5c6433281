import StakeMapGraphviz
import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapMaps

/// What a tie is, on the map: its kind by colour, its status by line style, its strength by
/// width; and the legend explains every colour and shape drawn.
@Suite struct TieKindStyleTests {
  /// Two kinds between one pair (cooperation and space provision, both existing, weights 1 and
  /// 3), one planned funding tie, one desired advice tie, one ended membership.
  func network() -> Network {
    Network(
      info: NetworkInfo(title: "Arten", language: .de),
      actors: [
        Stakeholder(id: "wg", name: "Wohnungsgesellschaft", type: .housingCompany),
        Stakeholder(id: "ini", name: "Initiative", type: .initiative),
        Stakeholder(id: "stadt", name: "Stadt", type: .municipality),
        Stakeholder(id: "uni", name: "Hochschule", type: .research),
      ],
      relations: [
        Relation(from: 0, to: 1, kind: .cooperation),
        Relation(from: 1, to: 0, kind: .spaceProvision, weight: 3),
        Relation(from: 2, to: 1, kind: .funding, status: .planned),
        Relation(from: 3, to: 1, kind: .advice, status: .desired),
        Relation(from: 3, to: 2, kind: .membership, status: .ended),
      ])
  }

  @Test func eachKindIsALineOfItsColourAndStatusIsTheLineStyle() {
    var options = MapOptions()
    options.statuses.insert(.ended)
    let doc = StakeholderMap.document(for: network(), options: options)
    #expect(doc.edges.count == 5)
    let colours = doc.edges.map { $0.attributes.color?.description }
    #expect(colours == ["#555555", "#0072b2", "#e69f00", "#009e73", "#bbbbbb"])
    #expect(doc.edges.map(\.attributes.style) == [nil, nil, [.dashed], [.dotted], nil])
    // Strength: the stronger space provision is the wider line.
    #expect((doc.edges[1].attributes.penWidth ?? 0) > (doc.edges[0].attributes.penWidth ?? 0))
    // Distinct colours for all kinds, none the suggestion colour or the ended grey.
    let all = RelationKind.allCases.map(RelationKindStyle.color(of:))
    #expect(Set(all).count == RelationKind.allCases.count)
    #expect(!all.contains(StakeholderMap.suggestionColor))
    #expect(!all.contains("#BBBBBB"))
  }

  /// The legend's rows as text, with the colour of each glyph cell.
  func legendRows(_ doc: DOTGraph) -> [(glyph: String, colour: String?, text: String)] {
    guard case .html(let label)? = doc.attributes.label else { return [] }
    return label.rows.map { row in
      row.cells.count == 2
        ? (row.cells[0].text, row.cells[0].fontColor?.description, row.cells[1].text)
        : ("", nil, row.cells.first?.text ?? "")
    }
  }

  @Test func legendHasEveryKindDrawnInItsColourAndEveryFamilyShape() {
    let rows = legendRows(StakeholderMap.document(for: network()))
    let texts = rows.map(\.text)
    for (kind, label) in [
      (RelationKind.cooperation, "Kooperation"), (.spaceProvision, "Räume"), (.funding, "Förderung"),
      (.advice, "Beratung"),
    ] {
      let row = rows.first { $0.text == label }
      #expect(row?.colour == Color(hex: RelationKindStyle.color(of: kind))?.description, "\(label)")
    }
    // Ended ties are not drawn by default: membership is not in the legend.
    #expect(!texts.contains("Mitgliedschaft"))
    #expect(texts.contains("Farbe der Linie: Art der Beziehung"))
    #expect(texts.contains("Form: Typfamilie"))
    let families = rows.filter { ["▬", "●", "⬢", "▰", "⌂", "▤"].contains($0.glyph) }.map(\.text)
    #expect(families == ["Wohnungswirtschaft", "Kommune und Verwaltung", "Netzwerke und Initiativen", "Sonstige"])
    #expect(texts.contains("geplante Beziehung"))
    #expect(texts.contains("gewünschte Beziehung"))
    #expect(texts.contains("Linienstärke: Gewicht"))
  }

  @Test func shapesFollowTheTypeFamilies() {
    let doc = StakeholderMap.document(for: network())
    #expect(doc.nodes.map(\.attributes.shape) == [.box, .parallelogram, .hexagon, .note])
    for type in ActorType.allCases {
      #expect(ActorTypeStyle.of(type).shape == ActorFamily.of(type).shape)
      #expect(NodeAttributes.Shape(rawValue: ActorFamily.of(type).shape) != nil)
    }
    #expect(ActorFamily.allCases.map { $0.label(.de) } == [
      "Wohnungswirtschaft", "Soziale Organisationen und Wohlfahrt", "Kommune und Verwaltung",
      "Netzwerke und Initiativen", "Politik", "Sonstige",
    ])
  }
}
