import StakeMapModel

/// An organisation of the draft: its mentions merged.
struct ResolvedActor: Sendable {
  var id: String
  var name: String
  var type: ActorType
  var aliases: [String]
  /// Indices into ``ActorResolution/mentions``, in text order.
  var mentions: [Int]
  /// The mention that gave the name.
  var canonical: Int
}

struct ActorResolution: Sendable {
  var mentions: [Mention]
  var actors: [ResolvedActor]
  /// For every mention, the index of its actor (nil for dropped mentions).
  var actorOfMention: [Int?]
}

/// Stage 6: mentions merged into actors, with a canonical name, aliases, a type and an id.
///
/// Two mentions are one actor when
/// - one defines the other (`…, kurz NWID`; `DORV-Zentrum (Dienstleistung und …)`; `Bündnis
///   für inklusives Wohnen „Wohn:sinn“`);
/// - their names have the same ``OrganizationName/key(_:)`` (case, umlauts, spacing of legal
///   forms: `piano e.V.` / `piano e. V.`), the same key without legal form
///   (``OrganizationName/baseKey(_:)``), or the same letters without spaces and punctuation
///   (`Wohnsinn` / `Wohn:sinn`);
/// - one head phrase is a part of exactly one fuller one (`Koordinationsstelle in Dresden`
///   and `Koordinationsstelle Gemeinschaftliches Wohnen` are parts of `Koordinationsstelle
///   'Gemeinschaftliches Wohnen' in Dresden`);
/// - a head and place stand in apposition to a name (`die in Leipzig bestehende
///   Koordinationsstelle …, dem Netzwerk Leipziger Freiheit`), and another mention has the same
///   head and place (`Leipziger Koordinationsstelle`);
/// - one is the distinctive word of the other used alone: the name without legal form and
///   places learned from the text (`bauforum dresden e.V.` → `Bauforum`, `WoGe Dresden eG` →
///   `WoGe`).
///
/// The canonical name is the fullest name of the strongest kind (a quoted proper name, then a
/// legal-form, head or affiliation name, then an abbreviation, then a short form); expansions
/// and descriptive phrases are only aliases. Aliases are the other names, as written in the
/// nominative. Ids are ASCII slugs of the abbreviation or name, unique within the draft.
///
/// Complexity: O(m² ) in the number of mentions for the part-of rule (a protocol has dozens).
enum ActorResolver {
  static func resolve(
    _ recognized: OrganizationRecognizer.Result, _ segmented: SegmentedText,
    _ context: DocumentContext
  ) -> ActorResolution {
    var mentions = recognized.mentions
    var sets = UnionFind(count: mentions.count)

    for (i, m) in mentions.enumerated() {
      if let a = m.aliasOf { sets.union(i, a) }
    }
    var byKey: [String: Int] = [:]
    // Long legal-form names by the key of their name without the leading head word.
    var shortForms: [String: String] = [:]
    var longNamesByShortForm: [String: Set<String>] = [:]
    for m in mentions where m.kind == .legalForm {
      let words = m.name.split(separator: " ")
      guard words.count >= 3, let first = words.first,
        GermanLexicon.head(of: Token(text: String(first), lower: first.lowercased(), range: 0..<0, kind: .word)) != nil
      else { continue }
      let key = OrganizationName.key(m.name)
      let rest = OrganizationName.key(words.dropFirst().joined(separator: " "))
      shortForms[key] = rest
      longNamesByShortForm[rest, default: []].insert(key)
    }
    for (key, rest) in shortForms where longNamesByShortForm[rest]!.count > 1 {
      shortForms[key] = nil
    }
    func keys(_ m: Mention) -> [String] {
      let key = OrganizationName.key(m.name)
      var result = [key, "#" + key.filter { $0 != " " }]
      let base = OrganizationName.baseKey(m.name)
      if base != key, !base.isEmpty, !GermanLexicon.isFunctionWord(base) {
        result.append(base)
      }
      // "Wohnungsbaugenossenschaft Elbaue eG" is also written "die Elbaue eG": a legal-form
      // name whose first word is an institutional head is linked to the same name without that
      // word, when exactly one such longer name has it ("Caritas Trier e.V." and "Diakonie
      // Trier e.V." stay two).
      if m.kind == .legalForm {
        let key = OrganizationName.key(m.name)
        if let rest = shortForms[key] { result.append("#short " + rest) }
        if longNamesByShortForm[key]?.count == 1 { result.append("#short " + key) }
      }
      return result.filter { $0 != "#" && !$0.isEmpty }
    }
    for (i, m) in mentions.enumerated() {
      for key in keys(m) {
        if let j = byKey[key] { sets.union(i, j) } else { byKey[key] = i }
      }
    }

    // Part-of rule on head signatures.
    let signed = mentions.indices.filter { mentions[$0].signature != nil }
    func fieldCount(_ s: HeadSignature) -> Int { (s.name == nil ? 0 : 1) + (s.place == nil ? 0 : 1) }
    for a in signed.sorted(by: { fieldCount(mentions[$0].signature!) < fieldCount(mentions[$1].signature!) }) {
      let sa = mentions[a].signature!
      guard fieldCount(sa) >= 1 else { continue }
      let fuller = signed.filter { b in
        let sb = mentions[b].signature!
        return b != a && sb.head == sa.head && fieldCount(sb) > fieldCount(sa)
          && (sa.name == nil || sa.name == sb.name) && (sa.place == nil || sa.place == sb.place)
      }
      let roots = Set(fuller.map { sets.find($0) })
      if roots.count == 1, let b = fuller.first { sets.union(a, b) }
    }

    // Appositions: a generic head with a place, then ", dem NAME".
    for d in recognized.descriptors {
      guard let place = d.place else { continue }
      let tokens = segmented.segments[d.segment].tokens
      var k = d.token + 1
      while k < tokens.count, k - d.token <= 8, !tokens[k].isPunct(","), !tokens[k].isPunct(".") {
        k += 1
      }
      guard k < tokens.count, tokens[k].isPunct(",") else { continue }
      k += 1
      if k < tokens.count, GermanLexicon.definiteArticles.contains(tokens[k].lower) { k += 1 }
      guard
        let target = mentions.indices.first(where: {
          mentions[$0].segment == d.segment && mentions[$0].tokens.lowerBound == k
        })
      else { continue }
      let after = mentions[target].tokens.upperBound
      guard after >= tokens.count || [".", ",", ")", ";"].contains(tokens[after].text) else {
        continue
      }
      for (i, m) in mentions.enumerated() {
        guard let s = m.signature, s.head == d.head, s.name == nil, s.place == place,
          sets.find(i) != sets.find(target)
        else { continue }
        mentions[i].isDemoted = true
        sets.union(i, target)
      }
    }

    // Short forms.
    var covered: [Set<Int>] = Array(repeating: [], count: segmented.segments.count)
    for m in mentions { for k in m.tokens { covered[m.segment].insert(k) } }
    var groups: [Int: [Int]] = [:]
    for i in mentions.indices { groups[sets.find(i), default: []].append(i) }
    // Every word's key once, not once per short form looked for: O(tokens), not
    // O(short forms × tokens) (a 300 KB protocol spent a third of its time here).
    let compactKeys: [[String]] = segmented.segments.map { segment in
      segment.tokens.map { $0.isWord ? OrganizationName.key($0.text).filter { $0 != " " } : "" }
    }
    // Where each key occurs, in text order, and the one-token mentions by place: the short-form
    // search then looks up instead of scanning the text once per actor (which was quadratic in
    // the number of organisations).
    var occurrences: [String: [(segment: Int, token: Int)]] = [:]
    for (s, keys) in compactKeys.enumerated() {
      for (k, key) in keys.enumerated() where !key.isEmpty { occurrences[key, default: []].append((s, k)) }
    }
    var oneTokenMentions: [Int: [Int: [Int]]] = [:]
    for (i, m) in mentions.enumerated() where m.tokens.count == 1 {
      oneTokenMentions[m.segment, default: [:]][m.tokens.lowerBound, default: []].append(i)
    }
    for root in groups.keys.sorted() {
      let members = groups[root]!
      var distinctive: Set<String> = []
      for i in members where [.legalForm, .head, .affiliation].contains(mentions[i].kind) {
        let words = OrganizationName.baseKey(mentions[i].name).split(separator: " ").map(String.init)
        // An abbreviation or a word with an inner capital at the start of a longer name is
        // its short form ("VBW Bauen und Wohnen GmbH" → "VBW").
        if words.count >= 2, let first = mentions[i].name.split(separator: " ").first,
          Token(text: String(first), lower: first.lowercased(), range: 0..<0, kind: .word).isAllCaps
            || Token(text: String(first), lower: first.lowercased(), range: 0..<0, kind: .word).hasInnerCapital,
          words[0].count >= 2
        {
          distinctive.insert(words[0])
        }
        let rest = words.filter { !context.places.contains($0) }
        guard words.count >= 2, rest.count == 1, let word = rest.first, word.count >= 4,
          !GermanLexicon.isFunctionWord(word),
          GermanLexicon.head(
            of: Token(text: word.prefix(1).uppercased() + word.dropFirst(), lower: word, range: 0..<0, kind: .word)) == nil
        else { continue }
        distinctive.insert(word)
      }
      for word in distinctive.sorted() {
        for (s, k) in occurrences[word] ?? [] {
          let t = segmented.segments[s].tokens[k]
          do {
            guard !context.personTokens[s].contains(k) else { continue }
            if covered[s].contains(k) {
              if let j = oneTokenMentions[s]?[k]?.first(where: {
                [.listName, .acronym].contains(mentions[$0].kind)
              }) {
                sets.union(j, root)
              }
              continue
            }
            let range = t.range
            mentions.append(
              Mention(
                kind: .shortForm, segment: s, tokens: k..<(k + 1), range: range, name: t.text,
                type: .other, typeIsKnown: false))
            covered[s].insert(k)
            sets.append()
            sets.union(mentions.count - 1, root)
          }
        }
      }
    }

    // Actors.
    groups = [:]
    for i in mentions.indices { groups[sets.find(i), default: []].append(i) }
    var actors: [ResolvedActor] = []
    for members in groups.values {
      let ordered = members.sorted { position(mentions[$0]) < position(mentions[$1]) }
      guard ordered.contains(where: { !mentions[$0].isWeak }) else { continue }
      let canonical = ordered.max { a, b in
        let (ra, rb) = (rank(mentions[a]), rank(mentions[b]))
        if ra != rb { return ra < rb }
        let (ca, cb) = (wordCount(mentions[a].name), wordCount(mentions[b].name))
        if ca != cb { return ca < cb }
        return position(mentions[a]) > position(mentions[b])
      }!
      let name = mentions[canonical].name
      var aliases: [String] = []
      for i in ordered {
        let n = mentions[i].name
        if n != name, !aliases.contains(n) { aliases.append(n) }
      }
      var type = mentions[canonical].type
      if !mentions[canonical].typeIsKnown,
        let known = ordered.first(where: { mentions[$0].typeIsKnown })
      {
        type = mentions[known].type
      }
      if ordered.contains(where: {
        mentions[$0].kind == .legalForm && OrganizationName.key(mentions[$0].name).hasSuffix(" eg")
      }) {
        type = .cooperative
      }
      actors.append(
        ResolvedActor(
          id: "", name: name, type: type, aliases: aliases, mentions: ordered,
          canonical: canonical))
    }
    actors.sort { position(mentions[$0.mentions[0]]) < position(mentions[$1.mentions[0]]) }

    // Ids.
    var used = Set<String>()
    for a in actors.indices {
      let acronym = ([actors[a].name] + actors[a].aliases).first {
        Token(text: $0, lower: $0.lowercased(), range: 0..<0, kind: .word).isAllCaps
      }
      let base = Slug.make(acronym ?? actors[a].name, maxLength: 32)
      var id = base.isEmpty ? "actor" : base
      var n = 2
      while used.contains(id) {
        id = "\(base)_\(n)"
        n += 1
      }
      used.insert(id)
      actors[a].id = id
    }
    var actorOfMention: [Int?] = Array(repeating: nil, count: mentions.count)
    for (a, actor) in actors.enumerated() {
      for m in actor.mentions { actorOfMention[m] = a }
    }
    return ActorResolution(mentions: mentions, actors: actors, actorOfMention: actorOfMention)
  }

  static func position(_ m: Mention) -> Int { m.range.lowerBound }

  static func wordCount(_ name: String) -> Int {
    OrganizationName.key(name).split(separator: " ").count
  }

  /// How good a mention is as the canonical name.
  static func rank(_ m: Mention) -> Int {
    if m.isDemoted { return 0 }
    switch m.kind {
    case .quotedName: return 5
    case .legalForm, .head, .affiliation: return m.isWeak ? 3 : 4
    case .acronym: return 2
    case .listName, .shortForm: return 1
    case .expansion, .descriptiveAlias: return 0
    }
  }
}

/// Disjoint sets over 0..<count, with path halving; the smallest index of a set is its root,
/// which keeps the result independent of the order of unions.
struct UnionFind {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  mutating func append() { parent.append(parent.count) }

  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  mutating func union(_ a: Int, _ b: Int) {
    let (ra, rb) = (find(a), find(b))
    if ra == rb { return }
    if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
  }
}

/// ASCII identifiers from names: `Netzwerk Neues Wohnen Dresden` → `netzwerk_neues_wohnen_dresden`,
/// umlauts transliterated (ä → ae, ß → ss), other characters to `_`, cut at a word boundary.
enum Slug {
  static func make(_ text: String, maxLength: Int = 40) -> String {
    var out = ""
    for c in text.lowercased() {
      switch c {
      case "ä": out += "ae"
      case "ö": out += "oe"
      case "ü": out += "ue"
      case "ß": out += "ss"
      case "é", "è", "ê": out += "e"
      case "á", "à", "â": out += "a"
      default:
        if c.isASCII && (c.isLetter || c.isNumber) {
          out.append(c)
        } else if !out.isEmpty && !out.hasSuffix("_") {
          out += "_"
        }
      }
    }
    while out.hasSuffix("_") { out.removeLast() }
    if out.count > maxLength {
      let cut = out.prefix(maxLength)
      if let underscore = cut.lastIndex(of: "_") {
        out = String(cut[..<underscore])
      } else {
        out = String(cut)
      }
    }
    return out
  }
}
