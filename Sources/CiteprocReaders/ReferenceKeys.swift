import CiteprocData
import Foundation

/// Citation keys for references that have no usable id of their own: the first author's family name
/// (or the first word of a literal name, or of the title), lower-cased and folded to ASCII letters,
/// followed by the year: `cocksedge2011`. Keys that would clash within one input get `a`, `b`, ...
/// appended (`smith2020a`, `smith2020b`).
public enum ReferenceKeys {
  /// The name variables searched, in order, for the name part of a key.
  static let nameVariables = [
    "author", "editor", "collection-editor", "translator", "composer", "director", "container-author",
    "interviewer", "recipient",
  ]

  /// The key before clash handling, such as `cocksedge2011`. Falls back to `ref` when the
  /// reference has neither a name nor a title with letters in it.
  public static func base(for reference: Reference) -> String {
    familyYearBase(for: reference) ?? baseGeneral(for: reference)
  }

  /// ``base(for:)`` when the first name found has a family name whose scalars are all below U+0300
  /// and which gives at least one letter, or no family name and a literal name whose scalars are all
  /// below U+0300 and which has a word with a letter: the letters (of the family name, or of the
  /// literal's first word with letters) and the year's digits are written into one buffer and made
  /// into one string. Nil for anything else.
  static func familyYearBase(for reference: Reference) -> String? {
    var source: String?
    // True when `source` is a literal name, of which only the first word with letters is used.
    var literal = false
    for variable in nameVariables {
      guard let list = reference.nameList(variable), !list.isEmpty else { continue }
      if let family = list[0].family {
        source = family
      } else {
        source = list[0].literal
        literal = true
      }
      break
    }
    guard var text = source else { return nil }
    let year = reference.date("issued")?.start?.year
    return text.withUTF8 { bytes in
      // Each byte gives at most `latinLetterLimit` letters; twenty more bytes hold any year.
      let capacity = bytes.count * latinLetterLimit + 20
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> String? in
        // The table of Latin letters is built on the first non-ASCII letter (most names have none).
        var table: [[UInt8]] = []
        var count = 0
        var index = 0
        while index < bytes.count {
          let byte = bytes[index]
          // A literal's words are split at spaces; the first that gives letters is its stem.
          if literal && byte == 0x20 && count > 0 { break }
          if byte < 0x80 {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A {
              guard count < capacity else { return nil }
              buffer[count] = lower
              count += 1
            }
            index += 1
            continue
          }
          // Lead bytes 0xC2 to 0xCB start the two-byte scalars U+0080 to U+02FF.
          guard byte >= 0xC2 && byte <= 0xCB, index + 1 < bytes.count else { return nil }
          let scalar = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
          if table.isEmpty { table = latinLetterBytes }
          let letters = table[scalar - 0x80]
          guard count + letters.count <= capacity else { return nil }
          for letter in letters {
            buffer[count] = letter
            count += 1
          }
          index += 2
        }
        guard count > 0 else { return nil }
        if let year {
          var digits = year.magnitude
          let start = count
          repeat {
            guard count < capacity else { return nil }
            buffer[count] = 0x30 + UInt8(digits % 10)
            count += 1
            digits /= 10
          } while digits > 0
          // The digits were written lowest first.
          var low = start
          var high = count - 1
          while low < high {
            buffer.swapAt(low, high)
            low += 1
            high -= 1
          }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
      }
    }
  }

  /// At least the most letters one byte of a family name gives: one for an ASCII byte, half the
  /// longest entry of ``latinLetterBytes`` for the two bytes of a scalar (a test checks the bound,
  /// which is a constant so that ASCII names never build the table).
  static let latinLetterLimit = 2

  /// ``base(for:)`` without the shortcut for family names.
  static func baseGeneral(for reference: Reference) -> String {
    var stem = ""
    for variable in nameVariables {
      guard let first = reference.nameList(variable)?.first else { continue }
      stem = nameStem(first)
      if !stem.isEmpty { break }
    }
    if stem.isEmpty, let title = reference.text("title") {
      for word in title.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
        stem = asciiLetters(String(word))
        if !stem.isEmpty { break }
      }
    }
    if stem.isEmpty { stem = "ref" }
    if let year = reference.date("issued")?.start?.year { stem += String(abs(year)) }
    return stem
  }

  /// Distinct keys for `bases`, in order. A base used more than once, or already in `reserved`,
  /// gets a letter suffix on every use (`a`, `b`, ..., `z`, `aa`, `ab`, ...), skipping reserved keys.
  public static func uniqueKeys(for bases: [String], reserved: Set<String> = []) -> [String] {
    let (groupOf, uses) = asciiGroups(of: bases) ?? groups(of: bases)
    if reserved.isEmpty && bases.allSatisfy(endsWithDigit) {
      return suffixedKeys(bases, groupOf: groupOf, uses: uses)
    }
    var taken = reserved
    taken.reserveCapacity(reserved.count + bases.count)
    var nextSuffix = [Int](repeating: 0, count: uses.count)
    var keys: [String] = []
    keys.reserveCapacity(bases.count)
    for (position, base) in bases.enumerated() {
      let group = groupOf[position]
      if uses[group] == 1 && taken.insert(base).inserted {
        keys.append(base)
        continue
      }
      var index = nextSuffix[group]
      var key = base + suffix(index)
      while !taken.insert(key).inserted {
        index += 1
        key = base + suffix(index)
      }
      nextSuffix[group] = index + 1
      keys.append(key)
    }
    return keys
  }

  /// The group of each base (equal bases share one; groups are numbered in order of first use) and
  /// the number of uses of each group. Each distinct base gets its number in one lookup.
  static func groups(of bases: [String]) -> (groupOf: [Int], uses: [Int]) {
    var groups: [String: Int] = [:]
    groups.reserveCapacity(bases.count)
    var groupOf: [Int] = []
    groupOf.reserveCapacity(bases.count)
    var uses: [Int] = []
    for base in bases {
      let next = uses.count
      let group = value(&groups[base, default: next])
      if group == next { uses.append(1) } else { uses[group] += 1 }
      groupOf.append(group)
    }
    return (groupOf, uses)
  }

  /// ``groups(of:)`` when every base is ASCII (so that equal strings are equal byte for byte): an
  /// open-addressing table of group numbers, probed from an FNV-1a hash of the bytes, instead of a
  /// dictionary that hashes each string with SipHash. Nil when a base is not ASCII.
  static func asciiGroups(of bases: [String]) -> (groupOf: [Int], uses: [Int])? {
    var capacity = 16
    while capacity < bases.count * 2 { capacity <<= 1 }
    let mask = capacity - 1
    var slots = [Int](repeating: -1, count: capacity)
    // The position of the first base of each group.
    var firstUse: [Int] = []
    var uses: [Int] = []
    var groupOf: [Int] = []
    groupOf.reserveCapacity(bases.count)
    for (position, base) in bases.enumerated() {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      var high: UInt8 = 0
      for byte in base.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        high |= byte
      }
      guard high < 0x80 else { return nil }
      var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
      while true {
        let group = slots[slot]
        if group < 0 {
          slots[slot] = uses.count
          groupOf.append(uses.count)
          firstUse.append(position)
          uses.append(1)
          break
        }
        if bases[firstUse[group]] == base {
          uses[group] += 1
          groupOf.append(group)
          break
        }
        slot = (slot + 1) & mask
      }
    }
    return (groupOf, uses)
  }

  /// ``uniqueKeys(for:reserved:)`` with nothing reserved and bases that all end with an ASCII digit:
  /// a generated key ends with a letter, so it is never a base, and two generated keys are never
  /// equal (the base of each is all of it up to its last digit). No set of taken keys is needed.
  private static func suffixedKeys(_ bases: [String], groupOf: [Int], uses: [Int]) -> [String] {
    var nextSuffix = [Int](repeating: 0, count: uses.count)
    var keys: [String] = []
    keys.reserveCapacity(bases.count)
    for (position, base) in bases.enumerated() {
      let group = groupOf[position]
      if uses[group] == 1 {
        keys.append(base)
      } else {
        keys.append(base + suffix(nextSuffix[group]))
        nextSuffix[group] += 1
      }
    }
    return keys
  }

  private static func endsWithDigit(_ text: String) -> Bool {
    guard let last = text.utf8.last else { return false }
    return last >= 0x30 && last <= 0x39
  }

  /// The value behind a dictionary's defaulting subscript, which inserts the default when the key
  /// is absent (one lookup either way).
  private static func value(_ slot: inout Int) -> Int { slot }

  /// Lower-case ASCII letters of `text`: accents removed (`ü` → `u`), a few letters spelled out
  /// (`ß` → `ss`, `æ` → `ae`, `ø` → `o`), everything else dropped.
  public static func asciiLetters(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
        var count = 0
        for byte in text.utf8 {
          let lower = byte | 0x20
          if lower >= 0x61 && lower <= 0x7A {
            buffer[count] = lower
            count += 1
          }
        }
        return count
      }
    }
    // Lower-casing, spelling out and decomposing go scalar by scalar below U+0300.
    var copy = text
    if let letters = copy.withUTF8({ latinLetters($0) }) { return letters }
    return asciiLettersGeneral(text)
  }

  /// ``asciiLetters(_:)`` of UTF-8 text whose scalars are all below U+0300 (one or two bytes each),
  /// read from its bytes; nil when a scalar is U+0300 or above.
  private static func latinLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let table = latinLetterBytes
    var letters: [UInt8] = []
    letters.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x7A { letters.append(lower) }
        index += 1
        continue
      }
      // Lead bytes 0xC2 to 0xCB start the two-byte scalars U+0080 to U+02FF.
      guard byte >= 0xC2 && byte <= 0xCB, index + 1 < bytes.count else { return nil }
      let scalar = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
      letters.append(contentsOf: table[scalar - 0x80])
      index += 2
    }
    return String(decoding: letters, as: UTF8.self)
  }

  /// ``asciiLetters(_:)`` of each scalar from U+0080 to U+02FF, as UTF-8 bytes.
  static let latinLetterBytes: [[UInt8]] = (0x80..<0x300).map { value in
    Array((Unicode.Scalar(UInt32(value)).map { asciiLettersGeneral(String(Character($0))) } ?? "").utf8)
  }

  /// ``asciiLetters(_:)`` for any text, without the shortcuts.
  static func asciiLettersGeneral(_ text: String) -> String {
    var spelled = ""
    for character in text.lowercased() {
      // The letters spelled out are single scalars without decompositions: a character is one of
      // them exactly when it is that scalar alone.
      let scalars = character.unicodeScalars
      if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
        let letters = spelledOut(first.value)
      {
        spelled += letters
      } else {
        spelled.append(character)
      }
    }
    var result = ""
    for scalar in spelled.decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.value >= 0x61 && scalar.value <= 0x7A {
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// The ASCII spelling of the lower-case letters that have no decomposition to take it from.
  private static func spelledOut(_ value: UInt32) -> String? {
    switch value {
    case 0xDF: "ss"  // ß
    case 0xE6: "ae"  // æ
    case 0x153: "oe"  // œ
    case 0xF8: "o"  // ø
    case 0x142: "l"  // ł
    case 0x111, 0xF0: "d"  // đ, ð
    case 0xFE: "th"  // þ
    case 0x131: "i"  // ı
    default: nil
    }
  }

  private static func nameStem(_ name: Name) -> String {
    if let family = name.family {
      let stem = asciiLetters(family)
      if !stem.isEmpty { return stem }
    }
    if let literal = name.literal {
      for word in literal.split(separator: " ") {
        let stem = asciiLetters(String(word))
        if !stem.isEmpty { return stem }
      }
    }
    return asciiLetters(name.given ?? "")
  }

  /// 0 → `a`, 25 → `z`, 26 → `aa`, ...
  static func suffix(_ index: Int) -> String {
    if index >= 0 && index < 26 { return String(Unicode.Scalar(UInt8(97 + index))) }
    var value = index
    var letters: [UInt8] = []
    repeat {
      letters.append(UInt8(97 + value % 26))
      value = value / 26 - 1
    } while value >= 0
    return String(decoding: letters.reversed(), as: UTF8.self)
  }
}
