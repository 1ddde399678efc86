import CiteprocData
import Testing

@testable import Citeproc

@Suite struct ReferenceTrimmerTests {
  private func trimmer(_ style: String) throws -> ReferenceTrimmer {
    let loaded = try StyleLoader().load(style)
    let (locale, _) = LocaleLoader().locale(for: loaded.style)
    return Processor(style: loaded.style, locale: locale).referenceTrimmer
  }

  private func trimmer(xml: String) throws -> ReferenceTrimmer {
    let loaded = try StyleLoader().load(xml: xml)
    let (locale, _) = LocaleLoader().locale(for: loaded.style)
    return Processor(style: loaded.style, locale: locale).referenceTrimmer
  }

  private func style(layout: String, sort: String = "") -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>t</id><title>t</title><updated>2020-01-01T00:00:00+00:00</updated></info>
      <citation><layout><text variable="title"/></layout></citation>
      <bibliography>\(sort)<layout>\(layout)</layout></bibliography>
    </style>
    """
  }

  @Test func dropsWhatTheStyleNeverReadsAndKeepsNamesAndDates() throws {
    var reference = seedReference
    reference.fields["abstract"] = "A long abstract that no built-in style prints."
    reference.fields["ISSN"] = "0960-1643"
    reference.fields["call-number"] = "X 12"
    let trimmed = try trimmer("harvard").trimmed(reference)
    #expect(trimmed.fields["abstract"] == nil)
    #expect(trimmed.fields["ISSN"] == nil)
    #expect(trimmed.fields["call-number"] == nil)
    // The seed's own variables are all read by the style (or by the engine).
    #expect(trimmed.fields == seedReference.fields)
    #expect(trimmed.names == reference.names)
    #expect(trimmed.dates == reference.dates)
    #expect(trimmed.id == reference.id)
    #expect(trimmed.type == reference.type)
  }

  @Test func keepsWhatTheVariableAttributesMention() throws {
    let reference = Reference(
      id: "a", type: "book",
      fields: [
        "title": "T", "abstract": "A", "note": "N", "edition": "2", "genre": "G", "ISSN": "I",
        "medium": "M", "language": "de", "journalAbbreviation": "J", "collection-title-short": "C",
      ])
    let xml = style(
      layout: """
        <choose><if variable="note" is-numeric="edition"><text variable="abstract"/></if>
        <else><text variable="collection-title" form="short"/></else></choose>
        <text value="medium" prefix="ISSN "/>
        """,
      sort: #"<sort><key variable="genre"/></sort>"#)
    // A word in a value or an affix is not a variable: medium and ISSN go.
    let trimmed = try trimmer(xml: xml).trimmed(reference)
    #expect(
      Set(trimmed.fields.keys) == [
        "title", "abstract", "note", "edition", "genre", "language", "journalAbbreviation",
        "collection-title-short",
      ])
  }

  @Test func formatsTheSameTrimmed() throws {
    var reference = seedReference
    reference.fields["abstract"] = "Not printed."
    for name in ["vancouver", "harvard", "bjgp"] {
      let loaded = try StyleLoader().load(name)
      let (locale, _) = LocaleLoader().locale(for: loaded.style)
      let processor = Processor(style: loaded.style, locale: locale)
      let trimmed = processor.referenceTrimmer.trimmed(reference)
      #expect(trimmed != reference)
      let text = PlainTextFormat()
      #expect(
        processor.bibliography([trimmed]).map { text.string(for: $0.content) }
          == processor.bibliography([reference]).map { text.string(for: $0.content) })
    }
  }
}
