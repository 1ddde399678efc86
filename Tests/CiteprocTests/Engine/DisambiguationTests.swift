import CiteprocData
import Testing

@testable import Citeproc

/// Disambiguation of cites, checked against outputs worked out from the CSL specification.
@Suite(.enabled(if: TestPaths.sharedExists, "../shared is absent: locales not available"))
struct DisambiguationTests {
  /// A style whose citation prints the author names and the year, with `options` on
  /// `cs:citation` and `name` as the attributes of `cs:name`.
  private func style(_ options: String, name: String = "form=\"short\"", extra: String = "") -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation \(options)>
        <layout delimiter="; ">
          <group delimiter=" ">
            <names variable="author"><name \(name) delimiter=", " and="symbol"/></names>
            <date variable="issued"><date-part name="year"/></date>
            \(extra)
          </group>
        </layout>
      </citation>
    </style>
    """
  }

  private func book(_ id: String, _ authors: [(String, String)], year: Int = 2000, title: String = "Title")
    -> Reference
  {
    Reference(
      id: id, type: "book", fields: ["title": title],
      names: ["author": authors.map { Name(family: $0.0, given: $0.1) }],
      dates: ["issued": CSLDate(year: year)])
  }

  private func cite(_ xml: String, _ references: [Reference]) throws -> String {
    let loaded = try StyleLoader().load(xml: xml, file: "test.csl")
    let (locale, _) = LocaleLoader(directory: TestPaths.sharedPath("csl-locales")).locale(for: loaded.style)
    let processor = Processor(style: loaded.style, locale: locale)
    let rendered = processor.citation(references.map { CiteItem(id: $0.id) }, references: references)
    return PlainTextFormatForTests().string(for: rendered)
  }

  @Test func yearSuffixLettersContinuePastZ() {
    #expect(Disambiguator.yearSuffix(0) == "a")
    #expect(Disambiguator.yearSuffix(25) == "z")
    #expect(Disambiguator.yearSuffix(26) == "aa")
    #expect(Disambiguator.yearSuffix(27) == "ab")
    #expect(Disambiguator.yearSuffix(51) == "az")
    #expect(Disambiguator.yearSuffix(52) == "ba")
  }

  @Test func yearSuffixOnlyForIdenticalCites() throws {
    let refs = [
      book("a", [("Doe", "John")]), book("b", [("Doe", "John")]), book("c", [("Roe", "Jane")]),
    ]
    let out = try cite(style("disambiguate-add-year-suffix=\"true\""), refs)
    #expect(out == "Doe 2000a; Doe 2000b; Roe 2000")
  }

  @Test func addNamesShowsHiddenNamesUntilCitesDiffer() throws {
    let refs = [
      book("a", [("Smith", "J"), ("Brown", "J"), ("Jones", "J")]),
      book("b", [("Smith", "J"), ("Beefheart", "C"), ("Jones", "J")]),
    ]
    let options = "et-al-min=\"3\" et-al-use-first=\"1\" disambiguate-add-names=\"true\""
    let out = try cite(style(options), refs)
    #expect(out == "Smith, Brown, et al. 2000; Smith, Beefheart, et al. 2000")
  }

  /// Each ambiguous set starts from the name lists of its own cites (the first grouping keeps
  /// them): the first set has hidden names to add, the second none.
  @Test func eachSetStartsFromItsOwnNameLists() throws {
    let refs = [
      book("a", [("Smith", "J"), ("Brown", "J"), ("Jones", "J")]),
      book("b", [("Smith", "J"), ("Beefheart", "C"), ("Jones", "J")]),
      book("c", [("Smith", "A")], year: 2001), book("d", [("Smith", "B")], year: 2001),
    ]
    let options = "et-al-min=\"3\" et-al-use-first=\"1\" disambiguate-add-names=\"true\""
    let out = try cite(style(options), refs)
    #expect(out == "Smith, Brown, et al. 2000; Smith, Beefheart, et al. 2000; Smith 2001; Smith 2001")
  }

  @Test func addNamesThatCannotHelpAreNotKept() throws {
    let refs = [
      book("a", [("Smith", "J"), ("Brown", "J"), ("Jones", "J")]),
      book("b", [("Smith", "J"), ("Brown", "J"), ("Jones", "J")]),
    ]
    let options =
      "et-al-min=\"3\" et-al-use-first=\"1\" disambiguate-add-names=\"true\" disambiguate-add-year-suffix=\"true\""
    let out = try cite(style(options), refs)
    #expect(out == "Smith et al. 2000a; Smith et al. 2000b")
  }

  @Test func byCiteExpandsOnlyAmbiguousCites() throws {
    let refs = [
      book("a", [("Doe", "John")]), book("b", [("Doe", "Jane")]), book("c", [("Doe", "Adam")], year: 1999),
    ]
    let options = "disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"by-cite\""
    // Initials ("J. Doe") do not tell John from Jane; the full given name does. The 1999 cite
    // is not ambiguous and stays as styled.
    let out = try cite(style(options, name: "form=\"short\" initialize-with=\". \""), refs)
    #expect(out == "John Doe 2000; Jane Doe 2000; Doe 1999")
  }

  @Test func byCiteStopsAtInitialsWhenTheyDiffer() throws {
    let refs = [book("a", [("Doe", "John")]), book("b", [("Doe", "Adam")])]
    let options = "disambiguate-add-givenname=\"true\""
    let out = try cite(style(options, name: "form=\"short\" initialize-with=\". \""), refs)
    #expect(out == "J. Doe 2000; A. Doe 2000")
  }

  @Test func allNamesExpandsAmbiguousNamesInUnambiguousCites() throws {
    let refs = [book("a", [("Doe", "John")], year: 1950), book("b", [("Doe", "Jane")], year: 2000)]
    let options = "disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"all-names\""
    #expect(try cite(style(options), refs) == "John Doe 1950; Jane Doe 2000")
  }

  @Test func allNamesWithInitialsNeverShowsFullGivenNames() throws {
    let refs = [
      book("a", [("Doe", "John")], year: 1950), book("b", [("Doe", "Jane")], year: 2000),
      book("c", [("Doe", "Adam")], year: 2001),
    ]
    let options =
      "disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"all-names-with-initials\""
    let out = try cite(style(options, name: "form=\"short\" initialize-with=\". \""), refs)
    #expect(out == "J. Doe 1950; J. Doe 2000; A. Doe 2001")
  }

  @Test func primaryNameLeavesLaterNamesAlone() throws {
    let refs = [
      book("a", [("Doe", "John"), ("Roe", "Ann")], year: 1950),
      book("b", [("Doe", "Jane"), ("Roe", "Bob")], year: 2000),
    ]
    let options = "disambiguate-add-givenname=\"true\" givenname-disambiguation-rule=\"primary-name\""
    #expect(try cite(style(options), refs) == "John Doe & Roe 1950; Jane Doe & Roe 2000")
  }

  @Test func disambiguateConditionComesBeforeYearSuffix() throws {
    let refs = [
      book("a", [("Doe", "John")], title: "One"), book("b", [("Doe", "John")], title: "Two"),
      book("c", [("Doe", "John")], title: "Two"),
    ]
    let extra = "<choose><if disambiguate=\"true\"><text variable=\"title\"/></if></choose>"
    let out = try cite(style("disambiguate-add-year-suffix=\"true\"", extra: extra), refs)
    #expect(out == "Doe 2000 One; Doe 2000a Two; Doe 2000b Two")
  }

  @Test func disambiguateTestsHoldOneAtATime() throws {
    // The first test shows the title, the second the publisher: the title tells the first two
    // apart, and only the two with the same title go on to the publisher.
    let extra = """
      <choose><if disambiguate="true"><text variable="title"/></if></choose>
      <choose><if disambiguate="true"><text variable="publisher"/></if></choose>
      """
    var refs = [
      book("a", [("Roe", "Ann")], title: "Maps"), book("b", [("Roe", "Ann")], title: "Roads"),
      book("c", [("Roe", "Ann")], title: "Tides"), book("d", [("Roe", "Ann")], title: "Tides"),
    ]
    refs[2].fields["publisher"] = "Penguin"
    refs[3].fields["publisher"] = "Faber"
    let out = try cite(style("", extra: extra), refs)
    #expect(out == "Roe 2000 Maps; Roe 2000 Roads; Roe 2000 Tides Penguin; Roe 2000 Tides Faber")
    // Items that no round can tell apart keep every test switched on.
    refs[3].fields["publisher"] = "Penguin"
    #expect(
      try cite(style("", extra: extra), refs)
        == "Roe 2000 Maps; Roe 2000 Roads; Roe 2000 Tides Penguin; Roe 2000 Tides Penguin")
  }

  @Test func setsThatMakeNoMoreTestsKeepTheirStatesThroughTheRounds() throws {
    // Only books reach the two tests. The chapters make none: no round changes their cites,
    // they stay ambiguous and take year-suffixes. The books make two in the first round, of
    // which only the first holds: the second round must still show their publishers.
    let extra = """
      <choose><if type="book">
        <choose><if disambiguate="true"><text variable="title"/></if></choose>
        <choose><if disambiguate="true"><text variable="publisher"/></if></choose>
      </if></choose>
      """
    var refs = [
      book("a", [("Roe", "Ann")], year: 2000, title: "Maps"),
      book("b", [("Roe", "Ann")], year: 2000, title: "Maps"),
      book("c", [("Roe", "Ann")], year: 2001, title: "Tides"),
      book("d", [("Roe", "Ann")], year: 2001, title: "Tides"),
    ]
    refs[0].type = "chapter"
    refs[1].type = "chapter"
    refs[2].fields["publisher"] = "Penguin"
    refs[3].fields["publisher"] = "Faber"
    let out = try cite(style("disambiguate-add-year-suffix=\"true\"", extra: extra), refs)
    #expect(out == "Roe 2000a; Roe 2000b; Roe 2001 Tides Penguin; Roe 2001 Tides Faber")
  }

  @Test func settledSetsEndWithEveryTestHoldingForTheBibliography() throws {
    // The citation makes one test, the bibliography two. The two cites stay the same after the
    // first round, yet the last round has every test hold, and the bibliography shows it.
    let xml = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
        <citation>
          <layout delimiter="; ">
            <group delimiter=" ">
              <names variable="author"><name form="short"/></names>
              <choose><if disambiguate="true"><text variable="title"/></if></choose>
            </group>
          </layout>
        </citation>
        <bibliography>
          <layout>
            <group delimiter=" ">
              <names variable="author"><name form="short"/></names>
              <choose><if disambiguate="true"><text value="first"/></if></choose>
              <choose><if disambiguate="true"><text value="second"/></if></choose>
            </group>
          </layout>
        </bibliography>
      </style>
      """
    let refs = [book("a", [("Roe", "Ann")]), book("b", [("Roe", "Ann")])]
    let loaded = try StyleLoader().load(xml: xml, file: "test.csl")
    let (locale, _) = LocaleLoader(directory: TestPaths.sharedPath("csl-locales")).locale(for: loaded.style)
    let processor = Processor(style: loaded.style, locale: locale)
    let format = PlainTextFormatForTests()
    #expect(
      format.string(for: processor.citation(refs.map { CiteItem(id: $0.id) }, references: refs))
        == "Roe Title; Roe Title")
    #expect(
      processor.bibliography(refs).map { format.string(for: $0.content) } == [
        "Roe first second", "Roe first second",
      ])
  }
}
