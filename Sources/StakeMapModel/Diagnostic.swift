/// A place in an input file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
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

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
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
  public var location: SourceLocation?
  /// The complete sentence, e.g. `unknown actor id "nwd" (did you mean "nwid"?)`.
  public var message: String

  public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public static func error(at location: SourceLocation?, _ message: String) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  public static func warning(at location: SourceLocation?, _ message: String) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  /// `file:line:column: error: message`.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message)"
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
}
