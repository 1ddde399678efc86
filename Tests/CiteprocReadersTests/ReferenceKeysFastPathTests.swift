import CiteprocData
import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct ReferenceKeysFastPathTests {
  /// The buffer for a family name's letters is sized with a constant bound per byte; no two-byte
  /// scalar may spell out more letters than its two bytes are allowed.
  /// The letters Latin scalars spell out, checked by hand: the ones without a decomposition to take
  /// them from, canonical decompositions, and scalars with no letter (`ǆ` decomposes only by
  /// compatibility, so it gives none).
  @Test func letterTableSpellsOutLetters() {
    let table = ReferenceKeys.latinLetterBytes
    #expect(table.count == 0x300 - 0x80)
    let expected: [(UInt32, String)] = [
      (0xDF, "ss"), (0xE6, "ae"), (0xC6, "ae"), (0x153, "oe"), (0xF8, "o"), (0xD8, "o"), (0x142, "l"),
      (0x141, "l"), (0x111, "d"), (0xF0, "d"), (0xFE, "th"), (0x131, "i"), (0xE9, "e"), (0xC5, "a"),
      (0x1CE, "a"), (0x1C6, ""), (0xD7, ""), (0xA0, ""),
    ]
    for (value, letters) in expected {
      #expect(table[Int(value) - 0x80] == Array(letters.utf8), "U+\(String(value, radix: 16))")
    }
  }

  /// The buffer for a family name's letters is sized with a constant bound per byte; no two-byte
  /// scalar may spell out more letters than its two bytes are allowed.
  /// The table made in one pass gives, for every scalar, what the general code gives it alone.
  @Test func letterTableEqualsOneScalarAtATime() {
    let table = ReferenceKeys.latinLetterBytes
    #expect(table.count == 0x300 - 0x80)
    var spelledOut = 0
    for value in UInt32(0x80)..<0x300 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let alone = Array(ReferenceKeys.asciiLettersGeneral(String(Character(scalar))).utf8)
      #expect(table[Int(value) - 0x80] == alone, "U+\(String(value, radix: 16))")
      if !alone.isEmpty { spelledOut += 1 }
    }
    #expect(spelledOut > 200)
    #expect(table[0xDF - 0x80] == Array("ss".utf8))
    #expect(table[0xE9 - 0x80] == Array("e".utf8))
  }

  @Test func letterBoundCoversEveryScalar() {
    let longest = ReferenceKeys.latinLetterBytes.map(\.count).max() ?? 0
    #expect(longest >= 2)  // "ß" gives "ss"
    #expect(longest <= 2 * ReferenceKeys.latinLetterLimit)
  }

  @Test func latinTextEqualsGeneral() {
    var inputs = [
      "Müller", "Ødegård", "Łukasiewicz", "Straße", "Æsir", "Œuvre", "Đorđević", "Þór", "İnan", "ıtır",
      "Ǆemal", "ǅ", "ǈ", "Ğüç", "Ñúñez", "Conceição", "Bäcker", "Szabó", "Ýr", "ĳssel", "ŉ", "ſ", "Ŀl", "ɐɑ",
      "ʼn", "ˆ", "Smith", "", "A-B C", "é\u{301}", "Jones\u{0301}", "日本", "Ωmega", "Иванов", "a\r\nb",
    ]
    for value in UInt32(0x80)..<0x300 {
      if let scalar = Unicode.Scalar(value) { inputs.append("A\(scalar)b\(scalar)") }
    }
    for input in inputs {
      let fast = ReferenceKeys.asciiLetters(input)
      let general = ReferenceKeys.asciiLettersGeneral(input)
      #expect(fast.utf8.elementsEqual(general.utf8), "\(input.debugDescription): \(fast) vs \(general)")
    }
    #expect(ReferenceKeys.asciiLetters("Straße") == "strasse")
    #expect(ReferenceKeys.asciiLetters("Ødegård") == "odegard")
    #expect(ReferenceKeys.asciiLetters("İnan") == "inan")
  }

  /// The clash handling as first written: a count per base, then a set of taken keys and a next
  /// suffix per base, each looked up by the base.
  static func modelUniqueKeys(for bases: [String], reserved: Set<String>) -> [String] {
    var counts: [String: Int] = [:]
    for base in bases { counts[base, default: 0] += 1 }
    var taken = reserved
    var nextSuffix: [String: Int] = [:]
    var keys: [String] = []
    for base in bases {
      if counts[base] == 1 && !taken.contains(base) {
        taken.insert(base)
        keys.append(base)
        continue
      }
      var index = nextSuffix[base, default: 0]
      var key = base + modelSuffix(index)
      while taken.contains(key) {
        index += 1
        key = base + modelSuffix(index)
      }
      nextSuffix[base] = index + 1
      taken.insert(key)
      keys.append(key)
    }
    return keys
  }

  static func modelSuffix(_ index: Int) -> String {
    var value = index
    var letters: [Character] = []
    repeat {
      letters.insert(Character(Unicode.Scalar(UInt8(97 + value % 26))), at: 0)
      value = value / 26 - 1
    } while value >= 0
    return String(letters)
  }

  @Test func suffixesEqualModel() {
    for index in 0..<2000 { #expect(ReferenceKeys.suffix(index) == Self.modelSuffix(index), "\(index)") }
  }

  /// Lists of ASCII bases of many sizes, drawn from pools small and large (so that bases repeat,
  /// and hashes share slots of the table): the ASCII grouping equals the dictionary's; lists with a
  /// base that is not ASCII are left to the dictionary.
  @Test func asciiGroupsEqualGroups() {
    var random = TestRandom(seed: 23)
    var grouped = 0
    var declined = 0
    var repeated = 0
    for round in 0..<400 {
      let poolSize = 1 + random.next(round % 2 == 0 ? 20 : 3000)
      var bases: [String] = []
      for _ in 0..<random.next(round % 25 == 0 ? 5000 : 200) {
        let number = random.next(poolSize)
        bases.append(number % 7 == 0 ? "ref\(number)x" : "smith\(number)")
      }
      if round % 5 == 0 {
        bases.insert(["", "a", "müller2001", "e\u{301}"][random.next(4)], at: random.next(bases.count + 1))
      }
      let general = ReferenceKeys.groups(of: bases)
      if let ascii = ReferenceKeys.asciiGroups(of: bases) {
        grouped += 1
        #expect(ascii.groupOf == general.groupOf && ascii.uses == general.uses, "\(bases)")
        if general.uses.count < bases.count { repeated += 1 }
      } else {
        declined += 1
        #expect(bases.contains { !$0.utf8.allSatisfy { $0 < 0x80 } })
      }
    }
    #expect(grouped > 250 && declined > 20 && repeated > 150, "\(grouped) \(declined) \(repeated)")
  }

  /// Bases that all end with a digit (the case handled without a set of taken keys) and bases
  /// with one that does not, without reserved keys and with them: the keys equal the model's.
  @Test func uniqueKeysOfYearBasesEqualModel() {
    let years = ["smith2020", "smith202", "smith20201", "jones2019", "x1", "1", "a1b2", "müller2001", "ref0"]
    let others = ["smith2020a", "smith202a", "ref", "", "x1a"]
    var random = TestRandom(seed: 17)
    var digitsOnly = 0
    var mixed = 0
    for round in 0..<800 {
      var bases: [String] = []
      for _ in 0..<random.next(round % 40 == 0 ? 300 : 40) { bases.append(years[random.next(years.count)]) }
      if random.next(3) == 0 {
        bases.insert(others[random.next(others.count)], at: random.next(bases.count + 1))
      }
      var reserved: Set<String> = []
      if random.next(4) == 0 { reserved.insert((years + others)[random.next(years.count + others.count)]) }
      if reserved.isEmpty && bases.allSatisfy({ ($0.utf8.last ?? 0) >= 0x30 && ($0.utf8.last ?? 0) <= 0x39 })
      {
        digitsOnly += 1
      } else {
        mixed += 1
      }
      let keys = ReferenceKeys.uniqueKeys(for: bases, reserved: reserved)
      #expect(keys == Self.modelUniqueKeys(for: bases, reserved: reserved), "\(bases) \(reserved)")
      #expect(Set(keys).count == keys.count && reserved.isDisjoint(with: keys))
    }
    #expect(digitsOnly > 250 && mixed > 250, "\(digitsOnly) \(mixed)")
  }

  /// Bases drawn from a small pool that holds keys and their suffixed forms, so that clashes with
  /// reserved keys, with other bases and with generated keys all occur.
  @Test func uniqueKeysEqualModel() {
    let pool = [
      "smith2020", "smith2020a", "smith2020b", "smith2020z", "smith2020aa", "jones2019", "jones2019a", "ref",
      "refa", "refb", "x", "xa", "xz", "xaa", "müller2001", "", "a",
    ]
    var random = TestRandom(seed: 7)
    var differing = 0
    for round in 0..<600 {
      var bases: [String] = []
      for _ in 0..<random.next(round % 50 == 0 ? 200 : 30) { bases.append(pool[random.next(pool.count)]) }
      var reserved: Set<String> = []
      for _ in 0..<random.next(4) { reserved.insert(pool[random.next(pool.count)]) }
      let keys = ReferenceKeys.uniqueKeys(for: bases, reserved: reserved)
      let model = Self.modelUniqueKeys(for: bases, reserved: reserved)
      #expect(keys == model, "\(bases) \(reserved)")
      #expect(Set(keys).count == keys.count && reserved.isDisjoint(with: keys))
      if keys != bases { differing += 1 }
    }
    // Most rounds have clashes to resolve.
    #expect(differing > 300, "\(differing)")
  }

  /// Generated references whose first names have family names of every kind (ASCII, Latin with
  /// letters spelled out, combining marks, other scripts, no letters, none at all), with literal
  /// names, titles and years of every sign and size: the shortcut gives the general key whenever it
  /// gives one, and both outcomes occur.
  @Test func familyYearBaseEqualsGeneral() {
    let families: [String?] = [
      "Smith", "van der Berg", "O'Neil-Ng", "Müller", "Straße", "Łukasiewicz", "Ǆemal", "ĳssel", "ŉ", "ſ",
      "Ødegård", "Æsir", "é\u{301}", "Jones\u{0301}", "日本", "Иванов", "Ωmega", "", "123", "-", "  ", nil,
      "a\r\nb", "Ñúñez Þór", String(repeating: "ß", count: 40), "ɐɑ", "ˆ", "İnan",
    ]
    let givens: [String?] = ["John", "Ü", "", nil, "日", "J. R."]
    let literals: [String?] = [
      nil, "World Health Organization", "日本 Ølstad", "", "--- 42", "  NHS  England", "Ørsted A/S",
      "42 Straße",
      "- é\u{301}cole", "a\r\nb c", "Þór  Ltd.", "!!", "Ǆemal Group",
    ]
    let titles: [String?] = [nil, "“1984” – Éloge", "日本", "", "A title", "\u{301}x"]
    let years: [Int?] = [nil, 2020, 0, -500, 7, 12345, Int.max, Int.min + 1, 99_999_999_999]
    let variables = ["author", "editor", "translator", "recipient", "illustrator"]
    var random = TestRandom(seed: 11)
    var shortcut = 0
    var literalShortcut = 0
    var general = 0
    for _ in 0..<10_000 {
      var names: [String: [Name]] = [:]
      for _ in 0..<random.next(4) {
        let variable = variables[random.next(variables.count)]
        var list: [Name] = []
        for _ in 0..<(random.next(6) == 0 ? 0 : 1 + random.next(2)) {
          if random.next(4) == 0 {
            list.append(Name(literal: literals[random.next(literals.count)]))
          } else {
            list.append(
              Name(
                family: families[random.next(families.count)], given: givens[random.next(givens.count)]))
          }
        }
        names[variable] = list
      }
      var fields: [String: String] = [:]
      if let title = titles[random.next(titles.count)] { fields["title"] = title }
      var dates: [String: CSLDate] = [:]
      if let year = years[random.next(years.count)] { dates["issued"] = CSLDate(year: year) }
      let reference = Reference(id: "", type: "book", fields: fields, names: names, dates: dates)
      let expected = ReferenceKeys.baseGeneral(for: reference)
      if let fast = ReferenceKeys.familyYearBase(for: reference) {
        shortcut += 1
        let first = ReferenceKeys.nameVariables.lazy.compactMap { reference.names[$0]?.first }.first
        if first?.family == nil { literalShortcut += 1 }
        #expect(fast.utf8.elementsEqual(expected.utf8), "\(reference): \(fast) vs \(expected)")
      } else {
        general += 1
      }
      #expect(ReferenceKeys.base(for: reference) == expected)
    }
    #expect(
      shortcut > 1500 && general > 1500 && literalShortcut > 300, "\(shortcut) \(general) \(literalShortcut)")
  }
}
