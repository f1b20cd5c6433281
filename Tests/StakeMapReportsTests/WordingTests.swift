import Foundation
import StakeMapFormats
import StakeMapGaps
import StakeMapModel
import Testing

@testable import StakeMapReports
import StakeMapText

/// Every generated word of the reports and the gaps text is in the report's language: no
/// English in a German report (and no German in an English one), and every measure they name
/// is explained in one plain sentence.
@Suite struct WordingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// English words and phrases that German output used to show (and must not): figure keys,
  /// jargon, status words, labels.
  static let english = [
    "needs", "newly connected", "pairs", "groups tied", "common neighbours", "adamic",
    "resource allocation", "planned", "desired", "community", "communities", "score", "(type)",
    "constraint", "liaison", "gatekeeper", "clustering", "shortened", "steps saved", "cut point",
    "key players", "E-I index", "Terms", "Summary", "Findings", " and ", " the ", " with ",
  ]

  /// German words of the catalogue that English output must not show.
  static let german = [
    "Bedarf", "Teilgruppe", "Beziehung", "Einschränkung", "Zusammenfassung", "Lücken", "Akteure",
    "Wert ", " und ", "Schritte", "verbindet", "gemeinsame", "Quelle:", "geplant", "gewünscht",
    "Gruppen", "Begriffe", "Netzwerkbericht", "Vorschl", "Brücke", "Fragmentierung",
  ]

  /// The Dresden network without its free-text notes (data written in English by its author,
  /// not generated words).
  static func dresden() throws -> Network {
    var network = try NetworkReader.load(path: root.appendingPathComponent("Graphs/dresden/dresden.yaml").path).network
    for i in network.actors.indices { network.actors[i].note = nil }
    for i in network.relations.indices { network.relations[i].note = nil }
    return network
  }

  /// The fixture network with a real gap analysis (so every reason kind with its figures can
  /// appear).
  static func fixture(_ language: Language) -> Network {
    var network = Fixtures.network(language: language)
    network.actors[0].note = nil
    network.actors[1].note = nil
    for i in network.relations.indices { network.relations[i].note = nil }
    return network
  }

  /// The visible text of the HTML without the embedded map (its words are StakeMapMaps'),
  /// style and script; the Markdown; and the gaps text of `network` in `language`.
  static func outputs(_ network: Network, _ language: Language) throws -> [(String, String)] {
    let report = try Report.build(
      network: network, options: ReportOptions(language: language, gaps: GapOptions(groupBy: "type")))
    var html = report.html()
    for (start, end) in [("<svg", "</svg>"), ("<style>", "</style>"), ("<script>", "</script>")] {
      while let open = html.firstRange(of: start), let close = html[open.upperBound...].firstRange(of: end) {
        html.removeSubrange(open.lowerBound..<close.upperBound)
      }
    }
    // The text a reader sees: markup (ids, classes, attributes such as data-topic="needs") out.
    var visible = ""
    var inTag = false
    for c in html {
      if c == "<" { inTag = true } else if c == ">" { inTag = false; visible.append(" ") } else if !inTag { visible.append(c) }
    }
    html = visible
    let gaps = GapReport.compute(network: network, options: GapOptions(language: language))
    return [
      ("html", html), ("markdown", report.markdown(mapFiles: MarkdownMapFiles(svg: "m.svg", png: "m.png"))),
      ("gaps text", gaps.text(language: language)),
    ]
  }

  static func words(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
  }

  @Test func germanOutputHasNoEnglish() throws {
    for network in [try Self.dresden(), Self.fixture(.de)] {
      for (name, text) in try Self.outputs(network, .de) {
        for word in Self.english {
          let found = text.range(of: word, options: .caseInsensitive)
          let start = found.map { text.index($0.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex }
          let context: String = found.map { String(text[start!..<$0.upperBound]) } ?? ""
          #expect(found == nil, "\(name) says \(word.debugDescription): \(context)")
        }
      }
    }
  }

  @Test func englishOutputHasNoGerman() throws {
    for (name, text) in try Self.outputs(Self.fixture(.en), .en) {
      for word in Self.german {
        #expect(!text.contains(word), "\(name) says \(word.debugDescription)")
      }
    }
  }

  @Test(arguments: Language.allCases)
  func everyMeasureNamedIsExplained(_ language: Language) throws {
    let w = Words(language)
    let all = GapReport.glossary(w)
    #expect(all.count >= 14)
    for (name, text) in try Self.outputs(try Self.dresden(), language) {
      let terms = name == "gaps text" ? GapReport.glossary(w, suggestionFigures: false) : all
      for (term, meaning) in terms {
        // Markdown escapes brackets and the text report wraps lines: compare the words only.
        let plain = Self.words(text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "&#39;", with: "'"))
        #expect(plain.contains(Self.words(term)), "\(name): \(term) not explained")
        #expect(plain.contains(Self.words(meaning)), "\(name): \(term) not explained")
      }
    }
  }

  /// Figures are labelled by key (`gaps.figure.KEY`, `gaps.reason_figure.KEY`): every key has
  /// its phrase, so no label falls back to the key.
  @Test func everyFigureKeyHasAPhrase() throws {
    let network = try Self.dresden()
    let report = GapReport.compute(network: network)
    var keys = Set<String>()
    for s in report.suggestions { for r in s.reasons { for (key, _) in r.figures { keys.insert(key) } } }
    #expect(keys.count >= 5)
    for key in keys { #expect(Phrase(rawValue: "gaps.reason_figure." + key) != nil, "\(key)") }
    let comparison = ScenarioComparison(scenario: Scenario(title: "x", additions: Network()), before: report, after: report)
    #expect(comparison.rows.count == 18)
    for row in comparison.rows { #expect(Phrase(rawValue: "gaps.figure." + row.key) != nil, "\(row.key)") }
  }
}
