import CiteprocData
import Testing

@testable import Citeproc

/// Cite grouping and collapsing, on hand-made cites and through whole citations.
@Suite struct CollapsingTests {
  // MARK: helpers

  private func options(
    _ collapse: CitationSpec.Collapse?, delimiter: String = ", ", group: String? = nil,
    yearSuffix: String? = nil, afterCollapse: String? = nil, inText: Bool = false
  ) -> CiteCollapser.Options {
    CiteCollapser.Options(
      collapse: collapse, layoutDelimiter: delimiter, citeGroupDelimiter: group,
      yearSuffixDelimiter: yearSuffix,
      afterCollapseDelimiter: afterCollapse, inText: inText)
  }

  /// A numeric cite rendering as `text`.
  private func numbered(_ number: Int, _ text: String? = nil, locator: Bool = false) -> CiteCollapser.Cite {
    CiteCollapser.Cite(
      node: .tagged(.citationNumber, .text(text ?? String(number))), names: nil, year: nil, yearSuffix: nil,
      yearSuffixValue: nil, citationNumber: number, hasLocator: locator, hasAffixes: false)
  }

  /// An author-date cite "names year+suffix" (with ", p. 5" when it has a locator).
  private func authorDate(
    _ names: String, _ year: String, _ suffix: String? = nil, locator: Bool = false
  ) -> CiteCollapser.Cite {
    var date: [Node] = [.tagged(.year, .text(year))]
    if let suffix { date.append(.tagged(.yearSuffix, .text(suffix))) }
    var parts: [Node] = [.tagged(.names, .text(names)), .text(" "), .sequence(date)]
    if locator { parts.append(.text(", p. 5")) }
    return CiteCollapser.Cite(
      node: .sequence(parts), names: names, year: year, yearSuffix: suffix.map { Node.text($0) },
      yearSuffixValue: suffix.flatMap(CiteCollapser.suffixValue), citationNumber: nil, hasLocator: locator,
      hasAffixes: false)
  }

  /// What a cite shows once its names are left out (the rest after "names ").
  private func withoutNames(_ cites: [CiteCollapser.Cite]) -> (Int) -> Node {
    { index in
      let text = cites[index].node.plainText
      let names = cites[index].names ?? ""
      return .text(String(text.dropFirst(names.isEmpty ? 0 : names.count + 1)))
    }
  }

  private func joined(_ cites: [CiteCollapser.Cite], _ options: CiteCollapser.Options) -> String {
    CiteCollapser(options: options).join(cites, withoutNames: withoutNames(cites)).plainText
  }

  // MARK: citation numbers

  @Test func runsOfThreeOrMoreNumbersBecomeRanges() {
    let cites = [1, 2, 3, 5, 6, 8, 9, 10].map { numbered($0) }
    #expect(joined(cites, options(.citationNumber)) == "1\u{2013}3, 5, 6, 8\u{2013}10")
  }

  @Test func rangesKeepTheCitesAffixes() {
    let cites = [1, 2, 3].map { numbered($0, "[\($0)]") }
    #expect(joined(cites, options(.citationNumber, delimiter: ",")) == "[1]\u{2013}[3]")
  }

  @Test func aCiteWithALocatorBreaksTheRange() {
    let cites = [numbered(1), numbered(2, "2, p. 5", locator: true), numbered(3), numbered(4), numbered(5)]
    #expect(joined(cites, options(.citationNumber)) == "1, 2, p. 5, 3\u{2013}5")
  }

  @Test func aRepeatedNumberStartsANewRun() {
    let cites = [1, 2, 2, 3, 4].map { numbered($0) }
    #expect(joined(cites, options(.citationNumber, delimiter: ",")) == "1,2,2\u{2013}4")
  }

  @Test func decreasingNumbersDoNotCollapse() {
    let cites = [3, 2, 1].map { numbered($0) }
    #expect(joined(cites, options(.citationNumber)) == "3, 2, 1")
  }

  // MARK: years

  @Test func yearCollapseLeavesOutRepeatedNames() {
    let cites = [authorDate("Smith", "2000"), authorDate("Smith", "2001"), authorDate("Jones", "1999")]
    #expect(joined(cites, options(.year, delimiter: "; ")) == "Smith 2000; 2001; Jones 1999")
  }

  @Test func inTextStylesJoinACollapsedGroupWithACommaByDefault() {
    let cites = [authorDate("Smith", "2000"), authorDate("Smith", "2001"), authorDate("Jones", "1999")]
    #expect(joined(cites, options(.year, delimiter: "; ", inText: true)) == "Smith 2000, 2001; Jones 1999")
  }

  @Test func citeGroupDelimiterJoinsTheGroup() {
    let cites = [authorDate("Smith", "2000"), authorDate("Smith", "2001"), authorDate("Jones", "1999")]
    #expect(joined(cites, options(.year, delimiter: "; ", group: ",")) == "Smith 2000,2001; Jones 1999")
  }

  /// As in citeproc-js, the after-collapse delimiter also separates cites of different authors that
  /// were not collapsed (the specification's example joins "Jones 2000, Brown 2001").
  @Test func afterCollapseDelimiterFollowsAGroup() {
    let cites = [
      authorDate("Doe", "1999"), authorDate("Doe", "2001"), authorDate("Jones", "2000"),
      authorDate("Brown", "2001"),
    ]
    #expect(
      joined(cites, options(.year, afterCollapse: "; ")) == "Doe 1999, 2001; Jones 2000; Brown 2001")
  }

  @Test func afterCollapseDelimiterFollowsACiteWithALocator() {
    let cites = [authorDate("Wong", "1999", locator: true), authorDate("Wong", "2000")]
    #expect(joined(cites, options(.year, afterCollapse: "; ")) == "Wong 1999, p. 5; 2000")
  }

  // MARK: year-suffixes

  @Test func repeatedYearsShowOnlyTheSuffix() {
    let cites = ["a", "b", "c"].map { authorDate("Doe", "2000", $0) } + [authorDate("Doe", "2001")]
    #expect(joined(cites, options(.yearSuffix, yearSuffix: ",")) == "Doe 2000a,b,c, 2001")
  }

  @Test func yearSuffixDelimiterDefaultsToTheLayoutDelimiter() {
    let cites = ["a", "b"].map { authorDate("Doe", "2000", $0) }
    #expect(joined(cites, options(.yearSuffix, delimiter: "; ")) == "Doe 2000a; b")
  }

  @Test func rangedSuffixesCollapseRunsOfThree() {
    let abcd = ["a", "b", "c", "d"].map { authorDate("Doe", "2000", $0) }
    #expect(joined(abcd, options(.yearSuffixRanged, yearSuffix: ",")) == "Doe 2000a\u{2013}d")
    let acde = ["a", "c", "d", "e"].map { authorDate("Doe", "2000", $0) }
    #expect(joined(acde, options(.yearSuffixRanged, yearSuffix: ",")) == "Doe 2000a,c\u{2013}e")
    let abde = ["a", "b", "d", "e"].map { authorDate("Doe", "2000", $0) }
    #expect(joined(abde, options(.yearSuffixRanged, yearSuffix: ",")) == "Doe 2000a,b,d,e")
  }

  @Test func aLocatorStopsSuffixCollapsing() {
    let cites = [
      authorDate("Doe", "2000", "a"), authorDate("Doe", "2000", "b", locator: true),
      authorDate("Doe", "2000", "c"),
    ]
    #expect(joined(cites, options(.yearSuffix, yearSuffix: ",")) == "Doe 2000a, 2000b, p. 5, 2000c")
  }

  @Test func suffixesAfterZContinueWithTwoLetters() {
    #expect(CiteCollapser.suffixValue("a") == 1)
    #expect(CiteCollapser.suffixValue("z") == 26)
    #expect(CiteCollapser.suffixValue("aa") == 27)
    #expect(CiteCollapser.suffixValue("ba") == 53)
    #expect(CiteCollapser.suffixValue("A") == nil)
  }

  // MARK: cite affixes

  @Test func punctuationInCiteAffixesTrimsTheDelimiter() {
    var first = authorDate("Smith", "2000")
    var second = authorDate("Jones", "2001")
    first.suffix = " is one source,"
    #expect(CiteCollapser.adjusted("; ", first, second) == " ")
    first.suffix = ""
    second.prefix = ", and"
    #expect(CiteCollapser.adjusted("; ", first, second) == "")
    second.prefix = "see"
    #expect(CiteCollapser.adjusted("; ", first, second) == "; ")
  }

  // MARK: grouping

  @Test func groupingMovesCitesToTheirFirstAuthor() {
    let names: [String?] = ["Doe", "Smith", "Doe", nil, "Smith"]
    let cites = names.map { name in
      CiteCollapser.Cite(
        node: .text(name ?? "-"), names: name, year: nil, yearSuffix: nil, yearSuffixValue: nil,
        citationNumber: nil, hasLocator: false, hasAffixes: false)
    }
    #expect(CiteCollapser(options: options(.year)).groupedOrder(cites) == [0, 2, 1, 4, 3])
  }

  // MARK: whole citations

  private func citation(_ citationXML: String, _ references: [Reference], clusters: [[String]]) throws
    -> [String]
  {
    try citation(citationXML, references, items: clusters.map { $0.map { CiteItem(id: $0) } })
  }

  private func citation(
    _ citationXML: String, _ references: [Reference], items: [[CiteItem]], styleClass: String = "in-text"
  ) throws -> [String] {
    let xml = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="\(styleClass)" version="1.0">
        <info><id>collapse-test</id><title>Collapse test</title><updated>2024-01-01T00:00:00+00:00</updated></info>
        \(citationXML)
      </style>
      """
    let style = try StyleLoader().load(xml: xml).style
    let processor = Processor(style: style, locale: LocaleLoader().locale(for: style).0)
    let output = processor.render(
      references: references, clusters: items.map { CitationCluster(items: $0) })
    let format = PlainTextFormatForTests()
    return output.citations.map { format.string(for: $0) }
  }

  private func book(_ id: String, _ family: String, _ year: Int) -> Reference {
    Reference(
      id: id, type: "book", names: ["author": [Name(family: family, given: "A.")]],
      dates: ["issued": CSLDate(year: year)])
  }

  @Test func sortedAuthorDateCitationGroupsAndCollapses() throws {
    let out = try citation(
      """
      <citation collapse="year">
        <sort><key variable="issued"/></sort>
        <layout prefix="(" suffix=")" delimiter="; ">
          <group delimiter=" ">
            <names variable="author"><name form="short"/></names>
            <date variable="issued"><date-part name="year"/></date>
          </group>
        </layout>
      </citation>
      """,
      [book("doe99", "Doe", 1999), book("smith02", "Smith", 2002), book("doe06", "Doe", 2006)],
      clusters: [["doe06", "smith02", "doe99"]])
    #expect(out == ["(Doe 1999, 2006; Smith 2002)"])
  }

  @Test func citeGroupDelimiterGroupsUnlessTheStyleTestsPositions() throws {
    let cite = """
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
      """
    func layout(_ body: String) -> String {
      """
      <citation cite-group-delimiter=", ">
        <sort><key variable="issued"/></sort>
        <layout delimiter="; ">\(body)</layout>
      </citation>
      """
    }
    let references = [book("doe99", "Doe", 1999), book("smith02", "Smith", 2002), book("doe06", "Doe", 2006)]
    let items = [["doe06", "smith02", "doe99"].map { CiteItem(id: $0) }]
    let grouped = try citation(layout(cite), references, items: items, styleClass: "note")
    #expect(grouped == ["Doe 1999, Doe 2006; Smith 2002"])
    let positional = """
      <choose><if position="ibid"><text term="ibid"/></if><else>\(cite)</else></choose>
      """
    let ungrouped = try citation(layout(positional), references, items: items, styleClass: "note")
    #expect(ungrouped == ["Doe 1999; Smith 2002; Doe 2006"])
  }

  @Test func aSuppressedAuthorTakesItsDelimiterAlong() throws {
    let out = try citation(
      """
      <citation>
        <layout prefix="(" suffix=")" delimiter="; ">
          <group delimiter=" ">
            <names variable="author"><name form="short"/></names>
            <date variable="issued"><date-part name="year"/></date>
          </group>
        </layout>
      </citation>
      """,
      [book("doe00", "Doe", 2000)], items: [[CiteItem(id: "doe00", suppressAuthor: true)]])
    #expect(out == ["(2000)"])
  }

  @Test func numericCitationCollapsesRanges() throws {
    let refs = ["a", "b", "c", "d", "e"].map { book($0, $0.uppercased(), 2000) }
    let out = try citation(
      """
      <citation collapse="citation-number">
        <sort><key variable="citation-number"/></sort>
        <layout prefix="[" suffix="]" delimiter=",">
          <text variable="citation-number"/>
        </layout>
      </citation>
      """,
      refs, clusters: [["a", "b", "c", "d", "e"], ["e", "c", "a", "b"]])
    #expect(out == ["[1\u{2013}5]", "[1\u{2013}3,5]"])
  }
}
