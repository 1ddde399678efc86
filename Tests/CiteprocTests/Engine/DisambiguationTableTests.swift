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
    #expect(GivennameLevels([2: 2, 40: 1, 5: 0]) == a)
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
    #expect(table.changed.isEmpty)
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
    #expect(table.changed == [1: one, 2: two])
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
