/// Given-name expansion levels by name position (1 initials, 2 full given name), as a small map.
///
/// Levels 1 to 3 at positions 0 to 31 are packed two bits each into one word, so that a cite
/// with expanded names needs no allocation; any other pair goes to a dictionary. Each pair has
/// one home, so two maps with the same pairs are stored alike and compare equal.
struct GivennameLevels: Sendable, Hashable {
  private var packed: UInt64 = 0
  private var other: [Int: Int] = [:]

  private static func packs(_ position: Int, _ level: Int) -> Bool {
    position >= 0 && position < 32 && level >= 1 && level <= 3
  }

  var isEmpty: Bool { packed == 0 && other.isEmpty }

  subscript(position: Int) -> Int? {
    get {
      if position >= 0 && position < 32 {
        let level = Int((packed >> UInt64(position * 2)) & 3)
        if level != 0 { return level }
      }
      return other[position]
    }
    set {
      if position >= 0 && position < 32 { packed &= ~(3 << UInt64(position * 2)) }
      other[position] = nil
      guard let newValue else { return }
      if Self.packs(position, newValue) {
        packed |= UInt64(newValue) << UInt64(position * 2)
      } else {
        other[position] = newValue
      }
    }
  }

  /// The pairs as a dictionary.
  var dictionary: [Int: Int] {
    var pairs = other
    for position in 0..<32 {
      let level = Int((packed >> UInt64(position * 2)) & 3)
      if level != 0 { pairs[position] = level }
    }
    return pairs
  }

  init() {}
}

/// What disambiguation decided for each item of a render session: one small entry per
/// reference, allocated only once some item needs more than the default.
///
/// Read as the cite context an item starts from: nil when disambiguation left it as it was.
struct DisambiguationTable: Sendable {
  fileprivate struct Entry: Sendable, Hashable {
    var yearSuffix: String?
    var givennameLevels = GivennameLevels()
    var disambiguateTests = Int.max
    var extraNames: Int32 = 0
    var disambiguate = false

    init() {}

    init(_ context: CiteContext) {
      yearSuffix = context.yearSuffix
      givennameLevels = context.givennameLevels
      disambiguateTests = context.disambiguateTests
      extraNames = Int32(clamping: context.extraNames)
      disambiguate = context.disambiguate
    }

    var context: CiteContext {
      var context = CiteContext()
      context.yearSuffix = yearSuffix
      context.givennameLevels = givennameLevels
      context.disambiguateTests = disambiguateTests
      context.extraNames = Int(extraNames)
      context.disambiguate = disambiguate
      return context
    }
  }

  private var entries: [Entry] = []
  private let count: Int

  /// The changed context of one item, kept as compactly as in the table.
  struct Change: Sendable {
    let index: Int
    fileprivate let entry: Entry
  }

  /// The change that gives item `index` the context `context`, or nil when that is the default.
  static func change(_ index: Int, _ context: CiteContext) -> Change? {
    let entry = Entry(context)
    return entry == Entry() ? nil : Change(index: index, entry: entry)
  }

  mutating func apply(_ change: Change) {
    if entries.isEmpty { entries = Array(repeating: Entry(), count: count) }
    entries[change.index] = change.entry
  }

  /// A table for `count` references, every item at the default.
  init(count: Int) { self.count = count }

  /// The changed context of item `index`, or nil when it has the default one. Only the fields
  /// that disambiguation decides are kept: year-suffix, the `disambiguate` condition, added names
  /// and expanded given names.
  subscript(index: Int) -> CiteContext? {
    get {
      guard index < entries.count else { return nil }
      let entry = entries[index]
      return entry == Entry() ? nil : entry.context
    }
    set {
      let entry = newValue.map(Entry.init) ?? Entry()
      if entries.isEmpty {
        if entry == Entry() { return }
        entries = Array(repeating: Entry(), count: count)
      }
      entries[index] = entry
    }
  }

  subscript(index: Int, default defaultValue: @autoclosure () -> CiteContext) -> CiteContext {
    get { self[index] ?? defaultValue() }
    set { self[index] = newValue }
  }
}
