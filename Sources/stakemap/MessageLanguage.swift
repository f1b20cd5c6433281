import Foundation
import StakeMap

/// The language of the command line's own messages (summaries, errors, table headings):
///
/// 1. `--lang`, where a command has it;
/// 2. else the language of the network the command loaded (`network: language:` in the file);
/// 3. else, before any network is loaded or where there is none, English, unless the locale
///    says German: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
///    (POSIX order) starts with `de` (`de_DE.UTF-8`, `de_AT`, `de`).
///
/// `--help` stays English, and so do the file diagnostics (`file:line:column: error: …`).
enum MessageLanguage {
  /// The language for messages about `network` (nil: none loaded), `chosen` (`--lang`) first.
  static func of(_ network: Network?, chosen: Language? = nil) -> Language {
    chosen ?? network?.info.language ?? environment
  }

  /// The words of ``of(_:chosen:)``.
  static func words(_ network: Network?, chosen: Language? = nil) -> Words {
    Words(of(network, chosen: chosen))
  }

  /// English, or German when the locale variables say so (rule 3).
  static var environment: Language {
    fromLocale(ProcessInfo.processInfo.environment)
  }

  /// Rule 3 on a given environment.
  static func fromLocale(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("de") ? .de : .en
      }
    }
    return .en
  }
}
