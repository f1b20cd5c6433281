/// Edit distances for "did you mean …?" suggestions.
package enum EditDistance {
  /// The optimal-string-alignment distance (Damerau–Levenshtein without editing a substring
  /// twice): insertions, deletions, substitutions and swaps of two adjacent characters cost 1.
  /// Counts Unicode scalars. O(|a|·|b|) time, O(|b|) space; stops early and returns some value
  /// above `limit` once the distance is known to exceed it.
  package static func distance(
    _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max
  ) -> Int {
    if abs(a.count - b.count) > limit { return limit &+ 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          d = min(d, previous2[j - 2] + 1)
        }
        current[j] = d
        rowMinimum = min(rowMinimum, d)
      }
      if rowMinimum > limit { return limit &+ 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  package static func distance(_ a: String, _ b: String) -> Int {
    distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// The candidate to suggest for a misspelt `word`, or nil when none is close.
  ///
  /// Close means: distance ≤ max(2, ⌊len/3⌋) where len is the word's length, and less than the
  /// length of both (so that `x` is not "close" to `id`) — except that a distance of 1 is
  /// always close when one of the two has at least two characters, so that very short ids
  /// get a suggestion too (`dd` → `d`, `d` → `da`; but not `x` → `y`). The nearest wins, the
  /// earlier on ties.
  /// Failing that, a word of three or more characters that begins a candidate is close to it
  /// (`housing` → `housing_company`), the shortest such candidate winning.
  ///
  /// O(Σ |word|·|candidate|) over the candidates whose length is in reach.
  package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let w = Array(word.unicodeScalars)
    guard !w.isEmpty else { return nil }
    let threshold = max(2, w.count / 3)
    var best: (candidate: String, distance: Int)?
    var prefixMatch: (candidate: String, length: Int)?
    for candidate in candidates where candidate != word {
      let length = candidate.unicodeScalars.count
      if w.count >= 3 && length > w.count && candidate.unicodeScalars.starts(with: w)
        && length < prefixMatch?.length ?? .max
      {
        prefixMatch = (candidate, length)
      }
      let shorterLimit = max(min(w.count, length) - 1, max(w.count, length) >= 2 ? 1 : 0)
      let limit = min(threshold, shorterLimit, (best?.distance ?? .max) - 1)
      guard limit >= 0, abs(length - w.count) <= limit else { continue }
      let d = distance(w, Array(candidate.unicodeScalars), limit: limit)
      if d <= limit { best = (candidate, d) }
    }
    return best?.candidate ?? prefixMatch?.candidate
  }
}
