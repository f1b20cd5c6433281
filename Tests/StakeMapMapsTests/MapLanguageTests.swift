import Foundation
import StakeMapGraphviz
import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapMaps

/// A German map has no English words and an English map no German ones: legend, tooltips,
/// cluster boxes, the SVG's `<title>` and `<desc>`. Names and values in the network are chosen
/// so that they contain none of the markers; the network itself is German, so an English map
/// must not take the relation kinds (or anything else) from the network's language.
@Suite struct MapLanguageTests {
  static let network = Network(
    info: NetworkInfo(title: "Alpha", language: .de),
    actors: [
      Stakeholder(id: "a", name: "Alpha", type: .housingCompany, attributes: ["sector": "x1"]),
      Stakeholder(id: "b", name: "Beta", type: .association, attributes: ["sector": "x2"]),
      Stakeholder(id: "c", name: "Gamma", type: .municipality, basis: .worldKnowledge),
      Stakeholder(id: "d", name: "Delta", type: .other, attributes: ["sector": "x1"]),
      Stakeholder(id: "e", name: "Epsilon", type: .initiative),
    ],
    relations: [
      Relation(from: 0, to: 1, directed: true, kind: .funding, weight: 3, source: "s1", evidence: "Quo"),
      Relation(from: 1, to: 2, kind: .cooperation),
      Relation(from: 2, to: 3, kind: .cooperation, status: .planned),
      Relation(from: 3, to: 4, kind: .advice, status: .desired),
      Relation(from: 0, to: 4, kind: .other, status: .ended),
    ],
    events: [Event(id: "w1", title: "W1", participants: [0, 2, 3])])

  /// Several views, so that every legend line, tooltip and sentence is drawn at least once.
  static func views(_ language: Language) -> [MapOptions] {
    var full = MapOptions(colorBy: "sector", language: language)
    full.statuses.insert(.ended)
    full.coParticipation = true
    full.sizeValues = [3, 2, 2, 1, 1]
    full.sizeLabel = Words(language)(.metricDegree)
    full.highlightedActors = [2]
    full.suggestedTies = [SuggestedTie(a: 0, b: 3, label: "V1")]
    var boxes = MapOptions(language: language)
    boxes.clusterBy = .attribute("type")
    var part = MapOptions(language: language)
    part.ego = EgoView(actor: 2, radius: 2)
    part.filters = [AttributeFilter(key: "sector", value: "x1"), AttributeFilter(key: "sector", value: "x2")]
    var colouredGroups = MapOptions(engine: .neato, language: language)
    colouredGroups.clusterBy = .attribute("type")
    return [full, boxes, part, colouredGroups]
  }

  /// Every text a reader of the SVG meets: element text, titles, tooltips, the description.
  static func readerText(_ language: Language) throws -> String {
    var texts: [String] = []
    for options in views(language) {
      texts.append(StakeholderMap.accessibleTitle(for: network, options: options))
      texts.append(StakeholderMap.description(for: network, options: options))
      let svg = String(
        decoding: try StakeholderMap.render(network, options: options, format: .svg).bytes,
        as: UTF8.self)
      texts += Self.visibleText(svg)
    }
    return texts.joined(separator: "\n")
  }

  /// Text content of elements and the values of `xlink:title` (tooltips).
  static func visibleText(_ svg: String) -> [String] {
    var out: [String] = []
    var rest = Substring(svg)
    while let close = rest.firstIndex(of: ">") {
      rest = rest[rest.index(after: close)...]
      let text = rest.prefix { $0 != "<" }
      if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(String(text)) }
    }
    for part in svg.components(separatedBy: "xlink:title=\"").dropFirst() {
      out.append(String(part.prefix { $0 != "\"" }))
    }
    return out
  }

  static let englishMarkers = [
    "planned", "desired", "ended", "existing", "stakeholder map", "tie", "actor", "shared event",
    "size", "boxes", "cut point", "world knowledge", "no value", "colour", "most partners",
    "lines", "dashed", "dotted", "surroundings", "only", "step", "degree", "weight",
    "housing company", "cooperation", "funding", "advice", "cluster",
  ]

  static let germanMarkers = [
    "geplant", "gewünscht", "beendet", "bestehend", "akteurslandkarte", "beziehung", "akteur",
    "veranstaltung", "größe", "kästen", "schlüsselakteur", "weltwissen", "keine angabe",
    "farbe", "meisten", "linien", "gestrichelt", "gepunktet", "umfeld", "nur:", "schritt",
    "grad", "gewicht", "wohnungsunternehmen", "kooperation", "förderung", "beratung", "„", " oder ",
  ]

  @Test func aGermanMapHasNoEnglishWords() throws {
    let text = try Self.readerText(.de).lowercased()
    let found = Self.englishMarkers.filter { text.contains($0) }
    #expect(found.isEmpty, "English in the German map: \(found)\n\(text)")
    // And it does say what the English one says, in German.
    for word in ["geplant", "gewünscht", "akteurslandkarte", "gemeinsame veranstaltung", "weltwissen"] {
      #expect(text.contains(word), "\(word)")
    }
  }

  @Test func anEnglishMapHasNoGermanWords() throws {
    let text = try Self.readerText(.en).lowercased()
    let found = Self.germanMarkers.filter { text.contains($0) }
    #expect(found.isEmpty, "German in the English map: \(found)\n\(text)")
    for word in ["planned", "desired", "stakeholder map", "shared event", "world knowledge"] {
      #expect(text.contains(word), "\(word)")
    }
  }
}
