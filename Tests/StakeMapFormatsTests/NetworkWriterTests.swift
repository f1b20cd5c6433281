import StakeMapText
import StakeMapModel
import Testing

@testable import StakeMapFormats

@Suite struct NetworkWriterTests {
  static let hostile = [
    "say \"hi\"", "back\\slash", "line\nbreak", "a: b", "x # y", "#start", "  leading",
    "trailing  ", "- dash", "Ärger über Öl", "emoji 😀🎉", "yes", "No", "null", "~", "1e3", "",
    "'single'", "\ttab", "@at", "%percent", "`tick", "[x]", "{y}", "a,b", "*star", "&amp",
    "!bang", "|pipe", ">gt", "?q", "true", "0x1F", ".inf", "on", "2016", "CR\r\nLF",
    "\u{85}nel", "line\u{2028}sep", "\u{FEFF}bom", "bell\u{7}", "esc\u{1B}", "nul\u{0}x",
    "del\u{7F}", "c1\u{9F}", "ends:", "key: value: more", "https://example.org/a?b=c#d", "C# und",
    "Straße 5", "日本語", "-", "---", "...", "<<", "=", "tab\tinside", "\\", "\"", "'", "\u{A0}nbsp",
  ]

  /// A network that uses every field, with the hostile strings wherever text goes.
  static func hostileNetwork() -> Network {
    let h = hostile
    var actors: [Stakeholder] = []
    let ids = ["a-1", "ä_ö", "2016", "1e3", "yes", "null", "true", "on", "x", "Ω_9"]
    for (i, id) in ids.enumerated() {
      var attributes: [String: String] = [:]
      for k in 0..<3 {
        attributes[h[(i * 3 + k) % h.count]] = h[(i * 5 + k + 1) % h.count]
      }
      attributes["sector"] = h[i]
      actors.append(
        Stakeholder(
          id: id, name: h[i % h.count], type: ActorType.allCases[i % ActorType.allCases.count],
          short: i % 2 == 0 ? h[(i + 7) % h.count] : nil, region: h[(i + 11) % h.count],
          tags: Array(h[i..<i + 3]),
          offers: [TopicClaim(topic: "t1", evidence: h[(i + 20) % h.count], source: "2016")],
          needs: i % 3 == 0 ? [TopicClaim(topic: "t-2", basis: .worldKnowledge)] : [],
          basis: i % 2 == 0 ? .protocolText : nil, note: h[(i + 30) % h.count],
          attributes: attributes))
    }
    let weights: [Double] = [1, 2, 2.5, 0.1, 1e-5, 1e20, 123456.789, 1.0 / 3, 7, 1e15]
    var relations: [Relation] = []
    for (i, weight) in weights.enumerated() {
      relations.append(
        Relation(
          from: i, to: (i + 1) % ids.count, directed: i % 2 == 1,
          kind: RelationKind.allCases[i % RelationKind.allCases.count], weight: weight,
          status: RelationStatus.allCases[i % RelationStatus.allCases.count],
          since: i % 2 == 0 ? h[(i + 40) % h.count] : nil, source: i % 3 == 0 ? "p" : nil,
          evidence: i % 3 == 0 ? h[(i + 44) % h.count] : nil,
          basis: Basis.allCases[i % 2], note: h[(i + 50) % h.count]))
    }
    return Network(
      info: NetworkInfo(
        title: "Titel: \"Wohnen\" # 1\nzweite Zeile", language: .en, description: h[3],
        region: "yes"),
      actors: actors, relations: relations,
      sources: [
        Source(
          id: "2016", title: h[0], date: "2022-11-28", place: h[5], publisher: h[6], file: h[7],
          url: h[47]),
        Source(id: "p", title: "", date: "2023"),
      ],
      events: [
        Event(
          id: "ws1", title: h[9], kind: .roundTable, date: "2022", place: h[10], source: "p",
          participants: [0, 3, 9], evidence: h[11]),
        Event(id: "e-2", title: "Treffen", kind: .other),
      ],
      topics: [
        Topic(id: "t1", de: h[12], en: h[13]),
        Topic(id: "t-2", de: "Räume", en: "Rooms"),
      ])
  }

  @Test(arguments: [NetworkFileFormat.yaml, .json])
  func roundTripKeepsEveryValue(format: NetworkFileFormat) throws {
    let network = Self.hostileNetwork()
    let text = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
    let result = read(text, file: "rt", format: format)
    // An attribute key close to a built-in key ('&amp' ~ 'name') is warned about, and kept.
    #expect(
      messages(result).filter { !$0.contains("warning: unknown key '") } == [])
    #expect(messages(result).count == 1)
    #expect(
      messages(result).first?.hasSuffix("warning: unknown key '&amp' (did you mean 'name'?)")
        == true)
    let back = try #require(result.network)
    #expect(withoutLocations(back) == network)
    // Writing what was read gives the same text: the output is deterministic.
    let again = format == .yaml ? NetworkWriter.yaml(back) : NetworkWriter.json(back)
    #expect(again == text)
  }

  @Test func eachHostileStringSurvivesAsNameAndAttribute() throws {
    for (i, text) in Self.hostile.enumerated() {
      let network = Network(
        info: NetworkInfo(title: text),
        actors: [
          Stakeholder(id: "a", name: text, type: .other, tags: [text], attributes: [text: text])
        ])
      for format in [NetworkFileFormat.yaml, .json] {
        let written = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
        let result = read(written, file: "s\(i)", format: format)
        #expect(
          result.diagnostics.allSatisfy { $0.severity == .warning },
          "\(format) \(text.debugDescription)")
        #expect(
          result.network.map(withoutLocations) == network, "\(format) \(text.debugDescription)")
      }
    }
  }

  @Test func yamlOutputIsExact() {
    let network = Network(
      info: NetworkInfo(title: "Wohnen in Dresden", language: .de),
      actors: [
        Stakeholder(
          id: "nwid", name: "Netzwerk Neues Wohnen", type: .network, short: "NWID",
          tags: ["wohnen", "yes"],
          offers: [TopicClaim(topic: "t", evidence: "„Zitat“: ja", source: "p")],
          attributes: ["sector": "wohnungswirtschaft", "founded": "2011"]),
        Stakeholder(id: "lhd", name: "Landeshauptstadt Dresden", type: .municipality),
      ],
      relations: [
        Relation(from: 0, to: 1, kind: .cooperation),
        Relation(
          from: 1, to: 0, directed: true, kind: .funding, weight: 2.5, status: .planned,
          since: "2016"),
      ],
      sources: [Source(id: "p", title: "Protokoll")],
      topics: [Topic(id: "t", de: "Thema", en: "Topic")])
    #expect(
      NetworkWriter.yaml(network) == """
        network:
          title: Wohnen in Dresden
          language: de
        sources:
          - id: p
            title: Protokoll
        topics:
          - id: t
            de: Thema
            en: Topic
        actors:
          - id: nwid
            name: Netzwerk Neues Wohnen
            type: network
            short: NWID
            tags: [wohnen, "yes"]
            offers:
              - topic: t
                evidence: "„Zitat“: ja"
                source: p
            founded: "2011"
            sector: wohnungswirtschaft
          - id: lhd
            name: Landeshauptstadt Dresden
            type: municipality
        relations:
          - between: [nwid, lhd]
            kind: cooperation
          - from: lhd
            to: nwid
            kind: funding
            weight: 2.5
            status: planned
            since: "2016"

        """)
    #expect(
      NetworkWriter.json(network) == """
        {
          "network": {"title": "Wohnen in Dresden", "language": "de"},
          "sources": [
            {"id": "p", "title": "Protokoll"}
          ],
          "topics": [
            {"id": "t", "de": "Thema", "en": "Topic"}
          ],
          "actors": [
            {"id": "nwid", "name": "Netzwerk Neues Wohnen", "type": "network", "short": "NWID", \
        "tags": ["wohnen", "yes"], "offers": [{"topic": "t", "evidence": "„Zitat“: ja", "source": "p"}], \
        "founded": "2011", "sector": "wohnungswirtschaft"},
            {"id": "lhd", "name": "Landeshauptstadt Dresden", "type": "municipality"}
          ],
          "relations": [
            {"between": ["nwid", "lhd"], "kind": "cooperation"},
            {"from": "lhd", "to": "nwid", "kind": "funding", "weight": 2.5, "status": "planned", \
        "since": "2016"}
          ]
        }

        """)
  }

  @Test func emptyNetwork() {
    #expect(
      NetworkWriter.yaml(Network()) == "network:\n  title: \"\"\n  language: de\nactors: []\n")
    #expect(
      NetworkWriter.json(Network())
        == "{\n  \"network\": {\"title\": \"\", \"language\": \"de\"},\n  \"actors\": []\n}\n")
  }

  @Test(
    arguments: [
      (1.0, "1"), (2, "2"), (2.5, "2.5"), (0.1, "0.1"), (1.0 / 3, "0.3333333333333333"),
      (1e-5, "1e-05"), (1e15, "1000000000000000"), (1e16, "1e+16"),
      (123_456_789_012_345, "123456789012345"), (1e20, "1e+20"),
      (-3, "-3"),
    ] as [(Double, String)])
  func numbersAreShortestRoundTrip(value: Double, text: String) {
    #expect(NetworkWriter.format(value) == text)
    #expect(Double(text) == value)
  }

  @Test(arguments: [
    ("nwid", "nwid"), ("Ärger über Öl", "Ärger über Öl"), ("Straße 5", "Straße 5"),
    ("https://x.org/a#b", "https://x.org/a#b"), ("C# und F#", "C# und F#"), ("it's", "it's"),
    ("yes", "\"yes\""), ("Off", "\"Off\""), ("null", "\"null\""), ("1e3", "\"1e3\""),
    ("2016", "\"2016\""), ("", "\"\""), ("a: b", "\"a: b\""), ("x # y", "\"x # y\""),
    ("- x", "\"- x\""), (" x", "\" x\""), ("x ", "\"x \""), ("ends:", "\"ends:\""),
    ("😀", "\"😀\""), ("a\"b", "a\"b"), ("say \"hi\"\n", "\"say \\\"hi\\\"\\n\""),
    ("tab\there", "\"tab\\there\""), ("\u{85}", "\"\\N\""), ("\u{2028}", "\"\\L\""),
    ("\u{FEFF}", "\"\\uFEFF\""), ("\u{7F}", "\"\\x7F\""), ("\u{0}", "\"\\0\""),
    ("a,b", "\"a,b\""), ("[x]", "\"[x]\""), ("\\", "\"\\\\\""),
  ])
  func yamlQuotesOnlyWhenPlainWouldBeAmbiguous(text: String, written: String) {
    #expect(NetworkWriter.yamlScalar(text) == written)
  }

  @Test func jsonEscapes() {
    #expect(
      NetworkWriter.jsonString("a\"b\\c\n\t\u{1}\u{2028}ä😀")
        == "\"a\\\"b\\\\c\\n\\t\\u0001\\u2028ä😀\"")
  }

  @Test func attributesNamedLikeBuiltInKeysAreLeftOut() {
    let network = Network(
      actors: [Stakeholder(id: "a", name: "A", type: .other, attributes: ["name": "X", "zone": "Z"])])
    let text = NetworkWriter.yaml(network)
    #expect(text.contains("zone: Z"))
    #expect(!text.contains("name: X"))
  }
}
