import Foundation
import Testing

/// Package.swift says what each module uses: every target's declared dependencies equal the
/// modules its files import (system modules such as Foundation aside), so the dependency
/// picture in docs/ARCHITECTURE.md cannot silently drift from the code.
@Suite struct PackageStructureTests {
  static let root = CLIRunner.packageRoot
  static let systemModules: Set<String> = [
    "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch",
    "Synchronization", "Testing", "XCTest", "FoundationXML",
  ]

  /// (target name, folder, declared dependencies) for every target in Package.swift.
  static func targets() throws -> [(name: String, folder: String, declared: Set<String>)] {
    let manifest = try String(
      contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let pattern = try NSRegularExpression(
      pattern: #"\.(target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?(?:,\s*path:\s*"([^"]+)")?"#)
    var result: [(String, String, Set<String>)] = []
    let range = NSRange(manifest.startIndex..., in: manifest)
    for match in pattern.matches(in: manifest, range: range) {
      let kind = String(manifest[Range(match.range(at: 1), in: manifest)!])
      let name = String(manifest[Range(match.range(at: 2), in: manifest)!])
      var declared: Set<String> = []
      if let r = Range(match.range(at: 3), in: manifest) {
        let list = String(manifest[r])
        let names = try NSRegularExpression(pattern: #"(?:^|[\[,\s])"([A-Za-z0-9_-]+)""#)
        for m in names.matches(in: list, range: NSRange(list.startIndex..., in: list)) {
          declared.insert(String(list[Range(m.range(at: 1), in: list)!]))
        }
        // .product(name: "ArgumentParser", package: …) is imported as ArgumentParser.
        if list.contains(#"name: "ArgumentParser""#) {
          declared.remove("swift-argument-parser")
          declared.insert("ArgumentParser")
        }
      }
      let path = Range(match.range(at: 4), in: manifest).map { String(manifest[$0]) }
      result.append((name, path ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)"), declared))
    }
    return result
  }

  static func imports(in folder: String) -> Set<String> {
    var found: Set<String> = []
    let url = root.appendingPathComponent(folder)
    guard let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
    else { return found }
    let pattern = try! NSRegularExpression(
      pattern: #"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate)\s+)?import\s+(?:(?:struct|enum|class|func|var|let)\s+)?([A-Za-z0-9_]+)"#,
      options: [.anchorsMatchLines])
    for case let file as URL in files where file.pathExtension == "swift" {
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        found.insert(String(text[Range(m.range(at: 1), in: text)!]))
      }
    }
    return found.subtracting(systemModules)
  }

  @Test func declaredDependenciesEqualImports() throws {
    let targets = try Self.targets()
    #expect(targets.count > 20, "Package.swift was not understood")
    for target in targets {
      let imported = Self.imports(in: target.folder).subtracting([target.name])
      #expect(
        imported == target.declared,
        "\(target.name): imports but does not declare \(imported.subtracting(target.declared).sorted()); declares but does not import \(target.declared.subtracting(imported).sorted())"
      )
    }
  }
}
