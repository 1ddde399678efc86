import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

/// Reads the input files (or stdin) with the reader their content calls for.
struct InputFiles {
  var references: [Reference] = []
  var diagnostics: [Diagnostic] = []
  var rejectedCount = 0

  init(paths: [String]) throws {
    let paths = paths.isEmpty ? ["-"] : paths
    for path in paths {
      let name = path == "-" ? "<stdin>" : path
      let bytes: [UInt8]
      if path == "-" {
        bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
      } else {
        guard let data = FileManager.default.contents(atPath: path) else {
          let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
          Report.error("\(path): error: \(reason)")
          throw ExitCode(ExitStatus.failure)
        }
        bytes = Array(data)
      }
      let result: ReadResult
      switch InputDetection.detect(bytes) {
      case .cslJSON:
        result = CSLJSONReader().read(bytes, file: name)
      case .ris:
        result = RISReader().read(bytes, file: name)
      case nil:
        if let foreign = InputDetection.foreignFormatName(bytes) {
          diagnostics.append(.error("this is \(foreign), not RIS or CSL-JSON", file: name, line: 1))
        } else if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
          diagnostics.append(.error("the input is empty", file: name))
        } else {
          // Let the RIS reader say what it can about unrecognised text.
          let attempt = RISReader().read(bytes, file: name)
          if attempt.recordCount == 0 && attempt.allDiagnostics.isEmpty {
            diagnostics.append(.error("not RIS or CSL-JSON: no records found", file: name, line: 1))
          }
          references += attempt.references
          diagnostics += attempt.allDiagnostics
          rejectedCount += attempt.rejected.count
        }
        continue
      }
      references += result.references
      diagnostics += result.allDiagnostics
      rejectedCount += result.rejected.count
    }
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
