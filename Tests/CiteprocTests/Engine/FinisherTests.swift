import Testing

@testable import Citeproc

@Suite struct FinisherTests {
  func finish(_ nodes: [Node], inQuote: Bool = false) -> String {
    let locale = Locale(language: "en-US", layers: [LocaleDefinition(punctuationInQuote: inQuote)])
    return Finisher(locale: locale).finish(.sequence(nodes)).plainText
  }

  @Test func punctuationWhereTwoPiecesMeet() {
    #expect(finish([.text("a:"), .text(": b")]) == "a: b")
    #expect(finish([.text("a."), .text(": b")]) == "a.: b")
    #expect(finish([.text("a;"), .text(". b")]) == "a; b")
    #expect(finish([.text("a:"), .text("! b")]) == "a! b")
    #expect(finish([.text("a?"), .text("! b")]) == "a?! b")
    #expect(finish([.text("a,"), .text(", b")]) == "a, b")
    #expect(finish([.text("a "), .text(" b")]) == "a b")
  }

  @Test func punctuationMovesIntoQuotesWhenTheLocaleSaysSo() {
    #expect(finish([.quoted(.text("a")), .text(", b")], inQuote: true) == "\u{201C}a,\u{201D} b")
    #expect(finish([.quoted(.text("a")), .text(", b")]) == "\u{201C}a\u{201D}, b")
    #expect(finish([.quoted(.text("Why?")), .text(". b")], inQuote: true) == "\u{201C}Why?\u{201D} b")
    #expect(finish([.quoted(.text("a")), .text(";"), .text("! b")], inQuote: true) == "\u{201C}a!\u{201D} b")
    #expect(finish([.quoted(.text("a")), .text(": b")], inQuote: true) == "\u{201C}a\u{201D}: b")
  }

  @Test func punctuationInTheDataStaysOutsideItsOwnQuotes() {
    let field = RichText.parse("say \u{2018}yes\u{2019}. Then")
    #expect(finish([field], inQuote: true) == "say \u{201C}yes\u{201D}. Then")
  }

  @Test func nestedItalicsFlipToNormal() {
    let locale = Locale(language: "en-US", layers: [])
    let node = Node.styled(TextFormatting(fontStyle: .italic), RichText.parse("a <i>b</i>"))
    let rendered = Finisher(locale: locale).finish(node)
    #expect(
      rendered
        == .styled(
          TextFormatting(fontStyle: .italic),
          .sequence([.text("a "), .styled(TextFormatting(fontStyle: .normal), .text("b"))])))
  }
}

@Suite struct FinisherSuperscriptTests {
  @Test func superscriptCharactersBecomeSuperscriptFormatting() {
    let rendered = Finisher(locale: Locale(language: "en-US", layers: [])).finish(.text("(ª2)"))
    #expect(
      rendered
        == .sequence([
          .text("("), .styled(TextFormatting(verticalAlign: .superscript), .text("a")), .text("2)"),
        ]))
  }
}

@Suite struct CitationLayoutTests {
  @Test func layoutFormattingCoversItsAffixes() {
    var d = Decorations()
    d.prefix = "("
    d.suffix = ")"
    d.formatting = TextFormatting(fontWeight: .bold)
    let node = Node.text("a").decoratedAsCitationLayout(d)
    #expect(
      node == .styled(TextFormatting(fontWeight: .bold), .sequence([.text("("), .text("a"), .text(")")])))
  }
}
