import StakeMapGaps
import StakeMapModel
import StakeMapText

extension Referral {
  /// The `refer` answer for people, in `language`: the topic and how many offer it; per offer
  /// the actor, its distance from the asking actor, the chain of introductions ("NWID – LHD
  /// (Kooperation), LHD – KS (Förderung); KS bietet es an") and the evidence of the offer; who
  /// else needs the topic; when nobody offers it, the nearest offered topics.
  public func text(network: Network, language: Language) -> String {
    let w = Words(language)
    let name = { (i: Int) in network.actors[i].short ?? network.actors[i].name }
    let label = { (id: String) in network.topics.first { $0.id == id }?.label(language) ?? id }
    var out = ""
    let topicText = w.quoted(label(topic)) + " (\(topic))"
    if offers.isEmpty {
      out += w(.referNobody, ["topic": topicText]) + "\n"
      if !relatedTopics.isEmpty {
        let related = relatedTopics.map { w.quoted(label($0)) + " (\($0))" }
        out += Numbers.wrap(w(.referRelated, ["topics": w.list(related)]), width: 92, indent: "  ") + "\n"
      }
    } else {
      out += w.count(offers.count, one: .referOffersOne, other: .referOffersOther, ["topic": topicText])
      if let from { out += " " + w(.referRoutesFrom, ["actor": name(from)]) }
      out += "\n\n"
      let kinds = Referral.kindsAlongPaths(offers.map(\.path), network: network, language: language)
      for (k, offer) in offers.enumerated() {
        var line = "\(k + 1). \(name(offer.actor))"
        if network.actors[offer.actor].short != nil { line += " (\(network.actors[offer.actor].name))" }
        if from != nil {
          let reach: String
          if let d = offer.distance {
            reach = d == 0 ? w(.referSelf) : w.count(d, one: .referStepsOne, other: .referStepsOther)
          } else {
            reach = w(.referUnreachable)
          }
          line += " – " + reach
        }
        out += Numbers.wrap(line, width: 92, indent: "   ") + "\n"
        if offer.path.count >= 2 {
          var links: [String] = []
          for (a, b) in zip(offer.path, offer.path.dropFirst()) {
            let pairKinds = kinds[Referral.pairKey(a, b)] ?? []
            links.append(w(.referLink, ["a": name(a), "b": name(b), "kinds": w.list(pairKinds)]))
          }
          let chain = links.joined(separator: ", ") + "; " + w(.referChainEnd, ["actor": name(offer.actor)])
          out += "   " + Numbers.wrap(w(.referPath, ["chain": chain]), width: 89, indent: "     ") + "\n"
        }
        if let quote = offer.evidence.quote {
          let evidence = w.quoted(quote) + (offer.evidence.source.map { " (\($0))" } ?? "")
          out += "   " + Numbers.wrap(w(.referEvidence, ["quote": evidence]), width: 89, indent: "     ") + "\n"
        }
      }
    }
    if !alsoNeededBy.isEmpty {
      out += "\n" + Numbers.wrap(w(.referAlsoNeeded, ["names": w.list(alsoNeededBy.map(name))]), width: 92, indent: "  ") + "\n"
    }
    return out
  }

  static func pairKey(_ a: Int, _ b: Int) -> NodePairKey { NodePairKey(min(a, b), max(a, b)) }

  struct NodePairKey: Hashable {
    var a: Int, b: Int
    init(_ a: Int, _ b: Int) { (self.a, self.b) = (a, b) }
  }

  /// The kinds (labels in `language`, vocabulary order) of the existing relations between
  /// consecutive actors of `paths`, either direction. One pass over the relations: O(m + p).
  static func kindsAlongPaths(
    _ paths: [[Int]], network: Network, language: Language
  ) -> [NodePairKey: [String]] {
    var wanted = Set<NodePairKey>()
    for path in paths where path.count >= 2 {
      for (a, b) in zip(path, path.dropFirst()) { wanted.insert(pairKey(a, b)) }
    }
    guard !wanted.isEmpty else { return [:] }
    var kinds: [NodePairKey: Set<RelationKind>] = [:]
    for r in network.relations where r.status == .existing {
      let key = pairKey(r.from, r.to)
      if wanted.contains(key) { kinds[key, default: []].insert(r.kind) }
    }
    return kinds.mapValues { set in
      RelationKind.allCases.filter(set.contains).map { $0.label(language) }
    }
  }
}
