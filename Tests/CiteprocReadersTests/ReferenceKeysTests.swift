import CiteprocData
import CiteprocReaders
import Testing

@Suite struct ReferenceKeysTests {
  @Test func baseFromFamilyNameAndYear() {
    let reference = Reference(
      id: "", type: "book", names: ["author": [Name(family: "Müller-Łukasz", given: "Jörg")]],
      dates: ["issued": CSLDate(year: 2020)])
    #expect(ReferenceKeys.base(for: reference) == "mullerlukasz2020")
    #expect(ReferenceKeys.asciiLetters("Straße Ærø") == "strasseaero")
  }

  @Test func baseFallsBackToLiteralThenTitle() {
    let literal = Reference(
      id: "", type: "report", names: ["author": [.literal("World Health Organization")]])
    #expect(ReferenceKeys.base(for: literal) == "world")
    let untitled = Reference(id: "", type: "book", fields: ["title": "“1984” – Éloge"])
    #expect(ReferenceKeys.base(for: untitled) == "eloge")
    #expect(ReferenceKeys.base(for: Reference(id: "", type: "book")) == "ref")
  }

  @Test func clashesGetLettersOnEveryUse() {
    #expect(
      ReferenceKeys.uniqueKeys(for: ["smith2020", "jones2019", "smith2020"])
        == ["smith2020a", "jones2019", "smith2020b"])
    #expect(
      ReferenceKeys.uniqueKeys(for: ["smith2020"], reserved: ["smith2020", "smith2020a"]) == ["smith2020b"])
    let many = ReferenceKeys.uniqueKeys(for: Array(repeating: "x", count: 28))
    #expect(many[25] == "xz")
    #expect(many[26] == "xaa")
    #expect(Set(many).count == 28)
  }

  @Test func readerKeepsUniqueIDsAndGeneratesTheRest() {
    let result = TestSupport.read(
      """
      TY  - JOUR
      AU  - Smith, A
      PY  - 2020
      ER  -
      TY  - JOUR
      AU  - Smith, B
      PY  - 2020
      ER  -
      TY  - JOUR
      ID  - dup
      TI  - One
      ER  -
      TY  - JOUR
      ID  - dup
      TI  - Two
      ER  -
      TY  - JOUR
      ID  - mine
      TI  - Three
      ER  -
      """)
    #expect(result.references.map(\.id) == ["smith2020a", "smith2020b", "one", "two", "mine"])
    #expect(result.diagnostics.contains { $0.message.contains("\"dup\"") })
  }
}
