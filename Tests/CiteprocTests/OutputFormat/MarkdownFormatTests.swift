import Testing

@testable import Citeproc

@Suite struct MarkdownFormatTests {
  let md = MarkdownFormat()

  @Test func eachProperty() {
    #expect(md.string(for: italic(t("Title"))) == "*Title*")
    #expect(md.string(for: styled(TextFormatting(fontStyle: .oblique), t("a"))) == "*a*")
    #expect(md.string(for: bold(t("12"))) == "**12**")
    #expect(md.string(for: smallCaps(t("Name"))) == "[Name]{.smallcaps}")
    #expect(md.string(for: styled(TextFormatting(textDecoration: .underline), t("u"))) == "[u]{.underline}")
    #expect(md.string(for: sup(t("1"))) == "^1^")
    #expect(md.string(for: sub(t("2"))) == "~2~")
    #expect(md.string(for: styled(TextFormatting(fontWeight: .light), t("a"))) == "a")
  }

  @Test func severalPropertiesNest() {
    let all = TextFormatting(
      fontStyle: .italic, fontVariant: .smallCaps, fontWeight: .bold, textDecoration: .underline,
      verticalAlign: .superscript)
    #expect(md.string(for: styled(all, t("x"))) == "[[***^x^***]{.underline}]{.smallcaps}")
    #expect(md.string(for: italic(t("a "), bold(t("b")))) == "*a **b***")
    #expect(md.string(for: seq(bold(t("a")), t(" "), italic(t("b")))) == "**a** *b*")
  }

  @Test func explicitNormalClosesAndReopens() {
    #expect(
      md.string(for: italic(t("My "), normalStyle(t("Amazing")), t(" Title"))) == "*My* Amazing *Title*")
    #expect(
      md.string(for: seq(italic(t("Lessard "), normalStyle(t("v.")), t(" Schmidt")), t(". 1972.")))
        == "*Lessard* v. *Schmidt*. 1972.")
    #expect(
      md.string(
        for: bold(t("Speak, "), styled(TextFormatting(fontWeight: .normal), t("friend")), t(", and enter.")))
        == "**Speak,** friend**, and enter.**")
    #expect(
      md.string(
        for: smallCaps(t("His "), styled(TextFormatting(fontVariant: .normal), t("Anonymous")), t(" Life")))
        == "[His]{.smallcaps} Anonymous [Life]{.smallcaps}")
    #expect(md.string(for: normalStyle(t("plain"))) == "plain")
  }

  @Test func spacesMoveOutsideEmphasis() {
    #expect(md.string(for: seq(italic(t("Title ")), t("next"))) == "*Title* next")
    #expect(md.string(for: seq(t("In"), italic(t(" Title")))) == "In *Title*")
    #expect(md.string(for: seq(italic(t("A ")), italic(t("B")))) == "*A B*")
    #expect(md.string(for: italic(t(" "))) == " ")
    #expect(md.string(for: seq(t("x"), sup(t(" 1")))) == "x ^1^")
    #expect(md.string(for: seq(smallCaps(t("Doe ")), t("J"))) == "[Doe]{.smallcaps} J")
    #expect(md.string(for: smallCaps(t("Doe J"))) == "[Doe J]{.smallcaps}")
  }

  @Test func spacesInsideSuperscriptAreEscaped() {
    #expect(md.string(for: sup(t("1, 3"))) == "^1,\\ 3^")
    #expect(md.string(for: sub(t("a b"))) == "~a\\ b~")
  }

  @Test func escapesMarkupCharacters() {
    #expect(md.string(for: t("x a*b_c[d]e\\f`g^h~i<j$k")) == "x a\\*b\\_c\\[d\\]e\\\\f\\`g\\^h\\~i\\<j\\$k")
    #expect(md.string(for: t("pp. 10--12")) == "pp. 10\\--12")
    #expect(md.string(for: t("x @handle, a@b.org (@c)")) == "x \\@handle, a@b.org (\\@c)")
  }

  @Test func leavesOrdinaryPunctuationAlone() {
    let ordinary = "Smith, J. (2000). Title: sub-title! 'q' \"q\" & # > | {x} 1. 2) + - – %"
    #expect(md.string(for: t(ordinary)) == ordinary)
  }

  @Test func escapesBlockMarkupAtLineStart() {
    #expect(md.string(for: t("1. Smith")) == "1\\. Smith")
    #expect(md.string(for: t("2000. Title")) == "2000\\. Title")
    #expect(md.string(for: t("(a) x")) == "(a\\) x")
    #expect(md.string(for: t("iv. x")) == "iv\\. x")
    #expect(md.string(for: t("A. Smith")) == "A\\. Smith")
    #expect(md.string(for: t("# hash")) == "\\# hash")
    #expect(md.string(for: t("> quote")) == "\\> quote")
    #expect(md.string(for: t("- x")) == "\\- x")
    #expect(md.string(for: t("+ x")) == "\\+ x")
    #expect(md.string(for: t(": x")) == "\\: x")
    #expect(md.string(for: t("-x Smith. y")) == "-x Smith. y")
    #expect(md.string(for: seq(t("x "), t("1. y"))) == "x 1. y")
    #expect(md.string(for: italic(t("1. x"))) == "*1. x*")
  }

  @Test func emptyTrees() {
    #expect(md.string(for: .empty) == "")
    #expect(md.string(for: seq(italic(t("")), display(.block, t("")))) == "")
    #expect(md.bibliography([], layout: .init()) == "")
  }

  @Test func bibliographyParagraphs() {
    let out = md.bibliography(
      entries(seq(italic(t("First")), t(".")), numbered("1.", t("Second"))), layout: .init())
    #expect(out == "*First*.\n\n1\\. Second\n")
  }

  @Test func blocksBreakTheLine() {
    let entry = seq(display(.block, italic(t("Doe"))), numbered("1999", t("Title")))
    #expect(md.bibliography(entries(entry), layout: .init()) == "*Doe*\\\n1999 Title\n")
    let indented = seq(t("Book"), display(.indent, t("- abstract")))
    #expect(md.string(for: indented) == "Book\\\n\\- abstract")
  }
}
