import ArgumentParser
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
/// The diagnostics of the files a command reads (`file:line:column: error: …`) follow rules 1
/// and 3: a file with errors has no network to ask. Without `--lang` or a German locale they
/// are English, exactly as before they had a German text. `--help` stays English.
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

/// Errors in the options, in the locale's language: options are checked before any network is
/// read (rule 3 of ``MessageLanguage``).
enum OptionError {
  static func make(_ phrase: Phrase, _ arguments: KeyValuePairs<String, String> = [:]) -> ValidationError {
    ValidationError(MessageLanguage.words(nil)(phrase, arguments))
  }

  /// "`option` must be at least `minimum`".
  static func atLeast(_ option: String, _ minimum: Int) -> ValidationError {
    make(.cliOptionAtLeast, ["option": option, "min": String(minimum)])
  }

  /// An output file whose extension names no format this command writes.
  static func format(of file: String, extension ext: String?, formats: [String]) -> ValidationError {
    let words = MessageLanguage.words(nil)
    return make(
      .cliOptionFormat,
      [
        "file": file, "extension": ext.map { "'.\($0)'" } ?? words(.cliOptionNoExtension),
        "formats": words.alternatives(formats),
      ])
  }

  /// The extension of a path's file name, lowercased (nil: none).
  static func fileExtension(_ path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
  }

}
