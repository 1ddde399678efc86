import TestSupport
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

/// Capitalizing a lowercase ASCII word directly gives what the case engine gives.
struct CapitalizeFirstFastPathTests {
  @Test func lowercaseWordsCapitalizeAlike() {
    let caser = TextCaser(itemLanguage: nil, defaultLocale: "en-US", localeLanguage: "en-US")
    var samples = [
      "internet", "in", "a", "supplement", "i", "z", "ed", "eds", "part", "section", "vol", "available from",
      "available at", "a b c", "et al", "in press", "the of and", "von der", "i i",
    ]
    let letters = Array("abcdefghijklmnopqrstuvwxyz  ")
    var random = TestRandom(seed: 5)
    for _ in 0..<2_000 {
      var word = ""
      for _ in 0...random.next(12) { word.append(letters[random.next(26)]) }
      samples.append(word)
    }
    var compared = 0
    for word in samples {
      guard let fast = TextCaser.capitalizedLowercaseWord(word) else {
        #expect(word.first == " " || word.last == " " || word.contains("  "), "no fast answer for \(word)")
        continue
      }
      compared += 1
      #expect(Node.text(fast) == caser.applyGeneral(.capitalizeFirst, to: .text(word)), "\(word)")
    }
    #expect(compared > 1_000)
    for other in ["", "Internet", "two  words", " two", "two ", "e-mail", "naïve", "in.", "x1", "a B"] {
      #expect(TextCaser.capitalizedLowercaseWord(other) == nil, "\(other)")
    }
  }
}
