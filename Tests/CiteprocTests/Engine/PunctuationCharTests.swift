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
        // Longer than a small string: stored and read differently.
        samples.append(a + String(repeating: "long text ", count: 3) + b)
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

  /// Buffers of bytes read like the text they spell, around both ends of long texts too (only a
  /// window of bytes is read there), with the length of a mark that is to be removed.
  @Test func bufferReadsLikeCharacters() {
    let long = String(repeating: "long text ", count: 3)
    var samples = [
      String(repeating: "\u{600}", count: 12) + ".", "." + String(repeating: "\u{301}", count: 12),
      long + String(repeating: "\u{600}", count: 12) + ";",
      ";" + String(repeating: "\u{301}", count: 12) + long,
      long + "\u{37E}", "\u{37E}" + long, long + "\u{600}\u{37E}", "\u{37E}\u{301}" + long,
    ]
    for a in Self.pieces {
      for b in Self.pieces { samples += [a + b, long + a + b, a + b + long, a + long + b] }
    }
    var marks = 0
    var windowed = 0
    for text in samples {
      let bytes = Array(text.utf8)
      if bytes.count > 16 { windowed += 1 }
      bytes.withUnsafeBufferPointer { buffer in
        let first = text.first.map(PunctuationChar.classify)
        let last = text.last.map(PunctuationChar.classify)
        #expect(PunctuationChar.first(ofUTF8: buffer) == first, "\(Array(text.unicodeScalars))")
        #expect(PunctuationChar.last(ofUTF8: buffer) == last, "\(Array(text.unicodeScalars))")
        if let first, first != PunctuationChar.other, let character = text.first {
          marks += 1
          #expect(PunctuationChar.firstMarkLength(ofUTF8: buffer) == character.utf8.count)
        }
        if let last, last != PunctuationChar.other, let character = text.last {
          #expect(PunctuationChar.lastMarkLength(ofUTF8: buffer) == character.utf8.count)
        }
      }
    }
    #expect(marks > 300)
    #expect(windowed > 3000)
  }

  @Test func byteScansReadLikeTheUTF8View() {
    let texts =
      Self.pieces + Self.pieces.map { String(repeating: "long text ", count: 3) + $0 } + [
        "Holding relationships in primary care: a qualitative exploration of doctors\u{2019} perceptions",
        "e484-e491", "3\\-4", "A <i>title</i>", "it's",
      ]
    var found = 0
    for text in texts {
      for byte: UInt8 in [0x20, 0x2D, 0x2E, 0x27, 0x3C, 0x5C, 0xE2, 0xCD, 0xBE] {
        #expect(text.containsUTF8(byte) == text.utf8.contains(byte), "\(text) \(byte)")
        if text.containsUTF8(byte) { found += 1 }
      }
      #expect(text.containsUTF8(where: { $0 >= 0x80 }) == text.utf8.contains(where: { $0 >= 0x80 }))
    }
    #expect(found > 40)
  }
}
