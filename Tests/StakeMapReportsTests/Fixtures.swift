import StakeMapMaps
import StakeMapModel

@testable import StakeMapGaps
@testable import StakeMapReports
import StakeMapText

/// Networks and a hand-made gap analysis for the report tests. The gap analysis is built by
/// hand so that the report's formatting is tested independently of the gap algorithms.
enum Fixtures {
  /// Strings that try to inject markup or script into HTML, SVG or Markdown.
  static let hostile = [
    "<script>document.body.setAttribute('data-pwned','1')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
    "javascript:document.body.setAttribute('data-pwned','1')",
    "</style><style>body{display:none}</style>",
    "--><script>alert(1)</script><!--",
    "\" onmouseover=\"alert(1)\" x=\"",
    "' onfocus='alert(1)' autofocus='",
    "*bold* _em_ [link](http://evil.example) <b>|pipe|</b> # `code` ![img](y)",
    "&amp; &lt;b&gt; &#60;script&#62;",
    "]]></desc><script>alert(2)</script>",
  ]

  /// A path a – b – c – d, and e tied to d by a planned tie only:
  /// b and c are cut points, a–b, b–c and c–d bridges. a needs rooms, e offers them.
  static func network(language: Language = .de, hostile: Bool = false) -> Network {
    func h(_ k: Int, _ normal: String) -> String { hostile ? Fixtures.hostile[k % Fixtures.hostile.count] + " " + normal : normal }
    return Network(
      info: NetworkInfo(
        title: h(0, "Wohnen in Teststadt"), language: language,
        description: h(4, "Ein kleines Netz für Tests."), region: "Teststadt"),
      actors: [
        Stakeholder(
          id: "a", name: h(0, "Stadt Teststadt"), type: .municipality, region: "Teststadt",
          needs: [TopicClaim(topic: "rooms", evidence: h(1, "Wir brauchen Räume"), source: "s0")],
          attributes: ["sector": h(2, "verwaltung")]),
        Stakeholder(id: "b", name: h(1, "Netzwerk Wohnen"), type: .network, short: h(5, "NW"), note: h(6, "Eine Notiz")),
        Stakeholder(id: "c", name: h(2, "Genossenschaft Eins eG"), type: .cooperative, tags: [h(7, "genossenschaft")]),
        Stakeholder(id: "d", name: h(3, "Initiative Zwei"), type: .initiative),
        Stakeholder(
          id: "e", name: h(4, "Initiative Drei e.V."), type: .initiative,
          offers: [TopicClaim(topic: "rooms", evidence: h(8, "Wir haben Räume"), source: "s1")]),
      ],
      relations: [
        Relation(from: 0, to: 1, kind: .cooperation, source: "s0", evidence: h(5, "arbeiten eng zusammen")),
        Relation(from: 1, to: 2, directed: true, kind: .funding, weight: 2, source: "s1", evidence: h(9, "fördert die Genossenschaft")),
        Relation(from: 2, to: 3, kind: .cooperation, note: h(7, "seit Langem")),
        Relation(from: 3, to: 4, kind: .advice, status: .planned),
      ],
      sources: [
        Source(id: "s0", title: h(3, "Protokoll 1"), date: "2023-05-01", url: "https://example.org/p1"),
        Source(id: "s1", title: h(6, "Protokoll 2"), date: "2024-01-02", url: "javascript:alert(1)"),
      ],
      topics: [Topic(id: "rooms", de: h(8, "Räume"), en: h(8, "Rooms"))])
  }

  /// The gap analysis of ``network(language:hostile:)`` as the algorithms would give it, with
  /// one suggestion (a – d).
  static func gaps(_ network: Network, hostile: Bool = false) -> GapReport {
    let n = network.actors.count
    let needs = NeedsMatching(network: network) { source in
      // Hops along existing ties: a-b-c-d path, e alone.
      let d: [[Int?]] = [
        [0, 1, 2, 3, nil], [1, 0, 1, 2, nil], [2, 1, 0, 1, nil], [3, 2, 1, 0, nil], [nil, nil, nil, nil, 0],
      ]
      return d[source]
    }
    // Reasons are figures and actors; their sentences (with the actors' possibly hostile names)
    // come from the catalogue.
    let reasons = [
      Reason(kind: .shortensPaths, figures: [("shortened_pairs", 3), ("steps_saved", 4)], actors: []),
      Reason(
        kind: .sharedPartners,
        figures: [("common_neighbours", 2), ("adamic_adar", 1.44270), ("resource_allocation", 1)], actors: [1, 2]),
    ]
    return GapReport(
      network: network, options: GapOptions(language: network.info.language),
      structure: StructureSection(
        density: 0.3, components: [], transitivity: 0, averageClustering: 0,
        clustering: Array(repeating: 0, count: n), articulationPoints: [1, 2],
        bridges: [(0, 1), (1, 2), (2, 3)], localBridges: [], coreNumbers: Array(repeating: 1, count: n)),
      brokerage: BrokerageSection(
        constraint: Array(repeating: nil, count: n), effectiveSize: Array(repeating: nil, count: n),
        efficiency: Array(repeating: nil, count: n), hierarchy: Array(repeating: nil, count: n),
        roles: Array(repeating: BrokerageRoles(), count: n)),
      groups: GroupsSection(
        names: [], membership: Array(repeating: 0, count: n), observed: [], expected: [],
        eiIndex: [], eiOverall: nil, communities: [0, 0, 1, 1, 1], modularity: 0.12),
      fragility: FragilitySection(
        disconnectedPairs: [0, 2, 2, 0, 0], fragmentation: [0.4, 0.6, 0.6, 0.4, 0.4],
        distanceChange: Array(repeating: nil, count: n), distanceMethod: "exact", keyPlayers: []),
      needs: needs,
      suggestions: [Suggestion(a: 0, b: 3, score: 2.5, reasons: reasons)])
  }

  static func report(
    language: Language = .de, hostile: Bool = false, map: Bool = true, options: ReportOptions? = nil
  ) throws -> Report {
    let network = network(language: language, hostile: hostile)
    var reportOptions = options ?? ReportOptions(generator: "StakeMap test")
    reportOptions.includeMap = map
    return try Report.build(network: network, options: reportOptions, gaps: gaps(network, hostile: hostile))
  }
}
