import StakeMapModel
import StakeMapText

/// Reads network files (docs/FORMAT.md), YAML or JSON, into a ``Network``, with every problem
/// as a ``Diagnostic`` at `file:line:column`.
///
/// Input is UTF-8, with or without a byte order mark. A syntax error stops the parse and is the
/// only diagnostic; otherwise every rule of the format is checked and all problems are reported.
///
/// Complexity: O(file size) time; memory about 20 bytes per YAML/JSON node plus the text, on top
/// of the resulting network (a file of 100,000 actors and 1,000,000 relations takes well under a
/// gigabyte at its peak).
public enum NetworkReader {
  /// Reads and decodes the file at `path`; the format follows the extension (`.json`; `.yaml`,
  /// `.yml`), and a file with another extension is read as YAML, with a warning. A file that
  /// cannot be read gives one error, without a position, whose message names the file.
  public static func read(path: String) -> NetworkReadResult {
    var bytes: [UInt8]
    do {
      bytes = try InputFile.contents(of: path)
    } catch {
      return NetworkReadResult(network: nil, diagnostics: [.error(at: nil, error.sentence)])
    }
    let format = NetworkFileFormat(path: path)
    let parsed = parse(bytes, format: format ?? .yaml)
    // The tree has copied what it needs: let the input go before the network is built.
    bytes = []
    var result = decode(parsed, file: path)
    if format == nil {
      result.diagnostics.insert(
        .warning(at: nil, Sentence(.diagnosticUnknownExtension, ["path": .path(path)])),
        at: 0)
    }
    return result
  }

  /// Decodes the contents of a network file. `file` is the name diagnostics give.
  public static func parse(bytes: [UInt8], file: String, format: NetworkFileFormat)
    -> NetworkReadResult
  {
    decode(parse(bytes, format: format), file: file)
  }

  /// The document tree of a file's contents, or its one syntax error.
  private static func parse(_ bytes: [UInt8], format: NetworkFileFormat)
    -> Result<DocumentTree, SyntaxError>
  {
    func failure(
      _ line: Int, _ column: Int, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
    ) -> Result<DocumentTree, SyntaxError> {
      .failure(SyntaxError(line: line, column: column, phrase, arguments))
    }
    if bytes.count >= UInt32.max {
      return failure(1, 1, .diagnosticFileTooLarge)
    }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
      return failure(1, 1, .diagnosticUTF16)
    }
    let parsed = bytes.withUnsafeBufferPointer { all in
      // A byte order mark is no part of the text, and editors do not count it as a column.
      let hasBOM = all.starts(with: [0xEF, 0xBB, 0xBF])
      let input = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
      return format == .json ? JSONParser.parse(input) : YAMLParser.parse(input)
    }
    switch parsed {
    case .success(let tree):
      return .success(tree)
    case .failure(let error):
      let language = format == .json ? "JSON" : "YAML"
      return failure(
        error.line, error.column, .diagnosticInvalidSyntax,
        ["format": .text(language), "message": .sentence(error.sentence)])
    }
  }

  private static func decode(_ parsed: Result<DocumentTree, SyntaxError>, file: String)
    -> NetworkReadResult
  {
    switch parsed {
    case .failure(let error):
      let location = FileLocation(file: file, line: error.line, column: error.column)
      return NetworkReadResult(network: nil, diagnostics: [.error(at: location, error.sentence)])
    case .success(let tree):
      let (network, diagnostics) = NetworkDecoder.decode(tree, file: file)
      return NetworkReadResult(network: network, diagnostics: diagnostics)
    }
  }

  /// Reads a scenario file (see ``Scenario``) that extends `base`: its relations and events may
  /// name the base network's actors, sources and topics. Same diagnostics as ``read(path:)``.
  public static func readScenario(path: String, base: Network) -> (
    scenario: Scenario?, diagnostics: [Diagnostic]
  ) {
    let format = NetworkFileFormat(path: path) ?? .yaml
    let bytes: [UInt8]
    do {
      bytes = try InputFile.contents(of: path)
    } catch {
      return (nil, [.error(at: nil, error.sentence)])
    }
    switch parse(bytes, format: format) {
    case .failure(let error):
      let location = FileLocation(file: path, line: error.line, column: error.column)
      return (nil, [.error(at: location, error.sentence)])
    case .success(let tree):
      return NetworkDecoder.decodeScenario(tree, file: path, base: base)
    }
  }

  /// Reads the file at `path` and returns its network and warnings, or throws every diagnostic
  /// (errors and warnings) when there is an error.
  public static func load(path: String) throws(DiagnosticError) -> (
    network: Network, warnings: [Diagnostic]
  ) {
    let result = read(path: path)
    guard let network = result.network else { throw DiagnosticError(result.diagnostics) }
    return (network, result.diagnostics)
  }
}
