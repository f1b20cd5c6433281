#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error through write(2): unbuffered, so messages and results interleave
/// in the order they happen, and free of C's global `FILE*` state (which Swift 6 rightly calls
/// unsafe to share).
enum Terminal {
  static func out(_ text: String) { write(text, to: 1) }

  static func error(_ line: String) { write(line + "\n", to: 2) }

  /// True when standard error is a terminal: progress lines are drawn only then, so logs and
  /// CI output stay clean.
  static var showsProgress: Bool { isatty(2) == 1 }

  /// Redraws one progress line on standard error (`label 42 %`), and clears it when done.
  static func progress(_ label: String, done: Int, total: Int) {
    guard showsProgress, total > 0 else { return }
    write("\r\(label) \(done * 100 / total) %", to: 2)
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
