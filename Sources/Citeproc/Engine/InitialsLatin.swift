extension Initials {
  /// The scalars ``makeLatin(_:with:initialize:hyphen:)`` reads besides printable ASCII: the Latin
  /// letters from U+00C0 to the end of Latin Extended-B. None of them combines with a neighbour,
  /// so each is a character of its own.
  static let latinRange: Range<UInt32> = 0xC0..<0x250

  /// For each scalar below the end of ``latinRange``: whether it is a lower-case or upper-case
  /// character, and its lower-case form, as `Character` gives them.
  private struct LatinTable: Sendable {
    var lower: [Bool] = []
    var upper: [Bool] = []
    var lowercased: [String] = []

    init() {
      for value in 0..<Initials.latinRange.upperBound {
        let character = Unicode.Scalar(value).map(Character.init) ?? " "
        lower.append(character.isLowercase)
        upper.append(character.isUppercase)
        lowercased.append(character.lowercased())
      }
    }
  }

  private static let latinTable = LatinTable()

  /// ``make(_:with:initialize:hyphen:)`` worked out scalar by scalar, for a given name of printable
  /// ASCII and the Latin letters of ``latinRange`` (most names) and a separator of printable ASCII;
  /// nil for any other text.
  static func makeLatin(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String? {
    guard separator.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) else { return nil }
    // A name of printable ASCII (most names) is read from its own bytes, each byte a scalar.
    let fromBytes = given.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) else { return nil }
      return makeLatin(
        bytes.lazy.map { UInt32($0) }, ascii: true, with: separator, initialize: initialize, hyphen: hyphen)
    }
    if let fromBytes, let initials = fromBytes { return initials }
    var scalars: [UInt32] = []
    scalars.reserveCapacity(given.utf8.count)
    var ascii = true
    for scalar in given.unicodeScalars {
      let value = scalar.value
      guard (value >= 0x20 && value <= 0x7E) || latinRange.contains(value) else { return nil }
      if value >= 0x80 { ascii = false }
      scalars.append(value)
    }
    return makeLatin(scalars, ascii: ascii, with: separator, initialize: initialize, hyphen: hyphen)
  }

  /// ``makeLatin(_:with:initialize:hyphen:)`` of the scalars of a name (`ascii` when all are).
  /// The tokens and the output bytes are kept in temporary buffers (on the stack for a name of
  /// ordinary length); the output is made a string once.
  private static func makeLatin<Scalars: RandomAccessCollection<UInt32>>(
    _ scalars: Scalars, ascii: Bool, with separator: String, initialize: Bool, hyphen: Bool
  ) -> String where Scalars.Index == Int {
    // Each token writes at most two bytes a scalar, three for a lower-cased letter, the separator
    // and a space or hyphen: no more than this in all.
    let capacity = scalars.count * (separator.utf8.count + 8) + 8
    return withUnsafeTemporaryAllocation(of: ScalarToken.self, capacity: scalars.count + 1) { tokenBuffer in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { outBuffer in
        let tokenCount = tokens(of: scalars, into: tokenBuffer)
        var out = ByteWriter(outBuffer)
        write(
          scalars, tokens: UnsafeBufferPointer(rebasing: tokenBuffer[..<tokenCount]), ascii: ascii,
          separator: separator, initialize: initialize, hyphen: hyphen, into: &out)
        return String(decoding: UnsafeBufferPointer(rebasing: outBuffer[..<out.count]), as: UTF8.self)
      }
    }
  }

  /// Bytes written into a buffer large enough for them.
  private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count > 0 ? buffer[count - 1] : nil }

    mutating func append(_ byte: UInt8) {
      buffer[count] = byte
      count += 1
    }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
      for byte in bytes { append(byte) }
    }

    mutating func removeLast() { count -= 1 }
  }

  private static func write<Scalars: RandomAccessCollection<UInt32>>(
    _ scalars: Scalars, tokens: UnsafeBufferPointer<ScalarToken>, ascii: Bool, separator: String,
    initialize: Bool, hyphen: Bool, into out: inout ByteWriter
  ) where Scalars.Index == Int {
    // ASCII is classified by arithmetic; the table is built for the first name that needs it.
    let table = ascii ? nil : latinTable
    func isLower(_ value: UInt32) -> Bool {
      value < 0x80 ? value >= 0x61 && value <= 0x7A : table?.lower[Int(value)] == true
    }
    func isUpper(_ value: UInt32) -> Bool {
      value < 0x80 ? value >= 0x41 && value <= 0x5A : table?.upper[Int(value)] == true
    }
    func append(_ value: UInt32) {
      if value < 0x80 {
        out.append(UInt8(value))
      } else {
        // Every scalar here is below U+0800: two bytes.
        out.append(UInt8(0xC0 | value >> 6))
        out.append(UInt8(0x80 | value & 0x3F))
      }
    }
    func append(_ range: Range<Int>) {
      for index in range { append(scalars[index]) }
    }
    func appendLowercased(_ value: UInt32) {
      if value < 0x80 {
        out.append(UInt8(isUpper(value) ? value + 0x20 : value))
      } else if let lower = table?.lowercased[Int(value)] {
        out.append(contentsOf: lower.utf8)
      }
    }
    // The separator without its trailing spaces (after an initial joined by a hyphen), and those
    // spaces alone (before a lower-case part after a hyphen).
    let separatorBytes = separator.utf8
    var trimmedEnd = separatorBytes.endIndex
    while trimmedEnd > separatorBytes.startIndex
      && separatorBytes[separatorBytes.index(before: trimmedEnd)] == 0x20
    {
      trimmedEnd = separatorBytes.index(before: trimmedEnd)
    }
    let trimmed = separatorBytes[..<trimmedEnd]
    let afterTrimmed = separatorBytes[trimmedEnd...]

    for index in tokens.indices {
      let token = tokens[index]
      let first = scalars[token.start]
      let isLast = index == tokens.count - 1
      if initialize, index > 0, tokens[index - 1].hyphenAfter, isLower(first) {
        if out.last == 0x2D { out.removeLast() }
        out.append(contentsOf: afterTrimmed)
        continue
      }
      var full = false
      if isLower(first) && !token.abbreviated {
        if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
        append(token.start..<token.end)
        full = true
      } else if token.abbreviated {
        append(token.start..<token.end)
        if token.hyphenAfter {
          out.append(contentsOf: trimmed)
        } else {
          out.append(contentsOf: separatorBytes)
        }
      } else if initialize {
        append(first)
        if token.end - token.start > 2 && isUpper(scalars[token.start + 1])
          && isLower(scalars[token.start + 2])
        {
          appendLowercased(scalars[token.start + 1])
        }
        if token.hyphenAfter {
          out.append(contentsOf: trimmed)
        } else {
          out.append(contentsOf: separatorBytes)
        }
      } else {
        append(token.start..<token.end)
        full = true
      }
      if token.hyphenAfter {
        if hyphen || full { out.append(0x2D) }
      } else if full && !isLast {
        out.append(0x20)
      }
    }
    while out.last == 0x20 { out.removeLast() }
  }

  /// A token of a given name, as a range of its scalars.
  private struct ScalarToken {
    var start: Int
    var end: Int
    /// Written with a period after it, or a single letter.
    var abbreviated: Bool
    /// Joined to the next token with a hyphen.
    var hyphenAfter: Bool
  }

  /// The tokens of `scalars` (the ranges between spaces, periods and hyphens) written into
  /// `tokens`, which has room for one more than there are scalars; returns how many there are.
  private static func tokens<Scalars: RandomAccessCollection<UInt32>>(
    of scalars: Scalars, into tokens: UnsafeMutableBufferPointer<ScalarToken>
  ) -> Int where Scalars.Index == Int {
    var count = 0
    var start = 0
    func flush(at end: Int, period: Bool, hyphen: Bool) {
      guard start < end else { return }
      tokens.initializeElement(
        at: count,
        to: ScalarToken(start: start, end: end, abbreviated: period || end - start == 1, hyphenAfter: hyphen))
      count += 1
    }
    for (index, value) in scalars.enumerated() {
      guard value == 0x20 || value == 0x2E || value == 0x2D else { continue }
      let isHyphen = value == 0x2D
      flush(at: index, period: value == 0x2E, hyphen: isHyphen)
      if isHyphen && count > 0 { tokens[count - 1].hyphenAfter = true }
      start = index + 1
    }
    flush(at: scalars.count, period: false, hyphen: false)
    return count
  }
}
