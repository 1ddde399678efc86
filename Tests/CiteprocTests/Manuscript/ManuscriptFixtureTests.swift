import Foundation
import Testing

@testable import Citeproc

/// The manuscript fixture in the three built-in styles. The expected files were checked line by
/// line against STYLES.md; `Scripts/record-manuscript-fixtures.sh` re-records them.
@Suite struct ManuscriptFixtureTests {
  @Test(arguments: ["vancouver", "harvard", "bjgp"], [ManuscriptFormat.markdown, .html])
  func matchesTheCheckedOutput(style: String, format: ManuscriptFormat) throws {
    let expected = try ManuscriptFixture.text("expected/\(style).\(format == .markdown ? "md" : "html")")
    let result = try ManuscriptFixture.render(
      try ManuscriptFixture.text("paper.md"), style: style, format: format)
    #expect(result.diagnostics.isEmpty)
    #expect(result.document == expected)
  }

  @Test func harvardCitationsByHand() throws {
    let result = try ManuscriptFixture.render(
      try ManuscriptFixture.text("paper.md"), style: "harvard", format: .text)
    let texts = result.citations.map(\.text)
    #expect(
      texts == [
        "(Cocksedge et al., 2011)", "(Balint, 1964, p. 1)", "Hartley (2018a)", "(2018b, pp. 402–404)",
        "(see Cocksedge et al., 2011, p. e486; Murray et al., 2019; Okafor and Lindqvist, 2020)",
        "(Royal College of General Practitioners, 2021)", "(Hartley, 2018a, 2018b)", "(Stone, 2015, ch. 3)",
        "(Murray et al., 2019, fig. 2)", "Okafor and Lindqvist (2020, p. 90)",
        "(Balint, 1964; Cocksedge et al., 2011; Murray et al., 2019; Okafor and Lindqvist, 2020)",
      ])
    // Sorted by author, then year; the same author and year get a and b in title order.
    #expect(
      result.bibliography.map(\.id) == [
        "balint1964", "cocksedge2011", "hartley2018a", "hartley2018b", "murray2019", "okafor2020", "rcgp2021",
        "stone2015",
      ])
    #expect(
      result.bibliographyTexts[2]
        == "Hartley, J. (2018a) ‘Measuring continuity of care’, Family Practice, 35(4), pp. 401–409.")
  }

  @Test func vancouverNumbersByFirstCitation() throws {
    let result = try ManuscriptFixture.render(
      try ManuscriptFixture.text("paper.md"), style: "vancouver", format: .text)
    #expect(
      result.citations.map(\.text) == [
        "(1)", "(2)", "Hartley (3)", "(4)", "(see 1,5,6)", "(7)", "(3,4)", "(8)", "(6)",
        "Okafor and Lindqvist (5)",
        "(1,2,5,6)",
      ])
    #expect(
      result.bibliographyTexts[5]
        == "6. Murray S, Patel R, Quinn T, Evans H, Kowalski P, Nakamura Y, et al. Seeing the same doctor. BMJ. 2019;365:l1912."
    )
  }

  @Test func bjgpIsSuperscriptWithoutASpaceBefore() throws {
    let text = "Valued by both [@cocksedge2011]. Three [@balint1964; @okafor2020; @murray2019]."
    let markdown = try ManuscriptFixture.render(text, style: "bjgp")
    #expect(markdown.document.hasPrefix("Valued by both^1^. Three^2–4^."))
    let html = try ManuscriptFixture.render(text, style: "bjgp", format: .html)
    #expect(html.document.hasPrefix("Valued by both<sup>1</sup>. Three<sup>2–4</sup>."))
    #expect(html.document.contains("<h1>References</h1>\n<div class=\"csl-bib-body\">"))
    #expect(
      html.bibliographyTexts[3]
        == "4. Murray S, Patel R, Quinn T, et al. Seeing the same doctor. BMJ 2019; 365: l1912.")
  }
}

/// The fixture with official styles from ../shared/csl-styles.
@Suite(.enabled(if: TestPaths.sharedExists)) struct ManuscriptOfficialStyleTests {
  func citations(_ style: String) throws -> [String] {
    let path = TestPaths.sharedPath("csl-styles/\(style).csl")
    let result = try ManuscriptFixture.render(
      try ManuscriptFixture.text("paper.md"), style: path, format: .text)
    #expect(!result.hasErrors)
    return result.citations.map(\.text)
  }

  @Test func apa() throws {
    let texts = try citations("apa")
    #expect(texts[2] == "Hartley (2018a)")
    #expect(texts[3] == "(2018b, pp. 402–404)")
    #expect(texts[6] == "(Hartley, 2018a, 2018b)")
    #expect(texts[7] == "(Stone, 2015, Chapter 3)")
    #expect(texts[9] == "Okafor & Lindqvist (2020, p. 90)")
  }

  @Test func chicagoAuthorDate() throws {
    let texts = try citations("chicago-author-date")
    #expect(texts[0] == "(Cocksedge et al. 2011)")
    #expect(texts[2] == "Hartley (2018a)")
    #expect(texts[3] == "(2018b, 402–4)")
    #expect(texts[6] == "(Hartley 2018a, 2018b)")
  }

  @Test func nlmSuperscript() throws {
    let path = TestPaths.sharedPath("csl-styles/nlm-citation-sequence-superscript.csl")
    let result = try ManuscriptFixture.render(
      "Both [@cocksedge2011]. As @okafor2020 found [@balint1964; @hartley2018a; @hartley2018b].", style: path)
    #expect(result.document.hasPrefix("Both^1^. As Okafor and Lindqvist^2^ found^3–5^."))
  }
}
