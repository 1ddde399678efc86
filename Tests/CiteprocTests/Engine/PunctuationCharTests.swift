import Testing

@testable import Citeproc

/// The byte-level reading of first and last characters gives what reading the characters gives.
struct PunctuationCharTests {
  private static let pieces = [
    "", " ", ".", ",", ";", ":", "!", "?", "a", "Z", "\r", "\n", "\r\n", "\u{301}", "\u{37E}",
    "\u{37E}\u{301}",
    ".\u{301}", "\u{600}", "\u{600}.", "é", "e\u{301}", "\u{A0}", "\u{2019}", "\u{201D}", "\u{1F600}",
    "\u{200D}",
    "\u{FE0F}", "x", "1", "\t", "\u{3B}", "\u{CD}", "\u{BE}",
  ]

  @Test func bytesReadLikeCharacters() {
    var samples = Self.pieces
    for a in Self.pieces {
      for b in Self.pieces {
        samples.append(a + b)
        for c in [" ", ".", "\u{301}", "\r", "\n"] { samples.append(a + c + b) }
      }
    }
    var marks = 0
    for text in samples {
      let first = text.first.map(PunctuationChar.classify)
      let last = text.last.map(PunctuationChar.classify)
      #expect(PunctuationChar.first(of: text) == first, "\(Array(text.unicodeScalars))")
      #expect(PunctuationChar.last(of: text) == last, "\(Array(text.unicodeScalars))")
      if let first, first != PunctuationChar.other { marks += 1 }
    }
    #expect(marks > 500)
    #expect(PunctuationChar.classify("\u{37E}") == 0x3B)
    #expect(PunctuationChar.classify(";") == 0x3B)
    #expect(PunctuationChar.classify("a") == PunctuationChar.other)
  }
}
