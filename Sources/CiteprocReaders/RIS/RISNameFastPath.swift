import CiteprocData

/// The common inverted name shape `Family, Given` read straight from its UTF-8 bytes, giving exactly
/// what ``RISNameParser/parseOneGeneral(_:)`` gives for it.
///
/// Taken: one comma, no semicolon, tab or line break, single spaces between words (spaces at either
/// end are dropped), nothing at either end of the trimmed text that the general tidy-up would remove,
/// and only characters below U+0300 (each one a single scalar, so bytes and characters split alike).
/// Names holding an organisation word are left to the general code. Anything else gives nil.
enum RISNameFastPath {
  static func parse(_ raw: String) -> Name? {
    let result = raw.utf8.withContiguousStorageIfAvailable { bytes -> Name? in
      parse(bytes)
    }
    return result ?? nil
  }

  private static let space = UInt8(ascii: " ")
  private static let comma = UInt8(ascii: ",")
  private static let period = UInt8(ascii: ".")

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    var low = 0
    var high = bytes.count
    while low < high && bytes[low] == space { low += 1 }
    while high > low && bytes[high - 1] == space { high -= 1 }
    guard high > low else { return nil }
    // The general tidy-up removes these at the ends.
    let first = bytes[low]
    let last = bytes[high - 1]
    guard first != comma, last != comma, last != UInt8(ascii: ";") else { return nil }

    var commaIndex = -1
    var index = low
    while index < high {
      let byte = bytes[index]
      if byte < 0x80 {
        switch byte {
        case comma:
          guard commaIndex < 0 else { return nil }
          commaIndex = index
        case space:
          guard bytes[index - 1] != space else { return nil }
        case 0x00..<0x20, UInt8(ascii: ";"), 0x7F:
          return nil
        default:
          break
        }
      } else if byte >= 0xCC {
        // A lead byte of U+0300 or above.
        return nil
      }
      index += 1
    }
    guard commaIndex > 0 else { return nil }

    let family = trimmed(bytes, low, commaIndex)
    let given = trimmed(bytes, commaIndex + 1, high)
    guard family.lowerBound < family.upperBound, given.lowerBound < given.upperBound else { return nil }
    guard !hasOrganisationWord(bytes, family), !hasOrganisationWord(bytes, given) else { return nil }

    // Leading particles of the family name, when a word follows them.
    var wordStart = family.lowerBound
    while true {
      var wordEnd = wordStart
      while wordEnd < family.upperBound && bytes[wordEnd] != space { wordEnd += 1 }
      guard wordEnd < family.upperBound, isParticle(bytes, wordStart..<wordEnd) else { break }
      wordStart = wordEnd + 1
    }
    let nonDroppingParticle =
      wordStart > family.lowerBound ? string(bytes, family.lowerBound..<(wordStart - 1)) : nil
    let familyText = string(bytes, wordStart..<family.upperBound)
    // Trailing particles of the given name, when a word precedes them.
    var givenEnd = given.upperBound
    while true {
      var lastStart = givenEnd
      while lastStart > given.lowerBound && bytes[lastStart - 1] != space { lastStart -= 1 }
      guard lastStart > given.lowerBound, isParticle(bytes, lastStart..<givenEnd) else { break }
      givenEnd = lastStart - 1
    }
    let droppingParticle =
      givenEnd < given.upperBound ? string(bytes, (givenEnd + 1)..<given.upperBound) : nil
    let givenRange = given.lowerBound..<givenEnd
    let givenText = spacedInitials(string(bytes, givenRange), bytes, givenRange, family: familyText)
    return Name(
      family: familyText, given: givenText, droppingParticle: droppingParticle,
      nonDroppingParticle: nonDroppingParticle)
  }

  /// ``RISNameParser/spacedInitials(_:family:)``, called only when it may change the given name:
  /// without a space or a period, at most three characters (six bytes below U+0300) and no ASCII
  /// lower-case letter.
  private static func spacedInitials(
    _ given: String, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, family: String?
  ) -> String {
    guard range.count <= 6 else { return given }
    for index in range {
      let byte = bytes[index]
      if byte == space || byte == period || (byte >= 0x61 && byte <= 0x7A) { return given }
    }
    return RISNameParser.spacedInitials(given, family: family)
  }

  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var low = start
    var high = end
    while low < high && bytes[low] == space { low += 1 }
    while high > low && bytes[high - 1] == space { high -= 1 }
    return low..<high
  }

  private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: Word lists

  /// ``RISNameParser``'s particles, which are all ASCII; a word with other bytes is never one.
  private static let particles: [[UInt8]] = RISNameParser.particleWords.map { Array($0.utf8) }

  private static func isParticle(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    let first = bytes[word.lowerBound]
    // Particles start with a lower-case letter or an apostrophe.
    guard (first >= 0x61 && first <= 0x7A) || first == UInt8(ascii: "'") else { return false }
    for particle in particles where particle.count == word.count {
      if particle.elementsEqual(UnsafeBufferPointer(rebasing: bytes[word])) { return true }
    }
    return false
  }

  /// ``RISNameParser``'s organisation words (ASCII, lower case) grouped by length. No character
  /// below U+0300 other than an ASCII letter lower-cases to ASCII, so a word with other bytes is
  /// never one.
  private static let organisationWords: [[[UInt8]]] = {
    var table: [[[UInt8]]] = []
    for word in RISNameParser.organisationWords {
      let bytes = Array(word.utf8)
      while table.count <= bytes.count { table.append([]) }
      table[bytes.count].append(bytes)
    }
    return table
  }()

  /// True when a word of the trimmed range (split at single spaces) is an organisation word.
  private static func hasOrganisationWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var start = range.lowerBound
    var index = start
    while index <= range.upperBound {
      if index == range.upperBound || bytes[index] == space {
        if isOrganisationWord(bytes, start..<index) { return true }
        start = index + 1
      }
      index += 1
    }
    return false
  }

  /// For each length, one bit per first letter (`a` is bit 0) of the organisation words of that length.
  private static let organisationInitials: [UInt32] = organisationWords.map { words in
    words.reduce(0) { $0 | (1 << UInt32($1[0] &- 0x61)) }
  }

  private static func isOrganisationWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    guard word.count < organisationWords.count else { return false }
    let first = bytes[word.lowerBound] | 0x20
    guard first >= 0x61 && first <= 0x7A, organisationInitials[word.count] & (1 << UInt32(first - 0x61)) != 0
    else { return false }
    for candidate in organisationWords[word.count] {
      var matches = true
      for (offset, expected) in candidate.enumerated() {
        var byte = bytes[word.lowerBound + offset]
        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
        if byte != expected {
          matches = false
          break
        }
      }
      if matches { return true }
    }
    return false
  }
}
