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
    // Without --as-of the date is not read, and the file is valid as before.
    #expect(try CLIRunner.run(["check", b]).status == 0)
  }

  @Test func diffMapAndReportsCarryBothVersions() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.file("old.yaml", Self.old)
    let b = try dir.file("new.yaml", Self.new)
    let svg = dir.path("d.svg")
    #expect(try CLIRunner.run(["diff", a, b, "-o", svg]).status == 0)
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
