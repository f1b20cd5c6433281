import StakeMapModel
import Testing

@testable import StakeMapReports
import StakeMapText

@Suite struct SummaryTests {
  func paragraphs(_ language: Language, map: Bool = true) throws -> [ReportSummary.Topic: String] {
    let summary = ReportSummary(try Fixtures.report(language: language, map: map))
    return Dictionary(uniqueKeysWithValues: summary.paragraphs.map { ($0.topic, $0.text) })
  }

  @Test func german() throws {
    let p = try paragraphs(.de)
    #expect(
      p[.size]
        == "Das Netzwerk „Wohnen in Teststadt“ umfasst 5 Akteure und 3 bestehende Beziehungen. Eine weitere ist geplant. Von allen möglichen Beziehungen bestehen 30,0\u{A0}% (Dichte 0,300). Es zerfällt in 2 Teile; der größte verbindet 4 der 5 Akteure. Ohne bestehende Beziehung: Initiative Drei e.V.")
    #expect(
      p[.groups]
        == "Die Akteure gehören zu 4 Typen; die größten Gruppen sind Initiative (2), Genossenschaft (1) und Kommune (1). Die automatische Suche nach Teilgruppen findet 2 Gruppen, die untereinander dichter verbunden sind als mit dem Rest (Modularität 0,120).")
    #expect(
      p[.central]
        == "Am zentralsten ist Genossenschaft Eins eG: Über diesen Akteur laufen die meisten kürzesten Wege zwischen anderen (Vermittlung 0,333), bei 2 direkten Partnern. Danach folgt Netzwerk Wohnen.")
    #expect(
      p[.fragility]
        == "Verletzlich ist das Netzwerk an 2 Stellen: Fällt Netzwerk Wohnen oder Genossenschaft Eins eG weg, zerfällt es in weitere Teile. Fiele Netzwerk Wohnen weg, könnten 2 Paare von Akteuren einander nicht mehr erreichen. 3 Beziehungen sind Brücken: Fällt eine weg, trennt sich ein Teil ab.")
    #expect(
      p[.suggestions]
        == "Einen geäußerten Bedarf könnte ein Akteur decken, mit dem noch keine Beziehung besteht. Die wertvollste neue Verbindung (auf der Karte orange gestrichelt):")
  }

  @Test func english() throws {
    let p = try paragraphs(.en)
    #expect(
      p[.size]
        == "The network “Wohnen in Teststadt” has 5 actors and 3 existing ties. One more is planned. 30.0\u{A0}% of all possible ties exist (density 0.300). It falls into 2 parts; the largest connects 4 of the 5 actors. Without an existing tie: Initiative Drei e.V.")
    #expect(
      p[.groups]
        == "The actors are of 4 types; the largest groups are Initiative (2), Cooperative (1) and Municipality (1). Community detection finds 2 groups that are more densely tied among themselves than to the rest (modularity 0.120).")
    #expect(
      p[.central]
        == "The most central actor is Genossenschaft Eins eG: most shortest paths between others run through it (betweenness 0.333), with 2 direct partners. Next comes Netzwerk Wohnen.")
    #expect(
      p[.fragility]
        == "The network is fragile at 2 points: if Netzwerk Wohnen or Genossenschaft Eins eG drops out, it falls into more parts. If Netzwerk Wohnen dropped out, 2 pairs of actors could no longer reach each other. 3 ties are bridges: if any one goes, a part is cut off.")
    #expect(
      p[.suggestions]
        == "One stated need could be met by an actor with whom there is no tie yet. The most valuable new tie (dashed orange on the map):")
  }

  @Test func bridgesAreTheBestSuggestionsWithTheirMapLabels() throws {
    let summary = ReportSummary(try Fixtures.report())
    #expect(summary.bridges.count == 1)
    #expect(summary.bridges[0].label == "V1")
    #expect(summary.bridges[0].a == "Stadt Teststadt")
    #expect(summary.bridges[0].b == "Initiative Zwei")
    #expect(summary.bridges[0].text == "Verkürzt 3 kürzeste Wege (zusammen um 4 Schritte); beide arbeiten schon mit NW und Genossenschaft Eins eG zusammen.")
    #expect(ReportSummary(try Fixtures.report(language: .en)).bridges[0].label == "S1")
  }

  @Test func withoutTheMapTheSummaryDoesNotPointToIt() throws {
    let p = try paragraphs(.de, map: false)
    #expect(p[.suggestions]?.hasSuffix("Die wertvollste neue Verbindung:") == true)
  }

  @Test func aConnectedNetworkWithoutCutPoints() throws {
    // A triangle: connected, nobody is a cut point, nobody brokers.
    let network = Network(
      info: NetworkInfo(title: "", language: .de),
      actors: [
        Stakeholder(id: "x", name: "X", type: .network), Stakeholder(id: "y", name: "Y", type: .network),
        Stakeholder(id: "z", name: "Z", type: .network),
      ],
      relations: [Relation(from: 0, to: 1), Relation(from: 1, to: 2), Relation(from: 0, to: 2)])
    var gaps = Fixtures.gaps(network)
    gaps.structure.articulationPoints = []
    gaps.structure.bridges = []
    gaps.fragility.disconnectedPairs = [0, 0, 0]
    gaps.groups.communities = [0, 0, 0]
    gaps.suggestions = []
    let report = try Report.build(network: network, options: ReportOptions(includeMap: false), gaps: gaps)
    let summary = ReportSummary(report)
    let p = Dictionary(uniqueKeysWithValues: summary.paragraphs.map { ($0.topic, $0.text) })
    #expect(p[.size] == "Das Netzwerk umfasst 3 Akteure und 3 bestehende Beziehungen. Von allen möglichen Beziehungen bestehen 100,0\u{A0}% (Dichte 1,000). Alle Akteure sind über bestehende Beziehungen miteinander verbunden.")
    #expect(p[.groups] == "Alle Akteure sind vom Typ Netzwerk.")
    #expect(p[.central] == "Niemand vermittelt zwischen anderen; die meisten direkten Partner hat X (2).")
    #expect(p[.fragility] == "Kein einzelner Akteur hält das Netzwerk allein zusammen: Fällt einer weg, bleiben alle anderen verbunden.")
    #expect(p[.suggestions] == "Die Analyse schlägt keine neuen Verbindungen vor.")
    #expect(summary.bridges.isEmpty)
  }

  @Test func numbersListsAndQuotes() {
    let de = Words(.de), en = Words(.en)
    #expect(de.number(0.12345, places: 3) == "0,123")
    #expect(en.number(1234.5, places: 1) == "1234.5")
    #expect(de.number(-0.5, places: 2) == "−0,50")
    #expect(de.number(-0.0001, places: 2) == "0,00")
    #expect(de.number(.nan, places: 2) == "–")
    #expect(de.number(0.9999, places: 2) == "1,00")
    #expect(ReportSummary.percent(0.105, de) == "10,5\u{A0}%")
    #expect(de.list(["A", "B", "C"]) == "A, B und C")
    #expect(en.list(["A", "B"]) == "A and B")
    #expect(en.alternatives(["A", "B", "C"]) == "A, B or C")
    #expect(de.alternatives(["A", "B"]) == "A oder B")
    #expect(de.quoted("x") == "„x“")
    #expect(en.quoted("x") == "“x”")
  }
}

@Suite struct SuggestionTextTests {
  @Test func theReportShowsTheNamesItselfAndTheReasonsAsOneSentence() throws {
    let report = try Fixtures.report(map: false)
    let s = report.gaps.suggestions[0]
    #expect(report.suggestionText(s) == "Verkürzt 3 kürzeste Wege (zusammen um 4 Schritte); beide arbeiten schon mit NW und Genossenschaft Eins eG zusammen.")
    #expect(
      report.gaps.suggestionText(s, language: .de)
        == "Stadt Teststadt – Initiative Zwei: verkürzt 3 kürzeste Wege (zusammen um 4 Schritte); beide arbeiten schon mit NW und Genossenschaft Eins eG zusammen.")
    #expect(
      report.gaps.suggestionText(s, language: .en)
        == "Stadt Teststadt – Initiative Zwei: shortens 3 shortest paths (by 4 steps in all); both already work with NW and Genossenschaft Eins eG.")
  }

  @Test func figuresAreReadable() throws {
    let report = try Fixtures.report(map: false)
    #expect(report.figures([("newly_connected_pairs", 14), ("adamic_adar", 0.72134)]) == "neu verbundene Paare 14; Gewicht der gemeinsamen Partner 0,721")
    let english = try Fixtures.report(language: .en, map: false)
    #expect(english.figures([("newly_connected_pairs", 14), ("adamic_adar", 0.72134)]) == "newly connected pairs 14; adamic adar 0.721")
  }
}
