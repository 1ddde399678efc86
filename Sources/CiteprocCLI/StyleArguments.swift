import ArgumentParser
import Citeproc
import Foundation

struct StyleArguments: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("A built-in style name or a CSL style file.", valueName: "NAME|PATH"))
  var style = "vancouver"

  @Option(
    name: .long,
    help: ArgumentHelp("Output language, such as en-GB (default: the style's own).", valueName: "TAG"))
  var locale: String?

  @Option(
    name: .long, help: ArgumentHelp("A folder of CSL locale files (locales-TAG.xml).", valueName: "DIR"))
  var locales: String?

  @Option(
    name: .customLong("styles-dir"),
    help: ArgumentHelp("Where to find the parent of a dependent style.", valueName: "DIR"))
  var stylesDirectory: String?

  /// Loads the style and its locale, reporting warnings; exits on errors.
  func makeProcessor() throws -> Processor {
    let loaded: LoadedStyle
    do {
      loaded = try StyleLoader(stylesDirectory: stylesDirectory).load(style)
    } catch {
      Report.diagnostics(error.diagnostics)
      throw ExitCode(ExitStatus.failure)
    }
    Report.diagnostics(loaded.warnings)
    if let locales, !FileManager.default.fileExists(atPath: locales) {
      Report.error("\(locales): error: no such locales folder")
      throw ExitCode(ExitStatus.failure)
    }
    let (resolved, diagnostics) = LocaleLoader(directory: locales).locale(for: loaded.style, language: locale)
    Report.diagnostics(diagnostics)
    return Processor(style: loaded.style, locale: resolved)
  }
}
