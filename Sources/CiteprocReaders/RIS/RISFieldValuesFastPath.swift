/// ``RISFieldValues`` on the UTF-8 bytes of ASCII text, where characters, scalars and bytes are the
/// same. Each function gives exactly what the general code gives, or nil (`.none` for the double
/// optionals) when the text is not ASCII or holds a CR, which the general code then handles.
enum RISFieldValuesFastPath {
  /// ``RISFieldValues/doi(in:)``: `.some(nil)` when ASCII text holds no DOI.
  static func doi(in text: String) -> String?? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard isPlainASCII(bytes) else { return .none }
      return .some(doi(bytes))
    }
    return result ?? .none
  }

  private static func doi(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let count = bytes.count
    var index = 0
    while index + 3 < count {
      defer { index += 1 }
      guard bytes[index] == 0x31, bytes[index + 1] == 0x30, bytes[index + 2] == 0x2E else { continue }
      if index > 0, isLetter(bytes[index - 1]) || isDigit(bytes[index - 1]) { continue }
      var cursor = index + 3
      var digits = 0
      while cursor < count, isDigit(bytes[cursor]) || bytes[cursor] == 0x2E {
        if isDigit(bytes[cursor]) { digits += 1 }
        cursor += 1
      }
      guard digits >= 4, cursor < count, bytes[cursor] == 0x2F else { continue }
      cursor += 1
      let suffixStart = cursor
      while cursor < count, !isWhitespace(bytes[cursor]), bytes[cursor] != 0x3B { cursor += 1 }
      var end = cursor
      while end > suffixStart, isTrailingPunctuation(bytes[end - 1]) { end -= 1 }
      guard end > suffixStart else { continue }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
    }
    return nil
  }

  /// Whether ASCII text holds `doi.org/` in any case, as ``RISFieldValues/doiGeneral(fromURL:)``
  /// asks; nil for other text.
  static func containsDOIHost(_ text: String) -> Bool? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard isPlainASCII(bytes) else { return nil }
      let host: [UInt8] = Array("doi.org/".utf8)
      guard bytes.count >= host.count else { return false }
      for start in 0...(bytes.count - host.count) {
        var matches = true
        for offset in 0..<host.count {
          var byte = bytes[start + offset]
          if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
          if byte != host[offset] {
            matches = false
            break
          }
        }
        if matches { return true }
      }
      return false
    }
    return result ?? nil
  }

  /// The URLs of one line of ASCII text appended as ``RISFieldValues/urls(in:)`` finds them; false
  /// (and nothing appended) for other text.
  static func appendURLs(in line: String, to result: inout [String]) -> Bool {
    let done = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard isPlainASCII(bytes) else { return false }
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x3B, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
        if end > start { appendURL(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &result) }
        start = end + 1
      }
      return true
    }
    return done ?? false
  }

  /// One piece of a UR line: a web link as it is, `//host` and `www.` links with a scheme put in.
  private static func appendURL(_ piece: UnsafeBufferPointer<UInt8>, to result: inout [String]) {
    func hasPrefix(_ prefix: StaticString, from offset: Int) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard piece.count - offset >= count else { return false }
      let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
      for index in 0..<count {
        var byte = piece[offset + index]
        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
        if byte != expected[index] { return false }
      }
      return true
    }
    let text = String(decoding: piece, as: UTF8.self)
    if piece.count >= 2 && piece[0] == 0x2F && piece[1] == 0x2F {
      // `//host/...` becomes `https://host/...`, which the scheme test then takes.
      result.append("https:" + text)
    } else if hasPrefix("http://", from: 0) || hasPrefix("https://", from: 0) || hasPrefix("ftp://", from: 0)
    {
      result.append(text)
    } else if hasPrefix("www.", from: 0) {
      result.append("https://" + text)
    }
  }

  /// The page range normalised as ``RISFieldValues``' `normaliseRange` does it.
  static func normaliseRange(_ text: String) -> String? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard isPlainASCII(bytes) else { return nil }
      var low = 0
      var high = bytes.count
      while low < high, isBlank(bytes[low]) { low += 1 }
      while high > low, isBlank(bytes[high - 1]) { high -= 1 }
      // Without blanks at the ends, hyphens or spaces, every byte is kept as it is.
      if low == 0 && high == bytes.count && !bytes.contains(where: { $0 == 0x2D || $0 == 0x20 }) {
        return text
      }
      var out: [UInt8] = []
      out.reserveCapacity(high - low)
      var pendingDash = false
      for index in low..<high {
        let byte = bytes[index]
        if byte == 0x2D {
          pendingDash = true
          continue
        }
        if byte == 0x20 && (pendingDash || out.isEmpty) { continue }
        if pendingDash {
          while out.last == 0x20 { out.removeLast() }
          if !out.isEmpty { out.append(0x2D) }
          pendingDash = false
        }
        out.append(byte)
      }
      return String(decoding: out, as: UTF8.self)
    }
    return result ?? nil
  }

  /// ``RISFieldValues``' `isPageLike`.
  static func isPageLike(_ text: String) -> Bool? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard isPlainASCII(bytes) else { return nil }
      guard !bytes.isEmpty else { return false }
      if bytes.contains(where: isDigit) { return true }
      return bytes.allSatisfy { byte in
        switch byte | 0x20 {
        case 0x69, 0x76, 0x78, 0x6C, 0x63, 0x64, 0x6D: return true
        default: return byte == 0x2D
        }
      }
    }
    return result ?? nil
  }

  /// ``RISFieldValues/standardNumbers(in:)``.
  static func standardNumbers(in text: String) -> [RISFieldValues.StandardNumber]? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> [RISFieldValues.StandardNumber]? in
      guard isPlainASCII(bytes) else { return nil }
      // The text without bracketed parts (brackets included).
      var cleaned: [UInt8] = []
      cleaned.reserveCapacity(bytes.count)
      var depth = 0
      for byte in bytes {
        if byte == 0x28 || byte == 0x5B {
          depth += 1
        } else if byte == 0x29 || byte == 0x5D {
          depth = max(0, depth - 1)
        } else if depth == 0 {
          cleaned.append(byte)
        }
      }
      var result: [RISFieldValues.StandardNumber] = []
      var hasNumber = false
      var start = 0
      for index in 0...cleaned.count {
        guard index == cleaned.count || isListSeparator(cleaned[index]) else { continue }
        defer { start = index + 1 }
        guard index > start else { continue }
        let token = cleaned[start..<index]
        var compact: [UInt8] = []
        var looksNumeric = true
        for byte in token {
          if isDigit(byte) || byte == 0x58 || byte == 0x78 {
            compact.append(byte)
          } else if byte != 0x2D {
            looksNumeric = false
          }
        }
        let tokenText = String(decoding: token, as: UTF8.self)
        if looksNumeric && compact.count == 8 {
          let upper = compact.map { $0 == 0x78 ? 0x58 : $0 }
          result.append(
            .issn(
              String(decoding: upper[0..<4], as: UTF8.self) + "-"
                + String(decoding: upper[4..<8], as: UTF8.self)))
          hasNumber = true
        } else if looksNumeric && (compact.count == 10 || compact.count == 13) {
          result.append(.isbn(tokenText))
          hasNumber = true
        } else {
          result.append(.other(tokenText))
        }
      }
      if hasNumber {
        return result.filter { if case .other = $0 { return false } else { return true } }
      }
      // Nothing shaped like a number: the whole value as written, without blanks at either end.
      var low = 0
      var high = bytes.count
      while low < high, isBlank(bytes[low]) { low += 1 }
      while high > low, isBlank(bytes[high - 1]) { high -= 1 }
      return low == high
        ? [] : [.other(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))]
    }
    return result ?? nil
  }

  private static func isListSeparator(_ byte: UInt8) -> Bool {
    byte == 0x2C || byte == 0x3B || byte == 0x20 || byte == 0x09
  }

  // MARK: Bytes

  /// ASCII without CR (CR LF would be one character).
  private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }

  /// The ASCII characters with the Unicode White_Space property.
  private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2E, 0x2C, 0x29, 0x5D, 0x3E, 0x22, 0x27: return true
    default: return false
    }
  }
}
