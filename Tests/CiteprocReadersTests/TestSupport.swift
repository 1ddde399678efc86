import CiteprocData
import CiteprocReaders
import Foundation

/// Paths and helpers shared by the reader tests.
enum TestSupport {
  /// The package root, found from this file's path (Tests/CiteprocReadersTests/TestSupport.swift).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The project's own fixtures.
  static let fixtures = packageRoot.appendingPathComponent("Fixtures")

  /// The shared reference data next to the package (`../shared`), when it is present.
  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static let risSamples = shared.appendingPathComponent("ris-samples")

  static var hasRISSamples: Bool {
    FileManager.default.fileExists(atPath: risSamples.path)
  }

  static func sampleFiles() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: risSamples.path)) ?? []
    return names.filter { $0.hasSuffix(".ris") }.sorted().map { risSamples.appendingPathComponent($0) }
  }

  static func bytes(_ url: URL) -> [UInt8] {
    (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
  }

  static func read(_ text: String, file: String = "test.ris") -> ReadResult {
    RISReader().read(Array(text.utf8), file: file)
  }

  static func readSample(_ name: String) -> ReadResult {
    RISReader().read(bytes(risSamples.appendingPathComponent(name)), file: name)
  }

  /// The only reference of a one-record input.
  static func single(_ text: String) -> Reference? {
    let result = read(text)
    return result.references.count == 1 ? result.references[0] : nil
  }
}
