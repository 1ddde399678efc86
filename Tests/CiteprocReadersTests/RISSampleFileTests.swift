import CiteprocData
import CiteprocReaders
import Foundation
import Testing

/// The real-world files in `../shared/ris-samples`. When that folder is absent the suite is disabled
/// (Swift Testing then reports it as skipped with the comment below), so nothing passes silently.
@Suite(
  .enabled(
    if: TestSupport.hasRISSamples,
    "../shared/ris-samples is not present next to the package; the sample-file tests are skipped"))
struct RISSampleFileTests {
  /// `TY` tag lines counted independently of the reader: a regular expression over the decoded lines.
  static func countTYLines(_ bytes: [UInt8]) -> Int {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    return lines.filter { $0.firstMatch(of: /^TY[ \t]{1,3}-([ \t]|$)/) != nil }.count
  }

  @Test func everySampleIsReadAndEveryRecordAccountedFor() throws {
    let files = TestSupport.sampleFiles()
    try #require(files.count >= 20, "expected the shared sample files")
    for url in files {
      let bytes = TestSupport.bytes(url)
      let result = RISReader().read(bytes, file: url.lastPathComponent)
      let expected = Self.countTYLines(bytes)
      #expect(expected > 0, "\(url.lastPathComponent) has no TY lines")
      #expect(
        result.references.count + result.rejected.count == expected,
        "\(url.lastPathComponent): \(result.references.count) + \(result.rejected.count) != \(expected)")
      #expect(result.rejected.allSatisfy { $0.severity == .error && $0.line != nil })
      #expect(Set(result.references.map(\.id)).count == result.references.count, "ids must be unique")
      print(
        "\(url.lastPathComponent): returned \(result.references.count), rejected \(result.rejected.count), TY \(expected)"
      )
    }
  }

  private func reference(_ file: String, _ index: Int = 0) throws -> Reference {
    let result = TestSupport.readSample(file)
    try #require(result.references.count > index)
    return result.references[index]
  }

  @Test func embaseFamilyThenInitials() throws {
    let reference = try reference("asreview-embase.ris")
    #expect(
      reference.names["author"]?.map { "\($0.family ?? "")|\($0.given ?? "")" } == ["Liu|R.", "Adler|D.G."])
    #expect(reference.dates["issued"] == CSLDate(year: 2014))
    #expect(reference.fields["page"] == "152-160")
    #expect(reference.fields["DOI"] == "10.4103/2303-9027.138783")
    #expect(reference.fields["container-title"] == "Endoscopic Ultrasound")
    #expect(reference.fields["container-title-short"] == nil)
    #expect(reference.id == "liu2014")
  }

  @Test func pubmedYearMonthWithEmptyDay() throws {
    let reference = try reference("jabref-RisImporterTestDOI.ris")
    #expect(reference.dates["issued"] == CSLDate(year: 2016, month: 1))
    #expect(reference.dates["available-date"] == CSLDate(year: 2016, month: 1, day: 30))
    #expect(reference.fields["container-title"] == "Journal of physical therapy science")
    #expect(reference.fields["container-title-short"] == "J Phys Ther Sci")
    #expect(reference.fields["PMID"] == "26957754")
    #expect(reference.fields["PMCID"] == "PMC4756000")
    #expect(reference.fields["ISSN"] == "0915-5287")
    #expect(reference.fields["page"] == "186-189")
  }

  @Test func webOfScienceMonthDayWithYearInPY() throws {
    let result = TestSupport.readSample("citesource-Search2_4.ris")
    let first = try #require(result.references.first)
    #expect(first.dates["issued"] == CSLDate(year: 2020, month: 1, day: 23))
    #expect(first.names["author"]?.first?.family == "Krauss")
    #expect(first.names["author"]?.first?.given == "K W")
    #expect(first.fields["container-title"] == "ANNALS OF BOTANY")
    let conference = try #require(result.references.first { $0.type == "paper-conference" })
    #expect(conference.names["author"]?.last == .literal("IEEE"))
    #expect(conference.fields["event-title"] == "2015 IEEE Underwater Technology (UT)")
    #expect(conference.fields["container-title"] == "2015 IEEE UNDERWATER TECHNOLOGY (UT)")
    let book = try #require(result.references.first { $0.type == "book" })
    #expect(book.names["editor"]?.first?.given == "J R")
    #expect(book.names["editor"]?.first?.suffix == nil)
  }

  @Test func scienceDirectDOIURLAndSchemeRelativeLink() throws {
    let reference = try reference("jabref-RisImporterTestScience.ris")
    #expect(reference.fields["DOI"] == "10.1016/j.actamat.2016.09.028")
    #expect(reference.fields["URL"] == "https://www.sciencedirect.com/science/article/pii/S1359645416307273")
    #expect(reference.dates["issued"] == CSLDate(year: 2016, month: 12))
    #expect(reference.fields["container-title"] == "Acta Materialia")
    #expect(reference.fields["issue"] == nil)
    #expect(reference.fields["abstract"] == nil)
  }

  @Test func givenFirstNamesAndRangeInSP() throws {
    let reference = try reference("jabref-RisImporterTest3.ris")
    #expect(reference.type == "chapter")
    #expect(
      reference.names["author"]?.map { "\($0.family ?? "")|\($0.given ?? "")" } == [
        "Barata|Catarina", "Celebi|MEmre", "Marques|JorgeS",
      ])
    #expect(reference.fields["page"] == "1-22")
    #expect(reference.fields["DOI"] == "10.1201/b19107-2")
    #expect(reference.fields["container-title"] == "Dermoscopy Image Analysis")
    #expect(reference.fields["collection-title"] == "Digital Imaging and Computer Vision")
  }

  @Test func aipDatePrecedenceAndShortJournal() throws {
    let reference = try reference("jabref-RisImporterTestWithEmptyER.ris")
    #expect(reference.dates["issued"] == CSLDate(year: 2013, month: 7, day: 28))
    #expect(reference.dates["accessed"] == CSLDate(year: 2021, month: 1, day: 24))
    #expect(reference.fields["container-title"] == "The Journal of Chemical Physics")
    #expect(reference.fields["container-title-short"] == "J. Chem. Phys.")
    #expect(reference.names["author"]?.first?.family == "Shi")
    #expect(reference.names["author"]?.first?.given == "Yu")
  }

  @Test func pmcHistoryDatesAreSkipped() throws {
    let reference = try reference("jabref-RisImporterTest6.ris")
    #expect(reference.dates["issued"] == CSLDate(year: 2013, month: 4, day: 18))
    #expect(reference.fields["PMID"] == "23690738")
    #expect(reference.fields["container-title-short"] == "ScientificWorldJournal")
  }

  @Test func wrappedTitleAndAbstract() throws {
    let refman = try reference("zotero-RISjs-test01-refman-journal.ris")
    #expect(refman.fields["title"] == "Blood-brain barrier breach following cortical contusion in the rat")
    #expect(refman.names["author"]?.first?.family == "Baldwin")
    let ads = try reference("customcommander-01.ris")
    #expect(ads.dates["issued"] == CSLDate(year: 1988, month: 3, day: 1))
    #expect(
      ads.fields["abstract"]?.hasPrefix(
        "The zeroth, first, and second spectral moments of the rototranslational collision-induced") == true)
  }

  @Test func proquestDecoratedNumbers() throws {
    let reference = try reference("asreview-proquest.ris")
    #expect(reference.fields["ISSN"] == "0894-9867")
    #expect(reference.fields["DOI"] == "10.1002/jts.22387")
  }

  @Test func secondURLOnUntaggedLineAndOwnIDs() throws {
    let result = TestSupport.readSample("synthesisr-citesource_issue_24-excerpt.ris")
    #expect(result.references.map(\.id) == ["243", "340", "299", "250"])
    #expect(
      result.references.first?.fields["URL"] == "https://app.dimensions.ai/details/publication/pub.1143865007"
    )
  }
}
