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
    #expect(MemoryLayout<CSLDate>.size <= 24)
  }
}
