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
}
