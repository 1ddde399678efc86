import CSLTestSuite
import Foundation
import Testing

/// Runs the 845 core fixtures of the official suite and compares the set of failures with
/// `Fixtures/csl-suite-known-failures.txt`: a failure not listed there fails the test, and so does a
/// listed fixture that now passes (remove it from the list).
@Suite struct ConformanceRatchetTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Known failures: `name  reason`, one per line; `#` starts a comment.
  static func knownFailures() throws -> [String: String] {
    let path = packageRoot.appendingPathComponent("Fixtures/csl-suite-known-failures.txt").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let parts = trimmed.split(separator: " ", maxSplits: 1)
      let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
      result[String(parts[0])] = reason
    }
    return result
  }

  @Test func everyKnownFailureHasAReason() throws {
    for (name, reason) in try Self.knownFailures() {
      #expect(!reason.isEmpty, "\(name) has no reason in csl-suite-known-failures.txt")
    }
  }

  @Test(.enabled(if: SuitePaths.available(), "../shared/csl-test-suite is absent"))
  func coreFixturesMatchTheRatchet() throws {
    let known = try Self.knownFailures()
    let locales = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/csl-locales")
      .path
    let runner = FixtureRunner(localesDirectory: locales)
    let paths = FixtureParser.fixturePaths(under: SuitePaths.humans).filter {
      !$0.contains("/off-spec/") && !$0.contains("/experiments/")
    }
    #expect(paths.count == 845)
    var failing: Set<String> = []
    for path in paths {
      let fixture = try FixtureParser.load(path: path)
      let actual = try? runner.run(fixture).get()
      if actual != fixture.result { failing.insert(fixture.name) }
    }
    let unexpectedFailures = failing.subtracting(known.keys).sorted()
    let unexpectedPasses = Set(known.keys).subtracting(failing).sorted()
    #expect(unexpectedFailures.isEmpty, "fixtures failing but not listed as known: \(unexpectedFailures)")
    #expect(
      unexpectedPasses.isEmpty, "listed as known failures but now passing (remove them): \(unexpectedPasses)")
    print("CSL suite: \(paths.count - failing.count) of \(paths.count) core fixtures pass")
  }
}
