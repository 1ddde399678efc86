import CiteprocData
import CiteprocReaders
import Testing

private func read(_ text: String) -> ReadResult {
  CSLJSONReader().read(Array(text.utf8), file: "in.json")
}

/// The single reference of a one-item input.
private func item(_ json: String) throws -> Reference {
  let result = read("[" + json + "]")
  #expect(result.rejected.isEmpty, "\(result.rejected)")
  return try #require(result.references.first)
}

private func author(_ object: String) throws -> Name {
  let reference = try item(#"{"id": "a", "type": "book", "author": ["# + object + "]}")
  return try #require(reference.names["author"]?.first)
}

private func issued(_ date: String) throws -> CSLDate? {
  let reference = try item(#"{"id": "a", "type": "book", "issued": "# + date + "}")
  return reference.dates["issued"]
}

@Suite struct CSLJSONReaderTests {
  @Test func basicItem() throws {
    let reference = try item(
      #"""
      {"id": "ITEM-1", "type": "article-journal", "title": "A <i>Study</i> of &amp; things",
       "volume": 61, "issue": "3", "page": "e484-e491", "number-of-pages": 1.50, "DOI": "10.1/x"}
      """#)
    #expect(reference.id == "ITEM-1")
    #expect(reference.type == "article-journal")
    #expect(
      reference.fields == [
        "title": "A <i>Study</i> of &amp; things", "volume": "61", "issue": "3", "page": "e484-e491",
        "number-of-pages": "1.50", "DOI": "10.1/x",
      ])
  }

  @Test func numericIDAndAliases() throws {
    let reference = try item(
      #"{"id": 12, "type": "book", "shortTitle": "Short", "journalAbbreviation": "J. Abbr."}"#)
    #expect(reference.id == "12")
    #expect(reference.fields == ["title-short": "Short", "container-title-short": "J. Abbr."])
    // The CSL name wins over the alias, whatever the order.
    let both = try item(#"{"id": 1, "type": "book", "title-short": "A", "shortTitle": "B"}"#)
    #expect(both.fields == ["title-short": "A"])
  }

  @Test func singleObjectAndItemsWrapper() {
    let single = read(#"{"id": "x", "type": "book", "title": "T"}"#)
    #expect(single.references.map(\.id) == ["x"])
    let wrapped = read(#"{"items": [{"id": "x", "type": "book"}, {"id": "y", "type": "book"}]}"#)
    #expect(wrapped.references.map(\.id) == ["x", "y"])
    #expect(wrapped.diagnostics.isEmpty)
  }

  @Test func rejectedItemsCarryTheirLine() {
    let result = read(
      "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  \"oops\",\n  [1],\n  {\"id\": \"b\", \"type\": \"book\"}\n]"
    )
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(
      result.rejected.map(\.description) == [
        "in.json:3: error: a CSL-JSON item must be an object, found a string",
        "in.json:4: error: a CSL-JSON item must be an object, found an array",
      ])
    #expect(result.recordCount == 4)
  }

  @Test func syntaxErrorIsOneRejection() {
    let result = read("[\n{\"id\": \"a\",\n\"type\" \"book\"}\n]")
    #expect(result.references.isEmpty)
    #expect(
      result.rejected.map(\.description) == ["in.json:3: error: expected ':' after the object key \"type\""])
    #expect(
      read("42").rejected.map(\.description) == [
        "in.json:1: error: expected an array of CSL-JSON items or an item object, found a number"
      ])
  }

  @Test func missingIDsAreGenerated() {
    let result = read(
      "[\n{\"type\": \"book\"},\n{\"id\": \"item-2\", \"type\": \"book\"},\n{\"id\": \"\", \"type\": \"book\"}\n]"
    )
    // item-2 is taken by the second item, so the third becomes item-3; the first is item-1.
    #expect(result.references.map(\.id) == ["item-1", "item-2", "item-3"])
    #expect(
      result.diagnostics.map(\.description) == [
        "in.json:2: warning: item has no usable 'id'; using 'item-1'",
        "in.json:4: warning: 'id' must be a non-empty string or a number, found a string",
        "in.json:4: warning: item has no usable 'id'; using 'item-3'",
      ])
    let clash = read(#"[{"id": "item-1", "type": "book"}, {"type": "book"}, {"type": "book"}]"#)
    #expect(clash.references.map(\.id) == ["item-1", "item-2", "item-3"])
    let clash2 = read(#"[{"type": "book"}, {"id": "item-1", "type": "book"}]"#)
    #expect(clash2.references.map(\.id) == ["item-1-2", "item-1"])
  }

  @Test func typesAndWarnings() throws {
    let result = read(
      """
      [
        {"id": "a", "type": "blog"},
        {"id": "b"},
        {"id": "c", "type": 3, "custom": {"x": 1}, "flag": true, "categories": ["a", "b"],
         "note": null, "title": "T", "title": "U"}
      ]
      """)
    #expect(result.references.map(\.type) == ["blog", "", ""])
    #expect(result.references[2].fields == ["title": "U"])
    #expect(
      result.diagnostics.map(\.description) == [
        "in.json:2: warning: unknown item type 'blog' (kept as written)",
        "in.json:4: warning: 'type' must be a string, found a number",
        "in.json:4: warning: 'custom' holds an object, expected a string or a number; ignored",
        "in.json:4: warning: 'flag' holds a boolean, expected a string or a number; ignored",
        "in.json:4: warning: 'categories' holds an array, expected a string or a number; ignored",
        "in.json:5: warning: duplicate key 'title'; the last value is used",
      ])
  }

  @Test func manyVariablesAndRepeatedKeys() throws {
    // Keys met once are added as they come; a repeated key still replaces, or removes, the value.
    var members = (0..<5_000).map { "\"custom-\($0)\": \"v\($0)\"" }
    members += [
      #""custom-7": "last""#, #""issued": {"date-parts": [[2001]]}"#, #""issued": "not a date""#,
      #""author": [{"family": "Doe"}]"#, #""author": [{"family": "Roe"}]"#, #""custom-9": null"#,
    ]
    let result = read("[{\"id\": \"a\", \"type\": \"book\", " + members.joined(separator: ", ") + "}]")
    let reference = try #require(result.references.first)
    #expect(reference.fields.count == 5_000)
    #expect(reference.text("custom-0") == "v0")
    #expect(reference.text("custom-4999") == "v4999")
    #expect(reference.text("custom-7") == "last")
    #expect(reference.text("custom-9") == "v9")
    #expect(reference.nameList("author") == [Name(family: "Roe")])
    #expect(reference.names.count == 1)
    #expect(result.diagnostics.filter { $0.description.contains("duplicate key") }.count == 4)
  }

  // MARK: - Names

  @Test func plainNamesAndLiterals() throws {
    let reference = try item(
      #"""
      {"id": "a", "type": "book",
       "author": [{"family": "Doe", "given": "John"}, {"literal": "World Health Organization"},
                  "Royal Society", {"family": "Doe Inc.", "isInstitution": "true"},
                  {"family": "  Smith ", "given": ""}],
       "editor": [{"family": "Roe", "given": "Jane", "suffix": "Jr.", "comma-suffix": 1,
                   "static-ordering": true}],
       "translator": []}
      """#)
    #expect(
      reference.names["author"] == [
        Name(family: "Doe", given: "John"), .literal("World Health Organization"), .literal("Royal Society"),
        .literal("Doe Inc."), Name(family: "Smith"),
      ])
    #expect(
      reference.names["editor"] == [
        Name(family: "Roe", given: "Jane", suffix: "Jr.", commaSuffix: true, staticOrdering: true)
      ])
    #expect(reference.names["translator"] == [])
  }

  @Test func familyParticles() throws {
    #expect(
      try author(#"{"family": "van der Berg", "given": "Anna"}"#)
        == Name(family: "Berg", given: "Anna", nonDroppingParticle: "van der"))
    #expect(
      try author(#"{"family": "von und zum Jones", "given": "Ralph"}"#)
        == Name(family: "Jones", given: "Ralph", nonDroppingParticle: "von und zum"))
    #expect(
      try author(#"{"family": "in 't Horvath", "given": "Peter"}"#)
        == Name(family: "Horvath", given: "Peter", nonDroppingParticle: "in 't"))
    #expect(
      try author(#"{"family": "'t Hooft", "given": "G."}"#)
        == Name(family: "Hooft", given: "G.", nonDroppingParticle: "'t"))
    #expect(
      try author(#"{"family": "d'Aubignac", "given": "François Hédelin"}"#)
        == Name(family: "Aubignac", given: "François Hédelin", nonDroppingParticle: "d'"))
    #expect(
      try author(#"{"family": "de' Frinkle", "given": "Bevis"}"#)
        == Name(family: "Frinkle", given: "Bevis", nonDroppingParticle: "de' "))
    // Given explicitly, such a particle keeps the space written after it; other particles are trimmed.
    #expect(
      try author(#"{"family": "Frinkle", "non-dropping-particle": "de' "}"#)
        == Name(family: "Frinkle", nonDroppingParticle: "de' "))
    #expect(
      try author(#"{"family": "Berg", "non-dropping-particle": " van der "}"#)
        == Name(family: "Berg", nonDroppingParticle: "van der"))
    #expect(
      try author(#"{"family": "al-One", "given": "Alan"}"#)
        == Name(family: "One", given: "Alan", nonDroppingParticle: "al-"))
    #expect(
      try author(#"{"family": "v.d. Berg", "given": "Anna"}"#)
        == Name(family: "Berg", given: "Anna", nonDroppingParticle: "v.d."))
    // Capitalised prefixes and hyphenated names stay in the family name.
    #expect(
      try author(#"{"family": "La Fontaine", "given": "Jean"}"#) == Name(family: "La Fontaine", given: "Jean")
    )
    #expect(
      try author(#"{"family": "L'Estrange", "given": "R."}"#) == Name(family: "L'Estrange", given: "R."))
    #expect(try author(#"{"family": "O’Malley", "given": "M."}"#) == Name(family: "O’Malley", given: "M."))
    #expect(
      try author(#"{"family": "Smith-Jones", "given": "A."}"#) == Name(family: "Smith-Jones", given: "A."))
    #expect(try author(#"{"family": "ab-Cde"}"#) == Name(family: "ab-Cde"))
    // All lower case: not split.
    #expect(try author(#"{"family": "bell hooks"}"#) == Name(family: "bell hooks"))
    #expect(
      try author(#"{"family": "de la cruz", "given": "Ana"}"#) == Name(family: "de la cruz", given: "Ana"))
    // Explicit particles win; parse-names false turns parsing off.
    #expect(
      try author(#"{"family": "van Gogh", "given": "V.", "non-dropping-particle": "de"}"#)
        == Name(family: "van Gogh", given: "V.", nonDroppingParticle: "de"))
    #expect(
      try author(#"{"family": "van Gogh", "given": "Ludwig van", "parse-names": false}"#)
        == Name(family: "van Gogh", given: "Ludwig van"))
    #expect(try author(#"{"family": "van Gogh", "parse-names": "false"}"#) == Name(family: "van Gogh"))
  }

  @Test func givenParticlesAndSuffixes() throws {
    #expect(
      try author(#"{"family": "Humboldt", "given": "Alexander von"}"#)
        == Name(family: "Humboldt", given: "Alexander", droppingParticle: "von"))
    #expect(
      try author(#"{"family": "Familyname", "given": "Givenname auf den"}"#)
        == Name(family: "Familyname", given: "Givenname", droppingParticle: "auf den"))
    #expect(
      try author(#"{"family": "Aubignac", "given": "François Hédelin d'"}"#)
        == Name(family: "Aubignac", given: "François Hédelin", droppingParticle: "d'"))
    #expect(
      try author(#"{"family": "Doe", "given": "John, III"}"#)
        == Name(family: "Doe", given: "John", suffix: "III"))
    #expect(
      try author(#"{"family": "Doe", "given": "John,! Jr."}"#)
        == Name(family: "Doe", given: "John", suffix: "Jr.", commaSuffix: true))
    #expect(
      try author(#"{"family": "Aubignac", "given": "François Hédelin, abbé d'"}"#)
        == Name(family: "Aubignac", given: "François Hédelin", droppingParticle: "abbé d'"))
    // A given name of one lower-case word is a given name.
    #expect(try author(#"{"family": "Boyd", "given": "danah"}"#) == Name(family: "Boyd", given: "danah"))
    // An explicit suffix keeps the comma text in the given name.
    #expect(
      try author(#"{"family": "Doe", "given": "John, III", "suffix": "Sr."}"#)
        == Name(family: "Doe", given: "John, III", suffix: "Sr."))
    #expect(
      try author(#"{"family": "Doe", "given": "Ludwig van", "dropping-particle": "de"}"#)
        == Name(family: "Doe", given: "Ludwig van", droppingParticle: "de"))
  }

  @Test func badNamesWarn() {
    let result = read(
      """
      [{"id": "a", "type": "book", "author": [
         {"family": "Doe", "nickname": "JD"},
         {"given": ""},
         42,
         {"family": ["x"]}],
        "editor": "Jane Roe",
        "contributor": [{"family": "Poe"}, {"given": "Edgar"}]}]
      """)
    let reference = result.references.first
    #expect(reference?.names["author"] == [Name(family: "Doe")])
    #expect(reference?.names["editor"] == [.literal("Jane Roe")])
    #expect(reference?.names["contributor"] == [Name(family: "Poe"), Name(given: "Edgar")])
    #expect(
      result.diagnostics.map(\.description) == [
        "in.json:2: warning: unknown name key 'nickname' ignored",
        "in.json:3: warning: a name with no family, given or literal part is ignored",
        "in.json:4: warning: a name in 'author' must be an object, found a number; ignored",
        "in.json:5: warning: name part 'family' must be a string, found an array",
        "in.json:5: warning: a name with no family, given or literal part is ignored",
        "in.json:6: warning: 'editor' should be an array of names; read as one name",
      ])
  }

  @Test func unknownKeysWithNameArraysAreNames() throws {
    let reference = try item(
      #"{"id": "a", "type": "book", "dedicatee": [{"family": "van Dyke", "given": "Dick"}]}"#)
    #expect(reference.names["dedicatee"] == [Name(family: "Dyke", given: "Dick", nonDroppingParticle: "van")])
    #expect(reference.fields.isEmpty)
  }

  // MARK: - Dates

  @Test func dateParts() throws {
    #expect(try issued(#"{"date-parts": [[2005, 12, 15]]}"#) == CSLDate(year: 2005, month: 12, day: 15))
    #expect(try issued(#"{"date-parts": [["1965", "6"]]}"#) == CSLDate(year: 1965, month: 6))
    #expect(try issued(#"{"date-parts": [["2000", "", ""]]}"#) == CSLDate(year: 2000))
    #expect(try issued(#"{"date-parts": [[-100, 1, 1]]}"#) == CSLDate(year: -100, month: 1, day: 1))
    #expect(try issued(#"{"date-parts": [[1999.0]]}"#) == CSLDate(year: 1999))
    #expect(
      try issued(#"{"date-parts": [[2000, 1, 5], [2000, 2, 7]]}"#)
        == CSLDate(start: .init(year: 2000, month: 1, day: 5), end: .init(year: 2000, month: 2, day: 7)))
    // An end of 0 is an open range; an empty end is no end.
    #expect(
      try issued(#"{"date-parts": [[1987], [0]]}"#) == CSLDate(start: .init(year: 1987), end: .init(year: 0)))
    #expect(try issued(#"{"date-parts": [[1987], []]}"#) == CSLDate(year: 1987))
    // An end with a month but no year shares the start's year.
    #expect(
      try issued(#"{"date-parts": [[1987, 5], [0, 6]]}"#)
        == CSLDate(start: .init(year: 1987, month: 5), end: .init(year: 1987, month: 6)))
  }

  @Test func seasonsCircaLiteral() throws {
    // Months 13–16, 17–20 and 21–24 are the four seasons.
    #expect(try issued(#"{"date-parts": [[1965, 13]]}"#) == CSLDate(start: .init(year: 1965, season: 1)))
    #expect(
      try issued(#"{"date-parts": [[1965, 17, 1]]}"#) == CSLDate(start: .init(year: 1965, day: 1, season: 1)))
    #expect(
      try issued(#"{"date-parts": [["1999", "21"], ["2001", "22"]], "raw": "Spring 1999 - Summer 2001"}"#)
        == CSLDate(start: .init(year: 1999, season: 1), end: .init(year: 2001, season: 2)))
    #expect(
      try issued(#"{"date-parts": [[2000]], "season": 3}"#) == CSLDate(start: .init(year: 2000, season: 3)))
    #expect(
      try issued(#"{"date-parts": [[2000]], "season": "3"}"#) == CSLDate(start: .init(year: 2000, season: 3)))
    #expect(
      try issued(#"{"date-parts": [[2013, 1, 30]], "season": "22:56:08"}"#)
        == CSLDate(start: .init(year: 2013, month: 1, day: 30), seasonText: "22:56:08"))
    #expect(try issued(#"{"season": "Christmas"}"#) == CSLDate(seasonText: "Christmas"))
    #expect(
      try issued(#"{"circa": 1, "date-parts": [[2005]]}"#) == CSLDate(start: .init(year: 2005), circa: true))
    #expect(try issued(#"{"circa": "true", "date-parts": [[2005]]}"#)?.circa == true)
    #expect(try issued(#"{"circa": false, "date-parts": [[2005]]}"#)?.circa == false)
    #expect(try issued(#"{"date-parts": [], "literal": "(in press)"}"#) == CSLDate(literal: "(in press)"))
  }

  @Test func rawDates() throws {
    #expect(try issued(#"{"raw": "1999-05-12"}"#) == CSLDate(year: 1999, month: 5, day: 12))
    #expect(try issued(#"{"date-parts": [], "raw": "Bogus Date"}"#) == CSLDate(literal: "Bogus Date"))
    #expect(
      try issued(#"{"raw": "Spring 1999 - Summer 2001"}"#)
        == CSLDate(start: .init(year: 1999, season: 1), end: .init(year: 2001, season: 2)))
    // date-parts win over raw; a literal is kept next to parsed parts.
    #expect(try issued(#"{"date-parts": [[2001]], "raw": "1999"}"#) == CSLDate(year: 2001))
    #expect(
      try issued(#"{"raw": "1999", "literal": "ninety-nine"}"#)
        == CSLDate(start: .init(year: 1999), literal: "ninety-nine"))
    // A plain string is read like raw.
    #expect(try issued(#""12 May 1999""#) == CSLDate(year: 1999, month: 5, day: 12))
    #expect(try issued(#""not a date""#) == CSLDate(literal: "not a date"))
  }

  @Test func badDatesWarn() {
    let result = read(
      """
      [{"id": "a", "type": "book",
        "issued": {"date-parts": [[1965, -1, 0]]},
        "accessed": {"date-parts": [["soon"]]},
        "submitted": {"date-parts": [[1965, 60, 32]], "year": 1965},
        "event-date": [1, 2],
        "original-date": {"date-parts": [[0, 5]]}}]
      """)
    let dates = result.references.first?.dates
    #expect(dates?["issued"] == CSLDate(year: 1965))
    #expect(dates?["accessed"] == nil)
    #expect(dates?["submitted"] == CSLDate(year: 1965))
    #expect(dates?["event-date"] == nil)
    #expect(dates?["original-date"] == nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "in.json:2: warning: month -1 in 'issued' is out of range; ignored",
        "in.json:3: warning: date part 'soon' in 'accessed' is not a number",
        "in.json:3: warning: 'accessed' has no usable date; ignored",
        "in.json:4: warning: month 60 in 'submitted' is out of range; ignored",
        "in.json:4: warning: day 32 in 'submitted' is out of range; ignored",
        "in.json:4: warning: unknown date key 'year' in 'submitted' ignored",
        "in.json:5: warning: 'event-date' holds an array, expected a date object; ignored",
        "in.json:6: warning: 'date-parts' in 'original-date' has no year; ignored",
        "in.json:6: warning: 'original-date' has no usable date; ignored",
      ])
  }

  // MARK: - Shared data

  @Test func readsTheSharedItems() throws {
    guard let bytes = SharedData.bytes("reference-outputs/items.json") else { return }
    let result = CSLJSONReader().read(bytes, file: "items.json")
    #expect(result.rejected.isEmpty)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5))")
    #expect(result.references.count == 300)
    #expect(Set(result.references.map(\.id)).count == 300)
    #expect(result.references.first?.id == "item000000")
    #expect(result.references.reduce(0) { $0 + ($1.names["author"]?.count ?? 0) } == 1260)
    #expect(result.references.reduce(0) { $0 + ($1.names["editor"]?.count ?? 0) } == 171)
    let second = try #require(result.references.dropFirst().first)
    #expect(second.type == "article-journal")
    #expect(
      second.names["author"]?[4] == Name(family: "Guttenberg", given: "Hans", nonDroppingParticle: "zu"))
    let first = try #require(result.references.first)
    #expect(first.names["author"]?[2] == Name(family: "司马", given: "光"))
    #expect(first.dates["issued"] == CSLDate(year: 2006))
    #expect(first.fields["page"] == "1936-1959")
  }
}

@Test func quotedFamilyNameIsTakenAsWritten() {
  let json = #"[{"id": "a", "type": "book", "author": [{"family": "\"van Happel\"", "given": "Eduard"}]}]"#
  let result = CSLJSONReader().read(Array(json.utf8), file: "q.json")
  let name = result.references.first?.names["author"]?.first
  #expect(name?.family == "van Happel")
  #expect(name?.nonDroppingParticle == nil)
}
