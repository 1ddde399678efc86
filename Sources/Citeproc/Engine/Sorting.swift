import CiteprocData
import Foundation

/// A sort key value: numbers compare as numbers, text by its collation key; missing values sort
/// last whatever the direction.
enum SortValue: Sendable, Hashable {
  case missing
  case number(Int)
  /// A collation key (see `collationKey(_:)`), compared scalar by scalar.
  case text(String)
  /// Text whose collation key (never empty) is worked out only when the items that tie on the
  /// keys before it are sorted by it (see `Processor.sortedLazily`): a variable's own text, shared
  /// with the reference, so that keeping the value costs no memory.
  case uncollated(String)

  /// The value with uncollated text replaced by its collation key.
  var collated: SortValue {
    if case .uncollated(let text) = self { return .text(Self.collationKey(text)) }
    return self
  }

  static func compare(_ a: SortValue, _ b: SortValue) -> Int {
    switch (a, b) {
    case (.missing, .missing): return 0
    case (.missing, _): return 1
    case (_, .missing): return -1
    case (.uncollated, _), (_, .uncollated): return compare(a.collated, b.collated)
    case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.number(let x), .text(let y)): return compareKeys(collationKey(String(x)), y)
    case (.text(let x), .number(let y)): return compareKeys(x, collationKey(String(y)))
    case (.text(let x), .text(let y)): return compareKeys(x, y)
    }
  }

  /// Compares two keys scalar by scalar. UTF-8 keeps the order of scalar values, so the bytes are
  /// compared in place, where the strings have contiguous storage.
  static func compareKeys(_ x: String, _ y: String) -> Int {
    let compared = x.utf8.withContiguousStorageIfAvailable { a in
      y.utf8.withContiguousStorageIfAvailable { b in
        let common = min(a.count, b.count)
        var index = 0
        while index < common {
          let p = a[index]
          let q = b[index]
          if p != q { return p < q ? -1 : 1 }
          index += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
      }
    }
    if let compared, let compared { return compared }
    return compareScalars(x, y)
  }

  /// ``compareKeys(_:_:)`` through the scalars, for strings without contiguous storage.
  static func compareScalars(_ x: String, _ y: String) -> Int {
    var i = x.unicodeScalars.makeIterator()
    var j = y.unicodeScalars.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let p?, let q?): if p != q { return p.value < q.value ? -1 : 1 }
      }
    }
  }

  /// Separates the parts of a structured key; it sorts before everything else, so a shorter part
  /// comes first ("Dale" before "Dalebout" whatever follows).
  static let partSeparator = "\u{1}"

  static func text(fromDisplay s: String) -> SortValue {
    let key = collationKey(s)
    return key.isEmpty ? .missing : .text(key)
  }

  /// A key whose scalar order is the order in which text sorts: letters compare without regard to
  /// case or accents, punctuation is ignored, a run of spaces counts as one space (which sorts
  /// before any letter: "A Hansen" before "Ab"), and runs of digits compare by their numeric value
  /// (before letters).
  static func collationKey(_ s: String) -> String {
    asciiCollationKey(s) ?? generalCollationKey(s)
  }

  /// ``collationKey(_:)`` of any string, through Foundation's folding.
  static func generalCollationKey(_ s: String) -> String {
    var folded = latinFolded(s) ?? foundationFolded(s)
    // Letters that are not a base letter plus an accent still sort with their base letter.
    if folded.unicodeScalars.contains(where: { $0.value >= 0xC0 && $0.value < 0x250 }) {
      var out = ""
      for ch in folded { out += letterFolds[ch] ?? String(ch) }
      folded = out
    }
    // The key is built as UTF-8 bytes: digits, spaces and the length markers are single bytes.
    var key = CollationKeyBuilder(capacity: folded.utf8.count + 4)
    let asciiRoles = asciiRoles
    for scalar in folded.unicodeScalars {
      if scalar.value < 0x80 {
        let byte = UInt8(scalar.value)
        switch asciiRoles[Int(byte)] {
        case .digit: key.appendDigit(byte)
        case .space: key.appendSpace()
        case .skip: key.skip()
        case .keep: key.append(byte)
        }
        continue
      }
      if ("0"..."9").contains(scalar) {
        key.appendDigit(UInt8(scalar.value))
        continue
      }
      switch role(of: scalar) {
      case .space: key.appendSpace()
      case .skip, .digit: key.skip()
      case .keep: key.append(contentsOf: scalar.utf8)
      }
    }
    return String(decoding: key.finish(), as: UTF8.self)
  }

  /// Case, accents and width folded away by Foundation.
  static func foundationFolded(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }

  /// The scalars whose folding ``latinFolded(_:)`` looks up: ASCII and the Latin letters up to the
  /// end of Latin Extended-B, and the general punctuation block (dashes, quotation marks, spaces)
  /// but for its format characters: none of these folds differently beside its neighbours.
  static let latinFoldLimit: UInt32 = 0x250
  static let punctuationFoldRange: Range<UInt32> = 0x2000..<0x2070

  /// What Foundation's folding makes of each of those scalars, asked once, as UTF-8 bytes: the
  /// fold of the scalar at table index `i` is `bytes[starts[i]..<starts[i + 1]]`. Format
  /// characters (joiners, direction marks) are left out, as their folding depends on their
  /// neighbours.
  private struct FoldTable: Sendable {
    var bytes: [UInt8] = []
    var starts: [Int] = [0]
    /// Whether the scalar at each table index is left out.
    var missing: [Bool] = []
    /// The fold of each ASCII character when each is one byte (the fast case), else nil.
    var ascii: [UInt8]?

    init() {
      let values = Array(0..<SortValue.latinFoldLimit) + Array(SortValue.punctuationFoldRange)
      for value in values {
        if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .format {
          bytes.append(contentsOf: SortValue.foundationFolded(String(scalar)).utf8)
          missing.append(false)
        } else {
          missing.append(true)
        }
        starts.append(bytes.count)
      }
      let asciiFolds = (0..<0x80).map { bytes[starts[$0]..<starts[$0 + 1]] }
      if asciiFolds.allSatisfy({ $0.count == 1 }) { ascii = asciiFolds.compactMap(\.first) }
    }

    /// The table index of `value`, nil when the table does not hold it.
    func index(of value: UInt32) -> Int? {
      let index: Int
      if value < SortValue.latinFoldLimit {
        index = Int(value)
      } else if SortValue.punctuationFoldRange.contains(value) {
        index = Int(SortValue.latinFoldLimit + value - SortValue.punctuationFoldRange.lowerBound)
      } else {
        return nil
      }
      return missing[index] ? nil : index
    }
  }

  private static let foldTable = FoldTable()

  /// ``foundationFolded(_:)`` of a string made only of the scalars in the table, scalar by scalar;
  /// nil for any other string (it may hold combining marks, whose folding depends on the letter
  /// before them).
  static func latinFolded(_ s: String) -> String? {
    let table = foldTable
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 8)
    for scalar in s.unicodeScalars {
      let value = scalar.value
      if value < 0x80, let ascii = table.ascii {
        out.append(ascii[Int(value)])
        continue
      }
      guard let index = table.index(of: value) else { return nil }
      out.append(contentsOf: table.bytes[table.starts[index]..<table.starts[index + 1]])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// What a scalar does in a collation key (an ASCII one as the table says; `keep` carries the
  /// folded ASCII byte, but the key keeps the scalar as it is).
  private static func role(of scalar: Unicode.Scalar) -> ASCIIRole {
    scalar.value < 0x80 ? asciiRoles[Int(scalar.value)] : categoryRole(of: scalar, keeping: 0)
  }

  /// The role a scalar's general category gives it: spaces, ignored punctuation and marks, or
  /// kept (as `kept`).
  fileprivate static func categoryRole(of scalar: Unicode.Scalar, keeping kept: UInt8) -> ASCIIRole {
    switch scalar.properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
    case .control where scalar.properties.isWhitespace: return .space
    case .control, .format, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .nonspacingMark, .enclosingMark:
      return .skip
    default:
      return .keep(kept)
    }
  }
}

extension SortValue {
  /// What an ASCII character does in a collation key.
  fileprivate enum ASCIIRole {
    case digit
    case space
    case skip
    case keep(UInt8)
  }

  /// The role of each ASCII character, worked out with the same rules ``collationKey(_:)`` applies
  /// to any scalar (folding ASCII only lowers the case of letters).
  fileprivate static let asciiRoles: [ASCIIRole] = (0..<128).map { value -> ASCIIRole in
    let byte = UInt8(value)
    if byte >= 0x30 && byte <= 0x39 { return .digit }
    return categoryRole(of: Unicode.Scalar(byte), keeping: byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
  }

  /// ``collationKey(_:)`` of an all-ASCII string without Foundation's folding; nil for any other
  /// string.
  static func asciiCollationKey(_ s: String) -> String? {
    asciiCollationKeyBytes(s).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The UTF-8 of ``asciiCollationKey(_:)``.
  static func asciiCollationKeyBytes(_ s: String) -> [UInt8]? {
    func build(_ bytes: some Collection<UInt8>) -> [UInt8]? {
      var key = CollationKeyBuilder(capacity: bytes.count)
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        switch asciiRoles[Int(byte)] {
        case .digit: key.appendDigit(byte)
        case .space: key.appendSpace()
        case .skip: key.skip()
        case .keep(let folded): key.append(contentsOf: CollectionOfOne(folded))
        }
      }
      return key.finish()
    }
    let utf8 = s.utf8
    return utf8.withContiguousStorageIfAvailable { build($0) } ?? build(utf8)
  }
}

/// The bytes of a collation key as they are appended: a run of digits becomes its length marker
/// and its significant digits, and runs of spaces collapse to one.
private struct CollationKeyBuilder {
  private var key: [UInt8] = []
  /// Where the current run of digits starts, or -1.
  private var digitStart = -1

  init(capacity: Int) { key.reserveCapacity(capacity) }

  mutating func appendDigit(_ byte: UInt8) {
    if digitStart < 0 { digitStart = key.count }
    key.append(byte)
  }

  mutating func appendSpace() {
    flushDigits()
    if let last = key.last, last != 0x20 { key.append(0x20) }
  }

  /// A character that leaves nothing in the key but still ends a run of digits.
  mutating func skip() { flushDigits() }

  mutating func append(_ byte: UInt8) {
    flushDigits()
    key.append(byte)
  }

  mutating func append(contentsOf bytes: some Collection<UInt8>) {
    flushDigits()
    key.append(contentsOf: bytes)
  }

  mutating func finish() -> [UInt8] {
    flushDigits()
    if key.last == 0x20 { key.removeLast() }
    return key
  }

  private mutating func flushDigits() {
    guard digitStart >= 0 else { return }
    var first = digitStart
    while key.count - first > 1, key[first] == 0x30 { first += 1 }
    let significant = key[first...]
    // The length first, so that longer numbers sort later; it stays below the letters.
    let marker = UInt8(0x30 + min(significant.count, 0x2F))
    key.replaceSubrange(digitStart..<key.count, with: CollectionOfOne(marker) + significant)
    digitStart = -1
  }
}

extension Evaluator {
  /// The sort key of a date as `element` shows it: parts the element leaves out do not count.
  static func sortKey(_ date: CSLDate, showing element: DateElement) -> String {
    var shown: Set<DatePartElement.Name>
    if element.form != nil {
      switch element.partsShown {
      case .yearMonthDay: shown = [.year, .month, .day]
      case .yearMonth: shown = [.year, .month]
      case .year: shown = [.year]
      }
    } else {
      shown = Set(element.parts.map(\.name))
    }
    if shown == [.year, .month, .day] { return sortKey(date) }
    var limited = date
    func limit(_ parts: CSLDate.Parts?) -> CSLDate.Parts? {
      guard var parts else { return nil }
      if !shown.contains(.month) {
        parts.month = nil
        parts.season = nil
      }
      if !shown.contains(.day) { parts.day = nil }
      return parts
    }
    limited.start = limit(date.start)
    limited.end = limit(date.end)
    if limited.end == limited.start { limited.end = nil }
    return sortKey(limited)
  }
}

extension Processor {
  /// The value of `reference` for the sort key `key`.
  func sortValue(_ key: SortKey, reference: Reference, cite: CiteContext, inCitation: Bool) -> SortValue {
    switch key.source {
    case .variable(let name):
      return variableSortValue(name, reference: reference, cite: cite, key: key, inCitation: inCitation)
    case .macro(_, let body):
      var evaluator = evaluator(for: reference, mode: .sortKey, inCitation: inCitation, cite: cite)
      evaluator.sortNameOverrides = key
      let (node, _) = evaluator.render(body)
      let text = node.plainText
      if let number = Int(text.trimmingSpaces), text.count < 18 { return .number(number) }
      return SortValue.text(fromDisplay: text)
    }
  }

  private func variableSortValue(
    _ name: String, reference: Reference, cite: CiteContext, key: SortKey, inCitation: Bool
  ) -> SortValue {
    if name == "citation-number" { return cite.citationNumber.map(SortValue.number) ?? .missing }
    if name == "citation-label" {
      return (reference.field(name) ?? CitationLabel.make(for: reference)).map(SortValue.text(fromDisplay:))
        ?? .missing
    }
    if let date = reference.date(name) {
      return date.isEmpty ? .missing : .text(Evaluator.sortKey(date))
    }
    if let names = reference.nameList(name), !names.isEmpty {
      let evaluator = evaluator(for: reference, mode: .sortKey, inCitation: inCitation, cite: cite)
      return nameListSortValue(names, key: key, isNonLatin: evaluator.isNonLatin)
    }
    guard let value = reference.field(name) else { return .missing }
    if CiteprocDataNumbers.contains(name), let number = Int(value.trimmingSpaces.prefix { $0.isNumber }) {
      return .number(number)
    }
    let plain = RichText.parse(value).plainText
    // Text without markup is kept as the reference's own string rather than as a second one. Its
    // key is not empty when it has an ASCII letter or digit, which the key always keeps.
    let keepsSomething = plain.containsUTF8 {
      ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39)
    }
    if keepsSomething && plain == value { return .uncollated(value) }
    return SortValue.text(fromDisplay: plain)
  }

  /// The sort value of a name list: each name contributes its parts in sorting order (family with
  /// its non-dropping particle unless demoted, the other particles, given name, suffix), every
  /// part compared on its own. Only the key's names-min,
  /// names-use-first and names-use-last shorten the list.
  private func nameListSortValue(_ names: [Name], key: SortKey, isNonLatin: (Name) -> Bool) -> SortValue {
    var shown = names
    if let min = key.namesMin, let useFirst = key.namesUseFirst, names.count >= min, useFirst < names.count {
      shown = Array(names.prefix(useFirst))
      if key.namesUseLast == true, names.count > useFirst + 1, let last = names.last { shown.append(last) }
    }
    let demoted = style.options.demoteNonDroppingParticle != .never
    var parts: [String] = []
    for name in shown {
      if let literal = name.literal, !literal.isEmpty {
        parts += [Self.strippingLeadingArticle(RichText.parse(literal).plainText), "", "", ""]
        continue
      }
      let family = name.family ?? ""
      let given = name.given ?? ""
      let dropping = name.droppingParticle ?? ""
      let nonDropping = name.nonDroppingParticle ?? ""
      let suffix = name.suffix ?? ""
      if isNonLatin(name) {
        parts += [family, "", given, ""]
      } else if demoted {
        parts += [
          family, [dropping, nonDropping].filter { !$0.isEmpty }.joined(separator: " "), given, suffix,
        ]
      } else {
        parts += [
          [nonDropping, family].filter { !$0.isEmpty }.joined(separator: " "), dropping, given, suffix,
        ]
      }
    }
    let keys = parts.map(SortValue.collationKey)
    if keys.allSatisfy(\.isEmpty) { return .missing }
    return .text(keys.joined(separator: SortValue.partSeparator))
  }

  /// English articles at the start of an institution's name do not count for sorting.
  static func strippingLeadingArticle(_ s: String) -> String {
    for article in ["the ", "a ", "an "] where s.lowercased().hasPrefix(article) && s.count > article.count {
      return String(s.dropFirst(article.count))
    }
    return s
  }

  /// The order of items by `keys` (by index when all are equal, so the order is total),
  /// working out an item's value for a key only when the item ties with another on every key
  /// before it: most items differ on the first keys (the author, the year), and the later ones
  /// (a title rendered by a macro, and apa's six more) are then never rendered nor held.
  ///
  /// `values[i]` holds item `i`'s values for its first `computed[i]` keys, less the missing ones
  /// at the end (the later keys of a long sort, apa has ten, are missing for most items, and every
  /// item's values are held); `compute` gives the value of one key for a list of items, and both
  /// are brought up to date with what it gives.
  func sortedLazily(
    _ values: inout [[SortValue]], computed: inout [Int], keys: [SortKey],
    compute: (_ items: [Int], _ key: Int) -> [SortValue]
  ) -> [Int] {
    var order = Array(values.indices)
    // Ranges of `order` whose items tie on every key before the current one.
    var runs: [Range<Int>] = order.count > 1 ? [order.indices] : []
    for key in keys.indices {
      if runs.isEmpty { break }
      var needed: [Int] = []
      for run in runs {
        for position in run where computed[order[position]] <= key { needed.append(order[position]) }
      }
      if !needed.isEmpty {
        for (item, value) in zip(needed, compute(needed, key)) {
          // Every key before `key` is worked out for an item in a run.
          if value != .missing {
            var row = [SortValue]()
            row.reserveCapacity(key + 1)
            row.append(contentsOf: values[item])
            while row.count < key { row.append(.missing) }
            row.append(value)
            values[item] = row
          }
          computed[item] = key + 1
        }
      }
      let ascending = keys[key].ascending
      var sortedRuns: [SortedRun]
      if runs.count > 1 && runs.reduce(0, { $0 + $1.count }) >= Self.parallelSortMinimum {
        // Many runs (the items that tie on the keys before): sorted at once on all cores.
        let rows = values
        let positions = order
        let current = runs
        sortedRuns = Parallel.map(count: current.count) {
          Self.sortRun(current[$0], rows, positions, key: key, ascending: ascending)
        }
      } else {
        sortedRuns = runs.map { Self.sortRun($0, values, order, key: key, ascending: ascending) }
      }
      var next: [Range<Int>] = []
      for (run, sorted) in zip(runs, sortedRuns) {
        for (offset, item) in sorted.items.enumerated() { order[run.lowerBound + offset] = item }
        next += sorted.ties
      }
      sortedRuns = []
      runs = next
    }
    return order
  }

  /// A run of ``sortedLazily(_:computed:keys:compute:)`` in order of one key: its items, and the
  /// ranges of positions (in the whole order) whose items still tie.
  private struct SortedRun: Sendable {
    var items: [Int]
    var ties: [Range<Int>]
  }

  /// Sorts the items at positions `run` of `order` by their value for `key`.
  private static func sortRun(
    _ run: Range<Int>, _ values: [[SortValue]], _ order: [Int], key: Int, ascending: Bool
  ) -> SortedRun {
    // The run's values for this key, with text collated once for all its comparisons.
    let column = run.map { values[order[$0]].value(at: key).collated }
    let items = run.map { order[$0] }
    let precedes: @Sendable (Int, Int) -> Bool = { a, b in
      let x = column[a]
      let y = column[b]
      var result = SortValue.compare(x, y)
      if !ascending, x != .missing, y != .missing { result = -result }
      return result != 0 ? result < 0 : items[a] < items[b]
    }
    let sorted = Self.sorted(column.indices, by: precedes)
    // The items that still tie go on to the next key.
    var ties: [Range<Int>] = []
    var start = 0
    for offset in 1...sorted.count
    where offset == sorted.count || SortValue.compare(column[sorted[offset]], column[sorted[start]]) != 0 {
      if offset - start > 1 { ties.append((run.lowerBound + start)..<(run.lowerBound + offset)) }
      start = offset
    }
    return SortedRun(items: sorted.map { items[$0] }, ties: ties)
  }

  /// `indices` sorted by `precedes`; a long list is sorted in halves on two cores and merged.
  private static func sorted(_ indices: Range<Int>, by precedes: @Sendable (Int, Int) -> Bool) -> [Int] {
    let count = indices.count
    guard count >= parallelSortMinimum else { return indices.sorted(by: precedes) }
    let middle = indices.lowerBound + count / 2
    let halves = Parallel.map(count: 2, minimumChunk: 1) { half in
      (half == 0 ? indices.lowerBound..<middle : middle..<indices.upperBound).sorted(by: precedes)
    }
    return merged(halves[0], halves[1], by: precedes)
  }

  /// Lists shorter than this are sorted on one core.
  static let parallelSortMinimum = 2048

  /// Two sorted lists as one; of equal elements, those of `first` come first.
  static func merged(_ first: [Int], _ second: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(first.count + second.count)
    var i = 0
    var j = 0
    while i < first.count && j < second.count {
      if precedes(second[j], first[i]) {
        result.append(second[j])
        j += 1
      } else {
        result.append(first[i])
        i += 1
      }
    }
    result.append(contentsOf: first[i...])
    result.append(contentsOf: second[j...])
    return result
  }
}

let CiteprocDataNumbers: Set<String> = [
  "chapter-number", "collection-number", "edition", "issue", "number", "number-of-pages",
  "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section",
  "supplement-number", "version", "volume",
]

private let letterFolds: [Character: String] = [
  "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ħ": "h",
]

extension [SortValue] {
  /// The value of the key at `index`: the values of an item end with its last value that is not
  /// missing (see ``Processor/sortedLazily(_:computed:keys:compute:)``).
  func value(at index: Int) -> SortValue { index < count ? self[index] : .missing }
}
