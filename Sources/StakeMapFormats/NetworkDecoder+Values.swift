import StakeMapModel
import StakeMapText

/// Reading single values and keys of the tree, each reporting what it found and what it
/// expected. All are O(size of the value) unless noted.
extension NetworkDecoder {
  // MARK: - Keys

  /// Reports duplicate keys and keys that are not scalars, and returns the indices of the pairs
  /// to skip (empty, and not allocated, for a clean mapping). The first of duplicate keys wins.
  /// O(pairs²) for small mappings, O(pairs) with hashing for large ones.
  mutating func checkKeys(_ mapping: NodeID) -> [Int] {
    let n = tree.count(mapping)
    var skip: [Int] = []
    if n <= 16 {
      for k in 0..<n {
        let key = tree.key(mapping, k)
        guard tree.kind(key) == .scalar else {
          error(key, .diagnosticKeyNotText, ["found": found(key)])
          skip.append(k)
          continue
        }
        for j in 0..<k where tree.kind(tree.key(mapping, j)) == .scalar {
          if tree.textEqual(key, tree.key(mapping, j)) {
            duplicateKey(key, first: tree.key(mapping, j))
            skip.append(k)
            break
          }
        }
      }
    } else {
      var seen: [String: NodeID] = [:]
      for k in 0..<n {
        let key = tree.key(mapping, k)
        guard tree.kind(key) == .scalar else {
          error(key, .diagnosticKeyNotText, ["found": found(key)])
          skip.append(k)
          continue
        }
        let name = tree.string(key)
        if let first = seen[name] {
          duplicateKey(key, first: first)
          skip.append(k)
        } else {
          seen[name] = key
        }
      }
    }
    return skip
  }

  private mutating func duplicateKey(_ key: NodeID, first: NodeID) {
    duplicateKey(key, firstLine: tree.line(first), firstColumn: tree.column(first))
  }

  /// `duplicate key 'x' (first at line L, column C)`, for a first key that may be gone.
  mutating func duplicateKey(_ key: NodeID, firstLine: Int, firstColumn: Int) {
    error(
      key, .diagnosticDuplicateKey,
      [
        "key": .key(tree.string(key)), "line": .number(firstLine),
        "column": .number(firstColumn),
      ])
  }

  /// Whether `mapping` has key `name`. O(pairs).
  func hasKey(_ mapping: NodeID, _ name: String) -> Bool {
    (0..<tree.count(mapping)).contains { k in
      let key = tree.key(mapping, k)
      return tree.kind(key) == .scalar && tree.string(key) == name
    }
  }

  /// Whether `mapping` has key `name` with a value other than null. O(pairs).
  func hasValue(_ mapping: NodeID, _ name: String) -> Bool {
    (0..<tree.count(mapping)).contains { k in
      let key = tree.key(mapping, k)
      let value = tree.value(mapping, k)
      return tree.kind(key) == .scalar && tree.string(key) == name
        && !(tree.kind(value) == .scalar && tree.scalarType(value) == .null)
    }
  }

  mutating func unknownKey(
    _ keyNode: NodeID, _ key: String, known: [String], in object: Sentence.Value
  ) {
    if let suggestion = EditDistance.suggestion(for: key, among: known) {
      unknownKeySuggestion(keyNode, key, suggestion)
    } else {
      warning(keyNode, .diagnosticUnknownKeyIgnored, ["key": .key(key), "object": object])
    }
  }

  /// `unknown key 'nmae' (did you mean 'name'?)`.
  mutating func unknownKeySuggestion(_ keyNode: NodeID, _ key: String, _ suggestion: String) {
    warning(
      keyNode, .diagnosticUnknownKeySuggestion, ["key": .key(key), "suggestion": .key(suggestion)])
  }

  /// Reports a missing required key at the mapping; returns `present`.
  @discardableResult
  mutating func requireKey(
    _ key: String, of mapping: NodeID, present: Bool, in object: Sentence.Value
  ) -> Bool {
    if !present { error(mapping, .diagnosticMissingKey, ["key": .key(key), "object": object]) }
    return present
  }

  mutating func evidenceWithoutSource(_ keyNode: NodeID) {
    error(keyNode, .diagnosticEvidenceNeedsSource)
  }

  // MARK: - Collections

  /// Whether `node` is a mapping; otherwise reports it as the wrong shape for `what`.
  mutating func expectMapping(_ node: NodeID, _ what: Sentence.Value) -> Bool {
    if tree.kind(node) == .mapping { return true }
    error(node, .diagnosticExpectedMapping, ["what": what, "found": found(node)])
    return false
  }

  /// The elements of a list; null counts as an empty list; anything else is reported.
  mutating func items(_ node: NodeID, _ key: String, what: Phrase)
    -> LazyMapSequence<Range<Int>, NodeID>
  {
    let tree = self.tree
    switch tree.kind(node) {
    case .sequence:
      return (0..<tree.count(node)).lazy.map { tree.element(node, $0) }
    case .scalar where tree.scalarType(node) == .null:
      break
    default:
      error(
        node, .diagnosticExpectedList, ["what": .phrase(what), "key": .key(key), "found": found(node)])
    }
    return (0..<0).lazy.map { $0 }
  }

  mutating func textList(_ node: NodeID, _ key: String) -> [String] {
    var list: [String] = []
    for element in items(node, key, what: .diagnosticPluralText) {
      if let text = text(element, .phrase(.diagnosticItemOf, ["key": .key(key)]), required: true) {
        list.append(text)
      }
    }
    return list
  }

  // MARK: - Scalars

  /// Free text: any non-null scalar, as written (`2016`, `true`). Null is absent, or an error when
  /// `required`.
  mutating func text(_ node: NodeID, _ key: String, required: Bool = false) -> String? {
    text(node, .key(key), required: required)
  }

  /// Free text for `key` (a key, or a part such as "an item of 'tags'").
  mutating func text(_ node: NodeID, _ key: Sentence.Value, required: Bool = false) -> String? {
    if tree.kind(node) == .scalar {
      if tree.scalarType(node) != .null { return tree.string(node) }
      if !required { return nil }
    }
    error(node, .diagnosticExpectedText, ["key": key, "found": found(node)])
    return nil
  }

  /// An id, declared or referenced: a scalar that is text (not a number, boolean or null).
  mutating func identifier(_ node: NodeID, _ key: String) -> String? {
    if tree.kind(node) == .scalar {
      switch tree.scalarType(node) {
      case .string:
        return tree.string(node)
      case .int, .float, .bool:
        let written = tree.string(node)
        error(
          node, .diagnosticExpectedIDQuote,
          ["key": .key(key), "found": found(node), "written": .text(written)])
        return nil
      case .null:
        break
      }
    }
    error(node, .diagnosticExpectedID, ["key": .key(key), "found": found(node)])
    return nil
  }

  /// Declares the id of a source, topic or event: text, letters/digits/`-`/`_`, unique.
  mutating func declare(
    _ node: NodeID, _ kind: Phrase, ids: WritableKeyPath<Self, [String: FileLocation]>,
    order: WritableKeyPath<Self, [String]>
  ) -> String? {
    guard let id = identifier(node, "id") else { return nil }
    checkIDSyntax(id, node, kind)
    if let first = self[keyPath: ids][id] {
      error(
        node, .diagnosticDuplicateID,
        ["kind": .phrase(kind), "id": .quoted(id), "place": .text(first.description)])
      return nil
    }
    self[keyPath: ids][id] = location(node)
    self[keyPath: order].append(id)
    return id
  }

  /// Ids are letters (any script), decimal digits, `-` and `_`.
  mutating func checkIDSyntax(_ id: String, _ node: NodeID, _ kind: Phrase) {
    if !Self.isValidID(id) {
      error(node, Self.invalidIDSentence(id, kind: kind))
    }
  }

  /// Whether `id` is a valid id: not empty; letters (any script), decimal digits, `-`, `_`.
  /// O(length).
  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty
      && id.unicodeScalars.allSatisfy { s in
        if s.isASCII {
          let c = UInt8(s.value)
          return (c | 0x20) &- UInt8(ascii: "a") < 26 || c &- UInt8(ascii: "0") < 10
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
        }
        return s.properties.isAlphabetic || s.properties.numericType == .decimal
      }
  }

  /// One of a closed vocabulary. Null is absent (the caller's default), or an error when
  /// `required`.
  mutating func vocabulary<T: VocabularyTerm>(
    _ node: NodeID, _ key: String, _ what: Phrase, _ type: T.Type, required: Bool = false
  ) -> T? {
    var word: String?
    if tree.kind(node) == .scalar && tree.scalarType(node) == .string {
      word = tree.string(node)
      // The id, or a label or alias in either language (``VocabularyTerm/term(_:)``).
      if let value = T.term(word!) { return value }
    }
    // Only an error needs the list of names.
    if let word {
      error(
        node,
        Self.unknownTermSentence(what, word, values: T.idList, suggestion: T.suggestion(for: word)))
      return nil
    }
    if tree.kind(node) == .scalar && tree.scalarType(node) == .null && !required { return nil }
    error(
      node, .diagnosticExpectedOneOf,
      ["values": .text(T.idList), "key": .key(key), "found": found(node)])
    return nil
  }

  /// One of a small closed set that has no labels (language, review marks): the raw value only.
  mutating func vocabulary<T: RawRepresentable & CaseIterable>(
    _ node: NodeID, _ key: String, _ what: Phrase, _ type: T.Type, required: Bool = false
  ) -> T? where T.RawValue == String {
    let names = T.allCases.map(\.rawValue)
    let values = names.joined(separator: ", ")
    if tree.kind(node) == .scalar && tree.scalarType(node) == .string {
      let word = tree.string(node)
      if let value = T(rawValue: word) { return value }
      let suggestion = EditDistance.suggestion(for: word, among: names)
      error(node, Self.unknownTermSentence(what, word, values: values, suggestion: suggestion))
      return nil
    }
    if tree.kind(node) == .scalar && tree.scalarType(node) == .null && !required { return nil }
    error(
      node, .diagnosticExpectedOneOf,
      ["values": .text(values), "key": .key(key), "found": found(node)])
    return nil
  }

  /// Tie strength: an int or float, finite and > 0. Text such as "2" is refused: the file says
  /// what it means.
  mutating func weight(_ node: NodeID) -> Double? {
    guard tree.kind(node) == .scalar else {
      error(node, .diagnosticWeight, ["found": found(node), "hint": ""])
      return nil
    }
    switch tree.scalarType(node) {
    case .int, .float:
      if let value = tree.number(node), Self.isValidWeight(value) { return value }
      error(node, .diagnosticWeight, ["found": .text(tree.string(node)), "hint": ""])
    case .string:
      let hint: Sentence.Value =
        tree.isQuoted(node) && number(in: tree.string(node)) ? .phrase(.diagnosticRemoveQuotes) : ""
      error(node, .diagnosticWeight, ["found": found(node), "hint": hint])
    case .bool, .null:
      error(node, .diagnosticWeight, ["found": found(node), "hint": ""])
    }
    return nil
  }

  /// `offsets: [start, end]`: two whole numbers, 0 ≤ start ≤ end (Unicode scalars into the
  /// source text; see ``TextSpan``).
  mutating func offsets(_ node: NodeID) -> TextSpan? {
    guard tree.kind(node) == .sequence, tree.count(node) == 2 else {
      error(node, .diagnosticOffsets, ["found": found(node)])
      return nil
    }
    var bounds: [Int] = []
    for i in 0..<2 {
      let element = tree.element(node, i)
      guard tree.kind(element) == .scalar, tree.scalarType(element) == .int,
        let value = Int(tree.string(element)), value >= 0
      else {
        error(element, .diagnosticOffsets, ["found": found(element)])
        return nil
      }
      bounds.append(value)
    }
    guard bounds[0] <= bounds[1] else {
      error(
        node, .diagnosticOffsetsReversed,
        ["start": .number(bounds[0]), "end": .number(bounds[1])])
      return nil
    }
    return TextSpan(start: bounds[0], end: bounds[1])
  }

  private func number(in text: String) -> Bool {
    Double(text) != nil
  }

  // MARK: - References

  /// A source id that must be declared in `sources`. Returns the id even when unknown (after
  /// reporting it), so that `evidence` is not also reported as lacking a source.
  mutating func sourceReference(_ node: NodeID, _ key: String) -> String? {
    if tree.kind(node) == .scalar && tree.scalarType(node) == .null { return nil }
    guard let id = identifier(node, key) else { return nil }
    if sourceIDs[id] == nil && base?.sources.contains(id) != true {
      error(
        node, .diagnosticUnknownSourceID,
        ["id": .quoted(id), "hint": suggestionText(id, among: sourceIDOrder, declaredIn: "sources")])
    }
    return id
  }

  /// The index of a declared actor, or nil after reporting the unknown id.
  mutating func actorReference(_ node: NodeID, _ key: String) -> Int? {
    if tree.kind(node) == .scalar && tree.scalarType(node) == .string,
      let index = actorTable.find(node, in: tree)
    {
      return index
    }
    guard let id = identifier(node, key) else { return nil }
    // A scenario's reference to an actor of the network it extends (see ``Scenario``).
    if let k = base?.actors[id] { return -(k + 1) }
    let suggestion: String?
    if let cached = actorSuggestions[id] {
      suggestion = cached
    } else if suggestionWork < 20_000_000 {
      let candidates = actorIDOrder + (base?.actorOrder ?? [])
      suggestionWork += candidates.count
      suggestion = EditDistance.suggestion(for: id, among: candidates)
      actorSuggestions[id] = suggestion
    } else {
      suggestion = nil
    }
    let hint =
      actorIDOrder.isEmpty && base == nil
      ? Self.declaresNone("actors") : Self.didYouMeanPart(suggestion)
    error(node, .diagnosticUnknownActorID, ["id": .quoted(id), "key": .key(key), "hint": hint])
    return nil
  }

  func suggestionText(_ word: String, among ids: [String], declaredIn section: String)
    -> Sentence.Value
  {
    if ids.isEmpty { return Self.declaresNone(section) }
    return Self.didYouMeanPart(EditDistance.suggestion(for: word, among: ids))
  }

  /// " ('actors' declares none)".
  static func declaresNone(_ section: String) -> Sentence.Value {
    .phrase(.diagnosticDeclaresNone, ["section": .key(section)])
  }

  // MARK: - Messages

  /// What a node is, for "found …": `a list`, `a mapping`, `nothing`, `null`, `true`,
  /// `the number 2016`, `the text "abc"`.
  func found(_ node: NodeID) -> Sentence.Value {
    switch tree.kind(node) {
    case .mapping: return .phrase(.diagnosticFoundMapping)
    case .sequence: return .phrase(.diagnosticFoundList)
    case .scalar:
      let written = tree.string(node)
      switch tree.scalarType(node) {
      case .null: return written.isEmpty ? .phrase(.diagnosticFoundNothing) : .text(written)
      case .bool: return .text(written)
      case .int, .float: return .phrase(.diagnosticFoundNumber, ["number": .text(written)])
      case .string: return .phrase(.diagnosticFoundText, ["text": .quoted(written)])
      }
    }
  }

  // Messages the spreadsheet importer shares, so that both readers speak alike.

  /// " (did you mean "x"?)" for a suggestion, "" for none, in any language.
  static func didYouMeanPart(_ suggestion: String?) -> Sentence.Value {
    suggestion.map { .phrase(.diagnosticDidYouMean, ["suggestion": .quoted($0)]) } ?? ""
  }

  /// `unknown WHAT "word" (expected one of VALUES; did you mean "x"?)`, in any language.
  static func unknownTermSentence(
    _ what: Phrase, _ word: String, values: String, suggestion: String?
  ) -> Sentence {
    Sentence(
      .diagnosticUnknownTerm,
      [
        "what": .phrase(what), "word": .quoted(word), "values": .text(values),
        "suggestion": suggestion.map {
          .phrase(.diagnosticDidYouMeanAfter, ["suggestion": .quoted($0)])
        } ?? "",
      ])
  }

  /// The message for an id that ``isValidID(_:)`` refuses, in any language.
  static func invalidIDSentence(_ id: String, kind: Phrase) -> Sentence {
    Sentence(.diagnosticInvalidID, ["kind": .phrase(kind), "id": .quoted(id)])
  }

  /// A tie strength: finite and > 0.
  static func isValidWeight(_ weight: Double) -> Bool { weight.isFinite && weight > 0 }

  /// A value in double quotes, shortened and with line breaks and quotes escaped, for messages
  /// (also used by the spreadsheet importer, so that both speak alike).
  static func quoted(_ text: String) -> String {
    "\"" + Sentence.escaped(text) + "\""
  }
}
