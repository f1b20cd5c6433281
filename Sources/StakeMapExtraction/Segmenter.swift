/// Stage 2: blocks, sentences, list items and the question structure of a protocol.
///
/// - A *block* is a list item (a line starting with `•`, `-`, `*` or `1)`), a question heading
///   (`a. In welchem Handlungsfeld …?`, or any line that is not a list item and ends with `?`),
///   or a paragraph. Paragraph lines are one line each, except that a line ending in a
///   lower-case word, a comma or an open quote continues on the next line (titles wrapped in
///   Markdown).
/// - Blocks are split into *segments*, the units that ties and claims are read from: sentences
///   end at `.`, `!` or `?` followed by a space and an upper-case letter, a digit or a quote,
///   unless the dot closes an abbreviation (`z. B.`, `e. V.`, `Dr.`) or an ordinal (`4. Runder
///   Tisch`, `28. November`).
/// - A *section* runs from one question heading to the next; the text before the first
///   heading belongs to no section. A short line that names needs or offers without asking
///   ("Bedarfe:", "Angebote der Teilnehmenden") is a heading too.
///
/// Complexity: O(length of the text).
struct Segment: Sendable {
  enum Kind: Sendable, Equatable {
    /// A sentence of a paragraph.
    case sentence
    /// A list item (or a sentence of one).
    case item
    /// A question heading.
    case heading
  }

  var kind: Kind
  /// Range in the cleaned text, trimmed, without the bullet.
  var range: Range<Int>
  var tokens: [Token]
  var block: Int
  /// Index into ``SegmentedText/sections``, nil before the first question.
  var section: Int?
  /// The first segment of its block.
  var startsBlock: Bool
  /// The block is one line without sentence punctuation at its end (a title, a caption, a
  /// signature line "Name, Organisation").
  var isBareLine: Bool
}

struct Section: Sendable {
  /// Index of the heading segment.
  var heading: Int
  /// The question's letter (`a`), when it has one.
  var label: String?
  var text: String
}

struct SegmentedText: Sendable {
  var segments: [Segment]
  var sections: [Section]
  /// Segment indices per block.
  var blocks: [[Int]]
}

enum Segmenter {
  private enum LineKind { case blank, item, question, text }

  private struct Line {
    var range: Range<Int>  // trimmed content (bullet removed for items)
    var kind: LineKind
    var label: String?
  }

  static func segment(_ text: NormalizedText) -> SegmentedText {
    let lines = splitLines(text)
    // Blocks: (kind, range, label)
    var blocks: [Line] = []
    var i = 0
    while i < lines.count {
      var line = lines[i]
      switch line.kind {
      case .blank:
        i += 1
        continue
      case .item, .question:
        blocks.append(line)
        i += 1
      case .text:
        // Join a wrapped line with the next text line.
        while i + 1 < lines.count, lines[i + 1].kind == .text, continues(text, line.range) {
          line.range = line.range.lowerBound..<lines[i + 1].range.upperBound
          i += 1
        }
        if endsWithQuestionMark(text, line.range) || isKeywordHeading(text, line.range) {
          line.kind = .question
        }
        blocks.append(line)
        i += 1
      }
    }

    var result = SegmentedText(segments: [], sections: [], blocks: [])
    var section: Int? = nil
    for (b, block) in blocks.enumerated() {
      var indices: [Int] = []
      if block.kind == .question {
        let tokens = Tokenizer.tokenize(text, block.range)
        result.sections.append(
          Section(heading: result.segments.count, label: block.label, text: text.text(block.range)))
        section = result.sections.count - 1
        indices.append(result.segments.count)
        result.segments.append(
          Segment(
            kind: .heading, range: block.range, tokens: tokens, block: b, section: section,
            startsBlock: true, isBareLine: false))
      } else {
        let bare = !endsWithSentencePunctuation(text, block.range) && !text.text(block.range).contains("\n")
        for (k, range) in sentences(text, block.range).enumerated() {
          indices.append(result.segments.count)
          result.segments.append(
            Segment(
              kind: block.kind == .item ? .item : .sentence, range: range,
              tokens: Tokenizer.tokenize(text, range), block: b, section: section,
              startsBlock: k == 0, isBareLine: bare))
        }
      }
      result.blocks.append(indices)
    }
    return result
  }

  // MARK: - Lines

  private static func splitLines(_ text: NormalizedText) -> [Line] {
    let t = text.scalars
    var lines: [Line] = []
    var start = 0
    for i in 0...t.count where i == t.count || t[i] == "\n" {
      lines.append(classify(text, start..<i))
      start = i + 1
    }
    return lines
  }

  private static func classify(_ text: NormalizedText, _ raw: Range<Int>) -> Line {
    let range = trim(text, raw)
    guard !range.isEmpty else { return Line(range: range, kind: .blank) }
    let t = text.scalars
    let first = t[range.lowerBound]
    // Bullets: "•", "-", "*", "+" followed by a space.
    if ["•", "-", "*", "+", "▪"].contains(first),
      range.count > 1, t[range.lowerBound + 1] == " "
    {
      return Line(range: trim(text, (range.lowerBound + 1)..<range.upperBound), kind: .item)
    }
    if first == "•" {
      return Line(range: trim(text, (range.lowerBound + 1)..<range.upperBound), kind: .item)
    }
    // "1)" or "1." numbered items (not "4. Runder Tisch …" in running text: a numbered item
    // needs the ")" form).
    var k = range.lowerBound
    while k < range.upperBound, ("0"..."9").contains(t[k]) { k += 1 }
    if k > range.lowerBound, k - range.lowerBound <= 2, k + 1 < range.upperBound, t[k] == ")",
      t[k + 1] == " "
    {
      return Line(range: trim(text, (k + 1)..<range.upperBound), kind: .item)
    }
    // Question headings: "a. …", "a) …" (a single letter), ending with "?" or not.
    if range.count > 3, first.properties.isLowercase || first.properties.isUppercase,
      [".", ")"].contains(t[range.lowerBound + 1]), t[range.lowerBound + 2] == " ",
      let next = text.scalars[(range.lowerBound + 3)...].first(where: { $0 != " " }),
      next.properties.isUppercase, first.isASCII,
      endsWithQuestionMark(text, range) || range.count < 160
    {
      let label = String(first).lowercased()
      if ("a"..."z").contains(label) {
        return Line(range: range, kind: .question, label: label)
      }
    }
    return Line(range: range, kind: .text)
  }

  static func trim(_ text: NormalizedText, _ range: Range<Int>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    let t = text.scalars
    while lo < hi, t[lo] == " " || t[lo] == "\n" { lo += 1 }
    while hi > lo, t[hi - 1] == " " || t[hi - 1] == "\n" { hi -= 1 }
    return lo..<hi
  }

  /// A short heading line that names needs or offers without asking ("Bedarfe:",
  /// "Angebote der Teilnehmenden").
  private static func isKeywordHeading(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
    let line = text.text(range)
    guard line.split(separator: " ").count <= 5, let last = line.last,
      last == ":" || last.isLetter
    else { return false }
    return SectionRole.of(line) != .other
  }

  private static func endsWithQuestionMark(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
    var hi = range.upperBound
    while hi > range.lowerBound, [" ", "\""].contains(text.scalars[hi - 1]) { hi -= 1 }
    return hi > range.lowerBound && text.scalars[hi - 1] == "?"
  }

  private static func endsWithSentencePunctuation(_ text: NormalizedText, _ range: Range<Int>)
    -> Bool
  {
    guard let last = range.last else { return false }
    return [".", "!", "?", "\"", ")"].contains(text.scalars[last])
  }

  /// Whether a paragraph line continues on the next line: it ends in a lower-case word, a
  /// comma, a hyphen or an open quote.
  private static func continues(_ text: NormalizedText, _ range: Range<Int>) -> Bool {
    guard let last = range.last else { return false }
    let s = text.scalars[last]
    if [",", "-", "\"", "(", ":"].contains(s) { return true }
    // The last word starts in lower case.
    var k = last
    while k > range.lowerBound, Tokenizer.isWordScalar(text.scalars[k - 1]) { k -= 1 }
    return Tokenizer.isWordScalar(s) && text.scalars[k].properties.isLowercase
  }

  // MARK: - Sentences

  /// Sentence ranges of a block.
  static func sentences(_ text: NormalizedText, _ range: Range<Int>) -> [Range<Int>] {
    let t = text.scalars
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var i = range.lowerBound
    while i < range.upperBound {
      let s = t[i]
      if [".", "!", "?"].contains(s), isSentenceEnd(text, at: i, in: range) {
        var end = i + 1
        // A closing quote or bracket after the full stop belongs to the sentence.
        while end < range.upperBound, ["\"", "'", ")"].contains(t[end]) { end += 1 }
        let r = trim(text, start..<end)
        if !r.isEmpty { result.append(r) }
        start = end
        i = end
        continue
      }
      i += 1
    }
    let rest = trim(text, start..<range.upperBound)
    if !rest.isEmpty { result.append(rest) }
    return result
  }

  private static func isSentenceEnd(_ text: NormalizedText, at i: Int, in range: Range<Int>)
    -> Bool
  {
    let t = text.scalars
    // What follows: spaces, then an upper-case letter, a digit or an opening quote.
    var j = i + 1
    while j < range.upperBound, ["\"", "'", ")"].contains(t[j]) { j += 1 }
    guard j < range.upperBound, t[j] == " " || t[j] == "\n" else { return false }
    while j < range.upperBound, t[j] == " " || t[j] == "\n" { j += 1 }
    guard j < range.upperBound else { return false }
    let next = t[j]
    // The word before the dot.
    var k = i
    while k > range.lowerBound, Tokenizer.isWordScalar(t[k - 1]) { k -= 1 }
    let word = text.text(k..<i)
    guard next.properties.isUppercase || ("0"..."9").contains(next) || next == "\"" else {
      // Names may start in lower case ("… zu stellen. piano e. V. kooperiert"): after a full
      // word that is no abbreviation, a dot ends the sentence all the same.
      return t[i] == "." && next.properties.isLowercase && word.count >= 4
        && !word.allSatisfy({ $0.isNumber })
        && !GermanLexicon.abbreviations.contains(word.lowercased())
    }
    guard t[i] == "." else { return true }
    if word.isEmpty { return true }
    if word.allSatisfy({ $0.isNumber }) {
      // "28. November", "4. Runder Tisch": an ordinal; a year ends a sentence.
      return word.count >= 3
    }
    if GermanLexicon.abbreviations.contains(word.lowercased()) { return false }
    // A single letter ("B." of "z. B.", "V." of "e. V."), an initial — unless it closes "e.V."
    // and a word that starts sentences follows ("… e.V. In Zukunft soll …").
    if word.count == 1 {
      let before = text.text(max(range.lowerBound, k - 3)..<k)
      guard word == "V", before.hasSuffix("e.") || before.hasSuffix("e. ") else { return false }
      var e = j
      while e < range.upperBound, Tokenizer.isWordScalar(t[e]) { e += 1 }
      return sentenceStarters.contains(text.text(j..<e))
    }
    return true
  }

  /// Words that open sentences and never continue a name after "e.V.".
  static let sentenceStarters: Set<String> = [
    "Die", "Der", "Das", "Den", "Dem", "In", "Im", "Seit", "Ab", "Wir", "Sie", "Er", "Es",
    "Auch", "Zudem", "Außerdem", "Mit", "Für", "Nach", "Bei", "Dabei", "Damit", "Dort", "Hier",
    "Gemeinsam", "Zusammen", "Ziel", "Künftig", "Zukünftig", "Geplant", "Gefördert", "Unterstützt",
    "Diese", "Dieser", "Dieses", "Ein", "Eine", "Einen", "So", "Zum", "Zur", "Am", "Vom", "Beim",
    "Nun", "Jetzt", "Derzeit", "Aktuell", "Bisher", "Inzwischen", "Darüber", "Darum", "Deshalb",
  ]
}
