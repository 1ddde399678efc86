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

/// The order of fully worked-out sort values, compared key after key with the CSL rules: a
/// descending key reverses the order of present values, a missing value sorts last either way, and
/// items equal on every key keep their index order. The order the engine must give.
private func referenceOrder(_ values: [[SortValue]], keys: [SortKey]) -> [Int] {
  values.indices.sorted { a, b in
    for (index, key) in keys.enumerated() {
      let x = values[a].value(at: index).collated
      let y = values[b].value(at: index).collated
      var result = SortValue.compare(x, y)
      if !key.ascending, x != .missing, y != .missing { result = -result }
      if result != 0 { return result < 0 }
    }
    return a < b
  }
}

extension Processor {
  /// `sortedLazily` of values already worked out for every key.
  fileprivate func sortedFully(_ values: [[SortValue]], keys: [SortKey]) -> [Int] {
    var values = values
    var computed = [Int](repeating: keys.count, count: values.count)
    return sortedLazily(&values, computed: &computed, keys: keys) { items, _ in
      Issue.record("\(items.count) values asked for, all were given")
      return []
    }
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
    // The three tie on the title; only "c" has no title, and it ties with nothing.
    let references = [
      Reference(id: "a", type: "book", fields: ["title": "Alpha", "volume": "3"]),
      Reference(id: "b", type: "book", fields: ["title": "Alpha"]),
      Reference(id: "c", type: "book"),
      Reference(id: "d", type: "book", fields: ["title": "Alpha", "issue": "2"]),
    ]
    var kept = [[SortValue]](repeating: [], count: references.count)
    var computed = [Int](repeating: 0, count: references.count)
    let order = processor.sortedLazily(&kept, computed: &computed, keys: keys) { items, key in
      items.map {
        processor.sortValue(keys[key], reference: references[$0], cite: CiteContext(), inCitation: false)
      }
    }
    // Missing sorts last: the volume of "a" before the others; then "d" with an issue.
    #expect(order == [0, 3, 1, 2])
    // "a" is alone after the volume; "c" after the title.
    #expect(computed == [2, 3, 1, 3])
    // What is kept ends with the last value present.
    #expect(kept.map(\.count) == [2, 1, 0, 3])
    #expect(kept[1].value(at: 1) == .missing && kept[1].value(at: 2) == .missing)
    #expect(kept[3].value(at: 1) == .missing && kept[3].value(at: 2) == .number(2))
    let values = Array(kept[0...1])
    // The item without a volume comes after the one with it, whichever way the key sorts.
    for ascending in [true, false] {
      var sorted = keys
      sorted[1].ascending = ascending
      #expect(processor.sortedFully(values, keys: sorted) == [0, 1])
      #expect(processor.sortedFully([values[1], values[0]], keys: sorted) == [1, 0])
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
    let expected = referenceOrder(values, keys: keys)
    #expect(processor.sortedFully(values, keys: keys) == expected)
    // Short lists take the one-core way.
    let short = Array(values.prefix(100))
    #expect(processor.sortedFully(short, keys: keys) == expected.filter { $0 < 100 })
  }

  /// Values worked out key by key as the sort asks for them give the order of values worked out
  /// beforehand; only the items that tie on every key before a key are asked for it.
  @Test func valuesWorkedOutWhenNeededGiveTheSameOrderTest() throws {
    let processor = Processor(
      style: try StyleLoader().load("harvard").style, locale: Locale(language: "en-GB", layers: []))
    var random = TestRandom(seed: 577)
    let words = ["Smith", "Jones", "Émile", "", "10", "9", "de Vries"]
    func value() -> SortValue {
      switch random.next(5) {
      case 0: return .missing
      case 1: return .number(random.next(4))
      default: return SortValue.text(fromDisplay: words[random.next(words.count)])
      }
    }
    let keys = [
      SortKey(source: .variable("author"), ascending: true),
      SortKey(source: .variable("issued"), ascending: false),
      SortKey(source: .variable("title"), ascending: true),
    ]
    for count in [2, 30, Processor.parallelSortMinimum + 9] {
      // The first key ties for a few items only (the same author); the others often tie.
      let full = (0..<count).map { _ in
        [random.next(10) == 0 ? SortValue.missing : .number(random.next(4 * count)), value(), value()]
      }
      var values = [[SortValue]](repeating: [], count: count)
      var computed = [Int](repeating: 0, count: count)
      var asked = [[Int]](repeating: [], count: keys.count)
      let order = processor.sortedLazily(&values, computed: &computed, keys: keys) { items, key in
        asked[key] += items
        return items.map { full[$0][key] }
      }
      #expect(order == referenceOrder(full, keys: keys), "\(count) items")
      // Every item is asked for the first key once; an item is asked for a later key only when
      // another item ties with it on every key before.
      #expect(asked[0].sorted() == Array(0..<count))
      for key in 1..<keys.count {
        #expect(Set(asked[key]).count == asked[key].count)
        for item in asked[key] {
          #expect(
            full.indices.contains { other in
              other != item
                && (0..<key).allSatisfy { SortValue.compare(full[other][$0], full[item][$0]) == 0 }
            })
        }
      }
      if count > 100 { #expect(asked[1].count < count / 2 && asked[2].count <= asked[1].count) }
      // What was worked out is kept, less the missing values at the end.
      for item in 0..<count {
        for key in 0..<computed[item] { #expect(values[item].value(at: key) == full[item][key]) }
      }
    }
  }

  /// Text kept uncollated sorts exactly as its collation key does: in the runs of items tied on
  /// the keys before it, when mixed with collated text and missing values at the same key, and
  /// with keys after it.
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
      #expect(lazy.contains { if case .uncollated = $0[1] { true } else { false } })
      let expected = referenceOrder(plain, keys: keys)
      #expect(processor.sortedFully(lazy, keys: keys) == expected)
    }
    #expect(SortValue.uncollated("Über").collated == .text(SortValue.collationKey("Über")))
    #expect(SortValue.compare(.uncollated("b"), .text(SortValue.collationKey("a"))) == 1)
    #expect(SortValue.compare(.uncollated("The a"), .uncollated("the A")) == 0)
  }

  @Test func mergeKeepsTheFirstListFirstOnTiesTest() {
    // Compared by tens only, so that equal elements can still be told apart.
    let merged = Processor.merged([10, 21, 30], [11, 20, 31]) { $0 / 10 < $1 / 10 }
    #expect(merged == [10, 11, 21, 20, 30, 31])
  }
}
