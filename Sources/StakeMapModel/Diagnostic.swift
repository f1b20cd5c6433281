import StakeMapText

/// A place in an input file: 1-based line and column (columns count Unicode scalars).
public struct FileLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form compilers print and editors jump to.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: FileLocation, b: FileLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// One problem found in an input: where, what was found, what was expected.
///
/// StakeMap collects every problem of a file before it gives up, so that a coordinator can fix
/// them in one pass; see ``DiagnosticError``.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable { case error, warning }

  public var severity: Severity
  public var location: FileLocation?
  /// The complete sentence in English, e.g. `unknown actor id "nwd" (did you mean "nwid"?)`.
  public var message: String
  /// The same sentence as a catalogue phrase with its arguments, so that it can be shown in
  /// any language (``message(in:)``); nil for a message that has no phrase.
  package var sentence: Sentence?

  /// The catalogue key of the message, if it has one.
  package var phrase: Phrase? { sentence?.phrase }

  /// The arguments of the message, as text in English.
  package var arguments: [String: String] { sentence?.renderedArguments(in: .en) ?? [:] }

  public init(_ severity: Severity = .error, at location: FileLocation?, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// A diagnostic from the catalogue; its ``message`` is the English text.
  package init(_ severity: Severity = .error, at location: FileLocation?, _ sentence: Sentence) {
    self.severity = severity
    self.location = location
    self.message = sentence.text(in: .en)
    self.sentence = sentence
  }

  public static func error(at location: FileLocation?, _ message: String) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  public static func warning(at location: FileLocation?, _ message: String) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  package static func error(at location: FileLocation?, _ sentence: Sentence) -> Diagnostic {
    Diagnostic(.error, at: location, sentence)
  }

  package static func warning(at location: FileLocation?, _ sentence: Sentence) -> Diagnostic {
    Diagnostic(.warning, at: location, sentence)
  }

  /// `file:line:column: error: message`.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message)"
  }

  /// The message in `language` (the English ``message`` when it has no phrase).
  package func message(in language: Language) -> String {
    sentence?.text(in: language) ?? message
  }

  /// `file:line:column: error: message` in `language` (`Fehler`, `Warnung` in German); in
  /// English exactly ``description``.
  package func description(in language: Language) -> String {
    let place = location.map { "\($0): " } ?? ""
    let words = Words(language)
    let label = words(severity == .error ? .diagnosticError : .diagnosticWarning)
    return "\(place)\(label): \(message(in: language))"
  }

  // Equal when severity, place and message are: how a message was built does not matter.
  public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
    a.severity == b.severity && a.location == b.location && a.message == b.message
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(severity)
    hasher.combine(location)
    hasher.combine(message)
  }
}

/// Thrown when an input has at least one error; carries every diagnostic found (errors and
/// warnings), sorted by position.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted { lhs, rhs in
      switch (lhs.location, rhs.location) {
      case let (l?, r?): return l < r
      case (nil, _?): return true
      default: return false
      }
    }
  }

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }

  /// Every diagnostic in `language`, one a line.
  package func description(in language: Language) -> String {
    diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
  }
}
