/// Turns the raw bytes of an RIS file into clean UTF-8 bytes, one `\n` per line end.
///
/// - strips a UTF-8 byte order mark;
/// - keeps valid UTF-8 as it is, and reads anything else as Windows-1252 (reported by `usedFallback`);
/// - turns CRLF, lone CR and mixed line ends into LF;
/// - turns U+2028, U+2029 and U+00A0 (no-break space) into a plain space;
/// - drops C0 control characters (and DEL) except TAB and the line end.
///
/// The result is always valid UTF-8, so slices of it can be decoded without checks.
struct RISTextDecoder: Sendable {
  struct Output: Sendable {
    var bytes: [UInt8]
    /// True when the input was not valid UTF-8 and was read as Windows-1252.
    var usedFallback: Bool
  }

  func decode(_ input: [UInt8]) -> Output {
    decode(input[...])
  }

  func decode(_ input: ArraySlice<UInt8>) -> Output {
    let start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if input.withUnsafeBufferPointer({ Self.isClean($0, from: start) }) {
      return Output(bytes: Array(input.dropFirst(start)), usedFallback: false)
    }
    return decodeInGeneral(Array(input))
  }

  /// True when `bytes[start...]` is valid UTF-8 that normalising leaves as it is: no CR, no C0
  /// control other than TAB and LF, no DEL, no U+00A0, U+2028 or U+2029. Runs of eight plain ASCII
  /// bytes are checked at once.
  static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    cleanLineFeeds(UnsafeBufferPointer(rebasing: bytes[min(start, bytes.count)...])) != nil
  }

  /// The number of LF bytes in `bytes` when ``isClean(_:from:)`` holds for it, nil otherwise; one
  /// pass. Each run of eight ASCII bytes is classified exactly with word arithmetic (no carry crosses
  /// a byte), so line ends and tabs do not leave the eight-byte steps.
  static func cleanLineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let highs: UInt64 = 0x8080_8080_8080_8080
    /// The top bit of each byte of the result is set exactly where the byte of `word` is zero.
    func zeros(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word) & highs }
    var lineFeeds = 0
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & highs == 0 {
          // ASCII: bytes below 0x20 (their low seven bits plus 0x60 stay below 0x80), DEL, LF, TAB.
          let control = ~((word &+ ones &* 0x60) | word) & highs
          let lineFeed = zeros(word ^ (ones &* 0x0A))
          let tab = zeros(word ^ (ones &* 0x09))
          let delete = zeros(word ^ (ones &* 0x7F))
          guard (control & ~lineFeed & ~tab) | delete == 0 else { return nil }
          lineFeeds &+= lineFeed.nonzeroBitCount
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte >= 0x20 && byte < 0x7F || byte == 0x09 {
          index += 1
          continue
        }
        if byte == 0x0A {
          lineFeeds += 1
          index += 1
          continue
        }
        return nil
      }
      // U+00A0, U+2028 and U+2029 are replaced by a space.
      if byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0 { return nil }
      if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
      {
        return nil
      }
      guard let length = UTF8Validation.sequenceLength(bytes, at: index) else { return nil }
      index += length
    }
    return lineFeeds
  }

  /// ``decode(_:)`` without the shortcut for text that needs no change.
  func decodeInGeneral(_ input: [UInt8]) -> Output {
    var start = 0
    if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
    if UTF8Validation.isValid(input, from: start) {
      return Output(bytes: normalise(input, from: start), usedFallback: false)
    }
    let transcoded = Windows1252.toUTF8(input, from: start)
    return Output(bytes: normalise(transcoded, from: 0), usedFallback: true)
  }

  /// Line ends, invisible separators and control characters; the input must be valid UTF-8.
  private func normalise(_ input: [UInt8], from start: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(input.count - start)
    var index = start
    let count = input.count
    while index < count {
      let byte = input[index]
      if byte >= 0x20 && byte < 0x7F {
        out.append(byte)
        index += 1
        continue
      }
      switch byte {
      case 0x0A, 0x09:
        out.append(byte)
        index += 1
      case 0x0D:
        out.append(0x0A)
        index += (index + 1 < count && input[index + 1] == 0x0A) ? 2 : 1
      case 0xC2 where index + 1 < count && input[index + 1] == 0xA0:
        out.append(0x20)
        index += 2
      case 0xE2
      where index + 2 < count && input[index + 1] == 0x80
        && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
        out.append(0x20)
        index += 3
      default:
        if byte < 0x80 {
          // Other C0 controls and DEL.
          index += 1
        } else {
          out.append(byte)
          index += 1
        }
      }
    }
    return out
  }
}

/// A strict UTF-8 check (no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
  static func isValid(_ bytes: [UInt8], from start: Int = 0) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      let count = buffer.count
      while index < count {
        if buffer[index] < 0x80 {
          index += 1
          continue
        }
        guard let length = sequenceLength(buffer, at: index) else { return false }
        index += length
      }
      return true
    }
  }

  /// The length of the well-formed sequence at `index` (a lead byte of 0x80 or more), or nil.
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let count = bytes.count
    let lead = bytes[index]
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      upper = 0x9F
    case 0xF0:
      length = 4
      lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      upper = 0x8F
    default: return nil
    }
    if index + length > count { return nil }
    let second = bytes[index + 1]
    if second < lower || second > upper { return nil }
    var offset = 2
    while offset < length {
      let next = bytes[index + offset]
      if next < 0x80 || next > 0xBF { return nil }
      offset += 1
    }
    return length
  }
}

/// Windows-1252 to UTF-8. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
enum Windows1252 {
  private static let high: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  static func toUTF8(_ bytes: [UInt8], from start: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count - start) + (bytes.count - start) / 8)
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      let scalar: UInt32 = byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
      appendUTF8(scalar, to: &out)
    }
    return out
  }

  private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
    if value < 0x800 {
      out.append(UInt8(0xC0 | (value >> 6)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    } else {
      out.append(UInt8(0xE0 | (value >> 12)))
      out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}
