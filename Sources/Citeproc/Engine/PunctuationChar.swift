/// The first or last character of a piece of output, for the punctuation rules of the
/// ``Finisher``: a space or one of `. , ; : ! ?` as its ASCII byte, any other character as
/// ``other``. Characters compare as Swift compares them, so the Greek question mark (U+037E, the
/// same as `;`) counts as `;`.
///
/// Read from the UTF-8 bytes where they settle it: two ASCII bytes side by side are two characters
/// (except CR LF), and a character that starts or ends with a non-ASCII scalar other than U+037E
/// (`CD BE`) is none of the marks.
enum PunctuationChar {
  /// Stands for every character that is not a space or one of the marks.
  static let other: UInt8 = 0xFF

  private static let marks: [(Character, UInt8)] = [
    (" ", 0x20), (".", 0x2E), (",", 0x2C), (";", 0x3B), (":", 0x3A), ("!", 0x21), ("?", 0x3F),
  ]

  /// The first character of `text`; nil when it is empty.
  static func first(of text: String) -> UInt8? {
    // nil from the closure: the bytes do not settle it; .some(nil): the text is empty.
    let settled: UInt8??? = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8?? in
      guard let byte = bytes.first else { return .some(nil) }
      if byte < 0x80 {
        if bytes.count == 1 { return ascii(byte) }
        let second = bytes[1]
        if second < 0x80 && !(byte == 0x0D && second == 0x0A) { return ascii(byte) }
      } else if byte != 0xCD {
        return other
      }
      return nil
    }
    if case .some(.some(let value)) = settled { return value }
    return text.first.map(classify)
  }

  /// The last character of `text`; nil when it is empty.
  static func last(of text: String) -> UInt8? {
    // nil from the closure: the bytes do not settle it; .some(nil): the text is empty.
    let settled: UInt8??? = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8?? in
      guard let byte = bytes.last else { return .some(nil) }
      if byte < 0x80 {
        if bytes.count == 1 { return ascii(byte) }
        let previous = bytes[bytes.count - 2]
        if previous < 0x80 && !(previous == 0x0D && byte == 0x0A) { return ascii(byte) }
      } else if byte != 0xBE {
        return other
      }
      return nil
    }
    if case .some(.some(let value)) = settled { return value }
    return text.last.map(classify)
  }

  /// The byte of a character that is a space or one of the marks, otherwise ``other``.
  static func classify(_ ch: Character) -> UInt8 {
    for (mark, byte) in marks where ch == mark { return byte }
    return other
  }

  private static func ascii(_ byte: UInt8) -> UInt8 {
    switch byte {
    case 0x20, 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return byte
    default: return other
    }
  }
}
