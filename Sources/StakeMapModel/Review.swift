/// Where a proposed item stands in review. `stakemap extract` marks everything it proposes
/// `pending`; a coordinator sets `accepted` or `rejected`; `stakemap merge` takes only accepted
/// items (and reports the others). Items without a review mark are ordinary, confirmed data.
public enum ReviewState: String, CaseIterable, Sendable, Hashable, Codable {
  case pending, accepted, rejected
}

/// A stretch of a source text: `start..<end` in Unicode scalars (code points) from the start
/// of the file, 0-based, end exclusive — the same numbers as Python's `text[start:end]`, so a
/// reviewer can check a quote with any tool.
public struct TextSpan: Sendable, Hashable, Codable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }
}
