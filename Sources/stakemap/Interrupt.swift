import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C (SIGINT) during a long analysis: the first one asks the running sweep to stop and
/// the command writes what it finished (``Centrality/stopped`` names the rest); a second one
/// ends the process at once, as Ctrl-C normally does. Output files are written atomically in
/// either case, so no file is ever half-written.
enum Interrupt {
  private static let requested = Atomic<Bool>(false)

  /// Installs the handler; from now on the first SIGINT only sets ``isRequested``.
  static func install() {
    // A parent may start us with SIGINT blocked (a thread pool's threads block signals, and
    // the mask is inherited): unblock it, or Ctrl-C would never arrive.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    signal(SIGINT) { _ in
      if Interrupt.requested.exchange(true, ordering: .relaxed) {
        // A second Ctrl-C: the default action (terminate). Async-signal-safe calls only.
        signal(SIGINT, SIG_DFL)
        raise(SIGINT)
      }
    }
  }

  static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
