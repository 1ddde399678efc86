import Testing

@testable import Citeproc

/// The byte-level reading of a primary language gives what the general reading gives.
struct PrimaryLanguageTests {
  @Test func asciiReadingEqualsTheGeneralOne() {
    let pieces = [
      "", "e", "n", "E", "N", "-", " ", "_", "1", "\u{301}", "é", "\u{A0}", "\t", "G", "B", "x", "\u{600}",
      "\r\n",
      "@", "[", "`", "{", "ü",
    ]
    var samples = [
      "en", "en-US", "EN", "fr French", "de-AT", "tr", "az-Latn", " en", "english", "e", "", "zh-CN",
    ]
    for a in pieces {
      for b in pieces {
        for c in pieces {
          samples.append(a + b + c)
          samples.append(a + b + c + "x")
        }
      }
    }
    var settled = 0
    for sample in samples {
      guard let fast = TextCaser.asciiPrimaryLanguage(sample) else { continue }
      settled += 1
      #expect(fast == TextCaser.generalPrimaryLanguage(sample), "\(Array(sample.unicodeScalars))")
      #expect(TextCaser.primaryLanguage(sample) == TextCaser.generalPrimaryLanguage(sample))
    }
    #expect(settled > 1_000)
  }
}
