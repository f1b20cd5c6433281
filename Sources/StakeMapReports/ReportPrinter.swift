import Foundation
@_spi(Testing) import StakeMapGraphviz
import StakeMapText

/// Prints an HTML page (the report, the diff page) to PDF with headless Chromium
/// (`--print-to-pdf`), the route of `report -o r.pdf`: the page's print rules
/// (``PrintStyle``: A4, the map on a landscape page, page numbers) are what the PDF shows, so
/// the PDF and the browser's own print agree. docs/REPORTS.md explains the choice.
///
/// Chromium runs with a fresh profile in a temporary directory, no network
/// (`--host-resolver-rules`), no header and footer of its own, and is killed after
/// `timeout` seconds. The PDF's dates are fixed (``PDFDateNormalizer``), so the same input gives
/// the same bytes on the same Chromium. Chromium is found in `STAKEMAP_CHROMIUM`, else as
/// `chromium`, `chromium-browser` or `google-chrome` on `PATH`.
package enum ReportPrinter {
  package enum Failure: Error, Sendable {
    /// No browser found.
    case noBrowser
    /// Chromium ran but wrote no PDF: exit status and the end of its error output.
    case failed(status: Int32, output: String)
  }

  /// The Chromium executable, if any.
  package static func browser() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["STAKEMAP_CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      for name in ["chromium", "chromium-browser", "google-chrome"] {
        let path = directory + "/" + name
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }

  /// The page without its `<script>` elements: the interactive map's script changes the page
  /// as it loads, and how far it got before Chromium printed varied with the machine's load
  /// (the same report printed to different bytes). Paper needs none of it. O(size).
  static func withoutScripts(_ html: String) -> String {
    var out = ""
    var rest = Substring(html)
    while let open = rest.range(of: "<script") {
      out += rest[..<open.lowerBound]
      guard let close = rest.range(of: "</script>", range: open.upperBound..<rest.endIndex) else {
        return out
      }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

  /// The PDF of `html`. Throws ``Failure``.
  package static func pdf(html: String, timeout: Double = 120) throws -> [UInt8] {
    guard let chromium = browser() else { throw Failure.noBrowser }
    let fm = FileManager.default
    let directory = fm.temporaryDirectory.appendingPathComponent(
      "stakemap-print-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
    try fm.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: directory) }
    let page = directory.appendingPathComponent("report.html")
    let pdf = directory.appendingPathComponent("report.pdf")
    try Data(withoutScripts(html).utf8).write(to: page)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
      "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
      "--no-pdf-header-footer", "--virtual-time-budget=2000",
      "--print-to-pdf=\(pdf.path)", page.absoluteString,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = directory.path
    process.environment = environment
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    guard process.terminationStatus == 0, let data = fm.contents(atPath: pdf.path), !data.isEmpty
    else {
      let output = String(decoding: errData, as: UTF8.self).split(separator: "\n").suffix(3)
        .joined(separator: "\n")
      throw Failure.failed(status: process.terminationStatus, output: output)
    }
    let bytes = [UInt8](data)
    return PDFDateNormalizer.normalize(bytes) ?? bytes
  }
}
