import StakeMapText
import Foundation
import StakeMapMaps
import StakeMapModel
import Testing

@testable import StakeMapReports

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The page read with a real XML parser (the report is written as polyglot markup, so it
/// parses as XML too): every element, attribute and text node, so escaped text is never
/// mistaken for markup.
struct PageStructure {
  struct Element {
    var name: String
    var attributes: [String: String]
  }
  var elements: [Element] = []
  var scripts: [String] = []
  var styles: [String] = []
  var text = ""

  init(_ html: String) throws {
    let parser = XMLParser(data: Data(html.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    parser.shouldResolveExternalEntities = false
    guard parser.parse() else {
      throw CocoaError(
        .coderReadCorrupt,
        userInfo: [NSDebugDescriptionErrorKey: "\(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)"])
    }
    self = delegate.result
  }

  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  private final class Delegate: NSObject, XMLParserDelegate {
    var result = PageStructure(empty: ())
    var stack: [String] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      result.elements.append(Element(name: name, attributes: attributes))
      stack.append(name)
      if name == "script" { result.scripts.append("") }
      if name == "style" { result.styles.append("") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      switch stack.last {
      case "script": result.scripts[result.scripts.count - 1] += string
      case "style": result.styles[result.styles.count - 1] += string
      default: result.text += string
      }
    }
  }

  private init(empty: ()) {}
}

@Suite struct HTMLReportTests {
  @Test func pageParsesAndHasTheSections() throws {
    let html = try Fixtures.report().html()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
    let page = try PageStructure(html)
    let sections = page.all("section").compactMap { $0.attributes["id"] }
    #expect(sections == ["sm-summary", "sm-map", "sm-karte", "sm-centrality", "sm-gaps", "sm-referral", "sm-actors", "sm-sources"])
    #expect(page.all("h1").count == 1)
    #expect(page.all("main").count == 1)
    #expect(page.text.contains("Wohnen in Teststadt"))
  }

  @Test func sameInputGivesIdenticalBytes() throws {
    let a = try Fixtures.report().html()
    let b = try Fixtures.report().html()
    #expect(a == b)
    #expect(!a.contains("1970") && !a.contains("T00:00"))
  }

  @Test func contentSecurityPolicyAllowsExactlyTheInlineScriptAndStyle() throws {
    let html = try Fixtures.report().html()
    let page = try PageStructure(html)
    let meta = try #require(page.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" })
    let policy = try #require(meta.attributes["content"])
    let directives = Dictionary(
      uniqueKeysWithValues: policy.split(separator: ";").map {
        let parts = $0.split(separator: " ").map(String.init)
        return (parts[0], Array(parts.dropFirst()))
      })
    #expect(directives["default-src"] == ["'none'"])
    #expect(directives["img-src"] == ["data:"])
    #expect(directives["base-uri"] == ["'none'"])
    #expect(directives["form-action"] == ["'none'"])
    // One script and one style, each allowed by its own hash and nothing else.
    #expect(page.scripts.count == 1)
    #expect(page.styles.count == 1)
    #expect(directives["script-src"] == [SHA256.cspSource(page.scripts[0])])
    #expect(directives["style-src"] == [SHA256.cspSource(page.styles[0])])
    #expect(page.scripts[0] == ReportAssets.script)
    // The CSP meta comes before the first script or style.
    let cspAt = try #require(html.firstRange(of: "Content-Security-Policy")).lowerBound
    #expect(cspAt < (html.firstRange(of: "<style>")?.lowerBound ?? html.endIndex))
    #expect(cspAt < (html.firstRange(of: "<script>")?.lowerBound ?? html.endIndex))
    // The assets keep the page parseable as XML and cannot end their own element.
    for asset in [ReportAssets.script, ReportAssets.style] {
      #expect(!asset.contains("<") && !asset.contains("&"))
    }
  }

  @Test func noOutsideReferences() throws {
    // Source URLs are the only http(s) text, and only https://example.org/p1 is a link.
    let html = try Fixtures.report().html()
    let page = try PageStructure(html)
    let hrefs = page.elements.compactMap { $0.attributes["href"] }
    #expect(hrefs.filter { !$0.hasPrefix("#") } == ["https://example.org/p1"])
    let withoutTheSourceURL = html.replacingAll("https://example.org/p1", "")
    #expect(!withoutTheSourceURL.lowercased().contains("http:"))
    #expect(!withoutTheSourceURL.lowercased().contains("https:"))
    for element in page.elements {
      for attribute in ["src", "srcset", "xlink:href", "action", "formaction", "poster", "data"] {
        #expect(element.attributes[attribute] == nil, "\(element.name) has \(attribute)")
      }
    }
    #expect(!html.contains("url("))
    #expect(!html.contains("@import"))
    // The javascript: URL of source s1 is shown as text, never as a link.
    #expect(!hrefs.contains { $0.lowercased().contains("javascript") })
    #expect(page.text.contains("javascript:alert(1)"))
  }

  @Test func hostileDataIsEscapedEverywhere() throws {
    let report = try Fixtures.report(hostile: true)
    let html = report.html()
    let page = try PageStructure(html)
    // Structure: exactly our script and style; no element or attribute from the data.
    #expect(page.scripts == [ReportAssets.script])
    #expect(page.styles == [ReportAssets.style])
    let names = Set(page.elements.map(\.name))
    #expect(names.isDisjoint(with: ["img", "iframe", "object", "embed", "foreignObject", "image", "b", "base", "form", "input"]))
    for element in page.elements {
      for (key, value) in element.attributes {
        #expect(!key.lowercased().hasPrefix("on"), "\(element.name) has \(key)")
        #expect(key != "autofocus" && key != "style")
        if ["href", "src", "xlink:href", "action", "formaction"].contains(key) {
          #expect(!value.lowercased().contains("javascript:"))
        }
      }
    }
    // Every hostile string is in the page as text, and never raw.
    for s in Fixtures.hostile {
      #expect(page.text.contains(s), "missing as text: \(s)")
      #expect(!html.contains(s), "raw in the page: \(s)")
    }
    #expect(!html.contains("data-pwned=\""))
    #expect(html.contains(HTMLEscaping.text(Fixtures.hostile[0])))
  }

  @Test func mapIsInlineSVGWithTitleDescriptionAndOneNodePerActor() throws {
    let report = try Fixtures.report()
    let html = report.html()
    let page = try PageStructure(html)
    let svg = try #require(page.all("svg").first)
    #expect(svg.attributes["role"] == "img")
    #expect(svg.attributes["aria-labelledby"] == "stakemap-title stakemap-desc")
    #expect(svg.attributes["xmlns"] == nil)
    // The map's description, and the Netzwerkkarte's (whose nodes are classed apart).
    #expect(page.all("desc").count == 2)
    #expect(page.all("g").count { $0.attributes["class"] == "node" } == report.network.actors.count)
    #expect(page.all("g").count { $0.attributes["class"] == "edge" } >= 4)
    #expect(!html.contains("<?xml"))
    #expect(!html.contains("<!--"))
    #expect(!html.contains("<!DOCTYPE svg"))
    // Readable titles instead of node ids, and the description in the caption.
    #expect(page.text.contains("Stadt Teststadt – Netzwerk Wohnen"))
    #expect(page.all("figcaption").count == 2)
    #expect(page.text.contains(report.mapDescription))
    // Cut points are outlined and the suggestion is drawn and labelled.
    #expect(html.contains("stroke-width=\"3.5\""))
    #expect(html.contains("stroke=\"#d55e00\""))
    #expect(page.text.contains("V1"))
  }

  @Test func withoutAMapThereIsNoMapSection() throws {
    let html = try Fixtures.report(map: false).html()
    #expect(!html.contains("<svg"))
    #expect(!html.contains("id=\"sm-map\""))
    #expect(!html.contains("orange"))
  }

  @Test func centralityTableIsSortableMarkup() throws {
    let report = try Fixtures.report()
    let page = try PageStructure(report.html())
    let table = try #require(page.all("table").first { $0.attributes["id"] == "sm-centrality-table" })
    #expect(table.attributes["data-sortable"] == "")
    let headers = page.all("th").filter { $0.attributes["scope"] == "col" }.prefix(11)
    #expect(headers.count == 11)
    #expect(headers.filter { $0.attributes["data-numeric"] != nil }.count == 9)
    #expect(headers.filter { $0.attributes["aria-sort"] == "descending" }.count == 1)
    let rows = page.all("tr").filter { $0.attributes["data-order"] != nil }
    #expect(rows.map { $0.attributes["data-order"]! } == (0..<5).map(String.init))
    // Numeric cells carry the exact value for sorting, the text shows it rounded.
    let cells = page.all("td").compactMap { $0.attributes["data-value"] }
    #expect(cells.contains("0.3333333333333333"))
    #expect(page.text.contains("0,3333"))
    // Rows are in betweenness order: the two cut points first.
    let html = report.html()
    let first = try #require(html.firstRange(of: "<tr data-order=\"0\">"))
    #expect(html[first.upperBound...].prefix(300).contains("Genossenschaft Eins eG"))
  }

  @Test func actorCardsCarryEvidenceWithSources() throws {
    let report = try Fixtures.report()
    let html = report.html()
    let cardStart = try #require(html.firstRange(of: "<article class=\"card\" id=\"sm-actor-0\""))
    let card = html[cardStart.lowerBound...].prefix { _ in true }
    let cardText = String(card[..<card.firstRange(of: "</article>")!.upperBound])
    #expect(cardText.contains("Stadt Teststadt"))
    #expect(cardText.contains("Kommune"))
    #expect(cardText.contains("„arbeiten eng zusammen“"))
    #expect(cardText.contains("<cite>Quelle: <a href=\"#sm-source-0\">Protokoll 1</a></cite>"))
    #expect(cardText.contains("Braucht"))
    #expect(cardText.contains("„Wir brauchen Räume“"))
    #expect(cardText.contains("Kooperation – <a href=\"#sm-actor-1\">Netzwerk Wohnen</a>"))
    #expect(cardText.contains("sector"))
    // Every card is in the page, in alphabetical order, and every source has its anchor.
    let page = try PageStructure(html)
    let cards = page.all("article").compactMap { $0.attributes["id"] }
    #expect(cards == ["sm-actor-2", "sm-actor-4", "sm-actor-3", "sm-actor-1", "sm-actor-0"])
    #expect(page.all("li").compactMap { $0.attributes["id"] }.filter { $0.hasPrefix("sm-source-") } == ["sm-source-0", "sm-source-1"])
    // Directed ties show their direction; cut points are marked.
    let funding = try #require(html.firstRange(of: "Förderung → <a href=\"#sm-actor-2\">"))
    #expect(!funding.isEmpty)
    #expect(html.contains("Förderung ← <a href=\"#sm-actor-1\">"))
    #expect(html.contains("Gewicht 2"))
    #expect(html.contains("<span class=\"cut\">"))
  }

  @Test func gapsSectionListsSuggestionsWithReasonsAndNeeds() throws {
    let html = try Fixtures.report().html()
    #expect(html.contains("<span class=\"label\">V1</span> <strong><a href=\"#sm-actor-0\">Stadt Teststadt</a> – <a href=\"#sm-actor-3\">Initiative Zwei</a></strong>"))
    #expect(html.contains("verkürzt 3 kürzeste Wege (zusammen um 4 Schritte) <span class=\"figs\">(Paare mit kürzerem Weg 3; eingesparte Schritte 4)</span>"))
    #expect(html.contains("Offene Passungen"))
    #expect(html.contains("„Wir haben Räume“"))
    #expect(html.contains("Schlüsselakteure (Artikulationspunkte)"))
  }

  @Test func englishReport() throws {
    let html = try Fixtures.report(language: .en).html()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<h2 id=\"sm-summary-h\">Summary</h2>"))
    #expect(html.contains("Cooperation – <a href=\"#sm-actor-1\">"))
    #expect(html.contains("0.3333"))
    #expect(html.contains("<cite>Source: <a href=\"#sm-source-0\">"))
  }

  @Test func quotesInTheDataLanguageAreMarkedWhenTheReportIsInAnother() throws {
    var options = ReportOptions(generator: nil)
    options.language = .en
    let html = try Fixtures.report(language: .de, map: false, options: options).html()
    #expect(html.contains("<blockquote lang=\"de\">"))
    #expect(html.contains("<html lang=\"en\">"))
  }
}
