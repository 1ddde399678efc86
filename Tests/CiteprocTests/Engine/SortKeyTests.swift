import Testing

@testable import Citeproc

/// Sort key comparison, with expectations worked out by hand.
struct SortKeyTests {
  func order(_ a: String, _ b: String) -> Int {
    SortValue.compare(SortValue.text(fromDisplay: a), SortValue.text(fromDisplay: b))
  }

  @Test func caseAndAccentsDoNotCount() {
    #expect(order("Émile", "emile") == 0)
    #expect(order("alpha", "Beta") == -1)
  }

  @Test func punctuationIsIgnored() {
    #expect(order("Simple title, here A", "\u{201C}Simple title here B\u{201D}") == -1)
    #expect(order("\u{2019}t Horvath", "Klabdaggit") == 1)
    #expect(order("[Anonymous]", "Anonymous") == 0)
  }

  @Test func aSpaceSortsBeforeLetters() {
    #expect(order("A er det", "Ab Delrahman") == -1)
    #expect(order("Dale  Zippy", "Dale Zippy") == 0)
  }

  @Test func digitRunsCompareAsNumbers() {
    #expect(order("Item 9", "Item 10") == -1)
    #expect(order("Item 010", "Item 10") == 0)
    #expect(order("Item 2", "Item A") == -1)
  }

  @Test func missingValuesSortLast() {
    #expect(SortValue.compare(.missing, .text("a")) == 1)
    #expect(SortValue.compare(.number(3), .missing) == -1)
    #expect(SortValue.text(fromDisplay: " , ") == .missing)
  }

  @Test func structuredPartsCompareOneByOne() {
    let dale = SortValue.text(
      ["dale", "zippy"].map(SortValue.collationKey).joined(separator: SortValue.partSeparator))
    let dalebout = SortValue.text(
      ["dalebout", "arnie"].map(SortValue.collationKey).joined(separator: SortValue.partSeparator))
    #expect(SortValue.compare(dale, dalebout) == -1)
  }

  @Test func leadingArticlesOfInstitutions() {
    #expect(Processor.strippingLeadingArticle("The New York Times") == "New York Times")
    #expect(Processor.strippingLeadingArticle("Theatre Guild") == "Theatre Guild")
  }
}
