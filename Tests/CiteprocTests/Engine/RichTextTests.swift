import TestSupport
import Testing

@testable import Citeproc

@Suite struct RichTextTests {
  @Test func plainTextStaysText() {
    #expect(RichText.parse("plain words") == .text("plain words"))
  }

  @Test func apostrophesBecomeTypographic() {
    #expect(RichText.parse("Life's end") == .text("Life\u{2019}s end"))
  }

  @Test func singleQuotesAroundWordsAreAQuotation() {
    let node = RichText.parse("Life's 'Little' Surprises")
    #expect(
      node
        == .tagged(
          .richText, .sequence([.text("Life\u{2019}s "), .quoted(.text("Little")), .text(" Surprises")])))
  }

  @Test func quoteWithoutPartnerStaysLiteral() {
    #expect(RichText.parse("Nation of \"Positive \" of") == .text("Nation of \"Positive \" of"))
  }

  @Test func markupNestsAndUnknownTagsStayLiteral() {
    #expect(
      RichText.parse("<i>a</i> <x>")
        == .sequence([.styled(TextFormatting(fontStyle: .italic), .text("a")), .text(" <x>")]))
    #expect(RichText.parse("<i>a") == .text("<i>a"))
  }

  @Test func nodecorResetsFormattingAndCase() {
    let node = RichText.parse("<span class=\"nodecor\">v.</span>")
    #expect(
      node
        == .styled(
          TextFormatting(fontStyle: .normal, fontVariant: .normal, fontWeight: .normal), .noCase(.text("v.")))
    )
  }

  @Test func curlySingleQuotesAreInnerAtTheTop() {
    #expect(
      RichText.parse("\u{2018}a\u{2019}") == .tagged(.richText, .tagged(.innerQuote, .quoted(.text("a")))))
  }
}

@Suite struct RichTextTypographyTests {
  @Test func spacesBeforeHighPunctuationBecomeNarrow() {
    #expect(RichText.narrowingSpaces("His « Anonymous » Life") == "His «\u{202F}Anonymous\u{202F}» Life")
    #expect(RichText.narrowingSpaces("Quoi ? Non !") == "Quoi\u{202F}? Non\u{202F}!")
    #expect(RichText.narrowingSpaces("a: b") == "a: b")
  }

  @Test func sentencePrefixLetsTheFirstTermBeCapitalized() {
    #expect(!RichText.prefixPrecedesTerms(nil))
    #expect(!RichText.prefixPrecedesTerms("This has been said. "))
    #expect(RichText.prefixPrecedesTerms("Cf. "))
    #expect(RichText.prefixPrecedesTerms("See "))
  }
}

/// Reading runs of plain bytes at once tokenizes as reading character by character.
struct RichTextByteRunTests {
  @Test func byteRunsTokenizeAlike() {
    let pieces = [
      "a", "The", " ", "'", "\"", "<i>", "</i>", "<b>", "<sc>", "</sc>", "<span class=\"nocase\">", "</span>",
      "(",
      ")", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{301}", "é", "\r", "\n", "\r\n", "\t", "\u{7F}",
      "<",
      ".", ",", "?", "\u{600}", "x\u{301}", "s", "1", "\u{A0}", "\u{1F600}",
    ]
    for sample in TestRandom.samples(of: pieces, count: 4_000, longest: 9, seed: 99) {
      #expect(RichText.tokenizesAlike(sample), "\(Array(sample.unicodeScalars))")
    }
  }
}

/// The shortcut for apostrophes inside words gives what the tokenizer gives.
struct WordApostropheTests {
  @Test func wordApostrophesEqualTheTokenizerTest() {
    let pieces = [
      "'", "'", "Alzheimer", "s", " ", "(", ")", ",", ".", "?", ":", ";", "\"", "<i>", "</i>", "é", "\u{301}",
      "\u{2019}", "\u{201C}", "x", "1", "-", "\r\n", "\t", "<", "O", "Brien", "l", "'\u{301}",
      "Alzheimer's", "O'Brien", "don't", "l'été", "rock'n'roll",
    ]
    var shortcut = 0
    var general = 0
    for sample in TestRandom.samples(of: pieces, count: 20_000, longest: 8, seed: 555) {
      let narrowed = RichText.narrowingSpaces(sample)
      let expected = RichText.parsedMarkup(narrowed)
      if let text = RichText.withWordApostrophes(narrowed) {
        shortcut += 1
        #expect(Node.text(text) == expected, "\(Array(sample.unicodeScalars))")
      } else {
        general += 1
      }
      // With every shortcut, parsing gives the same (an empty text is printed the same either way).
      if !sample.isEmpty {
        #expect(RichText.parse(sample) == expected, "\(Array(sample.unicodeScalars))")
      }
    }
    #expect(shortcut > 1_000)
    #expect(general > 1_000)
  }
}
