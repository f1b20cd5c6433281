import StakeMapModel
import Testing

@testable import StakeMapFormats

/// The XML subset GraphML and GEXF use, read strictly: references, CDATA, comments, line ends,
/// namespaces, and every refusal with its position (issue 11).
@Suite struct XMLScannerTests {
  /// Events as text: `<name a=v>`, `</name>`, `"text"`; or the error as `line:column: message`.
  func scan(_ xml: String) -> [String] {
    var scanner = XMLScanner(Array(xml.utf8))
    var out: [String] = []
    do {
      while let event = try scanner.next() {
        switch event {
        case .start(let name, let attributes, let empty):
          out.append("<" + ([name] + attributes.map { "\($0.name)=\($0.value)" }).joined(separator: " ") + (empty ? "/>" : ">"))
        case .end(let name): out.append("</\(name)>")
        case .text(let text): out.append("\"\(text)\"")
        }
      }
    } catch {
      out.append("\(error.line):\(error.column): \(error.sentence.text(in: .en))")
    }
    return out
  }

  @Test func referencesCDATACommentsAndNamespaces() {
    let xml = "\u{FEFF}<?xml version=\"1.0\"?>\r\n<!-- c --><g:a x=\"1 &amp; &lt;2&gt; &#228;&#x00FC;\" y='a&#10;b\tc'>T&quot;x&apos;<![CDATA[<raw> & ]]>\r\nz<b/></g:a>\n"
    #expect(scan(xml) == [
      "<a x=1 & <2> äü y=a\nb c>", "\"T\"x'\"", "\"<raw> & \"", "\"\nz\"", "<b/>", "</b>", "</a>",
    ])
  }

  @Test func refusals() {
    #expect(scan("<a>\n  <!DOCTYPE x>").last == "2:3: a document type declaration ('<!DOCTYPE') or other '<!' declaration is not allowed: StakeMap never loads DTDs or external entities")
    #expect(scan("<a>x &ext; y</a>").last == "1:6: unknown entity \"&ext;\": only &lt; &gt; &amp; &quot; &apos; and numeric references such as &#228; are read")
    #expect(scan("<a>\n<b></a>").last == "2:4: found </a> where </b> was expected")
    #expect(scan("<a>\n<b>").last == "2:4: the file ends before <b> is closed")
    #expect(scan("<a/><b/>").last == "1:5: a second root element: an XML document has one")
    #expect(scan("<a x=1/>").last == "1:6: expected '\"', found '1'")
    #expect(scan("").last == "1:1: the file holds no XML element")
    #expect(scan("<a>\u{00E4}\u{00FC} &x;</a>").last == "1:7: unknown entity \"&x;\": only &lt; &gt; &amp; &quot; &apos; and numeric references such as &#228; are read")
    var bytes = Array("<a>x".utf8)
    bytes += [0xFF]
    bytes += Array("</a>".utf8)
    var scanner = XMLScanner(bytes)
    #expect(throws: XMLScanner.Failure.self) { while try scanner.next() != nil {} }
  }
}
