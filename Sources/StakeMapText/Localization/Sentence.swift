/// A catalogue phrase with its arguments, kept apart so that it can be written in any language
/// later (diagnostics are found once and shown in the reader's language). An argument is plain
/// text (an id, a number as written), a value or a key to quote in the language's way, or a
/// sentence of its own (a reusable part, such as "found a list").
package struct Sentence: Hashable, Sendable {
  package enum Value: Hashable, Sendable, ExpressibleByStringLiteral {
    /// As written, in every language.
    case text(String)
    /// A value from the file, quoted and escaped: `"nwd"` (English), `„nwd“` (German).
    case quoted(String)
    /// A file's path, quoted as written (not shortened): `"net.yaml"`, `„net.yaml“`.
    case path(String)
    /// A key of the file: `'title'` (English), `„title“` (German).
    case key(String)
    /// Keys of the file, each quoted as ``key(_:)``, separated by ", ".
    case keys([String])
    /// A part that is itself a phrase.
    case sentence(Sentence)
    /// A count, its digits grouped in the language's way (``Words/integer(_:)``); line and
    /// column numbers stay ``number(_:)``.
    case count(Int)

    package init(stringLiteral value: String) { self = .text(value) }

    /// A part that is a phrase with its arguments.
    package static func phrase(_ phrase: Phrase, _ arguments: [String: Value] = [:]) -> Value {
      .sentence(Sentence(phrase, arguments))
    }

    /// A whole number as written.
    package static func number(_ n: Int) -> Value { .text(String(n)) }

    /// The value in `words`' language.
    package func text(_ words: Words) -> String {
      switch self {
      case .text(let text): text
      case .quoted(let value):
        words(.diagnosticQuoteOpen) + Sentence.escaped(value) + words(.diagnosticQuoteClose)
      case .path(let path): words(.diagnosticQuoteOpen) + path + words(.diagnosticQuoteClose)
      case .key(let key): words(.diagnosticKeyOpen) + key + words(.diagnosticKeyClose)
      case .keys(let keys):
        keys.map { words(.diagnosticKeyOpen) + $0 + words(.diagnosticKeyClose) }
          .joined(separator: ", ")
      case .sentence(let sentence): sentence.text(words)
      case .count(let n): words.integer(n)
      }
    }
  }

  package var phrase: Phrase
  package var arguments: [String: Value]

  package init(_ phrase: Phrase, _ arguments: [String: Value] = [:]) {
    self.phrase = phrase
    self.arguments = arguments
  }

  /// The sentence in `words`' language, arguments filled (parts rendered first).
  package func text(_ words: Words) -> String {
    words(phrase, values: arguments.mapValues { $0.text(words) })
  }

  /// The sentence in `language`.
  package func text(in language: Language) -> String { text(Words(language)) }

  /// The arguments as text in `language` (parts rendered), for inspection and tests.
  package func renderedArguments(in language: Language) -> [String: String] {
    let words = Words(language)
    return arguments.mapValues { $0.text(words) }
  }

  /// A value for messages: shortened to 60 characters, line breaks, quotes and control
  /// characters escaped. O(length).
  package static func escaped(_ text: String) -> String {
    var out = ""
    var n = 0
    for scalar in text.unicodeScalars {
      n += 1
      if n > 60 {
        out += "…"
        break
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
