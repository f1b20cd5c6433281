import Foundation
import StakeMapFuzzing
import Testing

/// Every input that ever failed a fuzz check, and a few hand-made hostile ones, replayed
/// through the same checks the fuzzers run (Sources/StakeMapFuzzing). A broken invariant traps,
/// which fails the test run. Add the input of every new fuzz finding under
/// Regressions/TARGET/ (Scripts/fuzzing/run-fuzzers.sh prints where it saved it).
@Suite struct FuzzRegressionTests {
  static func inputs(_ target: FuzzTarget) throws -> [URL] {
    let folder = try #require(
      Bundle.module.url(forResource: "Regressions", withExtension: nil)?
        .appendingPathComponent(target.rawValue))
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test(arguments: FuzzTarget.allCases)
  func everyKeptInputPassesItsChecks(_ target: FuzzTarget) throws {
    let inputs = try Self.inputs(target)
    #expect(!inputs.isEmpty, "no regression inputs for \(target.rawValue)")
    for input in inputs {
      target.check(Array(try Data(contentsOf: input)))
    }
  }
}
