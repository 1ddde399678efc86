import Foundation

/// Locates the shared reference data (`../shared` next to the package root) from this file's path.
enum SharedData {
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CiteprocReadersTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// The file's bytes, or nil (with a printed note) when the shared data is absent.
  static func bytes(_ relativePath: String) -> [UInt8]? {
    let url = root.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      print("skipped: \(url.path) is not available")
      return nil
    }
    return [UInt8](data)
  }
}
