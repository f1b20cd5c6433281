import Foundation
import Testing

@Suite("stakemap diff")
struct DiffEndToEndTests {
  static let old = """
    network:
      title: Runder Tisch
      language: de
    actors:
      - {id: nwid, name: Netzwerk Neues Wohnen Dresden, type: network}
      - {id: piano, name: piano e. V., type: association}
      - {id: gwg, name: GWG, type: housing_company}
      - {id: alt, name: Alter Verein, type: association}
    relations:
      - {between: [nwid, piano], kind: cooperation}
      - {from: gwg, to: piano, kind: funding, status: planned}
      - {between: [alt, nwid], kind: cooperation}

    """

  static let new = """
    network:
      title: Runder Tisch
      language: de
    actors:
      - {id: nwid, name: Netzwerk Neues Wohnen Dresden, type: network}
      - {id: piano_ev, name: Piano e.V., type: association}
      - {id: gwg, name: GWG, type: housing_company}
      - {id: neu, name: Neue Initiative, type: initiative}
    relations:
      - {between: [nwid, piano_ev], kind: cooperation, weight: 2}
      - {from: gwg, to: piano_ev, kind: funding, since: 2024}
      - {between: [neu, nwid], kind: cooperation, since: 2024-03, until: 2025}

    """

  @Test func jsonHasTheSpecifiedKeys() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.file("old.yaml", Self.old)
    let b = try dir.file("new.yaml", Self.new)
    let r = try CLIRunner.run(["diff", a, b, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
    let actors = try #require(json["actors"] as? [String: [[String: Any]]])
    #expect(actors["added"]?.map { $0["id"] as? String } == ["neu"])
    #expect(actors["removed"]?.map { $0["id"] as? String } == ["alt"])
    #expect(actors["renamed"]?.map { $0["old_id"] as? String } == ["piano"])
    #expect(actors["renamed"]?.map { $0["matched_by"] as? String } == ["name"])
    let relations = try #require(json["relations"] as? [String: [[String: Any]]])
    #expect(relations["added"]?.count == 1)
    #expect(relations["removed"]?.count == 1)
    let changed = try #require(relations["changed"])
    #expect(changed.count == 2)
    let changes = changed.compactMap { $0["changes"] as? [String: Any] }
    #expect(changes.contains { ($0["weight"] as? [Double]) == [1, 2] })
    #expect(changes.contains { ($0["status"] as? [String]) == ["planned", "existing"] })
    let metrics = try #require(json["metrics"] as? [String: [String: Any]])
    #expect(Set(metrics.keys) == ["nwid", "piano_ev", "gwg", "neu", "alt"])
    #expect(metrics["neu"]?["before"] is NSNull)
    #expect(metrics["alt"]?["after"] is NSNull)
    let nwidBefore = try #require(metrics["nwid"]?["before"] as? [String: Double])
    #expect(nwidBefore["degree"] == 2.0 / 3.0)
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["actors_added"] as? Int == 1 && summary["relations_changed"] as? Int == 2)
    // Most changed first: the one whose betweenness changed most leads.
    let order = try #require(String(data: r.stdoutBytes, encoding: .utf8))
    let metricsPart = try #require(order.range(of: "\"metrics\""))
    #expect(order[metricsPart.upperBound...].contains("\"nwid\""))
    // summary.most_changed starts with the first actor of `metrics`.
    let firstListed = String(order[metricsPart.upperBound...].split(separator: "\"")[1])
    #expect((summary["most_changed"] as? [String])?.first == firstListed)
  }

  @Test func textIsInTheNetworksLanguageAndDeterministic() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.file("old.yaml", Self.old)
    let b = try dir.file("new.yaml", Self.new)
    let first = try CLIRunner.run(["diff", a, b])
    let second = try CLIRunner.run(["diff", a, b])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.contains("Neue Akteure (1)"))
    #expect(first.stdout.contains("piano e. V. → Piano e.V."))
    #expect(first.stdout.contains("Status Geplant → Bestehend"))
    let english = try CLIRunner.run(["diff", a, b, "--lang", "en"])
    #expect(english.stdout.contains("Actors added (1)"))
  }

  @Test func lastRoundGivenAsScenarioPointsToDiff() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.file("old.yaml", Self.old)
    let b = try dir.file("new.yaml", Self.new)
    let r = try CLIRunner.run(["gaps", b, "--with", a, "--lang", "en"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("is a network file, not a scenario"), "\(r.stderr)")
    #expect(r.stderr.contains("stakemap diff \(a) \(b)"))
  }

  @Test func twoDatesOfOneFile() throws {
    let dir = try TemporaryDirectory()
    let b = try dir.file("new.yaml", Self.new)
    let r = try CLIRunner.run(["diff", b, "--old-as-of", "2023", "--new-as-of", "2024-06", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
    let actors = try #require(json["actors"] as? [String: [[String: Any]]])
    // "gwg" and "neu" are placed only by ties from 2024: absent in 2023, present in June 2024.
    #expect(actors["added"]?.map { $0["id"] as? String } == ["gwg", "neu"])
    let relations = try #require(json["relations"] as? [String: [[String: Any]]])
    #expect(relations["added"]?.count == 2)
    // In 2025 the tie of "neu" has ended: a changed status, not a removal.
    let later = try CLIRunner.run(["diff", b, "--old-as-of", "2024-06", "--new-as-of", "2025", "--format", "json"])
    let laterJSON = try #require(try JSONSerialization.jsonObject(with: later.stdoutBytes) as? [String: Any])
    let laterChanged = (laterJSON["relations"] as? [String: [[String: Any]]])?["changed"]
    #expect(laterChanged?.compactMap { ($0["changes"] as? [String: Any])?["status"] as? [String] } == [["existing", "ended"]])
    let one = try CLIRunner.run(["diff", b])
    #expect(one.status != 0 && one.stderr.contains("--old-as-of"))
  }

  @Test func badDateInTheFileIsAnErrorWithItsPlace() throws {
    let dir = try TemporaryDirectory()
    let b = try dir.file("new.yaml", Self.new.replacingOccurrences(of: "since: 2024-03", with: "since: Frühjahr"))
    let out = dir.path("d.json")
    let r = try CLIRunner.run(["diff", b, "--old-as-of", "2023", "--new-as-of", "2024", "-o", out])
    #expect(r.status == 1)
    #expect(r.stderr.contains("new.yaml:12:5:"), "\(r.stderr)")
    #expect(r.stderr.contains("Frühjahr"))
    #expect(!FileManager.default.fileExists(atPath: out))
    // Without --as-of the date is not read, and the file is valid as before; check --as-of
    // reads it and reports the same place.
    #expect(try CLIRunner.run(["check", b]).status == 0)
    let checked = try CLIRunner.run(["check", b, "--as-of", "2024"])
    #expect(checked.status == 1 && checked.stderr.contains("new.yaml:12:5:"), "\(checked.stderr)")
    let analyzed = try CLIRunner.run(["analyze", b, "--as-of", "2024", "-o", dir.path("a.json"), "--format", "json"])
    #expect(analyzed.status == 1 && !FileManager.default.fileExists(atPath: dir.path("a.json")))
  }

  @Test func diffMapAndReportsCarryBothVersions() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.file("old.yaml", Self.old)
    let b = try dir.file("new.yaml", Self.new)
    let svg = dir.path("d.svg")
    #expect(try CLIRunner.run(["diff", a, b, "-o", svg]).status == 0)
    #expect(try CLIRunner.run(["diff", a, b, "-o", dir.path("again.svg")]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: svg)) == Data(contentsOf: URL(fileURLWithPath: dir.path("again.svg"))))
    let map = try String(contentsOfFile: svg, encoding: .utf8)
    // The removed actor is on the map, grey and dashed; the added one has the green outline.
    #expect(map.contains("Alter Verein") && map.contains("Neue Initiative"))
    #expect(map.contains("stroke=\"#8c8c8c\"") || map.contains("stroke=\"#8C8C8C\""))
    #expect(map.contains("stroke-dasharray"))
    #expect(map.lowercased().contains("stroke=\"#009e73\""))
    #expect(map.contains("nicht mehr dabei (grau, gestrichelt)"))
    let html = dir.path("d.html")
    #expect(try CLIRunner.run(["diff", a, b, "-o", html]).status == 0)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("<svg") && page.contains("Content-Security-Policy"))
    let md = dir.path("d.md")
    #expect(try CLIRunner.run(["diff", a, b, "-o", md]).status == 0)
    #expect(try String(contentsOfFile: md, encoding: .utf8).contains("](d-map.svg)"))
    #expect(FileManager.default.fileExists(atPath: dir.path("d-map.svg")))
    // Never over an input.
    let refused = try CLIRunner.run(["diff", a, b, "--format", "json", "-o", b])
    #expect(refused.status == 1)
    #expect(try String(contentsOfFile: b, encoding: .utf8) == Self.new)
  }
}

/// `stakemap diff` against its oracle: two seeded versions made by
/// Scripts/fixtures/make-diff-fixtures.py, the changes known by construction, the centrality
/// before and after computed by NetworkX.
@Suite("stakemap diff against NetworkX")
struct DiffOracleTests {
  static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/StakeMapCLITests/Fixtures/diff")

  @Test func changesAndMetricsMatchTheOracle() throws {
    let expected = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))
        as? [String: Any])
    let r = try CLIRunner.run([
      "diff", Self.folder.appendingPathComponent("old.yaml").path, Self.folder.appendingPathComponent("new.yaml").path,
      "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
    let actors = try #require(json["actors"] as? [String: [[String: Any]]])
    #expect(actors["added"]?.compactMap { $0["id"] as? String } == expected["added"] as? [String])
    #expect(actors["removed"]?.compactMap { $0["id"] as? String } == expected["removed"] as? [String])
    let renamed = (actors["renamed"] ?? []).map { [$0["old_id"] as? String ?? "", $0["id"] as? String ?? ""] }
    #expect(renamed.sorted { $0[0] < $1[0] } == expected["renamed"] as? [[String]])
    let relations = try #require(json["relations"] as? [String: [[String: Any]]])
    #expect(relations["added"]?.count == expected["relations_added"] as? Int)
    #expect(relations["removed"]?.count == expected["relations_removed"] as? Int)
    // Changed ties: the same pairs with the same changes.
    func key(_ ends: [String], _ changes: [String: Any]) -> String {
      let fields = changes.keys.sorted().map { k in "\(k)=\(changes[k]!)" }
      return ends.sorted().joined(separator: "-") + " " + fields.joined(separator: ";")
    }
    let mine = (relations["changed"] ?? []).map { c -> String in
      let after = c["after"] as? [String: Any] ?? [:]
      let ends = (after["between"] as? [String]) ?? [after["from"] as? String ?? "", after["to"] as? String ?? ""]
      return key(ends, c["changes"] as? [String: Any] ?? [:])
    }.sorted()
    let theirs = (expected["changed"] as? [[String: Any]] ?? []).map { c -> String in
      var changes = c
      let ends = changes.removeValue(forKey: "ends") as? [String] ?? []
      return key(ends, changes)
    }.sorted()
    #expect(mine == theirs)
    // Metrics of every actor, before and after, to 1e-9.
    let metrics = try #require(json["metrics"] as? [String: [String: Any]])
    for side in ["before", "after"] {
      let oracle = try #require(expected[side] as? [String: [String: Double]])
      var compared = 0
      for (id, values) in oracle {
        // An actor's key in `metrics` is its new id when it is in the new version.
        let renamedTo = (expected["renamed"] as? [[String]])?.first { $0[0] == id }?[1]
        let entry = try #require(metrics[side == "before" ? (renamedTo ?? id) : id]?[side] as? [String: Double], "\(id)")
        for (metric, value) in values {
          let got = try #require(entry[metric], "\(metric)")
          #expect(abs(got - value) <= 1e-9, "\(side) \(id) \(metric): \(got) vs \(value)")
          compared += 1
        }
      }
      #expect(compared >= 4 * 38)
    }
  }
}
