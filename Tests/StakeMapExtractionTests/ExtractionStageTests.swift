import StakeMapFormats
import StakeMapModel
import Testing

@testable import StakeMapExtraction

/// One test group per stage of the extractor, on small German texts written for the test (not
/// the protocols, whose scores ExtractionQualityTests reports).
@Suite("Extraction stages")
struct ExtractionStageTests {
  static func draft(_ text: String, context: Bool = false) -> Network {
    ProtocolExtractor.extract(
      text: text, fileName: "t.txt", options: ExtractionOptions(includeContextTies: context)
    ).network
  }

  static func names(_ network: Network) -> [String] { network.actors.map(\.name) }

  static func scalars(_ s: String, _ span: TextSpan) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(s.unicodeScalars)[span.start..<span.end])
    return String(view)
  }

  // MARK: 1. Normalisation

  @Test func normalisationMapsBackToOriginalOffsets() {
    let text = "**Das\u{A0}Netz\u{AD}werk** „Neu“ • Punkt\r\nZeile"
    let n = NormalizedText(text)
    #expect(n.text(0..<n.count) == "Das Netzwerk \"Neu\" • Punkt\nZeile")
    // "Netzwerk" in the cleaned text spans the soft hyphen in the original.
    let clean = n.text(0..<n.count)
    let start = Array(clean.unicodeScalars).firstIndex(of: "N")!
    let quote = n.quote(start..<(start + 8))
    #expect(quote.text == "Netz\u{AD}werk")
    #expect(Self.scalars(text, quote.span) == quote.text)
    // Dropped markers at the edges stay outside the quote.
    let das = n.quote(0..<3)
    #expect(das.text == "Das")
    #expect(das.span == TextSpan(start: 2, end: 5))
  }

  @Test func markdownHeadingsAndCombiningUmlautsAreCleaned() {
    let n = NormalizedText("# Titel\nBu\u{308}ro")
    #expect(n.text(0..<n.count) == "Titel\nBüro")
  }

  // MARK: 2. Segmentation

  @Test func bulletsQuestionsAndSentences() {
    let text = """
      Einleitung mit z. B. einer Abkürzung. Am 28. November 2022 tagte die Runde.

      a. Welche Unterstützung benötigt die Organisation?

        • erstes Stichwort
      - zweites Stichwort

      Der piano e. V. ist aktiv. piano e. V. kooperiert.
      """
    let n = NormalizedText(text)
    let s = Segmenter.segment(n)
    let texts = s.segments.map { n.text($0.range) }
    #expect(
      texts == [
        "Einleitung mit z. B. einer Abkürzung.", "Am 28. November 2022 tagte die Runde.",
        "a. Welche Unterstützung benötigt die Organisation?", "erstes Stichwort",
        "zweites Stichwort", "Der piano e. V. ist aktiv.", "piano e. V. kooperiert.",
      ])
    #expect(s.segments.map(\.kind) == [.sentence, .sentence, .heading, .item, .item, .sentence, .sentence])
    #expect(s.sections.count == 1)
    #expect(s.sections[0].label == "a")
    #expect(s.segments[3].section == 0)
    #expect(s.segments[0].section == nil)
  }

  @Test func wrappedTitleLinesAreJoined() {
    let n = NormalizedText("**Workshop: Sicherung von Wohnraum in strukturschwachen\nGebieten**\n\nText.")
    let s = Segmenter.segment(n)
    #expect(n.text(s.segments[0].range) == "Workshop: Sicherung von Wohnraum in strukturschwachen\nGebieten")
  }

  @Test func questionsAreReadByContentNotLetter() {
    #expect(SectionRole.of("c. Welche Unterstützung benötigt die soziale Organisation?") == .needs)
    #expect(SectionRole.of("b. Welcher Voraussetzungen bedarf es bei den Partnern?") == .needs)
    #expect(SectionRole.of("d. Wie kann die Kooperation verbessert werden?") == .needs)
    #expect(SectionRole.of("Was für bestehende Angebote gibt es in Leipzig?") == .offers)
    #expect(SectionRole.of("a. In welchem Handlungsfeld ist die Organisation tätig?") == .offers)
    #expect(SectionRole.of("c. Welche Erfahrungen hat der Akteur gemacht?") == .other)
    #expect(SectionRole.of("f. Gibt es weitere Themen und Vorschläge?") == .other)
    #expect(SectionRole.of("Was sind die Ziele der Stelle?") == .other)
  }

  // MARK: 4–5. Organisations and the nominative

  @Test func legalFormsIncludingSpacedOnes() {
    let n = Self.draft(
      "Teilnehmende waren das bauforum leipzig e.V., die Wohnungsgenossenschaft Einheit eG und der Caritasverband für die Stadt Chemnitz e. V.")
    #expect(
      Self.names(n) == [
        "bauforum leipzig e.V.", "Wohnungsgenossenschaft Einheit eG",
        "Caritasverband für die Stadt Chemnitz e. V.",
      ])
    // A Caritasverband is a welfare association: a social organisation.
    #expect(n.actors.map(\.type) == [.association, .cooperative, .socialOrganization])
  }

  @Test func articlesBeforeALegalFormAreNoPartOfTheName() {
    let n = Self.draft("Mit Unterstützung der Volkshilfe e.V. und der VBW Bauen und Wohnen GmbH.")
    #expect(Self.names(n) == ["Volkshilfe e.V.", "VBW Bauen und Wohnen GmbH"])
  }

  @Test func inflectedNamesAreReducedToTheNominative() {
    let n = Self.draft(
      """
      Wir arbeiten im Regionalen Netzwerk zur Vermeidung von Armut im Ländlichen Raum Nordheide mit.
      Das Projekt entstand unter Federführung des Amtes für Soziales und Wohnen.
      Es sprach eine Vertreterin der Landeshauptstadt Hannover.
      Die Mittel kommen vom Deutschen Hilfsverband Nord.
      """)
    #expect(
      Self.names(n) == [
        "Regionales Netzwerk zur Vermeidung von Armut im Ländlichen Raum Nordheide",
        "Amt für Soziales und Wohnen", "Landeshauptstadt Hannover", "Deutscher Hilfsverband Nord",
      ])
  }

  @Test func nominativeRules() {
    #expect(Declension.nominativeAdjective("Regionalen", gender: .neuter) == "Regionales")
    #expect(Declension.nominativeAdjective("Deutschen", gender: .masculine) == "Deutscher")
    #expect(Declension.nominativeAdjective("Lokalen", gender: .feminine) == "Lokale")
    #expect(Declension.nominativeAdjective("Leipziger", gender: .neuter) == "Leipziger")
    let amtes = Token(text: "Amtes", lower: "amtes", range: 0..<0, kind: .word)
    #expect(GermanLexicon.head(of: amtes)?.nominative == "Amt")
    let buendnis = Token(text: "Bündnisses", lower: "bündnisses", range: 0..<0, kind: .word)
    #expect(GermanLexicon.head(of: buendnis)?.nominative == "Bündnis")
    // Plurals name kinds, not bodies.
    let netzwerke = Token(text: "Netzwerke", lower: "netzwerke", range: 0..<0, kind: .word)
    #expect(GermanLexicon.head(of: netzwerke) == nil)
    #expect(Declension.placeOfAdjective("Dresdner", places: ["dresden"]) == "dresden")
  }

  @Test func genericHeadsAreNoActors() {
    let n = Self.draft(
      "Die Stadt und das Netzwerk unterstützen die Wohnungswirtschaft. Ein Verein ist wichtig. Die Koordinationsstelle für gemeinschaftliches Wohnen berät.")
    #expect(n.actors.isEmpty)
  }

  @Test func headWithAbbreviationIsNamedByIt() {
    let n = Self.draft("piano e.V. kooperiert mit der städtischen Wohnungsbaugesellschaft GWG. Die GWG hilft.")
    #expect(Self.names(n) == ["piano e.V.", "GWG"])
    #expect(n.actors[1].type == .housingCompany)
  }

  @Test func headWithPlaceOrQuotedName() {
    let n = Self.draft(
      """
      In Erfurt fehlt bisher eine Koordinationsstelle 'Gutes Wohnen' in Erfurt.
      Ziel ist eine Koordinationsstelle in Erfurt. Die Koordinationsstelle Gutes Wohnen wird geplant.
      """)
    #expect(Self.names(n) == ["Koordinationsstelle Gutes Wohnen in Erfurt"])
    #expect(n.actors[0].aliases == ["Koordinationsstelle in Erfurt", "Koordinationsstelle Gutes Wohnen"])
  }

  // MARK: Abbreviations

  @Test func abbreviationsAreLinkedToTheirNames() {
    let n = Self.draft(
      """
      Eingeladen hatte das Netzwerk Gutes Wohnen Jena, kurz NGWJ, zusammen mit dem Mieterverein Jena (MVJ).
      Ziel des NGWJ ist mehr Beratung. Auch der MVJ ist dabei.
      """)
    #expect(Self.names(n) == ["Netzwerk Gutes Wohnen Jena", "Mieterverein Jena"])
    #expect(n.actors[0].aliases == ["NGWJ"])
    #expect(n.actors[0].short == "NGWJ")
    #expect(n.actors[0].id == "ngwj")
    #expect(n.actors[1].aliases == ["MVJ"])
  }

  @Test func expansionsAndTerms() {
    let n = Self.draft(
      "Das QUAZ-Zentrum (Quartier Und Alltag Zentrum) betreibt im NVZ (Nahversorgungszentrum) einen Laden. Die AWIG berät.")
    #expect(Self.names(n) == ["QUAZ-Zentrum", "AWIG"])
    #expect(n.actors[0].aliases == ["Quartier Und Alltag Zentrum"])
  }

  @Test func shortFormsJoinTheirActor() {
    let n = Self.draft(
      """
      Dabei waren die WoBa Gera eG und das werkforum gera e.V. aus Gera.

      Was für bestehende Angebote gibt es in Gera?

      • WoBa Begleitung von Hausgruppen
      • Werkforum Beratung für Bauherren
      """)
    #expect(Self.names(n) == ["WoBa Gera eG", "werkforum gera e.V."])
    #expect(n.actors[0].aliases == ["WoBa"])
    #expect(n.actors[1].aliases == ["Werkforum"])
    #expect(n.actors[0].offers.count == 1)
    #expect(n.actors[1].offers.count == 1)
  }

  // MARK: People and places

  @Test func peopleAndRolesAreNoActorsButTheirOrganisationsAre() {
    let n = Self.draft(
      """
      Der Abend wurde von Frau Dr. Ina Berg (Lokale Agenda Weimar) moderiert. Herr Paul Kern sprach als Referent Wohnungspolitik im Rathaus Weimar.

      Uta Schulz, Aufbauwerk Weimar
      """)
    // The signature line names the person's organisation (not the person).
    #expect(Self.names(n) == ["Lokale Agenda Weimar", "Aufbauwerk Weimar"])
  }

  @Test func signatureLinesNameTheOrganisation() {
    let n = Self.draft("Kurzprotokoll\n\nHans-Jörg Krause, Baugemeinschaft Nordstadt\n\nText.")
    #expect(Self.names(n) == ["Baugemeinschaft Nordstadt"])
  }

  // MARK: 7. Events

  @Test func eventsWithDatesAndMergedMentions() {
    let n = Self.draft(
      """
      Workshop 2 „Wohnen am Fluss“ im Rückblick

      Am 3. April 2019 fand der Workshop „Wohnen am Fluss“ im Bürgerhaus Weststadt statt. Der 5. Runde Tisch Wohnen folgt am 12.06.2019.
      """)
    #expect(n.events.map(\.title) == ["Workshop 2 „Wohnen am Fluss“", "5. Runder Tisch Wohnen"])
    #expect(n.events.map(\.date) == ["2019-04-03", "2019-06-12"])
    #expect(n.events.map(\.kind) == [.workshop, .roundTable])
    #expect(n.events[0].place == "Bürgerhaus Weststadt")
  }

  // MARK: 8. Ties

  @Test func cuesAreDetected() {
    func kinds(_ s: String) -> [RelationKind] {
      let n = NormalizedText(s)
      return TieExtractor.cues(in: Tokenizer.tokenize(n, 0..<n.count)).map(\.kind)
    }
    #expect(kinds("X lud in Kooperation mit Y ein") == [.cooperation])
    #expect(kinds("X unterstützt finanziell und stellt Räumlichkeiten zur Verfügung") == [.funding, .spaceProvision])
    #expect(kinds("Y stellt personelle Ressourcen zur Verfügung") == [.personnel])
    #expect(kinds("Hier konkret in der Mitarbeit im Netzwerk") == [.membership])
    #expect(kinds("gegründet unter Federführung des Amtes") == [.other])
    #expect(kinds("Es folgte ein Inputvortrag von Herrn Z") == [.knowledgeTransfer])
    // A list of who attended is no tie (GUIDELINES 4.7): no cue.
    #expect(kinds("Teilnehmende waren A und B") == [])
  }

  @Test func tiesNeedACueBetweenTwoNamedActors() {
    let n = Self.draft(
      """
      Die Stadt Gera kooperiert mit der WoBa Gera eG. Das Netzwerk Nord wurde unter Federführung des Amtes für Wohnen gegründet.
      Seit 2017 arbeitet die Fachstelle Wohnhilfe eng mit der Wohnbau Ost GmbH zusammen.
      Der Mieterverein Gera e.V. wird von der Bürgerstiftung Gera finanziell unterstützt.
      """)
    let pairs = n.relations.map { [n.actors[$0.from].name, n.actors[$0.to].name, $0.kind.rawValue] }
    #expect(
      pairs == [
        ["Stadt Gera", "WoBa Gera eG", "cooperation"],
        ["Netzwerk Nord", "Amt für Wohnen", "other"],
        ["Fachstelle Wohnhilfe", "Wohnbau Ost GmbH", "cooperation"],
        ["Bürgerstiftung Gera", "Mieterverein Gera e.V.", "funding"],
      ])
    #expect(n.relations.allSatisfy { $0.review == .pending && $0.source != nil })
  }

  @Test func coAttendanceIsNoTie() {
    let n = Self.draft(
      "Teilnehmende waren unter anderem die Volkshilfe e.V., die WoBa Gera eG sowie das Mietshäuser Syndikat. Die WoBa und das Syndikat bieten Beratung an.")
    #expect(n.actors.count == 3)
    #expect(n.relations.isEmpty)
  }

  @Test func unitOfAParentIsAMembership() {
    let n = Self.draft("Es sprach Herr Max Kurz vom Amt für Bauen und Wohnen der Stadt Suhl.")
    #expect(Self.names(n) == ["Amt für Bauen und Wohnen", "Stadt Suhl"])
    #expect(n.relations.count == 1)
    #expect(n.relations[0].kind == .membership)
    #expect(n.relations[0].evidence == "Amt für Bauen und Wohnen der Stadt Suhl")
  }

  @Test func contextTiesSayHowTheyWereInferred() {
    let text = """
      a. In welchem Handlungsfeld ist die soziale Organisation tätig?

      Der Nachbarschaftstreff Ost e.V. arbeitet im Quartier. Die WoBa Gera eG unterstützt finanziell.

      b. Welche Unterstützung benötigt die soziale Organisation?

      Mehr Räume.
      """
    #expect(Self.draft(text).relations.isEmpty)
    let withContext = ProtocolExtractor.extract(text: text, fileName: "t.txt")
    #expect(withContext.network.relations.count == 1)
    #expect(withContext.network.relations[0].kind == .funding)
    // The reviewer learns how; a report never shows it (no `note`).
    #expect(withContext.network.relations[0].note == nil)
    #expect(withContext.reviewComments.relations[0]?.contains("antwortende Organisation") == true)
  }

  // MARK: 9. Needs and offers

  @Test func needsAndOffersFromTheQuestions() {
    let n = Self.draft(
      """
      a. In welchem Handlungsfeld ist die soziale Organisation tätig?

      Der Nachbarschaftstreff Ost e.V. ist ein Verein, dessen Ziel es ist, Nachbarn zu verbinden und Feste zu feiern. Handlungsfelder sind: Beratung, Gartenarbeit, Sprachkurse

      b. Welcher Voraussetzungen bedarf es?

      gemeinsame Ziele, feste Ansprechpersonen, ein eigener Raum

      c. Welche Erfahrungen hat die Organisation gemacht?

      - nur gute
      """)
    let actor = n.actors[0]
    #expect(actor.name == "Nachbarschaftstreff Ost e.V.")
    #expect(
      actor.offers.map(\.evidence) == [
        "Nachbarn zu verbinden", "Feste zu feiern", "Beratung", "Gartenarbeit", "Sprachkurse",
      ])
    #expect(actor.needs.map(\.evidence) == ["gemeinsame Ziele", "feste Ansprechpersonen", "ein eigener Raum"])
    let topics = Set(n.topics.map(\.id))
    #expect(actor.offers.allSatisfy { topics.contains($0.topic) && $0.review == .pending })
  }

  // MARK: Draft

  @Test func everyQuoteIsVerbatimAtItsOffsets() {
    let text = "**Workshop 1 „Wohnen“**\n\nAm 1. März 2020 lud das Netzwerk\u{A0}Wohnen Suhl, kurz NWS, in Kooperation mit der Stadt Suhl ein."
    let n = Self.draft(text)
    #expect(!n.actors.isEmpty && !n.relations.isEmpty && !n.events.isEmpty)
    for actor in n.actors {
      #expect(Self.scalars(text, actor.offsets!) == actor.evidence)
    }
    for relation in n.relations {
      #expect(Self.scalars(text, relation.offsets!) == relation.evidence)
    }
    for event in n.events {
      #expect(Self.scalars(text, event.offsets!) == event.evidence)
    }
  }

  @Test func emptyAndOddInputsGiveValidDrafts() {
    for text in ["", "\n\n", "• ", "a. b?", "e. V.", "GWG (", "Frau", "\u{FEFF}Titel\r\nText."] {
      let yaml = NetworkWriter.yaml(Self.draft(text))
      let result = NetworkReader.parse(bytes: Array(yaml.utf8), file: "d.yaml", format: .yaml)
      #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(text)")
    }
  }

  @Test func idsAreAsciiSlugsAndUnique() {
    #expect(Slug.make("Mietshäuser Syndikat") == "mietshaeuser_syndikat")
    #expect(Slug.make("Geschäftsbereich Arbeit, Soziales, Gesundheit und Wohnen", maxLength: 32) == "geschaeftsbereich_arbeit")
    #expect(DraftBuilder.defaultSourceID("/a/000_3caed95846010113.txt") == "p000_3caed95846010113")
    #expect(DraftBuilder.defaultSourceID("protokoll.txt") == "protokoll")
  }
}
