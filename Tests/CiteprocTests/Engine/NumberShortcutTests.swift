import TestSupport
import Testing

@testable import Citeproc

/// Simple numeric values (page ranges, volumes) are read from their bytes; the answers are those of
/// the general reading.
struct NumberShortcutTests {
  @Test(
    arguments: [
      ("e484-e491", true), ("12", false), ("45/2015", false), ("1,3", true), ("12a-12c", true),
      ("S12&S14", true), ("3//4", true), ("A1", false), ("xii", nil), ("12-", nil), ("-12", nil),
      ("4e4", nil), ("12 - 14", nil), ("", nil), ("12\u{2013}14", nil),
    ] as [(String, Bool?)])
  func simpleValuesAreDecidedByHand(value: String, plural: Bool?) {
    #expect(NumberParser.simplePlural(value) == plural, "\(value)")
    if let plural {
      #expect(NumberParser.isPluralInGeneral(value) == plural, "\(value)")
      #expect(NumberParser.isNumericInGeneral(value), "\(value)")
    }
  }

  @Test func shortcutAgreesWithTheGeneralReading() {
    let alphabet: [String] = [
      "0", "1", "7", "9", "a", "e", "i", "x", "Z", "-", ",", "&", "/", " ", ".", "é", "\u{2013}", "and",
    ]
    var random = TestRandom(seed: 77)
    var decided = 0
    for _ in 0..<20_000 {
      let length = 1 + random.next(7)
      let value = (0..<length).map { _ in alphabet[random.next(alphabet.count)] }.joined()
      if NumberParser.simplePlural(value) != nil { decided += 1 }
      #expect(NumberParser.isPlural(value) == NumberParser.isPluralInGeneral(value), "\(value)")
      #expect(NumberParser.isNumeric(value) == NumberParser.isNumericInGeneral(value), "\(value)")
    }
    // The shortcut decides a good share of them (and the rest go the general way).
    #expect(decided > 1_000)
  }
}
