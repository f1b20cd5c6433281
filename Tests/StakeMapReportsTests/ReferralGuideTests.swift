import StakeMapGaps
import StakeMapModel
import Testing

@testable import StakeMapReports

/// The report's referral guide (Wegweiser) and the `refer` text.
@Suite struct ReferralGuideTests {
  @Test func guideListsWhoOffersAndWhoNeedsEachTopicLinkedToTheCards() throws {
    var network = Fixtures.network()
    network.topics.append(Topic(id: "legal", de: "Rechtsberatung", en: "Legal advice"))
    network.actors[1].needs.append(TopicClaim(topic: "legal"))
    network.topics.append(Topic(id: "unused", de: "Ungenutzt", en: "Unused"))
    let html = try Report.build(network: network, options: ReportOptions(includeMap: false)).html()
    let page = try PageStructure(html)
    #expect(page.all("section").compactMap { $0.attributes["id"] }.contains("sm-referral"))
    #expect(html.contains("<a href=\"#sm-referral\">Wegweiser</a>"))
    let start = try #require(html.range(of: "<section id=\"sm-referral\""))
    let end = try #require(html[start.upperBound...].range(of: "</section>"))
    let guide = String(html[start.lowerBound..<end.upperBound])
    #expect(guide.contains(
      "<tr id=\"sm-topic-rooms\"><th scope=\"row\">Räume</th><td><a href=\"#sm-actor-4\">Initiative Drei e.V.</a></td><td><a href=\"#sm-actor-0\">Stadt Teststadt</a></td></tr>"))
    #expect(guide.contains(
      "<tr id=\"sm-topic-legal\"><th scope=\"row\">Rechtsberatung</th><td><span class=\"note\">niemand</span></td><td><a href=\"#sm-actor-1\">Netzwerk Wohnen</a></td></tr>"))
    // A topic nobody offers or needs has no row.
    #expect(!guide.contains("Ungenutzt"))
  }

  @Test func noGuideWithoutNeedsOrOffers() throws {
    var network = Fixtures.network()
    for i in network.actors.indices { network.actors[i].needs = []; network.actors[i].offers = [] }
    let html = try Report.build(network: network, options: ReportOptions(includeMap: false)).html()
    #expect(!html.contains("sm-referral"))
  }

  @Test func hostileTopicLabelsAreEscaped() throws {
    let html = try Fixtures.report(hostile: true, map: false).html()
    let start = try #require(html.range(of: "<section id=\"sm-referral\""))
    let end = try #require(html[start.upperBound...].range(of: "</section>"))
    let guide = html[start.lowerBound..<end.upperBound]
    #expect(!guide.contains("<script>"))
    #expect(!guide.contains("<b>"))
  }

  @Test func referTextInBothLanguages() {
    let network = Fixtures.network()
    let referral = Referral(network: network, topic: "rooms", from: 0)
    let de = referral.text(network: network, language: .de)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    // e is reachable only by the planned tie: not along existing ties.
    #expect(de.contains("„Räume“ (rooms): 1 Akteur bietet das an. Wege ab Stadt Teststadt"))
    #expect(de.contains("über bestehende Beziehungen nicht erreichbar"))
    #expect(de.contains("Beleg: „Wir haben Räume“ (s1)"))
    for word in WordingTests.english { #expect(!de.contains(word), "\(word) in \(de)") }
    var tied = network
    tied.relations[3].status = .existing
    let en = Referral(network: tied, topic: "rooms", from: 0).text(network: tied, language: .en)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(en.contains("1. Initiative Drei e.V. – 4 steps away"))
    #expect(en.contains("Route: Stadt Teststadt – NW (Cooperation), NW – Genossenschaft Eins eG (Funding), Genossenschaft Eins eG – Initiative Zwei (Cooperation), Initiative Zwei –"))
    for word in WordingTests.german { #expect(!en.contains(word), "\(word) in \(en)") }
  }
}
