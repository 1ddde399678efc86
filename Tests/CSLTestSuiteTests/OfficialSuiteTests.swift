import CSLTestSuite
import CiteprocData
import CiteprocReaders
import Testing

/// Reads every fixture of the official suite in `../shared` (skipped with a message when it is absent).
@Suite struct OfficialSuiteTests {
  static func loadAll() throws -> [Fixture] {
    var fixtures: [Fixture] = []
    for path in FixtureParser.fixturePaths(under: SuitePaths.humans) {
      fixtures.append(try FixtureParser.load(path: path))
    }
    return fixtures
  }

  @Test func everyFixtureParses() throws {
    guard SuitePaths.available() else { return }
    let fixtures = try Self.loadAll()
    #expect(fixtures.count == 860)
    // The counts the suite's README gives.
    #expect(fixtures.filter { $0.mode == .citation }.count == 652)
    #expect(fixtures.filter { $0.mode == .bibliography }.count == 208)
    #expect(fixtures.filter { $0.citationItems != nil }.count == 203)
    #expect(fixtures.filter { $0.citations != nil }.count == 46)
    #expect(fixtures.filter { $0.description != nil }.count == 37)
    #expect(fixtures.filter { $0.version != nil }.count == 854)
    #expect(fixtures.filter { $0.version == "1.1-experimental" }.count == 3)
    #expect(!fixtures.contains { $0.citationItems != nil && $0.citations != nil })
    let steps = fixtures.compactMap(\.citations).flatMap { $0 }
    #expect(steps.count == 120)
    // Only one experiment has no INPUT.
    #expect(fixtures.filter(\.input.isEmpty).map(\.name) == ["title_sub-form"])
    // Every cited item exists in its fixture's INPUT.
    for fixture in fixtures {
      let ids = Set(fixture.input.map(\.id))
      let cited =
        (fixture.citationItems ?? []).flatMap { $0 } + (fixture.citations ?? []).flatMap(\.citation.items)
      for cite in cited where !ids.contains(cite.id) {
        Issue.record("\(fixture.name): cites unknown item \(cite.id)")
      }
    }
  }

  @Test func everyInputSurvivesTheWriter() throws {
    guard SuitePaths.available() else { return }
    for fixture in try Self.loadAll() {
      let written = CSLJSONWriter().write(fixture.input)
      let again = CSLJSONReader().read(Array(written.utf8), file: fixture.name)
      #expect(again.rejected.isEmpty)
      #expect(again.references == fixture.input, "\(fixture.name)")
    }
  }

  @Test func envAndUrbIgnoresTheMalformedBlock() throws {
    guard SuitePaths.available() else { return }
    let fixture = try FixtureParser.load(path: SuitePaths.fixture("bugreports_EnvAndUrb.txt"))
    #expect(fixture.mode == .citation)
    #expect(fixture.citationItems == nil)
    #expect(
      fixture.result == """
        >>[0] Baines, T S, O Benedettini and J M Kay, ‘Title One’; Baines, T S, F Gump and J M Kay, ‘Title Two’.
        ..[1] See reference 1, Baines et al.
        >>[2] See reference 1, Baines et al.
        """)
    let steps = try #require(fixture.citations)
    #expect(steps.count == 3)
    #expect(steps[2].citation.citationID == "CITATION-3")
    #expect(steps[2].citation.items == [CiteSpec(id: "ITEM-2")])
    #expect(steps[2].citation.noteIndex == 3)
    #expect(
      steps[2].citationsPre == [
        CitationPlacement(citationID: "CITATION-1", noteIndex: 1),
        CitationPlacement(citationID: "CITATION-2", noteIndex: 2),
      ])
    #expect(steps[2].citationsPost.isEmpty)
  }

  @Test func parseNamesKeepsInputOrder() throws {
    guard SuitePaths.available() else { return }
    let fixture = try FixtureParser.load(path: SuitePaths.fixture("name_ParseNames.txt"))
    #expect(fixture.input.map(\.id) == ["ITEM-3", "ITEM-1", "ITEM-2"])
    #expect(
      fixture.input.map { $0.names["author"] ?? [] } == [
        [Name(family: "Vlist", given: "Eric", nonDroppingParticle: "van der")],
        [Name(family: "Gogh", given: "Vincent", nonDroppingParticle: "van")],
        [Name(family: "Humboldt", given: "Alexander", droppingParticle: "von")],
      ])
    #expect(fixture.result == "van Gogh, Vincent; Humboldt, Alexander von; van der Vlist, Eric")
    #expect(fixture.version == "1.0")
    #expect(fixture.csl.hasPrefix("<style"))
    #expect(fixture.csl.hasSuffix("</style>"))
  }

  @Test func citationItemsWithLocatorAndPosition() throws {
    guard SuitePaths.available() else { return }
    let fixture = try FixtureParser.load(path: SuitePaths.fixture("position_IbidWithLocator.txt"))
    #expect(
      fixture.citationItems == [
        [CiteSpec(id: "ITEM-1")],
        [CiteSpec(id: "ITEM-1", locator: "23", label: "page", position: 3)],
      ])
    let nearNote = try FixtureParser.load(path: SuitePaths.fixture("position_NearNoteFalse.txt"))
    #expect(nearNote.citationItems == [[CiteSpec(id: "ITEM-1")]])
    #expect(nearNote.cslLine == 26)
  }

  @Test func byteOrderMarkAndOtherDates() throws {
    guard SuitePaths.available() else { return }
    let bom = try FixtureParser.load(path: SuitePaths.fixture("date_LocalizedDateFormats-pl-PL.txt"))
    #expect(bom.mode == .citation)
    let season = try FixtureParser.load(path: SuitePaths.fixture("date_SeasonRange1.txt"))
    #expect(
      season.input.first?.dates["issued"]
        == CSLDate(start: .init(year: 1999, season: 1), end: .init(year: 2001, season: 2)))
    #expect(season.result == "Spring 1999–Summer 2001")
    let open = try FixtureParser.load(path: SuitePaths.fixture("date_TextFormYeardateYearRangeOpen.txt"))
    #expect(open.input.first?.dates["issued"] == CSLDate(start: .init(year: 1987), end: .init(year: 0)))
    let sort = try FixtureParser.load(path: SuitePaths.fixture("sort_LeadingApostropheOnNameParticle.txt"))
    #expect(sort.mode == .bibliography)
    #expect(sort.input.count == 8)
    #expect(
      sort.result.hasPrefix("<div class=\"csl-bib-body\">\n  <div class=\"csl-entry\">d’Wander, W</div>"))
  }
}
