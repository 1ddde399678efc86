import CiteprocData

/// Splits particles and suffixes out of the `family` and `given` strings of a CSL-JSON name, the way
/// CSL processors read names that were not split by the data's author:
///
/// - leading lower-case words of `family` are the non-dropping particle: "van der Berg" → "van der" +
///   "Berg", "in 't Horvath" → "in 't" + "Horvath"; a lower-case prefix glued on with an apostrophe or
///   (for the Arabic article) a hyphen counts too: "d'Aubignac" → "d'" + "Aubignac", "al-One" → "al-" + "One";
///   a particle ending in an apostrophe but written apart keeps its space: "de' Frinkle" → "de' " + "Frinkle";
/// - trailing lower-case words of `given` are the dropping particle: "Ludwig van" → "Ludwig" + "van";
/// - text after a comma in `given` is a suffix ("John, III"), or a suffix printed after a comma when it
///   starts with "!" ("John,! Jr."), or a dropping particle when it starts in lower case
///   ("François Hédelin, abbé d'").
///
/// A part that the data already sets explicitly is never overwritten, and a string made only of
/// lower-case words ("bell hooks", "de la cruz") is left whole.
enum NameParticles {
  static func split(_ name: Name) -> Name {
    var result = name
    if let given = name.given {
      splitGiven(given, into: &result)
    }
    // A family name in double quotes is taken as written: quotes removed, no particles split off.
    if let family = name.family, family.count >= 2, family.hasPrefix("\""), family.hasSuffix("\"") {
      result.family = String(family.dropFirst().dropLast())
      return result
    }
    if result.nonDroppingParticle == nil, let family = name.family,
      let (particle, rest) = leadingParticle(of: family)
    {
      result.nonDroppingParticle = particle
      result.family = rest
    }
    return result
  }

  /// Handles the comma suffix and trailing particles of a given name.
  private static func splitGiven(_ given: String, into name: inout Name) {
    var given = given
    if let comma = given.firstIndex(of: ",") {
      var after = given[given.index(after: comma)...].drop(while: \.isWhitespace)
      let before = String(given[..<comma]).trimmingSpaces()
      var forcedComma = false
      if after.first == "!" {
        forcedComma = true
        after = after.dropFirst().drop(while: \.isWhitespace)
      }
      let tail = String(after).trimmingSpaces()
      if !tail.isEmpty && !before.isEmpty {
        if !forcedComma && isParticleWord(Substring(tail)) {
          if name.droppingParticle == nil {
            name.droppingParticle = tail
            given = before
          }
        } else if name.suffix == nil {
          name.suffix = tail
          name.commaSuffix = name.commaSuffix || forcedComma
          given = before
        }
      }
    }
    if name.droppingParticle == nil {
      let words = given.split(separator: " ")
      var firstParticle = words.count
      while firstParticle > 1 && isParticleWord(words[firstParticle - 1]) {
        firstParticle -= 1
      }
      if firstParticle < words.count {
        name.droppingParticle = words[firstParticle...].joined(separator: " ")
        given = words[..<firstParticle].joined(separator: " ")
      }
    }
    name.given = given
  }

  /// The non-dropping particle at the start of a family name, and the rest of the name.
  private static func leadingParticle(of family: String) -> (String, String)? {
    let words = family.split(separator: " ")
    guard !words.isEmpty else { return nil }
    var count = 0
    while count < words.count - 1 && isParticleWord(words[count]) { count += 1 }
    var particles = words[..<count].map(String.init)
    var head = words[count]
    if let (glued, rest) = gluedParticle(of: head) {
      particles.append(glued)
      head = rest
    } else if isParticleWord(head) {
      // A name of lower-case words only is not split.
      return nil
    }
    guard !particles.isEmpty else { return nil }
    let rest = ([head] + words[(count + 1)...]).joined(separator: " ")
    var particle = particles.joined(separator: " ")
    // A particle ending in an apostrophe but written apart from the name ("de' Frinkle") keeps its
    // space, so that it is not joined to the name as a glued one ("d'Wander") is.
    if count == particles.count, particle.last == "'" || particle.last == "’" { particle += " " }
    return (particle, rest)
  }

  /// Arabic articles written with a hyphen before the name ("al-One", "el-Amin").
  private static let hyphenParticles: Set<Substring> = [
    "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "aḍ", "aḏ", "aṣ", "aš", "aṭ", "aṯ",
    "aẓ",
  ]

  /// A lower-case prefix glued to a capitalised name: "d'Aubignac", "dell’Orto", "al-One".
  private static func gluedParticle(of word: Substring) -> (String, Substring)? {
    guard let mark = word.firstIndex(where: { $0 == "'" || $0 == "’" || $0 == "-" }) else { return nil }
    let prefix = word[..<mark]
    let rest = word[word.index(after: mark)...]
    guard !prefix.isEmpty, prefix.allSatisfy(\.isLowercase),
      let next = rest.first, next.isUppercase
    else { return nil }
    if word[mark] == "-" && !hyphenParticles.contains(prefix) { return nil }
    return (String(word[...mark]), rest)
  }

  /// A word whose first letter is lower case ("van", "'t", "d'", "v.d."). Words without letters are not
  /// particles.
  private static func isParticleWord(_ word: Substring) -> Bool {
    guard let letter = word.first(where: \.isLetter) else { return false }
    guard letter.isLowercase else { return false }
    // Only apostrophes may come before the first letter ("'t").
    let lead = word.prefix(while: { !$0.isLetter })
    return lead.allSatisfy { $0 == "'" || $0 == "’" }
  }
}

extension String {
  /// The string without leading and trailing white space.
  func trimmingSpaces() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
