import Foundation
import StakeMapModel
import Testing

@testable import StakeMapExtraction

/// Ties a reader sees across sentences (GUIDELINES 4.7, issue 10): coreference, the
/// publisher's "wir", the previous sentence's subject, list lead-ins, coordination, cue
/// families and status. Invented sentences with invented names, one pattern each.
@Suite("Ties across sentences")
struct DiscourseTieTests {
  static func draft(_ text: String) -> Draft {
    ProtocolExtractor.extract(text: text, fileName: "t.txt")
  }

  /// `name – name: kind status` per relation, in order.
  static func ties(_ text: String) -> [String] {
    let d = draft(text).network
    return d.relations.map {
      "\(d.actors[$0.from].name) – \(d.actors[$0.to].name): \($0.kind.rawValue) \($0.status.rawValue)"
    }
  }

  @Test func aDefiniteDescriptionPointsBackToTheNamedActor() {
    let text = """
      Die Wohnungsgenossenschaft Lindenhof eG baut in Weimar-Nord. Seit dem Frühjahr stellt die Genossenschaft dem Stadtteilladen Weimar e.V. Räume zur Verfügung.
      """
    let d = Self.draft(text)
    #expect(
      Self.ties(text) == [
        "Wohnungsgenossenschaft Lindenhof eG – Stadtteilladen Weimar e.V.: space_provision existing"
      ])
    #expect(d.reviewComments.relations[0]?.contains("„die Genossenschaft“") == true)
    // Also as a field, for JSON drafts and tools.
    #expect(d.network.relations[0].inferred == "coreference")
    // The anaphor is no name: no third actor, no alias.
    #expect(d.network.actors.count == 2)
    #expect(d.network.actors.allSatisfy { !$0.aliases.contains { $0.lowercased().contains("die genossenschaft") } })
  }

  @Test func theVereinIsTheActorIntroducedAsVerein() {
    // "der Verein" is the one introduced with that word, not the last e.V. named.
    let text = """
      Der Verein Wohnbrücke Gotha e.V. begleitet junge Erwachsene. Die Caritas Gotha e.V. berät Familien. Ab Mai wird der Verein vom Jobcenter Gotha gefördert.
      """
    #expect(Self.ties(text) == ["Jobcenter Gotha – Wohnbrücke Gotha e.V.: funding existing"])
    // The bare "Verein" before a name describes it; the name is the rest.
    #expect(Self.draft(text).network.actors.map(\.name).contains("Wohnbrücke Gotha e.V."))
  }

  @Test func weIsThePublisherOnlyWhenTheTextNamesIt() {
    let published = """
      Pressemitteilung des Bündnisses Wohnraum Suhl

      Wir arbeiten seit 2021 eng mit der Wohnbau Suhl GmbH zusammen.
      """
    #expect(Self.ties(published) == ["Bündnis Wohnraum Suhl – Wohnbau Suhl GmbH: cooperation existing"])
    let anonymous = """
      Rückblick

      Wir arbeiten seit 2021 eng mit der Wohnbau Suhl GmbH zusammen.
      """
    #expect(Self.ties(anonymous).isEmpty)
  }

  @Test func anAgentlessClauseBelongsToThePreviousSubject() {
    let text = """
      Der Mieterbund Zwickau e.V. untersucht die Lage älterer Mieter. Die Befragung findet in Kooperation mit der Westsächsischen Hochschule Zwickau und dem Sozialamt Zwickau statt.
      """
    #expect(
      Self.ties(text) == [
        "Mieterbund Zwickau e.V. – Westsächsische Hochschule Zwickau: cooperation existing",
        "Mieterbund Zwickau e.V. – Sozialamt Zwickau: cooperation existing",
        "Westsächsische Hochschule Zwickau – Sozialamt Zwickau: cooperation existing",
      ])
  }

  @Test func membersListedAfterALeadInJoinTheNetwork() {
    let text = """
      Folgende Initiativen beteiligen sich am Netzwerk Wohnen Plauen: Mieterhilfe Plauen e.V., Wohnprojekt Elster e.V. und Stadtteilbüro Haselbrunn.
      """
    #expect(
      Self.ties(text) == [
        "Mieterhilfe Plauen e.V. – Netzwerk Wohnen Plauen: membership existing",
        "Wohnprojekt Elster e.V. – Netzwerk Wohnen Plauen: membership existing",
        "Stadtteilbüro Haselbrunn – Netzwerk Wohnen Plauen: membership existing",
      ])
  }

  @Test func conjunctsAreTiedToTheirPartnerNotToEachOther() {
    let offer = "Die Volkssolidarität Gera e.V. und die WoBa Gera eG bieten in Kooperation mit dem Familienzentrum Gera eine Beratung an."
    #expect(
      Self.ties(offer) == [
        "Volkssolidarität Gera e.V. – Familienzentrum Gera: cooperation existing",
        "WoBa Gera eG – Familienzentrum Gera: cooperation existing",
      ])
    let listed = "Die Volkssolidarität Gera e.V. und die WoBa Gera eG bieten Beratung an."
    #expect(Self.ties(listed).isEmpty)
  }

  @Test func statusFollowsTheWords() {
    let planned = "Gemeinsam mit dem Quartiersbüro Altstadt plant der Nachbarschaftsverein Eisenach e.V. ein Erzählcafé."
    #expect(Self.ties(planned) == ["Nachbarschaftsverein Eisenach e.V. – Quartiersbüro Altstadt: cooperation planned"])
    let desired = "Die Baugenossenschaft Eisenach eG wünscht sich mehr Austausch mit dem Amt für Soziales Eisenach."
    #expect(Self.ties(desired) == ["Baugenossenschaft Eisenach eG – Amt für Soziales Eisenach: cooperation desired"])
  }

  @Test func fundingAndSpaceCuesBeyondKooperiert() {
    #expect(
      Self.ties("Der Stadtteilverein Nord e.V. wird durch die Sparkassenstiftung Jena gefördert.") == [
        "Sparkassenstiftung Jena – Stadtteilverein Nord e.V.: funding existing"
      ])
    #expect(
      Self.ties("Die Wohnbau Jena GmbH beherbergt das Familienzentrum Lobeda.") == [
        "Wohnbau Jena GmbH – Familienzentrum Lobeda: space_provision existing"
      ])
    #expect(
      Self.ties("Ab 2026 soll die Wohnbau Jena GmbH dem Familienzentrum Lobeda eine Wohnung zur Verfügung stellen.")
        == ["Wohnbau Jena GmbH – Familienzentrum Lobeda: space_provision planned"])
  }

  @Test func coHostsCooperateButAnInvitationIsNoTie() {
    #expect(
      Self.ties("Das Netzwerk Wohnen Gera und die Stadt Gera laden zum Fachtag ein.") == [
        "Netzwerk Wohnen Gera – Stadt Gera: cooperation existing"
      ])
    #expect(Self.ties("Das Netzwerk Wohnen Gera lädt die Stadt Gera zum Fachtag ein.").isEmpty)
  }

  @Test func aPassiveAgentActsOnTheSubject() {
    let text = "Das Stadtteilbüro Mitte wird durch das Amt für Soziales Trier beauftragt und von der Caritas Trier e.V. getragen."
    #expect(
      Self.ties(text) == [
        "Amt für Soziales Trier – Stadtteilbüro Mitte: other existing",
        "Caritas Trier e.V. – Stadtteilbüro Mitte: other existing",
      ])
  }

  @Test func theSubjectMayFollowThePluralVerb() {
    let text = """
      Antworten: Frau Eva Roth, Wohnbau Trier GmbH

      a) Wie arbeiten Sie mit sozialen Organisationen zusammen?

      Im Stadtteil Ehrang stellen wir dem Nachbarschaftsverein Ehrang e.V. seit 2021 einen Laden zur Verfügung.
      """
    #expect(Self.ties(text).contains("Wohnbau Trier GmbH – Nachbarschaftsverein Ehrang e.V.: space_provision existing"))
  }

  @Test func whatOneActorGivesAnotherIsTheGiversOffer() {
    let d = Self.draft(
      "Die Wohnbau Trier GmbH stellt dem Nachbarschaftsverein Ehrang e.V. einen Laden zur Verfügung. Die Caritas Trier e.V. und die Diakonie Trier e.V. bieten im Quartier Sprechstunden an.")
    let offers = d.network.actors.filter { !$0.offers.isEmpty }.map(\.name)
    #expect(offers == ["Wohnbau Trier GmbH", "Caritas Trier e.V.", "Diakonie Trier e.V."])
  }

  // MARK: Found by a reviewer who had not read the rules (each failed before its fix)

  @Test func negatedOrEndedRelationsAreNoTies() {
    #expect(Self.ties("Die Kooperation zwischen der Stadt Mainz und der Mainzer Wohnbau GmbH wird nicht fortgeführt.").isEmpty)
    #expect(Self.ties("Die Stadt Plauen lehnt eine Kooperation mit der Stiftung Vogtland ab.").isEmpty)
    #expect(
      Self.ties("Die Stadt Plauen kooperiert nicht nur mit der Stiftung Vogtland.") == [
        "Stadt Plauen – Stiftung Vogtland: cooperation existing"
      ])
  }

  @Test func aDoubtfulDescriptionResolvesToNobody() {
    let text = """
      Die Wohnungsgenossenschaft Fuldablick eG und die Baugenossenschaft Nordstadt eG haben neue Häuser gebaut. Die Genossenschaft arbeitet seit Jahren eng mit dem Verein Nachbarschaft Kassel e.V. zusammen.
      """
    #expect(Self.ties(text).isEmpty)
    // "Die Stadt" is no "Stadtteilverein Südstadt e.V.": a description matches the name's head.
    #expect(
      Self.ties("Der Stadtteilverein Südstadt e.V. berät Familien. Die Stadt fördert seit 2020 die Wohnbrücke Hannover e.V.")
        .isEmpty)
  }

  @Test func anActiveVerbHasItsOwnSubjectAfterIt() {
    // Not the previous sentence's subject: the Stadt commissions, and "freie Träger" are nobody.
    #expect(Self.ties("Der Verein Ostwind Cottbus e.V. berät Mieter. Seit 2022 beauftragt die Stadt Cottbus freie Träger mit der Beratung.").isEmpty)
    // A genitive is no subject: the Caritas offers, with the city's support.
    #expect(
      Self.ties("Mit Unterstützung der Stadt Siegen bietet die Caritas Siegen e.V. eine Beratung an.") == [
        "Caritas Siegen e.V. – Stadt Siegen: cooperation existing"
      ])
  }

  @Test func threeCoordinatedSubjectsOfAMutualVerb() {
    #expect(
      Self.ties("Die Stadt Hagen, die Volmewohnen eG und die Caritas Hagen e.V. kooperieren seit 2019.") == [
        "Stadt Hagen – Volmewohnen eG: cooperation existing",
        "Stadt Hagen – Caritas Hagen e.V.: cooperation existing",
        "Volmewohnen eG – Caritas Hagen e.V.: cooperation existing",
      ])
  }

  // MARK: Normal forms

  @Test func theTitleIsTheHeadingLine() {
    let text = """
      Rundbrief Herbst: Gemeinsam wohnen in Gera
      Liebe Mitglieder, das Jahr war voller Ereignisse und wir blicken zurück auf vieles.
      """
    #expect(Self.draft(text).network.info.title == "Rundbrief Herbst: Gemeinsam wohnen in Gera")
  }

  @Test func kickersAndMastheadsAreNoTitles() {
    let release = """
      PRESSEMITTEILUNG

      Wohnbau Gera GmbH · Gera, 3. März 2025

      Neuer Treffpunkt im Lusan eröffnet
      Die Wohnbau Gera GmbH eröffnet einen Treffpunkt.
      """
    #expect(Self.draft(release).network.info.title == "Neuer Treffpunkt im Lusan eröffnet")
    let letter = """
      Rundbrief 4/2025 – Netzwerk Wohnen Gera

      Liebe Mitglieder, liebe Interessierte,
      das Jahr war voller Ereignisse.
      """
    #expect(Self.draft(letter).network.info.title == "Rundbrief 4/2025 – Netzwerk Wohnen Gera")
  }

  @Test func topicIdsAreShortNounPhrases() {
    #expect(
      TopicNaming.id(
        for: "stellt dem Verein seit 2022 zwei Wohnungen für das Trainingswohnen zur Verfügung",
        nameWords: ["verein"]) == "trainingswohnen")
    #expect(TopicNaming.id(for: "Beratung zu Wohnen im Alter", nameWords: []) == "beratung_wohnen")
  }

  @Test func reviewerNotesStayOutOfReportFields() {
    let d = Self.draft("Die Wohnbau Gera GmbH kooperiert mit dem Verein Wohnhilfe Gera e.V.")
    #expect(d.network.actors.allSatisfy { $0.note == nil })
    #expect(d.network.relations.allSatisfy { $0.note == nil })
    #expect(d.reviewComments.actors.values.allSatisfy { $0.hasPrefix("stakemap extract: erkannt an") })
  }

  // MARK: Bad input

  static func refusal(_ bytes: [UInt8]) -> String? {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stakemap-\(UUID()).txt").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try ProtocolExtractor.extract(path: path)
      return nil
    } catch {
      return error.description(in: .en).replacingOccurrences(of: path, with: "FILE")
    }
  }

  @Test func emptyBinaryAndForeignTextsAreRefusedWithTheReason() {
    #expect(Self.refusal([])?.hasPrefix("FILE: the file is empty") == true)
    #expect(Self.refusal(Array(" \n\t\n".utf8))?.hasPrefix("FILE: the file is empty") == true)
    #expect(
      Self.refusal(Array("Protokoll\nab\u{0}c".utf8))?.hasPrefix("FILE:2:3: control character 0x00") == true)
    // A PDF is binary by its first bytes, before any encoding check.
    #expect(
      Self.refusal([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x0A, 0xE2, 0xE3, 0xCF, 0xD3])?
        .hasPrefix("FILE: this is a PDF file, not text") == true)
    // A list of names is German enough when its few lower-case words are.
    let names = (1...12).map { "- Verein Nummer\($0) Trier e.V." }.joined(separator: "\n")
      + "\nDie Teilnehmenden wurden von der Stadt Trier zu dem Treffen eingeladen und sie kamen mit dem Bus und der Bahn."
    #expect(Self.refusal(Array(names.utf8)) == nil)
    let english = String(
      repeating: "The housing cooperative works with the tenants association of the city on new homes. ",
      count: 4)
    #expect(Self.refusal(Array(english.utf8))?.hasPrefix("FILE: the text does not look German") == true)
    let german = String(
      repeating: "Die Genossenschaft arbeitet mit dem Verein und der Stadt an neuen Wohnungen für alle. ",
      count: 4)
    #expect(Self.refusal(Array(german.utf8)) == nil)
  }
}
