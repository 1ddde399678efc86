import CSLTestSuite
import Citeproc
import CiteprocData
import Testing

/// Formatting references trimmed to the variables a style reads gives the same output as
/// formatting them whole, on every fixture of the official suite whose references trimming
/// changes (skipped with a message when the suite is absent).
@Suite struct TrimmedReferencesTests {
  @Test func everyTrimmedFixtureFormatsTheSame() throws {
    guard SuitePaths.available() else { return }
    let whole = FixtureRunner(localesDirectory: SuitePaths.locales)
    let trimmed = FixtureRunner(localesDirectory: SuitePaths.locales, trimsReferences: true)
    var compared: [String] = []
    for path in FixtureParser.fixturePaths(under: SuitePaths.humans) {
      let fixture = try FixtureParser.load(path: path)
      guard let style = try? StyleLoader().load(xml: fixture.csl).style else { continue }
      let (locale, _) = LocaleLoader(directory: SuitePaths.locales).locale(for: style)
      let trimmer = Processor(style: style, locale: locale).referenceTrimmer
      guard fixture.input.contains(where: { trimmer.trimmed($0) != $0 }) else { continue }
      #expect(Self.text(whole.run(fixture)) == Self.text(trimmed.run(fixture)), "\(fixture.name)")
      compared.append(fixture.name)
    }
    // The fixtures keep their records small; these are the ones with variables their style never
    // reads, such as an abstract or an ISSN.
    #expect(compared.count >= 40)
  }

  private static func text(_ result: Result<String, FixtureFailure>) -> String {
    switch result {
    case .success(let output): return output
    case .failure(let failure): return "failure: \(failure.message)"
    }
  }
}
