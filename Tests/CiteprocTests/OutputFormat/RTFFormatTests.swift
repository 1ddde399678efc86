import Testing

@testable import Citeproc

@Suite struct RTFFormatTests {
  let rtf = RTFFormat()
  let header = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n"

  @Test func escapesSpecialCharacters() {
    #expect(rtf.string(for: t("a\\b{c}d")) == "a\\\\b\\{c\\}d")
    #expect(rtf.string(for: t("a\tb\nc")) == "a\\tab b\\line c")
  }

  @Test func nonASCIIAsSigned16BitUnicode() {
    #expect(rtf.string(for: t("é")) == "\\u233?")
    #expect(rtf.string(for: t("“x”")) == "\\u8220?x\\u8221?")
    #expect(rtf.string(for: t("中")) == "\\u20013?")
    // Above U+7FFF the code unit is written negative.
    #expect(rtf.string(for: t("가")) == "\\u-21504?")
    // Astral characters: the two surrogates (U+1D538 is D835 DD38).
    #expect(rtf.string(for: t("𝔸")) == "\\u-10187?\\u-8904?")
    #expect(rtf.string(for: t("1\u{00A0}2")) == "1\\u160?2")
  }

  @Test func eachProperty() {
    #expect(rtf.string(for: italic(t("a"))) == "{\\i a}")
    #expect(rtf.string(for: styled(TextFormatting(fontStyle: .oblique), t("a"))) == "{\\i a}")
    #expect(rtf.string(for: bold(t("a"))) == "{\\b a}")
    #expect(rtf.string(for: smallCaps(t("a"))) == "{\\scaps a}")
    #expect(rtf.string(for: styled(TextFormatting(textDecoration: .underline), t("a"))) == "{\\ul a}")
    #expect(rtf.string(for: sup(t("1"))) == "{\\super 1}")
    #expect(rtf.string(for: sub(t("2"))) == "{\\sub 2}")
  }

  @Test func severalPropertiesShareOneGroup() {
    let all = TextFormatting(
      fontStyle: .italic, fontVariant: .smallCaps, fontWeight: .bold, textDecoration: .underline,
      verticalAlign: .superscript)
    #expect(rtf.string(for: styled(all, t("x"))) == "{\\i\\scaps\\b\\ul\\super x}")
  }

  @Test func nesting() {
    #expect(rtf.string(for: seq(t("a "), italic(t("b "), bold(t("c"))), t("."))) == "a {\\i b {\\b c}}.")
  }

  @Test func explicitNormal() {
    #expect(
      rtf.string(for: italic(t("My "), normalStyle(t("Amazing")), t(" Title")))
        == "{\\i My {\\i0 Amazing} Title}")
    #expect(rtf.string(for: normalStyle(t("a"))) == "a")
    #expect(rtf.string(for: bold(styled(TextFormatting(fontWeight: .normal), t("x")))) == "{\\b {\\b0 x}}")
    #expect(rtf.string(for: bold(styled(TextFormatting(fontWeight: .light), t("x")))) == "{\\b {\\b0 x}}")
    #expect(rtf.string(for: styled(TextFormatting(fontWeight: .light), t("x"))) == "x")
    #expect(
      rtf.string(for: smallCaps(styled(TextFormatting(fontVariant: .normal), t("x"))))
        == "{\\scaps {\\scaps0 x}}")
    #expect(
      rtf.string(
        for: styled(
          TextFormatting(textDecoration: .underline),
          styled(TextFormatting(textDecoration: TextFormatting.TextDecoration.none), t("x"))))
        == "{\\ul {\\ulnone x}}")
    #expect(
      rtf.string(for: sup(t("1"), styled(TextFormatting(verticalAlign: .baseline), t("x"))))
        == "{\\super 1{\\nosupersub x}}")
    // Oblique inside italic changes nothing RTF can show.
    #expect(rtf.string(for: italic(styled(TextFormatting(fontStyle: .oblique), t("x")))) == "{\\i x}")
  }

  @Test func emptyTrees() {
    #expect(rtf.string(for: .empty) == "")
    #expect(rtf.string(for: seq(italic(t("")), display(.block, t("")))) == "")
    #expect(rtf.bibliography([], layout: .init()) == header + "}\n")
  }

  @Test func bibliographyIsADocumentWithOneParagraphPerEntry() {
    let out = rtf.bibliography(entries(t("First."), seq(italic(t("Second")), t("."))), layout: .init())
    #expect(
      out == header + "{\\pard\\sl240\\slmult1\\sa240 First.\\par}\n"
        + "{\\pard\\sl240\\slmult1\\sa240 {\\i Second}.\\par}\n}\n")
  }

  @Test func hangingIndentAndSpacing() {
    let layout = BibliographyLayout(hangingIndent: true, lineSpacing: 2, entrySpacing: 0)
    #expect(
      rtf.bibliography(entries(t("A")), layout: layout)
        == header + "{\\pard\\sl480\\slmult1\\sa0\\fi-720\\li720 A\\par}\n}\n")
  }

  @Test func secondFieldAlignUsesATab() {
    let entry = numbered("1.", t("Text"))
    #expect(
      rtf.bibliography(entries(entry), layout: .init(secondFieldAlign: .flush))
        == header + "{\\pard\\sl240\\slmult1\\sa240\\fi-720\\li720\\tx720 1.\\tab Text\\par}\n}\n")
    #expect(
      rtf.bibliography(entries(entry), layout: .init(secondFieldAlign: .margin))
        == header + "{\\pard\\sl240\\slmult1\\sa240\\fi-720\\li0\\tx0 1.\\tab Text\\par}\n}\n")
  }

  @Test func blocksBreakTheLine() {
    let entry = seq(display(.block, t("Doe")), numbered("1999", t("Title")))
    #expect(rtf.string(for: entry) == "Doe\\line 1999\\tab Title")
  }
}
