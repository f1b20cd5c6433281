import StakeMapText
import StakeMapModel
import Testing

@testable import StakeMapFormats

/// Every rule of docs/FORMAT.md, with the exact message, line and column it reports.
@Suite struct NetworkDecoderTests {
  static let types =
    "housing_company, cooperative, social_organization, municipality, public_agency, network, "
    + "initiative, association, politics, research, other"
  static let kinds =
    "cooperation, funding, space_provision, personnel, advice, membership, referral, "
    + "participation, knowledge_transfer, other"

  /// shared/SPEC.md §1, verbatim.
  static let specExample = """
    network:
      title: Gemeinschaftliches Wohnen in Dresden
      language: de                  # de | en: language of generated text
    actors:
      - id: nwid                    # required, unique; letters, digits, '-', '_'
        name: Netzwerk Neues Wohnen Dresden   # required, any Unicode
        type: network               # required; vocabulary below
        # optional: short, region, tags, offers, needs, ...
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipality
    relations:
      - between: [nwid, lhd]        # an undirected tie ...
        kind: cooperation
      - from: gwg                   # ... or a directed one
        to: piano
        kind: funding
        weight: 2                   # optional, default 1; tie STRENGTH, finite and > 0
        # optional: status (existing | planned | desired), source, evidence, since, ...

    """

  // MARK: - Files that load

  @Test func specExampleReportsOnlyTheActorsItDoesNotDeclare() {
    // The SPEC's relations name gwg and piano, which its short actor list leaves out.
    let result = read(Self.specExample)
    #expect(result.network == nil)
    #expect(
      messages(result) == [
        "15:11: error: unknown actor id \"gwg\" in 'from'",
        "16:9: error: unknown actor id \"piano\" in 'to'",
      ])
  }

  @Test func specExampleLoadsWithItsActorsDeclared() throws {
    let text = Self.specExample.replacing(
      "relations:\n",
      with: """
          - {id: gwg, name: GWG Dresden, type: cooperative}
          - {id: piano, name: Piano e.V., type: association}
        relations:

        """)
    let result = read(text, file: "spec.yaml")
    #expect(messages(result) == [])
    let network = try #require(result.network)
    #expect(
      network.info == NetworkInfo(title: "Gemeinschaftliches Wohnen in Dresden", language: .de))
    #expect(network.actors.map(\.id) == ["nwid", "lhd", "gwg", "piano"])
    #expect(network.actors.map(\.type) == [.network, .municipality, .cooperative, .association])
    #expect(network.actors[0].name == "Netzwerk Neues Wohnen Dresden")
    #expect(network.actors[0].location == FileLocation(file: "spec.yaml", line: 5, column: 5))
    #expect(network.actors[3].location == FileLocation(file: "spec.yaml", line: 13, column: 5))
    #expect(network.relations.count == 2)
    let tie = network.relations[0]
    #expect(
      (tie.from, tie.to, tie.directed, tie.kind, tie.weight) == (0, 1, false, .cooperation, 1))
    #expect(tie.status == .existing)
    let funding = network.relations[1]
    #expect((funding.from, funding.to, funding.directed) == (2, 3, true))
    #expect((funding.kind, funding.weight) == (.funding, 2))
    #expect(funding.location == FileLocation(file: "spec.yaml", line: 17, column: 5))
  }

  @Test func everyKeyOfTheFormatIsRead() throws {
    let text = """
      network:
        title: Gemeinschaftliches Wohnen in Dresden
        language: en
        description: Wer mit wem
        region: Dresden

      sources:
        - id: p000
          title: "Workshop 1 „Der Weg zur Koordinationsstelle …“ im Rückblick"
          date: 2022-11-28
          place: Sozialamt Dresden
          publisher: Netzwerk Neues Wohnen Dresden
          file: 000_3caed95846010113.txt
          url: https://example.org/ws1
        - id: p004
          title: Runder Tisch
          date: 2023

      topics:
        - id: group_support
          de: Begleitung von Wohngruppen
          en: Support for housing groups

      events:
        - id: ws1
          title: Workshop 1
          kind: round_table
          date: 2022-11-28
          place: Sozialamt Dresden
          source: p000
          participants: [nwid, lhd]
          evidence: "Workshop"

      actors:
        - id: nwid
          name: Netzwerk Neues Wohnen Dresden
          type: network
          short: NWID
          region: Dresden
          tags: [wohnprojekte, beratung]
          basis: protocol
          note: Koordiniert
          offers:
            - topic: group_support
              evidence: "begleitet Gruppen"
              source: p000
              basis: protocol
          needs: []
          sector: wohnungswirtschaft
          founded: 2011
        - id: lhd
          name: Landeshauptstadt Dresden
          type: municipality
          needs:
            - topic: group_support
          basis: world_knowledge
        - {id: gwg, name: GWG, type: cooperative}
        - {id: piano, name: Piano, type: initiative}

      relations:
        - between: [nwid, lhd]
          kind: cooperation
        - from: gwg
          to: piano
          kind: funding
          weight: 2.5
          status: planned
          since: 2016
          source: p004
          evidence: "Die GWG unterstützt finanziell"
          basis: protocol
          note: jährlich

      """
    let result = read(text)
    #expect(messages(result) == [])
    let network = try #require(result.network)
    #expect(
      network.info
        == NetworkInfo(
          title: "Gemeinschaftliches Wohnen in Dresden", language: .en, description: "Wer mit wem",
          region: "Dresden"))
    #expect(
      withoutLocations(network).sources == [
        Source(
          id: "p000", title: "Workshop 1 „Der Weg zur Koordinationsstelle …“ im Rückblick",
          date: "2022-11-28", place: "Sozialamt Dresden",
          publisher: "Netzwerk Neues Wohnen Dresden",
          file: "000_3caed95846010113.txt", url: "https://example.org/ws1"),
        Source(id: "p004", title: "Runder Tisch", date: "2023"),
      ])
    #expect(network.sources[1].location == FileLocation(file: "t.yaml", line: 15, column: 5))
    #expect(
      withoutLocations(network).topics == [
        Topic(
          id: "group_support", de: "Begleitung von Wohngruppen", en: "Support for housing groups")
      ])
    #expect(
      withoutLocations(network).events == [
        Event(
          id: "ws1", title: "Workshop 1", kind: .roundTable, date: "2022-11-28",
          place: "Sozialamt Dresden", source: "p000", participants: [0, 1], evidence: "Workshop")
      ])
    #expect(network.events[0].location == FileLocation(file: "t.yaml", line: 25, column: 5))
    #expect(
      withoutLocations(network).actors[0]
        == Stakeholder(
          id: "nwid", name: "Netzwerk Neues Wohnen Dresden", type: .network, short: "NWID",
          region: "Dresden", tags: ["wohnprojekte", "beratung"],
          offers: [
            TopicClaim(
              topic: "group_support", evidence: "begleitet Gruppen", source: "p000",
              basis: .protocolText)
          ], needs: [], basis: .protocolText, note: "Koordiniert",
          attributes: ["sector": "wohnungswirtschaft", "founded": "2011"]))
    #expect(network.actors[1].needs == [TopicClaim(topic: "group_support")])
    #expect(network.actors[1].basis == .worldKnowledge)
    #expect(
      withoutLocations(network).relations == [
        Relation(from: 0, to: 1, directed: false, kind: .cooperation),
        Relation(
          from: 2, to: 3, directed: true, kind: .funding, weight: 2.5, status: .planned,
          since: "2016", source: "p004", evidence: "Die GWG unterstützt finanziell",
          basis: .protocolText, note: "jährlich"),
      ])
  }

  @Test func numbersAndBooleansAreTextWhereFreeTextIsExpected() throws {
    let result = read(
      """
      network:
        title: 2024
        description:
      actors:
        - id: a
          name: 12
          type: other
          note: ~
          tags:
          region: true
          short: '007'
        - {id: b, name: B, type: other, tags: [1, yes, 2.50]}
      relations:
        - between: [a, b]
          kind: advice
          since: 2016
          status:
        - from: a
          to: b
          kind: advice
          since: 2022-11-28
          note: 1.50

      """)
    #expect(messages(result) == [])
    let network = try #require(result.network)
    #expect(network.info.title == "2024")
    #expect(network.info.description == nil)
    let a = network.actors[0]
    #expect((a.name, a.note, a.tags, a.region, a.short) == ("12", nil, [], "true", "007"))
    #expect(network.actors[1].tags == ["1", "yes", "2.50"])
    #expect(network.relations[0].since == "2016")
    #expect(network.relations[0].status == .existing)
    #expect(network.relations[1].since == "2022-11-28")
    #expect(network.relations[1].note == "1.50")
  }

  @Test func weightsAcceptIntegersAndFloats() throws {
    let result = read(
      """
      actors: [{id: a, name: A, type: other}, {id: b, name: B, type: other}]
      relations:
        - {between: [a, b], kind: advice, weight: 2}
        - {between: [a, b], kind: advice, weight: 0.5}
        - {between: [a, b], kind: advice, weight: 1e3}
        - {between: [a, b], kind: advice, weight: 0x10}
        - {between: [a, b], kind: advice}

      """)
    #expect(messages(result) == [])
    #expect(try #require(result.network).relations.map(\.weight) == [2, 0.5, 1000, 16, 1])
  }

  @Test func aliasesCanShareRelations() throws {
    let result = read(
      """
      actors: [{id: a, name: A, type: other}, {id: b, name: B, type: other}]
      relations:
        - &tie {between: [a, b], kind: advice, weight: 3}
        - *tie

      """)
    #expect(messages(result) == [])
    #expect(try #require(result.network).relations.map(\.weight) == [3, 3])
  }

  @Test func networkSectionIsOptional() throws {
    let result = read("actors: []\n")
    #expect(messages(result) == [])
    #expect(try #require(result.network) == Network())
  }

  // MARK: - Errors, one rule at a time

  @Test func emptyFileAndWrongTopLevel() {
    #expect(
      messages(read("")) == [
        "1:1: error: the file is empty: expected a mapping with 'network', 'actors' and 'relations'"
      ])
    #expect(
      messages(read("# nothing\n")) == [
        "1:1: error: the file is empty: expected a mapping with 'network', 'actors' and 'relations'"
      ])
    #expect(
      messages(read("- a\n- b\n")) == [
        "1:1: error: expected a mapping with 'network', 'actors' and 'relations' at the top level, "
          + "found a list"
      ])
    #expect(
      messages(read("\"just text\"", file: "t.json", format: .json)) == [
        "1:1: error: expected a mapping with 'network', 'actors' and 'relations' at the top level, "
          + "found the text \"just text\""
      ])
  }

  @Test func missingRequiredKeys() {
    let result = read(
      """
      network:
        language: en
      relations: []

      """)
    #expect(
      messages(result) == [
        "1:1: error: missing required key 'actors' (the list of actors) at the top level",
        "2:3: error: missing required key 'title' in 'network'",
      ])
    #expect(result.network == nil)
    #expect(
      messages(
        read(
          """
          actors:
            - id: a
            - name: B
              type: other
          sources: [{title: S}, {id: s}]
          topics: [{id: t, de: T}]
          events: [{title: E}]

          """)) == [
          "2:5: error: missing required key 'name' in actor \"a\"",
          "2:5: error: missing required key 'type' in actor \"a\"",
          "3:5: error: missing required key 'id' in an actor",
          "5:11: error: missing required key 'id' in a source",
          "5:23: error: missing required key 'title' in source \"s\"",
          "6:10: error: missing required key 'en' in topic \"t\"",
          "7:10: error: missing required key 'id' in an event",
        ])
  }

  @Test func valuesOfTheWrongType() {
    let result = read(
      """
      network: [T]
      actors:
        - id: [a]
          name: {x: 1}
          type: 3
        - id: 2016
          name: 2016
          type: other
          tags: ok
        - id: c
          name:
          type: ~
          offers: [group_support]
          region: [x]
      relations: 5
      sources: {a: 1}

      """)
    #expect(
      messages(result) == [
        "1:10: error: expected a mapping with 'title' for 'network', found a list",
        "3:9: error: expected an id for 'id', found a list",
        "4:11: error: expected text for 'name', found a mapping",
        "5:11: error: expected one of \(Self.types) for 'type', found the number 3",
        "6:9: error: expected an id (text) for 'id', found the number 2016; write it in quotes: "
          + "\"2016\"",
        "9:11: error: expected a list of text for 'tags', found the text \"ok\"",
        "11:9: error: expected text for 'name', found nothing",
        "12:11: error: expected one of \(Self.types) for 'type', found ~",
        "13:14: error: expected a mapping for an item of 'offers' (with 'topic'), found the text "
          + "\"group_support\"",
        "14:13: error: expected text for 'region', found a list",
        "15:12: error: expected a list of relations for 'relations', found the number 5",
        "16:10: error: expected a list of sources for 'sources', found a mapping",
      ])
  }

  @Test func duplicateIdsAndKeys() {
    let result = read(
      """
      sources:
        - id: s
          title: S
        - id: s
          title: S2
      topics:
        - {id: t, de: T, en: T}
        - {id: t, de: T, en: T}
      events:
        - {id: e, title: E}
        - {id: e, title: E}
      actors:
        - id: lhd
          name: A
          type: other
          name: B
        - id: lhd
          name: C
          type: other

      """)
    #expect(
      messages(result) == [
        "4:9: error: duplicate source id \"s\" (first declared at t.yaml:2:9)",
        "8:10: error: duplicate topic id \"t\" (first declared at t.yaml:7:10)",
        "11:10: error: duplicate event id \"e\" (first declared at t.yaml:10:10)",
        "16:5: error: duplicate key 'name' in this mapping (first at line 14, column 5)",
        "17:9: error: duplicate actor id \"lhd\" (first declared at t.yaml:13:9)",
      ])
  }

  @Test func duplicateKeysInLargeMappingsAndJSON() {
    // 41 keys: more than the decoder compares pairwise, so they are hashed.
    let attributes = (0..<40).map { "  \"k\($0)\": \"v\",\n" }.joined()
    let result = read(
      "{\"actors\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"other\",\n" + attributes
        + "  \"k7\": \"w\"}],\n \"actors\": []}",
      file: "t.json", format: .json)
    #expect(
      messages(result) == [
        "42:3: error: duplicate key 'k7' in this mapping (first at line 9, column 3)",
        "43:2: error: duplicate key 'actors' in this mapping (first at line 1, column 2)",
      ])
  }

  @Test func idSyntax() {
    let result = read(
      """
      actors:
        - {id: "a b", name: A, type: other}
        - {id: "", name: B, type: other}
        - {id: Müller-1_ok, name: C, type: other}
        - {id: "x/y", name: D, type: other}
      sources:
        - {id: "s.1", title: S}

      """)
    #expect(
      messages(result) == [
        "2:10: error: invalid actor id \"a b\": use only letters, digits, '-' and '_'",
        "3:10: error: invalid actor id \"\": use only letters, digits, '-' and '_'",
        "5:10: error: invalid actor id \"x/y\": use only letters, digits, '-' and '_'",
        "7:10: error: invalid source id \"s.1\": use only letters, digits, '-' and '_'",
      ])
  }

  @Test func unknownActorIdsAreReportedWithTheClosestId() {
    let result = read(
      """
      actors:
        - {id: nwid, name: N, type: network}
        - {id: lhd, name: L, type: municipality}
      events:
        - {id: e, title: E, participants: [nwid, lhdd, zzz]}
      relations:
        - between: [nwd, lhd]
          kind: cooperation
        - from: nwid
          to: xyz
          kind: funding

      """)
    #expect(
      messages(result) == [
        "5:44: error: unknown actor id \"lhdd\" in 'participants' (did you mean \"lhd\"?)",
        "5:50: error: unknown actor id \"zzz\" in 'participants'",
        "7:15: error: unknown actor id \"nwd\" in 'between' (did you mean \"nwid\"?)",
        "10:9: error: unknown actor id \"xyz\" in 'to'",
      ])
  }

  @Test func unknownSourceAndTopicIds() {
    let result = read(
      """
      sources:
        - {id: p000, title: P}
      topics:
        - {id: group_support, de: G, en: G}
      actors:
        - id: a
          name: A
          type: other
          offers:
            - topic: group_suport
              source: p00
            - topic: housing
          needs:
            - {topic: group_support, evidence: "quote", source: p000}
        - id: b
          name: B
          type: other
      relations:
        - between: [a, b]
          kind: advice
          source: p001

      """)
    #expect(
      messages(result) == [
        "10:16: error: unknown topic id \"group_suport\" in 'offers' (did you mean \"group_support\"?)",
        "11:17: error: unknown source id \"p00\" (did you mean \"p000\"?)",
        "12:16: error: unknown topic id \"housing\" in 'offers'",
        "21:13: error: unknown source id \"p001\" (did you mean \"p000\"?)",
      ])
    #expect(
      messages(
        read(
          """
          actors: [{id: a, name: A, type: other, needs: [{topic: t}]}, {id: b, name: B, type: other}]
          relations: [{between: [a, b], kind: advice, source: p}]

          """)) == [
          "1:56: error: unknown topic id \"t\" in 'needs' ('topics' declares none)",
          "2:53: error: unknown source id \"p\" ('sources' declares none)",
        ])
  }

  /// One vocabulary: ids, German and English labels and aliases are read alike (and written
  /// back as ids); "protokoll" and "Municipality" above are a label and an id in another case.
  @Test func labelsAndAliasesInEitherLanguageAreAccepted() throws {
    let result = read(
      """
      network: {title: T}
      actors:
        - {id: a, name: A, type: Sozialträger, basis: Weltwissen}
        - {id: b, name: B, type: Housing company}
        - {id: c, name: C, type: Wohlfahrtsverband}
        - {id: d, name: D, type: verein}
      relations:
        - {between: [a, b], kind: Förderung, status: laufend}
        - {between: [a, c], kind: Raumvergabe, status: Geplant}
        - {between: [b, d], kind: Knowledge transfer, status: gewünscht}

      """)
    #expect(messages(result) == [])
    let network = try #require(result.network)
    #expect(network.actors.map(\.type) == [.socialOrganization, .housingCompany, .socialOrganization, .association])
    #expect(network.actors[0].basis == .worldKnowledge)
    #expect(network.relations.map(\.kind) == [.funding, .spaceProvision, .knowledgeTransfer])
    #expect(network.relations.map(\.status) == [.existing, .planned, .desired])
  }

  @Test func unknownVocabularyValuesSuggestTheClosest() {
    let result = read(
      """
      network:
        title: T
        language: fr
      actors:
        - {id: a, name: A, type: housing, basis: protokoll}
        - {id: b, name: B, type: Municipality}
      relations:
        - between: [a, b]
          kind: fundig
          status: maybe
          basis: world
      events:
        - {id: e, title: E, kind: workshp}

      """)
    #expect(
      messages(result) == [
        "3:13: error: unknown language \"fr\" (expected one of de, en)",
        "5:28: error: unknown actor type \"housing\" (expected one of \(Self.types); did you mean "
          + "\"housing_company\"?)",
        "9:11: error: unknown relation kind \"fundig\" (expected one of \(Self.kinds); did you mean "
          + "\"funding\"?)",
        "10:13: error: unknown status \"maybe\" (expected one of existing, planned, desired, ended)",
        "11:12: error: unknown basis \"world\" (expected one of protocol, world_knowledge; did you "
          + "mean \"world_knowledge\"?)",
        "13:29: error: unknown event kind \"workshp\" (expected one of workshop, round_table, "
          + "conference, meeting, other; did you mean \"workshop\"?)",
      ])
  }

  @Test func weightsThatAreNotFinitePositiveNumbers() {
    let result = read(
      """
      actors: [{id: a, name: A, type: other}, {id: b, name: B, type: other}]
      relations:
        - {between: [a, b], kind: advice, weight: "2"}
        - {between: [a, b], kind: advice, weight: .nan}
        - {between: [a, b], kind: advice, weight: .inf}
        - {between: [a, b], kind: advice, weight: 0}
        - {between: [a, b], kind: advice, weight: -1}
        - {between: [a, b], kind: advice, weight: true}
        - {between: [a, b], kind: advice, weight: [2]}
        - {between: [a, b], kind: advice, weight: null}
        - {between: [a, b], kind: advice, weight: two}
        - {between: [a, b], kind: advice, weight: -.inf}

      """)
    let expected = [
      "the text \"2\" (remove the quotes)", ".nan", ".inf", "0", "-1", "true", "a list", "null",
      "the text \"two\"", "-.inf",
    ].enumerated().map { i, found in
      "\(i + 3):45: error: weight must be a finite number > 0, found \(found)"
    }
    #expect(messages(result) == expected)
    #expect(
      messages(
        read(
          """
          {"actors": [{"id": "a", "name": "A", "type": "other"},
                      {"id": "b", "name": "B", "type": "other"}],
           "relations": [{"between": ["a", "b"], "kind": "advice", "weight": 1e400},
                         {"between": ["a", "b"], "kind": "advice", "weight": "1"},
                         {"between": ["a", "b"], "kind": "advice", "weight": -0.0}]}
          """, file: "t.json", format: .json)) == [
          "3:68: error: weight must be a finite number > 0, found 1e400",
          "4:68: error: weight must be a finite number > 0, found the text \"1\" (remove the quotes)",
          "5:68: error: weight must be a finite number > 0, found -0.0",
        ])
  }

  @Test func relationShapes() {
    let result = read(
      """
      actors:
        - {id: a, name: A, type: other}
        - {id: b, name: B, type: other}
      relations:
        - {between: [a, b], from: a, to: b, kind: advice}
        - {kind: advice}
        - {from: a, kind: advice}
        - {between: [a], kind: advice}
        - {between: [a, b, a], kind: advice}
        - {between: a, kind: advice}
        - {from: a, to: a, kind: advice}
        - {between: [b, b], kind: advice}
        - {between: [a, b]}
        - {between: [a, 7], kind: advice}

      """)
    #expect(
      messages(result) == [
        "5:15: error: a relation has either 'between' (undirected) or 'from' and 'to' (directed), "
          + "not both",
        "6:5: error: a relation needs 'between: [a, b]' (undirected) or 'from' and 'to' (directed)",
        "7:5: error: missing required key 'to' in a directed relation",
        "8:15: error: 'between' needs exactly two actor ids, found 1",
        "9:15: error: 'between' needs exactly two actor ids, found 3",
        "10:15: error: expected a list of two actor ids for 'between', found the text \"a\"",
        "11:19: error: a relation of actor \"a\" with itself",
        "12:19: error: a relation of actor \"b\" with itself",
        "13:5: error: missing required key 'kind' in a relation",
        "14:19: error: expected an id (text) for 'between', found the number 7; write it in quotes: "
          + "\"7\"",
      ])
  }

  @Test func evidenceNeedsASource() {
    let result = read(
      """
      sources:
        - {id: p, title: P}
      topics:
        - {id: t, de: T, en: T}
      actors:
        - id: a
          name: A
          type: other
          offers:
            - {topic: t, evidence: "x"}
        - {id: b, name: B, type: other}
      events:
        - {id: e, title: E, evidence: "y"}
        - {id: f, title: F, evidence: "y", source: p}
      relations:
        - {between: [a, b], kind: advice, evidence: "z"}
        - {between: [a, b], kind: advice, evidence: "z", source: p}
        - {between: [a, b], kind: advice, evidence: "z", source: }

      """)
    let message = "error: 'evidence' needs 'source': the id of the source it quotes"
    #expect(
      messages(result) == [
        "10:20: \(message)", "13:23: \(message)", "16:37: \(message)", "18:37: \(message)",
      ])
  }

  @Test func unknownKeys() throws {
    let result = read(
      """
      network:
        title: T
        titel: X
      actors:
        - id: a
          name: A
          tpye: network
          type: other
          sector: housing
          founded: 1990
          contacts: [x]
          empty:
        - {id: b, name: B, type: other}
      relations:
        - {between: [a, b], kind: advice, wieght: 2, colour: red}
      extra: 1
      acters: []

      """)
    #expect(
      messages(result) == [
        "3:3: warning: unknown key 'titel' (did you mean 'title'?)",
        "7:5: warning: unknown key 'tpye' (did you mean 'type'?)",
        "11:5: warning: ignoring key 'contacts': custom attributes of an actor must be text, found a "
          + "list",
        "15:37: warning: unknown key 'wieght' (did you mean 'weight'?)",
        "15:48: warning: unknown key 'colour' in a relation is ignored",
        "16:1: warning: unknown key 'extra' in the top level is ignored",
        "17:1: warning: unknown key 'acters' (did you mean 'actors'?)",
      ])
    // Warnings only: the network is read, with the actor's custom attributes.
    let network = try #require(result.network)
    // 'tpye' is reported as a likely typo, and kept like any other attribute.
    #expect(
      network.actors[0].attributes == ["sector": "housing", "founded": "1990", "tpye": "network"])
    #expect(network.actors[0].type == .other)
    #expect(network.relations[0].weight == 1)
  }

  @Test func nonTextKeysAreErrors() {
    let result = read("actors: []\n? [a, b]\n: 1\n")
    #expect(messages(result) == ["2:3: error: expected text as a key, found a list"])
  }

  // MARK: - JSON, many problems, ordering

  @Test func jsonFilesReportTheSamePlaces() {
    let result = read(
      """
      {
        "network": {"title": "T"},
        "actors": [
          {"id": "a", "name": "A", "type": "other"},
          {"id": "b", "name": "B", "type": "netwrk"},
          {"id": 1, "name": "C", "type": "other"}
        ],
        "relations": [
          {"from": "a", "to": "c", "kind": "advice", "weight": "2"}
        ]
      }
      """, file: "t.json", format: .json)
    #expect(
      messages(result) == [
        "5:38: error: unknown actor type \"netwrk\" (expected one of \(Self.types); did you mean "
          + "\"network\"?)",
        "6:12: error: expected an id (text) for 'id', found the number 1; write it in quotes: \"1\"",
        "9:25: error: unknown actor id \"c\" in 'to'",
        "9:58: error: weight must be a finite number > 0, found the text \"2\" (remove the quotes)",
      ])
  }

  @Test func aFileWithManyProblemsReportsAllOfThem() {
    let result = read(
      """
      network:
        titel: Test
        language: fr
      actors:
        - id: nwid
          name: Netzwerk
          type: netwrk
          tpye: network
          sector: housing
        - id: lhd
          name: [a, b]
          type: housing
        - id: lhd
          name: Stadt
          type: municipality
        - id: a b
          name: x
          type: other
        - name: No Id
          type: other
      relations:
        - between: [nwd, lhd]
          kind: cooperation
          weight: -1
        - from: nwid
          to: lhd
          between: [nwid, lhd]
          kind: funding
        - from: nwid
          to: nwid
          kind: cooprration
          weight: "2"
          evidence: "quote"
          status: maybe
        - between: [nwid]
          kind: advice
          weight: .nan
          name: name
          name: again

      """, file: "bad.yaml")
    #expect(result.network == nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "bad.yaml:2:3: warning: unknown key 'titel' (did you mean 'title'?)",
        "bad.yaml:2:3: error: missing required key 'title' in 'network'",
        "bad.yaml:3:13: error: unknown language \"fr\" (expected one of de, en)",
        "bad.yaml:7:11: error: unknown actor type \"netwrk\" (expected one of \(Self.types); did you "
          + "mean \"network\"?)",
        "bad.yaml:8:5: warning: unknown key 'tpye' (did you mean 'type'?)",
        "bad.yaml:11:11: error: expected text for 'name', found a list",
        "bad.yaml:12:11: error: unknown actor type \"housing\" (expected one of \(Self.types); did "
          + "you mean \"housing_company\"?)",
        "bad.yaml:13:9: error: duplicate actor id \"lhd\" (first declared at bad.yaml:10:9)",
        "bad.yaml:16:9: error: invalid actor id \"a b\": use only letters, digits, '-' and '_'",
        "bad.yaml:19:5: error: missing required key 'id' in an actor",
        "bad.yaml:22:15: error: unknown actor id \"nwd\" in 'between' (did you mean \"nwid\"?)",
        "bad.yaml:24:13: error: weight must be a finite number > 0, found -1",
        "bad.yaml:27:14: error: a relation has either 'between' (undirected) or 'from' and 'to' "
          + "(directed), not both",
        "bad.yaml:30:9: error: a relation of actor \"nwid\" with itself",
        "bad.yaml:31:11: error: unknown relation kind \"cooprration\" (expected one of "
          + "\(Self.kinds); did you mean \"cooperation\"?)",
        "bad.yaml:32:13: error: weight must be a finite number > 0, found the text \"2\" (remove "
          + "the quotes)",
        "bad.yaml:33:5: error: 'evidence' needs 'source': the id of the source it quotes",
        "bad.yaml:34:13: error: unknown status \"maybe\" (expected one of existing, planned, "
          + "desired, ended)",
        "bad.yaml:35:14: error: 'between' needs exactly two actor ids, found 1",
        "bad.yaml:37:13: error: weight must be a finite number > 0, found .nan",
        "bad.yaml:38:5: warning: unknown key 'name' (did you mean 'note'?)",
        "bad.yaml:39:5: error: duplicate key 'name' in this mapping (first at line 38, column 5)",
      ])
  }

  @Test func diagnosticsAreSortedByPositionWhateverTheSectionOrder() {
    let result = read(
      """
      relations:
        - {between: [a, zz], kind: advice}
      actors:
        - {id: a, name: A, type: nope}

      """)
    #expect(
      messages(result).map { $0.prefix(5) } == ["2:19:", "4:28:"])
  }

  @Test func aliasBombIsASyntaxError() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      text +=
        "a\(level): &a\(level) ["
        + Array(repeating: "*a\(level - 1)", count: 10)
        .joined(separator: ", ") + "]\n"
    }
    let result = read(text + "actors: []\n")
    #expect(result.network == nil)
    #expect(
      messages(result) == [
        "6:45: error: invalid YAML: aliases expand the document by more than 1000000 nodes (an "
          + "alias bomb?); refusing to read it"
      ])
  }
}
