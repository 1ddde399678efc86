import Foundation

/// Where the official suite lives: `../shared/csl-test-suite/processor-tests/humans`, found from this
/// file's path.
enum SuitePaths {
  static let humans: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CSLTestSuiteTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .deletingLastPathComponent()
    .appendingPathComponent("shared/csl-test-suite/processor-tests/humans").path

  /// True when the suite is present; prints why a test is skipped otherwise.
  static func available() -> Bool {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: humans, isDirectory: &isDirectory), isDirectory.boolValue {
      return true
    }
    print("skipped: the CSL test suite is not available at \(humans)")
    return false
  }

  static func fixture(_ relativePath: String) -> String { humans + "/" + relativePath }

  /// The locales next to the suite in `../shared`.
  static let locales: String = URL(fileURLWithPath: humans)
    .deletingLastPathComponent()  // processor-tests
    .deletingLastPathComponent()  // csl-test-suite
    .deletingLastPathComponent()  // shared
    .appendingPathComponent("csl-locales").path
}
