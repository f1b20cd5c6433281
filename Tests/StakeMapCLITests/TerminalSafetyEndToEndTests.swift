import Foundation
import Testing

/// Text from a file must not reach the reader's terminal as commands: escape sequences, other
/// C0/C1 controls and bidi overrides in names are shown, not sent; machine formats keep them.
@Suite("terminal safety")
struct TerminalSafetyEndToEndTests {
  /// Names that clear the screen, set the window title, ring the bell, start a C1 CSI and
  /// reverse the order of text.
  static let hostile = #"""
    network:
      title: "Title\e]0;pwned\a"
      language: en
    actors:
      - {id: a, name: "A\e[2J\e]0;title\a", type: network, short: "A\e[2J"}
      - {id: b, name: "B\u202Edcba\u2066x\u2069\u202A\u202B\u202C\u202D\u2067\u2068", type: network}
      - {id: c, name: "C\x9b31m\N\x07\x08\r", type: network}
      - {id: d, name: "D", type: other, region: "R\e[31m"}
    relations:
      - {between: [a, b], kind: cooperation}
      - {between: [b, c], kind: cooperation}
      - {between: [c, d], kind: cooperation}

    """#

  static let scenario = #"""
    scenario:
      title: "S\e[2J"
      description: "more \e]0;x\a text"
    actors:
      - {id: z, name: "Z\e[5m\u202E", type: network}
    relations:
      - {between: [z, a], kind: cooperation}

    """#

  /// The terminal-attacking scalars: C0 controls other than LF and tab, DEL, C1, bidi controls.
  static func attacks(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { s in
      switch s.value {
      case 0x0A, 0x09: false
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
      default: false
      }
    }
  }

  @Test func analyzeTableShowsControlsInsteadOfSendingThem() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let result = try CLIRunner.run(["analyze", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.attacks(result.stdout).isEmpty, "\(Self.attacks(result.stdout))")
    #expect(!result.stdoutBytes.contains(0x1B) && !result.stdoutBytes.contains(0x07))
    #expect(result.stdout.contains("A^[[2J^[]0;title^G"))
    #expect(result.stdout.contains("B<U+202E>dcba<U+2066>x<U+2069>"))
    #expect(result.stdout.contains("C<U+009B>31m<U+0085>^G^H^M"))
    #expect(result.stdout.hasPrefix("Title^[]0;pwned^G\n"))
    // Still aligned: every data row as wide as the header.
    let rows = result.stdout.split(separator: "\n").map(String.init)
    let header = try #require(rows.firstIndex { $0.contains("Actor") })
    for row in rows[(header + 2)...] { #expect(row.count == rows[header].count, "\(row)") }
  }

  @Test func machineFormatsKeepTheText() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let csv = try CLIRunner.run(["analyze", file, "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("A\u{1B}[2J\u{1B}]0;title\u{7}"), "CSV is data, byte for byte")
    let json = try CLIRunner.run(["analyze", file, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
    let actors = try #require(object["actors"] as? [[String: Any]])
    #expect(actors.first?["name"] as? String == "A\u{1B}[2J\u{1B}]0;title\u{7}")
  }

  @Test func gapsTextShowsControlsInsteadOfSendingThem() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let result = try CLIRunner.run(["gaps", file, "--group-by", "region"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.attacks(result.stdout).isEmpty, "\(Self.attacks(result.stdout))")
    #expect(!result.stdoutBytes.contains(0x1B) && !result.stdoutBytes.contains(0x07))
    #expect(result.stdout.contains("A^[[2J"))
    #expect(result.stdout.contains("B<U+202E>dcba"))
  }

  @Test func scenarioTextShowsControlsInsteadOfSendingThem() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let scenario = try dir.file("scenario.yaml", Self.scenario)
    let result = try CLIRunner.run(["gaps", file, "--with", scenario])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.attacks(result.stdout).isEmpty, "\(Self.attacks(result.stdout))")
    #expect(!result.stdoutBytes.contains(0x1B) && !result.stdoutBytes.contains(0x07))
    #expect(result.stdout.contains("S^[[2J"))
  }

  /// Diagnostics and messages on standard error go through one choke point.
  @Test func messagesAndDiagnosticsShowControls() throws {
    let dir = try TemporaryDirectory()
    let broken = Self.hostile.replacingOccurrences(
      of: "between: [c, d]", with: #"between: [c, "x\e[2J\u202E"]"#)
    let file = try dir.file("broken.yaml", broken)
    let check = try CLIRunner.run(["check", file])
    #expect(check.status == 1)
    #expect(check.stderr.contains("unknown actor id"), "\(check.stderr)")
    #expect(Self.attacks(check.stderr).isEmpty, "\(Self.attacks(check.stderr))")

    let good = try dir.file("hostile.yaml", Self.hostile)
    let ego = try CLIRunner.run(["render", good, "-o", dir.path("map.dot"), "--ego", "\u{1B}]0;t\u{7}a"])
    #expect(ego.status == 1)
    #expect(ego.stderr.contains("^[]0;t^Ga"), "\(ego.stderr)")
    #expect(Self.attacks(ego.stderr).isEmpty, "\(Self.attacks(ego.stderr))")
  }

  /// ArgumentParser's own errors repeat the arguments given; they are made safe as well.
  @Test func argumentErrorsShowControls() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let format = try CLIRunner.run(["analyze", file, "--format", "\u{1B}[2J"])
    #expect(format.status == 64)
    #expect(format.stderr.contains("The value '^[[2J' is invalid for '--format"), "\(format.stderr)")
    #expect(Self.attacks(format.stderr).isEmpty, "\(Self.attacks(format.stderr))")
    let size = try CLIRunner.run(["render", file, "-o", dir.path("m.dot"), "--size-by", "\u{1B}]0;x\u{7}\u{202E}"])
    #expect(size.status == 64)
    #expect(size.stderr.contains("unknown metric '^[]0;x^G<U+202E>' for --size-by"), "\(size.stderr)")
    #expect(Self.attacks(size.stderr).isEmpty)
    let help = try CLIRunner.run(["analyze", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: stakemap analyze"), "\(help.stdout)")
    let version = try CLIRunner.run(["--version"])
    #expect(version.status == 0 && version.stdout == "0.1.0\n", "\(version.stdout)")
  }

  /// Cells that begin with whitespace or a byte-order mark before `=`, `+`, `-` or `@` are still
  /// formulas to a spreadsheet; plain negative numbers stay numbers.
  @Test func csvNeutralisesFormulasBehindWhitespace() throws {
    let dir = try TemporaryDirectory()
    let names = [
      "\\n=1+1", " =1+1", "\\t+1", "\\u00A0-2+3", "\\uFEFF@SUM(A1)", "\\u200B=1", "-0.5", "-12",
    ]
    var yaml = "network:\n  title: CSV\n  language: en\nactors:\n"
    for (k, name) in names.enumerated() {
      yaml += "  - {id: a\(k), name: \"\(name)\", type: network}\n"
    }
    let file = try dir.file("csv.yaml", yaml)
    let result = try CLIRunner.run(["analyze", file, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = [
      "\"'\n=1+1\"", "' =1+1", "'\t+1", "'\u{A0}-2+3", "'\u{FEFF}@SUM(A1)", "'\u{200B}=1", "-0.5", "-12",
    ]
    for (k, cell) in expected.enumerated() {
      #expect(result.stdout.contains("\na\(k),\(cell),network,"), "\(k): \(cell.debugDescription)")
    }
  }

  @Test func colorByAnAttributeNobodyHasIsAnError() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let typo = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--color-by", "regoin"])
    #expect(typo.status == 1)
    #expect(
      typo.stderr.contains(
        "--color-by: no actor has the attribute 'regoin'; did you mean 'region'? Attributes: region, type"),
      "\(typo.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("map.dot")))
    let unknown = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--color-by", "nosuchkey"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("--color-by: no actor has the attribute 'nosuchkey'; attributes: region, type"))
    let cluster = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--cluster-by", "Region"])
    #expect(cluster.status == 1)
    #expect(cluster.stderr.contains("did you mean 'region'?"), "\(cluster.stderr)")
    let german = try CLIRunner.run([
      "render", file, "-o", dir.path("map.dot"), "--color-by", "regoin", "--lang", "de",
    ])
    #expect(german.stderr.contains("--color-by: kein Akteur hat das Merkmal 'regoin'; meinten Sie 'region'?"))
    let report = try CLIRunner.run(["report", file, "-o", dir.path("r.html"), "--color-by", "nosuchkey"])
    #expect(report.status == 1)
    #expect(report.stderr.contains("--color-by"))
    let good = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--color-by", "region"])
    #expect(good.status == 0, "\(good.stderr)")
  }

  /// --filter and --size-by behave like --cluster-by and --color-by: a key nobody has, or an
  /// unknown metric, is an error, and nothing is written.
  @Test func filterAndSizeByWithUnknownKeysAreErrors() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("hostile.yaml", Self.hostile)
    let filter = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--filter", "nokey=1"])
    #expect(filter.status == 1)
    #expect(filter.stderr.contains("no actor has 'nokey' at all"), "\(filter.stderr)")
    let size = try CLIRunner.run(["render", file, "-o", dir.path("map.dot"), "--size-by", "degre"])
    #expect(size.status != 0)
    #expect(size.stderr.contains("unknown metric 'degre' for --size-by"), "\(size.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path("map.dot")))
  }

  /// A misspelt one-letter id gets a suggestion too.
  @Test func veryShortIdsGetASuggestion() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.file("short.yaml", Samples.path.replacingOccurrences(of: "[c, d]", with: "[c, dd]"))
    let result = try CLIRunner.run(["check", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown actor id \"dd\" in 'between' (did you mean \"d\"?)"), "\(result.stderr)")
  }
}
