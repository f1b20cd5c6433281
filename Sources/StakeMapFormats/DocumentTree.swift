import StakeMapModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parsed YAML or JSON document: scalars, sequences and mappings, each with the 1-based line
/// and column where it starts (columns count Unicode scalars, as editors do).
///
/// The tree is an arena: nodes are fixed-size records in one flat array and are named by their
/// index (``NodeID``); the children of a container are a contiguous range of ``children``, and a
/// mapping's children alternate key, value, key, value. Scalar text is a byte range of ``text``
/// (UTF-8, escapes already decoded). No node owns a heap object, so a document of ten million
/// nodes is three flat allocations (about 20 bytes per node, 4 per child, plus the scalar bytes)
/// rather than ten million objects.
///
/// A YAML alias is the id of its anchored node, so a tree with aliases is a DAG; the YAML parser
/// bounds how large it would be if expanded (see ``YAMLParser``).
///
/// A network file is not read into one tree: at about 20 bytes a node and ten nodes a
/// relation, the tree was the largest thing alive while a large file was read. The reader
/// decodes it while it is parsed, the tree holding a batch of list elements at a time (see
/// ``DocumentTreeBuilder`` and ``NetworkStreamDecoder``). Whole trees remain for scenario
/// files, node-link JSON, ``PlainYAML`` and the files that cannot be decoded piece by piece.
///
/// Offsets are 32-bit: the reader refuses inputs of 4 GiB or more, and no part of a tree can be
/// larger than its input (escapes only shrink text, aliases copy nothing).
struct DocumentTree: Sendable {
  typealias NodeID = Int

  enum Kind: UInt8, Sendable {
    case scalar, sequence, mapping
  }

  /// What a scalar denotes: JSON's types, and for YAML the core schema's resolution of a plain
  /// scalar (quoted YAML scalars are always strings).
  enum ScalarType: UInt8, Sendable {
    case string, null, bool, int, float
  }

  struct Node: Sendable {
    var line: UInt32
    var column: UInt32
    /// Scalar: offset of its text in ``DocumentTree/text``; container: offset of its first child
    /// in ``DocumentTree/children``.
    var start: UInt32
    /// Scalar: text length in bytes; sequence: number of elements; mapping: number of pairs.
    var count: UInt32
    var kind: Kind
    var scalarType: ScalarType
    var quoted: Bool
  }

  var nodes: [Node] = []
  var children: [UInt32] = []
  var text: [UInt8] = []
  /// The document's root; nil for an empty document (a YAML file of only comments).
  var root: NodeID?

  // MARK: - Reading nodes (all O(1) unless noted)

  func kind(_ id: NodeID) -> Kind { nodes[id].kind }
  func scalarType(_ id: NodeID) -> ScalarType { nodes[id].scalarType }
  func isQuoted(_ id: NodeID) -> Bool { nodes[id].quoted }
  func line(_ id: NodeID) -> Int { Int(nodes[id].line) }
  func column(_ id: NodeID) -> Int { Int(nodes[id].column) }

  func location(_ id: NodeID, file: String) -> FileLocation {
    FileLocation(file: file, line: Int(nodes[id].line), column: Int(nodes[id].column))
  }

  /// Elements of a sequence, pairs of a mapping, 0 for a scalar.
  func count(_ id: NodeID) -> Int {
    nodes[id].kind == .scalar ? 0 : Int(nodes[id].count)
  }

  func element(_ sequence: NodeID, _ index: Int) -> NodeID {
    Int(children[Int(nodes[sequence].start) + index])
  }

  func key(_ mapping: NodeID, _ index: Int) -> NodeID {
    Int(children[Int(nodes[mapping].start) + 2 * index])
  }

  func value(_ mapping: NodeID, _ index: Int) -> NodeID {
    Int(children[Int(nodes[mapping].start) + 2 * index + 1])
  }

  /// A scalar's text as written (escapes decoded). O(length).
  func string(_ id: NodeID) -> String {
    let node = nodes[id]
    return text.withUnsafeBufferPointer { buffer in
      let start = Int(node.start)
      return String(
        decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + Int(node.count)]),
        as: UTF8.self)
    }
  }

  /// Calls `body` with a scalar's UTF-8 bytes, without copying them.
  func withBytes<R>(_ id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let node = nodes[id]
    return try text.withUnsafeBufferPointer { buffer in
      let start = Int(node.start)
      return try body(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(node.count)]))
    }
  }

  /// Whether two scalars have the same text. O(length).
  func textEqual(_ a: NodeID, _ b: NodeID) -> Bool {
    let x = nodes[a]
    let y = nodes[b]
    guard x.count == y.count else { return false }
    return text.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      return memcmp(base + Int(x.start), base + Int(y.start), Int(x.count)) == 0
    }
  }

  /// The numeric value of an `int` or `float` scalar: decimal, YAML's `0x`/`0o` integers,
  /// `.inf`, `-.inf`, `.nan`. Nil for other scalars. O(length).
  func number(_ id: NodeID) -> Double? {
    let node = nodes[id]
    guard node.kind == .scalar, node.scalarType == .int || node.scalarType == .float else {
      return nil
    }
    return withBytes(id) { bytes -> Double? in
      // Fast path for the usual small decimal integer weights.
      if node.scalarType == .int, bytes.count <= 15, bytes.allSatisfy({ $0 &- 48 < 10 }) {
        return Double(bytes.reduce(0) { $0 * 10 + Int($1 &- 48) })
      }
      var body = Substring(String(decoding: bytes, as: UTF8.self))
      var sign = 1.0
      if body.first == "-" || body.first == "+" {
        if body.first == "-" { sign = -1 }
        body = body.dropFirst()
      }
      switch body {
      case ".inf", ".Inf", ".INF": return sign * .infinity
      case ".nan", ".NaN", ".NAN": return .nan
      default: break
      }
      if body.hasPrefix("0x") || body.hasPrefix("0o") {
        let radix = body.hasPrefix("0x") ? 16 : 8
        guard let magnitude = UInt64(body.dropFirst(2), radix: radix) else {
          // Too large for 64 bits: sum digit by digit, in floating point.
          return sign
            * body.dropFirst(2).reduce(0.0) {
              $0 * Double(radix) + Double($1.hexDigitValue ?? 0)
            }
        }
        return sign * Double(magnitude)
      }
      return Double(body).map { sign * $0 }
    }
  }
}
