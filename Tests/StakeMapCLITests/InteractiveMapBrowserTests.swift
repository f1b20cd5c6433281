import Foundation
import StakeMap
import Testing

/// The report's interactive map, driven in headless Chromium through WebDriver
/// (`WebDriver/interactive_map.py`, Selenium from PyPI, Debian's chromium and chromium-driver):
/// clicking an actor shows its card with the evidence of its ties beside the map; hovering dims
/// everyone but its neighbours; Tab reaches an actor and Enter opens its card; the search box
/// marks matches; a type filter hides that type's actors and their ties; zoom changes the
/// viewBox; the console stays empty (no CSP violation, no error).
///
/// Without chromium, chromedriver or Selenium the test is skipped with the reason; under
/// `CI=true` it fails instead (`Scripts/test.sh` installs all three).
@Suite("Interactive map (WebDriver)", .serialized)
struct InteractiveMapBrowserTests {
  static let driver = "/usr/bin/chromedriver"
  static let script = CLIRunner.packageRoot.appendingPathComponent("Tests/StakeMapCLITests/WebDriver/interactive_map.py")

  static let seleniumInstalled: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import selenium"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  static var missing: String? {
    if BrowserTests.chromium == nil { return "chromium is not installed" }
    if !FileManager.default.isExecutableFile(atPath: driver) { return "chromium-driver is not installed" }
    if !seleniumInstalled { return "the Python package selenium is not installed" }
    return nil
  }

  static let available = missing == nil || BrowserTests.required

  @Test(.enabled(if: available, "chromium, chromium-driver or selenium missing: run Scripts/setup/bootstrap.sh --with-browser and Scripts/setup/python-tools.sh; with CI=true this test fails instead"))
  func clickSearchFilterAndKeyboardWork() throws {
    if let missing = Self.missing { Issue.record("CI=true but \(missing); Scripts/test.sh installs it"); return }
    let network = GraphsTests.graphs.appendingPathComponent("dresden/dresden.yaml")
    let actors = try #require(NetworkReader.read(path: network.path).network).actors
    let lhd = try #require(actors.firstIndex { $0.id == "lhd" })
    let dir = try TemporaryDirectory()
    let url = try BrowserTests.report(try String(contentsOf: network, encoding: .utf8), in: dir, name: "dresden")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script.path, url.path, String(lhd), "public_agency", "stadt"]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = dir.url.path
    environment["SE_OFFLINE"] = "true"  // Selenium Manager must not download anything.
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    #expect(process.terminationStatus == 0, "\(String(decoding: errData, as: UTF8.self))")
    let result = try #require(JSONSerialization.jsonObject(with: outData) as? [String: Any])

    // At rest: the hint; one button per actor.
    #expect((result["hint"] as? String)?.contains("Tabulatortaste") == true)
    #expect(result["nodes"] as? Int == actors.count)
    // Click: LHD's card with its type and the evidence of the tie with NWID.
    let card = try #require(result["card_after_click"] as? String)
    #expect(card.contains("Landeshauptstadt Dresden"))
    #expect(card.contains("Kommune"))
    #expect(card.contains("lud das Netzwerk Neues Wohnen Dresden, kurz NWID, in Kooperation mit der Landeshauptstadt Dresden"))
    #expect((result["selected"] as? String)?.contains("sm-selected") == true)
    // Hover: the others dim.
    #expect((result["svg_class_on_hover"] as? String)?.contains("sm-focus") == true)
    #expect((result["opacities_on_hover"] as? [String])?.contains("0.15") == true)
    // Keyboard: Tab reaches an actor (with a label for screen readers), Enter opens its card.
    let reached = try #require(result["tab_reached"] as? String)
    #expect(reached.hasPrefix("sm-a"))
    let index = try #require(Int(reached.dropFirst(4)))
    #expect((result["tab_reached_label"] as? String)?.hasPrefix(actors[index].name) == true)
    #expect((result["card_after_enter"] as? String)?.contains(actors[index].name) == true)
    // Search "stadt": every actor whose name or short name contains it, and only those.
    let expected = actors.indices.filter { i in
      ([actors[i].name, actors[i].short ?? ""] + actors[i].aliases).joined(separator: " ").lowercased().contains("stadt")
    }.map { "sm-a\($0)" }
    #expect(Set(result["matches"] as? [String] ?? []) == Set(expected))
    #expect(!expected.isEmpty)
    #expect(result["search_status"] as? String == "Treffer: \(expected.count)")
    #expect((result["card_after_search_enter"] as? String)?.contains(actors[Int(expected[0].dropFirst(4))!].name) == true)
    // Filter: the public agencies go, with their ties; back when ticked again.
    let agencies = actors.indices.filter { actors[$0].type == .publicAgency }.map { "sm-a\($0)" }
    #expect(Set(result["hidden_after_filter"] as? [String] ?? []) == Set(agencies))
    #expect((result["hidden_displayed"] as? [Bool])?.allSatisfy { !$0 } == true)
    #expect((result["hidden_ties"] as? Int ?? 0) > 0)
    #expect(result["hidden_after_unfilter"] as? Int == 0)
    // Zoom in: a smaller viewBox.
    let boxes = try #require(result["viewbox"] as? [String])
    #expect(boxes.count == 2 && boxes[0] != boxes[1])
    // No error, no CSP violation.
    #expect((result["console"] as? [String]) == [], "\(result["console"] ?? "")")
  }
}
