import StakeMapModel

/// How actors are grouped into labelled boxes (Graphviz clusters) on a map.
///
/// Clusters are drawn by `dot` (and `fdp`, which is not reproducible; see
/// ``StakeMapGraphviz/LayoutEngine/fdp``). With any other engine the grouping becomes the fill
/// colour instead, so the groups stay visible; ``StakeholderMap/automaticEngine(for:options:)``
/// therefore picks `dot` for grouped maps up to ``StakeholderMap/clusterEngineLimit`` actors.
public enum MapGrouping: Sendable, Hashable {
  /// By an actor attribute: `type`, `region`, `basis`, `tag` (first tag) or a custom key.
  case attribute(String)
  /// By groups computed elsewhere, e.g. detected communities: the legend's heading and one
  /// group name per actor (nil: the actor is in no group).
  case assigned(heading: String, labels: [String?])
}

/// The ego map of one actor: the actor and everyone within `radius` hops of it.
///
/// Hops follow the ties the map draws (``MapOptions/statuses``, so planned and desired ties
/// count when they are drawn), in either direction. Radius 0 is the actor alone.
public struct EgoView: Sendable, Hashable {
  /// Index into ``StakeMapModel/Network/actors``.
  public var actor: Int
  public var radius: Int

  public init(actor: Int, radius: Int = 1) {
    self.actor = actor
    self.radius = max(0, radius)
  }
}

/// Keeps the actors whose attribute `key` has the value `value` (`sector=verwaltung`).
///
/// Several filters on the *same* key are alternatives (`region=Dresden`, `region=Leipzig`:
/// either); filters on *different* keys must all hold. `tag`/`tags` match any of the actor's
/// tags. Values are compared exactly (case matters), as they are written in the file.
public struct AttributeFilter: Sendable, Hashable, CustomStringConvertible {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Parses `KEY=VALUE` (the first `=` separates; spaces around the key are trimmed, the value
  /// is kept as written). Nil when there is no `=` or the key is empty.
  public init?(parsing text: String) {
    guard let equals = text.firstIndex(of: "=") else { return nil }
    let key = text[..<equals].trimmingCharacters(in: " \t")
    guard !key.isEmpty else { return nil }
    self.key = key
    self.value = String(text[text.index(after: equals)...])
  }

  public var description: String { "\(key)=\(value)" }

  /// The filter with a vocabulary value given by label or alias in either language
  /// (`type=Wohnungsunternehmen`, `type=eG`, `basis=Weltwissen`) replaced by its id, the
  /// spelling actors carry; other values as written.
  public var canonical: AttributeFilter {
    switch key {
    case "type": AttributeFilter(key: key, value: ActorType.term(value)?.rawValue ?? value)
    case "basis": AttributeFilter(key: key, value: Basis.term(value)?.rawValue ?? value)
    default: self
    }
  }

  /// The values the actor has for `key` (several for tags).
  public static func values(of actor: Stakeholder, key: String) -> [String] {
    switch key {
    case "tag", "tags": actor.tags
    default: actor.attribute(key).map { [$0] } ?? []
    }
  }

  /// True when `actor` passes every group of filters (see ``AttributeFilter``).
  public static func matches(_ actor: Stakeholder, all filters: [AttributeFilter]) -> Bool {
    var byKey: [String: [String]] = [:]
    for filter in filters.map(\.canonical) {
      byKey[filter.key, default: []].append(filter.value)
    }
    for (key, wanted) in byKey {
      let have = values(of: actor, key: key)
      if !have.contains(where: wanted.contains) { return false }
    }
    return true
  }
}

/// A tie that does not exist yet but is suggested (by the gap analysis): drawn dashed, in its
/// own colour, with a short label that the report's list of suggestions explains.
public struct SuggestedTie: Sendable, Hashable {
  /// Indices into ``StakeMapModel/Network/actors``.
  public var a: Int
  public var b: Int
  /// Short text on the line, e.g. `V1` (Vorschlag 1) or `S1`.
  public var label: String
  /// The full reason, shown on hover.
  public var tooltip: String?

  public init(a: Int, b: Int, label: String, tooltip: String? = nil) {
    self.a = a
    self.b = b
    self.label = label
    self.tooltip = tooltip
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let first = s.first, set.contains(first) { s = s.dropFirst() }
    while let last = s.last, set.contains(last) { s = s.dropLast() }
    return String(s)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(self).trimmingCharacters(in: set)
  }
}
