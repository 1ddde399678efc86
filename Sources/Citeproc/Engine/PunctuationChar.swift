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
    text.utf8.withContiguousStorageIfAvailable(first(ofUTF8:)) ?? text.first.map(classify)
  }

  /// The last character of `text`; nil when it is empty.
  static func last(of text: String) -> UInt8? {
    text.utf8.withContiguousStorageIfAvailable(last(ofUTF8:)) ?? text.last.map(classify)
  }

  /// ``first(of:)`` of the text whose UTF-8 bytes these are.
  static func first(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
    if let value = settledFirst(bytes) { return value }
    return firstCharacter(bytes).map(classify)
  }

  /// ``last(of:)`` of the text whose UTF-8 bytes these are.
  static func last(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
    if let value = settledLast(bytes) { return value }
    return lastCharacter(bytes).map(classify)
  }

  /// How many bytes the first character takes, when it is a space or a mark (ASCII, or U+037E).
  static func firstMarkLength(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let byte = bytes.first else { return 0 }
    if byte < 0x80 { return 1 }
    return firstCharacter(bytes).map { $0.utf8.count } ?? 0
  }

  /// How many bytes the last character takes, when it is a space or a mark (ASCII, or U+037E).
  static func lastMarkLength(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let byte = bytes.last else { return 0 }
    if byte < 0x80 { return 1 }
    return lastCharacter(bytes).map { $0.utf8.count } ?? 0
  }

  /// Bytes read at an end of a long text to find the character there: at least four whole
  /// scalars. Whether a space or mark is a character of its own depends only on the scalar next
  /// to it (a combining mark after it, a prepended one before it), and a character the window
  /// cuts is several scalars, none of the marks, either way.
  private static let window = 16

  /// The first character of the text whose UTF-8 bytes these are.
  private static func firstCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Character? {
    var end = min(bytes.count, window)
    // Cut before a scalar's continuation bytes.
    while end < bytes.count && end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self).first
  }

  /// The last character of the text whose UTF-8 bytes these are.
  private static func lastCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Character? {
    var start = max(0, bytes.count - window)
    // Start at the beginning of a scalar.
    while start > 0 && start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self).last
  }

  /// The first character when the bytes settle it: `.some(nil)` for no bytes, nil when the
  /// characters must be read.
  private static func settledFirst(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8?? {
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

  /// The last character when the bytes settle it (see ``settledFirst(_:)``).
  private static func settledLast(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8?? {
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
