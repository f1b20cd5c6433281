import Foundation
import StakeMap

/// The language in which the command line prints the diagnostics of the files it reads
/// (`file:line:column: error: …`):
///
/// 1. `--lang`, where a command has it;
/// 2. else German when the locale says so: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
///    set and not empty (POSIX order) starts with `de` (`de_DE.UTF-8`, `de_AT`, `de`);
/// 3. else English, exactly as before diagnostics had a German text.
///
/// The network's own `language:` is not asked: a file with errors has no network to ask.
enum DiagnosticLanguage {
  static func of(chosen: Language?) -> Language {
    chosen ?? fromLocale(ProcessInfo.processInfo.environment)
  }

  /// Rule 2 on a given environment.
  static func fromLocale(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("de") ? .de : .en
      }
    }
    return .en
  }
}
