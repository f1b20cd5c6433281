import StakeMapModel
import Testing

/// `stakemap diff`'s structural part, on hand-built versions where every answer is known.
@Suite struct NetworkDiffTests {
  static func actor(_ id: String, _ name: String, _ type: ActorType = .initiative, short: String? = nil) -> Stakeholder {
    Stakeholder(id: id, name: name, type: type, short: short)
  }

  static let old = Network(
    actors: [
      actor("gwg", "GWG Gelsenkirchen", .housingCompany),
      actor("piano", "piano e. V."),
      actor("lhd", "Landeshauptstadt Dresden", .municipality),
      actor("gone", "Aufgelöster Verein", .association),
    ],
    relations: [
      Relation(from: 0, to: 1, kind: .funding, status: .planned),  // becomes existing
      Relation(from: 1, to: 2, kind: .cooperation),  // kind changes
      Relation(from: 2, to: 0, kind: .advice, weight: 1),  // weight changes
      Relation(from: 3, to: 2, kind: .cooperation),  // removed with its actor
    ])

  static let new = Network(
    actors: [
      actor("lhd", "Landeshauptstadt Dresden", .municipality),
      actor("piano_ev", "Piano e.V."),  // new id, same name key: renamed, not added
      actor("gwg", "GWG Gelsenkirchen", .housingCompany),
      actor("neu", "Neue Initiative"),
    ],
    relations: [
      Relation(from: 2, to: 1, kind: .funding),
      Relation(from: 1, to: 0, kind: .advice),
      Relation(from: 0, to: 2, kind: .advice, weight: 3),
      Relation(from: 3, to: 0, kind: .cooperation),
    ])

  @Test func actorsAreMatchedByIDThenByNameKey() {
    let diff = NetworkDiff(old: Self.old, new: Self.new)
    #expect(diff.addedActors == [3])
    #expect(diff.removedActors == [3])
    #expect(diff.renamedActors == [NetworkDiff.ActorPair(old: 1, new: 1, matchedBy: .name)])
    #expect(diff.newIndexOfOld == [2, 1, 0, nil])
    #expect(diff.oldIndexOfNew == [2, 1, 0, nil])
  }

  @Test func relationsAreComparedPerPair() {
    let diff = NetworkDiff(old: Self.old, new: Self.new)
    #expect(diff.addedRelations == [3])
    #expect(diff.removedRelations == [3])
    let changes = diff.changedRelations.map { ($0.old, $0.new, $0.changes) }
    #expect(changes.count == 3)
    #expect(changes[0].0 == 0 && changes[0].1 == 0)
    #expect(changes[0].2 == [.status(.planned, .existing)])
    #expect(changes[1].2 == [.kind(.cooperation, .advice)])
    #expect(changes[2].2 == [.weight(1, 3)])
  }

  @Test func sameNetworkHasNoDifference() {
    #expect(NetworkDiff(old: Self.old, new: Self.old).isEmpty)
    #expect(!NetworkDiff(old: Self.old, new: Self.new).isEmpty)
  }

  @Test func legalFormAsideAndAmbiguityAsMergeDoes() {
    let old = Network(actors: [Self.actor("a", "piano e.V."), Self.actor("b", "Haus A"), Self.actor("c", "Haus A gGmbH")])
    let new = Network(actors: [Self.actor("x", "Piano"), Self.actor("y", "Haus A eG")])
    let diff = NetworkDiff(old: old, new: new)
    // "Piano" is "piano e.V." without its legal form; "Haus A eG" could be either Haus A.
    #expect(diff.renamedActors == [NetworkDiff.ActorPair(old: 0, new: 0, matchedBy: .nameWithoutLegalForm)])
    #expect(diff.addedActors == [1])
    #expect(diff.removedActors == [1, 2])
  }

  @Test func directionTurnedIsAChange() {
    let a = [Self.actor("a", "A"), Self.actor("b", "B")]
    let old = Network(actors: a, relations: [Relation(from: 0, to: 1, directed: true, kind: .funding)])
    let new = Network(actors: a, relations: [Relation(from: 1, to: 0, directed: true, kind: .funding)])
    #expect(NetworkDiff(old: old, new: new).changedRelations.map(\.changes) == [[.direction]])
  }
}

/// `--as-of`: the network as it stood on a date.
@Suite struct SnapshotTests {
  static let network = Network(
    actors: [
      Stakeholder(id: "a", name: "A", type: .network), Stakeholder(id: "b", name: "B", type: .initiative),
      Stakeholder(id: "c", name: "C", type: .initiative), Stakeholder(id: "d", name: "D", type: .other),
      Stakeholder(id: "e", name: "E", type: .other),
    ],
    relations: [
      Relation(from: 0, to: 1, since: "2022"),
      { var r = Relation(from: 0, to: 2, since: "2023-05-01"); r.until = "2024-02"; return r }(),
      { var r = Relation(from: 1, to: 2, status: .ended); r.until = "2025"; return r }(),
    ],
    events: [Event(id: "w3", title: "Workshop 3", date: "29.04.2024", participants: [0, 3])])

  @Test func relationsBeforeTheirStartAreLeftOut() throws {
    let s = try #require(Self.network.snapshot(asOf: PartialDate("2021-12-31")!).network)
    // A is placed only by later ties, D only by a later event: left out. B and C have an
    // undated tie (kept: nothing says it is newer); E has nothing at all: kept.
    #expect(s.actors.map(\.id) == ["b", "c", "e"])
    #expect(s.relations.map { [$0.from, $0.to] } == [[0, 1]])
    #expect(s.relations.map(\.status) == [.existing])
    #expect(s.events.isEmpty)
  }

  @Test func untilEndsATieAndAnEndedTieWasInPlaceBefore() throws {
    let mid = try #require(Self.network.snapshot(asOf: PartialDate("2023-06")!).network)
    #expect(mid.actors.map(\.id) == ["a", "b", "c", "e"])
    #expect(mid.relations.map(\.status) == [.existing, .existing, .existing])
    #expect(mid.events.isEmpty)
    let late = try #require(Self.network.snapshot(asOf: PartialDate("2024-04-29")!).network)
    #expect(late.relations.map(\.status) == [.existing, .ended, .existing])
    #expect(late.events.map(\.participants) == [[0, 3]])
    #expect(late.actors.map(\.id) == ["a", "b", "c", "d", "e"])
    let later = try #require(Self.network.snapshot(asOf: PartialDate("2025")!).network)
    #expect(later.relations.map(\.status) == [.existing, .ended, .ended])
  }

  @Test func unreadableDatesAreErrorsWithTheirPlace() {
    var network = Self.network
    let place = FileLocation(file: "net.yaml", line: 7, column: 5)
    network.relations[0].since = "letztes Jahr"
    network.relations[0].location = place
    let (result, diagnostics) = network.snapshot(asOf: PartialDate("2024")!)
    #expect(result == nil)
    #expect(diagnostics.count == 1)
    #expect(diagnostics[0].location == place)
    #expect(diagnostics[0].message.contains("letztes Jahr") && diagnostics[0].message.contains("since"))
  }

  @Test(arguments: [
    ("2022", "2022"), ("2022-11", "2022-11"), ("2022-11-28", "2022-11-28"), ("28.11.2022", "2022-11-28"),
    ("11.2022", "2022-11"), ("2022-11-28T10:00", "2022-11-28"),
  ])
  func datesAreRead(_ text: String, _ iso: String) {
    #expect(PartialDate(text)?.text == iso)
  }

  @Test(arguments: ["", "22", "2022-13", "2022-11-32", "nächstes Jahr", "2022/11"])
  func nonDatesAreRefused(_ text: String) {
    #expect(PartialDate(text) == nil)
  }
}
