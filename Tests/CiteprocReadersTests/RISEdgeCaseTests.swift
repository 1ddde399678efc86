import CiteprocData
import CiteprocReaders
import Testing

/// One test per row of the edge-case table (RIS.md §6), with values worked out by hand.
@Suite struct RISEdgeCaseTests {
  private func read(_ text: String) -> ReadResult { TestSupport.read(text) }

  private func one(_ text: String) throws -> Reference {
    let result = read(text)
    #expect(result.rejected.isEmpty)
    try #require(result.references.count == 1)
    return result.references[0]
  }

  private func person(_ name: Name?) -> String {
    guard let name else { return "nil" }
    if let literal = name.literal { return "literal:\(literal)" }
    let particle = name.nonDroppingParticle.map { $0 + " " } ?? ""
    let suffix = name.suffix.map { "|" + $0 } ?? ""
    return "\(particle)\(name.family ?? "")|\(name.given ?? "")\(suffix)"
  }

  private func ymd(_ date: CSLDate?) -> String {
    guard let start = date?.start else { return "none" }
    var text = String(start.year)
    if let month = start.month { text += "-\(month)" }
    if let day = start.day { text += "-\(day)" }
    if let season = start.season { text += " season \(season)" }
    return text
  }

  @Test("1: UTF-8 byte order mark before the first tag")
  func byteOrderMark() throws {
    let result = TestSupport.read("\u{FEFF}TY  - JOUR\nTI  - A title\nER  - \n")
    try #require(result.references.count == 1)
    #expect(result.references[0].type == "article-journal")
    #expect(result.references[0].fields["title"] == "A title")
    #expect(result.diagnostics.isEmpty)
  }

  @Test("2: CRLF, lone CR and mixed line ends")
  func lineEnds() throws {
    let reference = try one("TY  - JOUR\r\nAU  - Smith, John\rTI  - Mixed\r\nPY  - 2020\nER  - \r")
    #expect(person(reference.names["author"]?.first) == "Smith|John")
    #expect(reference.fields["title"] == "Mixed")
    #expect(ymd(reference.dates["issued"]) == "2020")
  }

  @Test("3: one space on each side of the hyphen")
  func oneSpaceSeparator() throws {
    let result = read("TY - JOUR\nTI - One space\nPY - 1999\nER - \n")
    try #require(result.references.count == 1)
    #expect(result.references[0].fields["title"] == "One space")
    #expect(ymd(result.references[0].dates["issued"]) == "1999")
    #expect(result.diagnostics.isEmpty)
  }

  @Test("4: tab or extra spaces as separator")
  func tabsAndExtraSpaces() throws {
    let reference = try one("TY -  BOOK\nAU\t- Smith, J\nID \t- 12\nTI  - Tabbed\nER  - ")
    #expect(reference.type == "book")
    #expect(person(reference.names["author"]?.first) == "Smith|J")
    #expect(reference.id == "12")
  }

  @Test("5: empty values do not swallow the next line")
  func emptyValues() throws {
    let reference = try one("TY  - JOUR\nTI  - T\nSP  -\nIS  - \nVL  - 3\nEP  -\nER  - ")
    #expect(reference.fields["page"] == nil)
    #expect(reference.fields["issue"] == nil)
    #expect(reference.fields["volume"] == "3")
  }

  @Test("6: ER with trailing text, without trailing space, and missing")
  func endOfRecordVariants() throws {
    let text = """
      TY  - JOUR
      TI  - First
      ER  - dsfd
      TY  - JOUR
      TI  - Second
      ER  -
      TY  - JOUR
      TI  - Third
      TY  - JOUR
      TI  - Fourth
      """
    let result = read(text)
    #expect(result.references.map { $0.fields["title"] ?? "" } == ["First", "Second", "Third", "Fourth"])
    let missing = result.diagnostics.filter { $0.message.contains("no ER line") }
    #expect(missing.map(\.line) == [7, 9])
    #expect(missing.allSatisfy { $0.severity == .warning })
  }

  @Test("7: leading blank lines and blank lines between tags")
  func blankLines() throws {
    let reference = try one("\n\n\nTY  - JOUR\n\nTI  - Spaced\n\nPY  - 2001\n\nER  - \n\n")
    #expect(reference.fields["title"] == "Spaced")
    #expect(ymd(reference.dates["issued"]) == "2001")
  }

  @Test("8: junk before and between records; tag lines outside records are reported")
  func junkBetweenRecords() throws {
    let text = """
      1.
      Record #1 of 2
      Provider: Demo Dataverse
      TY  - JOUR
      TI  - A
      ER  -
      Link to the Ovid Full Text or citation: http://example.org/ovid
      2.
      AU  - Stray, Person
      TY  - JOUR
      TI  - B
      ER  -
      """
    let result = read(text)
    #expect(result.references.map { $0.fields["title"] ?? "" } == ["A", "B"])
    #expect(result.references.allSatisfy { $0.names.isEmpty })
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.line == 9)
    #expect(result.diagnostics.first?.message.contains("outside any record") == true)
  }

  @Test("9: continuation line of a wrapped value")
  func continuationLine() throws {
    let reference = try one(
      "TY  - JOUR\nT1  - Blood-brain barrier breach following\ncortical contusion in the rat\nER  - ")
    #expect(reference.fields["title"] == "Blood-brain barrier breach following cortical contusion in the rat")
  }

  @Test("10: continuation line that starts like a tag")
  func continuationStartingLikeATag() throws {
    let reference = try one(
      """
      TY  - JOUR
      TI  - T
      AB  - Cells were stressed.
      ER stress markers were increased in all groups.
      PY  - 2019
      ER  -
      """)
    #expect(
      reference.fields["abstract"] == "Cells were stressed. ER stress markers were increased in all groups.")
    #expect(ymd(reference.dates["issued"]) == "2019")
  }

  @Test("11: blank line inside a value")
  func blankLineInsideValue() throws {
    let reference = try one("TY  - JOUR\nTI  - T\nN1  - Cited By :44\n\nExport Date: 1 April 2016\nER  - ")
    #expect(reference.fields["note"] == "Cited By :44\nExport Date: 1 April 2016")
  }

  @Test("12: list continued on untagged lines")
  func keywordListOnUntaggedLines() throws {
    let reference = try one("TY  - JOUR\nTI  - T\nKW  - Humans\nFemale\nHypertension/*drug therapy\nER  - ")
    #expect(reference.fields["keyword"] == "Humans, Female, Hypertension/*drug therapy")
  }

  @Test("13: repeated single-valued tags: first title, publication PY over history dates")
  func repeatedTags() throws {
    let reference = try one(
      """
      TY  - JOUR
      TI  - First title
      TI  - Second title
      PY  - 2013/02/15/received
      PY  - 2013/04/18
      PY  - 2013/03/14/accepted
      ER  -
      """)
    #expect(reference.fields["title"] == "First title")
    #expect(ymd(reference.dates["issued"]) == "2013-4-18")
  }

  @Test("14: unknown and non-standard tags")
  func nonStandardTags() throws {
    let reference = try one(
      """
      TY  - JOUR
      TI  - T
      PU  - ELSEVIER
      VO  - 19
      PP  - Amsterdam
      M4  - Citavi
      H1  - UB Mannheim
      ER  -
      """)
    #expect(reference.fields["publisher"] == "ELSEVIER")
    #expect(reference.fields["volume"] == "19")
    #expect(reference.fields["publisher-place"] == "Amsterdam")
    #expect(!reference.fields.values.contains("Citavi"))
    #expect(!reference.fields.values.contains("UB Mannheim"))
  }

  @Test("15: written-out, unknown and empty types")
  func typeSpellings() throws {
    let result = read(
      """
      TY  - Journal Article
      TI  - Written out
      ER  -
      TY  - XYZZ
      TI  - Unknown code
      ER  -
      TY  -
      TI  - Empty, no journal
      ER  -
      TY  -
      TI  - Empty, journal-like
      T2  - Journal of Things
      VL  - 4
      ER  -
      TY  - INTV
      TI  - Interview
      ER  -
      """)
    #expect(
      result.references.map(\.type) == [
        "article-journal", "document", "document", "article-journal", "interview",
      ])
    let warnings = result.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.contains { $0.line == 4 && $0.message.contains("XYZZ") })
    #expect(warnings.contains { $0.line == 7 && $0.message.contains("empty TY") })
    #expect(!warnings.contains { $0.line == 1 })
  }

  @Test("16: years with empty slots")
  func emptyDateSlots() throws {
    #expect(ymd(try one("TY  - JOUR\nTI  - T\nPY  - 2011///\nER  - ").dates["issued"]) == "2011")
    #expect(ymd(try one("TY  - JOUR\nTI  - T\nY1  - 2016/01/\nER  - ").dates["issued"]) == "2016-1")
    #expect(ymd(try one("TY  - JOUR\nTI  - T\nDA  - 2016/12//\nER  - ").dates["issued"]) == "2016-12")
  }

  @Test("17: dates with a qualifier or a season")
  func dateQualifiers() throws {
    #expect(
      ymd(try one("TY  - JOUR\nTI  - T\nPY  - 2011/08/01/Spring\nER  - ").dates["issued"]) == "2011-8-1")
    #expect(
      ymd(try one("TY  - JOUR\nTI  - T\nPY  - 2017/04/07/online\nER  - ").dates["issued"]) == "2017-4-7")
    #expect(
      ymd(try one("TY  - JOUR\nTI  - T\nPY  - 1998///Spring\nER  - ").dates["issued"]) == "1998 season 1")
  }

  @Test("18: month-only DA with the year in PY")
  func monthOnlyDA() throws {
    let reference = try one("TY  - JOUR\nTI  - T\nDA  - Jun\nPY  - 2011\nER  - ")
    #expect(ymd(reference.dates["issued"]) == "2011-6")
  }

  @Test("19: free-text dates")
  func freeTextDates() throws {
    #expect(
      ymd(try one("TY  - JOUR\nTI  - T\nDA  - JAN 23\nPY  - 2020\nER  - ").dates["issued"]) == "2020-1-23")
    #expect(ymd(try one("TY  - JOUR\nTI  - T\nY1  - Dec. 2010\nER  - ").dates["issued"]) == "2010-12")
    #expect(ymd(try one("TY  - JOUR\nTI  - T\nY1  - 2015/october\nER  - ").dates["issued"]) == "2015-10")
  }

  @Test("20: placeholder and garbage years give no date and a warning")
  func garbageYears() throws {
    for value in ["0000", "10 15"] {
      let result = read("TY  - JOUR\nTI  - T\nPY  - \(value)\nER  - ")
      try #require(result.references.count == 1)
      #expect(result.references[0].dates["issued"] == nil)
      #expect(result.diagnostics.contains { $0.line == 3 && $0.message.contains(value) })
    }
  }

  @Test("21: author forms")
  func authorForms() throws {
    let reference = try one(
      """
      TY  - JOUR
      TI  - T
      AU  - Shannon, Claude E.
      A1  - Baldwin,S.A.
      AU  - Liu R.
      AU  - Neilen AD
      AU  - C. Li
      AU  - Catarina Barata
      ER  -
      """)
    #expect(
      reference.names["author"]?.map(person) == [
        "Shannon|Claude E.", "Baldwin|S.A.", "Liu|R.", "Neilen|A D", "Li|C.", "Barata|Catarina",
      ])
  }

  @Test("22: particles, suffixes and capitals")
  func particlesSuffixesCapitals() throws {
    let reference = try one(
      "TY  - JOUR\nTI  - T\nAU  - van de Schoot, Rens\nAU  - Phillips,A.J.,Sr.\nAU  - SMITH, JOHN A.\nER  - ")
    let authors = try #require(reference.names["author"])
    try #require(authors.count == 3)
    #expect(authors[0].nonDroppingParticle == "van de")
    #expect(authors[0].family == "Schoot")
    #expect(authors[0].given == "Rens")
    #expect(authors[1].family == "Phillips")
    #expect(authors[1].given == "A.J.")
    #expect(authors[1].suffix == "Sr.")
    #expect(authors[2].family == "SMITH")
    #expect(authors[2].given == "JOHN A.")
  }

  @Test("23: corporate authors")
  func corporateAuthors() throws {
    let reference = try one("TY  - CPAPER\nTI  - T\nAU  - World Health Organization\nA1  - IEEE\nER  - ")
    #expect(reference.names["author"] == [.literal("World Health Organization"), .literal("IEEE")])
  }

  @Test("24: range inside SP")
  func rangeInStartPage() throws {
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - e484-e491\nER  - ").fields["page"] == "e484-e491")
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - 484-91\nER  - ").fields["page"] == "484-91")
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - 1-22\nEP  - 22\nER  - ").fields["page"] == "1-22")
  }

  @Test("25: split pages with a prefix or an abbreviated end")
  func splitPages() throws {
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - e484\nEP  - e491\nER  - ").fields["page"] == "e484-e491")
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - 377\nEP  - 86\nER  - ").fields["page"] == "377-86")
  }

  @Test("26: SP and EP that are not pages")
  func nonPages() throws {
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - No\nEP  - Specified\nER  - ").fields["page"] == nil)
    #expect(try one("TY  - JOUR\nTI  - T\nSP  - 034708\nER  - ").fields["page"] == "034708")
  }

  @Test("27: DOI spellings and places")
  func doiSpellings() throws {
    #expect(
      try one("TY  - JOUR\nTI  - T\nDO  - doi:10.1201/b19107-2\nER  - ").fields["DOI"] == "10.1201/b19107-2")
    #expect(
      try one("TY  - JOUR\nTI  - T\nDO  - http://dx.doi.org/10.1016/j.actamat.2016.09.028\nER  - ")
        .fields["DOI"] == "10.1016/j.actamat.2016.09.028")
    #expect(
      try one("TY  - JOUR\nTI  - T\nM3  - doi: 10.1063/1.1954747\nER  - ").fields["DOI"]
        == "10.1063/1.1954747")
    #expect(
      try one("TY  - JOUR\nTI  - T\nL3  - 10.1038/s41562-017-0082\nER  - ").fields["DOI"]
        == "10.1038/s41562-017-0082")
    #expect(
      try one("TY  - JOUR\nTI  - T\nUR  - https://doi.org/10.1000/xyz123\nER  - ").fields["DOI"]
        == "10.1000/xyz123")
  }

  @Test("28: several URLs")
  func severalURLs() throws {
    #expect(
      try one("TY  - JOUR\nTI  - T\nUR  - http://a.example/x; http://b.example/y\nER  - ").fields["URL"]
        == "http://a.example/x")
    #expect(
      try one("TY  - JOUR\nTI  - T\nUR  - http://a.example/x\nUR  - http://b.example/y\nER  - ").fields["URL"]
        == "http://a.example/x")
    #expect(
      try one("TY  - JOUR\nTI  - T\nUR  - http://a.example/x\nhttp://b.example/y\nVL  - 1\nER  - ").fields[
        "URL"]
        == "http://a.example/x")
  }

  @Test("29: ISSN and ISBN lists and decorations")
  func standardNumbers() throws {
    #expect(try one("TY  - JOUR\nTI  - T\nSN  - 0894-9867, 0894-9867\nER  - ").fields["ISSN"] == "0894-9867")
    #expect(
      try one("TY  - JOUR\nTI  - T\nSN  - 2325-9671 (electronic)\nER  - ").fields["ISSN"] == "2325-9671")
    #expect(try one("TY  - JOUR\nTI  - T\nSN  - 20964129 (ISSN) \nER  - ").fields["ISSN"] == "2096-4129")
    let book = try one("TY  - BOOK\nTI  - T\nSN  - 978-90-386-4503-2\nER  - ")
    #expect(book.fields["ISBN"] == "978-90-386-4503-2")
    #expect(book.fields["ISSN"] == nil)
  }

  @Test("30: keywords in one tag")
  func keywordsInOneTag() throws {
    #expect(try one("TY  - JOUR\nTI  - T\nKW  - a; b; c\nER  - ").fields["keyword"] == "a, b, c")
    #expect(
      try one("TY  - JOUR\nTI  - T\nKW  - Keyword1, Keyword2, Keyword3\nKeyword4; Keyword5\nER  - ")
        .fields["keyword"] == "Keyword1, Keyword2, Keyword3, Keyword4, Keyword5")
    #expect(
      try one("TY  - JOUR\nTI  - T\nKW  - *athlete\nKW  - athlete\nER  - ").fields["keyword"] == "athlete")
  }

  @Test("31: journal only as an abbreviation")
  func journalOnlyAsAbbreviation() throws {
    let reference = try one("TY  - JOUR\nTI  - T\nJA  - Nature Human Behaviour\nER  - ")
    #expect(reference.fields["container-title"] == "Nature Human Behaviour")
    #expect(reference.fields["container-title-short"] == "Nature Human Behaviour")
  }

  @Test("32: invisible characters in values")
  func invisibleCharacters() throws {
    let reference = try one(
      "TY  - JOUR\nT1  - Line one\u{2028}Line two\nN1  - Funding\u{00A0}text\u{1}\u{5}\nAB  - Tab\there\u{2029}end\nER  - "
    )
    #expect(reference.fields["title"] == "Line one Line two")
    #expect(reference.fields["note"] == "Funding text")
    #expect(reference.fields["abstract"] == "Tab\there end")
  }

  @Test("33: files that are not RIS name their format")
  func notRIS() throws {
    let cases: [(String, String)] = [
      (
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Parkes-Loach, PS\nTI A title\nER\nEF\n",
        "Web of Science"
      ),
      ("PT J\nAU Parkes-Loach, PS\nTI A title\nER\n", "Web of Science"),
      ("%0 Journal Article\n%A Smith, John\n%T A title\n%D 2001\n", "EndNote"),
      (
        "PMID- 28441597\nOWN - NLM\nTI  - A title\nAU  - Neilen AD\nFAU - Neilen, Anna D\n", "MEDLINE (.nbib)"
      ),
    ]
    for (text, format) in cases {
      let result = read(text)
      #expect(result.references.isEmpty)
      #expect(result.rejected.isEmpty)
      #expect(result.allDiagnostics.count == 1)
      let error = try #require(result.allDiagnostics.first)
      #expect(error.severity == .error)
      #expect(error.message.contains(format))
      #expect(error.message.contains("not RIS"))
    }
  }

  @Test("34: a record collapsed onto one line is recovered with a warning")
  func collapsedRecord() throws {
    let result = read(
      "TY - JOUR T1 - Holding relationships AU - Simon Cocksedge AU - G Kelly Nugent PY - 2011 ER -")
    try #require(result.references.count == 1)
    let reference = result.references[0]
    #expect(reference.type == "article-journal")
    #expect(reference.fields["title"] == "Holding relationships")
    #expect(reference.names["author"]?.map(person) == ["Cocksedge|Simon", "Nugent|G Kelly"])
    #expect(ymd(reference.dates["issued"]) == "2011")
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.line == 1)
    #expect(result.diagnostics.first?.message.contains("single line") == true)

    let two = read(
      "TY - BOOK AU - Hoenicka,M. TI - The refdb manual PY - 2001 ER - TY - JOUR TI - Second AU - Li, C. ER -"
    )
    #expect(two.references.map(\.type) == ["book", "article-journal"])
    #expect(two.references.map { $0.fields["title"] ?? "" } == ["The refdb manual", "Second"])

    // A repeated single-valued tag inside the abstract stays text.
    let abstract = read("TY - JOUR TI - Scores AB - We used a T1 - weighted scan. PY - 2020 ER -")
    #expect(abstract.references.first?.fields["abstract"] == "We used a T1 - weighted scan.")

    // An unknown type is not recovered: the line is one TY value, so the record has nothing usable.
    let refused = read("TY - FOO T1 - x AU - Smith, J ER -")
    #expect(refused.references.isEmpty)
    #expect(refused.rejected.count == 1)
  }
}
