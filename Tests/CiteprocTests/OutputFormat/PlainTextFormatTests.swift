import Testing

@testable import Citeproc

@Suite struct PlainTextFormatTests {
  let text = PlainTextFormat()

  /// The second entry of the reference bibliography in the Nature style: HTML and text shapes.
  let natureEntry = numbered(
    "2. ", t("Smith, K. "), italic(t("et al.")), t(" Making asthma quantitative hypertension. "),
    italic(t("Dtsch Arztebl Int")), t(" "), bold(t("274")), t(", 1409–1418 (2011)."))

  @Test func dropsFormattingAndDoesNotEscape() {
    let tree = seq(
      t("A & B <c> "), italic(t("Title")), t(" "), bold(t("12")), t(" "), smallCaps(t("Name")),
      styled(TextFormatting(textDecoration: .underline), t("!")))
    #expect(text.string(for: tree) == "A & B <c> Title 12 Name!")
  }

  @Test func emptyTrees() {
    #expect(text.string(for: .empty) == "")
    #expect(text.string(for: seq(t(""), sup(t("")), display(.block, t("")))) == "")
    #expect(text.bibliography([], layout: .init()) == "")
  }

  @Test func superscriptDigitsAndSigns() {
    #expect(text.string(for: seq(t("x"), sup(t("0123456789+-=()")))) == "x⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
    #expect(text.string(for: seq(t("Smith"), sup(t("1")))) == "Smith¹")
    #expect(text.string(for: sup(t("1−3"))) == "¹⁻³")
  }

  @Test func superscriptCitationKeepsSeparators() {
    #expect(text.string(for: sup(t("1–3,5"))) == "¹⁻³,⁵")
    #expect(text.string(for: sup(t("1, 3; 7"))) == "¹, ³; ⁷")
    #expect(text.string(for: sup(t("1"), italic(t("2")))) == "¹²")
  }

  @Test func superscriptLeftAloneWhenAnyCharacterHasNoForm() {
    #expect(text.string(for: seq(t("1"), sup(t("st")))) == "1st")
    #expect(text.string(for: seq(t("1"), sup(t("r")), sup(t("e")))) == "1re")
    #expect(text.string(for: sup(t("2a"))) == "2a")
    #expect(text.string(for: sup(t(","))) == ",")
  }

  @Test func subscripts() {
    #expect(text.string(for: seq(t("H"), sub(t("2")), t("O"))) == "H₂O")
    #expect(text.string(for: sub(t("0123456789+-=()"))) == "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
    #expect(text.string(for: seq(t("x"), sub(t("i")))) == "xi")
  }

  @Test func baselineInsideSuperscriptIsPartOfTheSpan() {
    let tree = sup(t("1"), styled(TextFormatting(verticalAlign: .baseline), t("2")))
    #expect(text.string(for: tree) == "¹²")
  }

  @Test func bibliographyOneEntryPerLine() {
    let out = text.bibliography(entries(t("First."), seq(italic(t("Second")), t("."))), layout: .init())
    #expect(out == "First.\nSecond.\n")
  }

  /// Left-margin, a space, then the rest: the shape of the reference text bibliographies.
  @Test func leftMarginAndRightInlineShareALine() {
    let ieee = numbered(
      "[2]", t("K. Smith "), italic(t("et al.")), t(", “Making asthma quantitative hypertension,” "),
      italic(t("Dtsch Arztebl Int")),
      t(", vol. 274, pp. 1409–1418, 2011, doi: 10.1093/j.jclinepi.2011.8301."))
    #expect(
      text.bibliography(entries(ieee, natureEntry), layout: .init(secondFieldAlign: .flush))
        == "[2] K. Smith et al., “Making asthma quantitative hypertension,” Dtsch Arztebl Int, vol. 274, "
        + "pp. 1409–1418, 2011, doi: 10.1093/j.jclinepi.2011.8301.\n"
        + "2.  Smith, K. et al. Making asthma quantitative hypertension. Dtsch Arztebl Int 274, "
        + "1409–1418 (2011).\n")
  }

  @Test func theSameEntryInHTMLMatchesTheReferenceMarkup() {
    #expect(
      HTMLFormat().string(for: natureEntry)
        == "\n    <div class=\"csl-left-margin\">2. </div><div class=\"csl-right-inline\">Smith, K. "
        + "<i>et al.</i> Making asthma quantitative hypertension. <i>Dtsch Arztebl Int</i> <b>274</b>, "
        + "1409–1418 (2011).</div>\n  ")
  }

  @Test func blocksTakeTheirOwnLines() {
    let first = seq(display(.block, t("John Aloysius Doe")), numbered("1999", t("Aaaaa")))
    let second = numbered("2000", t("Bbbbb"))
    #expect(
      text.bibliography(entries(first, second), layout: .init())
        == "John Aloysius Doe\n1999 Aaaaa\n2000 Bbbbb\n")
  }

  @Test func indentBlocksAreIndentedLines() {
    let entry = seq(t("John Smith, Book A (2000)"), display(.indent, t("An interesting book.")))
    #expect(
      text.bibliography(entries(entry, t("Next")), layout: .init())
        == "John Smith, Book A (2000)\n    An interesting book.\nNext\n")
  }

  @Test func emptyLeftMarginLeavesNoGap() {
    #expect(text.string(for: numbered("", t("Text"))) == "Text")
    #expect(text.string(for: seq(display(.leftMargin, t("1.")))) == "1.")
  }
}
