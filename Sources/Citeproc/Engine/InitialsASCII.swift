extension Initials {
  /// ``make(_:with:initialize:hyphen:)`` worked out on bytes, for a given name and separator of
  /// printable ASCII only (each byte a character of its own); nil for any other text.
  static func makeASCII(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String? {
    guard let sep = printableASCII(separator) else { return nil }
    var given = given
    return given.withUTF8 { bytes -> String? in
      guard !bytes.contains(where: { $0 < 0x20 || $0 > 0x7E }) else { return nil }
      var trimmedCount = sep.count
      while trimmedCount > 0 && sep[trimmedCount - 1] == 0x20 { trimmedCount -= 1 }
      let trimmed = sep[..<trimmedCount]

      let tokens = unitTokens(bytes)

      func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
      func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 4 * sep.count)
      for index in tokens.indices {
        let token = tokens[index]
        let text = bytes[token.start..<token.end]
        let first = bytes[token.start]
        let isLast = index == tokens.count - 1
        if initialize, index > 0, tokens[index - 1].hyphenAfter, isLower(first) {
          if out.last == 0x2D { out.removeLast() }
          out += sep[trimmedCount...]
          continue
        }
        var full = false
        if isLower(first) && !token.abbreviated {
          if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
          out += text
          full = true
        } else if token.abbreviated {
          out += text
          out += token.hyphenAfter ? trimmed : sep[...]
        } else if initialize {
          out.append(first)
          if text.count > 2 && isUpper(bytes[token.start + 1]) && isLower(bytes[token.start + 2]) {
            out.append(bytes[token.start + 1] | 0x20)
          }
          out += token.hyphenAfter ? trimmed : sep[...]
        } else {
          out += text
          full = true
        }
        if token.hyphenAfter {
          if hyphen || full { out.append(0x2D) }
        } else if full && !isLast {
          out.append(0x20)
        }
      }
      while out.last == 0x20 { out.removeLast() }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// A token of a given name, as a range of code units (bytes or scalars, each a character).
  struct UnitToken {
    var start: Int
    var end: Int
    /// Written with a period after it, or a single letter.
    var abbreviated: Bool
    /// Joined to the next token with a hyphen.
    var hyphenAfter: Bool
  }

  /// The tokens of `units` (code units of characters of one unit each): the ranges between
  /// spaces, periods and hyphens.
  static func unitTokens<Units: RandomAccessCollection>(_ units: Units) -> [UnitToken]
  where Units.Index == Int, Units.Element: FixedWidthInteger {
    var tokens: [UnitToken] = []
    var start = units.startIndex
    func flush(at end: Int, period: Bool, hyphen: Bool) {
      guard start < end else { return }
      tokens.append(
        UnitToken(start: start, end: end, abbreviated: period || end - start == 1, hyphenAfter: hyphen))
    }
    for index in units.indices {
      let unit = units[index]
      guard unit == 0x20 || unit == 0x2E || unit == 0x2D else { continue }
      let isHyphen = unit == 0x2D
      flush(at: index, period: unit == 0x2E, hyphen: isHyphen)
      if isHyphen && !tokens.isEmpty { tokens[tokens.count - 1].hyphenAfter = true }
      start = index + 1
    }
    flush(at: units.endIndex, period: false, hyphen: false)
    return tokens
  }

  private static func printableASCII(_ s: String) -> [UInt8]? {
    let bytes = Array(s.utf8)
    return bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } ? bytes : nil
  }
}
