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
    var names: [Name] = []
    return parse(raw, into: &names) ? names[0] : nil
  }

  /// ``parse(_:)``, appending the name to `names`; false (and nothing appended) when the text is
  /// left to the general code.
  static func parse(_ raw: String, into names: inout [Name]) -> Bool {
    var text = raw
    return text.withUTF8 { parse($0, into: &names) }
  }

  private static let space = UInt8(ascii: " ")
  private static let comma = UInt8(ascii: ",")
  private static let period = UInt8(ascii: ".")

  /// ``parse(_:into:)`` of the text whose UTF-8 bytes are `bytes`. Bytes that are not valid UTF-8
  /// are left to the general code.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into names: inout [Name]) -> Bool {
    var low = 0
    var high = bytes.count
    while low < high && bytes[low] == space { low += 1 }
    while high > low && bytes[high - 1] == space { high -= 1 }
    guard high > low else { return false }
    // The general tidy-up removes these at the ends.
    let first = bytes[low]
    let last = bytes[high - 1]
    guard first != comma, last != comma, last != UInt8(ascii: ";") else { return false }

    // One pass: the comma, the last space, and every word (split at spaces and the comma) checked
    // against the organisation words.
    let initials = organisationInitials
    var commaIndex = -1
    var lastSpace = -1
    var scanWordStart = low
    var index = low
    while index < high {
      let byte = bytes[index]
      if byte == space || byte == comma {
        if byte == comma {
          guard commaIndex < 0 else { return false }
          commaIndex = index
        } else {
          guard bytes[index - 1] != space else { return false }
          lastSpace = index
        }
        if index > scanWordStart, isOrganisationWord(bytes, scanWordStart..<index, initials) { return false }
        scanWordStart = index + 1
      } else if byte < 0x20 || byte == UInt8(ascii: ";") || byte == 0x7F || byte >= 0xCC {
        // Control characters, a semicolon, DEL, or a lead byte of U+0300 or above.
        return false
      } else if byte >= 0x80 {
        // A two-byte scalar below U+0300: a lead byte 0xC2 to 0xCB and one continuation byte.
        guard byte >= 0xC2, index + 1 < high, bytes[index + 1] & 0xC0 == 0x80 else { return false }
        index += 1
      }
      index += 1
    }
    guard commaIndex > 0 else { return false }
    if high > scanWordStart, isOrganisationWord(bytes, scanWordStart..<high, initials) { return false }

    let family = trimmed(bytes, low, commaIndex)
    let given = trimmed(bytes, commaIndex + 1, high)
    guard family.lowerBound < family.upperBound, given.lowerBound < given.upperBound else { return false }

    // Leading particles of the family name, when a word follows them.
    var wordStart = family.lowerBound
    if mayStartParticle(bytes[wordStart]) {
      while true {
        var wordEnd = wordStart
        while wordEnd < family.upperBound && bytes[wordEnd] != space { wordEnd += 1 }
        guard wordEnd < family.upperBound, isParticle(bytes, wordStart..<wordEnd) else { break }
        wordStart = wordEnd + 1
      }
    }
    let nonDroppingParticle =
      wordStart > family.lowerBound ? string(bytes, family.lowerBound..<(wordStart - 1)) : nil
    let familyText = string(bytes, wordStart..<family.upperBound)
    // Trailing particles of the given name, when a word precedes them. The last word starts after
    // the last space, when that space is inside the given name.
    var givenEnd = given.upperBound
    var lastStart = lastSpace >= given.lowerBound ? lastSpace + 1 : given.lowerBound
    while lastStart > given.lowerBound, isParticle(bytes, lastStart..<givenEnd) {
      givenEnd = lastStart - 1
      lastStart = givenEnd
      while lastStart > given.lowerBound && bytes[lastStart - 1] != space { lastStart -= 1 }
    }
    let droppingParticle =
      givenEnd < given.upperBound ? string(bytes, (givenEnd + 1)..<given.upperBound) : nil
    let givenRange = given.lowerBound..<givenEnd
    let givenText = spacedInitials(string(bytes, givenRange), bytes, givenRange, family: familyText)
    names.append(
      Name(
        family: familyText, given: givenText, droppingParticle: droppingParticle,
        nonDroppingParticle: nonDroppingParticle))
    return true
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

  /// Particles start with a lower-case letter or an apostrophe.
  private static func mayStartParticle(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "'")
  }

  private static func isParticle(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    guard mayStartParticle(bytes[word.lowerBound]) else { return false }
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

  /// For each length, one bit per first letter (`a` is bit 0) of the organisation words of that length.
  private static let organisationInitials: [UInt32] = organisationWords.map { words in
    words.reduce(0) { $0 | (1 << UInt32($1[0] &- 0x61)) }
  }

  /// True when the word is an organisation word; `initials` is ``organisationInitials``.
  private static func isOrganisationWord(
    _ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ initials: [UInt32]
  ) -> Bool {
    guard word.count < initials.count else { return false }
    let first = bytes[word.lowerBound] | 0x20
    guard first >= 0x61 && first <= 0x7A, initials[word.count] & (1 << UInt32(first - 0x61)) != 0
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
