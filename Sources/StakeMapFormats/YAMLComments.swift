/// Finds comments in YAML text without a full parser: a `#` at the start of a line or after a
/// space or tab, outside quoted scalars and block scalars (`|`, `>`). A quote opens a quoted
/// scalar only where a scalar can start (line start, after `: `, `- `, `[`, `{`, `,`).
package enum YAMLComments {
  /// Whether the YAML text `bytes` (UTF-8) has a comment. O(size).
  package static func present(in bytes: [UInt8]) -> Bool {
    present(in: String(decoding: bytes, as: UTF8.self))
  }

  /// Whether the YAML `text` has a comment. O(size).
  package static func present(in text: String) -> Bool {
    var blockIndent: Int?  // inside a block scalar: lines indented more than this
    var quote: Character?  // inside a quoted scalar (which may span lines)
    // "\r\n" is one Character: split on it as on "\n" and "\r", or a file saved with
    // Windows line endings is one long line and its comments go unseen.
    let lines = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    for line in lines {
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if quote == nil, let block = blockIndent {
        if content.allSatisfy({ $0 == " " }) || indent > block { continue }
        blockIndent = nil
      }
      var previous: Character = " "
      var lastNonSpace: Character?
      var spaceAfterIndicator = false
      var escaped = false
      for c in content {
        if let open = quote {
          if open == "\"" {
            if escaped {
              escaped = false
            } else if c == "\\" {
              escaped = true
            } else if c == "\"" {
              quote = nil
            }
          } else if c == "'" {
            quote = nil  // '' inside single quotes closes and reopens: same result
          }
          previous = c
          lastNonSpace = c
          continue
        }
        if c == "#" && (previous == " " || previous == "\t") { return true }
        if c == "\"" || c == "'" {
          let canStart: Bool
          switch lastNonSpace {
          case nil: canStart = true
          case "["?, "{"?, ","?: canStart = true
          case ":"?, "-"?, "?"?: canStart = spaceAfterIndicator
          default: canStart = false
          }
          if canStart { quote = c }
        }
        if c == " " || c == "\t" {
          if let last = lastNonSpace, ":-?".contains(last) { spaceAfterIndicator = true }
        } else {
          lastNonSpace = c
          spaceAfterIndicator = false
        }
        previous = c
      }
      if quote == nil {
        let last = content.split(separator: " ").last.map(String.init) ?? ""
        if let first = last.first, first == "|" || first == ">",
          last.dropFirst().allSatisfy({ "+-0123456789".contains($0) })
        {
          blockIndent = indent
        }
      }
    }
    return false
  }
}
