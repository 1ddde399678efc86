import CiteprocData

/// Splits the name strings found in RIS author tags into CSL name parts.
///
/// - `Family, Given[, Suffix]`, with or without a space after the comma (`Baldwin,S.A.`,
///   `Phillips,A.J.,Sr.`);
/// - no comma, trailing initials: family first (`Liu R.`, `Adler D.G.`, MEDLINE `Neilen AD`);
/// - no comma otherwise: given names first, the last word is the family name (`C. Li`,
///   `Simon Cocksedge`, `G Kelly Nugent`);
/// - lower-case particles at the start of the family name (`van de Schoot, Rens`, `Vincent van Gogh`)
///   become the non-dropping particle;
/// - organisations and single words become literal names; capitals are kept as written.
enum RISNameParser {
  /// The names in one tag value; several names separated by `;` are split.
  static func parse(_ raw: String) -> [Name] {
    var names: [Name] = []
    parse(raw, into: &names)
    return names
  }

  /// ``parse(_:)``, appending to `names`.
  static func parse(_ raw: String, into names: inout [Name]) {
    // The fast path takes no text with a semicolon.
    if RISNameFastPath.parse(raw, into: &names) { return }
    parseGeneral(raw, into: &names)
  }

  /// ``parse(_:into:)`` of the text whose UTF-8 bytes are `bytes`, which the fast path reads without
  /// making a string of the whole value.
  static func parse(_ bytes: ArraySlice<UInt8>, into names: inout [Name]) {
    if bytes.withUnsafeBufferPointer({ RISNameFastPath.parse($0, into: &names) }) { return }
    parseGeneral(String(decoding: bytes, as: UTF8.self), into: &names)
  }

  /// ``parse(_:into:)`` without the fast path for the whole value.
  private static func parseGeneral(_ raw: String, into names: inout [Name]) {
    if raw.utf8.contains(UInt8(ascii: ";")) {
      for piece in raw.split(separator: ";") {
        if let name = parseOne(String(piece)) { names.append(name) }
      }
    } else if let name = parseOne(raw) {
      names.append(name)
    }
  }

  static func parseOne(_ raw: String) -> Name? {
    if let name = RISNameFastPath.parse(raw) { return name }
    return parseOneGeneral(raw)
  }

  /// ``parseOne(_:)`` for any text, without the fast path for the common shapes.
  static func parseOneGeneral(_ raw: String) -> Name? {
    var text: String
    if isTidy(raw) {
      text = raw
    } else {
      let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
      text = words.joined(separator: " ")
      while let last = text.last, last == "," || last == " " || last == ";" { text.removeLast() }
      while let first = text.first, first == "," || first == " " { text.removeFirst() }
    }
    guard !text.isEmpty else { return nil }
    var name = text.utf8.contains(UInt8(ascii: ",")) ? parseInverted(text) : parseDirect(text)
    name.given = name.given.map { spacedInitials($0, family: name.family) }
    return name
  }

  /// `text.split(separator:omittingEmptySubsequences:)` at an ASCII character. Text whose
  /// characters are all single scalars below U+0300 (no combining marks, no CR LF) is split on its
  /// bytes, which gives the same pieces; anything else goes through the character split.
  static func split(_ text: String, on byte: UInt8, omittingEmpty: Bool = true) -> [Substring] {
    guard !text.unicodeScalars.contains(where: { $0.value >= 0x300 || $0.value == 0x0D }) else {
      return text.split(separator: Character(Unicode.Scalar(byte)), omittingEmptySubsequences: omittingEmpty)
    }
    let utf8 = text.utf8
    var pieces: [Substring] = []
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == byte {
        if !omittingEmpty || start != index { pieces.append(text[start..<index]) }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    if !omittingEmpty || start != utf8.endIndex { pieces.append(text[start..<utf8.endIndex]) }
    return pieces
  }

  /// True when tidying `raw` (single spaces between words, no comma, space or semicolon at either
  /// end) would leave it as it is. Only decided for text whose characters are single scalars below
  /// U+0300 (no combining marks, no CR LF); anything else is left to the general code.
  private static func isTidy(_ raw: String) -> Bool {
    var previous: Unicode.Scalar = " "
    for scalar in raw.unicodeScalars {
      switch scalar.value {
      case 0x300...: return false
      case 0x09, 0x0A, 0x0D: return false
      case 0x20 where previous == " ": return false
      default: previous = scalar
      }
    }
    return previous != " " && previous != "," && previous != ";" && raw.utf8.first != UInt8(ascii: ",")
  }

  /// Initials written together without periods (MEDLINE `Neilen AD`, Web of Science `Krauss, KW`)
  /// become separate initials (`A D`), so styles can punctuate them. Only when the family name is
  /// not itself in capitals (in an all-capitals record `JO` may be a name).
  static func spacedInitials(_ given: String, family: String?) -> String {
    // A space or a period is never part of a letter.
    if given.utf8.contains(where: { $0 == 0x20 || $0 == 0x2E }) { return given }
    let letters = Array(given)
    guard letters.count >= 2, letters.count <= 3, letters.allSatisfy({ $0.isUppercase && $0.isLetter }),
      let family, family.contains(where: { $0.isLowercase })
    else { return given }
    return letters.map(String.init).joined(separator: " ")
  }

  // MARK: Forms

  private static func parseInverted(_ text: String) -> Name {
    let parts = split(text, on: UInt8(ascii: ","), omittingEmpty: false).map {
      String($0).trimmingBlanks()
    }
    let familyPart = parts[0]
    let familyWords = split(familyPart, on: 0x20).map(String.init)
    let otherWords = parts.dropFirst().flatMap { split($0, on: 0x20).map(String.init) }
    if familyPart.isEmpty
      || (hasOrganisationWord(familyWords + otherWords)
        && (familyWords.count >= 2 || otherWords.count >= 3))
    {
      return .literal(text)
    }
    var given: String?
    var suffix: String?
    let filled = parts.dropFirst().filter { !$0.isEmpty }
    for part in filled {
      // With a single part after the family name it is the given name (`Dymond, JR`).
      if suffix == nil, filled.count >= 2, isSuffix(part) {
        suffix = part
      } else if given == nil {
        given = part
      }
    }
    var name = Name()
    let (particle, family) = splitLeadingParticles(familyWords)
    name.nonDroppingParticle = particle
    name.family = family
    if let givenText = given {
      let givenWords = split(givenText, on: 0x20).map(String.init)
      let (rest, dropping) = splitTrailingParticles(givenWords)
      name.given = rest.isEmpty ? nil : rest
      name.droppingParticle = dropping
    }
    name.suffix = suffix
    if name.given == nil && name.suffix == nil && name.nonDroppingParticle == nil
      && familyWords.count == 1
    {
      return .literal(text)
    }
    return name
  }

  private static func parseDirect(_ text: String) -> Name {
    var words = split(text, on: 0x20).map(String.init)
    if words.count == 1 || hasOrganisationWord(words) || words.count >= 6 { return .literal(text) }
    var suffix: String?
    if words.count >= 3, let last = words.last, isSuffix(last) {
      suffix = last
      words.removeLast()
    }
    var name = Name()
    name.suffix = suffix
    let last = words[words.count - 1]
    let leading = Array(words[0..<(words.count - 1)])
    if isInitials(last), !leading.allSatisfy(isInitials) {
      // Family name first, initials last: `Liu R.`, `Neilen AD`.
      let (particle, family) = splitLeadingParticles(leading)
      name.nonDroppingParticle = particle
      name.family = family
      name.given = last
      return name
    }
    // Given names first: the last word is the family name, lower-case words before it are particles.
    var given = leading
    var particles: [String] = []
    while given.count > 1, let word = given.last, isParticle(word) {
      particles.insert(word, at: 0)
      given.removeLast()
    }
    name.given = given.joined(separator: " ")
    name.nonDroppingParticle = particles.isEmpty ? nil : particles.joined(separator: " ")
    name.family = last
    return name
  }

  // MARK: Pieces

  static let particleWords: Set<String> = [
    "van", "von", "de", "der", "den", "del", "della", "delle", "dei", "degli", "des", "du", "da",
    "das", "dos", "do", "di", "la", "le", "les", "lo", "ter", "ten", "te", "zu", "zum", "zur", "af",
    "av", "al", "el", "bin", "ibn", "ben", "'t", "d'", "l'",
  ]

  private static func isParticle(_ word: String) -> Bool {
    particleWords.contains(word)
  }

  /// Lower-case particle words at the start, when at least one word follows them.
  private static func splitLeadingParticles(_ words: [String]) -> (String?, String) {
    var index = 0
    while index < words.count - 1, isParticle(words[index]) { index += 1 }
    let particle = index == 0 ? nil : words[0..<index].joined(separator: " ")
    return (particle, words[index...].joined(separator: " "))
  }

  /// Lower-case particle words at the end of a given name (`Ludwig van`), when a word precedes them.
  private static func splitTrailingParticles(_ words: [String]) -> (String, String?) {
    var end = words.count
    while end > 1, isParticle(words[end - 1]) { end -= 1 }
    let particle = end == words.count ? nil : words[end...].joined(separator: " ")
    return (words[0..<end].joined(separator: " "), particle)
  }

  private static let suffixes: Set<String> = [
    "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "jnr", "snr", "jun.", "sen.",
  ]

  private static func isSuffix(_ word: String) -> Bool {
    suffixes.contains(word.lowercased())
  }

  /// `R.`, `D.G.`, `J.-P.`, `AD`: capitals with optional dots and hyphens, one to four letters
  /// (at most three without dots).
  static func isInitials(_ word: String) -> Bool {
    var letters = 0
    var dots = 0
    for scalar in word.unicodeScalars {
      switch scalar {
      case ".": dots += 1
      case "-": continue
      default:
        guard scalar.properties.isUppercase else { return false }
        letters += 1
      }
    }
    guard letters >= 1 else { return false }
    return dots > 0 ? letters <= 4 : letters <= 3
  }

  static let organisationWords: Set<String> = [
    "organization", "organisation", "association", "society", "institute", "institution",
    "university", "college", "school", "hospital", "group", "committee", "council", "agency",
    "department", "ministry", "foundation", "consortium", "collaboration", "collaborative", "centre",
    "center", "board", "commission", "office", "federation", "network", "inc", "inc.", "ltd",
    "ltd.", "llc", "corporation", "corp", "corp.", "company", "trust", "panel", "service",
    "services", "team", "party", "initiative", "programme", "program", "academy", "union",
    "alliance", "investigators", "authority", "bureau", "laboratory", "laboratories", "project",
    "museum", "library", "press", "publishers", "government", "administration", "statistics",
    "nations", "force", "unit", "registry",
  ]

  private static func hasOrganisationWord(_ words: [String]) -> Bool {
    words.contains { organisationWords.contains($0.lowercased()) }
  }
}
