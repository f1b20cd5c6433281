import StakeMapText

/// Makes a Graphviz SVG readable for screen readers.
///
/// Graphviz 2.42 writes the graph's name as a `<title>` *inside* the first `<g>` and has no
/// way to write a `<desc>` or ARIA attributes. This function adds, right after the root
/// `<svg …>` start tag:
///
///     <svg … role="img" aria-labelledby="stakemap-title stakemap-desc" xml:lang="de">
///     <title id="stakemap-title">Akteurslandkarte: …</title>
///     <desc id="stakemap-desc">Akteurslandkarte mit 18 Akteuren …</desc>
///
/// so that the map is announced as one image with a name and a description (the tables and
/// actor cards of a report carry the details in text). The inserted text is XML-escaped;
/// nothing else in the document changes.
///
/// The root start tag is found by scanning, outside comments, processing instructions, the
/// DOCTYPE and quoted attribute values, for the first `<svg` element; its end is the first
/// `>` outside quotes. Returns nil when there is no `<svg` element or it is malformed, or when
/// it already carries a `role` (so the function is not applied twice).
///
/// - Complexity: O(length of the SVG).
package enum SVGAccessibility {
  /// The ids of the inserted elements. A page that inlines two maps must rename them.
  package static let titleID = "stakemap-title"
  package static let descriptionID = "stakemap-desc"

  package static func annotate(
    _ svg: String, title: String, description: String, language: String? = nil
  ) -> String? {
    let bytes = Array(svg.utf8)
    guard let (start, end) = rootStartTag(bytes) else { return nil }
    let tag = String(decoding: bytes[start..<end], as: UTF8.self)
    if tag.contains(" role=") { return nil }
    let selfClosing = end >= 2 && bytes[end - 2] == UInt8(ascii: "/")
    guard !selfClosing else { return nil }
    var attributes = " role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\""
    if let language, language.allSatisfy({ $0.isLetter || $0 == "-" }), !language.isEmpty {
      attributes += " xml:lang=\"\(language)\""
    }
    var out = String(decoding: bytes[..<(end - 1)], as: UTF8.self)
    out += attributes + ">\n"
    out += "<title id=\"\(titleID)\">" + HTMLEscaping.text(title) + "</title>\n"
    out += "<desc id=\"\(descriptionID)\">" + HTMLEscaping.text(description) + "</desc>"
    out += String(decoding: bytes[end...], as: UTF8.self)
    return out
  }

  /// Replaces the element titles Graphviz writes from the synthetic node ids (`<title>a3</title>`,
  /// `<title>a0&#45;&#45;a3</title>`) with the actors' names (`Stadt Dresden – piano e.V.`),
  /// so that hovering and assistive technology see names instead of ids. `names[i]` is the
  /// name of node `a<i>`; `clusterNames[k]` replaces the title of the group box `cluster_g<k>`.
  /// Other titles are left as they are; names are XML-escaped.
  ///
  /// - Complexity: O(length of the SVG).
  package static func readableTitles(
    _ svg: String, names: [String], clusterNames: [String] = []
  ) -> String {
    let open = "<title>", close = "</title>"
    var out = ""
    out.reserveCapacity(svg.utf8.count)
    var rest = Substring(svg)
    while let start = rest.firstRange(of: open) {
      out += rest[..<start.upperBound]
      rest = rest[start.upperBound...]
      guard let end = rest.firstRange(of: close) else { break }
      let content = String(rest[..<end.lowerBound])
      out += readable(content, names: names, clusterNames: clusterNames).map(HTMLEscaping.text) ?? content
      rest = rest[end.lowerBound...]
    }
    out += rest
    return out
  }

  /// `a3` → name 3; `a0&#45;&#45;a3` → "name 0 – name 3"; `a0&#45;&gt;a3` → "name 0 – name 3" (the tooltip says the direction).
  static func readable(_ title: String, names: [String], clusterNames: [String] = []) -> String? {
    func node(_ s: Substring) -> Int? {
      guard s.first == "a", s.count > 1, s.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
        let i = Int(s.dropFirst()), names.indices.contains(i)
      else { return nil }
      return i
    }
    if let i = node(Substring(title)) { return names[i] }
    if title.hasPrefix("cluster_g"), let k = Int(title.dropFirst("cluster_g".count)),
      clusterNames.indices.contains(k)
    {
      return clusterNames[k]
    }
    for (separator, arrow) in [("&#45;&#45;", " – "), ("&#45;&gt;", " – ")] {
      if let r = title.firstRange(of: separator), let a = node(title[..<r.lowerBound]),
        let b = node(title[r.upperBound...])
      {
        return names[a] + arrow + names[b]
      }
    }
    return nil
  }

  /// Byte offsets of the root `<svg …>` start tag: [start, end), end just after its `>`.
  static func rootStartTag(_ b: [UInt8]) -> (Int, Int)? {
    let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
    func hasPrefix(_ prefix: String, at i: Int) -> Bool {
      let p = Array(prefix.utf8)
      return i + p.count <= b.count && Array(b[i..<(i + p.count)]) == p
    }
    func find(_ needle: String, from i: Int) -> Int? {
      let n = Array(needle.utf8)
      var k = i
      while k + n.count <= b.count {
        if b[k] == n[0] && Array(b[k..<(k + n.count)]) == n { return k }
        k += 1
      }
      return nil
    }
    var i = 0
    while i < b.count {
      guard b[i] == lt else {
        i += 1
        continue
      }
      if hasPrefix("<!--", at: i) {
        guard let close = find("-->", from: i + 4) else { return nil }
        i = close + 3
      } else if hasPrefix("<?", at: i) {
        guard let close = find("?>", from: i + 2) else { return nil }
        i = close + 2
      } else if hasPrefix("<!", at: i) {
        // DOCTYPE: skip to its '>' outside quotes (no internal subset in Graphviz output).
        guard let close = endOfTag(b, from: i + 2) else { return nil }
        i = close
      } else if hasPrefix("<svg", at: i), i + 4 < b.count,
        [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), gt,
         UInt8(ascii: "/")].contains(b[i + 4])
      {
        guard let close = endOfTag(b, from: i + 4) else { return nil }
        return (i, close)
      } else {
        return nil  // another element before <svg>: not a Graphviz SVG
      }
    }
    return nil
  }

  /// The offset just after the `>` that ends a tag, skipping quoted values.
  private static func endOfTag(_ b: [UInt8], from start: Int) -> Int? {
    var quote: UInt8? = nil
    var i = start
    while i < b.count {
      let c = b[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: ">") {
        return i + 1
      }
      i += 1
    }
    return nil
  }
}
