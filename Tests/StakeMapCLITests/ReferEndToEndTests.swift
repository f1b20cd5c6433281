import Foundation
import Testing

/// `stakemap refer`: who offers a topic, the way there, and clear errors for unknown names.
@Suite struct ReferEndToEndTests {
  static let dresden = CLIRunner.packageRoot.appendingPathComponent("Graphs/dresden/dresden.yaml").path

  @Test func listsOfferersWithTheWayAndTheEvidence() throws {
    let result = try CLIRunner.run(["refer", Self.dresden, "Begleitung von Haus- und Wohngruppen", "--for", "Lokale Agenda DD"])
    #expect(result.status == 0, "\(result.stderr)")
    // Lines are wrapped at 92 columns: compare the words.
    let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("4 Akteure bieten das an"))
    #expect(text.contains("Weg: Lokale Agenda DD – NWID (Teilnahme), NWID – bauforum dresden (Teilnahme);"))
    #expect(text.contains("Beleg: „Bauforum Begleitung von Hausgemeinschaften“ (p000)"))
    #expect(text.contains("über bestehende Beziehungen nicht erreichbar"))
    let english = try CLIRunner.run(["refer", Self.dresden, "group_support", "--for", "lokale_agenda_dd", "--lang", "en"])
    #expect(english.stdout.contains("4 actors offer it"))
    #expect(english.stdout.contains("Evidence: “Bauforum Begleitung von Hausgemeinschaften” (p000)"))
    #expect(!english.stdout.contains("Beleg"))
  }

  @Test func jsonHasOffersWithPathsAndWhoElseNeedsIt() throws {
    let result = try CLIRunner.run(["refer", Self.dresden, "group_support", "--for", "lokale_agenda_dd", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
    let offers = try #require(object["offers"] as? [[String: Any]])
    #expect(offers.count == 4)
    #expect(offers[0]["path"] as? [String] == ["lokale_agenda_dd", "nwid", "bauforum_dd"])
    #expect(offers[0]["distance"] as? Int == 2)
    #expect(offers.last?["distance"] is NSNull)
    #expect(object["also_needed_by"] is [String])
  }

  @Test func aTopicNobodyOffersSaysSoAndNamesRelatedOnes() throws {
    let result = try CLIRunner.run(["refer", Self.dresden, "financing"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Niemand im Netzwerk bietet „Finanzielle Untersetzung“ (financing) an."))
    #expect(result.stdout.contains("Verwandte Themen, die jemand anbietet:"))
    #expect(result.stdout.contains("Auch gebraucht von: Koord.-stelle DD"))
  }

  @Test func unknownTopicAndActorNameTheClosestKnownOnesAndWriteNothing() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.json").path
    let result = try CLIRunner.run(["refer", Self.dresden, "fundig_advise", "--for", "nwdi", "-o", out])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unbekanntes Thema 'fundig_advise'; die nächsten bekannten: funding_advice („Fördermittelberatung“)"))
    // Both problems at once.
    #expect(result.stderr.contains("--for: unbekannter Akteur 'nwdi'; die nächsten bekannten: nwid"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func refusesToWriteOverTheNetwork() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("net.yaml")
    try FileManager.default.copyItem(atPath: Self.dresden, toPath: copy.path)
    let before = try Data(contentsOf: copy)
    let result = try CLIRunner.run(["refer", copy.path, "group_support", "-o", copy.path])
    #expect(result.status == 1)
    #expect(try Data(contentsOf: copy) == before)
  }
}
