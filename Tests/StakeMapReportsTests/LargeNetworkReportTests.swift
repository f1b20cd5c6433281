import StakeMapModel
import Testing

@testable import StakeMapReports
import StakeMapText

/// Above ``ReportOptions/largestMap`` actors the report leaves the map out and says why
/// (issue 14: a report on 100,000 actors must finish); below it the map is drawn.
@Suite struct LargeNetworkReportTests {
  func network() -> Network {
    Network(
      info: NetworkInfo(title: "Drei", language: .de),
      actors: [
        Stakeholder(id: "x", name: "X", type: .network), Stakeholder(id: "y", name: "Y", type: .network),
        Stakeholder(id: "z", name: "Z", type: .network),
      ],
      relations: [Relation(from: 0, to: 1), Relation(from: 1, to: 2)])
  }

  @Test(arguments: [Language.de, .en])
  func tooManyActorsGivesNoMapAndTheReason(_ language: Language) throws {
    var options = ReportOptions(language: language)
    options.largestMap = 2
    let report = try Report.build(network: network(), options: options)
    #expect(report.map == nil)
    let why = try #require(report.mapOmitted)
    #expect(why.contains("3") && why.contains("2"))
    // The sentence stands in both reports (escaped for each: compare its plain start).
    let start = String(why.prefix(11))
    #expect(report.html().contains(start))
    #expect(report.markdown(mapFiles: nil).contains(start))
    var drawn = options
    drawn.largestMap = 5_000
    let withMap = try Report.build(network: network(), options: drawn)
    #expect(!withMap.html().contains(start))
  }

  @Test func smallEnoughGetsItsMap() throws {
    var options = ReportOptions(language: .en)
    options.largestMap = 3
    let report = try Report.build(network: network(), options: options)
    #expect(report.map != nil && report.mapOmitted == nil)
  }

  /// Five actors in a path a – b – c – d – e: c has the highest betweenness, then b and d.
  func path() -> Network {
    Network(
      info: NetworkInfo(title: "Pfad", language: .de),
      actors: ["a", "b", "c", "d", "e"].map { Stakeholder(id: $0, name: $0.uppercased() + "-Verein", type: .association) },
      relations: [
        Relation(from: 0, to: 1), Relation(from: 1, to: 2), Relation(from: 2, to: 3), Relation(from: 3, to: 4),
      ])
  }

  /// Above ``ReportOptions/largestListing`` the table and the cards show the leading actors by
  /// betweenness only, both formats say so, and no link points to a card that is not there.
  @Test(arguments: [Language.de, .en])
  func tooManyActorsListsTheLeadingOnes(_ language: Language) throws {
    var options = ReportOptions(language: language, includeMap: false)
    options.largestListing = 4
    options.leadingActors = 3
    let report = try Report.build(network: path(), options: options)
    #expect(report.listedActors == [1, 2, 3])
    let note = try #require(report.listingNote)
    #expect(note.contains("5") && note.contains("3"))
    let html = report.html()
    let markdown = report.markdown(mapFiles: nil)
    let start = String(note.prefix(11))
    #expect(html.contains(start) && markdown.contains(start))
    for listed in [1, 2, 3] {
      #expect(html.contains("id=\"sm-actor-\(listed)\""))
      #expect(markdown.contains("### \(["B", "C", "D"][listed - 1])-Verein"))
    }
    for left in [0, 4] {
      #expect(!html.contains("sm-actor-\(left)"), "no card and no link for actor \(left)")
      #expect(!markdown.contains("### \(["A", "", "", "", "E"][left])-Verein"))
    }
    // The table: three rows, C first.
    let rows = html.components(separatedBy: "<tr data-order=").count - 1
    #expect(rows == 3)
    #expect(markdown.contains("| 1 | C-Verein |"))

    var all = options
    all.largestListing = 5
    let full = try Report.build(network: path(), options: all)
    #expect(full.listedActors == nil && full.listingNote == nil)
    #expect(full.html().components(separatedBy: "<tr data-order=").count - 1 == 5)
    #expect(full.html().contains("id=\"sm-actor-0\""))
  }

  /// A centrality computed outside (the CLI's, with its progress line) is the one reported.
  @Test func precomputedCentralityIsUsed() throws {
    let options = ReportOptions(language: .en, includeMap: false)
    let own = try Report.build(network: path(), options: options)
    var given = own.centrality
    given.betweenness = [0.9, 0, 0, 0, 0]
    let report = try Report.build(network: path(), options: options, centrality: given)
    #expect(report.centrality.betweenness == given.betweenness)
    #expect(report.tableActors.first == 0)
  }
}
