import Foundation
import Testing

@Suite struct GoldBundleTests {
  @Test func goldAnnotationsAreBundled() throws {
    let url = try #require(Bundle.module.url(forResource: "Gold", withExtension: nil))
    #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path))
  }
}
