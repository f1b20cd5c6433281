import Foundation
import Testing

/// Scripts/ is documented and referred to from many places (README, docs, Graphs READMEs,
/// other scripts, Sources and Tests comments, test messages): every `Scripts/….sh|py` named
/// anywhere exists, and Scripts/README.md lists every script.
@Suite("Scripts/")
struct ScriptsTests {
  static let root = CLIRunner.packageRoot

  /// Every file below `folder` (relative to the root) whose name ends in one of `suffixes`.
  static func files(under folder: String, _ suffixes: [String]) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else {
      return []
    }
    return walker.compactMap { $0 as? String }
      .filter { path in suffixes.contains { path.hasSuffix($0) } }
      .map { folder + "/" + $0 }.sorted()
  }

  static var scripts: [String] { files(under: "Scripts", [".sh", ".py"]) }

  static var texts: [String] {
    ["README.md", "Package.swift", ".ci/run"] + files(under: "docs", [".md"])
      + files(under: "Graphs", ["README.md"]) + files(under: "Scripts", [".sh", ".py", ".md"])
      + files(under: "Sources", [".swift"]) + files(under: "Tests", [".swift"])
  }

  @Test func everyNamedScriptExists() throws {
    #expect(Self.scripts.contains("Scripts/test.sh"))
    let pattern = try Regex(#"Scripts/[A-Za-z0-9_./-]+\.(sh|py)"#)
    var named = 0
    for file in Self.texts {
      let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: pattern) {
        named += 1
        let path = String(text[match.range])
        #expect(
          FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path),
          "\(file) names \(path), which does not exist")
      }
    }
    #expect(named > 20)
  }

  @Test func scriptsReadmeListsEveryScript() throws {
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("Scripts/README.md"), encoding: .utf8)
    #expect(Self.scripts.count >= 10)
    for script in Self.scripts {
      let relative = String(script.dropFirst("Scripts/".count))
      #expect(readme.contains("`" + relative), "Scripts/README.md does not list \(relative)")
    }
  }
}
