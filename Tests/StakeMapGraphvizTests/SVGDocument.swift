import FoundationXML
import Foundation

/// What the tests need to know about an SVG that Graphviz rendered: the text lines of every
/// node, edge and cluster group (keyed by the group's `<title>`, i.e. the Graphviz name), plus
/// every element, attribute and processing instruction, for the hostile-input checks.
///
/// Parsed with Foundation's `XMLParser` (FoundationXML on Linux), so a malformed SVG fails the
/// test instead of being scanned with string matching.
struct SVGDocument {
  struct Group {
    var cssClass: String
    var title: String
    var lines: [String]
    /// `xlink:title` of the group's `<a>` elements: the tooltip, XML-decoded.
    var tooltips: [String] = []
  }

  var groups: [Group] = []
  var elementNames: [String] = []
  var attributeNames: Set<String> = []
  var attributeValues: [String] = []
  var processingInstructions: [String] = []

  /// The groups of class `node`.
  var nodes: [Group] { groups.filter { $0.cssClass.split(separator: " ").first == "node" } }

  /// The label of the node named `name`: its `<text>` lines joined with a line feed.
  func label(ofNode name: String) -> String? {
    nodes.first { $0.title == name }.map { $0.lines.joined(separator: "\n") }
  }

  private init() {}

  init(_ bytes: [UInt8]) throws {
    let delegate = Delegate()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = delegate
    parser.shouldResolveExternalEntities = false
    guard parser.parse() else {
      throw SVGError(message: parser.parserError.map { "\($0)" } ?? "XML parse failed")
    }
    self = delegate.document
  }

  struct SVGError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var document = SVGDocument()
    /// Stack of open `<g>` elements: the index in `document.groups` for classed groups.
    var groupStack: [Int?] = []
    var text: String?
    var inTitle = false
    var title = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      document.elementNames.append(name)
      document.attributeNames.formUnion(attributes.keys)
      document.attributeValues += Array(attributes.values)
      switch name {
      case "g":
        if let cssClass = attributes["class"], ["node", "edge", "cluster"].contains(cssClass.split(separator: " ").first.map(String.init) ?? "") {
          document.groups.append(Group(cssClass: cssClass, title: "", lines: []))
          groupStack.append(document.groups.count - 1)
        } else {
          groupStack.append(nil)
        }
      case "a":
        if let tooltip = attributes["xlink:title"], let index = currentGroup {
          document.groups[index].tooltips.append(tooltip.replacingOccurrences(of: "\u{A0}", with: " "))
        }
      case "title":
        inTitle = true
        title = ""
      case "text":
        text = ""
      default:
        break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inTitle { title += string }
      if text != nil { text! += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      switch name {
      case "g":
        groupStack.removeLast()
      case "title":
        inTitle = false
        if let index = currentGroup, document.groups[index].title.isEmpty {
          document.groups[index].title = title
        }
      case "text":
        if let index = currentGroup, let line = text {
          // Graphviz writes the second of two adjacent spaces as &#160; (xml_string); undo it.
          document.groups[index].lines.append(line.replacingOccurrences(of: "\u{A0}", with: " "))
        }
        text = nil
      default:
        break
      }
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
      document.processingInstructions.append(target)
    }

    private var currentGroup: Int? {
      groupStack.last { $0 != nil } ?? nil
    }
  }
}
