import ArgumentParser
import StakeMap

/// Loads a network file for a command: prints every diagnostic to standard error and refuses
/// the file (exit status 1) when there is at least one error. All commands load this way, so an
/// invalid file gets the same report from `analyze` or `render` as from `check`. The closing
/// line is in the locale's language (``MessageLanguage``): no network was loaded.
enum NetworkLoading {
  /// `lang` is the command's `--lang`, if any: the language of the diagnostics (see
  /// ``MessageLanguage``).
  static func load(_ path: String, quiet: Bool = false, lang: Language? = nil) throws -> Network {
    let result = NetworkReader.read(path: path)
    let errors = Terminal.report(result.diagnostics, quiet: quiet, lang: lang)
    guard let network = result.network, errors == 0 else {
      let words = MessageLanguage.words(nil)
      Terminal.error(
        words(
          .cliFileNothingWritten,
          ["file": path, "problems": words.count(errors, one: .cliErrorsOne, other: .cliErrorsOther)]))
      throw ExitCode(1)
    }
    return network
  }
}

extension Terminal {
  /// Prints `diagnostics` to standard error, warnings only unless `quiet`, and returns the
  /// number of errors among them. They are written in `lang` (the command's `--lang`), else in
  /// the locale's language (see ``MessageLanguage``).
  @discardableResult
  static func report(_ diagnostics: [Diagnostic], quiet: Bool = false, lang: Language? = nil) -> Int {
    let language = MessageLanguage.of(nil, chosen: lang)
    for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
      Terminal.error(diagnostic.description(in: language))
    }
    return diagnostics.count { $0.severity == .error }
  }
}

extension NetworkLoading {
  /// The network as text in `format`, checked to read back (see
  /// `NetworkWriter.verifiedText`); otherwise prints the reader's errors as internal errors,
  /// then `refusal` if given, and exits with status 1.
  static func verifiedText(
    _ network: Network, format: NetworkFileFormat, file: String, words: Words,
    refusal: String? = nil, comments: NetworkWriter.Comments = NetworkWriter.Comments()
  ) throws -> String {
    do {
      return try NetworkWriter.verifiedText(network, format: format, file: file, comments: comments)
    } catch {
      for problem in error.diagnostics {
        Terminal.error(words(.cliInternalError, ["message": problem.description]))
      }
      if let refusal { Terminal.error(refusal) }
      throw ExitCode(1)
    }
  }
}
