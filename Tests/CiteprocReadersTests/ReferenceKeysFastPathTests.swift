import Testing

@testable import CiteprocReaders

@Suite struct ReferenceKeysFastPathTests {
  @Test func latinTextEqualsGeneral() {
    var inputs = [
      "Müller", "Ødegård", "Łukasiewicz", "Straße", "Æsir", "Œuvre", "Đorđević", "Þór", "İnan", "ıtır",
      "Ǆemal", "ǅ", "ǈ", "Ğüç", "Ñúñez", "Conceição", "Bäcker", "Szabó", "Ýr", "ĳssel", "ŉ", "ſ", "Ŀl", "ɐɑ",
      "ʼn", "ˆ", "Smith", "", "A-B C", "é\u{301}", "Jones\u{0301}", "日本", "Ωmega", "Иванов", "a\r\nb",
    ]
    for value in UInt32(0x80)..<0x300 {
      if let scalar = Unicode.Scalar(value) { inputs.append("A\(scalar)b\(scalar)") }
    }
    for input in inputs {
      let fast = ReferenceKeys.asciiLetters(input)
      let general = ReferenceKeys.asciiLettersGeneral(input)
      #expect(fast.utf8.elementsEqual(general.utf8), "\(input.debugDescription): \(fast) vs \(general)")
    }
    #expect(ReferenceKeys.asciiLetters("Straße") == "strasse")
    #expect(ReferenceKeys.asciiLetters("Ødegård") == "odegard")
    #expect(ReferenceKeys.asciiLetters("İnan") == "inan")
  }
}
