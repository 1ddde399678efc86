import CiteprocData
import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct RISNameFastPathTests {
  static let families = [
    "Smith", "O'Brien", "d'Angelo", "Smith-Jones", "van der Berg", "van de Schoot", "de la Fontaine",
    "von der Leyen", "Van Gogh", "da Silva", "del Rio", "ter Haar", "'t Hooft", "in 't Veld", "van",
    "van der", "de la Cruz", "Müller", "Núñez", "Łukasiewicz", "Øberg", "Ødegård", "Straße", "Çelik",
    "JONES", "jones", "MacDonald", "St. John", "Sánchez García", "Le", "Ng", "al-Farabi", "el-Amin",
    "ibn Sina", "bin Laden", "d' Alembert", "Smith2", "1", "X", "Ωmega", "Иванов", "李", "Smith Jr.",
    "Research Group", "Group", "Acme Inc.", "World Health Organization", "Ǆemal", "ǅemal", "İnan", "ıtır",
    "Wei Ł.", "ÉÀ", "de", "van Den Berg",
  ]

  static let givens = [
    "John", "J.", "J", "JR", "KW", "ABC", "ABCD", "A B", "A. B.", "J.R.", "J.-P.", "Jean-Pierre",
    "Anne-Marie", "Mary Ann", "Min-jun A.", "Ludwig van", "Jean de la", "Jan van der", "van", "de la",
    "É.", "Émile", "émile", "ÉA", "ÉÀ", "Éa", "ÀÉÈ", "ÀÉÈÌ", "ΑΒ", "ИИ", "И. И.", "Ǆ", "ǅ", "Ǆǅ", "ǈǈ", "ßß",
    "İİ", "ıı", "Jr.", "Jr", "III", "Sr", "Dr. John", "j.r.", "1", "J1", "A.B.C.D.E.", "John Paul George",
    "Hélène R.", "Wei Ł.", "Ł", "ŁŁ", "ŁŁŁ", "Ng", "NG", "Study Group", "Council", "Smith Ltd.", "x",
    "'t", "Aö", "ÖA", "ÖÄÜ", "ÅÅÅÅ", "ÐÞ", "ÞÐÆ",
  ]

  /// Every family with every given name, in the usual and in odd spellings.
  static var inputs: [String] {
    var result: [String] = []
    for family in families {
      for given in givens {
        result.append("\(family), \(given)")
        result.append("\(family),\(given)")
        result.append(" \(family) ,  \(given) ")
        result.append("\(family) , \(given)")
        result.append("  \(family), \(given)")
        result.append("\(family), \(given)   ")
      }
      result.append(family)
      result.append("\(family),")
      result.append(", \(family)")
      result.append("\(family), John, Jr.")
      result.append("\(family), John; Doe, Jane")
      result.append("\(family),\tJohn")
      result.append("\(family)  Smith, John")
      result.append("\(family), Jo\u{301}hn")
      result.append("\(family)\u{301}, John")
      result.append("\(family), 😀")
      result.append("\(family), John\r\nPaul")
    }
    result += [
      "", " ", ",", ", ", " , ", ",,", "a,b", "A,B", "a, b", "Smith, ,John", "Smith , , John", "Smith,,John",
      "Smith, J.\u{A0}R.", "Smith,\u{A0}J.", "Smith\u{2028}, J", "O\u{2019}Brien, Patrick",
      "dell\u{2019}Orto, G.", "Jones, A\u{301}nne", "Smith, \u{2163}", "Smith, \u{FB01}", "Smith, ＡＢ",
      "Smith, 𝐀𝐁", "Smith, J\u{7F}", "Smith, J\u{1}", "Smith; Jones, J", "Smith, J;", "Smith, J.,",
    ]
    return result
  }

  /// The same text in every part, byte for byte (`==` on strings would accept canonical equivalents).
  static func identical(_ left: Name?, _ right: Name?) -> Bool {
    guard let left, let right else { return left == nil && right == nil }
    func same(_ a: String?, _ b: String?) -> Bool {
      switch (a, b) {
      case (nil, nil): return true
      case (let a?, let b?): return a.utf8.elementsEqual(b.utf8)
      default: return false
      }
    }
    return same(left.family, right.family) && same(left.given, right.given)
      && same(left.droppingParticle, right.droppingParticle)
      && same(left.nonDroppingParticle, right.nonDroppingParticle) && same(left.suffix, right.suffix)
      && same(left.literal, right.literal) && left.commaSuffix == right.commaSuffix
      && left.staticOrdering == right.staticOrdering
  }

  @Test func fastPathEqualsGeneralPath() {
    var taken = 0
    let inputs = Self.inputs
    for input in inputs {
      guard let fast = RISNameFastPath.parse(input) else { continue }
      taken += 1
      let general = RISNameParser.parseOneGeneral(input)
      #expect(
        Self.identical(fast, general), "\(input.debugDescription): \(fast) vs \(String(describing: general))")
    }
    // The comparison means something only when most inputs take the fast path.
    #expect(taken > inputs.count / 2, "\(taken) of \(inputs.count)")
  }

  /// Names put together at random from words, particles, organisation words, initials and
  /// separators, so that particles, organisation words and spaces fall in every position.
  @Test func fastPathEqualsGeneralPathOnGeneratedNames() {
    let words = [
      "Smith", "Müller", "van", "der", "de", "la", "'t", "d'", "le", "Group", "group", "Inc.", "ltd",
      "Society",
      "Unit", "unit", "J.", "JR", "KW", "Ann", "ann", "Jr.", "Ł", "Øberg", "x", "1", "O'Brien", "Smith-Jones",
    ]
    let odd = ["  ", ";", "\t", "\u{301}", "é", "-", ".", ",", " ,", "\u{A0}"]
    let separators = [", ", ", ", ",", " , ", " ,", ",  "]
    var random = TestRandom(seed: 3)
    var taken = 0
    let count = 30_000
    for _ in 0..<count {
      // Family words, a separator and given words, with an odd piece now and then.
      var parts: [String] = []
      for _ in 0..<(1 + random.next(3)) { parts.append(words[random.next(words.count)]) }
      var input = parts.joined(separator: " ") + separators[random.next(separators.count)]
      parts = []
      for _ in 0..<(1 + random.next(3)) { parts.append(words[random.next(words.count)]) }
      input += parts.joined(separator: " ")
      if random.next(4) == 0 {
        var characters = Array(input)
        characters.insert(contentsOf: odd[random.next(odd.count)], at: random.next(characters.count + 1))
        input = String(characters)
      }
      if random.next(8) == 0 { input = " " + input + " " }
      guard let fast = RISNameFastPath.parse(input) else { continue }
      taken += 1
      let general = RISNameParser.parseOneGeneral(input)
      #expect(
        Self.identical(fast, general), "\(input.debugDescription): \(fast) vs \(String(describing: general))")
    }
    #expect(taken > count / 5, "\(taken) of \(count)")
  }

  @Test func parseOneEqualsGeneralPath() {
    for input in Self.inputs {
      #expect(Self.identical(RISNameParser.parseOne(input), RISNameParser.parseOneGeneral(input)), "\(input)")
    }
  }

  @Test func commonShapesTakeTheFastPath() {
    for input in [
      "Smith, John", "Smith, J.", "Smith,J.R.", "van der Berg, Jan", "Müller, Jürgen", "Krauss, KW",
      "da Silva, Hélène R.", "Beethoven, Ludwig van", " Doe, Jane", "Smith , J",
    ] {
      #expect(RISNameFastPath.parse(input) != nil, "\(input)")
    }
  }

  @Test func unusualShapesAreLeftToTheGeneralPath() {
    for input in [
      "Smith, John, Jr.", "Simon Cocksedge", "World Health Organization, Geneva", "Smith,  John",
      "Smith,\tJohn", "Jones, A\u{301}nne", "Smith, J;", "Smith,", ", Smith", "Smith, 😀", "Smith, Acme Ltd.",
      "Research Group, The",
    ] {
      #expect(RISNameFastPath.parse(input) == nil, "\(input)")
    }
  }

  @Test func handCheckedResults() {
    let cases: [(String, Name)] = [
      ("Smith, John", Name(family: "Smith", given: "John")),
      ("van der Berg, Jan", Name(family: "Berg", given: "Jan", nonDroppingParticle: "van der")),
      ("Beethoven, Ludwig van", Name(family: "Beethoven", given: "Ludwig", droppingParticle: "van")),
      ("Krauss, KW", Name(family: "Krauss", given: "K W")),
      ("KRAUSS, KW", Name(family: "KRAUSS", given: "KW")),
      ("Müller, ÉA", Name(family: "Müller", given: "É A")),
      ("Neilen, ABCD", Name(family: "Neilen", given: "ABCD")),
      ("van, Jan", Name(family: "van", given: "Jan")),
      ("de la Cruz, Ana", Name(family: "Cruz", given: "Ana", nonDroppingParticle: "de la")),
      (" Doe ,  Jane ", Name(family: "Doe", given: "Jane")),
      ("Baldwin,S.A.", Name(family: "Baldwin", given: "S.A.")),
    ]
    for (input, expected) in cases {
      #expect(Self.identical(RISNameParser.parseOne(input), expected), "\(input)")
      #expect(Self.identical(RISNameParser.parseOneGeneral(input), expected), "\(input)")
    }
  }

  /// The fast path's organisation test relies on this: only ASCII letters lower-case to ASCII
  /// among the characters it accepts.
  @Test func noCharacterBelowU0300LowerCasesToASCII() {
    for value in UInt32(0x80)..<0x300 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let lower = String(Character(scalar)).lowercased()
      #expect(!lower.utf8.allSatisfy { $0 < 0x80 }, "U+\(String(value, radix: 16))")
    }
  }

  /// Names read from a value's bytes (as the mapper does) equal names read from the value's string,
  /// for the inputs above and for byte strings with invalid UTF-8 (stray continuation bytes, cut
  /// sequences, overlong lead bytes) put in at random. Both the fast path on bytes and the general
  /// code are taken, and invalid bytes are among the inputs the fast path turns down.
  @Test func bytesEqualString() {
    var inputs = Self.inputs.map { Array($0.utf8) }
    let junk: [[UInt8]] = [
      [0x80], [0xBF], [0xC3], [0xC0, 0x80], [0xC1, 0xBF], [0xCB], [0xC3, 0x41], [0xE2, 0x82],
    ]
    var random = TestRandom(seed: 5)
    var invalid = 0
    for _ in 0..<6000 {
      var bytes = inputs[random.next(Self.inputs.count)]
      let piece = junk[random.next(junk.count)]
      bytes.insert(contentsOf: piece, at: random.next(bytes.count + 1))
      inputs.append(bytes)
    }
    var fast = 0
    var general = 0
    for bytes in inputs {
      let text = String(decoding: bytes, as: UTF8.self)
      if !text.utf8.elementsEqual(bytes) { invalid += 1 }
      var fromBytes: [Name] = []
      RISNameParser.parse(bytes[...], into: &fromBytes)
      var fromString: [Name] = []
      RISNameParser.parse(text, into: &fromString)
      #expect(
        fromBytes.count == fromString.count && zip(fromBytes, fromString).allSatisfy(Self.identical),
        "\(bytes): \(fromBytes) vs \(fromString)")
      var probe: [Name] = []
      if bytes.withUnsafeBufferPointer({ RISNameFastPath.parse($0, into: &probe) }) {
        fast += 1
        #expect(text.utf8.elementsEqual(bytes), "\(bytes)")
      } else {
        general += 1
      }
    }
    #expect(fast > 5000 && general > 5000 && invalid > 4000, "\(fast) \(general) \(invalid)")
  }
}
