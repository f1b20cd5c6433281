import ArgumentParser
import StakeMap

/// Loads a network file for a command: prints every diagnostic to standard error and refuses
/// the file (exit status 1) when there is at least one error. All commands load this way, so an
/// invalid file gets the same report from `analyze` or `render` as from `check`. The closing
/// line is in the locale's language (``MessageLanguage``): no network was loaded.
enum NetworkLoading {
  static func load(_ path: String, quiet: Bool = false) throws -> Network {
    let result = NetworkReader.read(path: path)
    let errors = result.diagnostics.filter { $0.severity == .error }
    for diagnostic in result.diagnostics where !(quiet && diagnostic.severity == .warning) {
      Terminal.error(diagnostic.description)
    }
    guard let network = result.network, errors.isEmpty else {
      let words = MessageLanguage.words(nil)
      Terminal.error(
        words(
          .cliFileNothingWritten,
          ["file": path, "problems": words.count(errors.count, one: .cliErrorsOne, other: .cliErrorsOther)]))
      throw ExitCode(1)
    }
    return network
  }
}
