import Testing

@testable import Citeproc

@Suite struct GivennameLevelsTests {
  @Test func readsBackWhatWasSetInBothHomes() {
    var levels = GivennameLevels()
    #expect(levels.isEmpty)
    levels[0] = 1
    levels[31] = 2
    levels[32] = 1  // past the packed positions
    levels[4] = 7  // a level the packed word cannot hold
    #expect(levels[0] == 1)
    #expect(levels[31] == 2)
    #expect(levels[32] == 1)
    #expect(levels[4] == 7)
    #expect(levels[1] == nil)
    #expect(levels[-1] == nil)
    #expect(levels.dictionary == [0: 1, 31: 2, 32: 1, 4: 7])
  }

  @Test func replacingAndRemovingLeaveNoTrace() {
    var levels = GivennameLevels()
    levels[3] = 9  // kept aside
    levels[3] = 2  // moves into the packed word
    #expect(levels[3] == 2)
    #expect(levels.dictionary == [3: 2])
    levels[3] = 1
    #expect(levels[3] == 1)
    levels[3] = nil
    #expect(levels[3] == nil)
    #expect(levels.isEmpty)
    #expect(levels == GivennameLevels())
  }

  @Test func equalPairsCompareEqualWhateverTheOrderOfSetting() {
    var a = GivennameLevels()
    a[2] = 2
    a[40] = 1
    a[5] = 0
    var b = GivennameLevels()
    b[5] = 0
    b[40] = 1
    b[2] = 1
    b[2] = 2
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a.dictionary == [2: 2, 40: 1, 5: 0])
    b[2] = 1
    #expect(a != b)
  }
}

@Suite struct DisambiguationTableTests {
  @Test func itemsStartWithoutAState() {
    var table = DisambiguationTable(count: 4)
    #expect(table[0] == nil)
    #expect(table[3] == nil)
    // Setting the default state keeps the item without one.
    table[2] = CiteContext()
    #expect(table[2] == nil)
    #expect((0..<4).allSatisfy { table[$0] == nil })
  }

  @Test func keepsWhatDisambiguationDecides() {
    var table = DisambiguationTable(count: 3)
    table[1, default: CiteContext()].yearSuffix = "b"
    table[1, default: CiteContext()].extraNames = 2
    table[2, default: CiteContext()].givennameLevels[0] = 2
    table[2, default: CiteContext()].disambiguate = true
    table[2, default: CiteContext()].disambiguateTests = 1
    #expect(table[0] == nil)
    var one = CiteContext()
    one.yearSuffix = "b"
    one.extraNames = 2
    #expect(table[1] == one)
    var two = CiteContext()
    two.givennameLevels[0] = 2
    two.disambiguate = true
    two.disambiguateTests = 1
    #expect(table[2] == two)
  }
}

@Suite struct PartitionTests {
  @Test func splitsByKeyInOrderOfFirstAppearance() {
    let list = [10, 11, 12, 13, 14, 15, 16]
    let keys = ["b", "a", "b", "c", "a", "b", "d"]
    #expect(Disambiguator.partition(list, keys: keys) == [[10, 12, 15], [11, 14], [13], [16]])
    #expect(Disambiguator.partition(list, keys: keys, minimumSize: 2) == [[10, 12, 15], [11, 14]])
    #expect(Disambiguator.partition(list, keys: keys, minimumSize: 3) == [[10, 12, 15]])
    #expect(Disambiguator.partition([], keys: []).isEmpty)
  }

  @Test func keysCompareAsStringsDo() {
    // A precomposed é and an e with a combining accent are the same string.
    let keys = ["Caf\u{E9} (2001)", "Cafe\u{301} (2001)", "Cafe (2001)"]
    #expect(Disambiguator.partition([0, 1, 2], keys: keys) == [[0, 1], [2]])
  }

  @Test func manyKeysWithFewRepeats() {
    let keys = (0..<5000).map { "key \($0 % 4000)" }
    let parts = Disambiguator.partition(Array(0..<5000), keys: keys, minimumSize: 2)
    #expect(parts.count == 1000)
    #expect(parts.first == [0, 4000])
    #expect(parts.last == [999, 4999])
  }
}

/// The tree walks over compiled layouts count a macro at every call, though they walk its body once.
@Suite struct LayoutWalkTests {
  private let xml = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>t</id><title>t</title><updated>2020-01-01T00:00:00+00:00</updated></info>
      <macro name="inner"><choose><if disambiguate="true"><text variable="title"/></if></choose></macro>
      <macro name="outer">
        <group><text macro="inner"/><text macro="inner"/></group>
        <choose><if disambiguate="true"><text variable="year-suffix"/></if></choose>
      </macro>
      <citation disambiguate-add-year-suffix="true">
        <layout><text macro="outer"/><text macro="inner"/><text macro="outer"/></layout>
      </citation>
      <bibliography><sort><key macro="outer"/></sort><layout><text macro="inner"/></layout></bibliography>
    </style>
    """

  @Test func countsEveryCallOfAMacro() throws {
    let style = try StyleLoader().load(xml: xml).style
    // outer = 2 × inner + 1 = 3; the layout: outer + inner + outer = 3 + 1 + 3.
    #expect(Disambiguator.disambiguateTests(style.citation.layout.elements) == 7)
    #expect(Disambiguator.disambiguateTests(style.bibliography?.layout.elements ?? []) == 1)
  }

  @Test func findsVariablesInMacrosCalledMoreThanOnce() throws {
    let style = try StyleLoader().load(xml: xml).style
    let processor = Processor(style: style, locale: Locale(language: "en-US", layers: []))
    #expect(processor.styleRendersYearSuffix)
    let keys = style.bibliography?.sort ?? []
    #expect(SortValueCache.reads("year-suffix", keys))
    #expect(SortValueCache.reads("title", keys))
    #expect(!SortValueCache.reads("citation-number", keys))
  }
}
