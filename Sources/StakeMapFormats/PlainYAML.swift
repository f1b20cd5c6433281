/// A YAML document as plain values: every scalar is its text as written (escapes decoded,
/// no typing), an alias is the node it names. For tools that need the values but not their
/// positions (the extraction evaluation's gold files); parsed by ``YAMLParser``, the one YAML
/// reader of the package.
package indirect enum PlainYAML: Sendable {
  case scalar(String)
  case sequence([PlainYAML])
  case mapping([(String, PlainYAML)])

  /// A scalar's text; nil for a collection.
  package var string: String? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  /// The value of the first pair with this key in a mapping; nil otherwise.
  package subscript(key: String) -> PlainYAML? {
    guard case .mapping(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// Why a document could not be read: "line L, column C: message".
  package struct Failure: Error, Sendable, CustomStringConvertible {
    package var description: String
  }

  /// Parses one YAML document; an empty document is an empty mapping.
  ///
  /// - Complexity: O(input bytes + alias uses).
  package static func parse(_ bytes: [UInt8]) throws(Failure) -> PlainYAML {
    let result = bytes.withUnsafeBufferPointer { YAMLParser.parse($0) }
    switch result {
    case .failure(let error):
      throw Failure(description: "line \(error.line), column \(error.column): \(error.message)")
    case .success(let tree):
      guard let root = tree.root else { return .mapping([]) }
      return plain(tree, root)
    }
  }

  private static func plain(_ tree: DocumentTree, _ id: DocumentTree.NodeID) -> PlainYAML {
    switch tree.kind(id) {
    case .scalar:
      return .scalar(tree.string(id))
    case .sequence:
      return .sequence((0..<tree.count(id)).map { plain(tree, tree.element(id, $0)) })
    case .mapping:
      return .mapping(
        (0..<tree.count(id)).map {
          (plain(tree, tree.key(id, $0)).string ?? "", plain(tree, tree.value(id, $0)))
        })
    }
  }
}
