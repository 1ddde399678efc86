/// Turns given names into initials ("John Ronald" → "J. R.").
enum Initials {
  private struct Token {
    var text: Substring
    /// Written with a period after it, or a single letter: already an initial or abbreviation.
    var abbreviated: Bool
    /// Joined to the next token with a hyphen.
    var hyphenAfter: Bool
  }

  /// `separator` follows each initial (`". "`, `"."`, `""`). Full names become their first letter
  /// when `initialize` is true and stay whole otherwise; tokens already written as initials or
  /// abbreviations ("M.", "Ph.", "E") keep their letters and get the separator. Compound names keep
  /// a hyphen ("J.-P.") when `hyphen` is true.
  static func make(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String {
    if let initials = makeLatin(given, with: separator, initialize: initialize, hyphen: hyphen) {
      return initials
    }
    return makeGeneral(given, with: separator, initialize: initialize, hyphen: hyphen)
  }

  /// ``make(_:with:initialize:hyphen:)`` for any text.
  static func makeGeneral(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String {
    var trimmedEnd = separator.endIndex
    while trimmedEnd > separator.startIndex, separator[separator.index(before: trimmedEnd)] == " " {
      trimmedEnd = separator.index(before: trimmedEnd)
    }
    let trimmed = String(separator[..<trimmedEnd])
    var tokens: [Token] = []
    var current = given.startIndex
    var start = current
    func flush(at end: String.Index, period: Bool, hyphenAfter: Bool) {
      guard start < end else { return }
      let text = given[start..<end]
      tokens.append(Token(text: text, abbreviated: period || text.count == 1, hyphenAfter: hyphenAfter))
    }
    while current < given.endIndex {
      let ch = given[current]
      // One-byte characters are told apart by their byte; of the longer ones only the no-break
      // space breaks.
      let byte: UInt8? = ch.utf8.count == 1 ? ch.utf8.first : nil
      let isBreak =
        byte.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        ?? (ch == "\u{00A0}")
      if isBreak {
        let isHyphen = byte == UInt8(ascii: "-")
        flush(at: current, period: byte == UInt8(ascii: "."), hyphenAfter: isHyphen)
        if isHyphen, let last = tokens.indices.last { tokens[last].hyphenAfter = true }
        start = given.index(after: current)
      }
      current = given.index(after: current)
    }
    flush(at: given.endIndex, period: false, hyphenAfter: false)

    var out = ""
    for (index, token) in tokens.enumerated() {
      let isLast = index == tokens.count - 1
      // A lower-case part after a hyphen ("Guo-ping") adds no initial.
      if initialize, index > 0, tokens[index - 1].hyphenAfter, token.text.first?.isLowercase == true {
        // The previous initial ended with the trimmed separator and a hyphen: complete it instead.
        if out.hasSuffix("-") { out.removeLast() }
        out += String(separator.dropFirst(trimmed.count))
        continue
      }
      let piece: String
      var full = false
      if token.text.first?.isLowercase == true && !token.abbreviated {
        // A lower-case word ("de") stands apart from the initials around it.
        if !out.isEmpty && !out.hasSuffix(" ") { out += " " }
        piece = String(token.text)
        full = true
      } else if token.abbreviated {
        piece = String(token.text) + (token.hyphenAfter ? trimmed : separator)
      } else if initialize {
        // A name written with a two-letter capital ("TSerendorjiin") keeps both letters ("Ts.").
        let letters = Array(token.text.prefix(3))
        let initial =
          letters.count > 2 && letters[1].isUppercase && letters[2].isLowercase
          ? String(letters[0]) + letters[1].lowercased() : String(letters[0])
        piece = initial + (token.hyphenAfter ? trimmed : separator)
      } else {
        piece = String(token.text)
        full = true
      }
      out += piece
      if token.hyphenAfter {
        if hyphen || full { out += "-" }
      } else if full && !isLast {
        out += " "
      }
    }
    while out.last == " " { out.removeLast() }
    return out
  }
}
