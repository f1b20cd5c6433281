import Foundation
import Testing

@Suite("stakemap merge")
struct MergeEndToEndTests {
  /// A reviewed draft against Samples.spec: one organisation written differently in each
  /// accepted actor, a new one, a pending and a rejected one, and relations through them.
  static let draft = """
    network:
      title: Entwurf aus Protokoll 000
    sources:
      - id: p000
        title: Workshop 1
    actors:
      - id: a1
        name: Die GWG
        type: housing_company
        review: accepted
      - id: a2
        name: Piano e. V.
        type: association
        evidence: "piano e. V. lädt ein"
        source: p000
        offsets: [10, 30]
        review: accepted
      - id: a3
        name: Netzwerk für neues Wohnen
        type: network
        aliases: [NWID]
        review: accepted
      - id: bauforum
        name: Bauforum Dresden e.V.
        type: association
        review: accepted
      - id: a5
        name: Stadtrat
        type: politics
        review: pending
      - id: a6
        name: Falsch erkannt
        type: other
        review: rejected
    relations:
      - between: [a3, bauforum]
        kind: cooperation
        source: p000
        evidence: "NWID und Bauforum"
        review: accepted
      - from: a1
        to: a2
        kind: funding
        weight: 2
        review: accepted
      - between: [bauforum, a5]
        kind: advice
        review: accepted
      - between: [a1, a3]
        kind: advice
        review: rejected

    """

  /// Samples.spec, where NWID is also known by its short name.
  static let into = Samples.spec.replacingOccurrences(
    of: "name: Netzwerk Neues Wohnen Dresden\n    type: network\n",
    with: "name: Netzwerk Neues Wohnen Dresden\n    type: network\n    short: NWID\n")

  /// ``into`` as an English network: the report and the messages are English
  /// (``MessageLanguage``: the language of the network merged into).
  static let intoEnglish = into.replacingOccurrences(of: "  language: de\n", with: "  language: en\n")

  @Test func mergesInPlaceAndReportsEveryItem() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.intoEnglish)
    let draft = try dir.file("draft.yaml", Self.draft)
    let result = try CLIRunner.run(["merge", draft, into])
    #expect(result.status == 0, "\(result.stderr)")
    let report = result.stderr
    #expect(report.contains("  actors: 1 added, 3 matched, 1 skipped (pending), 1 skipped (rejected)"), "\(report)")
    #expect(report.contains("  relations: 1 added, 1 already present, 1 skipped (rejected), 1 not placed"), "\(report)")
    #expect(report.contains("\(draft):7:5: matched: draft 'Die GWG' = existing 'gwg' (GWG), same name"))
    #expect(report.contains("\(draft):11:5: matched: draft 'Piano e. V.' = existing 'piano' (piano e.V.), same name; evidence added"))
    #expect(report.contains("matched: draft 'Netzwerk für neues Wohnen' = existing 'nwid' (Netzwerk Neues Wohnen Dresden), \"NWID\" = its short name \"NWID\"; alias \"Netzwerk für neues Wohnen\" added"))
    #expect(report.contains("\(draft):23:5: added: actor 'bauforum' (Bauforum Dresden e.V.)"))
    #expect(report.contains("\(draft):27:5: skipped (pending): actor 'a5' (Stadtrat)"))
    #expect(report.contains("\(draft):31:5: skipped (rejected): actor 'a6' (Falsch erkannt)"))
    #expect(report.contains("not placed: relation 'bauforum' – 'a5' (advice): actor 'a5' (Stadtrat) is pending"))
    #expect(report.contains("net.yaml: written: 5 actors, 3 relations (1 actor, 1 relation added)."))

    let check = try CLIRunner.run(["check", into])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("ok: 5 actors, 3 relations, 1 source"))
    let text = try String(contentsOfFile: into, encoding: .utf8)
    #expect(!text.contains("review:"), "merged items are confirmed data")
    #expect(text.contains("aliases: [Netzwerk für neues Wohnen]"))
  }

  /// A draft that differs from Samples.spec in every way the report has a sentence for: kept
  /// values, a draft quote not taken, an uncited source, a relation already there.
  static let differingDraft = """
    network:
      title: Entwurf aus Protokoll 001
    sources:
      - id: p001
        title: Workshop 2
      - id: p002
        title: Nie zitiert
    actors:
      - id: gwg
        name: GWG
        type: cooperative
        short: Gemeinnützige WG
        region: Dresden
        tags: [Vermietung]
        review: accepted
      - id: piano
        name: piano e.V.
        type: association
        evidence: "piano lädt ein"
        source: p001
        review: accepted
      - id: neu
        name: Neue Initiative Plauen
        type: initiative
        review: pending
    relations:
      - from: gwg
        to: piano
        kind: funding
        weight: 2
        review: accepted
      - between: [neu, gwg]
        kind: advice
        review: accepted

    """

  @Test func aGermanNetworkGetsTheWholeReportInGerman() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.into.replacingOccurrences(
      of: "  - id: gwg\n    name: GWG\n    type: housing_company\n",
      with: "  - id: gwg\n    name: GWG\n    type: housing_company\n    short: GWG Dresden\n"))
    let draft = try dir.file("draft.yaml", Self.draft)
    let other = try dir.file("other.yaml", Self.differingDraft)
    var report = ""
    for path in [draft, other] {
      let result = try CLIRunner.run(["merge", path, into, "--force"])
      #expect(result.status == 0, "\(result.stderr)")
      report += result.stderr
    }
    for english in [
      "added", "matched", "skipped", "kept as", "the draft says", "already present", "not added",
      "not placed", "actor ", "relation ", "source ", "same name", "evidence", "is pending",
    ] {
      #expect(!report.contains(english), "\(english): \(report)")
    }
    #expect(report.contains("  Akteure: 1 hinzugefügt, 3 erkannt, 1 übersprungen (ausstehend), 1 übersprungen (abgelehnt)"), "\(report)")
    #expect(report.contains("  Beziehungen: 1 hinzugefügt, 1 schon vorhanden, 1 übersprungen (abgelehnt), 1 nicht zugeordnet"))
    #expect(report.contains("\(draft):7:5: erkannt: 'Die GWG' im Entwurf = vorhandener Akteur 'gwg' (GWG), gleicher Name"))
    #expect(report.contains("\(draft):27:5: übersprungen (ausstehend): Akteur 'a5' (Stadtrat) (--include-pending übernimmt ausstehende Einträge)"))
    #expect(report.contains("nicht zugeordnet: Beziehung 'bauforum' – 'a5' (Beratung): Akteur 'a5' (Stadtrat) ist als ausstehend markiert"))
    #expect(report.contains("\(other):9:5: erkannt: 'GWG' im Entwurf = vorhandener Akteur 'gwg' (GWG), gleiche ID; Typ bleibt Wohnungsunternehmen (im Entwurf: Genossenschaft); Kurzname bleibt „GWG Dresden“ (im Entwurf: „Gemeinnützige WG“); Region ergänzt: „Dresden“; Alias „Gemeinnützige WG“ ergänzt; Schlagwort „Vermietung“ ergänzt"), "\(report)")
    #expect(report.contains("\(other):16:5: erkannt: 'piano e.V.' im Entwurf = vorhandener Akteur 'piano' (piano e.V.), gleiche ID; Zitat „piano lädt ein“ aus dem Entwurf (Quelle 'p001') nicht übernommen: der Akteur behält seinen eigenen Beleg"), "\(report)")
    #expect(report.contains("nicht benötigt: Quelle 'p002' („Nie zitiert“) nicht übernommen: kein übernommener Eintrag verweist darauf"), "\(report)")
    #expect(report.contains("  Beziehungen: 1 schon vorhanden, 1 nicht zugeordnet"), "\(report)")
    #expect(report.contains("geschrieben: 5 Akteure, 3 Beziehungen (0 Akteure, 0 Beziehungen hinzugefügt)"), "\(report)")
  }

  @Test func anEnglishNetworkKeepsTheEnglishReport() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.intoEnglish)
    let other = try dir.file("other.yaml", Self.differingDraft)
    let result = try CLIRunner.run(["merge", other, into])
    #expect(result.status == 0, "\(result.stderr)")
    let report = result.stderr
    #expect(report.contains("  actors: 2 matched, 1 skipped (pending)"), "\(report)")
    #expect(report.contains("  relations: 1 already present, 1 not placed"), "\(report)")
    #expect(report.contains("\(other):9:5: matched: draft 'GWG' = existing 'gwg' (GWG), same id; type kept as housing_company (the draft says cooperative); short set to \"Gemeinnützige WG\"; region set to \"Dresden\"; tag \"Vermietung\" added"), "\(report)")
    #expect(report.contains("not needed: source 'p002' (\"Nie zitiert\") not added: no merged item cites it"), "\(report)")
    #expect(report.contains("not placed: relation 'neu' – 'gwg' (advice): actor 'neu' (Neue Initiative Plauen) is pending"), "\(report)")
  }

  @Test func mergingTwiceChangesNothing() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.into)
    let draft = try dir.file("draft.yaml", Self.draft)
    #expect(try CLIRunner.run(["merge", draft, into]).status == 0)
    let once = try Data(contentsOf: URL(fileURLWithPath: into))
    let second = try CLIRunner.run(["merge", draft, into])
    #expect(second.status == 0)
    #expect(second.stderr.contains("nichts Neues hinzuzufügen; unverändert."), "\(second.stderr)")
    #expect(!second.stderr.contains(": hinzugefügt:"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: into)) == once)
    let check = try CLIRunner.run(["check", into])
    #expect(check.stdout.contains("in Ordnung: 5 Akteure, 3 Beziehungen"), "no duplicate actors or relations")
  }

  @Test func commentsAreNotLostSilently() throws {
    let dir = try TemporaryDirectory()
    let original = "# Hand-written notes\n" + Self.into
    let into = try dir.file("net.yaml", original)
    let draft = try dir.file("draft.yaml", Self.draft)
    let refused = try CLIRunner.run(["merge", draft, into])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("enthält Kommentare, die beim Neuschreiben verloren gingen"))
    #expect(try String(contentsOfFile: into, encoding: .utf8) == original)

    let out = dir.path("merged.yaml")
    let elsewhere = try CLIRunner.run(["merge", draft, into, "-o", out])
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    #expect(try String(contentsOfFile: into, encoding: .utf8) == original)
    #expect(try CLIRunner.run(["check", out]).status == 0)

    let forced = try CLIRunner.run(["merge", draft, into, "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: into, encoding: .utf8) == String(contentsOfFile: out, encoding: .utf8))
  }

  @Test func hashInsideQuotesOrBlockScalarsIsNoComment() throws {
    let dir = try TemporaryDirectory()
    let original = Self.into.replacingOccurrences(
      of: "network:\n  title: Gemeinschaftliches Wohnen in Dresden\n",
      with: "network:\n  title: \"Wohnen #1 in Dresden\"\n  description: |\n    Zeile #2\n    # keine Kommentarzeile\n  region: 'Dresden #3'\n")
    #expect(original != Self.into)
    let into = try dir.file("net.yaml", original)
    let draft = try dir.file("draft.yaml", Self.draft)
    let result = try CLIRunner.run(["merge", draft, into])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: into, encoding: .utf8)
    #expect(text.contains(#"description: "Zeile #2\n# keine Kommentarzeile\n""#), "\(text)")
  }

  @Test func dryRunWritesNothing() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.into)
    let draft = try dir.file("draft.yaml", Self.draft)
    let result = try CLIRunner.run(["merge", draft, into, "--dry-run"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("Probelauf: 1 Akteur, 1 Beziehung hinzugefügt; nichts wurde geschrieben."))
    #expect(try String(contentsOfFile: into, encoding: .utf8) == Self.into)
  }

  @Test func strictFailsWhenSomethingCouldNotBePlaced() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.into)
    let draft = try dir.file("draft.yaml", Self.draft)
    let result = try CLIRunner.run(["merge", draft, into, "--strict"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("1 angenommener Eintrag ließ sich nicht zuordnen (--strict); nichts wurde geschrieben."))
    #expect(try String(contentsOfFile: into, encoding: .utf8) == Self.into)
    // With the pending actor included, everything is placed.
    let pending = try CLIRunner.run(["merge", draft, into, "--strict", "--include-pending"])
    #expect(pending.status == 0, "\(pending.stderr)")
    #expect(try CLIRunner.run(["check", into]).stdout.contains("in Ordnung: 6 Akteure, 4 Beziehungen"))
  }

  @Test func ambiguityIsReported() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file(
      "net.yaml",
      "network:\n  title: T\n  language: en\nactors:\n  - {id: woge_eg, name: WoGe eG, type: cooperative}\n  - {id: woge_gmbh, name: WoGe GmbH, type: housing_company}\n")
    let draft = try dir.file("draft.yaml", "network:\n  title: D\nactors:\n  - {id: w, name: WoGe, type: cooperative}\n")
    let result = try CLIRunner.run(["merge", draft, into])
    #expect(result.status == 0)
    #expect(result.stderr.contains("\(draft):4:5: not placed: actor 'w' (WoGe) could be existing 'woge_eg' (WoGe eG) or 'woge_gmbh' (WoGe GmbH)"), "\(result.stderr)")
    #expect(result.stderr.contains("nothing new to add; unchanged."))
  }

  @Test func invalidInputsAreAllReported() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Samples.broken)
    let draft = try dir.file("draft.yaml", "network:\n  title: D\nactors:\n  - {id: a, name: A, type: cooperativ, review: acepted}\n")
    let result = try CLIRunner.run(["merge", draft, into])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(draft):4:28: error: unknown actor type \"cooperativ\""), "\(result.stderr)")
    #expect(result.stderr.contains("\(draft):4:48: error: unknown review mark \"acepted\""), "\(result.stderr)")
    #expect(result.stderr.contains("\(into):14:"), "errors of INTO too")
    #expect(result.stderr.contains("error; nothing was written.") || result.stderr.contains("errors; nothing was written."))
    #expect(try String(contentsOfFile: into, encoding: .utf8) == Samples.broken)
  }

  @Test func spreadsheetImportMergesAsADraft() throws {
    let dir = try TemporaryDirectory()
    let into = try dir.file("net.yaml", Self.intoEnglish)
    let actors = try dir.file("neu.csv", "id;name;type\nx;Die GWG;housing_company\nwbg;WBG Aufbau eG;cooperative\n")
    let relations = try dir.file("neu-bez.csv", "from;to;kind\nx;wbg;advice\n")
    let draft = dir.path("neu.yaml")
    #expect(try CLIRunner.run(["import", actors, relations, "-o", draft, "--title", "Neu"]).status == 0)
    let result = try CLIRunner.run(["merge", draft, into, "-o", dir.path("merged.json")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("added: relation 'x' – 'wbg' (advice) as 'gwg' – 'wbg'"), "\(result.stderr)")
    #expect(try CLIRunner.run(["check", dir.path("merged.json")]).stdout.contains("ok: 5 actors, 3 relations"))
  }

  @Test func helpExplainsTheRules() throws {
    let result = try CLIRunner.run(["merge", "--help"])
    let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for words in ["--include-pending", "--strict", "--dry-run", "comments", "'die GWG' = 'GWG'", "rejected"] {
      #expect(help.contains(words), "\(words)")
    }
  }
}
