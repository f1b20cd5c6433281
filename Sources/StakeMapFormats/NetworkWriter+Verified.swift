import StakeMapModel

extension NetworkWriter {
  /// The network as text in `format`, checked to read back without errors as `file` would be
  /// read: what a command is about to write must be usable. A failure is a bug in the writer or
  /// the reader, not the user's; it carries the reader's errors.
  ///
  /// - Complexity: O(size of the text).
  package static func verifiedText(
    _ network: Network, format: NetworkFileFormat, file: String, comments: Comments = Comments()
  ) throws(DiagnosticError) -> String {
    let text = format == .json ? json(network) : yaml(network, comments: comments)
    let check = NetworkReader.parse(bytes: Array(text.utf8), file: file, format: format)
    let problems = check.diagnostics.filter { $0.severity == .error }
    guard check.network != nil, problems.isEmpty else { throw DiagnosticError(problems) }
    return text
  }
}
