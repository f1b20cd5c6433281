import StakeMapModel
import StakeMapText

extension HTMLReportWriter {
  /// The referral guide ("Wegweiser"): per topic of the vocabulary that someone offers or needs,
  /// who offers it and who needs it, each name linked to the actor's card (where the evidence
  /// stands). Topics in vocabulary order, then topics claims use without declaring them; actors
  /// in file order. Empty when no actor states an offer or a need. O(n + c) for c claims.
  func referralSection() -> String {
    let rows = Self.referralRows(network)
    guard !rows.isEmpty else { return "" }
    var h = "<p>\(e(t(.reportReferralIntro)))</p>\n"
    h += "<div class=\"table-wrap\"><table>\n<caption>\(e(t(.reportReferralCaption)))</caption>\n<thead><tr>"
    h += "<th scope=\"col\">\(e(t(.reportReferralTopic)))</th>"
    h += "<th scope=\"col\">\(e(t(.reportReferralOfferedBy)))</th>"
    h += "<th scope=\"col\">\(e(t(.reportReferralNeededBy)))</th></tr></thead>\n<tbody>\n"
    let nobody = "<span class=\"note\">\(e(t(.reportReferralNobody)))</span>"
    for row in rows {
      h += "<tr id=\"sm-topic-\(a(row.topic))\"><th scope=\"row\">\(e(report.topicLabel(row.topic)))</th>"
      h += "<td>" + (row.offeredBy.isEmpty ? nobody : row.offeredBy.map(actorLink).joined(separator: ", ")) + "</td>"
      h += "<td>" + (row.neededBy.isEmpty ? nobody : row.neededBy.map(actorLink).joined(separator: ", ")) + "</td></tr>\n"
    }
    h += "</tbody></table></div>\n"
    return section(Self.referralSectionID, e(t(.reportReferralGuide)), h)
  }

  static let referralSectionID = "sm-referral"

  /// The guide's rows: (topic id, offering actors, needing actors), rejected claims left out.
  static func referralRows(_ network: Network) -> [(topic: String, offeredBy: [Int], neededBy: [Int])] {
    var order = network.topics.map(\.id)
    var known = Set(order)
    var offered: [String: [Int]] = [:]
    var needed: [String: [Int]] = [:]
    for (i, actor) in network.actors.enumerated() {
      for claim in actor.offers where claim.review != .rejected {
        if offered[claim.topic]?.last != i { offered[claim.topic, default: []].append(i) }
        if known.insert(claim.topic).inserted { order.append(claim.topic) }
      }
      for claim in actor.needs where claim.review != .rejected {
        if needed[claim.topic]?.last != i { needed[claim.topic, default: []].append(i) }
        if known.insert(claim.topic).inserted { order.append(claim.topic) }
      }
    }
    return order.compactMap { topic in
      let o = offered[topic] ?? [], n = needed[topic] ?? []
      return o.isEmpty && n.isEmpty ? nil : (topic, o, n)
    }
  }
}
