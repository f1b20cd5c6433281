import Foundation
import Testing

/// `stakemap publish` and the same options on render and report: nothing that was to be
/// hidden survives in any output byte, metadata included.
@Suite("stakemap publish")
struct PublishEndToEndTests {
  /// ASCII names, so that they can be found in PDF text operators as well.
  static let network = """
    network:
      title: Runder Tisch Lindenhof
      language: de
      description: Moderiert von Frau Dr. Hildegard Quastenberg.
    sources:
      - id: p1
        title: Protokoll Runder Tisch 2024
        date: 2024-03-01
    actors:
      - id: nwid
        name: Netzwerk Neues Wohnen
        type: network
        note: Ansprechpartner ist Herr Bartholomaeus Knurrhahn.
      - id: geheim
        name: Geheimprojekt Kolibriweg
        short: Kolibri
        type: initiative
        contact: Waltraud Zwiebelmeier
      - id: wagen
        name: Wagenplatz Sonnentau
        type: initiative
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipality
        note: Fragen zum Kolibriweg klärt Waltraud Zwiebelmeier.
    relations:
      - between: [nwid, geheim]
        kind: cooperation
        source: p1
        evidence: "Das Kolibri-Team trifft sich monatlich im Hinterhaus der Schmiedegasse."
      - between: [nwid, wagen]
        kind: advice
        source: p1
        evidence: "Waltraud Zwiebelmeier berichtet vom Wagenplatz Sonnentau."
      - between: [nwid, lhd]
        kind: cooperation
        status: planned

    """

  /// Everything that must disappear: the pseudonymised actors' names, short names and ids,
  /// the persons, and a redacted quote.
  static let secrets = [
    "Kolibriweg", "Kolibri", "Sonnentau", "geheim", "Quastenberg", "Knurrhahn", "Zwiebelmeier",
    "Schmiedegasse",
  ]

  static let options = ["--pseudonymise", "initiative", "--drop-persons", "--redact-evidence"]

  /// The searchable text of a file: its bytes, and for PDF also the text of its (deflated)
  /// content streams, kerning removed.
  static func text(of path: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var text = String(decoding: data, as: UTF8.self)
    if path.hasSuffix(".pdf") {
      let script = """
        re, sys, zlib = __import__('re'), __import__('sys'), __import__('zlib')
        d = open(sys.argv[1], 'rb').read()
        out = []
        for m in re.finditer(rb'stream\\r?\\n(.*?)endstream', d, re.S):
            try:
                s = zlib.decompress(m.group(1))
            except Exception:
                continue
            out.append(s.decode('latin-1'))
            # TJ arrays: [(G)17(e)…] → "Ge…"
            for arr in re.findall(rb'\\[(.*?)\\]\\s*TJ', s, re.S):
                out.append(b''.join(re.findall(rb'\\((.*?)(?<!\\\\)\\)', arr, re.S)).decode('latin-1'))
        print('\\n'.join(out))
        """
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", script, path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let out = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      text += String(decoding: out, as: UTF8.self)
    }
    return text
  }

  /// The outputs a report writer would hand out, written with `extra` options.
  static func outputs(_ dir: TemporaryDirectory, _ file: String, _ extra: [String], tag: String) throws -> [String] {
    var paths: [String] = []
    for ext in ["svg", "png", "pdf"] {
      let out = dir.path("\(tag)-map.\(ext)")
      let r = try CLIRunner.run(["render", file, "-o", out] + extra)
      #expect(r.status == 0, "\(r.stderr)")
      paths.append(out)
    }
    for ext in ["html", "md"] {
      let out = dir.path("\(tag)-report.\(ext)")
      let r = try CLIRunner.run(["report", file, "-o", out] + extra)
      #expect(r.status == 0, "\(r.stderr)")
      paths.append(out)
    }
    paths += [dir.path("\(tag)-report-map.svg"), dir.path("\(tag)-report-map.png")]
    // Exports for other tools carry the same options.
    for ext in ["graphml", "gexf", "json"] {
      let out = dir.path("\(tag)-export.\(ext)")
      let format = ext == "json" ? ["--format", "node-link"] : []
      let r = try CLIRunner.run(["export", file, "-o", out] + format + extra)
      #expect(r.status == 0, "\(r.stderr)")
      paths.append(out)
    }
    return paths
  }

  @Test func noHiddenNameInAnyOutput() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Self.network)
    // The published copy.
    let yaml = dir.path("public.yaml")
    let key = dir.path("key.csv")
    let r = try CLIRunner.run(["publish", file, "-o", yaml, "--key-file", key] + Self.options)
    #expect(r.status == 0, "\(r.stderr)")
    var published = [yaml]
    published += try Self.outputs(dir, file, Self.options, tag: "pub")
    // The same outputs of the published copy (what a second person would make from it).
    published += try Self.outputs(dir, yaml, [], tag: "copy")
    for path in published {
      let text = try Self.text(of: path)
      for secret in Self.secrets {
        #expect(!text.contains(secret), "\(secret) in \(path)")
      }
    }
    // The test can fail: without the options the names are there (text outputs and the
    // PDF's text), and the key file, kept apart, holds them.
    let plain = try Self.outputs(dir, file, [], tag: "plain")
    for path in plain where !path.hasSuffix(".png") {
      let text = try Self.text(of: path)
      #expect(text.contains("Kolibriweg") || text.contains("Kolibri"), "no name in \(path): the check would be blind")
    }
    let keyText = try String(contentsOfFile: key, encoding: .utf8)
    #expect(keyText.contains("Geheimprojekt Kolibriweg") && keyText.contains("Initiative 1"))
    let publishedYAML = try String(contentsOfFile: yaml, encoding: .utf8)
    #expect(publishedYAML.contains("Initiative 2"))
    #expect(publishedYAML.contains("[Zitat entfernt – Quelle: Protokoll Runder Tisch 2024, 2024-03-01]"))
  }

  @Test func figuresAreUnchangedAndTheKeyIsOnlyWrittenWhenAsked() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Self.network)
    let yaml = dir.path("public.yaml")
    let r = try CLIRunner.run(["publish", file, "-o", yaml] + Self.options)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["net.yaml", "public.yaml"])
    let before = try CLIRunner.run(["analyze", file, "--format", "csv"]).stdout
    let after = try CLIRunner.run(["analyze", yaml, "--format", "csv"]).stdout
    func figures(_ csv: String) -> [String] {
      csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").dropFirst(3).joined(separator: ",") }
    }
    #expect(!before.isEmpty && figures(before) == figures(after), "\(before)\n\(after)")
  }

  @Test func unknownTypeIsRefused() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("net.yaml", Self.network)
    let r = try CLIRunner.run(["publish", file, "-o", dir.path("p.yaml"), "--pseudonymise", "initiativ"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("initiativ") && r.stderr.contains("initiative"))
    #expect(!FileManager.default.fileExists(atPath: dir.path("p.yaml")))
  }
}
