import ArgumentParser
import Citeproc
import CiteprocData
import CiteprocReaders
import Foundation

struct FormatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "format",
    abstract: "Print the bibliography (or one citation) of RIS or CSL-JSON records.",
    discussion: """
      Each FILE may be RIS or CSL-JSON; the format is detected from the content. With no FILE, \
      or with -, records are read from standard input. Records that cannot be read are reported \
      on stderr as file:line messages and the others are printed.

      Examples:
        citeproc format refs.ris --style harvard
        citeproc format refs.json --style path/to/apa.csl --format html
        citeproc format refs.ris --style bjgp --citation
      """)

  @Argument(help: ArgumentHelp("RIS or CSL-JSON files; - for standard input.", valueName: "FILE"))
  var files: [String] = []

  @OptionGroup var styleArguments: StyleArguments

  @Option(name: .long, help: ArgumentHelp("Output format: text, html, rtf or markdown.", valueName: "FORMAT"))
  var format = "text"

  @Flag(name: .long, help: "Print one citation of all records instead of the bibliography.")
  var citation = false

  func validate() throws {
    guard OutputFormats.named(format) != nil else {
      throw ValidationError("unknown format '\(format)' (use text, html, rtf or markdown)")
    }
  }

  func run() throws {
    // A large RIS file is read, rendered and written a batch at a time when the style allows it.
    var made: Processor?
    if !citation, files.count == 1, StreamedBibliography.applies(to: files[0]) {
      let processor = try styleArguments.makeProcessor()
      if processor.rendersBibliographyInBatches,
        let streaming = OutputFormats.named(format) as? any StreamingOutputFormat
      {
        return try StreamedBibliography(path: files[0], processor: processor, format: streaming).run()
      }
      made = processor
    }
    // All references are held at once from here: a large file's are read without the variables
    // the style never reads (an abstract, say), which changes nothing in the output.
    var transform: (@Sendable (Reference) -> Reference)?
    if let trimmer = made?.referenceTrimmer { transform = { trimmer.trimmed($0) } }
    var input = try InputFiles(paths: files, transform: transform)
    // Whatever is left of the references once the output is written is freed on another thread:
    // freeing a large file's records one by one here would only delay the end.
    defer { releaseElsewhere(&input.references) }
    Report.diagnostics(input.diagnostics)
    guard !input.references.isEmpty else {
      Report.error("error: no records to format")
      throw ExitCode(ExitStatus.failure)
    }
    let processor = try made ?? styleArguments.makeProcessor()
    guard let output = OutputFormats.named(format) else { throw ExitCode(ExitStatus.failure) }
    if citation {
      let cites = input.references.map { CiteItem(id: $0.id) }
      Report.output(output.string(for: processor.citation(cites, references: input.references)))
    } else {
      if processor.style.bibliography == nil {
        Report.error("warning: the style has no bibliography; printing citations instead")
        let document = processor.render(
          references: input.references,
          clusters: input.references.map { CitationCluster(items: [CiteItem(id: $0.id)]) })
        Report.output(document.citations.map { output.string(for: $0) }.joined(separator: "\n"))
      } else if let streaming = output as? any StreamingOutputFormat {
        // Written a batch of entries at a time, so the rendered bibliography is never held whole.
        var writer = BibliographyWriter(format: streaming, layout: processor.bibliographyLayout)
        writer.open()
        let warnings = processor.bibliography(input.references) { writer.write($0) }
        writer.close()
        Report.diagnostics(warnings)
      } else {
        let entries = processor.bibliography(input.references)
        Report.output(output.bibliography(entries, layout: processor.bibliographyLayout))
      }
    }
    if input.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Print the records as CSL-JSON: what the readers understood of the input.")

  @Argument(help: ArgumentHelp("RIS or CSL-JSON files; - for standard input.", valueName: "FILE"))
  var files: [String] = []

  func run() throws {
    let input = try InputFiles(paths: files)
    Report.diagnostics(input.diagnostics)
    Report.output(CSLJSONWriter().write(input.references))
    if input.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Compile a style and print its errors and warnings as file:line messages.",
    discussion: "Exits 0 when the style is valid (warnings allowed), 1 otherwise.")

  @Argument(help: ArgumentHelp("A CSL style file (or a built-in style name).", valueName: "STYLE"))
  var style: String

  @Option(
    name: .customLong("styles-dir"),
    help: ArgumentHelp("Where to find the parent of a dependent style.", valueName: "DIR"))
  var stylesDirectory: String?

  func run() throws {
    do {
      let loaded = try StyleLoader(stylesDirectory: stylesDirectory).load(style)
      Report.diagnostics(loaded.warnings)
      let title = loaded.style.info.title ?? style
      Report.output("\(style): ok (\(title))")
    } catch {
      Report.diagnostics(error.diagnostics)
      throw ExitCode(ExitStatus.inputErrors)
    }
  }
}

struct StylesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "styles", abstract: "List the built-in styles.")

  func run() throws {
    let lines = StyleLoader.builtInNames.map { name in
      let title = StyleLoader.builtInTitle(name) ?? ""
      return name.padding(toLength: 12, withPad: " ", startingAt: 0) + title
    }
    Report.output(lines.joined(separator: "\n"))
  }
}
