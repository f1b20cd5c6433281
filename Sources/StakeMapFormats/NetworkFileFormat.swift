/// The syntax of a network file; both carry the same structure (docs/FORMAT.md).
public enum NetworkFileFormat: String, Sendable {
  case yaml, json

  /// The format a path's extension names, ignoring case: `.json` is JSON, `.yaml` and `.yml`
  /// are YAML; nil for anything else.
  public init?(path: String) {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "json": self = .json
    case "yaml", "yml": self = .yaml
    default: return nil
    }
  }
}
