import Testing

@testable import CiteprocReaders

@Suite struct RISDateFastPathTests {
  /// Slashed numbers in many shapes, with blanks and other text mixed in.
  static var inputs: [String] {
    var result = [
      "2017", "0", "00", "000", "0000", "12", "31", "32", "99", "100", "017", "123456", "1234567", "", " ",
      " 2017 ",
      "\t2017\n", "2017 ", "2017/", "2017//", "2017///", "2017////", "2017/03/12/", "2017/03//", "2017/3",
      "2017/13/01", "2017/00/12", "2017/12/32", "2017/12/0", "2017/12/31/", "0/5/5", "0000/00/00/",
      "/2013/05/09/",
      "/12/2013", "2017/03/12/online", "2017/03/12/x/", "1998///Spring", "2015/october", "2014-08-29",
      "1998-1999",
      "JAN 23", "Spring 2011", "2017/03 /12", "2017 /03/12", "2017/0000003/1", "1234567/01/01",
      "2017/01/1234567",
      "2017/1/2/3", "2017/1/2/ ", "２０１７", "2017/٣/1", "2017/-3/1", "2017/+3/1", "-2017", "2017.0",
    ]
    for year in ["2017", "17", "7", "0", "000017"] {
      for month in ["", "1", "01", "12", "13", "00"] {
        for day in ["", "1", "31", "32", "0"] {
          for tail in ["", "/"] {
            result.append("\(year)/\(month)/\(day)\(tail)")
            result.append("\(year)/\(month)\(tail)")
          }
        }
      }
    }
    return result
  }

  @Test func fastPathEqualsGeneral() {
    var taken = 0
    let inputs = Self.inputs
    for input in inputs {
      #expect(RISDateParser.parse(input) == RISDateParser.parseGeneral(input), "\(input.debugDescription)")
      if case .some = RISDateFastPath.parse(input) { taken += 1 }
    }
    #expect(taken > inputs.count / 2, "\(taken) of \(inputs.count)")
  }

  @Test func handCheckedResults() {
    #expect(RISDateParser.parse("2017") == RISDateParser.Value(year: 2017))
    #expect(RISDateParser.parse("2017/03/12/") == RISDateParser.Value(year: 2017, month: 3, day: 12))
    #expect(RISDateParser.parse("2017/13/12/") == RISDateParser.Value(year: 2017))
    #expect(RISDateParser.parse("0000/03//") == RISDateParser.Value(month: 3))
    #expect(RISDateParser.parse("12") == nil)
    #expect(RISDateParser.parse("32") == RISDateParser.Value(year: 32))
    #expect(RISDateParser.parse("0000") == nil)
  }
}
