import StakeMapModel
import StakeMapText
import Testing

@testable import StakeMapReports

@Suite struct MarkdownReportTests {
  let files = MarkdownMapFiles(svg: "report-map.svg", png: "report-map.png")

  @Test func hasTheSectionsAndEmbedsTheMap() throws {
    let md = try Fixtures.report().markdown(mapFiles: files)
    #expect(md.hasPrefix("# Wohnen in Teststadt\n\n"))
    for heading in ["## Zusammenfassung", "## Karte", "## Zentralität", "## Lücken und Vorschläge", "## Akteure", "## Quellen"] {
      #expect(md.contains("\n" + heading + "\n"), "missing \(heading)")
    }
    #expect(md.contains("](report-map.svg)\n"))
    #expect(md.contains("![Akteurslandkarte mit 5 Akteuren"))
    #expect(md.contains("[PNG (300 dpi, für den Druck)](report-map.png)"))
    #expect(md.contains("- **V1** Stadt Teststadt – Initiative Zwei: Verkürzt 3 kürzeste Wege"))
    #expect(md == (try Fixtures.report().markdown(mapFiles: files)))
  }

  @Test func centralityTableIsAGitHubTable() throws {
    let md = try Fixtures.report().markdown(mapFiles: files)
    #expect(md.contains("| \\# | Akteur | Typ | Partner | Grad | Stärke | Vermittlung \\(Betweenness\\) | Nähe \\(Closeness\\) | Harmonische Nähe | Eigenvektor | PageRank |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"))
    #expect(md.contains("| 1 | Genossenschaft Eins eG | Genossenschaft | 2 | 0,5000 |"))
  }

  @Test func evidenceWithSourcesUnderEachActor() throws {
    let md = try Fixtures.report().markdown(mapFiles: files)
    #expect(md.contains("### Stadt Teststadt\n"))
    #expect(md.contains("  - Kooperation – Netzwerk Wohnen\n\n    > „arbeiten eng zusammen“ — Quelle: Protokoll 1 (s0)\n"))
    #expect(md.contains("1. **Protokoll 1** (s0), 2023-05-01, <https://example.org/p1>\n"))
    // The javascript: URL is text, not a link.
    #expect(md.contains("2. **Protokoll 2** (s1), 2024-01-02, javascript:alert\\(1\\)\n"))
  }

  @Test func hostileNamesCannotFormMarkdownOrHTML() throws {
    let md = try Fixtures.report(hostile: true).markdown(mapFiles: files)
    #expect(!md.contains("<script"))
    #expect(!md.contains("<img"))
    #expect(!md.contains("<b>"))
    #expect(!md.contains("](http://evil"))
    #expect(!md.contains("[link]("))
    // Each hostile string appears escaped.
    for s in Fixtures.hostile {
      #expect(md.contains(MarkdownEscaping.text(s)), "not escaped: \(s)")
    }
    // Table rows keep their column count: no data pipe is unescaped.
    for line in md.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("|---") {
      var cells = 0
      var escaped = false
      for c in line {
        if escaped { escaped = false; continue }
        if c == "\\" { escaped = true } else if c == "|" { cells += 1 }
      }
      #expect(cells == 12, "\(line)")
    }
    // Headings from the data stay one line: nothing starts a new block.
    for line in md.split(separator: "\n") {
      #expect(!line.hasPrefix("<"))
    }
  }

  @Test func mapFilesBesideTheReport() {
    #expect(MarkdownMapFiles.beside("out/report.md") == MarkdownMapFiles(svg: "report-map.svg", png: "report-map.png"))
    #expect(MarkdownMapFiles.beside("Bericht 2024.markdown") == MarkdownMapFiles(svg: "Bericht 2024-map.svg", png: "Bericht 2024-map.png"))
    #expect(MarkdownMapFiles.beside(".md") == MarkdownMapFiles(svg: ".md-map.svg", png: ".md-map.png"))
  }

  @Test func withoutMapFilesThereIsNoMapSection() throws {
    let md = try Fixtures.report().markdown(mapFiles: nil)
    #expect(!md.contains("## Karte"))
  }
}
