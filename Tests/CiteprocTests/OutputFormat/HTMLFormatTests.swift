import Testing

@testable import Citeproc

@Suite struct HTMLFormatTests {
  let html = HTMLFormat()

  @Test func escapesAmpersandAndAngleBracketsButNotQuotes() {
    #expect(html.string(for: t("AT&T <b> \"q\" 'a' ’")) == "AT&#38;T &#60;b&#62; \"q\" 'a' ’")
  }

  @Test func eachProperty() {
    #expect(html.string(for: italic(t("a"))) == "<i>a</i>")
    #expect(html.string(for: styled(TextFormatting(fontStyle: .oblique), t("a"))) == "<em>a</em>")
    #expect(html.string(for: bold(t("a"))) == "<b>a</b>")
    #expect(
      html.string(for: smallCaps(t("a"))) == "<span style=\"font-variant:small-caps;\">a</span>")
    #expect(
      html.string(for: styled(TextFormatting(textDecoration: .underline), t("a")))
        == "<span style=\"text-decoration:underline;\">a</span>")
    #expect(html.string(for: sup(t("1"))) == "<sup>1</sup>")
    #expect(html.string(for: sub(t("2"))) == "<sub>2</sub>")
    #expect(
      html.string(for: styled(TextFormatting(fontWeight: .light), t("a")))
        == "<span style=\"font-weight:lighter;\">a</span>")
  }

  @Test func severalPropertiesOnOneNodeNestFontStyleInnermost() {
    let all = TextFormatting(
      fontStyle: .italic, fontVariant: .smallCaps, fontWeight: .bold, textDecoration: .underline,
      verticalAlign: .superscript)
    #expect(
      html.string(for: styled(all, t("x")))
        == "<sup><span style=\"text-decoration:underline;\"><b>"
        + "<span style=\"font-variant:small-caps;\"><i>x</i></span></b></span></sup>")
  }

  @Test func explicitNormalOnlyInsideFormattedText() {
    // Nothing to undo outside formatting.
    #expect(html.string(for: normalStyle(t("a"))) == "a")
    #expect(html.string(for: styled(TextFormatting(fontWeight: .normal), t("a"))) == "a")
    #expect(html.string(for: styled(TextFormatting(verticalAlign: .baseline), t("a"))) == "a")
    #expect(
      html.string(for: bold(t("a"), styled(TextFormatting(fontWeight: .normal), t("b"))))
        == "<b>a<span style=\"font-weight:normal;\">b</span></b>")
    #expect(
      html.string(for: smallCaps(styled(TextFormatting(fontVariant: .normal), t("b"))))
        == "<span style=\"font-variant:small-caps;\"><span style=\"font-variant:normal;\">b</span></span>")
    #expect(
      html.string(
        for: styled(
          TextFormatting(textDecoration: .underline),
          styled(TextFormatting(textDecoration: TextFormatting.TextDecoration.none), t("b"))))
        == "<span style=\"text-decoration:underline;\"><span style=\"text-decoration:none;\">b</span></span>")
  }

  @Test func repeatedPropertyWritesNoMarkup() {
    #expect(html.string(for: italic(t("a "), italic(t("b")))) == "<i>a b</i>")
    #expect(
      html.string(for: italic(styled(TextFormatting(fontStyle: .italic, fontWeight: .bold), t("b"))))
        == "<i><b>b</b></i>")
  }

  @Test func emptyTreesAndEmptyFormattingWriteNothing() {
    #expect(html.string(for: .empty) == "")
    #expect(html.string(for: t("")) == "")
    #expect(html.string(for: seq(t("a"), italic(t("")), bold(seq()), t("b"))) == "ab")
    #expect(html.string(for: display(.block, t(""))) == "")
  }

  @Test func emptyBibliography() {
    #expect(html.bibliography([], layout: .init()) == "<div class=\"csl-bib-body\">\n</div>\n")
  }

  @Test func bibliographyWithoutDisplayBlocks() {
    let out = html.bibliography(entries(t("One & two"), seq(italic(t("Title")), t("."))), layout: .init())
    #expect(
      out == """
        <div class="csl-bib-body">
          <div class="csl-entry">One &#38; two</div>
          <div class="csl-entry"><i>Title</i>.</div>
        </div>

        """)
  }

  @Test func layoutSettingsDoNotChangeTheMarkup() {
    let layout = BibliographyLayout(hangingIndent: true, secondFieldAlign: .flush, lineSpacing: 2)
    #expect(
      html.bibliography(entries(t("a")), layout: layout)
        == html.bibliography(entries(t("a")), layout: .init()))
  }

  // MARK: Verbatim test-suite results

  /// The RESULT of decorations_SimpleFlipFlop.
  @Test func suiteSimpleFlipFlop() {
    #expect(
      html.string(for: italic(t("My "), normalStyle(t("Amazing")), t(" Title")))
        == "<i>My <span style=\"font-style:normal;\">Amazing</span> Title</i>")
  }

  /// The RESULT of decorations_NoNormalWithoutDecoration: the layout is font-weight normal.
  @Test func suiteNoNormalWithoutDecoration() {
    let layoutNormal = TextFormatting(fontWeight: .normal)
    let lines = [
      styled(layoutNormal, normalStyle(t("His Anonymous Life"))),
      styled(layoutNormal, italic(t("His Anonymous Life"))),
      styled(layoutNormal, italic(normalStyle(t("His Anonymous Life")))),
    ].map(html.string(for:))
    #expect(
      lines.joined(separator: "\n") == """
        His Anonymous Life
        <i>His Anonymous Life</i>
        <i><span style="font-style:normal;">His Anonymous Life</span></i>
        """)
  }

  /// The RESULT of flipflop_SmallCaps.
  @Test func suiteSmallCapsFlipFlop() {
    let tree = seq(
      smallCaps(t("His "), styled(TextFormatting(fontVariant: .normal), t("Anonymous")), t(" Life")),
      t(", His "), smallCaps(t("Anthology")))
    #expect(
      html.string(for: tree)
        == "<span style=\"font-variant:small-caps;\">His <span style=\"font-variant:normal;\">Anonymous</span>"
        + " Life</span>, His <span style=\"font-variant:small-caps;\">Anthology</span>")
  }

  /// The RESULT of flipflop_ItalicsSimple, last line: markup-like text is escaped.
  @Test func suiteEscapedMarkupInText() {
    #expect(html.string(for: t("One TwoF</i> Three Four Five!")) == "One TwoF&#60;/i&#62; Three Four Five!")
  }

  /// The RESULT of bugreports_NumberInMacroWithVerticalAlign.
  @Test func suiteSuperscriptAroundItalic() {
    let tree = seq(sup(italic(t("2"))), t("; "), sup(italic(t("3–5"))))
    #expect(html.string(for: tree) == "<sup><i>2</i></sup>; <sup><i>3–5</i></sup>")
  }

  /// The RESULT of bugreports_MatchedAuthorAndDate, first entry.
  @Test func suiteBoldItalicOnOneNode() {
    let tree = seq(
      t("Brown, J. 2006a, August. "),
      styled(
        TextFormatting(fontStyle: .italic, fontWeight: .bold), t("Tijdschrift voor praktijkondersteuning")),
      t(". http://dx.doi.org/10.1007/bf03074904."))
    #expect(
      html.bibliography(entries(tree), layout: .init()) == """
        <div class="csl-bib-body">
          <div class="csl-entry">Brown, J. 2006a, August. <b><i>Tijdschrift voor praktijkondersteuning</i></b>. http://dx.doi.org/10.1007/bf03074904.</div>
        </div>

        """)
  }

  /// The RESULT of decorations_Baseline.
  @Test func suiteBaselineInsideSuperscript() {
    let tree = sup(
      t("Little, Stuart, "), styled(TextFormatting(verticalAlign: .baseline), t("My Short Narrative")),
      t(" (1990)"))
    #expect(
      html.bibliography(entries(tree), layout: .init()) == """
        <div class="csl-bib-body">
          <div class="csl-entry"><sup>Little, Stuart, <span style="baseline">My Short Narrative</span> (1990)</sup></div>
        </div>

        """)
  }

  /// The RESULT of display_DisplayBlock: an indent block after inline text.
  @Test func suiteIndentBlock() {
    let out = html.bibliography(
      entries(
        seq(
          t("John Smith, Book A (2000)"), display(.indent, t("An interesting book by an interesting author."))
        ),
        seq(t("Robert Jones, Book B (2001)"), display(.indent, t("An old contribution to a new field.")))),
      layout: .init())
    #expect(
      out == """
        <div class="csl-bib-body">
          <div class="csl-entry">John Smith, Book A (2000)<div class="csl-indent">An interesting book by an interesting author.</div>
          </div>
          <div class="csl-entry">Robert Jones, Book B (2001)<div class="csl-indent">An old contribution to a new field.</div>
          </div>
        </div>

        """)
  }

  /// The RESULT of display_AuthorAsHeading: block, left-margin and right-inline.
  @Test func suiteAuthorAsHeading() {
    func heading(_ author: String, _ year: String, _ title: String) -> Rendered {
      seq(display(.block, t(author)), numbered(year, t(title)))
    }
    let a = String(repeating: "Aaaaa ", count: 14) + "Aaaaa"
    let b = String(repeating: "Bbbbb ", count: 14) + "Bbbbb"
    let out = html.bibliography(
      entries(heading("John Aloysius Doe", "1999", a), numbered("2000", t(b))), layout: .init())
    #expect(
      out == """
        <div class="csl-bib-body">
          <div class="csl-entry">

            <div class="csl-block">John Aloysius Doe</div>

            <div class="csl-left-margin">1999</div><div class="csl-right-inline">\(a)</div>
          </div>
          <div class="csl-entry">
            <div class="csl-left-margin">2000</div><div class="csl-right-inline">\(b)</div>
          </div>
        </div>

        """)
  }

  /// The RESULT of bugreports_NoCaseEscape: text outside the display blocks stays where it is.
  @Test func suiteTextBeforeLeftMargin() {
    let first = seq(
      display(.block, t("Aalto, Alan")),
      numbered(" N.d.", t("“‘PIAAC-Longitudinal (PIAAC-L) 2015.’”")))
    let second = seq(t(" "), numbered("N.d.", t("“PIAAC-Longitudinal (PIAAC-Lx) 2015.”")))
    #expect(
      html.bibliography(entries(first, second), layout: .init()) == """
        <div class="csl-bib-body">
          <div class="csl-entry">

            <div class="csl-block">Aalto, Alan</div>

            <div class="csl-left-margin"> N.d.</div><div class="csl-right-inline">“‘PIAAC-Longitudinal (PIAAC-L) 2015.’”</div>
          </div>
          <div class="csl-entry">\u{20}
            <div class="csl-left-margin">N.d.</div><div class="csl-right-inline">“PIAAC-Longitudinal (PIAAC-Lx) 2015.”</div>
          </div>
        </div>

        """)
  }
}
