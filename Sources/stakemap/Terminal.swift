import StakeMap
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error through write(2): unbuffered, so messages and results interleave
/// in the order they happen, and free of C's global `FILE*` state (which Swift 6 rightly calls
/// unsafe to share).
///
/// Everything human goes through ``TerminalText/safe(_:)``: every line on standard error
/// (``error(_:)``: diagnostics, messages, summaries) and the human lines on standard output
/// (``message(_:)``), so that no escape sequence from a file reaches the reader's terminal.
/// ``out(_:)`` writes command output byte for byte: JSON, CSV and YAML must stay exact, and the
/// human formats (the analyze table, the gaps text) are made safe where they are written.
enum Terminal {
  static func out(_ text: String) { write(text, to: 1) }

  /// One line of human text on standard output, made safe for the terminal.
  static func message(_ line: String) { write(TerminalText.safe(line) + "\n", to: 1) }

  /// One line on standard error, made safe for the terminal.
  static func error(_ line: String) { write(TerminalText.safe(line) + "\n", to: 2) }

  /// True when standard error is a terminal: progress lines are drawn only then, so logs and
  /// CI output stay clean.
  static var showsProgress: Bool { isatty(2) == 1 }

  /// Redraws one progress line on standard error (`label 42 %`), and clears it when done.
  static func progress(_ label: String, done: Int, total: Int) {
    guard showsProgress, total > 0 else { return }
    write("\r\(TerminalText.safe(label)) \(done * 100 / total) %", to: 2)
    if done >= total { write("\r\u{1B}[K", to: 2) }
  }

  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        #if canImport(Glibc)
          let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        #else
          let n = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        #endif
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }  // a closed pipe: nothing more can be said
        offset += n
      }
    }
  }
}

/// `--progress`: on a terminal the redrawn line of ``Terminal/progress(_:done:total:)``; into
/// a log one line per 5 % step (`label 35 %`), so a log of a long run shows how it went.
final class ProgressLines: Sendable {
  private let lastStep = Mutex<Int>(-1)

  func show(_ label: String, done: Int, total: Int) {
    if Terminal.showsProgress {
      Terminal.progress(label, done: done, total: total)
      return
    }
    guard total > 0 else { return }
    let step = min(100, done * 100 / total) / 5 * 5
    let isNew = lastStep.withLock { last in
      if step == last { return false }
      last = step
      return true
    }
    if isNew { Terminal.error("\(label) \(step) %") }
  }
}
