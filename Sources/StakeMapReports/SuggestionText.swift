import StakeMapGaps
import StakeMapModel
import StakeMapText

/// The words of the gap analysis that StakeMapGaps leaves out: group names, the sentence of
/// every suggestion reason (from its kind, figures and actors) and the labels of figures, all
/// from the catalogue.
extension GapReport {
  /// The `gaps --format json` document, with the suggestions' sentences in
  /// ``GapOptions/language``.
  public func json() -> String {
    json(sentences: sentences(Words(options.language)))
  }

  /// A group's name for people: actor types by their label, communities numbered, "" as
  /// "no value".
  package static func groupName(_ raw: String, by attribute: String, _ w: Words) -> String {
    if raw.isEmpty { return w(.gapsGroupNoValue) }
    if attribute == "type", let type = ActorType(rawValue: raw) { return type.label(w.language) }
    if attribute == "community" { return w(.gapsGroupCommunity, ["n": raw]) }
    return raw
  }

  /// What the groups are by, for people: "Typ" / "type", "Teilgruppe" / "community", else the
  /// attribute as written.
  package static func groupByLabel(_ attribute: String, _ w: Words) -> String {
    switch attribute {
    case "type": w(.gapsGroupByType)
    case "community": w(.gapsGroupByCommunity)
    default: attribute
    }
  }

  func groupLabel(_ g: Int, _ w: Words) -> String {
    g < groups.names.count ? GapReport.groupName(groups.names[g], by: options.groupBy, w) : "?"
  }

  /// The sentence of one reason, lower case at the start (it follows "A – B: " or a "; ").
  package func reasonText(_ reason: Reason, _ w: Words) -> String {
    let name = { (i: Int) in self.network.actors.indices.contains(i) ? self.displayName(i) : "?" }
    func figure(_ key: String) -> Double { reason.figures.first { $0.0 == key }?.1 ?? 0 }
    switch reason.kind {
    case .meetsNeed:
      let needer = reason.actors.first.map(name) ?? "?"
      let offerer = reason.actors.count > 1 ? name(reason.actors[1]) : "?"
      return w(
        .gapsReasonMeetsNeed,
        ["needer": needer, "topic": w.quoted(topicLabel(reason.topic ?? "", w.language)), "offerer": offerer])
    case .connectsComponents:
      return w.count(
        Int(figure("newly_connected_pairs")), one: .gapsReasonConnectsComponentsOne,
        other: .gapsReasonConnectsComponentsOther)
    case .joinsGroups:
      let a = reason.groups.first.map { groupLabel($0, w) } ?? "?"
      let b = reason.groups.count > 1 ? groupLabel(reason.groups[1], w) : "?"
      return w(figure("groups_tied_before") > 0 ? .gapsReasonJoinsGroups : .gapsReasonJoinsUntiedGroups, ["a": a, "b": b])
    case .joinsCommunities:
      let a = reason.hubs.first.map(name) ?? "?"
      let b = reason.hubs.count > 1 ? name(reason.hubs[1]) : "?"
      return w(.gapsReasonJoinsCommunities, ["a": a, "b": b])
    case .shortensPaths:
      let paths = w.count(Int(figure("shortened_pairs")), one: .gapsShortestPathsOne, other: .gapsShortestPathsOther)
      let steps = w.count(Int(figure("steps_saved")), one: .gapsStepsOne, other: .gapsStepsOther)
      return w(.gapsReasonShortensPaths, ["paths": paths, "steps": steps])
    case .sharedPartners:
      var names = reason.actors.prefix(3).map(name)
      if reason.actors.count > 3 { names.append(w(.gapsMorePartners, ["n": w.integer(reason.actors.count - 3)])) }
      return w(.gapsReasonSharedPartners, ["partners": w.list(names)])
    }
  }

  /// The reasons of `s` in one sentence, without the two names, ending with a full stop (a
  /// name such as "piano e.V." ends it already).
  package func reasonsSentence(_ s: Suggestion, _ w: Words) -> String {
    let text = s.reasons.map { reasonText($0, w) }.joined(separator: "; ")
    return text.hasSuffix(".") || text.isEmpty ? text : text + "."
  }

  /// "A – B: reason; reason." in the words of `w`.
  package func suggestionText(_ s: Suggestion, _ w: Words) -> String {
    let text = w(.gapsSuggestion, ["a": displayName(s.a), "b": displayName(s.b), "reasons": s.reasons.map { reasonText($0, w) }.joined(separator: "; ")])
    return text.hasSuffix(".") ? text : text + "."
  }

  /// "A – B: reason; reason." in `language` (map tooltips, findings).
  public func suggestionText(_ s: Suggestion, language: Language) -> String {
    suggestionText(s, Words(language))
  }

  /// A suggestion's sentences for the JSON.
  package func sentences(_ w: Words) -> (Suggestion) -> SuggestionSentences {
    { s in SuggestionSentences(text: suggestionText(s, w), reasons: s.reasons.map { reasonText($0, w) }) }
  }

  /// A reason's figures for people: `newly connected pairs 14; steps saved 3` (labels from
  /// the catalogue, `gaps.reason_figure.KEY`).
  package static func figuresText(_ figures: [(String, Double)], _ w: Words) -> String {
    figures.map { key, value in
      let places = value == value.rounded() && abs(value) < 1e15 ? 0 : 3
      let label = Phrase(rawValue: "gaps.reason_figure." + key).map { w($0) } ?? key.replacingAll("_", " ")
      return label + " " + w.number(value, places: places)
    }.joined(separator: "; ")
  }

  /// The terms the gap analysis and the report use, each with one plain sentence: label, then
  /// meaning. `suggestionFigures`: with the score and figures of suggestions (the report
  /// shows them; the text report does not).
  package static func glossary(_ w: Words, suggestionFigures: Bool = true) -> [(term: String, meaning: String)] {
    var terms: [(Phrase, Phrase)] = [
      (.gapsTermDensity, .gapsTermDensityMeaning),
      (.gapsTermArticulationPoint, .gapsTermArticulationPointMeaning),
      (.gapsTermBridge, .gapsTermBridgeMeaning),
      (.gapsTermKeyPlayers, .gapsTermKeyPlayersMeaning),
      (.gapsTermFragmentation, .gapsTermFragmentationMeaning),
      (.gapsTermStructuralHoles, .gapsTermStructuralHolesMeaning),
      (.gapsTermConstraint, .gapsTermConstraintMeaning),
      (.gapsTermEffectiveSize, .gapsTermEffectiveSizeMeaning),
      (.gapsTermRoles, .gapsTermRolesMeaning),
      (.gapsTermEIIndex, .gapsTermEIIndexMeaning),
      (.gapsTermCommunity, .gapsTermCommunityMeaning),
      (.gapsTermModularity, .gapsTermModularityMeaning),
    ]
    if suggestionFigures {
      terms += [(.gapsTermScore, .gapsTermScoreMeaning), (.gapsTermFigures, .gapsTermFiguresMeaning)]
    }
    return terms.map { (w($0.0), w($0.1)) }
  }
}

extension ScenarioComparison {
  /// The `gaps --with … --format json` document, sentences in each report's language.
  public func json() -> String {
    json(before: before.sentences(Words(before.options.language)), after: after.sentences(Words(after.options.language)))
  }
}
