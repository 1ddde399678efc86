import TestSupport
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

/// An item's sort values end with its last value that is not missing; the keys after it read as
/// missing, which sorts last in either direction.
struct TrailingMissingSortValueTests {
  @Test func valuesEndWithTheLastPresentOne() throws {
    let processor = Processor(
      style: try StyleLoader().load("harvard").style, locale: Locale(language: "en-GB", layers: []))
    let keys = [
      SortKey(source: .variable("title"), ascending: true),
      SortKey(source: .variable("volume"), ascending: true),
      SortKey(source: .variable("issue"), ascending: true),
    ]
    let withVolume = Reference(id: "a", type: "book", fields: ["title": "Alpha", "volume": "3"])
    let titleOnly = Reference(id: "b", type: "book", fields: ["title": "Alpha"])
    let values = [withVolume, titleOnly].map {
      processor.sortValues(keys, reference: $0, cite: CiteContext(), inCitation: false)
    }
    #expect(values[0].count == 2)
    #expect(values[1].count == 1)
    #expect(values[1].value(at: 1) == .missing && values[1].value(at: 2) == .missing)
    #expect(
      processor.sortValues(
        keys, reference: Reference(id: "c", type: "book"), cite: CiteContext(), inCitation: false
      ).isEmpty)
    // The item without a volume comes after the one with it, whichever way the key sorts.
    for ascending in [true, false] {
      var sorted = keys
      sorted[1].ascending = ascending
      #expect(processor.sortedIndices(values, keys: sorted) == [0, 1])
      #expect(processor.sortedIndices([values[1], values[0]], keys: sorted) == [1, 0])
    }
  }
}

/// The bibliography order of a long list, sorted in halves on two cores and merged, is the order
/// one sort gives.
struct ParallelSortTests {
  @Test func halvesMergedEqualOneSortTest() throws {
    let loaded = try StyleLoader().load(
      TestPaths.packageRoot.appendingPathComponent("Styles/harvard.csl").path)
    let processor = Processor(
      style: loaded.style, locale: Locale(language: "en-GB", layers: []))
    var random = TestRandom(seed: 2718)
    let words = ["Smith", "smith", "Émile", "Zhou", "de Vries", "", "10", "9", "Ab", "A b"]
    func value() -> SortValue {
      switch random.next(6) {
      case 0: return .missing
      case 1: return .number(random.next(30))
      default: return SortValue.text(fromDisplay: words[random.next(words.count)])
      }
    }
    let count = Processor.parallelSortMinimum * 3 + 17
    let values = (0..<count).map { _ in [value(), value()] }
    let keys = [
      SortKey(source: .variable("author"), ascending: true),
      SortKey(source: .variable("issued"), ascending: false),
    ]
    // One sort on one core with the same order.
    let expected = values.indices.sorted(by: Processor.order(values, keys: keys))
    #expect(processor.sortedIndices(values, keys: keys) == expected)
    // Short lists take the one-core way.
    let short = Array(values.prefix(100))
    #expect(processor.sortedIndices(short, keys: keys) == expected.filter { $0 < 100 })
  }

  /// Text kept uncollated sorts exactly as its collation key does: in the runs of items tied on
  /// the keys before it, when mixed with collated text and missing values at the same key, and
  /// with keys after it; and so do the comparisons of the mending sort.
  @Test func uncollatedTextSortsAsItsKey() throws {
    let loaded = try StyleLoader().load("harvard")
    let processor = Processor(style: loaded.style, locale: Locale(language: "en-GB", layers: []))
    var random = TestRandom(seed: 31415)
    let lead = ["Smith", "Jones", "", "Émile"]
    let titles = ["The cat", "the Cat", "A dog", "Über alles", "10 rules", "9 rules", "Ab", "A b", "Zebra"]
    func row() -> (plain: [SortValue], lazy: [SortValue]) {
      let first =
        random.next(5) == 0 ? SortValue.missing : SortValue.text(fromDisplay: lead[random.next(lead.count)])
      let title = titles[random.next(titles.count)]
      let key = SortValue.text(fromDisplay: title)
      let lazy: SortValue
      switch random.next(5) {
      case 0: lazy = .missing
      case 1: lazy = key  // a title with markup keeps its key
      default: lazy = .uncollated(title)
      }
      let last = SortValue.number(random.next(3))
      return ([first, lazy.collated, last], [first, lazy, last])
    }
    let keys = [
      SortKey(source: .variable("author"), ascending: true),
      SortKey(source: .variable("title"), ascending: false),
      SortKey(source: .variable("volume"), ascending: true),
    ]
    for count in [40, Processor.parallelSortMinimum * 2 + 3] {
      let rows = (0..<count).map { _ in row() }
      let plain = rows.map(\.plain)
      let lazy = rows.map(\.lazy)
      #expect(lazy.contains { $0[1].isUncollated })
      let expected = plain.indices.sorted(by: Processor.order(plain, keys: keys))
      #expect(processor.sortedIndices(lazy, keys: keys) == expected)
      #expect(lazy.indices.sorted(by: Processor.order(lazy, keys: keys)) == expected)
    }
    #expect(SortValue.uncollated("Über").collated == .text(SortValue.collationKey("Über")))
    #expect(SortValue.compare(.uncollated("b"), .text(SortValue.collationKey("a"))) == 1)
    #expect(SortValue.compare(.uncollated("The a"), .uncollated("the A")) == 0)
  }

  /// After some values change, the old order with the changed items merged in again is the order
  /// a full sort of the new values gives.
  @Test func resortingChangedItemsEqualsAFullSortTest() {
    var random = TestRandom(seed: 1618)
    let words = ["Smith", "Smith a", "Smith b", "Jones", "", "2015", "2015a", "2016"]
    func value() -> SortValue {
      random.next(8) == 0 ? .missing : SortValue.text(fromDisplay: words[random.next(words.count)])
    }
    let keys = [
      SortKey(source: .variable("author"), ascending: true),
      SortKey(source: .variable("issued"), ascending: true),
    ]
    for changedCount in [0, 1, 7, 60, 500] {
      var values = (0..<1_000).map { _ in [value(), value()] }
      let before = values.indices.sorted(by: Processor.order(values, keys: keys))
      var changed: [Int] = []
      while changed.count < changedCount {
        let position = random.next(values.count)
        if !changed.contains(position) { changed.append(position) }
      }
      for position in changed { values[position] = [value(), value()] }
      let expected = values.indices.sorted(by: Processor.order(values, keys: keys))
      let resorted = Processor.resorted(before, changed: changed, by: Processor.order(values, keys: keys))
      #expect(resorted == expected, "\(changedCount) changed")
      if changedCount > 0 { #expect(before != expected || changedCount < 7) }
    }
  }

  @Test func mergeKeepsTheFirstListFirstOnTiesTest() {
    // Compared by tens only, so that equal elements can still be told apart.
    let merged = Processor.merged([10, 21, 30], [11, 20, 31]) { $0 / 10 < $1 / 10 }
    #expect(merged == [10, 11, 21, 20, 30, 31])
  }
}
