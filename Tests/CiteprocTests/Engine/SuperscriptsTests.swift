import Testing

@testable import Citeproc

struct SuperscriptsTests {
  /// The byte test never says no to a character of the table, alone or among other text, and says
  /// no to the non-ASCII characters most entries have.
  @Test func byteTestFindsEveryCharacterOfTheTable() {
    var found = 0
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), Superscripts.base[value] != nil else { continue }
      for text in [String(scalar), "é–\(scalar)’", "\(scalar)é"] {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer(Superscripts.mayOccur(inUTF8:)), "\(value)")
      }
      found += 1
    }
    #expect(found == Superscripts.base.count)
    for text in ["é", "Müller–Łukasz", "\u{2019}\u{201C}\u{201D}\u{2013}\u{2014}", "Ω", "中文", "😀", "abc"] {
      let bytes = Array(text.utf8)
      #expect(!bytes.withUnsafeBufferPointer(Superscripts.mayOccur(inUTF8:)), "\(text)")
    }
  }
}
