import Foundation
import Testing

/// Print: PNG maps state their resolution, --paper sizes a map, the report prints on A4 with
/// the map on a landscape page, `report -o r.pdf`.
@Suite("print")
struct PrintEndToEndTests {
  /// The horizontal resolution a PNG states (pHYs, unit metre), in dots per inch.
  static func dpi(_ png: Data) -> Double? {
    let bytes = [UInt8](png)
    var i = 8
    while i + 8 <= bytes.count {
      let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
      if String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self) == "pHYs", bytes[i + 16] == 1 {
        let x = Int(bytes[i + 8]) << 24 | Int(bytes[i + 9]) << 16 | Int(bytes[i + 10]) << 8 | Int(bytes[i + 11])
        return (Double(x) * 0.0254).rounded()
      }
      i += 12 + length
    }
    return nil
  }

  static func width(_ png: Data) -> Int {
    let b = [UInt8](png)
    return Int(b[16]) << 24 | Int(b[17]) << 16 | Int(b[18]) << 8 | Int(b[19])
  }

  static func height(_ png: Data) -> Int {
    let b = [UInt8](png)
    return Int(b[20]) << 24 | Int(b[21]) << 16 | Int(b[22]) << 8 | Int(b[23])
  }

  @Test func pngStatesItsResolutionAndPaperSizesIt() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    #expect(try CLIRunner.run(["render", file, "-o", dir.path("a.png")]).status == 0)
    let a = try Data(contentsOf: dir.url.appendingPathComponent("a.png"))
    #expect(Self.dpi(a) == 300)
    #expect(try CLIRunner.run(["render", file, "-o", dir.path("b.png"), "--dpi", "150"]).status == 0)
    #expect(Self.dpi(try Data(contentsOf: dir.url.appendingPathComponent("b.png"))) == 150)
    // A4 landscape minus 10 mm margins: 277 × 190 mm = 10.9 × 7.48 in, at 300 dpi 3,272 ×
    // 2,244 pixels. The map is scaled to fill the page in one direction, keeping its shape.
    #expect(try CLIRunner.run(["render", file, "-o", dir.path("c.png"), "--paper", "a4"]).status == 0)
    let c = try Data(contentsOf: dir.url.appendingPathComponent("c.png"))
    let (cw, ch) = (Self.width(c), Self.height(c))
    #expect(cw <= 3274 && ch <= 2246, "\(cw) × \(ch)")
    #expect(abs(cw - 3272) <= 2 || abs(ch - 2244) <= 2, "\(cw) × \(ch) fills neither side")
    #expect(try CLIRunner.run(["render", file, "-o", dir.path("d.png"), "--paper", "a3"]).status == 0)
    #expect(Self.width(try Data(contentsOf: dir.url.appendingPathComponent("d.png"))) > Self.width(c))
  }

  @Test func printedMapShowsTitleDateAndFilters() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec + "sources:\n  - {id: p1, title: Protokoll, date: 2024-04-29}\n")
    let out = dir.path("m.svg")
    let r = try CLIRunner.run(["render", file, "-o", out, "--filter", "type=network", "--filter", "type=municipality"])
    #expect(r.status == 0, "\(r.stderr)")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.contains("Gemeinschaftliches Wohnen in Dresden – Stand 2024&#45;04&#45;29"))
    #expect(svg.contains("type = network"))
    #expect(try CLIRunner.run(["render", file, "-o", out, "--as-of", "2023-12-31"]).status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Stand 2023&#45;12&#45;31"))
  }

  @Test func reportPrintsOnA4WithTheMapOnALandscapePage() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let html = dir.path("r.html")
    #expect(try CLIRunner.run(["report", file, "-o", html]).status == 0)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("@page { size: A4 portrait"))
    #expect(page.contains("@page map { size: A4 landscape"))
    #expect(page.contains("#sm-map, .map-page { page: map;"))
    #expect(page.contains("tr, th, td, li, blockquote { break-inside: avoid; }"))
    #expect(page.contains("counter(page)"))
  }

  @Test(.enabled(if: BrowserTests.available, "chromium is not installed: run Scripts/setup/bootstrap.sh --with-browser"))
  func reportPDFIsA4WithALandscapeMapPage() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let pdf = dir.path("r.pdf")
    let r = try CLIRunner.run(["report", file, "-o", pdf])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("%PDF"))
    let portrait = text.components(separatedBy: "/MediaBox [0 0 594.95996 841.91998]").count - 1
    let landscape = text.components(separatedBy: "/MediaBox [0 0 841.91998 594.95996]").count - 1
    #expect(landscape == 1, "one landscape page for the map")
    #expect(portrait >= 1)
    // The same input gives the same bytes.
    #expect(try CLIRunner.run(["report", file, "-o", dir.path("s.pdf")]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("s.pdf"))) == data)
  }

  @Test func missingBrowserIsAClearErrorAndNothingIsWritten() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let pdf = dir.path("r.pdf")
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = ["report", file, "-o", pdf, "--lang", "en"]
    var environment = ProcessInfo.processInfo.environment
    environment["STAKEMAP_CHROMIUM"] = dir.path("no-such-browser")
    process.environment = environment
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message.contains("Chromium") && message.contains("apt-get install chromium"))
    #expect(!FileManager.default.fileExists(atPath: pdf))
  }
}
