import Foundation
import Testing

/// Runs the built `stakemap` binary and captures what it prints; the end-to-end tests use it to
/// test the command line exactly as a user meets it.
struct CLIRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
  }

  /// The package root, found from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `stakemap` executable beside the test bundle (SwiftPM builds products and tests into
  /// the same directory).
  static let executable: URL = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // The test runner may be inside a bundle directory (xctest on macOS).
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("stakemap")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    for config in ["debug", "release"] {
      let candidate = packageRoot.appendingPathComponent(".build/\(config)/stakemap")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/stakemap")
  }()

  /// Runs `stakemap` with `arguments`. The locale variables (which choose the language of
  /// messages given before a network is read) are removed, so the results do not depend on
  /// the machine; `locale` sets `LANG` instead.
  static func run(_ arguments: [String], in directory: URL? = nil, locale: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[key] = nil }
    if let locale { environment["LANG"] = locale }
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a chatty process cannot block on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      stdoutBytes: outData)
  }
}

/// A fresh temporary directory per test, removed afterwards.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("stakemap-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ name: String, _ contents: String) throws -> String {
    let path = url.appendingPathComponent(name).path
    try contents.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
