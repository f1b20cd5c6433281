import StakeMapText
import StakeMapModel
import Testing

@testable import StakeMapFormats

/// Spreadsheets to networks: columns, German headers and values, and every problem with its
/// exact file:line:column.
@Suite struct SpreadsheetImporterTests {
  func table(_ text: String, _ file: String) -> CSVTable {
    let (table, diagnostics) = CSVReader.parse(bytes: Array(text.utf8), file: file)
    precondition(diagnostics.isEmpty, "\(diagnostics)")
    return table!
  }

  func convert(
    actors: String, relations: String? = nil, sources: String? = nil,
    options: SpreadsheetImporter.Options = .init(title: "T")
  ) -> NetworkReadResult {
    SpreadsheetImporter.convert(
      actors: table(actors, "a.csv"), relations: relations.map { table($0, "r.csv") },
      sources: sources.map { table($0, "s.csv") }, options: options)
  }

  /// Diagnostics as `file:line:column: severity: message`.
  func messages(_ result: NetworkReadResult) -> [String] {
    result.diagnostics.map(\.description)
  }

  static let actors = """
    id,name,type,short
    nwid,Netzwerk Neues Wohnen Dresden,network,NWID
    lhd,Landeshauptstadt Dresden,municipality,
    gwg,GWG,housing_company,
    piano,piano e.V.,association,

    """

  // MARK: - Files that import

  @Test func specExampleImports() throws {
    let result = convert(
      actors: Self.actors,
      relations: "from,to,kind,weight,directed\nnwid,lhd,cooperation,,\ngwg,piano,funding,2,yes\n")
    #expect(messages(result).isEmpty)
    let network = try #require(result.network)
    #expect(network.info.title == "T")
    #expect(network.info.language == .de)
    #expect(network.actors.map(\.id) == ["nwid", "lhd", "gwg", "piano"])
    #expect(network.actors[0].short == "NWID")
    #expect(network.actors[1].short == nil, "an empty cell is absent")
    #expect(network.actors[1].type == .municipality)
    #expect(network.relations.count == 2)
    let tie = network.relations[0]
    #expect((tie.from, tie.to, tie.directed, tie.kind, tie.weight) == (0, 1, false, .cooperation, 1))
    let funding = network.relations[1]
    #expect((funding.from, funding.to, funding.directed, funding.kind, funding.weight) == (2, 3, true, .funding, 2))
    #expect(tie.location == FileLocation(file: "r.csv", line: 2, column: 1))
  }

  @Test func germanExcelFile() throws {
    // As German Excel saves "CSV UTF-8": BOM, semicolons, CRLF; German headers and labels, a
    // decimal comma, a quoted line break and doubled quotes in the evidence.
    let actors =
      "\u{FEFF}Kennung;Name;Typ;Kürzel;Schlagworte;Sektor\r\n"
      + "nwid;Netzwerk Neues Wohnen Dresden;Netzwerk;NWID;\"wohnen; alter | netz\";zivil\r\n"
      + "lhd;Landeshauptstadt Dresden;Kommune;LHD;;öffentlich\r\n"
      + "wbg;Wohnungsbaugenossenschaft;Genossenschaft;;;\r\n"
      + "piano;piano e.V.;Verein;;;\r\n"
    let relations =
      "\u{FEFF}Von;Nach;Art der Beziehung;Gewicht;gerichtet;Status;seit;Quelle;Zitat;Anmerkung\r\n"
      + "nwid;lhd;Kooperation;1,5;nein;bestehend;2022;Protokoll Workshop 1;\"Das NWID und die Stadt\r\nladen ein\";\r\n"
      + "wbg;piano;Förderung;2;ja;geplant;;Protokoll Workshop 1;\"Die WBG \"\"unterstützt\"\"\";\r\n"
      + "piano;lhd;Beratung;;;gewünscht;;;;fragt an\r\n"
    let result = SpreadsheetImporter.convert(
      actors: table(actors, "akteure.csv"), relations: table(relations, "beziehungen.csv"),
      sources: nil, options: .init(title: "Wohnen", language: .en))
    #expect(
      messages(result) == [
        "akteure.csv:1:6: warning: column 6 ('Sektor') is not a StakeMap column; imported as the custom attribute \"Sektor\" (for render --color-by). StakeMap's columns: id, name, type, short, region, tags, aliases, basis, note, evidence, source, needs, offers",
        "beziehungen.csv:2:8: warning: column 8 ('Quelle'): no sources file given: created source "
          + "\"protokoll_workshop_1\" titled \"Protokoll Workshop 1\" (describe sources with "
          + "--sources SOURCES.csv)"
      ])
    let network = try #require(result.network)
    #expect(network.info.language == .en)
    #expect(network.actors.map(\.type) == [.network, .municipality, .cooperative, .association])
    #expect(network.actors[0].tags == ["wohnen", "alter", "netz"])
    #expect(network.actors[0].attributes == ["Sektor": "zivil"])
    #expect(network.actors[1].attributes == ["Sektor": "öffentlich"])
    #expect(network.sources.map(\.id) == ["protokoll_workshop_1"])
    #expect(network.sources[0].title == "Protokoll Workshop 1")
    let r = network.relations
    #expect(r.count == 3)
    #expect(r[0].weight == 1.5)
    #expect(r[0].directed == false)
    #expect(r[0].status == .existing)
    #expect(r[0].since == "2022")
    #expect(r[0].evidence == "Das NWID und die Stadt\nladen ein")
    #expect(r[0].source == "protokoll_workshop_1")
    #expect(r[1].directed && r[1].kind == .funding && r[1].status == .planned)
    #expect(r[1].evidence == "Die WBG \"unterstützt\"")
    #expect(r[2].kind == .advice && r[2].status == .desired && r[2].note == "fragt an")
    // The record after the quoted line break starts on line 4.
    #expect(r[1].location?.line == 4)
  }

  @Test(arguments: [
    ("ID", "id"), (" Kürzel ", "short"), ("KUERZEL", "short"), ("kurz", "short"), ("Typ", "type"),
    ("Art", "type"), ("Schlag-Worte", "tags"), ("Notiz", "note"), ("Anmerkung", "note"),
    ("Beleg", "evidence"), ("Zitat", "evidence"), ("Quelle", "source"), ("short_name", "short"),
  ])
  func actorHeaderAliases(_ header: String, _ key: String) {
    let normalized = SpreadsheetImporter.normalizedHeader(header)
    let column = SpreadsheetImporter.actorColumns.first {
      $0.key == normalized || $0.aliases.map(SpreadsheetImporter.normalizedHeader).contains(normalized)
    }
    #expect(column?.key == key)
  }

  @Test(arguments: [
    ("Von", "from"), ("An", "to"), ("Nach", "to"), ("Zu", "to"), ("Art der Beziehung", "kind"),
    ("Beziehung", "kind"), ("Gewicht", "weight"), ("gerichtet", "directed"), ("Status", "status"),
    ("seit", "since"), ("Quelle", "source"), ("Beleg", "evidence"), ("Zitat", "evidence"),
    ("Notiz", "note"), ("Anmerkung", "note"),
  ])
  func relationHeaderAliases(_ header: String, _ key: String) {
    let normalized = SpreadsheetImporter.normalizedHeader(header)
    let column = SpreadsheetImporter.relationColumns.first {
      $0.key == normalized || $0.aliases.map(SpreadsheetImporter.normalizedHeader).contains(normalized)
    }
    #expect(column?.key == key)
  }

  @Test(arguments: [
    ("1", true), ("yes", true), ("Ja", true), ("TRUE", true), ("x", true), ("0", false),
    ("no", false), ("nein", false), ("false", false),
  ])
  func directedValues(_ written: String, _ directed: Bool) throws {
    let result = convert(actors: Self.actors, relations: "from,to,kind,directed\nnwid,lhd,advice,\(written)\n")
    #expect(try #require(result.network).relations.first?.directed == directed)
  }

  @Test func directedDefaultsToNo() throws {
    let result = convert(actors: Self.actors, relations: "from,to,kind,directed\nnwid,lhd,advice,\n")
    #expect(try #require(result.network).relations.first?.directed == false)
  }

  @Test func vocabularyInAnyCaseWithSpacesOrLabels() throws {
    let result = convert(
      actors: "id,name,type,basis\na,A,Housing Company,Protokoll\nb,B,public-agency,world knowledge\nc,C,Behörde,\n",
      relations: "from,to,kind,status\na,b,Knowledge Transfer,PLANNED\nb,c,Räume,beendet\n")
    #expect(messages(result).isEmpty)
    let network = try #require(result.network)
    #expect(network.actors.map(\.type) == [.housingCompany, .publicAgency, .publicAgency])
    #expect(network.actors.map(\.basis) == [.protocolText, .worldKnowledge, nil])
    #expect(network.relations.map(\.kind) == [.knowledgeTransfer, .spaceProvision])
    #expect(network.relations.map(\.status) == [.planned, .ended])
  }

  @Test func titleDefaultsToTheActorsFileName() throws {
    let result = SpreadsheetImporter.convert(
      actors: table(Self.actors, "/x/y/akteure.2024.csv"), relations: nil, sources: nil)
    #expect(result.network?.info.title == "akteure.2024")
    #expect(messages(result) == ["warning: no --title given: the network is titled \"akteure.2024\""])
  }

  @Test func customAttributesAndLists() throws {
    let result = convert(
      actors: "id,name,type,tags,aliases,Sektor,Träger\na,A,other,x|y;x| z ,\"Die A; A e.V.\",wohnen,\nb,B,other,,,,Stadt\n")
    // Kept, and never silently (issue 11).
    let known = "StakeMap's columns: id, name, type, short, region, tags, aliases, basis, note, evidence, source, needs, offers"
    #expect(
      messages(result) == [
        "a.csv:1:6: warning: column 6 ('Sektor') is not a StakeMap column; imported as the custom attribute \"Sektor\" (for render --color-by). \(known)",
        "a.csv:1:7: warning: column 7 ('Träger') is not a StakeMap column; imported as the custom attribute \"Träger\" (for render --color-by). \(known)",
      ])
    let network = try #require(result.network)
    #expect(network.actors[0].tags == ["x", "y", "z"])
    #expect(network.actors[0].aliases == ["Die A", "A e.V."])
    #expect(network.actors[0].attributes == ["Sektor": "wohnen"])
    #expect(network.actors[1].attributes == ["Träger": "Stadt"])
  }

  @Test func trailingEmptyColumnsAreFine() throws {
    // Excel writes ";;;" for cells that were once touched.
    let result = convert(actors: "id;name;type;;\na;A;other;;\n;;;;\nb;B;other\n")
    #expect(messages(result).isEmpty)
    #expect(result.network?.actors.map(\.id) == ["a", "b"])
  }

  // MARK: - Sources

  @Test func sourcesTable() throws {
    let result = convert(
      actors: "id,name,type,evidence,source\na,A,other,A lädt ein,p000\nb,B,other,,\n",
      relations: "from,to,kind,source,evidence\na,b,advice,Workshop 1 im Rückblick,\"A berät B\"\na,b,funding,p001,x\n",
      sources: "ID;Titel;Datum;Datei\np000;Workshop 1 im Rückblick;2022-11-28;000.txt\np002;Ankündigung;;\n")
    #expect(
      messages(result) == [
        "r.csv:3:4: error: column 4 ('source'): unknown source id \"p001\" (did you mean \"p000\"?)"
      ])
    let fixed = convert(
      actors: "id,name,type,evidence,source\na,A,other,A lädt ein,p000\nb,B,other,,\n",
      relations: "from,to,kind,source,evidence\na,b,advice,Workshop 1 im Rückblick,\"A berät B\"\n",
      sources: "ID;Titel;Datum;Datei\np000;Workshop 1 im Rückblick;2022-11-28;000.txt\np002;Ankündigung;;\n")
    let network = try #require(fixed.network)
    #expect(network.sources.map(\.id) == ["p000", "p002"])
    #expect(network.sources[0].date == "2022-11-28")
    #expect(network.sources[0].file == "000.txt")
    #expect(network.actors[0].source == "p000")
    #expect(network.relations[0].source == "p000", "a source may be named by its exact title")
  }

  @Test func sourcesAreCreatedFromValuesOnce() throws {
    let result = convert(
      actors: Self.actors,
      relations: """
        from,to,kind,source,evidence
        nwid,lhd,advice,p000,a
        gwg,piano,funding,000_3caed95846010113.txt,b
        nwid,gwg,advice,p000,c
        lhd,gwg,advice,https://example.org/x,d

        """)
    let network = try #require(result.network)
    #expect(network.sources.map(\.id) == ["p000", "000_3caed95846010113_txt", "https_example_org_x"])
    #expect(network.sources[1].file == "000_3caed95846010113.txt")
    #expect(network.sources[2].url == "https://example.org/x")
    #expect(network.relations.map(\.source) == ["p000", "000_3caed95846010113_txt", "p000", "https_example_org_x"])
    #expect(result.diagnostics.count == 3, "one warning per created source")
    #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
  }

  // MARK: - Problems, every one with its position

  @Test func severalWrongRowsAreAllReported() {
    let result = convert(
      actors: """
        id,name,type,short
        nwid,Netzwerk Neues Wohnen Dresden,network,NWID
        lhd,Landeshauptstadt Dresden,municipalty,
        nwid,Duplicate,network,
        bad id,Bad,network,
        ,Nameless,network,
        x,,verien,

        """,
      relations: """
        from,to,kind,weight,directed,status,source,evidence
        nwid,lhdd,cooperation,,,,,
        nwid,lhd,coperation,,,,,
        nwid,lhd,cooperation,-1,,,,
        nwid,lhd,cooperation,"1,5",,,,
        nwid,nwid,cooperation,,,,,
        nwid,lhd,cooperation,inf,vielleicht,maybe,,
        nwid,lhd,cooperation,,,,,quote without source
        nwid,Landeshauptstadt Dresden,advice,,,,,
        NWID,,,,,,,

        """)
    #expect(result.network == nil)
    let types =
      "housing_company, cooperative, social_organization, municipality, public_agency, network, "
      + "initiative, association, politics, research, other"
    let kinds =
      "cooperation, funding, space_provision, personnel, advice, membership, referral, "
      + "participation, knowledge_transfer, other"
    #expect(
      messages(result) == [
        "a.csv:3:3: error: column 3 ('type'): unknown actor type \"municipalty\" (expected one of \(types); did you mean \"municipality\"?)",
        "a.csv:4:1: error: column 1 ('id'): duplicate actor id \"nwid\" (first declared at a.csv:2:1)",
        "a.csv:5:1: error: column 1 ('id'): invalid actor id \"bad id\": use only letters, digits, '-' and '_' (for example \"bad_id\")",
        "a.csv:6:1: error: column 1 ('id') is empty: every actor needs an id",
        "a.csv:7:2: error: column 2 ('name') is empty: every actor needs a name",
        "a.csv:7:3: error: column 3 ('type'): unknown actor type \"verien\" (expected one of \(types); did you mean \"association\"?)",
        "r.csv:2:2: error: column 2 ('to'): unknown actor id \"lhdd\" (did you mean \"lhd\"?)",
        "r.csv:3:3: error: column 3 ('kind'): unknown relation kind \"coperation\" (expected one of \(kinds); did you mean \"cooperation\"?)",
        "r.csv:4:4: error: column 4 ('weight'): weight must be a finite number > 0, found \"-1\" (a weight is a tie's strength; leave the cell empty for the default 1)",
        "r.csv:5:4: error: column 4 ('weight'): weight must be a finite number > 0, found \"1,5\" (the file is comma-separated: write the decimal point, 1.5)",
        "r.csv:6:2: error: column 2 ('to'): a relation of actor \"nwid\" with itself",
        "r.csv:7:4: error: column 4 ('weight'): weight must be a finite number > 0, found \"inf\"",
        "r.csv:7:5: error: column 5 ('directed'): expected yes or no (also ja/nein, true/false, 1/0), found \"vielleicht\"",
        "r.csv:7:6: error: column 6 ('status'): unknown status \"maybe\" (expected one of existing, planned, desired, ended)",
        "r.csv:8:8: error: column 8 ('evidence'): evidence needs a source: fill in column 7 ('source')",
        "r.csv:9:2: error: column 2 ('to'): unknown actor id \"Landeshauptstadt Dresden\" (did you mean \"lhd\"? Relations name actors by id)",
        "r.csv:10:1: error: column 1 ('from'): unknown actor id \"NWID\" (did you mean \"nwid\"?)",
        "r.csv:10:2: error: column 2 ('to') is empty: every relation needs 'to', an actor id",
        "r.csv:10:3: error: column 3 ('kind') is empty: every relation needs a kind (one of \(kinds))",
      ])
  }

  @Test func missingColumnsNameTheHeaderFound() {
    let result = convert(actors: "ID;Name;Kurz\na;A;AA\n", relations: "von;nach\na;b\n")
    #expect(
      messages(result) == [
        "a.csv:1:1: error: missing required column 'type' in the actors file (the header has: 'ID', 'Name', 'Kurz')",
        "r.csv:1:1: error: missing required column 'kind' in the relations file (the header has: 'von', 'nach')",
      ])
  }

  @Test func swappedFilesAreRecognised() {
    let result = convert(actors: "from,to,kind\na,b,advice\n")
    #expect(messages(result).first?.hasSuffix("; is this the relations file?") == true)
  }

  @Test func emptyActorsFile() {
    let result = convert(actors: "")
    #expect(
      messages(result) == [
        "a.csv:1:1: error: the actors file is empty: expected a header line naming the columns ('id', 'name', 'type', …)"
      ])
  }

  @Test func duplicateAndReservedAndNamelessColumns() {
    let result = convert(actors: "id,name,Typ,Art,review,\na,A,other,other,x,\nb,B,other,other,,oops\n")
    #expect(
      messages(result) == [
        "a.csv:1:4: error: column 4 ('Art') and column 3 ('Typ') both mean 'type'; remove one",
        "a.csv:1:5: error: column 5 ('review'): 'review' cannot be imported from a spreadsheet; remove the column, and add review in the network file",
        "a.csv:1:6: error: column 6 has no name in the header, but line 3 has a value in it (\"oops\"): name the column or remove it",
      ])
  }

  @Test func tooManyFieldsInARow() {
    let result = convert(actors: "id;name;type\na;A;other;\nb;Verein; Wir;other\n")
    #expect(
      messages(result) == [
        "a.csv:3:3: error: column 3 ('type'): unknown actor type \"Wir\" (expected one of housing_company, cooperative, social_organization, municipality, public_agency, network, initiative, association, politics, research, other)",
        "a.csv:3:4: error: this row has 4 fields, the header 3: column 4 holds \"other\" but has no header (an unquoted ';' inside a value? put the value in double quotes)",
      ])
  }

  @Test func positionsAfterAMultiLineRecordNameTheSpreadsheetRow() {
    let result = convert(
      actors: Self.actors,
      relations: "from,to,kind,source,evidence\nnwid,lhd,advice,p,\"two\nlines\"\ngwg,piano,fundng,,\n")
    #expect(
      messages(result).filter { $0.contains("error") } == [
        "r.csv:4:3: error: column 3 ('kind'): unknown relation kind \"fundng\" (expected one of cooperation, funding, space_provision, personnel, advice, membership, referral, participation, knowledge_transfer, other; did you mean \"funding\"?) (spreadsheet row 3)"
      ])
    let empty = convert(
      actors: Self.actors,
      relations: "from,to,kind,source,evidence\nnwid,lhd,advice,p,\"two\nlines\"\n,piano,funding,,\n")
    #expect(
      messages(empty).filter { $0.contains("error") } == [
        "r.csv:4:1: error: column 1 ('from') is empty: every relation needs 'from', an actor id (spreadsheet row 3)"
      ])
  }

  @Test(arguments: ["0", "-2", "abc", "nan", "1e400", "0x10", "1.5.2", "1,5"])
  func badWeights(_ weight: String) {
    let result = convert(actors: Self.actors, relations: "from;to;kind;weight\nnwid;lhd;advice;\(weight)\n")
    if weight == "1,5" {
      #expect(result.network?.relations.first?.weight == 1.5, "a decimal comma in a ';' file")
    } else {
      #expect(result.network == nil)
      #expect(messages(result).first?.hasPrefix("r.csv:2:4: error: column 4 ('weight'): weight must be a finite number > 0") == true)
    }
  }

  @Test(arguments: [("2", 2.0), ("0.5", 0.5), ("1e1", 10.0), (" 3 ", 3.0)])
  func goodWeights(_ weight: String, _ value: Double) {
    let result = convert(actors: Self.actors, relations: "from,to,kind,weight\nnwid,lhd,advice,\(weight)\n")
    #expect(result.network?.relations.first?.weight == value)
  }

  @Test func warningsKeepTheNetwork() throws {
    let result = convert(
      actors: "id,name,type,tpye\na,GWG,other,x\nb,Die GWG,other,\n",
      relations: "from,to,kind,Farbe\na,b,advice,rot\na,b,advice,\n")
    #expect(
      messages(result) == [
        "a.csv:1:4: warning: unknown column 4 ('tpye') (did you mean 'type'?); imported as the custom attribute \"tpye\"",
        "a.csv:3:2: warning: column 2 ('name'): actor \"b\" has the same name as \"a\" (line 2): the same organisation twice?",
        "r.csv:1:4: warning: unknown column 4 ('Farbe'): relations have no such key; its 1 value is not imported (known columns: from, to, kind, weight, directed, status, since, source, evidence, basis, note)",
        "r.csv:3:1: warning: the same relation as line 2 (both are imported, and their weights add up)",
      ])
    let network = try #require(result.network)
    #expect(network.actors[0].attributes == ["tpye": "x"])
    #expect(network.relations.count == 2)
  }

  // MARK: - Round trip

  @Test func importedNetworkWritesAndReadsBack() throws {
    let result = convert(
      actors: "id;name;type;short;region;tags;aliases;basis;note;evidence;source;Sektor\n"
        + "nwid;Netzwerk Neues Wohnen Dresden;network;NWID;Dresden;wohnen|netz;Netzwerk;protocol;\"mit: Doppelpunkt\";\"NWID lädt ein\";p000;zivil\n"
        + "lhd;Landeshauptstadt Dresden;municipality;;;;;world_knowledge;;;;\n",
      relations: "from;to;kind;weight;directed;status;since;source;evidence;basis;note\n"
        + "nwid;lhd;cooperation;2,25;nein;planned;2016;p000;\"Zitat\nmit Umbruch\";protocol;# keine Notiz\n",
      options: .init(title: "Rund: Reise", language: .en))
    let network = try #require(result.network)
    for format in [NetworkFileFormat.yaml, .json] {
      let text = format == .yaml ? NetworkWriter.yaml(network) : NetworkWriter.json(network)
      let back = NetworkReader.parse(bytes: Array(text.utf8), file: "x", format: format)
      #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
      #expect(withoutLocations(try #require(back.network)) == withoutLocations(network))
    }
  }

  @Test func readsFilesWithSyntaxErrorsOfEveryFile() {
    let dir = temporaryDirectory()
    defer { removeTree(dir) }
    try? AtomicFile.write("id,name,type\n\"a,A,other\n", to: "\(dir)/a.csv")
    try? AtomicFile.write("from,to,kind\na,b,\"x\"y\n", to: "\(dir)/r.csv")
    let result = SpreadsheetImporter.read(actors: "\(dir)/a.csv", relations: "\(dir)/r.csv")
    #expect(result.network == nil)
    #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["2:1", "2:3"])
    #expect(result.diagnostics.map { $0.location!.file } == ["\(dir)/a.csv", "\(dir)/r.csv"])
  }

  // MARK: issue 11 – needs and offers

  @Test func bedarfAndAngebotColumnsBecomeNeedsAndOffers() throws {
    let result = convert(actors: "Kennung;Name;Typ;Bedarf;Angebot\nwoge;WoGe eG;Genossenschaft;Räume | Beratung;\namt;Sozialamt;Behörde;;Bezahlbarer Wohnraum\n")
    let network = try #require(result.network, "\(messages(result))")
    #expect(network.actors[0].needs.map(\.topic) == ["Räume", "Beratung"])
    #expect(network.actors[1].offers.map(\.topic) == ["bezahlbarer_wohnraum"])
    #expect(network.topics.map(\.id) == ["Räume", "Beratung", "bezahlbarer_wohnraum"])
    #expect(network.topics[2].de == "Bezahlbarer Wohnraum")
    #expect(messages(result) == [
      "warning: 3 topics created from the needs and offers, each named as written: 'Räume', 'Beratung', 'bezahlbarer_wohnraum' (give them English names in the network file)"
    ])
    // What the writer writes reads back: the topics are declared.
    #expect(NetworkReader.parse(bytes: Array(NetworkWriter.yaml(network).utf8), file: "x.yaml", format: .yaml).network != nil)
  }

  @Test func claimsSheetAddsNeedsAndOffersWithEvidence() throws {
    let result = SpreadsheetImporter.convert(
      actors: table("id;name;type\nwoge;WoGe eG;cooperative\namt;Sozialamt;public_agency\n", "a.csv"),
      relations: nil, sources: table("id;title\np1;Protokoll 1\n", "s.csv"),
      claims: table("Akteur;Bedarf/Angebot;Thema;Beleg;Quelle\nwoge;Bedarf;Finanzierung;Wir suchen Geld;p1\nSozialamt;Angebot;Beratung;;\nwoge;Wunsch;Räume;;\nnobody;offer;x;;\n", "c.csv"),
      options: .init(title: "T"))
    #expect(result.network == nil)
    let problems = messages(result).filter { $0.contains("error") }
    #expect(problems == [
      "c.csv:4:2: error: column 2 ('Bedarf/Angebot'): \"Wunsch\" is neither a need (need, Bedarf) nor an offer (offer, Angebot), or the cell is empty",
      "c.csv:5:1: error: column 1 ('Akteur'): unknown actor id \"nobody\"",
    ])
    let fixed = SpreadsheetImporter.convert(
      actors: table("id;name;type\nwoge;WoGe eG;cooperative\namt;Sozialamt;public_agency\n", "a.csv"),
      relations: nil, sources: table("id;title\np1;Protokoll 1\n", "s.csv"),
      claims: table("Akteur;Bedarf/Angebot;Thema;Beleg;Quelle\nwoge;Bedarf;Finanzierung;Wir suchen Geld;p1\nSozialamt;Angebot;Beratung;;\n", "c.csv"),
      options: .init(title: "T"))
    let network = try #require(fixed.network, "\(messages(fixed))")
    #expect(network.actors[0].needs == [TopicClaim(topic: "Finanzierung", evidence: "Wir suchen Geld", source: "p1")])
    #expect(network.actors[1].offers.map(\.topic) == ["Beratung"])
  }
}
