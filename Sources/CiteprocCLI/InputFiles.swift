import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

/// Reads the input files (or stdin) with the reader their content calls for.
struct InputFiles {
  var references: [Reference] = []
  var diagnostics: [Diagnostic] = []
  var rejectedCount = 0

  /// Adds the references of one file; the first file's array is taken as it is, without a copy.
  private mutating func add(_ more: [Reference]) {
    if references.isEmpty { references = more } else { references += more }
  }

  /// Reads `paths`; `transform` is applied to each reference as it is read (to drop what a style
  /// never reads, say).
  init(paths: [String], transform: (@Sendable (Reference) -> Reference)? = nil) throws {
    let reader = RISReader(transform: transform)
    let paths = paths.isEmpty ? ["-"] : paths
    for path in paths {
      let name = path == "-" ? "<stdin>" : path
      let handle: FileHandle
      if path == "-" {
        handle = FileHandle.standardInput
      } else {
        guard FileManager.default.isReadableFile(atPath: path),
          let opened = FileHandle(forReadingAtPath: path)
        else {
          let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
          Report.error("\(path): error: \(reason)")
          throw ExitCode(ExitStatus.failure)
        }
        handle = opened
      }
      defer { if path != "-" { try? handle.close() } }
      // RIS is read in chunks, so a large file is never in memory whole; the format is decided on
      // the first chunk.
      let chunkSize = 8 * 1024 * 1024
      var first: [UInt8]? = Array(handle.readData(ofLength: chunkSize))
      // Text that is neither CSL-JSON nor a known foreign format goes to the RIS reader too, which
      // reports what it finds; a large file of it is read in chunks as well.
      let detected = first.flatMap { InputDetection.detect($0) }
      let unknownAndLarge =
        detected == nil && (first?.count ?? 0) == chunkSize
        && first.flatMap { InputDetection.foreignFormatName($0) } == nil
      if detected == .ris || unknownAndLarge {
        let result = reader.read(file: name) {
          if let chunk = first {
            first = nil
            return chunk
          }
          let data = handle.readData(ofLength: chunkSize)
          return data.isEmpty ? nil : Array(data)
        }
        add(result.references)
        diagnostics += result.allDiagnostics
        rejectedCount += result.rejected.count
        continue
      }
      var bytes = first ?? []
      bytes += Array(handle.readDataToEndOfFile())
      var result: ReadResult
      switch InputDetection.detect(bytes) {
      case .cslJSON:
        result = CSLJSONReader().read(bytes, file: name)
        if let transform { result.references = result.references.map(transform) }
      case .ris:
        result = reader.read(bytes, file: name)
      case nil:
        if let foreign = InputDetection.foreignFormatName(bytes) {
          diagnostics.append(.error("this is \(foreign), not RIS or CSL-JSON", file: name, line: 1))
        } else if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
          diagnostics.append(.error("the input is empty", file: name))
        } else {
          // Let the RIS reader say what it can about unrecognised text.
          let attempt = reader.read(bytes, file: name)
          if attempt.recordCount == 0 && attempt.allDiagnostics.isEmpty {
            diagnostics.append(.error("not RIS or CSL-JSON: no records found", file: name, line: 1))
          }
          add(attempt.references)
          diagnostics += attempt.allDiagnostics
          rejectedCount += attempt.rejected.count
        }
        continue
      }
      add(result.references)
      diagnostics += result.allDiagnostics
      rejectedCount += result.rejected.count
    }
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
