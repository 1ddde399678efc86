import Citeproc
import CiteprocReaders
import Foundation
import Testing

/// The library example of README.md, line for line (only the file path differs).
@Suite struct ReadmeExampleTests {
  @Test func theExampleRuns() throws {
    let path = TestPaths.packageRoot.appendingPathComponent("Fixtures/seed.ris").path
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let records = RISReader().read(bytes, file: path)                // or CSLJSONReader()
    let style = try StyleLoader().load("harvard").style              // built-in name or a .csl path
    let (locale, _) = LocaleLoader().locale(for: style)              // en-GB for harvard
    let processor = Processor(style: style, locale: locale)
    let entries = processor.bibliography(records.references)
    print(PlainTextFormat().bibliography(entries, layout: processor.bibliographyLayout))
    print(HTMLFormat().string(for: processor.citation([CiteItem(id: "cocksedge2011")], references: records.references)))

    // A Markdown manuscript with pandoc citations: the document, each citation, the entries.
    let manuscript = Manuscript(text: "As @cocksedge2011 found [see @cocksedge2011, p. e486].", file: "paper.md")
    let result = manuscript.render(
      processor: processor, references: records.references, options: ManuscriptOptions(format: .markdown))
    for diagnostic in result.diagnostics { print(diagnostic) }       // file:line:column: error: …
    print(result.document)

    #expect(entries.count == 1)
    #expect(result.diagnostics.isEmpty)
    #expect(
      result.document.hasPrefix(
        "As Cocksedge *et al.* (2011) found (see Cocksedge *et al.*, 2011, p. e486).\n\n# References\n\nCocksedge, S. *et al.* (2011)"
      ))
  }

  /// Every line of the README's example is in the test above, in the same order.
  @Test func theReadmeShowsTheTestedCode() throws {
    let readme = try String(
      contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    guard let start = readme.range(of: "```swift\nimport Citeproc\n"),
      let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex)
    else {
      Issue.record("README.md has no library example")
      return
    }
    let example = readme[start.upperBound..<end.lowerBound].split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let tested = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var cursor = 0
    for line in example where !line.isEmpty && !line.hasPrefix("import ") && !line.hasPrefix("let path =") {
      guard let found = tested[cursor...].firstIndex(of: line) else {
        Issue.record("README line not in the test: \(line)")
        return
      }
      cursor = found + 1
    }
  }
}
