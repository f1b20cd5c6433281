import StakeMapModel
import StakeMapText

extension Referral {
  /// The `refer --format json` document, keys in this order:
  /// `topic` (id), `for` (the asking actor's id or null), `offers`: [{`actor`, `distance`
  /// (hops, null without `for` or when unreachable), `path` (actor ids from the asking actor to
  /// the offerer, both included; empty without `for` or when unreachable), `evidence`
  /// ({`quote`, `source`}, as in `gaps --format json`)}], `also_needed_by` (actor ids),
  /// `related_topics` (topic ids, only filled when nobody offers the topic). Deterministic.
  public func json(network: Network) -> String {
    let ids = network.actors.map(\.id)
    var out = JSONObjectWriter()
    out.open()
    out.field("topic", string: topic)
    out.field("for", raw: from.map { JSONText.string(ids[$0]) } ?? "null")
    let offers = self.offers.map { offer in
      let evidence =
        "{\"quote\": \(offer.evidence.quote.map(JSONText.string) ?? "null"), \"source\": \(offer.evidence.source.map(JSONText.string) ?? "null")}"
      return
        "\n    {\"actor\": \(JSONText.string(ids[offer.actor])), \"distance\": \(offer.distance.map(String.init) ?? "null"), \"path\": \(JSONObjectWriter.idList(offer.path.map { ids[$0] })), \"evidence\": \(evidence)}"
    }
    out.field("offers", raw: "[" + offers.joined(separator: ",") + (offers.isEmpty ? "]" : "\n  ]"))
    out.field("also_needed_by", raw: JSONObjectWriter.idList(alsoNeededBy.map { ids[$0] }))
    out.field("related_topics", raw: JSONObjectWriter.idList(relatedTopics))
    out.close()
    return out.text + "\n"
  }
}
