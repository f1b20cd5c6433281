import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes `text` as the contents of a network file called `file`; expects decoding it as a
/// whole tree to give the same (so every decoder test also checks the streamed decoding).
func read(_ text: String, file: String = "t.yaml", format: NetworkFileFormat = .yaml)
  -> NetworkReadResult
{
  let result = NetworkReader.parse(bytes: Array(text.utf8), file: file, format: format)
  expectSameAsWholeTree(result, text, file: file, format: format)
  return result
}

/// Expects `result` (a streamed decoding of `text`) to equal the whole-tree decoding: the same
/// network, locations included, and the same diagnostics in both languages, in the same order.
func expectSameAsWholeTree(
  _ result: NetworkReadResult, _ text: String, file: String, format: NetworkFileFormat,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let whole = NetworkReader.parse(
    bytes: Array(text.utf8), file: file, format: format, decoding: .wholeTree)
  #expect(result.network == whole.network, sourceLocation: sourceLocation)
  #expect(messages(result) == messages(whole), sourceLocation: sourceLocation)
  #expect(
    result.diagnostics.map { $0.description(in: .de) }
      == whole.diagnostics.map { $0.description(in: .de) }, sourceLocation: sourceLocation)
}

/// Diagnostics as `line:column: severity: message`, for exact comparison.
func messages(_ result: NetworkReadResult) -> [String] {
  result.diagnostics.map { d in
    let place = d.location.map { "\($0.line):\($0.column)" } ?? "-"
    return "\(place): \(d.severity.rawValue): \(d.message)"
  }
}

/// The tree of a YAML text, or nil after a syntax error.
func yamlTree(_ text: String) -> Result<DocumentTree, SyntaxError> {
  Array(text.utf8).withUnsafeBufferPointer { YAMLParser.parse($0) }
}

func jsonTree(_ text: String) -> Result<DocumentTree, SyntaxError> {
  Array(text.utf8).withUnsafeBufferPointer { JSONParser.parse($0) }
}

extension Result {
  var value: Success? {
    if case .success(let value) = self { return value }
    return nil
  }

  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}

extension DocumentTree {
  /// The value of `key` in mapping `node`, by text. O(pairs).
  func lookup(_ node: NodeID, _ key: String) -> NodeID? {
    (0..<count(node)).first { string(self.key(node, $0)) == key }.map { value(node, $0) }
  }
}

/// `network` without its `location` fields, for comparing a read network with a built one.
func withoutLocations(_ network: Network) -> Network {
  var copy = network
  for i in copy.actors.indices { copy.actors[i].location = nil }
  for i in copy.relations.indices { copy.relations[i].location = nil }
  for i in copy.sources.indices { copy.sources[i].location = nil }
  for i in copy.events.indices { copy.events[i].location = nil }
  for i in copy.topics.indices { copy.topics[i].location = nil }
  return copy
}

/// A fresh empty directory under /tmp, unique per call.
func temporaryDirectory() -> String {
  let path = "/tmp/stakemap-formats-tests-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
  precondition(mkdir(path, 0o755) == 0)
  return path
}

func fileContents(_ path: String) -> String? {
  guard let bytes = try? InputFile.contents(of: path) else { return nil }
  return String(decoding: bytes, as: UTF8.self)
}

func fileMode(_ path: String) -> mode_t? {
  var info = stat()
  return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

func directoryEntries(_ path: String) -> [String] {
  guard let dir = opendir(path) else { return [] }
  defer { closedir(dir) }
  var names: [String] = []
  while let entry = readdir(dir) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
    }
    if name != "." && name != ".." { names.append(name) }
  }
  return names.sorted()
}

func removeTree(_ path: String) {
  for name in directoryEntries(path) {
    let child = "\(path)/\(name)"
    var info = stat()
    if lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
      chmod(child, 0o755)
      removeTree(child)
    } else {
      unlink(child)
    }
  }
  rmdir(path)
}
