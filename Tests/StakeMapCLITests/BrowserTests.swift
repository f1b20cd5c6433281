import Foundation
import StakeMap
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The HTML report in a real browser: headless Chromium from Debian's packages opens it as a
/// reader would (a local file), and the tests check what the browser made of it:
/// - the map is drawn: the page holds one SVG node (`<g class="node">`) per actor shown;
/// - the report's own script ran (the sortable table marks itself `data-sortable="ready"`),
///   which also proves that the Content-Security-Policy hash matches the script;
/// - no script from the data ran: a hostile network whose names, quotes and labels try to set
///   `data-pwned` on the body leaves no such attribute;
/// - the console is empty: no error, no CSP violation, no blocked load;
/// - a screenshot is saved (the path is printed) for a person to look at.
///
/// Two control pages make sure the checks can fail: one whose script writes to the console
/// (so a change in how Chromium reports console messages cannot make the check blind) and one
/// without protection where the payload does run.
///
/// Chromium comes from Debian (`apt-get install chromium`; `Scripts/test.sh` installs it via
/// `Scripts/setup/bootstrap.sh --with-browser`). Without it the tests are skipped with a message,
/// except under `CI=true`, where a missing browser is a failure.
@Suite("Browser (headless Chromium)", .serialized)
struct BrowserTests {
  static let chromium: String? = {
    if let path = ProcessInfo.processInfo.environment["STAKEMAP_CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for dir in ["/usr/bin", "/usr/local/bin", "/snap/bin"] {
        let path = dir + "/" + name
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }()

  static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  static let available = chromium != nil || required

  /// Where screenshots are kept after the test: `.build/browser-tests/` in the package.
  static let screenshots = CLIRunner.packageRoot.appendingPathComponent(".build/browser-tests")

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The console messages Chromium logged (`…:INFO:CONSOLE:…] "message", source: …`).
    var consoleLines: [String] {
      stderr.split(separator: "\n").map(String.init).filter {
        $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Content Security Policy")
      }
    }
  }

  /// Runs Chromium headless on `url` with a fresh profile and no network; kills it after
  /// `timeout` seconds.
  static func chromium(_ arguments: [String], url: URL, timeout: TimeInterval = 120) throws -> Run {
    let chromium = try #require(Self.chromium, "chromium is not installed")
    let profile = try TemporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--user-data-dir=\(profile.url.path)", "--enable-logging=stderr", "--v=0",
    ] + arguments + [url.absoluteString]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = profile.url.path
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    while !reader.isFinished { usleep(1000) }
    return Run(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Writes the report of `yaml` and returns its file URL.
  static func report(_ yaml: String, in dir: TemporaryDirectory, name: String, extra: [String] = []) throws -> URL {
    let file = try dir.file(name + ".yaml", yaml)
    let output = dir.path(name + ".html")
    let result = try CLIRunner.run(["report", file, "-o", output] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return URL(fileURLWithPath: output)
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test(.enabled(if: available, "chromium is not installed: run Scripts/setup/bootstrap.sh --with-browser (apt-get install chromium); with CI=true this test fails instead"))
  func theChecksCanFail() throws {
    _ = try #require(Self.chromium, "CI=true but chromium is not installed; Scripts/test.sh installs it with Scripts/setup/bootstrap.sh --with-browser")
    let dir = try TemporaryDirectory()
    // Without escaping and CSP, the payload runs and the console shows the error: the checks
    // below see both.
    let unsafe = try dir.file(
      "unsafe.html",
      "<!DOCTYPE html><html><body><p>\(ReportSamples.payloads[0])</p><script>console.error('control'); notDefined();</script></body></html>")
    let run = try Self.chromium(["--dump-dom"], url: URL(fileURLWithPath: unsafe))
    #expect(run.stdout.contains("data-pwned=\"1\""), "the control payload did not run: \(run.stdout.prefix(300))")
    #expect(run.consoleLines.contains { $0.contains("control") }, "Chromium did not report console.error on stderr:\n\(run.stderr.suffix(2000))")
    #expect(run.consoleLines.contains { $0.contains("Uncaught ReferenceError") })
  }

  @Test(.enabled(if: available, "chromium is not installed: run Scripts/setup/bootstrap.sh --with-browser (apt-get install chromium); with CI=true this test fails instead"))
  func hostileReportRunsNoScriptFromTheData() throws {
    _ = try #require(Self.chromium, "CI=true but chromium is not installed; Scripts/test.sh installs it with Scripts/setup/bootstrap.sh --with-browser")
    let dir = try TemporaryDirectory()
    let url = try Self.report(ReportSamples.hostile(), in: dir, name: "hostile")
    let run = try Self.chromium(["--dump-dom", "--virtual-time-budget=3000"], url: url)
    #expect(run.status == 0, "\(run.stderr.suffix(2000))")
    let dom = run.stdout
    #expect(dom.contains("<main id=\"sm-main\">"), "no report in the DOM: \(dom.prefix(500))")
    // The map is drawn: one node per actor.
    #expect(Self.count("class=\"node\"", in: dom) == 8)
    #expect(Self.count("class=\"edge\"", in: dom) >= 7)
    // The report's own script ran (allowed by its hash) ...
    #expect(dom.contains("data-sortable=\"ready\""))
    // ... and none from the data: no attribute set, no injected element.
    if let hit = dom.firstRange(of: "data-pwned=\"") {
      let from = dom.index(hit.lowerBound, offsetBy: -300, limitedBy: dom.startIndex) ?? dom.startIndex
      Issue.record("a payload ran: …\(dom[from..<hit.upperBound])")
    }
    #expect(Self.count("<script", in: dom) == 1)
    #expect(!dom.contains("<img"))
    // (Serialised text keeps its quotes, so look for elements, not for attribute text.)
    #expect(!dom.contains("<a href=\"javascript"))
    let body = dom.firstRange(of: "<body").map { dom[$0.lowerBound...].prefix { $0 != ">" } } ?? ""
    #expect(body == "<body", "the body has attributes: \(body)")
    #expect(run.consoleLines.isEmpty, "console messages:\n\(run.consoleLines.joined(separator: "\n"))")

    let shot = Self.screenshots.appendingPathComponent("hostile-report.png")
    try Self.screenshot(url, to: shot, height: 3000)
  }

  @Test(.enabled(if: available, "chromium is not installed: run Scripts/setup/bootstrap.sh --with-browser (apt-get install chromium); with CI=true this test fails instead"))
  func dresdenReportIsDrawnWithoutConsoleErrors() throws {
    _ = try #require(Self.chromium, "CI=true but chromium is not installed; Scripts/test.sh installs it with Scripts/setup/bootstrap.sh --with-browser")
    let network = GraphsTests.graphs.appendingPathComponent("dresden/dresden.yaml")
    let dir = try TemporaryDirectory()
    let url = try Self.report(try String(contentsOf: network, encoding: .utf8), in: dir, name: "dresden")
    let run = try Self.chromium(["--dump-dom", "--virtual-time-budget=3000"], url: url)
    #expect(run.status == 0)
    let actors = try #require(NetworkReader.read(path: network.path).network).actors.count
    #expect(Self.count("class=\"node\"", in: run.stdout) == actors)
    #expect(run.stdout.contains("data-sortable=\"ready\""))
    #expect(run.consoleLines.isEmpty, "console messages:\n\(run.consoleLines.joined(separator: "\n"))")
    let shot = Self.screenshots.appendingPathComponent("dresden-report.png")
    try Self.screenshot(url, to: shot, height: 2400)
  }

  /// Saves a screenshot of the page's top `height` pixels at 1280 px wide, and prints where.
  static func screenshot(_ url: URL, to file: URL, height: Int) throws {
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: file)
    let run = try chromium(["--screenshot=\(file.path)", "--window-size=1280,\(height)", "--virtual-time-budget=3000"], url: url)
    #expect(run.status == 0)
    let png = try Data(contentsOf: file)
    #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    print("screenshot: \(file.path)")
  }
}
