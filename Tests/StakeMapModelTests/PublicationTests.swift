import StakeMapModel
import Testing

/// `stakemap publish`: words change, structure does not.
@Suite struct PublicationTests {
  static let network: Network = {
    var n = Network(
      info: NetworkInfo(title: "Netzwerk mit piano e.V.", description: "Frau Dr. Anna Muster leitet es."),
      actors: [
        Stakeholder(id: "nwid", name: "Netzwerk Neues Wohnen", type: .network, note: "Kontakt: Herr Max Mustermann"),
        Stakeholder(id: "piano", name: "piano e.V.", type: .initiative, short: "Piano", note: "klein",
                    aliases: ["Verein Piano"], attributes: ["contact": "Erika Beispiel"]),
        Stakeholder(id: "wobau", name: "Wohnbauinitiative Süd", type: .initiative),
        Stakeholder(id: "lhd", name: "Landeshauptstadt Dresden", type: .municipality),
      ],
      relations: [
        Relation(from: 0, to: 1, kind: .cooperation, source: "p1", evidence: "Der Verein Piano arbeitet mit Erika Beispiel und Frau Schulz."),
        Relation(from: 2, to: 3, kind: .funding, weight: 2, status: .planned, since: "2024"),
      ],
      sources: [Source(id: "p1", title: "Protokoll Workshop 1", date: "2022-11-28")])
    n.relations[0].offsets = TextSpan(start: 10, end: 70)
    return n
  }()

  @Test func pseudonymsAreNumberedPerTypeInFileOrder() {
    let p = Publication.make(Self.network, options: PublicationOptions(pseudonymise: [.initiative]), language: .de)
    #expect(p.network.actors.map(\.name) == ["Netzwerk Neues Wohnen", "Initiative 1", "Initiative 2", "Landeshauptstadt Dresden"])
    #expect(p.network.actors.map(\.id) == ["nwid", "initiative-1", "initiative-2", "lhd"])
    #expect(p.key.map(\.originalName) == ["piano e.V.", "Wohnbauinitiative Süd"])
    let again = Publication.make(Self.network, options: PublicationOptions(pseudonymise: [.initiative]), language: .de)
    #expect(again.key == p.key)
    // Every other text loses the names, short names and aliases.
    #expect(p.network.info.title == "Netzwerk mit Initiative 1")
    #expect(p.network.relations[0].evidence == "Der Initiative 1 arbeitet mit Erika Beispiel und Frau Schulz.")
    #expect(p.network.relations[0].offsets == nil)
    #expect(p.network.actors[1].short == nil && p.network.actors[1].aliases.isEmpty)
    #expect(p.network.actors[1].attributes.isEmpty && p.network.actors[1].note == nil)
  }

  @Test func otherSpellingsOfAPseudonymisedNameAreReplacedToo() {
    var n = Self.network
    n.actors[0].note = "Träger ist die Wohnbauinitiative für Süd e.V.; die WOHNBAUINITIATIVE SÜD berät."
    let p = Publication.make(n, options: PublicationOptions(pseudonymise: [.initiative]), language: .de)
    #expect(p.network.actors[0].note == "Träger ist die Initiative 2; die Initiative 2 berät.")
    // Words in another order, or only one of them, stay: no guessing.
    n.actors[0].note = "Süd hat eine Wohnbauinitiative."
    #expect(
      Publication.make(n, options: PublicationOptions(pseudonymise: [.initiative]), language: .de).network
        .actors[0].note == "Süd hat eine Wohnbauinitiative.")
  }

  @Test func structureAndFiguresStay() {
    let p = Publication.make(
      Self.network, options: PublicationOptions(pseudonymise: [.initiative, .network], dropPersons: true, redactEvidence: true),
      language: .en)
    #expect(p.network.actors.map(\.type) == Self.network.actors.map(\.type))
    #expect(p.network.relations.map { [$0.from, $0.to] } == Self.network.relations.map { [$0.from, $0.to] })
    #expect(p.network.relations.map(\.weight) == [1, 2])
    #expect(p.network.relations.map(\.status) == [.existing, .planned])
    #expect(p.network.relations[1].since == "2024")
    #expect(p.network.actors[0].name == "Network 1")
  }

  @Test func personsAreDroppedFromEveryText() {
    let p = Publication.make(Self.network, options: PublicationOptions(dropPersons: true), language: .de)
    #expect(p.network.info.description == "[Person] leitet es.")
    #expect(p.network.actors[0].note == "Kontakt: [Person]")
    #expect(p.network.actors[1].attributes["contact"] == nil)
    // The contact's name is found in other text too, without a title.
    #expect(p.network.relations[0].evidence == "Der Verein Piano arbeitet mit [Person] und [Person].")
  }

  @Test func quotesBecomeTheirSourceReference() {
    let p = Publication.make(Self.network, options: PublicationOptions(redactEvidence: true), language: .en)
    #expect(p.network.relations[0].evidence == "[quote removed – source: Protokoll Workshop 1, 2022-11-28]")
    #expect(p.network.relations[0].source == "p1")
    #expect(p.network.relations[0].offsets == TextSpan(start: 10, end: 70))
  }

  @Test func noOptionsNoChange() {
    #expect(Publication.make(Self.network, options: PublicationOptions()).network == Self.network)
  }

  @Test(arguments: [
    ("Frau Dr. Klaudia Kristin Kaufmann (Geschäftsbereich)", "[P] (Geschäftsbereich)"),
    ("Grußwort von Herrn Schmidt.", "Grußwort von [P]."),
    ("Prof. Dr. Ing. Müller-Lüdenscheidt sprach", "[P] sprach"),
    ("Die Frau am Empfang", "Die Frau am Empfang"),
    ("frau schmidt", "frau schmidt"),
  ])
  func titledNames(_ text: String, _ expected: String) {
    #expect(PersonName.replacingTitled(in: text, with: "[P]") == expected)
  }
}
