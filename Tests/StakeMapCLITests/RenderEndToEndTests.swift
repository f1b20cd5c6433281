import Foundation
import Testing

@Suite("stakemap render")
struct RenderEndToEndTests {
  @Test(arguments: ["svg", "png", "pdf", "dot"])
  func writesEveryFormat(_ ext: String) throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("map.\(ext)")
    let result = try CLIRunner.run(["render", file, "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    let head = String(decoding: data.prefix(8), as: UTF8.self)
    switch ext {
    case "svg":
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("<svg"))
      #expect(text.contains("Landeshauptstadt Dresden") || text.contains("Landeshauptstadt"))
    case "png": #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    case "pdf": #expect(head.hasPrefix("%PDF"))
    default:
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("graph"))
      #expect(text.contains("Landeshauptstadt"))
    }
  }

  @Test(arguments: ["svg", "png", "pdf", "dot"])
  func sameInputGivesIdenticalBytes(_ ext: String) throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    _ = try CLIRunner.run(["render", file, "-o", dir.path("a.\(ext)")])
    _ = try CLIRunner.run(["render", file, "-o", dir.path("b.\(ext)")])
    let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.\(ext)")))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("b.\(ext)")))
    #expect(!a.isEmpty)
    #expect(a == b)
  }

  @Test(arguments: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])
  func everyEngineRenders(_ engine: String) throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output, "--engine", engine])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: output))
  }

  @Test func hostileNamesShowLiterallyAndInjectNothing() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Samples.hostile())
    let output = dir.path("map.svg")
    let result = try CLIRunner.run(["render", file, "-o", output, "--label-width", "200"])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOfFile: output, encoding: .utf8)
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("<image"))
    #expect(!svg.contains("xlink:href=\"/etc"))
    #expect(!svg.contains("xlink:href=\"file:"))
    #expect(!svg.contains("<?xml-stylesheet"))
    #expect(!svg.contains("<b "))
    // Parsed as XML: no element can run script or load anything, no attribute is an event
    // handler; the hostile title's "onmouseover" appears only as escaped text.
    let parsed = try SVGStructure(svg)
    #expect(parsed.elements.isDisjoint(with: ["script", "image", "foreignObject", "iframe", "use"]))
    #expect(!parsed.attributes.contains { $0.lowercased().hasPrefix("on") })
    #expect(!parsed.hrefs.contains { !$0.isEmpty })
    #expect(svg.contains("&lt;b onmouseover=alert(1)&gt;Hostile&lt;/b&gt;"))
    // Tooltips show the names literally: no \N or \G expansion.
    #expect(parsed.titles.contains(#"\N \G \L \l \n · Initiative"#))
    // The text is shown, escaped, rather than interpreted.
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(svg.contains(#"back\slash\"#))
    #expect(svg.contains(#"\N \G \L \l \n"#))
    #expect(svg.contains("&amp;amp; &amp;#228; &amp;lt;b&amp;gt;"))
  }

  @Test func unknownExtensionIsRefusedBeforeAnyWork() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let result = try CLIRunner.run(["render", file, "-o", dir.path("map.gif")])
    #expect(result.status != 0)
    #expect(result.stderr.contains(".gif"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("map.gif")))
  }

  @Test func failedRenderLeavesExistingMapUntouched() throws {
    let dir = try TemporaryDirectory()
    let broken = try dir.file("broken.yaml", Samples.broken)
    let output = try dir.file("map.svg", "<svg>old</svg>\n")
    let result = try CLIRunner.run(["render", broken, "-o", output])
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "<svg>old</svg>\n")
  }

  @Test func mapHasALegendAndSizesByTheChosenMetric() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("spec.yaml", Samples.spec)
    let output = dir.path("map.dot")
    let result = try CLIRunner.run([
      "render", file, "-o", output, "--size-by", "strength", "--lang", "en",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let dot = try String(contentsOfFile: output, encoding: .utf8)
    #expect(dot.contains("Municipality"), "legend names the types")
    #expect(dot.contains("Strength"), "legend names the size metric")
  }

  @Test func colorByACustomAttribute() throws {
    let dir = try TemporaryDirectory()
    let yaml = Samples.spec.replacingOccurrences(
      of: "    type: municipality\n", with: "    type: municipality\n    sector: verwaltung\n")
    let file = try dir.file("sector.yaml", yaml)
    let output = dir.path("map.dot")
    let result = try CLIRunner.run(["render", file, "-o", output, "--color-by", "sector"])
    #expect(result.status == 0, "\(result.stderr)")
    let dot = try String(contentsOfFile: output, encoding: .utf8)
    #expect(dot.contains("verwaltung"))
  }
}

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Element and attribute names of an SVG, its link targets and its tooltips, read with a real
/// XML parser (so escaped text is never mistaken for markup).
struct SVGStructure {
  var elements: Set<String> = []
  var attributes: Set<String> = []
  var hrefs: [String] = []
  var titles: [String] = []

  init(_ svg: String) throws {
    let parser = XMLParser(data: Data(svg.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    parser.shouldResolveExternalEntities = false
    guard parser.parse() else {
      throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "\(parser.parserError.map { "\($0)" } ?? "")"])
    }
    self = delegate.result
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var result = SVGStructure(empty: ())

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      result.elements.insert(name)
      result.attributes.formUnion(attributes.keys)
      for (key, value) in attributes {
        if key == "href" || key == "xlink:href" { result.hrefs.append(value) }
        if key == "xlink:title" { result.titles.append(value) }
      }
    }
  }

  private init(empty: ()) {}
}

@Suite("edge cases")
struct EdgeCaseEndToEndTests {
  @Test func anEmptyNetworkIsAnalysedButNotDrawn() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("empty.yaml", "network:\n  title: Leer\nactors: []\n")
    for command in [["check", file], ["analyze", file], ["analyze", file, "--format", "json"],
                    ["gaps", file], ["gaps", file, "--format", "json"]] {
      let result = try CLIRunner.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    for output in ["map.svg", "report.html"] {
      let command = output.hasSuffix("svg") ? "render" : "report"
      let result = try CLIRunner.run([command, file, "-o", dir.path(output)])
      #expect(result.status == 1)
      #expect(result.stderr.contains("das Netzwerk hat keine Akteure"))
      #expect(!FileManager.default.fileExists(atPath: dir.path(output)))
    }
  }

  @Test(arguments: ["one", "two"])
  func tinyNetworksGoThroughEveryCommand(_ size: String) throws {
    let dir = try TemporaryDirectory()
    var yaml = "network:\n  title: Klein\nactors:\n  - {id: a, name: A, type: other}\n"
    if size == "two" { yaml += "  - {id: b, name: B, type: network}\n" }
    let file = try dir.file("tiny.yaml", yaml)
    for command in [["analyze", file, "--format", "json"], ["gaps", file, "--format", "json"],
                    ["render", file, "-o", dir.path("m.svg")], ["report", file, "-o", dir.path("r.html")],
                    ["report", file, "-o", dir.path("r.md")]] {
      let result = try CLIRunner.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
  }

  /// A weight of 1e19 is finite and positive, so valid (SPEC §1); printing it must not trap.
  @Test func hugeWeightsArePrintedNotTrapped() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file(
      "w.yaml",
      "network:\n  title: W\nactors:\n  - {id: a, name: A, type: other}\n  - {id: b, name: B, type: other}\nrelations:\n  - {between: [a, b], kind: cooperation, weight: 1e19}\n")
    for command in [["analyze", file], ["gaps", file], ["report", file, "-o", dir.path("r.html")],
                    ["report", file, "-o", dir.path("r.md")]] {
      let result = try CLIRunner.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let table = try CLIRunner.run(["analyze", file])
    #expect(table.stdout.contains("1e+19"))
  }

  @Test func theOutputMayNotBeTheInput() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Samples.spec)
    for command in [["analyze", file, "-o", file], ["gaps", file, "-o", file]] {
      let result = try CLIRunner.run(command)
      #expect(result.status == 1, "\(command)")
      #expect(result.stderr.contains("ist die Eingabe"))
      #expect(try String(contentsOfFile: file, encoding: .utf8) == Samples.spec)
    }
  }

  @Test func extractDoesNotReplaceADraftUnasked() throws {
    let dir = try TemporaryDirectory()
    let protocolFile = try dir.file(
      "p.txt", "Workshop\n\nDer Verein piano e.V. kooperiert mit der Wohnungsbaugesellschaft GWG.\n")
    let draft = try dir.file("draft.yaml", "reviewed draft\n")
    let refused = try CLIRunner.run(["extract", protocolFile, "-o", draft])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--force"))
    #expect(try String(contentsOfFile: draft, encoding: .utf8) == "reviewed draft\n")
    let onItself = try CLIRunner.run(["extract", protocolFile, "-o", protocolFile, "--force"])
    #expect(onItself.status == 1)
    #expect(onItself.stderr.contains("ist die Eingabe"))
    let forced = try CLIRunner.run(["extract", protocolFile, "-o", draft, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
  }
}

/// `--filter` takes vocabulary values by id, label or alias in either language, as the file
/// reader does (a blind review found `type=Genossenschaft` refused).
@Suite struct FilterVocabularyEndToEndTests {
  @Test(arguments: ["cooperative", "Genossenschaft", "Cooperative", "eG", "co-op"])
  func typeFilterAcceptsLabelsAndAliases(_ value: String) throws {
    let dir = try TemporaryDirectory()
    let network = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path
    let result = try CLIRunner.run(["render", network, "-o", dir.path("m.svg"), "--filter", "type=\(value)"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 of 18") || result.stderr.contains("1 von 18"), "\(result.stderr)")
  }
}
