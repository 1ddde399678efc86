import TestSupport
import Testing

@testable import Citeproc

/// Fast paths give exactly what the general code gives.
struct FastPathTests {
  @Test func asciiCollationKeysEqualTheFoldedOnes() {
    var samples = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
    samples += [
      "", " ", "  a  b  ", "Smith, John A.", "van der Berg 2019", "007 and 0 and 000123abc", "A1b22c333",
      "The Lancet\t\r\nvol. 12(3):45-67", "O'Brien-Smith", "x_y~z|w^v`u", "9", "10", "0", "ab  12  ",
    ]
    var random = TestRandom(seed: 12345)
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<random.next(17) { text.append(Character(Unicode.Scalar(UInt8(random.next(128))))) }
      samples.append(text)
    }
    for sample in samples {
      #expect(
        SortValue.asciiCollationKey(sample) == SortValue.generalCollationKey(sample), "\(Array(sample.utf8))")
    }
    #expect(SortValue.asciiCollationKey("Émile") == nil)
  }
}

/// The special variables are recognised by name, and no other name is taken for one.
struct SpecialVariableTests {
  @Test func specialVariablesAreFoundByNameTest() {
    let expected: [String: SpecialVariable] = [
      "citation-number": .citationNumber, "first-reference-note-number": .firstReferenceNoteNumber,
      "year-suffix": .yearSuffix, "locator": .locator, "page": .page, "citation-label": .citationLabel,
      "page-first": .pageFirst, "title": .title, "container-title": .containerTitle,
      "collection-title": .collectionTitle,
    ]
    for (name, special) in expected { #expect(SpecialVariable(name) == special, "\(name)") }
    // Other variables, some of the same length and first letter, and near misses.
    let others =
      Array(CSLVariables.names) + Array(CSLVariables.dates) + Array(CSLVariables.numbers) + [
        "", "citation-numbeR", "container-titlf", "collection-titlE", "titles", "Title", "pages", "pag",
        "year-suffiX", "locators", "page-firsT", "citation-labels", "abstract", "publisher", "DOI", "URL",
        "container-title-short", "title-short", "collection-number",
      ]
    var checked = 0
    for name in others where expected[name] == nil {
      #expect(SpecialVariable(name) == nil, "\(name)")
      checked += 1
    }
    #expect(checked > 40)
  }
}
