import TestSupport
import Testing

@testable import Citeproc

@Suite struct FinisherTests {
  /// The text the general way gives; the short way, where it applies, must give the same.
  func finish(_ nodes: [Node], inQuote: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    let locale = Locale(language: "en-US", layers: [LocaleDefinition(punctuationInQuote: inQuote)])
    let finisher = Finisher(locale: locale)
    let general = finisher.finishRuns(.sequence(nodes))
    #expect(finisher.finish(.sequence(nodes), tryingDirect: true) == general, sourceLocation: sourceLocation)
    return general.plainText
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
    let rendered = Finisher(locale: locale).finish(node, tryingDirect: true)
    #expect(
      rendered
        == .styled(
          TextFormatting(fontStyle: .italic),
          .sequence([.text("a "), .styled(TextFormatting(fontStyle: .normal), .text("b"))])))
  }
}

@Suite struct FinisherSuperscriptTests {
  @Test func superscriptCharactersBecomeSuperscriptFormatting() {
    let rendered = Finisher(locale: Locale(language: "en-US", layers: [])).finish(
      .text("(ª2)"), tryingDirect: true)
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

/// Most trees are finished as they are walked; that must give what the general way gives, on
/// generated trees with punctuation, spaces, formatting, quotation marks and display blocks where
/// pieces meet.
@Suite struct DirectFinisherTests {
  @Test func treesFinishDirectlyAsTheGeneralWayDoes() {
    var random = TestRandom(seed: 4242)
    let pieces = [
      "a", "b.", ". c", ", ", ",", ";", ":", "! d", "?", " ", "  e ", "f:", "g;", "", ".", "..", "x²",
      "é.", "\u{037E}", "h\r", "\ni", "J. ", " K",
    ]
    let formats = [
      TextFormatting(fontStyle: .italic), TextFormatting(fontStyle: .normal),
      TextFormatting(fontWeight: .bold),
      TextFormatting(fontWeight: .normal), TextFormatting(fontVariant: .smallCaps),
      TextFormatting(fontVariant: .normal), TextFormatting(verticalAlign: .superscript),
      TextFormatting(fontStyle: .italic, fontWeight: .bold), TextFormatting(textDecoration: .underline),
    ]
    let displays: [Display] = [.leftMargin, .rightInline, .block, .indent]
    func tree(depth: Int) -> Node {
      let leaf = Node.text(pieces[random.next(pieces.count)])
      if depth > 3 { return leaf }
      switch random.next(11) {
      case 0, 1: return leaf
      case 2, 3: return .sequence((0..<random.next(4)).map { _ in tree(depth: depth + 1) })
      case 4: return .tagged(random.next(2) == 0 ? .textVariable : .richText, tree(depth: depth + 1))
      case 5: return .noCase(tree(depth: depth + 1))
      case 6, 7: return .styled(formats[random.next(formats.count)], tree(depth: depth + 1))
      case 8: return .quoted(tree(depth: depth + 1))
      case 9: return .tagged(.innerQuote, .quoted(tree(depth: depth + 1)))
      default: return .display(displays[random.next(displays.count)], tree(depth: depth + 1))
      }
    }
    for inQuote in [false, true] {
      let locale = Locale(language: "en-US", layers: [LocaleDefinition(punctuationInQuote: inQuote)])
      let finisher = Finisher(locale: locale)
      var direct = 0
      var withWrappers = 0
      for _ in 0..<4_000 {
        let node = Node.sequence((0..<(1 + random.next(6))).map { _ in tree(depth: 0) })
        let general = finisher.finishRuns(node)
        if let finished = finisher.finishDirectly(node) {
          direct += 1
          if case .sequence(let items) = finished,
            items.contains(where: { if case .text = $0 { false } else { true } })
          {
            withWrappers += 1
          }
          #expect(finished == general, "\(node)")
        }
        #expect(finisher.finish(node, tryingDirect: true) == general)
        #expect(finisher.finish(node, tryingDirect: false) == general)
      }
      // Most trees are finished directly; those left (a piece emptied from its end, superscript
      // characters, and quotation marks where punctuation moves into them) take the general way.
      #expect(direct > (inQuote ? 500 : 2_500), "\(inQuote)")
      #expect(withWrappers > (inQuote ? 150 : 500), "\(inQuote)")
    }
    let american = Finisher(
      locale: Locale(language: "en-US", layers: [LocaleDefinition(punctuationInQuote: true)]))
    #expect(american.finishDirectly(.sequence([.text("a"), .quoted(.text("b"))])) == nil)
    #expect(american.finishDirectly(.styled(TextFormatting(fontStyle: .italic), .text("a"))) != nil)
  }

  /// Entries are finished directly first unless the locale moves punctuation into quotation marks
  /// and the layout quotes.
  @Test func layoutsThatQuoteInAmericanLocalesFinishTheGeneralWay() throws {
    func layout(_ name: String) throws -> Layout {
      let bibliography = try StyleLoader().load(name).style.bibliography
      return try #require(bibliography).layout
    }
    let british = Locale(language: "en-GB", layers: [LocaleDefinition(punctuationInQuote: false)])
    let american = Locale(language: "en-US", layers: [LocaleDefinition(punctuationInQuote: true)])
    #expect(Finisher.mayFinishDirectly(try layout("vancouver"), locale: american))
    #expect(Finisher.mayFinishDirectly(try layout("bjgp"), locale: american))
    // harvard quotes article titles, inside macros.
    #expect(Finisher.mayFinishDirectly(try layout("harvard"), locale: british))
    #expect(!Finisher.mayFinishDirectly(try layout("harvard"), locale: american))
    let quoted = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id></info>
        <macro name="title"><group><text variable="title" quotes="true"/></group></macro>
        <citation><layout><text variable="title"/></layout></citation>
        <bibliography><layout><choose><if type="book"><text macro="title"/></if></choose></layout></bibliography>
      </style>
      """
    let bibliography = try #require(try StyleLoader().load(xml: quoted).style.bibliography)
    #expect(!Finisher.mayFinishDirectly(bibliography.layout, locale: american))
    #expect(Finisher.mayFinishDirectly(bibliography.layout, locale: british))
  }
}
