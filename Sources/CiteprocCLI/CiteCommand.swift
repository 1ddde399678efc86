import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

struct CiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cite",
    abstract: "Render the citations and the reference list of a Markdown manuscript.",
    discussion: """
      Citations use pandoc's syntax: [@key], [@key, p. 33], [see @a, pp. 3-5; @b], [-@key] \
      (no author), and @key in running text (the author in the text). The reference list goes \
      at a '::: {#refs}', '<div id="refs"></div>' or '<!-- references -->' line, or at the end \
      under a References heading.

      Keys are the RIS ID, a generated key such as cocksedge2011 (see 'citeproc keys'), or the \
      CSL-JSON id. An unknown key is an error naming its line:column (a warning with \
      --allow-missing, and the text shows '(key?)'); nothing is written when there are errors.

      --format json prints the citations, bibliography entries and warnings as JSON, with the \
      rendered strings in the --markup format.

      Examples:
        citeproc cite paper.md --bibliography refs.ris --style harvard -o paper.out.md
        citeproc cite paper.md --bibliography refs.json --style bjgp --format html
        citeproc cite paper.md --bibliography refs.ris --format json --markup html
      """)

  @Argument(
    help: ArgumentHelp("The manuscript (Markdown or HTML); - for standard input.", valueName: "MANUSCRIPT"))
  var manuscript: String

  @Option(
    name: .customLong("bibliography"),
    help: ArgumentHelp("A RIS or CSL-JSON file of the cited works (repeatable).", valueName: "FILE"))
  var bibliographies: [String] = []

  @OptionGroup var styleArguments: StyleArguments

  @Option(name: .long, help: ArgumentHelp("markdown, html, text, rtf or json.", valueName: "FORMAT"))
  var format = "markdown"

  @Option(name: .long, help: ArgumentHelp("The markup of the strings in --format json.", valueName: "FORMAT"))
  var markup = "markdown"

  @Option(
    name: .long,
    help: ArgumentHelp("List a work without citing it (repeatable); '*' lists every work.", valueName: "KEY"))
  var nocite: [String] = []

  @Flag(name: .customLong("allow-missing"), help: "Unknown keys are warnings; the text shows (key?).")
  var allowMissing = false

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Write the output to OUT instead of stdout.", valueName: "OUT"))
  var output: String?

  func validate() throws {
    if format.lowercased() != "json" && ManuscriptFormat(name: format) == nil {
      throw ValidationError("unknown format '\(format)' (use markdown, html, text, rtf or json)")
    }
    if ManuscriptFormat(name: markup) == nil {
      throw ValidationError("unknown markup '\(markup)' (use markdown, html, text or rtf)")
    }
  }

  func run() throws {
    guard !bibliographies.isEmpty else {
      Report.error("error: no bibliography: give the cited works with --bibliography FILE")
      throw ExitCode(ExitStatus.failure)
    }
    let text = try readManuscript()
    let input = try InputFiles(paths: bibliographies)
    Report.diagnostics(input.diagnostics)
    guard !input.references.isEmpty else {
      Report.error(
        "\(bibliographies.joined(separator: ", ")): error: the bibliography is empty: no references to cite")
      throw ExitCode(ExitStatus.failure)
    }
    let processor = try styleArguments.makeProcessor()
    let json = format.lowercased() == "json"
    let chosen = ManuscriptFormat(name: json ? markup : format) ?? .markdown
    let name = manuscript == "-" ? "<stdin>" : manuscript
    let result = Manuscript(text: text, file: name).render(
      processor: processor, references: input.references,
      options: ManuscriptOptions(format: chosen, nocite: nocite, allowMissing: allowMissing))
    Report.diagnostics(result.diagnostics)
    if result.hasErrors && !json {
      Report.error(
        "\(name): error: not written: \(result.diagnostics.filter { $0.severity == .error }.count) error(s)")
      throw ExitCode(ExitStatus.inputErrors)
    }
    try write(json ? result.json() : result.document)
    if result.hasErrors || input.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }

  private func readManuscript() throws -> String {
    let data: Data
    if manuscript == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: manuscript) else {
        throw ValidationError("\(manuscript): cannot read the file")
      }
      data = contents
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ValidationError("\(manuscript): the manuscript is not UTF-8 text")
    }
    return text
  }

  private func write(_ text: String) throws {
    guard let output else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output))
    } catch {
      Report.error("\(output): error: cannot write the file")
      throw ExitCode(ExitStatus.failure)
    }
  }
}
