import StakeMapModel

/// What reading a network file gave: the network, unless there was an error, and every problem
/// found.
public struct NetworkReadResult: Sendable {
  /// Nil if and only if ``diagnostics`` contains an error.
  public var network: Network?
  /// Errors and warnings, sorted by position (`file:line:column`); diagnostics without a position
  /// (an unreadable file) come first.
  public var diagnostics: [Diagnostic]

  public init(network: Network?, diagnostics: [Diagnostic]) {
    self.network = network
    self.diagnostics = diagnostics
  }
}
