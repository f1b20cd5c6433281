#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, unbuffered by Foundation; progress only on a terminal.
enum Terminal {
  static func out(_ text: String) {
    fputs(text, stdout)
  }

  static func error(_ line: String) {
    fputs(line + "\n", stderr)
  }

  /// True when standard error is a terminal: progress lines are drawn only then, so logs and
  /// CI output stay clean.
  static var showsProgress: Bool { isatty(2) == 1 }

  /// Redraws one progress line on standard error (`label 42 %`). Thread-safe enough for one
  /// writer; the callers report from a single progress callback.
  static func progress(_ label: String, done: Int, total: Int) {
    guard showsProgress, total > 0 else { return }
    let percent = done * 100 / total
    fputs("\r\(label) \(percent) %", stderr)
    if done >= total { fputs("\r\u{1B}[K", stderr) }
  }
}
