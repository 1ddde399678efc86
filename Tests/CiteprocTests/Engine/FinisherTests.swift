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
    #expect(finisher.finish(.sequence(nodes), tryingPlain: true) == general, sourceLocation: sourceLocation)
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
    let rendered = Finisher(locale: locale).finish(node, tryingPlain: true)
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
      .text("(ª2)"), tryingPlain: true)
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

/// Trees without formatting or quotation marks take a shorter way through the finisher; it must
/// give what the general way gives, on generated trees with punctuation, spaces and display
/// blocks where pieces meet.
@Suite struct PlainFinisherTests {
  @Test func plainTreesFinishAsTheGeneralWayDoesTest() {
    let finisher = Finisher(locale: Locale(language: "en-US", layers: []))
    var random = TestRandom(seed: 4242)
    let pieces = [
      "a", "b.", ". c", ", ", ",", ";", ":", "! d", "?", " ", "  e ", "f:", "g;", "", ".", "..", "x²",
      "é.", "\u{037E}", "h\r", "\ni", "J. ", " K",
    ]
    func tree(depth: Int, inDisplay: Bool) -> Node {
      switch random.next(depth > 3 ? 1 : 6) {
      case 0: return .text(pieces[random.next(pieces.count)])
      case 1, 2:
        return .sequence((0..<random.next(4)).map { _ in tree(depth: depth + 1, inDisplay: inDisplay) })
      case 3: return .tagged(.textVariable, tree(depth: depth + 1, inDisplay: inDisplay))
      case 4: return .noCase(tree(depth: depth + 1, inDisplay: inDisplay))
      default:
        if inDisplay { return .text(pieces[random.next(pieces.count)]) }
        let display: [Display] = [.leftMargin, .rightInline, .block, .indent]
        return .display(display[random.next(display.count)], tree(depth: depth + 1, inDisplay: true))
      }
    }
    var plain = 0
    for _ in 0..<3_000 {
      let node = Node.sequence((0..<(1 + random.next(6))).map { _ in tree(depth: 0, inDisplay: false) })
      let general = finisher.finishRuns(node)
      if let fast = finisher.finishPlain(node) {
        plain += 1
        #expect(fast == general, "\(node)")
      }
      #expect(finisher.finish(node, tryingPlain: true) == general)
      #expect(finisher.finish(node, tryingPlain: false) == general)
    }
    // Most trees take the short way; those it leaves (a piece emptied from its end, superscripts)
    // take the general one.
    #expect(plain > 2_000)
    // Formatting, quotation marks and nested display blocks always take the general way.
    #expect(finisher.finishPlain(.styled(TextFormatting(fontStyle: .italic), .text("a"))) == nil)
    #expect(finisher.finishPlain(.sequence([.text("a"), .quoted(.text("b"))])) == nil)
    #expect(finisher.finishPlain(.display(.block, .display(.indent, .text("a")))) == nil)
  }

  /// Entries are finished the short way first only where the layout sets no formatting or quotes.
  @Test func onlyLayoutsWithoutFormattingTryTheShortWay() throws {
    func layout(_ name: String) throws -> Layout {
      let bibliography = try StyleLoader().load(name).style.bibliography
      return try #require(bibliography).layout
    }
    #expect(Finisher.mayFinishPlain(try layout("vancouver")))
    #expect(Finisher.mayFinishPlain(try layout("bjgp")))
    // harvard sets titles in italics, inside macros.
    #expect(!Finisher.mayFinishPlain(try layout("harvard")))
    let quoted = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id></info>
        <macro name="title"><group><text variable="title" quotes="true"/></group></macro>
        <citation><layout><text variable="title"/></layout></citation>
        <bibliography><layout><choose><if type="book"><text macro="title"/></if></choose></layout></bibliography>
      </style>
      """
    let bibliography = try #require(try StyleLoader().load(xml: quoted).style.bibliography)
    #expect(!Finisher.mayFinishPlain(bibliography.layout))
  }
}
