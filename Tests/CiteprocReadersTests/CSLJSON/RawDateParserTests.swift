import CiteprocData
import CiteprocReaders
import Testing

@Suite struct RawDateParserTests {
  typealias Parts = CSLDate.Parts

  @Test(arguments: [
    ("1999", Parts(year: 1999)),
    ("1999-05", Parts(year: 1999, month: 5)),
    ("1999-05-12", Parts(year: 1999, month: 5, day: 12)),
    ("1999/5/12", Parts(year: 1999, month: 5, day: 12)),
    ("5/1999", Parts(year: 1999, month: 5)),
    ("31.12.1999", Parts(year: 1999, month: 12, day: 31)),
    ("12/31/1999", Parts(year: 1999, month: 12, day: 31)),
    ("May 1999", Parts(year: 1999, month: 5)),
    ("12 May 1999", Parts(year: 1999, month: 5, day: 12)),
    ("12th Sept. 1999", Parts(year: 1999, month: 9, day: 12)),
    ("May 12, 1999", Parts(year: 1999, month: 5, day: 12)),
    ("1999 May 12", Parts(year: 1999, month: 5, day: 12)),
    ("1999 Dec", Parts(year: 1999, month: 12)),
    ("Spring 1999", Parts(year: 1999, season: 1)),
    ("fall 2020", Parts(year: 2020, season: 3)),
    ("1999-22", Parts(year: 1999, season: 2)),
    ("2020-01-02T10:00:00Z", Parts(year: 2020, month: 1, day: 2)),
    ("250 BC", Parts(year: -250)),
    ("79 A.D.", Parts(year: 79)),
  ])
  func singleDates(text: String, expected: Parts) {
    #expect(RawDateParser.parse(text) == CSLDate(start: expected))
  }

  @Test(arguments: [
    ("1999-2001", Parts(year: 1999), Parts(year: 2001)),
    ("1999 – 2001", Parts(year: 1999), Parts(year: 2001)),
    ("1999-05-12/1999-06-01", Parts(year: 1999, month: 5, day: 12), Parts(year: 1999, month: 6, day: 1)),
    ("Spring 1999 - Summer 2001", Parts(year: 1999, season: 1), Parts(year: 2001, season: 2)),
    ("May–June 1999", Parts(year: 1999, month: 5), Parts(year: 1999, month: 6)),
    ("12-15 May 1999", Parts(year: 1999, month: 5, day: 12), Parts(year: 1999, month: 5, day: 15)),
    ("3 May to 4 June 1999", Parts(year: 1999, month: 5, day: 3), Parts(year: 1999, month: 6, day: 4)),
  ])
  func ranges(text: String, start: Parts, end: Parts) {
    #expect(RawDateParser.parse(text) == CSLDate(start: start, end: end))
  }

  @Test func circa() {
    #expect(RawDateParser.parse("c. 1999") == CSLDate(start: Parts(year: 1999), circa: true))
    #expect(RawDateParser.parse("circa 1850") == CSLDate(start: Parts(year: 1850), circa: true))
    #expect(RawDateParser.parse("1999~") == CSLDate(start: Parts(year: 1999), circa: true))
  }

  @Test(arguments: [
    "", "Bogus Date", "05/06/1999", "May", "12 May", "1999-13-01", "1999-05-32", "May June 1999",
    "in press", "0", "1999-2000-2001", "??", "12 Mayday 1999", "99 May 98",
  ])
  func notDates(text: String) {
    #expect(RawDateParser.parse(text) == nil)
  }
}
