import CSLTestSuite
import CiteprocData
import CiteprocReaders
import Foundation
import Testing

private let minimal = """
  >>===== MODE =====>>
  bibliography
  <<===== MODE =====<<
  >>===== RESULT =====>>
  <div class="csl-bib-body">
  </div>
  <<===== RESULT =====<<
  >>===== CSL =====>>
  <style/>
  <<===== CSL =====<<
  """

private func parse(_ text: String) throws(Diagnostic) -> Fixture {
  try FixtureParser.parse(Array(text.utf8), name: "test", file: "t.txt")
}

@Suite struct FixtureParserTests {
  @Test func minimalFixture() throws {
    let fixture = try parse(minimal)
    #expect(fixture.mode == .bibliography)
    #expect(fixture.csl == "<style/>")
    #expect(fixture.cslLine == 9)
    #expect(fixture.result == "<div class=\"csl-bib-body\">\n</div>")
    #expect(fixture.input.isEmpty)
    #expect(fixture.citationItems == nil && fixture.citations == nil)
    #expect(fixture.description == nil && fixture.version == nil)
  }

  @Test func citeSpecs() throws {
    let fixture = try parse(
      minimal + """

        >>===== CITATION-ITEMS =====>>
        [
          [{"id": "A", "locator": 12, "label": "page", "prefix": "see ", "suffix": "!",
            "suppress-author": true, "author-only": 0, "position": 3, "near-note": "true"}],
          [{"id": 7}, {"id": "B"}]
        ]
        <<===== CITATION-ITEMS =====<<
        """)
    #expect(
      fixture.citationItems == [
        [
          CiteSpec(
            id: "A", locator: "12", label: "page", prefix: "see ", suffix: "!", suppressAuthor: true,
            authorOnly: false, position: 3, nearNote: true)
        ],
        [CiteSpec(id: "7"), CiteSpec(id: "B")],
      ])
  }

  @Test func citationSteps() throws {
    let fixture = try parse(
      minimal + """

        >>===== CITATIONS =====>>
        [
          [{"citationID": "CITATION-1", "citationItems": [{"id": "ITEM-1"}], "properties": {"noteIndex": 1}}, [], []],
          [{"citationID": "CITATION-2", "citationItems": [{"id": "ITEM-2", "locator": "5"}]},
           [["CITATION-1", 1]], [["CITATION-3", 4]]]
        ]
        <<===== CITATIONS =====<<
        """)
    #expect(
      fixture.citations == [
        CitationStep(
          citation: CitationInsertion(
            citationID: "CITATION-1", items: [CiteSpec(id: "ITEM-1")], noteIndex: 1),
          citationsPre: [], citationsPost: []),
        CitationStep(
          citation: CitationInsertion(
            citationID: "CITATION-2", items: [CiteSpec(id: "ITEM-2", locator: "5")], noteIndex: 0),
          citationsPre: [CitationPlacement(citationID: "CITATION-1", noteIndex: 1)],
          citationsPost: [CitationPlacement(citationID: "CITATION-3", noteIndex: 4)]),
      ])
  }

  @Test func errorsPointIntoTheFixture() {
    #expect(throws: Diagnostic.error("missing section MODE", file: "t.txt")) {
      try parse(">>===== CSL =====>>\n<style/>\n<<===== CSL =====<<")
    }
    #expect(throws: Diagnostic.error("unknown MODE 'citations'", file: "t.txt", line: 2)) {
      try parse(minimal.replacingOccurrences(of: "bibliography", with: "citations"))
    }
    // Line 11 opens INPUT; the bad item is on line 14 of the file.
    let badInput = minimal + "\n>>===== INPUT =====>>\n[\n  {\"id\": \"A\"},\n  3\n]\n<<===== INPUT =====<<"
    #expect(
      throws: Diagnostic.error("a CSL-JSON item must be an object, found a number", file: "t.txt", line: 14)
    ) {
      try parse(badInput)
    }
    let badJSON =
      minimal + "\n>>===== CITATION-ITEMS =====>>\n[\n  [{\"id\": \"A\"}\n]\n<<===== CITATION-ITEMS =====<<"
    #expect(throws: Diagnostic.error("unexpected end of input inside an array", file: "t.txt", line: 14)) {
      try parse(badJSON)
    }
    let badCite =
      minimal
      + "\n>>===== CITATION-ITEMS =====>>\n[[{\"id\": \"A\",\n \"page\": 3}]]\n<<===== CITATION-ITEMS =====<<"
    #expect(throws: Diagnostic.error("unknown cite key 'page'", file: "t.txt", line: 13)) {
      try parse(badCite)
    }
  }
}
