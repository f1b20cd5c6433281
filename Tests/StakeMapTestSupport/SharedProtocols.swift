import Foundation
import Testing

/// The five workshop protocols in `../shared/protocols` beside the repository (a read-only copy
/// sits beside the clone in CI; developers have it too). They are not committed here, so the
/// tests that read them carry ``enabled``: without the folder they are reported as skipped,
/// with the reason, instead of passing silently. Under `CI=true` they always run (and fail
/// loudly if the folder is missing).
///
/// `STAKEMAP_SHARED_DIR` names another `shared` folder (the one holding `protocols/`), e.g. to
/// check the skip: `STAKEMAP_SHARED_DIR=/nonexistent swift test`.
/// One helper for every test target that reads the protocols (CLI and extraction tests).
package enum SharedProtocols {
  package static let sharedDirectory: URL = {
    if let path = ProcessInfo.processInfo.environment["STAKEMAP_SHARED_DIR"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    // Tests/StakeMapTestSupport/SharedProtocols.swift → the folder beside the repository.
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared")
  }()

  package static let directory = sharedDirectory.appendingPathComponent("protocols")

  package static let present: Bool = {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }()

  package static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The trait for a test that reads the protocols.
  package static var enabled: ConditionTrait {
    .enabled(
      if: present || required,
      Comment(rawValue: "needs the protocols in \(directory.path), which is absent (set STAKEMAP_SHARED_DIR to the shared folder)"))
  }
}
