import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct RISFieldValuesFastPathTests {
  static let doiInputs = [
    "10.1000/xyz", "doi:10.1000/xyz123", "https://doi.org/10.1016/j.cell.2009.01.002.",
    "10.70417/jclinepidemiol.2017.56245", "(10.1234/abc)", "see 10.1234/abc; 10.5678/def", "x10.1234/abc",
    "110.1234/abc", "10.123/abc", "10.1234/", "10.1234/.,)]>\"'", "10.1234/a.,)]>\"'", "10.12.34/ab c",
    "10.1234 /abc", "10.1234/abc\tdef", "10.1234/abc\u{0B}def", "10.1234/abc\u{1C}def",
    "10.1234/abc\u{85}def",
    "10.1234/abc\u{A0}def", "é10.1234/abc", "10.1234/ébc", "10.1234/abc é", "10.1234/a\r\nb", "",
    "10.", "10.1", "no doi here", "10.1234/ab;cd", "10.1234.5678/x", "1010.1234/x", "a10.1234/x b10.1234/y",
    "_10.1234/x", "-10.1234/x", "10.１２３４/x", "10.1234/x\u{2028}y",
  ]

  @Test func doiEqualsGeneral() {
    var taken = 0
    for input in Self.doiInputs {
      #expect(RISFieldValues.doi(in: input) == RISFieldValues.doiGeneral(in: input), "\(input)")
      if case .some = RISFieldValuesFastPath.doi(in: input) { taken += 1 }
    }
    #expect(taken > Self.doiInputs.count / 2)
    #expect(
      RISFieldValues.doi(in: "https://doi.org/10.1016/j.cell.2009.01.002.") == "10.1016/j.cell.2009.01.002")
    #expect(RISFieldValues.doi(in: "x10.1234/abc") == nil)
  }

  static let pageInputs = [
    "1997", "e484-e491", "484-91", "484 - 491", "484 -491", " 484- 491 ", "-5", "5-", "5--7", "5 - - 7",
    "- 5",
    "iv-xii", "IV", "No", "Specified", "xlii", "M-D", "i v", "", " ", "\t12\t", "12\t-\t14", "1\u{2013}2",
    "1 \u{2014} 2",
    "e9", "S12-S14", "12a", "ii-", "-", "--", "a - b - c", "12  13", "12 -", "é-1", "1\r\n2", "Ⅳ", "١٢",
  ]

  @Test func pageRangesEqualGeneral() {
    for input in Self.pageInputs {
      let fast = RISFieldValues.normaliseRange(input)
      let general = RISFieldValues.normaliseRangeGeneral(input)
      #expect(fast.utf8.elementsEqual(general.utf8), "\(input.debugDescription)")
      #expect(RISFieldValues.isPageLike(input) == RISFieldValues.isPageLikeGeneral(input), "\(input)")
      #expect(RISFieldValues.isPageLike(general) == RISFieldValues.isPageLikeGeneral(general), "\(input)")
    }
    #expect(RISFieldValues.normaliseRange(" 484 - 491 ") == "484-491")
    #expect(RISFieldValues.pages(start: "484", end: "91") == "484-91")
    #expect(RISFieldValues.pages(start: "No", end: "Specified") == nil)
    #expect(RISFieldValues.isPageLike("xlii") && !RISFieldValues.isPageLike("No"))
  }

  /// Page values put together at random from digits, letters, hyphens, dashes, blanks and other
  /// characters: the fast path equals the general code, both for values it returns unchanged (no
  /// hyphen, space or blank at the ends) and for values it rewrites.
  @Test func generatedPageRangesEqualGeneral() {
    let pieces = ["1", "9", "12", "e", "x", "IV", "-", " ", "\t", "\n", "\u{2013}", "é", "\r\n", "--", "  "]
    var random = TestRandom(seed: 21)
    var unchanged = 0
    var rewritten = 0
    for _ in 0..<20_000 {
      var input = ""
      for _ in 0..<random.next(7) { input += pieces[random.next(pieces.count)] }
      let fast = RISFieldValues.normaliseRange(input)
      let general = RISFieldValues.normaliseRangeGeneral(input)
      #expect(fast.utf8.elementsEqual(general.utf8), "\(input.debugDescription)")
      let bytes = Array(input.utf8)
      let plain = bytes.allSatisfy { $0 < 0x80 }
      let kept =
        plain && !bytes.contains(0x2D) && !bytes.contains(0x20) && bytes.first != 0x09 && bytes.first != 0x0A
        && bytes.last != 0x09 && bytes.last != 0x0A
      if kept { unchanged += 1 } else if plain { rewritten += 1 }
    }
    #expect(unchanged > 2000 && rewritten > 2000, "\(unchanged) \(rewritten)")
  }

  /// UR lines put together at random from links of every kind, separators and odd characters: the
  /// URLs and the DOIs found in them equal the general code's, for ASCII lines (the fast path) and
  /// others, and many lines give URLs.
  @Test func urlsEqualGeneral() {
    let pieces = [
      "https://doi.org/10.1234/x", "HTTP://Example.org/a", "//host/p", "www.x.org", "WWW.X", "ftp://f",
      "ftps://g",
      "<Go to ISI>://x", "internal-pdf://a", ";", " ", "\t", "é", "doi.org/", "DOI.ORG/", "x", "\r\n",
      "http:/",
      "/", "https://dx.doi.org/10.5555/ABC", "Doi.Org/10.1000/1", "ｗｗｗ.", "http://é.org", "a\u{301}",
    ]
    var random = TestRandom(seed: 31)
    var ascii = 0
    var other = 0
    var found = 0
    for _ in 0..<1500 {
      var line = ""
      for _ in 0..<random.next(6) { line += pieces[random.next(pieces.count)] }
      let fast = RISFieldValues.urls(in: [line])
      let general = RISFieldValues.urlsGeneral(in: [line])
      #expect(
        fast.count == general.count && zip(fast, general).allSatisfy { $0.utf8.elementsEqual($1.utf8) },
        "\(line.debugDescription)")
      for url in general {
        #expect(RISFieldValues.doi(fromURL: url) == RISFieldValues.doiGeneral(fromURL: url), "\(url)")
      }
      #expect(RISFieldValues.doi(fromURL: line) == RISFieldValues.doiGeneral(fromURL: line), "\(line)")
      if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { ascii += 1 } else { other += 1 }
      if !general.isEmpty { found += 1 }
    }
    #expect(ascii > 300 && other > 300 && found > 400, "\(ascii) \(other) \(found)")
  }

  /// Serial-number values put together at random from numbers, decorations and separators.
  @Test func standardNumbersEqualGeneral() {
    let pieces = [
      "1234-5678", "0028-0836", "0028083x", "1234567X", "978-0-19-852663-6", "0-19-852663-6", "9780198526636",
      "12345", "ISSN", "(ISSN)", "(Print)", "[electronic]", "(", ")", "[", "]", ",", ";", " ", " ", "\t",
      "\n",
      "x", "X", "-", "--", "abc", "é", "\r\n", "1", "0000", "(1234-5678)",
    ]
    var random = TestRandom(seed: 12)
    var taken = 0
    var numbers = 0
    let count = 20_000
    for _ in 0..<count {
      var input = ""
      for _ in 0..<random.next(7) { input += pieces[random.next(pieces.count)] }
      let general = RISFieldValues.standardNumbersGeneral(in: input)
      #expect(RISFieldValues.standardNumbers(in: input) == general, "\(input.debugDescription)")
      if RISFieldValuesFastPath.standardNumbers(in: input) != nil { taken += 1 }
      if general.contains(where: { if case .other = $0 { return false } else { return true } }) {
        numbers += 1
      }
    }
    #expect(taken > count / 2, "\(taken)")
    #expect(numbers > count / 10, "\(numbers)")
  }

  /// Trimming reads the first and last bytes in place when it can; the result is the text without
  /// spaces, tabs and line feeds at either end, as the scalar-by-scalar model gives it.
  @Test func trimmingBlanksEqualsModel() {
    func model(_ text: String) -> String {
      var scalars = Array(text.unicodeScalars)
      while let first = scalars.first, first == " " || first == "\t" || first == "\n" {
        scalars.removeFirst()
      }
      while let last = scalars.last, last == " " || last == "\t" || last == "\n" { scalars.removeLast() }
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars)
      return result
    }
    let pieces = [
      " ", "\t", "\n", "\r", "a", "é", "\u{301}", "Smith", "a much longer piece of text", "\u{A0}", "😀",
    ]
    var random = TestRandom(seed: 21)
    for _ in 0..<5000 {
      var text = ""
      for _ in 0..<random.next(8) { text += pieces[random.next(pieces.count)] }
      let trimmed = text.trimmingBlanks()
      #expect(trimmed.utf8.elementsEqual(model(text).utf8), "\(text.debugDescription)")
    }
  }
}
