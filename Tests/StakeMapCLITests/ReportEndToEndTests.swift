import StakeMapText
import Foundation
import Testing

/// Networks for the report tests.
enum ReportSamples {
  /// What someone might put into a name, quote or label to attack a report's reader: scripts,
  /// event handlers, `javascript:` links, breaking out of a style element or a comment.
  static let payloads = [
    "<script>document.body.setAttribute('data-pwned','1')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
    "<svg onload=\"document.body.setAttribute('data-pwned','1')\"></svg>",
    "javascript:document.body.setAttribute('data-pwned','1')",
    "</style><script>document.body.setAttribute('data-pwned','1')</script><style>",
    "--><script>document.body.setAttribute('data-pwned','1')</script><!--",
    "\" onmouseover=\"document.body.setAttribute('data-pwned','1')\" x=\"",
    "<a href=\"javascript:document.body.setAttribute('data-pwned','1')\">klick</a>",
    "]]></desc></svg><script>document.body.setAttribute('data-pwned','1')</script>",
    "*fett* _kursiv_ [Link](http://evil.example) | Spalte | # Titel",
  ]

  /// A small network whose every name, short name, quote, title, topic and attribute carries
  /// one of ``payloads``; ties form a path with a planned branch, so there are cut points
  /// and suggestions.
  static func hostile() -> String {
    let q = Samples.yamlQuoted
    func p(_ k: Int) -> String { payloads[k % payloads.count] }
    var y = "network:\n  title: \(q(p(5) + " Netz"))\n  language: de\n  description: \(q(p(4)))\n"
    y += "sources:\n"
    y += "  - {id: s0, title: \(q(p(1) + " Protokoll")), date: \"2024-01-01\", url: \(q(p(3)))}\n"
    y += "  - {id: s1, title: \(q(p(6))), url: \(q("https://example.org/p?a=1&b=\"2\""))}\n"
    y += "topics:\n  - {id: t0, de: \(q(p(2))), en: \(q(p(2)))}\n"
    y += "actors:\n"
    let types = ["network", "municipality", "cooperative", "initiative", "association", "social_organization", "research", "other"]
    for k in 0..<8 {
      y += "  - id: h\(k)\n    name: \(q(p(k) + " Akteur \(k)"))\n    type: \(types[k])\n"
      y += "    short: \(q(p(k + 1)))\n    region: \(q(p(k + 2)))\n    sector: \(q(p(k + 3)))\n"
      y += "    note: \(q(p(k + 4)))\n    tags: [\(q(p(k + 5)))]\n"
      if k == 0 { y += "    needs:\n      - {topic: t0, evidence: \(q(p(7))), source: s0}\n" }
      if k == 5 { y += "    offers:\n      - {topic: t0, evidence: \(q(p(8))), source: s1}\n" }
    }
    y += "relations:\n"
    for k in 1..<6 {
      y += "  - between: [h\(k - 1), h\(k)]\n    kind: cooperation\n    source: s\(k % 2)\n"
      y += "    evidence: \(q(p(k + 6)))\n    note: \(q(p(k)))\n"
    }
    y += "  - {from: h2, to: h6, kind: funding, weight: 2, source: s0, evidence: \(q(p(9)))}\n"
    y += "  - {between: [h6, h7], kind: advice, status: planned}\n"
    return y
  }
}

@Suite("stakemap report")
struct ReportEndToEndTests {
  @Test func htmlReportIsOneSelfContainedFile() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("report.html")
    let result = try CLIRunner.run(["report", file, "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("report.html: Bericht über 4 Akteure"), "the network's language")
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
    #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"))
    #expect(html.contains("<h2 id=\"sm-summary-h\">Zusammenfassung</h2>"))
    #expect(html.contains("Das Netzwerk „Gemeinschaftliches Wohnen in Dresden“ umfasst 4 Akteure"))
    #expect(html.components(separatedBy: "class=\"node\"").count - 1 == 4)
    #expect(html.contains("<table data-sortable=\"\""))
    // Nothing to fetch: no URL of any kind (the network has no source URLs).
    #expect(!html.lowercased().contains("http:"))
    #expect(!html.lowercased().contains("https:"))
    #expect(!html.contains(" src="))
    // Only this one file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["report.html", "spec.yaml"])
  }

  @Test func sameInputGivesIdenticalReports() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    for run in ["a", "b"] {
      try FileManager.default.createDirectory(atPath: dir.path(run), withIntermediateDirectories: true)
      #expect(try CLIRunner.run(["report", file, "-o", dir.path("\(run)/r.html")]).status == 0)
      #expect(try CLIRunner.run(["report", file, "-o", dir.path("\(run)/r.md")]).status == 0)
    }
    for name in ["r.html", "r.md", "r-map.svg", "r-map.png"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a/\(name)")))
      let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b/\(name)")))
      #expect(!a.isEmpty)
      #expect(a == b, "\(name) differs between two runs")
    }
  }

  @Test func markdownReportWritesItsMapBesideIt() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("bericht.md")
    let result = try CLIRunner.run(["report", file, "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let md = try String(contentsOfFile: output, encoding: .utf8)
    #expect(md.hasPrefix("# Gemeinschaftliches Wohnen in Dresden\n"))
    #expect(md.contains("](bericht-map.svg)"))
    #expect(md.contains("(bericht-map.png)"))
    let svg = try String(contentsOfFile: dir.path("bericht-map.svg"), encoding: .utf8)
    #expect(svg.contains("<desc id=\"stakemap-desc\">"))
    let png = try Data(contentsOf: URL(fileURLWithPath: dir.path("bericht-map.png")))
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // 300 dpi: the PNG is 300/72 times as wide as the SVG in points.
    let widthPt = Double(svg.firstMatch(of: /width="(\d+)pt"/)!.1)!
    let widthPx = Double(png[16...19].reduce(0) { $0 << 8 | Int($1) })
    #expect(abs(widthPx - widthPt * 300 / 72) < 6)
  }

  @Test func langOverridesTheNetworksLanguage() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("report.html")
    #expect(try CLIRunner.run(["report", file, "-o", output, "--lang", "en"]).status == 0)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("The network “Gemeinschaftliches Wohnen in Dresden” has 4 actors"))
    #expect(html.contains("Stakeholder map with 4 actors"))
  }

  @Test func unknownExtensionIsRefusedBeforeAnyWork() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    // .pdf is a report format since issue 12 (printed by headless Chromium).
    let result = try CLIRunner.run(["report", file, "-o", dir.path("report.docx")])
    #expect(result.status != 0)
    #expect(result.stderr.contains("use .html, .md or .pdf"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["spec.yaml"])
  }

  @Test func aBrokenNetworkLeavesTheExistingReportUntouched() throws {
    let dir = try TemporaryDirectory()
    let broken = try dir.file("broken.yaml", Samples.broken)
    let output = try dir.file("report.md", "old report\n")
    let result = try CLIRunner.run(["report", broken, "-o", output])
    #expect(result.status == 1)
    #expect(result.stderr.contains("nothing was written"))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "old report\n")
    #expect(!FileManager.default.fileExists(atPath: dir.path("report-map.svg")))
  }

  @Test func hostileNamesCannotInjectMarkupIntoEitherFormat() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", ReportSamples.hostile())
    #expect(try CLIRunner.run(["check", file]).status == 0)
    for name in ["report.html", "report.md"] {
      let result = try CLIRunner.run(["report", file, "-o", dir.path(name), "--cluster-by", "sector"])
      #expect(result.status == 0, "\(result.stderr)")
    }
    let html = try String(contentsOfFile: dir.path("report.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<script").count == 2, "exactly the report's own script")
    #expect(html.components(separatedBy: "<style").count == 2)
    for payload in ReportSamples.payloads where payload.contains(where: { "<>\"'&".contains($0) }) {
      #expect(!html.contains(payload), "raw in the HTML: \(payload)")
    }
    #expect(!html.contains("<img"))
    #expect(!html.contains("onerror=\""))
    #expect(!html.contains("onload=\""))
    #expect(!html.contains("href=\"javascript"))
    #expect(!html.lowercased().contains("href=\"http://evil"))
    // A URL with a quote in it is no link, only text (escaped).
    #expect(!html.contains("href=\"https://example.org"))
    #expect(html.contains("https://example.org/p?a=1&amp;b=&quot;2&quot;"))
    let md = try String(contentsOfFile: dir.path("report.md"), encoding: .utf8)
    #expect(!md.contains("<script"))
    #expect(!md.contains("<img"))
    #expect(!md.contains("<svg"))
    #expect(!md.contains("](http://evil"))
    #expect(!md.contains("](javascript"))
    let svg = try String(contentsOfFile: dir.path("report-map.svg"), encoding: .utf8)
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("<img"))
  }

  @Test func helpTeachesTheCommand() throws {
    let result = try CLIRunner.run(["report", "--help"])
    #expect(result.status == 0)
    for word in ["--cluster-by", "--ego", "--filter", "--highlight", "--lang", "Content-Security-Policy", "Examples:"] {
      #expect(result.stdout.contains(word), "help lacks \(word)")
    }
  }
}

@Suite("stakemap render: map views")
struct MapViewsEndToEndTests {
  @Test func svgCarriesATitleAndDescriptionForScreenReaders() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("map.svg")
    #expect(try CLIRunner.run(["render", file, "-o", output]).status == 0)
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    #expect(svg.contains("role=\"img\" aria-labelledby=\"stakemap-title stakemap-desc\""))
    #expect(svg.contains("<title id=\"stakemap-title\">Akteurslandkarte: Gemeinschaftliches Wohnen in Dresden</title>"))
    #expect(svg.contains("<desc id=\"stakemap-desc\">Akteurslandkarte mit 4 Akteuren und 2 Beziehungen."))
    #expect(svg.contains("<title>GWG – piano e.V.</title>"))
    _ = try SVGStructure(svg)
  }

  @Test func clustersAreDrawnWithDot() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output, "--cluster-by", "type"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("Layout dot"))
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    #expect(svg.components(separatedBy: "class=\"cluster\"").count - 1 == 4)
  }

  @Test func clustersWithAnEngineThatCannotDrawThemSayWhatHappens() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let result = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--cluster-by", "type", "--engine", "neato"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("Hinweis: neato kann Gruppen nicht als Kästen zeichnen"))
    #expect(!(try String(contentsOfFile: dir.path("map.dot"), encoding: .utf8)).contains("cluster_"))
  }

  @Test func egoMapShowsTheActorsWithinTheRadius() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    for (radius, count) in [(0, 1), (1, 3), (2, 4)] {
      let output = dir.path("ego\(radius).svg")
      let result = try CLIRunner.run(["render", file, "-o", output, "--ego", "b", "--radius", String(radius)])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stderr.contains("twopi layout"))
      let svg = try String(contentsOfFile: output, encoding: .utf8)
      #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == count)
    }
  }

  @Test(arguments: [
    (["--filter", "type=network"], 4),
    (["--filter", "type=network", "--filter", "type=other"], 5),
    (["--filter", "type=network", "--filter", "id=a"], 1),
  ])
  func filtersKeepMatchingActors(_ filters: [String], _ count: Int) throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output] + filters)
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == count)
    if count < 5 { #expect(svg.contains("Only: ")) }
  }

  @Test(arguments: [
    (["--ego", "bb"], "no actor has the id 'bb'; did you mean 'b'?"),
    (["--filter", "type=none"], "no actor has the value 'none' for 'type'"),
    (["--filter", "region=x"], "no actor has 'region' at all"),
    (["--filter", "novalue"], "is not KEY=VALUE"),
    (["--radius", "2"], "--radius needs --ego"),
    (["--cluster-by", "sektor"], "no actor has the attribute 'sektor'"),
    (["--highlight", "everything"], "unknown --highlight 'everything'"),
    (["--filter", "type=other", "--filter", "id=a"], "the filters leave no actor to draw"),
  ])
  func badViewOptionsAreClearErrorsAndWriteNothing(_ options: [String], _ message: String) throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output] + options)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func highlightsMarkCutPointsAndDrawSuggestions() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("path.yaml", Samples.path)
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output, "--highlight", "articulation-points,suggestions"])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    // a – b – c – d: b and c hold the path together.
    #expect(svg.components(separatedBy: "stroke-width=\"3.5\"").count - 1 == 2)
    #expect(svg.contains("cut point"))
    let same = try CLIRunner.run(["render", file, "-o", dir.path("again.svg"), "--highlight", "all"])
    #expect(same.status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: dir.path("again.svg"))))
  }
}
