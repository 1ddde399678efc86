import CiteprocData
import Testing

@Suite struct CSLDateTests {
  @Test func keepsEveryPartAsGiven() {
    let date = CSLDate(
      start: .init(year: 2011, month: 8, day: 1), end: .init(year: 2012, season: 3), circa: true,
      literal: "c. 2011", seasonText: "Christmas")
    #expect(date.start == CSLDate.Parts(year: 2011, month: 8, day: 1))
    #expect(date.start?.season == nil)
    #expect(date.end == CSLDate.Parts(year: 2012, season: 3))
    #expect(date.circa)
    #expect(date.literal == "c. 2011")
    #expect(date.seasonText == "Christmas")
  }

  @Test func numbersOutsideTheSmallRangeAreKeptToo() {
    // Months and days are validated by the readers, but the type keeps whatever it is given.
    let odd = CSLDate.Parts(year: -44, month: 1000, day: -3, season: 254)
    let date = CSLDate(start: odd)
    #expect(date.start == odd)
    let edge = CSLDate.Parts(year: Int.max, month: 0, day: 254, season: 255)
    #expect(CSLDate(start: edge).start == edge)
    #expect(CSLDate(year: 0).start == CSLDate.Parts(year: 0))
  }

  @Test func settingPartsReplacesThem() {
    var date = CSLDate(year: 2020, month: 5)
    date.start = CSLDate.Parts(year: 1999, month: 300)
    #expect(date.start == CSLDate.Parts(year: 1999, month: 300))
    date.start = CSLDate.Parts(year: 1999, month: 3)
    #expect(date.start == CSLDate.Parts(year: 1999, month: 3))
    #expect(date == CSLDate(year: 1999, month: 3))
    date.end = CSLDate.Parts(year: 2001)
    date.literal = "spring"
    #expect(date.end == CSLDate.Parts(year: 2001))
    #expect(date.literal == "spring")
    date.end = nil
    date.literal = nil
    #expect(date == CSLDate(year: 1999, month: 3))
    date.start = nil
    #expect(date.start == nil)
    #expect(date.isEmpty)
    #expect(date == CSLDate())
  }

  @Test func equalDatesHashAlikeHoweverTheyWereBuilt() {
    var built = CSLDate()
    built.start = CSLDate.Parts(year: 2011, month: 8)
    built.seasonText = "x"
    built.seasonText = nil
    let direct = CSLDate(year: 2011, month: 8)
    #expect(built == direct)
    #expect(built.hashValue == direct.hashValue)
    #expect(CSLDate(year: 2011, month: 8) != CSLDate(year: 2011, month: 9))
    #expect(CSLDate(year: 2011, month: 8, day: 1) != CSLDate(year: 2011, month: 8))
  }

  @Test func isSmallerThanTheFieldsItHolds() {
    // A year of 32 bits, the packed month, day, season and circa, and the box.
    #expect(MemoryLayout<CSLDate>.size == 16)
  }

  @Test func yearsBeyondThirtyTwoBitsAreKeptWhole() {
    // Such a year does not pack, and goes to the box with the rest of the start.
    let far = 5_000_000_000
    let date = CSLDate(start: .init(year: far, month: 3), circa: true)
    #expect(date.start == CSLDate.Parts(year: far, month: 3))
    #expect(date.circa)
    #expect(CSLDate(year: -Int(Int32.max) - 1).start?.year == -Int(Int32.max) - 1)
    var changed = CSLDate(year: 2011)
    changed.start = CSLDate.Parts(year: -far, day: 2)
    #expect(changed.start == CSLDate.Parts(year: -far, day: 2))
    #expect(changed != CSLDate(year: 2011))
  }

  @Test func circaIsKeptWhenTheStartChanges() {
    var date = CSLDate(start: .init(year: 1850), circa: true)
    date.start = CSLDate.Parts(year: 1851, month: 12, day: 31, season: 4)
    #expect(date.circa)
    #expect(date.start == CSLDate.Parts(year: 1851, month: 12, day: 31, season: 4))
    date.circa = false
    #expect(!date.circa)
    #expect(date.start == CSLDate.Parts(year: 1851, month: 12, day: 31, season: 4))
    date.start = nil
    date.circa = true
    #expect(date.start == nil && date.circa)
  }
}
