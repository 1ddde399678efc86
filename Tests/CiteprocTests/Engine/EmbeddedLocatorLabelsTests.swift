import CiteprocData
import Testing

@testable import Citeproc

/// Locator labels written inside locators and number variables, with the en-US terms
/// (`p.`/`pp.`, `vol.`/`vols.`, `fig.`/`figs.`); expectations worked out by hand.
struct EmbeddedLocatorLabelsTests {
  static let xml = """
    <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="note">
      <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
      <citation><layout>
        <group delimiter=", ">
          <text variable="title"/>
          <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
          <number variable="edition" form="ordinal"/>
        </group>
      </layout></citation>
    </style>
    """

  func processor() throws -> Processor {
    let style = try StyleLoader().load(xml: Self.xml).style
    let (locale, _) = LocaleLoader().locale(for: style, language: "en-US")
    return Processor(style: style, locale: locale)
  }

  func cite(_ item: CiteItem, edition: String? = nil) throws -> String {
    var fields = ["title": "Book"]
    if let edition { fields["edition"] = edition }
    let reference = Reference(id: item.id, type: "book", fields: fields)
    return PlainTextFormat().string(for: try processor().citation([item], references: [reference]))
  }

  @Test func aLeadingLabelBecomesTheLocatorsLabel() throws {
    let labels = try processor().locale.locatorLabels
    #expect(labels.leadingLabel(of: "vol. 1, fol. 186")?.type == "volume")
    #expect(labels.leadingLabel(of: "vol. 1, fol. 186")?.rest == "1, fol. 186")
    #expect(labels.leadingLabel(of: "pp. 3-5")?.type == "page")
    // Not a label: a word, a label with nothing after it, a label not followed by a space.
    #expect(labels.leadingLabel(of: "volume 1") == nil)
    #expect(labels.leadingLabel(of: "vol. ") == nil)
    #expect(labels.leadingLabel(of: "vol.1") == nil)
    #expect(try cite(CiteItem(id: "a", locator: "vol. 2, p. 7")) == "Book, vol. 2, p. 7")
  }

  @Test func anExplicitLabelKeepsTheLocatorText() throws {
    #expect(try cite(CiteItem(id: "a", locator: "vol. 2", label: "page")) == "Book, p. vol. 2")
  }

  @Test func onlyTheNumbersBeforeAnInnerLabelMakeThePlural() throws {
    #expect(try cite(CiteItem(id: "a", locator: "367-368, fig. 333")) == "Book, pp. 367–368, fig. 333")
    #expect(try cite(CiteItem(id: "a", locator: "367, figs. 3-4")) == "Book, p. 367, figs. 3-4")
  }

  @Test func numberVariablesFormatEachLabelledPart() throws {
    let labels = try processor().locale.locatorLabels
    let split = labels.split("7, p. 3-8, fig. 2")
    #expect(split?.head == "7")
    #expect(split?.labelled.map(\.type) == ["page", "figure"])
    #expect(split?.labelled.map { String($0.text) } == ["3-8", "2"])
    #expect(labels.split("7, 8") == nil)
    #expect(try cite(CiteItem(id: "a"), edition: "7, p. 3-8") == "Book, 7th, pp. 3–8")
    #expect(try cite(CiteItem(id: "a"), edition: "2, vol. 3") == "Book, 2nd, vol. 3")
    // A part that is not a number leaves the whole value as written.
    #expect(try cite(CiteItem(id: "a"), edition: "7, p. three") == "Book, 7, p. three")
  }
}
