import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List the citation keys of RIS or CSL-JSON records, with a short description of each.",
    discussion: """
      A key is the RIS ID when there is one, otherwise the first author's family name in lower \
      case plus the year (cocksedge2011), with a, b, … on clashes; in CSL-JSON, the id.
      """)

  @Argument(help: ArgumentHelp("RIS or CSL-JSON files; - for standard input.", valueName: "FILE"))
  var files: [String] = []

  func run() throws {
    let input = try InputFiles(paths: files)
    Report.diagnostics(input.diagnostics)
    let width = min(24, input.references.map(\.id.count).max() ?? 0)
    let lines = input.references.map { reference in
      let key =
        reference.id.count < width
        ? reference.id.padding(toLength: width, withPad: " ", startingAt: 0) : reference.id
      return key + "  " + KeyDescription.describe(reference)
    }
    if !lines.isEmpty { Report.output(lines.joined(separator: "\n")) }
    if input.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

/// `Cocksedge et al. (2011) Holding relationships in primary care: a qualitative… [article-journal]`
enum KeyDescription {
  static func describe(_ reference: Reference) -> String {
    var text = ""
    let names = (reference.nameList("author") ?? reference.nameList("editor") ?? []).filter { !$0.isEmpty }
    if let first = names.first {
      func family(_ name: Name) -> String { name.literal ?? name.family ?? name.given ?? "" }
      switch names.count {
      case 1: text = family(first)
      case 2: text = "\(family(first)) & \(family(names[1]))"
      default: text = "\(family(first)) et al."
      }
    }
    if let year = reference.date("issued")?.start?.year { text += (text.isEmpty ? "" : " ") + "(\(year))" }
    if let title = reference.field("title") {
      let clean = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      text += (text.isEmpty ? "" : " ") + (clean.count > 70 ? String(clean.prefix(69)) + "…" : clean)
    }
    return text + (text.isEmpty ? "" : " ") + "[\(reference.type)]"
  }
}
