import CiteprocData
import Testing

@testable import Citeproc

/// Bibliographies rendered a batch of references at a time.
struct BatchedBibliographyTests {
  func processor(_ style: String) throws -> Processor {
    let loaded = try StyleLoader().load(style)
    return Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
  }

  func processor(xml: String) throws -> Processor {
    let loaded = try StyleLoader().load(xml: xml)
    return Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
  }

  static let references: [Reference] = (1...7).map { number in
    var reference = seedReference
    reference.id = "item\(number)"
    reference.fields["title"] = "Study number \(number)"
    if number == 4 { reference.names = [:] }
    if number == 6 { reference.fields = ["note": "nothing a style prints"] }
    return reference
  }

  static func style(bibliography: String, citation: String = "") -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation \(citation)><layout><text variable="title"/></layout></citation>
      <bibliography \(bibliography)><layout><text variable="title"/></layout></bibliography>
    </style>
    """
  }

  @Test func whichStylesRenderInBatches() throws {
    #expect(try processor("vancouver").rendersBibliographyInBatches)
    #expect(try processor("bjgp").rendersBibliographyInBatches)
    // Sorted by author, with year-suffixes.
    #expect(try !processor("harvard").rendersBibliographyInBatches)
    #expect(try processor(xml: Self.style(bibliography: "")).rendersBibliographyInBatches)
    #expect(
      try !processor(xml: Self.style(bibliography: "subsequent-author-substitute=\"---\""))
        .rendersBibliographyInBatches
    )
    #expect(
      try !processor(xml: Self.style(bibliography: "", citation: "disambiguate-add-names=\"true\""))
        .rendersBibliographyInBatches)
  }

  @Test func batchesContinueTheNumbering() throws {
    for name in ["vancouver", "bjgp"] {
      let processor = try processor(name)
      let whole = processor.bibliography(Self.references)
      for split in [1, 3, 6] {
        let first = processor.bibliography(Array(Self.references[..<split]), firstCitationNumber: 1)
        let rest = processor.bibliography(Array(Self.references[split...]), firstCitationNumber: split + 1)
        #expect(first + rest == whole, "\(name), split at \(split)")
        // Handed over in batches, the continuing part is the same.
        var handed: [BibliographyEntry] = []
        _ = processor.bibliography(Array(Self.references[split...]), firstCitationNumber: split + 1) {
          handed += $0
        }
        #expect(handed == rest, "\(name), split at \(split), in batches")
      }
      // The numbers really are the positions: the fifth entry of vancouver starts with "5.".
      if name == "vancouver" {
        let fifth = processor.bibliography(Array(Self.references[4...]), firstCitationNumber: 5)
        #expect(PlainTextFormat().string(for: fifth[0].content).hasPrefix("5. "))
      }
    }
  }

  /// A sorted bibliography handed over a batch at a time is the whole bibliography, in order.
  @Test func sortedBibliographyHandedOverInBatches() throws {
    let processor = try processor("harvard")
    // More references than one batch holds, in the reverse of their sorted order.
    let count = 5_000
    let references: [Reference] = (0..<count).map { number in
      var reference = seedReference
      reference.id = "item\(number)"
      reference.names["author"] = [
        Name(family: "Author\(String(count - number).leftPadded(to: 5))", given: "A")
      ]
      return reference
    }
    var batches: [[BibliographyEntry]] = []
    let warnings = processor.bibliography(references) { batches.append($0) }
    let whole = processor.bibliography(references)
    #expect(warnings.isEmpty)
    #expect(batches.count >= 2)
    #expect(batches.allSatisfy { !$0.isEmpty })
    #expect(Array(batches.joined()) == whole)
    #expect(whole.count == count)
    // Sorted: the last reference (Author00001) comes first.
    #expect(whole.first?.id == "item\(count - 1)")
  }

  /// An entry that prints nothing is left out of the batches, with a warning.
  @Test func batchesReportEntriesThatPrintNothing() throws {
    let processor = try processor(xml: Self.style(bibliography: ""))
    var ids: [String] = []
    let warnings = processor.bibliography(Self.references) { ids += $0.map(\.id) }
    #expect(ids == ["item1", "item2", "item3", "item4", "item5", "item7"])
    #expect(warnings.map(\.message) == ["'item6' prints nothing in this style's bibliography"])
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
