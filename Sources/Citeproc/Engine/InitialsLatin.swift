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
    var scalars: [UInt32] = []
    scalars.reserveCapacity(given.utf8.count)
    var ascii = true
    for scalar in given.unicodeScalars {
      let value = scalar.value
      guard (value >= 0x20 && value <= 0x7E) || latinRange.contains(value) else { return nil }
      if value >= 0x80 { ascii = false }
      scalars.append(value)
    }
    // ASCII is classified by arithmetic; the table is built for the first name that needs it.
    let table = ascii ? nil : latinTable
    func isLower(_ value: UInt32) -> Bool {
      value < 0x80 ? value >= 0x61 && value <= 0x7A : table?.lower[Int(value)] == true
    }
    func isUpper(_ value: UInt32) -> Bool {
      value < 0x80 ? value >= 0x41 && value <= 0x5A : table?.upper[Int(value)] == true
    }
    func lowercased(_ value: UInt32) -> String {
      if value < 0x80 {
        return String(Unicode.Scalar(UInt8(isUpper(value) ? value + 0x20 : value)))
      }
      return table?.lowercased[Int(value)] ?? ""
    }
    func append(_ value: UInt32, to out: inout String) {
      if let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) }
    }
    func append(_ range: Range<Int>, to out: inout String) {
      for index in range { append(scalars[index], to: &out) }
    }

    var trimmed = separator
    while trimmed.utf8.last == 0x20 { trimmed.removeLast() }
    let afterTrimmed = String(separator.dropFirst(trimmed.count))

    let tokens = tokens(of: scalars)

    var out = ""
    out.reserveCapacity(given.utf8.count + 4 * separator.utf8.count)
    for index in tokens.indices {
      let token = tokens[index]
      let first = scalars[token.start]
      let isLast = index == tokens.count - 1
      if initialize, index > 0, tokens[index - 1].hyphenAfter, isLower(first) {
        if out.utf8.last == 0x2D { out.removeLast() }
        out += afterTrimmed
        continue
      }
      var full = false
      if isLower(first) && !token.abbreviated {
        if !out.isEmpty && out.utf8.last != 0x20 { out += " " }
        append(token.start..<token.end, to: &out)
        full = true
      } else if token.abbreviated {
        append(token.start..<token.end, to: &out)
        out += token.hyphenAfter ? trimmed : separator
      } else if initialize {
        append(first, to: &out)
        if token.end - token.start > 2 && isUpper(scalars[token.start + 1])
          && isLower(scalars[token.start + 2])
        {
          out += lowercased(scalars[token.start + 1])
        }
        out += token.hyphenAfter ? trimmed : separator
      } else {
        append(token.start..<token.end, to: &out)
        full = true
      }
      if token.hyphenAfter {
        if hyphen || full { out += "-" }
      } else if full && !isLast {
        out += " "
      }
    }
    while out.utf8.last == 0x20 { out.removeLast() }
    return out
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

  /// The tokens of `scalars`: the ranges between spaces, periods and hyphens.
  private static func tokens(of scalars: [UInt32]) -> [ScalarToken] {
    var tokens: [ScalarToken] = []
    var start = 0
    func flush(at end: Int, period: Bool, hyphen: Bool) {
      guard start < end else { return }
      tokens.append(
        ScalarToken(start: start, end: end, abbreviated: period || end - start == 1, hyphenAfter: hyphen))
    }
    for (index, value) in scalars.enumerated() {
      guard value == 0x20 || value == 0x2E || value == 0x2D else { continue }
      let isHyphen = value == 0x2D
      flush(at: index, period: value == 0x2E, hyphen: isHyphen)
      if isHyphen && !tokens.isEmpty { tokens[tokens.count - 1].hyphenAfter = true }
      start = index + 1
    }
    flush(at: scalars.count, period: false, hyphen: false)
    return tokens
  }
}
