import CiteprocData
import CiteprocReaders
import Foundation
import Testing

/// The user's own record, clean and with its line breaks collapsed (Fixtures/seed*.ris).
@Suite struct RISSeedTests {
  private func read(_ name: String) -> ReadResult {
    let url = TestSupport.fixtures.appendingPathComponent(name)
    return RISReader().read(TestSupport.bytes(url), file: name)
  }

  @Test func cleanSeedHasTheExpectedValues() throws {
    let result = read("seed.ris")
    #expect(result.allDiagnostics.isEmpty)
    try #require(result.references.count == 1)
    let reference = result.references[0]
    #expect(reference.id == "cocksedge2011")
    #expect(reference.type == "article-journal")
    #expect(
      reference.fields["title"]
        == "Holding relationships in primary care: a qualitative exploration of doctors' and patients' perceptions"
    )
    #expect(reference.fields["container-title"] == "British Journal of General Practice")
    #expect(reference.fields["container-title-short"] == "Br J Gen Pract")
    #expect(reference.fields["page"] == "e484-e491")
    #expect(reference.fields["DOI"] == "10.3399/bjgp11X588457")
    #expect(reference.fields["volume"] == "61")
    #expect(reference.fields["issue"] == "589")
    #expect(reference.fields["URL"] == "http://bjgp.org/content/61/589/e484.abstract")
    #expect(
      reference.fields["abstract"]?.hasPrefix("Background Ongoing doctor-patient relationships") == true)
    #expect(reference.fields["abstract"]?.hasSuffix("chronic and complex health problems.") == true)
    #expect(reference.dates["issued"] == CSLDate(year: 2011, month: 8, day: 1))
    #expect(
      reference.names["author"] == [
        Name(family: "Cocksedge", given: "Simon"), Name(family: "Greenfield", given: "Rebecca"),
        Name(family: "Nugent", given: "G Kelly"), Name(family: "Chew-Graham", given: "Carolyn"),
      ])
  }

  @Test func collapsedSeedReadsToTheSameReferenceWithAWarning() throws {
    let clean = read("seed.ris")
    let collapsed = read("seed-collapsed.ris")
    try #require(collapsed.references.count == 1)
    #expect(collapsed.references == clean.references)
    #expect(collapsed.rejected.isEmpty)
    #expect(collapsed.diagnostics.count == 1)
    let warning = try #require(collapsed.diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.line == 1)
    #expect(warning.message.contains("single line"))
    #expect(warning.description.hasPrefix("seed-collapsed.ris:1: warning: "))
  }
}
