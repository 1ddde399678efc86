import Testing

@testable import Citeproc

/// A style whose `cs:locale` elements define the term "edition" at three levels, and "issue" and
/// "page" at fewer, to show the fallback order of the CSL specification.
private let xml = """
  <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><title>T</title><id>t</id></info>
    <locale><terms><term name="edition">any-language</term><term name="issue">any-language</term>
      <term name="page">any-language</term></terms></locale>
    <locale xml:lang="en"><terms><term name="edition">english</term><term name="issue">english</term></terms></locale>
    <locale xml:lang="en-GB"><terms><term name="edition">british</term></terms></locale>
    <citation><layout><text variable="title"/></layout></citation>
  </style>
  """

@Suite struct LocaleFallbackTests {
  @Test func styleLocalesWinInSpecOrder() throws {
    let style = try StyleLoader().load(xml: xml).style
    let (gb, _) = LocaleLoader().locale(for: style, language: "en-GB")
    #expect(gb.text("edition") == "british")
    #expect(gb.text("issue") == "english")
    #expect(gb.text("page") == "any-language")
    // Not overridden: from the built-in en-GB locale file.
    #expect(gb.text("and") == "and")
    #expect(gb.text("open-quote") == "\u{2018}")
  }

  @Test func otherRegionSkipsTheExactOverride() throws {
    let style = try StyleLoader().load(xml: xml).style
    let (us, _) = LocaleLoader().locale(for: style, language: "en-US")
    #expect(us.text("edition") == "english")
    #expect(us.text("open-quote") == "\u{201C}")
    #expect(us.punctuationInQuote)
  }

  @Test func missingLocaleFallsBackToEnglishWithAWarning() throws {
    let style = try StyleLoader().load(xml: xml).style
    let (xx, warnings) = LocaleLoader().locale(for: style, language: "xx-YY")
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(xx.text("and") == "and")
    #expect(xx.text("edition") == "any-language")
  }

  @Test func britishLocaleOptions() throws {
    let style = try StyleLoader().load(xml: xml).style
    let (gb, _) = LocaleLoader().locale(for: style, language: "en-GB")
    #expect(!gb.punctuationInQuote)
    #expect(gb.text("month-08", form: .short).hasPrefix("Aug"))
  }
}
