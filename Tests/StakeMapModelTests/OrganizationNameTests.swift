import StakeMapModel
import Testing

@Suite struct OrganizationNameTests {
  @Test(arguments: [
    ("Die GWG", "GWG"),
    ("piano e. V.", "piano e.V."),
    ("Piano e.V.", "piano e. V."),
    ("Mietshäuser Syndikat", "Mietshaeuser Syndikat"),
    ("WoGe Dresden eG", "WoGe Dresden e.G."),
    ("Straße der Einheit", "Strasse der Einheit"),
    ("bauforum dresden e.V.", "Bauforum Dresden e. V."),
  ])
  func sameOrganisationSameKey(_ a: String, _ b: String) {
    #expect(OrganizationName.key(a) == OrganizationName.key(b))
  }

  @Test func keysAreReadable() {
    #expect(OrganizationName.key("Die GWG") == "gwg")
    #expect(OrganizationName.key("piano e. V.") == "piano ev")
    #expect(OrganizationName.baseKey("piano e.V.") == "piano")
    #expect(OrganizationName.key("Mietshäuser Syndikat") == "mietshaeuser syndikat")
    #expect(OrganizationName.key("Amt für Wohnungsbau") == "amt fuer wohnungsbau")
  }

  @Test func differentOrganisationsDiffer() {
    #expect(OrganizationName.key("Stadt Dresden") != OrganizationName.key("Dresden"))
    #expect(OrganizationName.key("GWG") != OrganizationName.key("GWG Gelsenkirchen"))
    // The article is dropped only at the start, and never the whole name.
    #expect(OrganizationName.key("Die") == "die")
    #expect(OrganizationName.key("Haus der Jugend") == "haus der jugend")
  }
}
