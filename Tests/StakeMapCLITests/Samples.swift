/// Small network files for the end-to-end tests.
enum Samples {
  /// The example of SPEC §1, with the actors it refers to.
  static let spec = """
    network:
      title: Gemeinschaftliches Wohnen in Dresden
      language: de
    actors:
      - id: nwid
        name: Netzwerk Neues Wohnen Dresden
        type: network
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipality
      - id: gwg
        name: GWG
        type: housing_company
      - id: piano
        name: piano e.V.
        type: association
    relations:
      - between: [nwid, lhd]
        kind: cooperation
      - from: gwg
        to: piano
        kind: funding
        weight: 2

    """

  /// A path a – b – c – d plus an isolate e: hand-computable centralities.
  static let path = """
    network:
      title: Path
      language: en
    actors:
      - {id: a, name: A, type: network}
      - {id: b, name: B, type: network}
      - {id: c, name: C, type: network}
      - {id: d, name: D, type: network}
      - {id: e, name: E, type: other}
    relations:
      - {between: [a, b], kind: cooperation}
      - {between: [b, c], kind: cooperation}
      - {between: [c, d], kind: cooperation}

    """

  /// Many problems at once; the test expects every one of them.
  static let broken = """
    network:
      title: Broken
    actors:
      - id: nwid
        name: Netzwerk Neues Wohnen Dresden
        type: network
      - id: nwid
        name: Duplicate
        type: network
      - id: lhd
        name: Landeshauptstadt Dresden
        type: municipalty
    relations:
      - between: [nwid, lhdd]
        kind: cooperation
      - between: [nwid, lhd]
        kind: coperation
      - between: [nwid, lhd]
        kind: cooperation
        weight: -1
      - between: [nwid, lhd]
        kind: cooperation
        weight: .inf
      - between: [nwid, lhd]
        kind: cooperation
        status: maybe
      - between: [nwid, lhd]
        kind: [cooperation]

    """

  /// Names that try to break out of DOT strings, inject SVG markup or make Graphviz read files.
  static let hostileNames = [
    #"Evil " URL="file:///etc/passwd" image="/etc/passwd"#,
    #"<script>alert(1)</script>"#,
    #"<<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>>"#,
    #"back\slash\"#,
    #"\N \G \L \l \n"#,
    "two\nlines & more",
    #"a:b "quoted" ]; node [shape=box"#,
    "&amp; &#228; &lt;b&gt;",
  ]

  static func hostile() -> String {
    var yaml = "network:\n  title: \"<b onmouseover=alert(1)>Hostile</b>\"\nactors:\n"
    for (i, name) in hostileNames.enumerated() {
      yaml += "  - id: h\(i)\n    name: \(yamlQuoted(name))\n    type: initiative\n"
      yaml += "    short: \(yamlQuoted(name))\n"
    }
    yaml += "relations:\n"
    for i in 1..<hostileNames.count {
      yaml += "  - between: [h0, h\(i)]\n    kind: cooperation\n"
    }
    return yaml
  }

  static func yamlQuoted(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }
}
