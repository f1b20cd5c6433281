import StakeMapExtraction
import StakeMapFormats
import StakeMapModel
import Testing

/// Merging reviewed drafts: recognising actors written differently, never duplicating, never
/// dropping anything silently.
@Suite struct DraftMergerTests {
  func network(_ yaml: String, file: String = "draft.yaml") throws -> Network {
    let result = NetworkReader.parse(bytes: Array(yaml.utf8), file: file, format: .yaml)
    #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
    return try #require(result.network)
  }

  /// Writes and reads `network` back: the merged network must pass `check`.
  func checked(_ network: Network) throws -> Network {
    let text = NetworkWriter.yaml(network)
    let back = NetworkReader.parse(bytes: Array(text.utf8), file: "merged.yaml", format: .yaml)
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics)\n\(text)")
    return try #require(back.network)
  }

  static let into = """
    network:
      title: Gemeinschaftliches Wohnen in Dresden
    sources:
      - id: p000
        title: Workshop 1
        file: 000.txt
    topics:
      - {id: group_support, de: Begleitung von Wohngruppen, en: Support for housing groups}
    actors:
      - id: nwid
        name: Netzwerk Neues Wohnen Dresden
        type: network
        short: NWID
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipality
      - id: gwg
        name: GWG
        type: housing_company
      - id: piano
        name: piano e.V.
        type: association
      - id: syndikat
        name: Mietshäuser Syndikat
        type: network
      - id: woge_eg
        name: WoGe eG
        type: cooperative
      - id: woge_gmbh
        name: WoGe GmbH
        type: housing_company
    relations:
      - between: [nwid, lhd]
        kind: cooperation

    """

  /// A draft of one actor named `name` (and `extra` keys), accepted, tied to `lhd` by advice.
  func draft(_ name: String, extra: String = "", review: String = "accepted") -> String {
    """
    network:
      title: Entwurf
    actors:
      - id: d1
        name: \(name)
        type: other\(extra)
        review: \(review)
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipality
    relations:
      - between: [d1, lhd]
        kind: advice
        review: accepted

    """
  }

  // MARK: - Recognising actors

  @Test(arguments: [
    ("Die GWG", "gwg"), ("gwg", "gwg"), ("GWG", "gwg"), ("Piano e. V.", "piano"),
    ("PIANO E.V.", "piano"), ("Mietshaeuser Syndikat", "syndikat"),
    ("mietshäuser syndikat", "syndikat"), ("NWID", "nwid"), ("Netzwerk Neues Wohnen Dresden e.V.", "nwid"),
    ("piano", "piano"),
  ])
  func recognisesTheSameOrganisationWrittenDifferently(_ name: String, _ id: String) throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(try network(draft(name)), into: into)
    #expect(merged.actors.count == into.actors.count, "no new actor for \(name)")
    let index = try #require(merged.actors.firstIndex { $0.id == id })
    #expect(merged.relations.count == 2)
    let added = try #require(merged.relations.last)
    #expect(Set([added.from, added.to]) == Set([index, 1]))
    #expect(report.count(.actor, .matched) == 1)
    #expect(report.notPlaced.isEmpty)
    _ = try checked(merged)
  }

  @Test func aliasFromTheDraftMatchesTheShortName() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(draft("Netzwerk für Neues Wohnen", extra: "\n    aliases: [NWID]")), into: into)
    #expect(merged.actors.count == into.actors.count)
    #expect(merged.actors[0].aliases == ["Netzwerk für Neues Wohnen"], "the new name is kept as an alias")
    let line = try #require(report.entries.first { $0.item == .actor && $0.outcome == .matched })
    #expect(
      line.message
        == "draft 'Netzwerk für Neues Wohnen' = existing 'nwid' (Netzwerk Neues Wohnen Dresden), "
        + "\"NWID\" = its short name \"NWID\"; alias \"Netzwerk für Neues Wohnen\" added")
    #expect(line.location == FileLocation(file: "draft.yaml", line: 4, column: 5))
    // The alias makes the next merge a plain name match.
    let (again, _) = DraftMerger.merge(try network(draft("Netzwerk für neues Wohnen")), into: merged)
    #expect(again.actors.count == merged.actors.count)
  }

  @Test func reportNamesBothSpellings() throws {
    let (_, report) = DraftMerger.merge(
      try network(draft("Die GWG")), into: try network(Self.into, file: "into.yaml"))
    #expect(report.lines().contains("draft.yaml:4:5: matched: draft 'Die GWG' = existing 'gwg' (GWG), same name"))
  }

  @Test func ambiguousWeakMatchIsReportedNotGuessed() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(try network(draft("WoGe")), into: into)
    #expect(merged == into, "nothing merged")
    #expect(report.notPlaced.count == 2, "the actor and its relation")
    #expect(
      report.notPlaced.map(\.message) == [
        "actor 'd1' (WoGe) could be existing 'woge_eg' (WoGe eG) or 'woge_gmbh' (WoGe GmbH) "
          + "(same name without legal form); not merged: give it the id of the right one in the "
          + "draft, or add an alias there",
        "relation 'd1' – 'lhd' (advice): actor 'd1' (WoGe) is ambiguous",
      ])
    // The exact name is no longer ambiguous.
    let (exact, exactReport) = DraftMerger.merge(try network(draft("WoGe e.G.")), into: into)
    #expect(exactReport.notPlaced.isEmpty)
    #expect(exact.actors.count == into.actors.count)
  }

  @Test func ambiguousStrongMatchIsReported() throws {
    let into = try network(
      """
      network: {title: T}
      actors:
        - {id: a, name: Stadtteilverein, type: association, aliases: [SV]}
        - {id: b, name: Sportverein, type: association, short: SV}

      """, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network("network: {title: D}\nactors:\n  - {id: x, name: SV, type: association}\n"),
      into: into)
    #expect(merged == into)
    #expect(report.notPlaced.first?.message.contains("could be existing 'a' (Stadtteilverein) or 'b' (Sportverein) (same name)") == true)
  }

  @Test func sameIdWithAnotherNameIsNotTrusted() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network("network: {title: D}\nactors:\n  - {id: gwg, name: Gemeinwohl-Genossenschaft, type: cooperative}\n"),
      into: into)
    #expect(merged.actors.count == into.actors.count + 1)
    #expect(merged.actors.last?.id == "gemeinwohl_genossenschaft")
    #expect(
      report.entries.first?.message
        == "actor 'gemeinwohl_genossenschaft' (Gemeinwohl-Genossenschaft) (the draft's id 'gwg' is "
        + "taken by 'gwg' (GWG); check that they differ)")
    _ = try checked(merged)
  }

  @Test func sameIdAndCompatibleNameMatches() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network("network: {title: D}\nactors:\n  - {id: gwg, name: Die GWG, type: housing_company}\n"),
      into: into)
    #expect(merged == into)
    #expect(report.count(.actor, .alreadyPresent) == 1)
  }

  @Test func twoDraftActorsOfOneOrganisationBecomeOne() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(
        """
        network: {title: D}
        actors:
          - {id: x1, name: Bauforum Dresden e.V., type: association}
          - {id: x2, name: Die Bauforum Dresden e. V., type: association}
          - {id: lhd, name: Landeshauptstadt Dresden, type: municipality}
        relations:
          - {between: [x1, lhd], kind: advice}
          - {between: [x2, lhd], kind: advice}

        """), into: into)
    #expect(merged.actors.count == into.actors.count + 1)
    #expect(merged.relations.count == into.relations.count + 1, "the second relation is the same")
    #expect(report.count(.actor, .added) == 1)
    #expect(report.count(.relation, .alreadyPresent) == 1)
  }

  // MARK: - Review marks

  @Test func rejectedAndPendingAreSkippedAndReported() throws {
    let into = try network(Self.into, file: "into.yaml")
    let text = """
      network: {title: D}
      actors:
        - {id: new1, name: Neue Initiative, type: initiative, review: pending}
        - {id: new2, name: Falsch erkannt, type: other, review: rejected}
        - {id: new3, name: Dritte, type: other}
        - {id: lhd, name: Landeshauptstadt Dresden, type: municipality, review: accepted}
      relations:
        - {between: [new1, lhd], kind: advice, review: accepted}
        - {between: [new3, lhd], kind: advice, review: rejected}
        - {between: [new3, lhd], kind: funding, review: pending}
        - {between: [new3, lhd], kind: membership}

      """
    let (merged, report) = DraftMerger.merge(try network(text), into: into)
    #expect(merged.actors.map(\.id).suffix(1) == ["new3"], "unmarked items count as accepted")
    #expect(merged.relations.count == into.relations.count + 1)
    #expect(merged.relations.last?.kind == .membership)
    #expect(report.count(.actor, .pending) == 1)
    #expect(report.count(.actor, .rejected) == 1)
    #expect(report.count(.relation, .rejected) == 1)
    #expect(report.count(.relation, .pending) == 1)
    #expect(report.notPlaced.map(\.message) == ["relation 'new1' – 'lhd' (advice): actor 'new1' (Neue Initiative) is pending"])
    // Every draft item has an entry: 4 actors, 4 relations.
    #expect(report.entries.filter { $0.item == .actor }.count == 4)
    #expect(report.entries.filter { $0.item == .relation }.count == 4)

    let (withPending, pendingReport) = DraftMerger.merge(
      try network(text), into: into, options: MergeOptions(includePending: true))
    #expect(withPending.actors.map(\.id).suffix(2) == ["new1", "new3"])
    #expect(withPending.relations.count == into.relations.count + 3)
    #expect(pendingReport.notPlaced.isEmpty)
    #expect(withPending.actors.allSatisfy { $0.review == nil }, "merged items are confirmed data")
    #expect(withPending.relations.allSatisfy { $0.review == nil })
    _ = try checked(withPending)
  }

  // MARK: - Idempotence and duplicates

  static let richDraft = """
    network: {title: D}
    sources:
      - {id: s1, title: Protokoll Workshop 1, file: 000.txt}
      - {id: p001, title: Ankündigung, file: 001.txt}
    topics:
      - {id: group_support, de: Begleitung von Wohngruppen, en: Support for housing groups}
      - {id: premises, de: Räume, en: Premises}
    events:
      - {id: ws1, title: Workshop 1, participants: [a, b, c], review: accepted}
    actors:
      - id: a
        name: Die GWG
        type: housing_company
        evidence: "Die GWG unterstützt"
        source: s1
        offsets: [3, 22]
        offers:
          - {topic: group_support, evidence: "GWG begleitet", source: s1, review: accepted}
          - {topic: premises, review: rejected}
        review: accepted
      - {id: b, name: Bauforum Dresden e.V., type: association, aliases: [Bauforum], review: accepted}
      - {id: c, name: Stadtrat, type: politics, review: pending}
    relations:
      - {from: a, to: b, kind: funding, source: p001, evidence: "GWG fördert Bauforum", review: accepted}
      - {from: b, to: a, kind: funding, review: accepted}
      - {between: [b, a], kind: cooperation, review: accepted}

    """

  @Test func mergingTheSameDraftTwiceChangesNothing() throws {
    let into = try network(Self.into, file: "into.yaml")
    let draft = try network(Self.richDraft)
    let (once, first) = DraftMerger.merge(draft, into: into)
    let reread = try checked(once)
    let (twice, second) = DraftMerger.merge(draft, into: reread)
    #expect(twice == reread, "\(second.lines().joined(separator: "\n"))")
    for item in MergeReport.Item.allCases {
      #expect(second.count(item, .added) == 0, "\(item)")
    }
    #expect(first.count(.relation, .added) == 3)
    #expect(second.count(.relation, .alreadyPresent) == 3)
    // Stakeholder ids and counts are stable.
    #expect(Set(twice.actors.map(\.id)).count == twice.actors.count)
    #expect(twice.actors.count == into.actors.count + 1)
  }

  @Test func whatARecognisedActorGains() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(try network(Self.richDraft), into: into)
    let gwg = try #require(merged.actors.first { $0.id == "gwg" })
    #expect(gwg.evidence == "Die GWG unterstützt")
    #expect(gwg.source == "p000", "the draft's source is the network's (same file)")
    #expect(gwg.offsets == TextSpan(start: 3, end: 22))
    #expect(gwg.offers.map(\.topic) == ["group_support"], "the rejected offer is not merged")
    #expect(gwg.offers.first?.source == "p000")
    #expect(gwg.aliases.isEmpty, "'Die GWG' is the same key as 'GWG'")
    #expect(report.count(.claim, .added) == 1)
    #expect(report.count(.claim, .rejected) == 1)
    // The unused topic is reported, the used one is the network's.
    #expect(merged.topics.map(\.id) == ["group_support"])
    #expect(report.entries.contains { $0.item == .topic && $0.outcome == .notNeeded && $0.message.contains("'premises'") })
    // The second source is added; the event without its pending participant.
    #expect(merged.sources.map(\.id) == ["p000", "p001"])
    let event = try #require(merged.events.first)
    #expect(event.participants.map { merged.actors[$0].id } == ["gwg", "b"])
    #expect(report.notPlaced.map(\.message) == ["participant 'c' (Stadtrat) of event 'ws1' (\"Workshop 1\") not placed: the actor is pending"])
  }

  @Test func existingEvidenceIsKeptAndTheDraftQuoteReported() throws {
    let into = try network(
      "network: {title: T}\nsources: [{id: p, title: P}]\nactors:\n  - {id: gwg, name: GWG, type: housing_company, evidence: alt, source: p}\n",
      file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(
        "network: {title: D}\nsources: [{id: p, title: P}]\nactors:\n  - {id: g, name: GWG, type: cooperative, evidence: neu, source: p, region: Dresden}\n"),
      into: into)
    #expect(merged.actors[0].evidence == "alt")
    #expect(merged.actors[0].region == "Dresden")
    #expect(
      report.entries.first?.message
        == "draft 'GWG' = existing 'gwg' (GWG), same name; type kept as housing_company (the draft "
        + "says cooperative); region set to \"Dresden\"; the draft's quote \"neu\" (source 'p') not "
        + "added: the actor keeps its own evidence")
  }

  @Test func relationsAreComparedWithDirection() throws {
    let into = try network(
      """
      network: {title: T}
      actors:
        - {id: a, name: A, type: other}
        - {id: b, name: B, type: other}
      relations:
        - {between: [a, b], kind: cooperation}
        - {from: a, to: b, kind: funding}

      """, file: "into.yaml")
    let draft = try network(
      """
      network: {title: D}
      actors:
        - {id: a, name: A, type: other}
        - {id: b, name: B, type: other}
      relations:
        - {between: [b, a], kind: cooperation}
        - {from: a, to: b, kind: funding}
        - {from: b, to: a, kind: funding}
        - {between: [a, b], kind: funding}
        - {between: [a, b], kind: cooperation, status: planned}

      """)
    let (merged, report) = DraftMerger.merge(draft, into: into)
    #expect(report.count(.relation, .alreadyPresent) == 2)
    #expect(report.count(.relation, .added) == 3)
    #expect(merged.relations.count == 5)
  }

  @Test func relationWithNewEvidenceIsAddedWithoutEvidenceIsNot() throws {
    let into = try network(
      """
      network: {title: T}
      sources: [{id: p, title: P}]
      actors:
        - {id: a, name: A, type: other}
        - {id: b, name: B, type: other}
      relations:
        - {between: [a, b], kind: cooperation, source: p, evidence: eins}

      """, file: "into.yaml")
    let draft = try network(
      """
      network: {title: D}
      sources: [{id: p, title: P}]
      actors:
        - {id: a, name: A, type: other}
        - {id: b, name: B, type: other}
      relations:
        - {between: [a, b], kind: cooperation}
        - {between: [a, b], kind: cooperation, source: p, evidence: eins}
        - {between: [a, b], kind: cooperation, source: p, evidence: zwei}

      """)
    let (merged, report) = DraftMerger.merge(draft, into: into)
    #expect(report.count(.relation, .alreadyPresent) == 2)
    #expect(merged.relations.map(\.evidence) == ["eins", "zwei"])
  }

  @Test func selfTieThroughMatchingIsNotPlaced() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(
        "network: {title: D}\nactors:\n  - {id: x, name: GWG, type: other}\n  - {id: y, name: Die GWG, type: other}\nrelations:\n  - {between: [x, y], kind: advice}\n"),
      into: into)
    #expect(merged == into)
    #expect(report.notPlaced.map(\.message) == ["relation 'x' – 'y' (advice): both actors are 'gwg' (GWG) in the network"])
  }

  // MARK: - Sources and topics

  @Test func sourceWithTheSameIdButAnotherFileIsAnotherDocument() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(
        """
        network: {title: D}
        sources: [{id: p000, title: Protokoll 7, file: 007.txt}]
        actors:
          - {id: n, name: Neu, type: other, evidence: "Neu hier", source: p000}

        """), into: into)
    #expect(merged.sources.map(\.id) == ["p000", "p000_2"])
    #expect(merged.actors.last?.source == "p000_2")
    #expect(report.entries.contains { $0.message == "source 'p000' (\"Protokoll 7\") as 'p000_2' (the network's 'p000' is another document)" })
    _ = try checked(merged)
  }

  @Test func conflictingTopicKeepsTheNetworksLabels() throws {
    let into = try network(Self.into, file: "into.yaml")
    let (merged, report) = DraftMerger.merge(
      try network(
        """
        network: {title: D}
        topics: [{id: group_support, de: Gruppen, en: Groups}]
        actors:
          - id: gwg
            name: GWG
            type: housing_company
            needs: [{topic: group_support}]

        """), into: into)
    #expect(merged.topics == into.topics)
    #expect(merged.actors[2].needs.map(\.topic) == ["group_support"])
    #expect(report.entries.contains { $0.item == .topic && $0.message.hasPrefix("topic 'group_support': kept the network's labels") })
  }

  @Test func reportLinesSummariseAndFollowTheDraft() throws {
    let (_, report) = DraftMerger.merge(
      try network(Self.richDraft), into: try network(Self.into, file: "into.yaml"))
    let lines = report.lines()
    #expect(lines.first == "  actors: 1 added, 1 matched, 1 skipped (pending)")
    #expect(lines.contains("  relations: 3 added"))
    let positions = lines.compactMap { line -> Int? in
      guard line.hasPrefix("draft.yaml:") else { return nil }
      return Int(line.split(separator: ":")[1])
    }
    #expect(positions == positions.sorted())
  }
}
