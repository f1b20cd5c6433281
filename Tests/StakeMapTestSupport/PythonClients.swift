import Foundation
import Testing

/// Python with the packages the tests run as independent clients (NetworkX, igraph; pinned in
/// `Scripts/setup/requirements-test.txt`, installed by `Scripts/setup/python-tools.sh`).
/// Tests that need them carry ``enabled``: without them they are reported as skipped, with the
/// reason; under `CI=true` they always run and fail loudly if Python or a package is missing.
package enum PythonClients {
  /// Runs `python3 -c script args…`; standard output, standard error and the exit status.
  package static func run(_ script: String, _ arguments: [String] = []) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self),
      String(decoding: errData, as: UTF8.self)
    )
  }

  /// Whether `python3` can import every module of `modules`.
  package static func available(_ modules: [String]) -> Bool {
    (try? run("import " + modules.joined(separator: ", ")))?.status == 0
  }

  package static let networkxAndIgraph = available(["networkx", "igraph"])

  package static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The trait for a test that runs NetworkX and igraph.
  package static var enabled: ConditionTrait {
    .enabled(
      if: networkxAndIgraph || required,
      Comment(rawValue: "needs python3 with networkx and igraph (Scripts/setup/python-tools.sh installs them)"))
  }
}
