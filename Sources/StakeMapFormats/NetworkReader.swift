import StakeMapModel
import StakeMapText

/// Reads network files (docs/FORMAT.md), YAML or JSON, into a ``Network``, with every problem
/// as a ``Diagnostic`` at `file:line:column`.
///
/// Input is UTF-8, with or without a byte order mark. A syntax error stops the parse and is the
/// only diagnostic; otherwise every rule of the format is checked and all problems are reported.
///
/// Files are decoded while they are parsed (``NetworkStreamDecoder``): the tree holds a few
/// thousand nodes of list elements at a time, and a regular file read from disk gives its pages
/// back as the parse passes them (``ConsumedInput``). So the peak is about the network itself
/// plus the part of the file not yet read: a file of 100,000 actors and 1,000,000 relations
/// (73 MB of JSON) is read at a peak of about 130 MiB where building the whole document tree
/// first took 360 MiB. A file whose sections come in an order that cannot be decoded piece by
/// piece (see ``NetworkStreamDecoder``) is decoded as a whole tree, with the same result.
///
/// Complexity: O(file size) time; memory O(the network + the file), plus about 20 bytes per
/// YAML/JSON node and the text when a file is decoded as a whole tree.
public enum NetworkReader {
  /// How a file is decoded: while it is parsed (the default), or from the whole document tree
  /// (what a streamed read falls back to; tests and the fuzz target compare the two).
  package enum Decoding: Sendable {
    case streamed, wholeTree
  }

  /// Bytes parsed between two releases of a file's pages.
  static let releaseStep = 4 << 20

  /// Reads and decodes the file at `path`; the format follows the extension (`.json`; `.yaml`,
  /// `.yml`), and a file with another extension is read as YAML, with a warning. A file that
  /// cannot be read gives one error, without a position, whose message names the file.
  public static func read(path: String) -> NetworkReadResult {
    read(path: path, decoding: .streamed, releaseStep: releaseStep)
  }

  /// ``read(path:)``, decoded as `decoding` says, releasing the file's pages every
  /// `releaseStep` bytes (tests use small steps).
  package static func read(path: String, decoding: Decoding, releaseStep: Int)
    -> NetworkReadResult
  {
    let format = NetworkFileFormat(path: path)
    var result: NetworkReadResult
    do {
      var bytes = try InputFile.contents(of: path)
      // Only a regular file can be read again if the work left needs the released text.
      let step = InputFile.isRegularFile(path) ? releaseStep : nil
      if let decoded = decode(
        &bytes, file: path, format: format ?? .yaml, decoding: decoding, releaseStep: step)
      {
        result = decoded
      } else {
        // Pages were released, and what is left to do needs the whole text: read it again.
        bytes = []
        bytes = try InputFile.contents(of: path)
        result = decode(
          &bytes, file: path, format: format ?? .yaml, decoding: decoding, releaseStep: nil)!
      }
    } catch {
      return NetworkReadResult(network: nil, diagnostics: [.error(at: nil, error.sentence)])
    }
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
    parse(bytes: bytes, file: file, format: format, decoding: .streamed)
  }

  /// ``parse(bytes:file:format:)``, decoded as `decoding` says.
  package static func parse(
    bytes: [UInt8], file: String, format: NetworkFileFormat, decoding: Decoding
  ) -> NetworkReadResult {
    var bytes = bytes
    // The caller's bytes are never released, so the text stays whole.
    return decode(&bytes, file: file, format: format, decoding: decoding, releaseStep: nil)!
  }

  /// Decodes `bytes`. With a `releaseStep`, `bytes` are the reader's own and their pages are
  /// released as the parse passes them; nil then means the work left needs the whole text
  /// again (a YAML syntax error, whose line is counted from the start, or a file that has to be
  /// decoded as a whole tree after all): the caller reads the file again.
  private static func decode(
    _ bytes: inout [UInt8], file: String, format: NetworkFileFormat, decoding: Decoding,
    releaseStep: Int?
  ) -> NetworkReadResult? {
    if let error = refusal(bytes) { return decode(.failure(error), file: file) }
    guard decoding == .streamed else { return decodeWholeTree(&bytes, file: file, format: format) }
    func run(_ input: UnsafeBufferPointer<UInt8>, _ consumed: ConsumedInput) -> (
      parsed: Result<DocumentTree, SyntaxError>, sink: NetworkStreamDecoder.Sink, released: Bool
    ) {
      let sink = NetworkStreamDecoder.Sink(NetworkStreamDecoder(file: file, consumed: consumed))
      let parsed =
        format == .json
        ? JSONParser.parse(input, sink: sink, consumed: consumed)
        : YAMLParser.parse(input, sink: sink, consumed: consumed)
      return (parsed, sink, consumed.released > 0)
    }
    // A byte order mark is no part of the text, and editors do not count it as a column.
    let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let (parsed, sink, released) =
      if let releaseStep {
        bytes.withUnsafeMutableBufferPointer { all in
          let input = UnsafeMutableBufferPointer(rebasing: all[skip...])
          return run(UnsafeBufferPointer(input), ConsumedInput(releasing: input, step: releaseStep))
        }
      } else {
        // The caller's bytes: read in place, never released.
        bytes.withUnsafeBufferPointer { all in
          run(UnsafeBufferPointer(rebasing: all[skip...]), ConsumedInput(count: all.count - skip))
        }
      }
    switch parsed {
    case .failure(let error):
      // libyaml's reader errors count lines from the start of the text.
      if format == .yaml && released { return nil }
      return decode(.failure(syntaxError(error, format: format)), file: file)
    case .success(let tree):
      if sink.decoder.isStopped {
        if released { return nil }
        return decodeWholeTree(&bytes, file: file, format: format)
      }
      if let (network, diagnostics) = sink.decoder.result {
        return NetworkReadResult(network: network, diagnostics: diagnostics)
      }
      // The root is not a mapping (or there is none): the builder built the whole tree.
      return decode(.success(tree), file: file)
    }
  }

  /// Parses `bytes` into a whole tree, lets them go (the tree has copied what it needs), then
  /// decodes the tree.
  private static func decodeWholeTree(
    _ bytes: inout [UInt8], file: String, format: NetworkFileFormat
  ) -> NetworkReadResult {
    let parsed = parse(bytes, format: format)
    bytes = []
    return decode(parsed, file: file)
  }

  /// Why `bytes` are not read at all, if they are not.
  private static func refusal(_ bytes: [UInt8]) -> SyntaxError? {
    if bytes.count >= UInt32.max {
      return SyntaxError(line: 1, column: 1, .diagnosticFileTooLarge)
    }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
      return SyntaxError(line: 1, column: 1, .diagnosticUTF16)
    }
    return nil
  }

  /// A parser's error as the reader reports it: "invalid JSON: …", "invalid YAML: …".
  private static func syntaxError(_ error: SyntaxError, format: NetworkFileFormat) -> SyntaxError {
    let language = format == .json ? "JSON" : "YAML"
    return SyntaxError(
      line: error.line, column: error.column, .diagnosticInvalidSyntax,
      ["format": .text(language), "message": .sentence(error.sentence)])
  }

  /// The whole document tree of a file's contents, or its one syntax error.
  private static func parse(_ bytes: [UInt8], format: NetworkFileFormat)
    -> Result<DocumentTree, SyntaxError>
  {
    if let error = refusal(bytes) { return .failure(error) }
    let parsed = bytes.withUnsafeBufferPointer { all in
      // A byte order mark is no part of the text, and editors do not count it as a column.
      let hasBOM = all.starts(with: [0xEF, 0xBB, 0xBF])
      let input = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
      return format == .json ? JSONParser.parse(input) : YAMLParser.parse(input)
    }
    return parsed.mapError { syntaxError($0, format: format) }
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
