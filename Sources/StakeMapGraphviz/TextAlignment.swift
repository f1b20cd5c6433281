/// Horizontal alignment of text lines, of a graph or cluster label (`labeljust`), and of
/// HTML-like table cells (`ALIGN`/`BALIGN`).
///
/// In plain labels the alignment is carried by the line terminator: `\n` centres, `\l`
/// left-aligns and `\r` right-aligns the line it ends
/// (<https://graphviz.org/docs/attr-types/escString/>).
package enum TextAlignment: String, CaseIterable, Sendable, Hashable {
  case left
  case center
  case right

  /// The one-letter `labeljust` value.
  var labelJust: String {
    switch self {
    case .left: "l"
    case .center: "c"
    case .right: "r"
    }
  }

  /// The HTML-like label `ALIGN` value.
  var html: String {
    switch self {
    case .left: "LEFT"
    case .center: "CENTER"
    case .right: "RIGHT"
    }
  }
}
