import StakeMapText

/// People in the text of a network: what `--drop-persons` removes (docs/PUBLISHING.md).
///
/// A *person name* is
/// 1. the value of an actor attribute that holds people (``personKeys``: `person`, `persons`,
///    `contact`, `ansprechpartner`, … in any letter case), and every place that value appears
///    in other text;
/// 2. in any free text, a form of address or title (``titles``: `Frau`, `Herr`, `Herrn`,
///    `Dr.`, `Prof.`, …, capitalised) with the capitalised words after it, at most four, also
///    further titles in between: `Frau Dr. Klaudia Kristin Kaufmann`. The same rule finds
///    people in protocols (`StakeMapExtraction`'s `PeopleAndPlaces`), which reads the titles
///    from here.
///
/// A name written without title and outside a person attribute ("Hans Schmidt sagte …") is
/// not recognised: there is no list of first names, by design (as in extraction). Such text
/// should be moved into a `contact:` attribute or redacted with `--redact-evidence`.
///
/// - Complexity: O(length of the text).
public enum PersonName {
  /// Forms of address and titles, lower case without the dot.
  public static let titles: Set<String> = [
    "frau", "herr", "herrn", "hr", "fr", "dr", "prof", "professor", "professorin", "dipl", "ing",
    "mag", "pfarrer", "pfarrerin",
  ]

  /// Attribute keys whose values are people (compared in lower case).
  public static let personKeys: Set<String> = [
    "person", "persons", "people", "contact", "contacts", "contact_person", "kontakt",
    "kontaktperson", "ansprechpartner", "ansprechpartnerin", "ansprechperson", "personen",
  ]

  /// Whether an attribute key holds people.
  public static func isPersonKey(_ key: String) -> Bool { personKeys.contains(key.lowercased()) }

  /// `text` with every titled person name replaced by `replacement`.
  public static func replacingTitled(in text: String, with replacement: String) -> String {
    let chars = Array(text)
    var out = ""
    var i = 0
    func wordEnd(_ start: Int) -> Int {
      var j = start
      while j < chars.count, chars[j].isLetter || (chars[j] == "-" && j > start) { j += 1 }
      return j
    }
    while i < chars.count {
      let atWordStart = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
      guard atWordStart, chars[i].isUppercase else {
        out.append(chars[i])
        i += 1
        continue
      }
      let end = wordEnd(i)
      guard titles.contains(String(chars[i..<end]).lowercased()) else {
        out.append(contentsOf: chars[i..<max(end, i + 1)])
        i = max(end, i + 1)
        continue
      }
      // A title: take further titles and up to four capitalised words.
      var j = end
      var lastName = -1
      var names = 0
      while j < chars.count {
        var k = j
        if k < chars.count, chars[k] == "." { k += 1 }
        while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
        guard k < chars.count, chars[k].isUppercase else { break }
        let e = wordEnd(k)
        guard e > k else { break }
        let word = String(chars[k..<e])
        if titles.contains(word.lowercased()) {
          j = e
          continue
        }
        guard names < 4 else { break }
        names += 1
        lastName = e
        j = e
      }
      if names > 0 {
        out += replacement
        i = lastName
      } else {
        out.append(contentsOf: chars[i..<end])
        i = end
      }
    }
    return out
  }
}
