import CiteprocData

/// Recognises numeric content the way CSL defines it: numbers with optional letter affixes
/// ("D2", "2b"), separated by commas, hyphens, en dashes, ampersands or "and".
enum NumberParser {
  enum Token: Equatable {
    case number(prefix: String, value: Int, suffix: String, text: String)
    case separator(String)
    case other(String)
  }

  /// Splits a value into numbers and separators; nil when it is not numeric content.
  static func tokens(_ value: String) -> [Token]? {
    let scalars = Array(value.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    var expectNumber = true
    func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{00A0}" || s == "\t" }
    while index < scalars.count {
      if expectNumber {
        var start = index
        while start < scalars.count && isSpace(scalars[start]) { start += 1 }
        var end = start
        while end < scalars.count && !isSpace(scalars[end]) && !isSeparator(scalars[end]) { end += 1 }
        guard end > start else { return nil }
        let word = String(String.UnicodeScalarView(scalars[start..<end]))
        guard let number = parseNumber(word) else { return nil }
        tokens.append(number)
        index = end
        expectNumber = false
      } else {
        var end = index
        while end < scalars.count && (isSpace(scalars[end]) || isSeparator(scalars[end])) { end += 1 }
        var separator = String(String.UnicodeScalarView(scalars[index..<end]))
        // "and" as a separator word.
        if separator.trimmingSpaces.isEmpty {
          let rest = String(String.UnicodeScalarView(scalars[end...]))
          if rest.hasPrefix("and ") {
            separator += "and "
            end += 4
            while end < scalars.count && isSpace(scalars[end]) { end += 1 }
          } else {
            return nil
          }
        }
        guard end < scalars.count else { return nil }
        tokens.append(.separator(separator))
        index = end
        expectNumber = true
      }
    }
    return tokens.isEmpty || expectNumber ? nil : tokens
  }

  private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
    s == "," || s == "-" || s == "\u{2013}" || s == "&" || s == "/"
  }

  private static func parseNumber(_ word: String) -> Token? {
    var prefix = ""
    var digits = ""
    var suffix = ""
    for ch in word {
      if ch.isASCII && ch.isNumber {
        guard suffix.isEmpty else { return nil }
        digits.append(ch)
      } else if ch.isLetter {
        if digits.isEmpty { prefix.append(ch) } else { suffix.append(ch) }
      } else {
        return nil
      }
    }
    guard !digits.isEmpty, let value = Int(digits.prefix(18)) else { return nil }
    return .number(prefix: prefix, value: value, suffix: suffix, text: word)
  }

  static func isNumeric(_ value: String) -> Bool {
    if simplePlural(value) != nil { return true }
    return isNumericInGeneral(value)
  }

  /// ``isNumeric(_:)`` without the shortcut for simple values.
  static func isNumericInGeneral(_ value: String) -> Bool {
    tokens(value.trimmingSpaces) != nil
  }

  /// Whether a label for this value should be plural: more than one number.
  static func isPlural(_ value: String) -> Bool {
    if let plural = simplePlural(value) { return plural }
    return isPluralInGeneral(value)
  }

  /// ``isPlural(_:)`` for a value of ASCII letters, digits and the separators `-`, `,`, `&` and
  /// `/` alone (page ranges such as "e484-e491", volumes, issues) that is numeric content: read
  /// from its bytes by the rules of ``tokens(_:)``, each word letters, digits and letters, and
  /// words and runs of separators taking turns. Nil for any other value, and for one that is not
  /// numeric (the general way decides those).
  static func simplePlural(_ value: String) -> Bool? {
    var value = value
    return value.withUTF8 { bytes -> Bool? in
      guard !bytes.isEmpty else { return nil }
      // The separators of ``tokens(_:)`` that are ASCII.
      func isSeparator(_ byte: UInt8) -> Bool { byte < 0x80 && Self.isSeparator(Unicode.Scalar(byte)) }
      var inWord = false
      var digits = false
      var suffix = false
      var plural = false
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x30...0x39:
          if suffix { return nil }
          inWord = true
          digits = true
        case 0x41...0x5A, 0x61...0x7A:
          if digits { suffix = true }
          inWord = true
        case _ where isSeparator(byte):
          // A word must have digits, and separators stand between words.
          guard inWord, digits else { return nil }
          var end = index + 1
          while end < bytes.count, isSeparator(bytes[end]) { end += 1 }
          // "45/2015" is one number (a report number), not two.
          if end - index > 1 || byte != 0x2F { plural = true }
          inWord = false
          digits = false
          suffix = false
          index = end
          continue
        default:
          return nil
        }
        index += 1
      }
      guard inWord, digits else { return nil }
      return plural
    }
  }

  /// ``isPlural(_:)`` without the shortcut for simple values.
  static func isPluralInGeneral(_ value: String) -> Bool {
    if let tokens = tokens(value.trimmingSpaces) {
      // "45/2015" is one number (a report number), not two.
      let separators = tokens.filter {
        if case .separator(let s) = $0 { return s.trimmingSpaces != "/" } else { return false }
      }
      return !separators.isEmpty
    }
    // Not numeric: plural only for a range or list of roman numerals ("i-ix").
    let separators: Set<Character> = ["-", "\u{2013}", ",", "&"]
    let roman: Set<Character> = Set("ivxlcdmIVXLCDM")
    let parts: [String] = value.split(whereSeparator: { separators.contains($0) }).map {
      String($0).trimmingSpaces
    }
    guard parts.count > 1 else { return false }
    return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { roman.contains($0) } }
  }
}

extension Evaluator {
  mutating func renderNumber(_ number: NumberElement) -> (Node, VariableUse) {
    guard !suppressed.contains(number.variable) else { return (.empty, .empty) }
    let raw: String?
    switch number.variable {
    case "locator": raw = mode == .bibliography ? nil : cite.locator
    case "citation-number": raw = cite.citationNumber.map(String.init)
    case "first-reference-note-number": raw = cite.firstReferenceNoteNumber.map(String.init)
    default: raw = reference.field(number.variable)
    }
    guard let raw, !raw.isEmpty else { return (.empty, .empty) }
    noteRendered(number.variable)
    let text = NumberFormatter(locale: locale).format(raw, form: number.form, variable: number.variable)
    var node = Node.text(text)
    if number.variable == "citation-number" {
      node = marked(.citationNumber, finishText(node, number.decorations))
    } else {
      node = finishText(node, number.decorations)
    }
    return (node, .rendered)
  }
}

/// Renders numbers as ordinals, long ordinals and roman numerals using locale terms.
struct NumberFormatter {
  let locale: Locale

  func format(_ raw: String, form: NumberElement.Form, variable: String) -> String {
    let trimmed = raw.trimmingSpaces
    guard let tokens = NumberParser.tokens(trimmed) else {
      return formatLabelled(trimmed, form: form, variable: variable) ?? trimmed
    }
    return format(tokens, form: form, variable: variable)
  }

  /// A value with locator labels written inside it (`7, p. 3-8`): the leading number in `form`, then
  /// each label in its short form, singular or plural after the numbers that follow it, and those
  /// numbers as numbers (`7th, pp. 3–8`). Nil unless every part is numeric.
  private func formatLabelled(_ value: String, form: NumberElement.Form, variable: String) -> String? {
    guard let (head, labelled) = locale.locatorLabels.split(value),
      let headTokens = NumberParser.tokens(String(head))
    else { return nil }
    var out = format(headTokens, form: form, variable: variable)
    for (type, text) in labelled {
      let numbers = String(text).trimmingSpaces
      guard let tokens = NumberParser.tokens(numbers), let term = locale.term(type, form: .short) else {
        return nil
      }
      out += ", " + term.text(plural: NumberParser.isPlural(numbers)) + " "
      out += format(tokens, form: .numeric, variable: type)
    }
    return out
  }

  private func format(_ tokens: [NumberParser.Token], form: NumberElement.Form, variable: String) -> String {
    let gender = locale.term(variable)?.gender
    var out = ""
    for token in tokens {
      switch token {
      case .number(let prefix, let value, let suffix, let text):
        if !prefix.isEmpty || !suffix.isEmpty || form == .numeric {
          out += form == .numeric ? String(text) : text
        } else {
          switch form {
          case .numeric: out += String(value)
          case .ordinal: out += ordinal(value, gender: gender)
          case .longOrdinal: out += longOrdinal(value, gender: gender)
          case .roman: out += Self.roman(value)
          }
        }
      case .separator(let s):
        let core = s.trimmingSpaces
        if core == "-" || core == "\u{2013}" {
          out += locale.pageRangeDelimiter
        } else if core == "&" {
          out += " & "
        } else if core == "," {
          out += ", "
        } else {
          out += s
        }
      case .other(let s):
        out += s
      }
    }
    return out
  }

  func ordinal(_ value: Int, gender: Gender?) -> String {
    let table = locale.ordinalTable(gender: gender)
    if table.isEmpty { return String(value) }
    // Two-digit terms win over one-digit terms.
    let lastTwo = value % 100
    for (n, term) in table.twoDigit {
      let matches: Bool
      switch term.match ?? .lastTwoDigits {
      case .wholeNumber: matches = value == n
      default: matches = lastTwo == n
      }
      if matches { return String(value) + term.single }
    }
    for (n, term) in table.oneDigit {
      let matches: Bool
      switch term.match ?? .lastDigit {
      case .wholeNumber: matches = value == n
      case .lastTwoDigits: matches = lastTwo == n
      case .lastDigit: matches = value % 10 == n
      }
      if matches { return String(value) + term.single }
    }
    if let term = table.plain { return String(value) + term.single }
    return String(value)
  }

  func longOrdinal(_ value: Int, gender: Gender?) -> String {
    if value >= 1 && value <= 10 {
      let name = "long-ordinal-" + format2(value)
      if let term = locale.term(name, gender: gender) { return term.single }
    }
    return ordinal(value, gender: gender)
  }

  private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

  static func roman(_ value: Int) -> String {
    guard value > 0 && value < 4000 else { return String(value) }
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
      (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var n = value
    var out = ""
    for (amount, symbol) in table {
      while n >= amount {
        out += symbol
        n -= amount
      }
    }
    return out
  }
}

/// Page ranges in the formats of `page-range-format`.
enum PageRange {
  /// Formats each range of a page list; "&" becomes the locale's symbol for "and", and an escaped
  /// hyphen (`\-`) is a literal hyphen, not a range.
  static func format(_ value: String, _ format: StyleOptions.PageRangeFormat?, locale: Locale) -> String {
    if let simple = formatSimple(value, format, locale: locale) { return simple }
    let delimiter = locale.pageRangeDelimiter
    let ampersand = locale.term("and", form: .symbol)?.single ?? "&"
    // Several ranges separated by commas or ampersands are handled one by one.
    var out = ""
    var current = ""
    var escaped = false
    for ch in value {
      if escaped {
        current.append(ch == "-" ? "\u{E000}" : ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "," || ch == "&" {
        out += formatOne(current, format, delimiter: delimiter) + (ch == "&" ? ampersand : String(ch))
        current = ""
      } else {
        current.append(ch)
      }
    }
    out += formatOne(current, format, delimiter: delimiter)
    return out.unicodeScalars.contains("\u{E000}") && out.contains("\u{E000}")
      ? out.replacing("\u{E000}", with: "-") : out
  }

  /// The two commonest page values without the general character-by-character code: ASCII text
  /// without a hyphen, comma, ampersand or backslash is printed as it is, and `digits-digits` is
  /// formatted as ``formatOne(_:_:delimiter:)`` does it. Nil for anything else.
  private static func formatSimple(_ value: String, _ format: StyleOptions.PageRangeFormat?, locale: Locale)
    -> String?
  {
    var hyphen: String.Index?
    var onlyDigitsAndHyphen = true
    for index in value.utf8.indices {
      let byte = value.utf8[index]
      switch byte {
      case 0x80...: return nil
      case UInt8(ascii: ","), UInt8(ascii: "&"), UInt8(ascii: "\\"): return nil
      case UInt8(ascii: "-"):
        if hyphen != nil { return nil }
        hyphen = index
      case UInt8(ascii: "0")...UInt8(ascii: "9"): break
      default: onlyDigitsAndHyphen = false
      }
    }
    guard let hyphen else { return value }
    guard onlyDigitsAndHyphen, hyphen != value.startIndex else { return nil }
    let first = String(value[..<hyphen])
    let second = String(value[value.utf8.index(after: hyphen)...])
    guard !second.isEmpty else { return nil }
    let delimiter = locale.pageRangeDelimiter
    // Both are ASCII digits.
    let missing = first.utf8.count - second.utf8.count
    let expanded = missing > 0 ? String(decoding: first.utf8.prefix(missing), as: UTF8.self) + second : second
    let result: String
    if let start = Int(first), let end = Int(expanded), end > start {
      result = first + delimiter + (format.map { reformat(first, second, $0) } ?? second)
    } else {
      result = first + "-" + second
    }
    return result.unicodeScalars.contains("\u{E000}") && result.contains("\u{E000}")
      ? result.replacing("\u{E000}", with: "-") : result
  }

  private static func formatOne(_ raw: String, _ format: StyleOptions.PageRangeFormat?, delimiter: String)
    -> String
  {
    let leading = String(raw.prefix { $0 == " " })
    let trailing = String(raw.reversed().prefix { $0 == " " })
    let text = raw.trimmingSpaces
    // Split at a hyphen or en dash (runs of hyphens count as one).
    guard let dash = text.firstIndex(where: { $0 == "-" || $0 == "\u{2013}" }) else { return raw }
    let first = String(text[..<dash]).trimmingSpaces
    var afterDash = text[text.index(after: dash)...]
    while afterDash.first == "-" || afterDash.first == "\u{2013}" { afterDash = afterDash.dropFirst() }
    let second = String(afterDash).trimmingSpaces
    if isRoman(first) && isRoman(second) { return leading + first + delimiter + second + trailing }
    guard let a = split(first), let b = split(second) else { return raw }
    // Ranges whose ends have different prefixes, or run backwards, are joined with a plain hyphen.
    guard a.prefix == b.prefix || (b.prefix.isEmpty && a.prefix.isEmpty) else {
      return leading + first + "-" + second + trailing
    }
    let expandedDigits =
      b.digits.count < a.digits.count
      ? String(a.digits.prefix(a.digits.count - b.digits.count)) + b.digits : b.digits
    guard let startValue = Int(a.digits), let endValue = Int(expandedDigits), endValue > startValue else {
      return leading + first + "-" + second + trailing
    }
    var secondFormatted = second
    if let format {
      // Only the expanded form repeats the prefix ("e484–e491"); the others drop it ("e484–91").
      let reduced = reformat(a.digits, b.digits, format)
      secondFormatted = format == .expanded ? a.prefix + reduced : reduced
    }
    return leading + first + delimiter + secondFormatted + trailing
  }

  private static func isRoman(_ s: String) -> Bool {
    !s.isEmpty && (s.allSatisfy { "ivxlcdm".contains($0) } || s.allSatisfy { "IVXLCDM".contains($0) })
  }

  /// A page number as prefix and trailing digits ("e484" → "e", "484"; "8n11564" → "8n", "11564").
  private static func split(_ s: String) -> (prefix: String, digits: String)? {
    let digits = String(s.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
    guard !digits.isEmpty else { return nil }
    let prefix = String(s.dropLast(digits.count))
    guard prefix.isEmpty || prefix.last?.isLetter == true else { return nil }
    guard prefix.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
    return (prefix, digits)
  }

  private static func reformat(_ first: String, _ second: String, _ format: StyleOptions.PageRangeFormat)
    -> String
  {
    // Expand the second number to full length first (both are ASCII digits).
    var full = second
    if second.utf8.count < first.utf8.count {
      full = String(decoding: first.utf8.prefix(first.utf8.count - second.utf8.count), as: UTF8.self) + second
    }
    guard let firstValue = Int(first), let fullValue = Int(full), fullValue > firstValue else { return full }
    switch format {
    case .expanded:
      return full
    case .minimal:
      return minimal(first, full, keep: 1)
    case .minimalTwo:
      return minimal(first, full, keep: 2)
    case .chicago16:
      return chicago(first, full, firstValue: firstValue, sixteenth: true)
    case .chicago, .chicago15:
      return chicago(first, full, firstValue: firstValue, sixteenth: false)
    }
  }

  /// Drops leading digits the two numbers share, keeping at least `keep` digits.
  /// Both are ASCII digits, so they are compared byte by byte.
  private static func minimal(_ first: String, _ full: String, keep: Int) -> String {
    let a = Array(first.utf8)
    let b = Array(full.utf8)
    guard a.count == b.count else { return full }
    var index = 0
    while index < b.count - 1 && a[index] == b[index] { index += 1 }
    let remaining = b.count - index
    if remaining < keep { return String(decoding: b.suffix(min(keep, b.count)), as: UTF8.self) }
    return String(decoding: b[index...], as: UTF8.self)
  }

  private static func chicago(_ first: String, _ full: String, firstValue: Int, sixteenth: Bool) -> String {
    if firstValue < 100 || firstValue % 100 == 0 { return full }
    if firstValue % 100 < 10 { return minimal(first, full, keep: 1) }
    if !sixteenth && first.count == 4 && full.count == 4 {
      // Chicago 15th: four-digit numbers keep all digits when more than two change.
      let changed = minimal(first, full, keep: 2)
      return changed.count > 2 ? full : changed
    }
    return minimal(first, full, keep: 2)
  }
}
