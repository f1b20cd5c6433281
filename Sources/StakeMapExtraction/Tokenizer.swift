/// Stage 3 (used by every later stage): words, numbers and punctuation of a stretch of the
/// cleaned text, each with its range.
///
/// Words keep what German writes inside them: hyphens (`DORV-Zentrum`, `Minden-Lübbecke`), a
/// hyphen of a left-out compound part (`Netzwerk-` in „Netzwerk- und Öffentlichkeitsarbeit“,
/// `-unterstützung`), gender colons and stars (`Akteur:innen`, `Bewohner*innen`) and colons in
/// names (`Wohn:sinn`), apostrophes. Dots are tokens of their own, so that `e.V.`, `e. V.` and
/// `z. B.` look alike to the rules; numbers keep their inner dots (`28.11.2022`).
///
/// Complexity: O(length of the range).
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable { case word, number, punct }

  var text: String
  var lower: String
  /// Range in the cleaned text (``NormalizedText``).
  var range: Range<Int>
  var kind: Kind

  var isWord: Bool { kind == .word }
  /// Starts with an upper-case letter.
  var isCapitalized: Bool {
    guard kind == .word, let first = text.unicodeScalars.first else { return false }
    return first.properties.isUppercase
  }
  /// Two or more letters, all upper case (digits allowed): `GWG`, `NWID`, `DORV`.
  var isAllCaps: Bool {
    guard kind == .word else { return false }
    var letters = 0
    for s in text.unicodeScalars {
      if s.properties.isUppercase {
        letters += 1
      } else if s.properties.isLowercase {
        return false
      } else if !("0"..."9").contains(s) {
        return false
      }
    }
    return letters >= 2
  }
  /// An upper-case letter after a lower-case one inside the word (`WoGe`, `KfW`), which marks
  /// names rather than common nouns.
  var hasInnerCapital: Bool {
    guard kind == .word else { return false }
    var previousLower = false
    for s in text.unicodeScalars {
      if s.properties.isUppercase && previousLower { return true }
      previousLower = s.properties.isLowercase
    }
    return false
  }
  func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
}

enum Tokenizer {
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || ("0"..."9").contains(s) || s.properties.generalCategory == .nonspacingMark
  }

  static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

  static func tokenize(_ text: NormalizedText, _ range: Range<Int>) -> [Token] {
    let t = text.scalars
    var tokens: [Token] = []
    var i = range.lowerBound
    let end = range.upperBound
    func at(_ k: Int) -> Unicode.Scalar? { k >= range.lowerBound && k < end ? t[k] : nil }
    func make(_ r: Range<Int>, _ kind: Token.Kind) {
      let word = text.text(r)
      tokens.append(Token(text: word, lower: word.lowercased(), range: r, kind: kind))
    }
    while i < end {
      let s = t[i]
      if s == " " || s == "\n" {
        i += 1
        continue
      }
      // A leading hyphen of a left-out compound part: "und -unterstützung".
      let leadingHyphen =
        s == "-" && (at(i - 1).map { $0 == " " || $0 == "\n" } ?? true)
        && (at(i + 1).map { $0.properties.isLowercase } ?? false)
      if isWordScalar(s) || leadingHyphen {
        let start = i
        var allDigits = true
        i += 1
        if !leadingHyphen, !("0"..."9").contains(s) { allDigits = false }
        if leadingHyphen { allDigits = false }
        while i < end {
          let c = t[i]
          if isWordScalar(c) {
            if !("0"..."9").contains(c) { allDigits = false }
            i += 1
            continue
          }
          let next = at(i + 1)
          let previous = t[i - 1]
          switch c {
          case "-":
            if let next, isWordScalar(next) {
              allDigits = false
              i += 1
              continue
            }
            // "Netzwerk- und": the hyphen stays with the word.
            if isLetter(previous), next == nil || next == " " || next == "," || next == "\n" {
              allDigits = false
              i += 1
            }
          case ":", "*":
            if isLetter(previous), let next, next.properties.isLowercase {
              allDigits = false
              i += 1
              continue
            }
          case "'":
            if isLetter(previous), let next, isLetter(next) {
              allDigits = false
              i += 1
              continue
            }
          case ".":
            if allDigits, let next, ("0"..."9").contains(next), let after = at(i + 2),
              ("0"..."9").contains(after)
            {
              i += 1
              continue
            }
          default: break
          }
          break
        }
        make(start..<i, allDigits ? .number : .word)
        continue
      }
      make(i..<(i + 1), .punct)
      i += 1
    }
    return tokens
  }
}
