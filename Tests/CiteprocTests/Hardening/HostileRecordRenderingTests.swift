import CiteprocData
import CiteprocReaders
import Foundation
import Testing

@testable import Citeproc

/// Records with extreme data render with every built-in style and output format.
@Suite struct HostileRecordRenderingTests {
  private func renderAll(_ references: [Reference]) throws -> [String] {
    var outputs: [String] = []
    for name in StyleLoader.builtInNames {
      let loaded = try StyleLoader().load(name)
      let processor = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
      let document = processor.render(
        references: references, clusters: references.map { CitationCluster(items: [CiteItem(id: $0.id)]) })
      for format in ["text", "html", "rtf", "markdown"] {
        guard let output = OutputFormats.named(format) else { continue }
        outputs.append(output.bibliography(document.bibliography, layout: processor.bibliographyLayout))
        outputs += document.citations.map { output.string(for: $0) }
      }
    }
    return outputs
  }

  /// The readers take a 10 MB field (CiteprocReadersTests); rendering gets 1 MB here, as title
  /// casing a 10 MB title in a debug build takes several seconds per style.
  @Test func tenThousandAuthorsAndAOneMegabyteTitle() throws {
    let authors = (0..<10_000).map { #"{"family": "Author\#($0)", "given": "Given Name"}"# }
    let json =
      #"[{"id": "big", "type": "article-journal", "author": [\#(authors.joined(separator: ","))], "title": ""#
      + String(repeating: "long title ", count: 100_000) + #"", "issued": {"date-parts": [[2020]]}}]"#
    let references = CSLJSONReader().read(Array(json.utf8), file: "big.json").references
    try #require(references.count == 1)
    let outputs = try renderAll(references)
    #expect(outputs.contains { $0.contains("Author0") })
    #expect(outputs.contains { $0.utf8.count > 1_000_000 })
  }

  @Test func extremeNumbersAndDates() throws {
    let json = """
      [{"id": "a", "type": "book", "title": "T", "edition": "99999999999999999999999", "volume": "-9223372036854775808",
        "issue": "9223372036854775807", "page": "99999999999999999999-1", "number-of-pages": "1e308",
        "issued": {"date-parts": [[99999, 99, 99]]}, "accessed": {"date-parts": [[-99999, 12, 31], [2020, 1, 1]]},
        "author": [{"family": "", "given": ""}, {"literal": ""}, {}]},
       {"id": "b", "type": "chapter", "title": "U", "edition": "4611686018427387904", "page": "ix-mmmmmmmmmmmmmmmm",
        "issued": {"raw": "99999/99/99"}, "original-date": {"date-parts": [["9999999999", "99"]]}}]
      """
    let references = CSLJSONReader().read(Array(json.utf8), file: "extreme.json").references
    try #require(references.count == 2)
    _ = try renderAll(references)
  }

  @Test func romanAndOrdinalNumbersOfHugeValues() throws {
    let xml = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>N</title><id>n</id><updated>2020-01-01T00:00:00+00:00</updated></info>
        <citation><layout><number variable="edition" form="roman"/><number variable="volume" form="long-ordinal"/>
          <number variable="issue" form="ordinal"/><text variable="page"/></layout></citation>
      </style>
      """
    let loaded = try StyleLoader().load(xml: xml)
    let processor = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
    for value in [
      "9223372036854775807", "4611686018427387904", "99999999999", "-1", "0", "1-9223372036854775807",
    ] {
      let reference = Reference(
        id: "r", type: "book", fields: ["edition": value, "volume": value, "issue": value, "page": value])
      let text = PlainTextFormat().string(
        for: processor.citation([CiteItem(id: "r")], references: [reference]))
      #expect(!text.isEmpty)
      #expect(text.utf8.count < 1_000, "\(value): \(text.prefix(100))")
    }
  }
}
