/// What changed between two versions of a network: actors added, removed and renamed,
/// relations added, removed and changed (status, kind, weight, direction). The numbers
/// (centrality and gap figures before and after) are ``VersionComparison`` (StakeMapGaps); the
/// words are StakeMapReports'.
///
/// **Actors** are matched first by id, then, among the actors left on both sides, by name as
/// `stakemap merge` recognises one organisation (``ActorMatcher``: name key, then the key
/// without legal form, over name, short name and aliases). An ambiguous name matches nothing
/// (the actor counts as removed and added). A matched actor whose name or id differs is
/// *renamed*.
///
/// **Relations** are compared per pair of matched actors: first relations equal in kind and
/// direction are paired (in file order), then relations of the same kind, then the rest in
/// file order, so a tie whose kind changed is one *changed* relation, not one removed and one
/// added. A relation touching a removed (added) actor is removed (added).
///
/// Lists are in file order of the version they belong to: deterministic.
///
/// - Complexity: O(actors + relations + total length of names), with hashing.
public struct NetworkDiff: Sendable {
  /// How two actors were matched.
  public enum MatchKind: String, Sendable {
    case id, name
    /// By name with the legal form set aside (`piano e. V.` and `piano`).
    case nameWithoutLegalForm = "name_without_legal_form"
  }

  public struct ActorPair: Sendable, Equatable {
    /// Index in the old version's actors.
    public var old: Int
    /// Index in the new version's actors.
    public var new: Int
    public var matchedBy: MatchKind

    public init(old: Int, new: Int, matchedBy: MatchKind) {
      self.old = old
      self.new = new
      self.matchedBy = matchedBy
    }
  }

  /// One field of a relation that differs.
  public enum RelationChange: Sendable, Equatable {
    case status(RelationStatus, RelationStatus)
    case kind(RelationKind, RelationKind)
    case weight(Double, Double)
    /// Directed or not, or the direction turned.
    case direction
  }

  public struct RelationPair: Sendable, Equatable {
    public var old: Int
    public var new: Int
    public var changes: [RelationChange]
  }

  public let old: Network
  public let new: Network
  /// Old actor index → new actor index (nil: removed).
  public let newIndexOfOld: [Int?]
  /// New actor index → old actor index (nil: added).
  public let oldIndexOfNew: [Int?]
  /// Every matched pair, in the new version's order.
  public let matched: [ActorPair]
  /// Indices into `new.actors`.
  public let addedActors: [Int]
  /// Indices into `old.actors`.
  public let removedActors: [Int]
  /// Matched pairs whose id or name differs.
  public let renamedActors: [ActorPair]
  /// Indices into `new.relations`.
  public let addedRelations: [Int]
  /// Indices into `old.relations`.
  public let removedRelations: [Int]
  /// Paired relations that differ, in the new version's order.
  public let changedRelations: [RelationPair]
  /// Paired relations, equal or not: old relation index → new relation index.
  public let newRelationOfOld: [Int?]

  public init(old: Network, new: Network) {
    self.old = old
    self.new = new
    var newOf = [Int?](repeating: nil, count: old.actors.count)
    var oldOf = [Int?](repeating: nil, count: new.actors.count)
    var how = [MatchKind?](repeating: nil, count: new.actors.count)
    let oldIDs = old.actorIndex()
    for (j, actor) in new.actors.enumerated() {
      if let i = oldIDs[actor.id], newOf[i] == nil {
        newOf[i] = j
        oldOf[j] = i
        how[j] = .id
      }
    }
    var matcher = ActorMatcher()
    for (i, actor) in old.actors.enumerated() where newOf[i] == nil { matcher.add(actor, at: i) }
    for (j, actor) in new.actors.enumerated() where oldOf[j] == nil {
      var conflict: Int? = nil
      if case .byName(let i, let strong, _, _) = matcher.match(actor, idConflict: &conflict),
        newOf[i] == nil
      {
        newOf[i] = j
        oldOf[j] = i
        how[j] = strong ? .name : .nameWithoutLegalForm
      }
    }
    newIndexOfOld = newOf
    oldIndexOfNew = oldOf
    var matched: [ActorPair] = []
    var renamed: [ActorPair] = []
    for j in new.actors.indices {
      guard let i = oldOf[j], let kind = how[j] else { continue }
      let pair = ActorPair(old: i, new: j, matchedBy: kind)
      matched.append(pair)
      if old.actors[i].name != new.actors[j].name || old.actors[i].id != new.actors[j].id {
        renamed.append(pair)
      }
    }
    self.matched = matched
    renamedActors = renamed
    addedActors = new.actors.indices.filter { oldOf[$0] == nil }
    removedActors = old.actors.indices.filter { newOf[$0] == nil }

    // Relations, grouped by the unordered pair of new actor indices.
    func pairKey(_ a: Int, _ b: Int, _ n: Int) -> Int { min(a, b) * n + max(a, b) }
    let n = max(new.actors.count, 1)
    var newGroups: [Int: [Int]] = [:]
    for (r, relation) in new.relations.enumerated()
    where oldOf[relation.from] != nil && oldOf[relation.to] != nil {
      newGroups[pairKey(relation.from, relation.to, n), default: []].append(r)
    }
    var oldGroups: [Int: [Int]] = [:]
    for (r, relation) in old.relations.enumerated() {
      guard let a = newOf[relation.from], let b = newOf[relation.to] else { continue }
      oldGroups[pairKey(a, b, n), default: []].append(r)
    }
    var newRelOf = [Int?](repeating: nil, count: old.relations.count)
    var oldRelOf = [Int?](repeating: nil, count: new.relations.count)
    /// Same orientation in new indices (undirected relations compare as sets).
    func sameDirection(_ o: Relation, _ w: Relation) -> Bool {
      guard o.directed == w.directed else { return false }
      return !o.directed || (newOf[o.from] == w.from && newOf[o.to] == w.to)
    }
    for (key, olds) in oldGroups {
      guard let news = newGroups[key] else { continue }
      var freeNew = news
      let passes: [(Relation, Relation) -> Bool] = [
        { $0.kind == $1.kind && sameDirection($0, $1) }, { $0.kind == $1.kind }, { _, _ in true },
      ]
      for pass in passes {
        for o in olds where newRelOf[o] == nil {
          if let k = freeNew.firstIndex(where: { pass(old.relations[o], new.relations[$0]) }) {
            newRelOf[o] = freeNew[k]
            oldRelOf[freeNew[k]] = o
            freeNew.remove(at: k)
          }
        }
      }
    }
    self.removedRelations = old.relations.indices.filter { newRelOf[$0] == nil }
    addedRelations = new.relations.indices.filter { oldRelOf[$0] == nil }
    newRelationOfOld = newRelOf
    var changed: [RelationPair] = []
    for (w, o) in oldRelOf.enumerated() {
      guard let o else { continue }
      let a = old.relations[o]
      let b = new.relations[w]
      var changes: [RelationChange] = []
      if a.status != b.status { changes.append(.status(a.status, b.status)) }
      if a.kind != b.kind { changes.append(.kind(a.kind, b.kind)) }
      if a.weight != b.weight { changes.append(.weight(a.weight, b.weight)) }
      if !sameDirection(a, b) { changes.append(.direction) }
      if !changes.isEmpty { changed.append(RelationPair(old: o, new: w, changes: changes)) }
    }
    changedRelations = changed
  }

  /// True when nothing differs.
  public var isEmpty: Bool {
    addedActors.isEmpty && removedActors.isEmpty && renamedActors.isEmpty
      && addedRelations.isEmpty && removedRelations.isEmpty && changedRelations.isEmpty
  }
}
