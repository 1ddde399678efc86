import ArgumentParser
import Citeproc
import CiteprocReaders
import Foundation

/// The bibliography of one large RIS file, read, rendered and written a batch of records at a
/// time, so that memory stays bounded whatever the file's size. Only for styles whose
/// bibliography keeps the order of the records and whose entries do not depend on each other
/// (``Processor/rendersBibliographyInBatches``); the output is the same as rendering all the
/// records at once.
struct StreamedBibliography {
  let path: String
  let processor: Processor
  let format: any StreamingOutputFormat

  /// Files smaller than this are read whole: streaming pays from a few thousand records on (at 10k
  /// records it holds a third of the memory).
  static let threshold = 1024 * 1024

  /// How much of the file is read at a time: about a thousand records, handed over as one batch.
  /// Up to three batches are alive at once (one read, one waiting, one rendered).
  static let chunkSize = 512 * 1024

  /// Whether `path` is a regular file (or a link to one) large enough to stream whose content
  /// starts as RIS.
  static func applies(to path: String) -> Bool {
    var status = stat()
    guard path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      Int(status.st_size) >= threshold,
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    return InputDetection.detect(Array(handle.readData(ofLength: 1 << 20))) == .ris
  }

  /// Writes the bibliography and reports the records that could not be read; throws the exit
  /// status when some could not (1) or none could (2).
  ///
  /// The file is read on a thread of its own, a batch or two ahead of the rendering, so that the
  /// steps of each that use one core overlap with the other.
  func run() throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      Report.error("\(path): error: cannot read the file")
      throw ExitCode(ExitStatus.failure)
    }
    defer { try? handle.close() }
    let handoff = Handoff<[Reference], ReadResult>(capacity: 1)
    let path = path
    let reader = Thread {
      var chunks = FileChunks(handle, size: Self.chunkSize)
      var result = RISReader().read(file: path, chunks: { chunks.next() }, batches: { handoff.put($0) })
      if let failure = chunks.failure(file: path) { result.diagnostics.append(failure) }
      handoff.finish(result)
    }
    reader.stackSize = 8 * 1024 * 1024
    reader.start()

    var writer = BibliographyWriter(format: format, layout: processor.bibliographyLayout)
    var written = 0
    var result = ReadResult()
    reading: while true {
      switch handoff.take() {
      case .value(let references):
        let warnings = processor.bibliography(references, firstCitationNumber: written + 1) {
          writer.write($0)
        }
        Report.diagnostics(warnings)
        written += references.count
      case .finished(let read):
        result = read
        break reading
      }
    }
    Report.diagnostics(result.allDiagnostics)
    guard written > 0 else {
      Report.error("error: no records to format")
      throw ExitCode(ExitStatus.failure)
    }
    writer.close()
    if result.allDiagnostics.contains(where: { $0.severity == .error }) {
      throw ExitCode(ExitStatus.inputErrors)
    }
  }
}
