import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

/// Exit codes: 0 success; 1 input problems (some records were reported, output is partial);
/// 2 usage errors and failures that stop all output (unreadable style, no input).
enum ExitStatus {
  static let inputErrors: Int32 = 1
  static let failure: Int32 = 2
}

struct CiteprocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "citeproc",
    abstract: "Format references with Citation Style Language (CSL 1.0.2) styles.",
    discussion: """
      Reads RIS or CSL-JSON (detected from the content) and prints a bibliography or citation \
      with a built-in style (vancouver, harvard, bjgp) or any CSL style file.

      Exit status: 0 on success; 1 when some input records could not be read (they are reported \
      on stderr and the rest is printed); 2 on usage errors or when nothing can be printed.
      """,
    subcommands: [
      FormatCommand.self, CiteCommand.self, KeysCommand.self, ConvertCommand.self, CheckCommand.self,
      StylesCommand.self,
    ],
    defaultSubcommand: nil
  )
}

/// Prints diagnostics the way compilers do, on stderr.
enum Report {
  static func diagnostics(_ list: [Diagnostic]) {
    for diagnostic in list { error(diagnostic.description) }
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  static func output(_ text: String) {
    write(text)
    if !text.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
  }

  /// Writes `text` to standard output as it is.
  static func write(_ text: String) {
    // Written in slices, without copying the whole text (a bibliography can be large).
    let utf8 = text.utf8
    var start = utf8.startIndex
    while start != utf8.endIndex {
      let end = utf8.index(start, offsetBy: 1 << 20, limitedBy: utf8.endIndex) ?? utf8.endIndex
      FileHandle.standardOutput.write(Data(utf8[start..<end]))
      start = end
    }
  }
}

@main
enum Main {
  static func main() {
    do {
      var command = try CiteprocCommand.parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      let code = CiteprocCommand.exitCode(for: error)
      if code == .success {
        CiteprocCommand.exit(withError: error)
      }
      FileHandle.standardError.write(Data((CiteprocCommand.fullMessage(for: error) + "\n").utf8))
      exit(
        code == .failure
          ? ExitStatus.failure : (code.rawValue == 1 ? ExitStatus.inputErrors : ExitStatus.failure))
    }
  }
}
