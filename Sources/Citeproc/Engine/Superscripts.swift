/// Unicode superscript characters and the ordinary characters they stand for (their Unicode
/// `<super>` compatibility decompositions, plus a few modifier letters used the same way). Output
/// shows them as the ordinary characters set in superscript, which every output format can do.
enum Superscripts {
  /// Each character and the ordinary characters it stands for.
  private static let table: [(UInt32, String)] = [
    (0x00AA, "a"), (0x00B2, "2"), (0x00B3, "3"), (0x00B9, "1"), (0x00BA, "o"), (0x02B0, "h"), (0x02B1, "ɦ"),
    (0x02B2, "j"), (0x02B3, "r"), (0x02B4, "ɹ"), (0x02B5, "ɻ"), (0x02B6, "ʁ"), (0x02B7, "w"), (0x02B8, "y"),
    (0x02C0, "ʔ"), (0x02C1, "ʕ"), (0x02E0, "ɣ"), (0x02E1, "l"), (0x02E2, "s"), (0x02E3, "x"), (0x02E4, "ʕ"),
    (0x06E5, "و"), (0x06E6, "ي"), (0x10FC, "ნ"), (0x1D2C, "A"), (0x1D2D, "Æ"), (0x1D2E, "B"), (0x1D30, "D"),
    (0x1D31, "E"), (0x1D32, "Ǝ"), (0x1D33, "G"), (0x1D34, "H"), (0x1D35, "I"), (0x1D36, "J"), (0x1D37, "K"),
    (0x1D38, "L"), (0x1D39, "M"), (0x1D3A, "N"), (0x1D3C, "O"), (0x1D3D, "Ȣ"), (0x1D3E, "P"), (0x1D3F, "R"),
    (0x1D40, "T"), (0x1D41, "U"), (0x1D42, "W"), (0x1D43, "a"), (0x1D44, "ɐ"), (0x1D45, "ɑ"), (0x1D46, "ᴂ"),
    (0x1D47, "b"), (0x1D48, "d"), (0x1D49, "e"), (0x1D4A, "ə"), (0x1D4B, "ɛ"), (0x1D4C, "ɜ"), (0x1D4D, "g"),
    (0x1D4F, "k"), (0x1D50, "m"), (0x1D51, "ŋ"), (0x1D52, "o"), (0x1D53, "ɔ"), (0x1D54, "ᴖ"), (0x1D55, "ᴗ"),
    (0x1D56, "p"), (0x1D57, "t"), (0x1D58, "u"), (0x1D59, "ᴝ"), (0x1D5A, "ɯ"), (0x1D5B, "v"), (0x1D5C, "ᴥ"),
    (0x1D5D, "β"), (0x1D5E, "γ"), (0x1D5F, "δ"), (0x1D60, "φ"), (0x1D61, "χ"), (0x1D78, "н"), (0x1D9B, "ɒ"),
    (0x1D9C, "c"), (0x1D9D, "ɕ"), (0x1D9E, "ð"), (0x1D9F, "ɜ"), (0x1DA0, "f"), (0x1DA1, "ɟ"), (0x1DA2, "ɡ"),
    (0x1DA3, "ɥ"), (0x1DA4, "ɨ"), (0x1DA5, "ɩ"), (0x1DA6, "ɪ"), (0x1DA7, "ᵻ"), (0x1DA8, "ʝ"), (0x1DA9, "ɭ"),
    (0x1DAA, "ᶅ"), (0x1DAB, "ʟ"), (0x1DAC, "ɱ"), (0x1DAD, "ɰ"), (0x1DAE, "ɲ"), (0x1DAF, "ɳ"), (0x1DB0, "ɴ"),
    (0x1DB1, "ɵ"), (0x1DB2, "ɸ"), (0x1DB3, "ʂ"), (0x1DB4, "ʃ"), (0x1DB5, "ƫ"), (0x1DB6, "ʉ"), (0x1DB7, "ʊ"),
    (0x1DB8, "ᴜ"), (0x1DB9, "ʋ"), (0x1DBA, "ʌ"), (0x1DBB, "z"), (0x1DBC, "ʐ"), (0x1DBD, "ʑ"), (0x1DBE, "ʒ"),
    (0x1DBF, "θ"), (0x2070, "0"), (0x2071, "i"), (0x2074, "4"), (0x2075, "5"), (0x2076, "6"), (0x2077, "7"),
    (0x2078, "8"), (0x2079, "9"), (0x207A, "+"), (0x207B, "\u{2212}"), (0x207C, "="), (0x207D, "("),
    (0x207E, ")"), (0x207F, "n"), (0x2120, "SM"), (0x2122, "TM"), (0x2C7D, "V"), (0x2D6F, "\u{2D61}"),
    (0x3192, "\u{4E00}"), (0x3193, "\u{4E8C}"), (0x3194, "\u{4E09}"), (0x3195, "\u{56DB}"),
    (0x3196, "\u{4E0A}"), (0x3197, "\u{4E2D}"), (0x3198, "\u{4E0B}"), (0x3199, "\u{7532}"),
    (0x319A, "\u{4E59}"), (0x319B, "\u{4E19}"), (0x319C, "\u{4E01}"), (0x319D, "\u{5929}"),
    (0x319E, "\u{5730}"), (0x319F, "\u{4EBA}"), (0xA69C, "ъ"), (0xA69D, "ь"), (0xA770, "\u{A76F}"),
    (0xA7F2, "C"), (0xA7F3, "F"), (0xA7F4, "Q"), (0xA7F8, "Ħ"), (0xA7F9, "œ"), (0xAB5C, "\u{A727}"),
    (0xAB5D, "\u{AB37}"), (0xAB5E, "ɫ"), (0xAB5F, "\u{AB52}"), (0xAB69, "ʍ"),
  ]

  /// ``table`` by character.
  static let base = [UInt32: String](uniqueKeysWithValues: table)

  /// The lowest code point in the table: text below it needs no lookup.
  static let lowest: UInt32 = 0xAA

  /// Whether UTF-8 text may have a character of the table: false settles it from the bytes. Each
  /// character of the table begins with one of a few pairs of bytes (its first two in UTF-8), so
  /// text with accented letters, dashes or curly quotes needs no lookup.
  static func mayOccur(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index + 1 < count {
      let lead = bytes[index]
      index += 1
      // ASCII and continuation bytes start none of them.
      if lead < 0xC2 { continue }
      let pair = Int(lead) << 8 | Int(bytes[index])
      if leadingPairs[pair >> 6] & (1 << (pair & 63)) != 0 { return true }
    }
    return false
  }

  /// The first two UTF-8 bytes of each character of the table, as bits of a table indexed by the
  /// pair read as a 16-bit number.
  private static let leadingPairs: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 1024)
    for (value, _) in table {
      // The first two bytes of a two- or three-byte character (every one of the table's is).
      let pair =
        value < 0x800
        ? Int(0xC0 | value >> 6) << 8 | Int(0x80 | value & 0x3F)
        : Int(0xE0 | value >> 12) << 8 | Int(0x80 | value >> 6 & 0x3F)
      bits[pair >> 6] |= 1 << (pair & 63)
    }
    return bits
  }()
}
