import Testing

@testable import CiteprocReaders

@Suite struct RISNameSplitTests {
  @Test func byteSplitEqualsCharacterSplit() {
    let samples = [
      "", ",", ",,", "a,,b", "a,", ",a", "Smith, John A.", "van der Berg, Anna", "Müller,  Jörg ", "  lead",
      "e\u{301}, x", ", \u{301}a", "a\r\n,b", "Ødegård, Åsa", "a , b , c", "   ",
    ]
    for sample in samples {
      for byte in [UInt8(ascii: ","), UInt8(ascii: " ")] {
        for omitting in [true, false] {
          let expected = sample.split(
            separator: Character(Unicode.Scalar(byte)), omittingEmptySubsequences: omitting)
          #expect(RISNameParser.split(sample, on: byte, omittingEmpty: omitting) == expected, "\(sample)")
        }
      }
    }
  }
}
