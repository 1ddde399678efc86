import CiteprocData
import CiteprocReaders
import Testing

@Suite struct CSLJSONWriterTests {
  @Test func writesStableKeyOrder() {
    let reference = Reference(
      id: "ITEM-1", type: "book",
      fields: ["title": "A \"quoted\" <i>title</i>\n", "DOI": "10.1/x", "volume": "61"],
      names: [
        "author": [Name(family: "Berg", given: "Anna", nonDroppingParticle: "van der"), .literal("WHO")]
      ],
      dates: ["issued": CSLDate(year: 2000, month: 5)])
    let expected = """
      [
        {
          "id": "ITEM-1",
          "type": "book",
          "DOI": "10.1/x",
          "author": [
            {
              "family": "Berg",
              "given": "Anna",
              "non-dropping-particle": "van der"
            },
            {
              "literal": "WHO"
            }
          ],
          "issued": {
            "date-parts": [[2000, 5]]
          },
          "title": "A \\"quoted\\" <i>title</i>\\n",
          "volume": "61"
        }
      ]

      """
    #expect(CSLJSONWriter().write([reference]) == expected)
    #expect(CSLJSONWriter().write([]) == "[]\n")
  }

  @Test func writesDateDetails() {
    let reference = Reference(
      id: "d", type: "",
      dates: [
        "issued": CSLDate(start: .init(year: 1999, season: 1), end: .init(year: 2001, day: 3, season: 2)),
        "accessed": CSLDate(
          start: .init(year: 2000, month: 4, season: 3), circa: true, literal: "about then"),
        "submitted": CSLDate(start: .init(year: 1987), end: .init(year: 0), seasonText: "Xmas"),
      ])
    let written = CSLJSONWriter().write([reference])
    #expect(written.contains(#""date-parts": [[1999, 21], [2001, 22, 3]]"#))
    #expect(
      written.contains(
        "\"date-parts\": [[2000, 4]],\n      \"season\": 3,\n      \"circa\": true,\n      \"literal\": \"about then\""
      ))
    #expect(written.contains("\"date-parts\": [[1987], [0]],\n      \"season\": \"Xmas\""))
  }

  @Test func roundTrip() {
    let references = [
      Reference(
        id: "a", type: "article-journal",
        fields: ["title": "Tab\tand \u{1} control", "page": "e484-e491", "note": "Ünïcödé 司马 😀"],
        names: [
          "author": [
            Name(family: "Doe", given: "John", suffix: "Jr.", commaSuffix: true),
            Name(family: "Humboldt", given: "Alexander", droppingParticle: "von"),
            Name(family: "Aubignac", given: "François Hédelin", nonDroppingParticle: "d'"),
            Name(family: "李", given: "明", staticOrdering: true),
            .literal("World Health Organization"),
          ],
          // Parts that parsing would split differently are protected with parse-names false.
          "editor": [
            Name(family: "van Gogh", given: "Vincent"), Name(family: "Doe", given: "John, III"),
            Name(family: "Roe", given: "Jane de"),
          ],
          "translator": [],
        ],
        dates: [
          "issued": CSLDate(start: .init(year: -44, month: 3, day: 15)),
          "accessed": CSLDate(start: .init(year: 1999, season: 4), end: .init(year: 0)),
          "original-date": CSLDate(start: .init(year: 1999, day: 5)),
          "submitted": CSLDate(literal: "in press"),
          "event-date": CSLDate(seasonText: "Christmas"),
        ]),
      Reference(id: "b", type: ""),
      Reference(id: "12", type: "unknown-type", fields: ["custom-key": "x", "": "empty key"]),
    ]
    let written = CSLJSONWriter().write(references)
    let result = CSLJSONReader().read(Array(written.utf8), file: "round-trip.json")
    #expect(result.rejected.isEmpty)
    #expect(result.diagnostics.map(\.message) == ["unknown item type 'unknown-type' (kept as written)"])
    #expect(result.references == references)
    #expect(written.contains(#""parse-names": false"#))
  }

  @Test func roundTripOfSharedItems() throws {
    guard let bytes = SharedData.bytes("reference-outputs/items.json") else { return }
    let first = CSLJSONReader().read(bytes, file: "items.json")
    let written = CSLJSONWriter().write(first.references)
    let second = CSLJSONReader().read(Array(written.utf8), file: "written.json")
    #expect(second.rejected.isEmpty && second.diagnostics.isEmpty)
    #expect(second.references == first.references)
  }
}
