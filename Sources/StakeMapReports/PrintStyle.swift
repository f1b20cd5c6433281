/// The report's print rules, appended to ``ReportAssets/style`` (so the CSP hash covers them).
///
/// - A4 portrait for the text, margins 16–20 mm, the page number and count at the foot
///   (CSS Paged Media margin boxes, Chromium ≥ 131);
/// - the map (`#sm-map`, and the diff page's `.map-page`) on its own A4 landscape page
///   (named page `map`), scaled to fit it;
/// - no table row cut across pages (`break-inside: avoid`), table heads repeated on every page,
///   headings kept with what follows; the actor cards in two columns, none cut (the Dresden
///   report: 14 pages instead of 15 with one card a row).
///
/// `--paper a3` (``css(paper:)``) prints the same on A3.
package enum PrintStyle {
  package static let a4 = css(paper: "A4")

  /// The print rules for a paper size (`A4`, `A3`).
  package static func css(paper: String) -> String {
    let mapHeight = paper == "A3" ? "250mm" : "170mm"
    return """

      @page { size: \(paper) portrait; margin: 18mm 16mm 20mm 16mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #555; } }
      @page map { size: \(paper) landscape; margin: 12mm 12mm 16mm 12mm; }
      @media print {
        html { font-size: 10pt; }
        #sm-map, .map-page { page: map; break-before: page; break-after: page; }
        #sm-map h2, .map-page h2 { margin-top: 0; }
        #sm-map figure svg, .map-page figure svg { width: 100%; max-height: \(mapHeight); }
        .table-wrap { overflow: visible; }
        tr, th, td, li, blockquote { break-inside: avoid; }
        thead { display: table-header-group; }
        h2, h3, h4 { break-after: avoid; }
        .cards { display: block; columns: 2; column-gap: 6mm; }
        .card { margin-bottom: .6rem; }
      }
      """
  }
}
