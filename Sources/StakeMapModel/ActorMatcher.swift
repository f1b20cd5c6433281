/// Recognises one organisation in two lists of actors, the way `stakemap merge` and
/// `stakemap diff` do: by id when the names agree too, else by ``OrganizationName/key(_:)`` of
/// any name, short name or alias, else by ``OrganizationName/baseKey(_:)`` (legal form
/// dropped). A step that finds two or more actors is ambiguous and matches none.
///
///     var matcher = ActorMatcher(network.actors)
///     matcher.match(Stakeholder(id: "x", name: "Die GWG", type: .housingCompany))
///     // .byName(index of "GWG", strong: true, …)
///
/// Actors can be added while matching (``add(_:at:)``), so a merge never adds one organisation
/// twice. - Complexity: O(total length of names) to build; O(names of the actor) per match.
public struct ActorMatcher: Sendable {
  /// How an actor was recognised.
  public enum Match: Sendable, Equatable {
    /// The same id, and some name of each has the same key or base key.
    case sameID(Int)
    /// By a name key (`strong`) or a base key; `via` are the two names that share it.
    case byName(Int, strong: Bool, mine: String, theirs: String)
    /// Two or more candidates at the first step that found any.
    case ambiguous([Int], strong: Bool)
    case none
  }

  private var names: [[String]] = []
  private var keyIndex: [String: [Int]] = [:]
  private var baseIndex: [String: [Int]] = [:]
  private var idIndex: [String: Int] = [:]

  public init(_ actors: [Stakeholder] = []) {
    for (i, actor) in actors.enumerated() { add(actor, at: i) }
  }

  /// Every name of an actor: name, short name, aliases.
  public static func names(_ actor: Stakeholder) -> [String] {
    [actor.name] + (actor.short.map { [$0] } ?? []) + actor.aliases
  }

  public static func keys(_ actor: Stakeholder) -> Set<String> {
    Set(names(actor).map(OrganizationName.key).filter { !$0.isEmpty })
  }

  public static func baseKeys(_ actor: Stakeholder) -> Set<String> {
    Set(names(actor).map(OrganizationName.baseKey).filter { !$0.isEmpty })
  }

  /// The index of the actor with `id`, if one was added.
  public func index(ofID id: String) -> Int? { idIndex[id] }

  /// Adds (or re-indexes, after its names changed) the actor at index `i`.
  public mutating func add(_ actor: Stakeholder, at i: Int) {
    while names.count <= i { names.append([]) }
    names[i] = Self.names(actor)
    idIndex[actor.id] = i
    for key in Self.keys(actor) where !(keyIndex[key]?.contains(i) ?? false) {
      keyIndex[key, default: []].append(i)
    }
    for key in Self.baseKeys(actor) where !(baseIndex[key]?.contains(i) ?? false) {
      baseIndex[key, default: []].append(i)
    }
  }

  /// The added actor that `d` is. `idConflict` is set when `d`'s id belongs to an actor whose
  /// names agree in no key.
  public func match(_ d: Stakeholder, idConflict: inout Int?) -> Match {
    let keys = Self.keys(d)
    let baseKeys = Self.baseKeys(d)
    if let e = idIndex[d.id] {
      let other = names[e]
      let otherKeys = Set(other.map(OrganizationName.key).filter { !$0.isEmpty })
      let otherBase = Set(other.map(OrganizationName.baseKey).filter { !$0.isEmpty })
      if !keys.isDisjoint(with: otherKeys) || !baseKeys.isDisjoint(with: otherBase) {
        return .sameID(e)
      }
      idConflict = e
    }
    for strong in [true, false] {
      let index = strong ? keyIndex : baseIndex
      let wanted = strong ? keys : baseKeys
      let f = { (name: String) -> String in
        strong ? OrganizationName.key(name) : OrganizationName.baseKey(name)
      }
      var candidates: [Int] = []
      var via: (mine: String, theirs: String)?
      for key in wanted.sorted() {
        for e in index[key] ?? [] where !candidates.contains(e) {
          candidates.append(e)
          if via == nil {
            let mine = Self.names(d).first { f($0) == key } ?? d.name
            let theirs = names[e].first { f($0) == key } ?? names[e][0]
            via = (mine, theirs)
          }
        }
      }
      if candidates.count == 1, let via {
        return .byName(candidates[0], strong: strong, mine: via.mine, theirs: via.theirs)
      }
      if candidates.count > 1 { return .ambiguous(candidates.sorted(), strong: strong) }
    }
    return .none
  }

  /// ``match(_:idConflict:)`` without the conflict.
  public func match(_ d: Stakeholder) -> Match {
    var conflict: Int? = nil
    return match(d, idConflict: &conflict)
  }
}
