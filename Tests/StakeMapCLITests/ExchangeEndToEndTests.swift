import Foundation
import Testing

/// `stakemap export` / `import` of the exchange formats and the Excel tables (issue 11), end to
/// end through the binary: round trips lose nothing a format carries, bad input is reported
/// with positions, every CSV cell is safe from formulas.
struct ExchangeEndToEndTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  /// Export, import the export, export again: the two exports are byte-identical, so the
  /// import kept everything the format carries; and the centrality of the import equals the
  /// original's (not for Pajek, which has no status: planned ties come back as existing).
  @Test(arguments: [
    ("graphml", "x.graphml"), ("gexf", "x.gexf"), ("node-link", "x.json"), ("pajek", "x.net"),
    ("kumu", "x"),
  ])
  func exportImportExportIsIdentical(format: String, name: String) throws {
    let dir = try TemporaryDirectory()
    let first = dir.path("1-" + name)
    let second = dir.path("2-" + name)
    #expect(try CLIRunner.run(["export", Self.dresden, "-o", first, "--format", format, "-q"]).status == 0)
    let inputs = format == "kumu" ? [first + "-elements.csv", first + "-connections.csv"] : [first]
    let imported = try CLIRunner.run(["import"] + inputs + ["-o", dir.path("back.yaml"), "--format", format, "-q"])
    try #require(imported.status == 0, "\(imported.stderr)")
    #expect(try CLIRunner.run(["export", dir.path("back.yaml"), "-o", second, "--format", format, "-q"]).status == 0)
    let outputs = format == "kumu" ? ["-elements.csv", "-connections.csv"] : [""]
    for suffix in outputs {
      let a = try String(contentsOfFile: first + suffix, encoding: .utf8)
      let b = try String(contentsOfFile: second + suffix, encoding: .utf8)
      #expect(a == b, "\(format)\(suffix): the second export differs")
    }
    if format != "pajek" {
      let original = try CLIRunner.run(["analyze", Self.dresden, "--format", "json"]).stdout
      let back = try CLIRunner.run(["analyze", dir.path("back.yaml"), "--format", "json"]).stdout
      #expect(original.split(separator: "\n").dropFirst(2) == back.split(separator: "\n").dropFirst(2))
    }
  }

  @Test func importReportsMappedTypesAndKinds() throws {
    let dir = try TemporaryDirectory()
    let elements = try dir.file("elements.csv", "Label,Type,Description,Tags\nWoGe eG,Genossenschaft,,a|b\nStadtteilladen,Laden,,\n")
    let connections = try dir.file("connections.csv", "From,To,Type,Label,Strength\nWoGe eG,Stadtteilladen,Förderung,Zuschuss 2024,2\nWoGe eG,Stadtteilladen,Freundschaft,,1\n")
    let result = try CLIRunner.run(["import", elements, connections, "-o", dir.path("net.yaml")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains(#"elements.csv:2:1: warning: actor type "Genossenschaft" (1×) taken as "cooperative""#))
    #expect(result.stderr.contains(#"elements.csv:3:1: warning: actor type "Laden" (1×) taken as "other""#))
    #expect(result.stderr.contains(#"connections.csv:3:1: warning: relation kind "Freundschaft" (1×) taken as "other""#))
    // Kumu's free-text connection label beside the type cannot be kept, and says so.
    #expect(result.stderr.contains("warning: the relation attribute 'Label' (1 relations) is not kept"), "\(result.stderr)")
    let yaml = try String(contentsOfFile: dir.path("net.yaml"), encoding: .utf8)
    #expect(yaml.contains("original_type: Laden"))
    #expect(yaml.contains("weight: 2"))
  }

  @Test func badXMLIsReportedWithItsPosition() throws {
    let dir = try TemporaryDirectory()
    let doctype = try dir.file("a.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<graphml/>\n")
    var result = try CLIRunner.run(["import", doctype, "-o", dir.path("a.yaml")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("a.graphml:2:1: error: a document type declaration"))
    let mismatch = try dir.file("b.graphml", "<graphml>\n  <graph edgedefault=\"undirected\">\n    <node id=\"a\"></edge>\n")
    result = try CLIRunner.run(["import", mismatch, "-o", dir.path("b.yaml")])
    #expect(result.stderr.contains("b.graphml:3:18: error: found </edge> where </node> was expected"))
    let entity = try dir.file("c.gexf", "<gexf>\n<graph><nodes><node id=\"a\" label=\"A &bogus; B\"/></nodes></graph></gexf>\n")
    result = try CLIRunner.run(["import", entity, "-o", dir.path("c.yaml")])
    #expect(result.stderr.contains("c.gexf:2:37: error: unknown entity"))
    // Every data problem at once: two unknown nodes and a bad weight.
    let data = try dir.file("d.graphml", """
      <graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <graph edgedefault="undirected"><node id="a"/><node id="b"/>
      <edge source="a" target="x"/>
      <edge source="y" target="b"/>
      <edge source="a" target="b"><data key="w">-1</data></edge>
      </graph></graphml>
      """)
    result = try CLIRunner.run(["import", data, "-o", dir.path("d.yaml")])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#"d.graphml:3:1: error: this edge names the node "x""#))
    #expect(result.stderr.contains(#"d.graphml:4:1: error: this edge names the node "y""#))
    #expect(result.stderr.contains(#"d.graphml:5:1: error: the weight "-1" is not a number greater than 0"#))
    #expect(!FileManager.default.fileExists(atPath: dir.path("d.yaml")))
  }

  @Test func analyzeWritesExcelCSVForGermanNetworks() throws {
    let dir = try TemporaryDirectory()
    #expect(try CLIRunner.run(["analyze", Self.dresden, "-o", dir.path("a.csv")]).status == 0)
    let excel = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.csv")))
    #expect(excel.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: excel.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("id;name;type;degree;"))
    #expect(text.contains("nwid;Netzwerk Neues Wohnen Dresden;network;0,52941"))
    #expect(try CLIRunner.run(["analyze", Self.dresden, "-o", dir.path("b.csv"), "--no-excel"]).status == 0)
    let plain = try String(contentsOfFile: dir.path("b.csv"), encoding: .utf8)
    #expect(plain.hasPrefix("id,name,type,degree,"))
    #expect(plain.contains("nwid,Netzwerk Neues Wohnen Dresden,network,0.52941"))
    // Standard output stays RFC 4180 unless asked.
    #expect(try CLIRunner.run(["analyze", Self.dresden, "--format", "csv"]).stdout.hasPrefix("id,name,"))
    #expect(try CLIRunner.run(["analyze", Self.dresden, "--format", "csv", "--excel"]).stdout.hasPrefix("\u{FEFF}id;name;"))
    #expect(try CLIRunner.run(["gaps", Self.dresden, "-o", dir.path("g.csv")]).status == 0)
    let gapsBytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("g.csv")))
    #expect(gapsBytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let gaps = String(decoding: gapsBytes.dropFirst(3), as: UTF8.self)
    #expect(gaps.hasPrefix("id;name;type;group;community;core;articulation_point;"))
    #expect(gaps.split(separator: "\r\n").count == 19)
  }

  /// Names that spreadsheets would run as formulas, in every CSV StakeMap writes.
  @Test func noCSVCellStartsAFormula() throws {
    let dir = try TemporaryDirectory()
    let network = try dir.file("hostile.yaml", """
      network:
        title: Hostile
        language: de
      actors:
        - {id: a, name: "=HYPERLINK(\\"http://x\\")", type: network, region: "+1"}
        - {id: b, name: "@SUM(A1)", type: network, note: "-2+3"}
        - {id: c, name: " =1", type: network}
      relations:
        - {between: [a, b], kind: cooperation, note: "=cmd|' /C calc'!A0"}
        - {between: [b, c], kind: cooperation}

      """)
    var files: [String] = []
    for (format, base) in [("kumu", "k"), ("neo4j", "n"), ("graphframes", "g")] {
      let out = try CLIRunner.run(["export", network, "-o", dir.path(base), "--format", format, "-q"])
      #expect(out.status == 0, "\(out.stderr)")
    }
    files += ["k-elements.csv", "k-connections.csv", "n-nodes.csv", "n-relationships.csv", "g-vertices.csv", "g-edges.csv"]
    #expect(try CLIRunner.run(["analyze", network, "-o", dir.path("a.csv")]).status == 0)
    #expect(try CLIRunner.run(["analyze", network, "-o", dir.path("a2.csv"), "--no-excel"]).status == 0)
    #expect(try CLIRunner.run(["gaps", network, "-o", dir.path("gaps.csv")]).status == 0)
    files += ["a.csv", "a2.csv", "gaps.csv"]
    var cells = 0
    for file in files {
      var text = try String(contentsOfFile: dir.path(file), encoding: .utf8)
      if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
      let separator: Character = text.split(separator: "\r\n").first!.contains(";") ? ";" : ","
      for line in text.split(separator: "\r\n") {
        for cell in Self.cells(String(line), separator: separator) {
          cells += 1
          let visible = cell.drop { $0 == " " || $0 == "\t" }
          let isNumber = Double(cell.replacingOccurrences(of: ",", with: ".")) != nil
          #expect(isNumber || !(visible.first.map { "=+-@".contains($0) } ?? false), "\(file): \(cell)")
        }
      }
    }
    #expect(cells > 100)
  }

  /// RFC 4180 cells of one line (no line breaks inside quotes in these files).
  static func cells(_ line: String, separator: Character) -> [String] {
    var out: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
        } else { cell.append(c) }
      } else if c == "\"" {
        quoted = true
      } else if c == separator {
        out.append(cell)
        cell = ""
      } else {
        cell.append(c)
      }
    }
    out.append(cell)
    return out
  }
}
