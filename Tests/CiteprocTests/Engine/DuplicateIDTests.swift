import CiteprocData
import Testing

@testable import Citeproc

/// References that share an id: the later one is used, once, with a warning.
struct DuplicateIDTests {
  private func processor() throws -> Processor {
    let loaded = try StyleLoader().load(
      xml: """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
          <citation><layout><text variable="title"/></layout></citation>
          <bibliography><layout><text variable="title"/></layout></bibliography>
        </style>
        """)
    return Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
  }

  private static func reference(_ id: String, _ title: String) -> Reference {
    Reference(id: id, type: "book", fields: ["title": title])
  }

  @Test func theLaterReferenceIsUsedOnce() throws {
    let references = [
      Self.reference("a", "First A"), Self.reference("b", "Only B"), Self.reference("a", "Second A"),
    ]
    let output = try processor().render(references: references, clusters: [])
    let titles = output.bibliography.map { PlainTextFormat().string(for: $0.content) }
    #expect(titles == ["Only B", "Second A"])
    #expect(output.warnings.map(\.message) == ["two records have the id 'a'; the later one is used"])
  }

  @Test func distinctIDsAreAllRegisteredInOrder() throws {
    let references = (1...5).map { Self.reference("r\($0)", "Title \($0)") }
    let output = try processor().render(references: references, clusters: [])
    #expect(output.bibliography.map(\.id) == ["r1", "r2", "r3", "r4", "r5"])
    #expect(output.warnings.isEmpty)
  }
}
