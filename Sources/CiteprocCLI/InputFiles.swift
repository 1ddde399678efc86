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
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard exists, !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path),
          let opened = FileHandle(forReadingAtPath: path)
        else {
          let reason =
            !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot read the file"
          Report.error("\(path): error: \(reason)")
          throw ExitCode(ExitStatus.failure)
        }
        handle = opened
      }
      defer { if path != "-" { try? handle.close() } }
      // RIS is read in chunks, so a large file is never in memory whole; the format is decided on
      // the first chunk.
      let chunkSize = 1024 * 1024
      var chunks = FileChunks(handle, size: chunkSize)
      var first: [UInt8]? = chunks.next() ?? []
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
          return chunks.next()
        }
        add(result.references)
        diagnostics += result.allDiagnostics
        if let failure = chunks.failure(file: name) { diagnostics.append(failure) }
        rejectedCount += result.rejected.count
        continue
      }
      var bytes = first ?? []
      bytes += chunks.rest()
      if let failure = chunks.failure(file: name) { diagnostics.append(failure) }
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
