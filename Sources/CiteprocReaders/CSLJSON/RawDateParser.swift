import CiteprocData

/// Reads dates written as free text, as CSL-JSON `raw` values and plain date strings carry them:
/// `1999-05-12`, `1999/5/12`, `1999-05`, `May 1999`, `12 May 1999`, `May 12, 1999`, `1999 May 12`,
/// `Spring 1999`, `1999`, ranges such as `1999-2001`, `1999-05-12/1999-06-01`, `May–June 1999`,
/// `12–15 May 1999` and `Spring 1999 - Summer 2001`, an ISO timestamp (the time is dropped), `c. 1999` or
/// `1999~` (circa), and `250 BC`.
///
/// Returns nil for text that is not clearly a date (including day/month orders that could be read
/// either way, such as `05/06/1999`); the caller keeps such text as a literal.
package enum RawDateParser {
  package static func parse(_ text: String) -> CSLDate? {
    var body = Substring(text.trimmingSpaces())
    var circa = false
    for marker in ["circa ", "ca. ", "c. ", "ca ", "c."] where body.lowercased().hasPrefix(marker) {
      circa = true
      body = body.dropFirst(marker.count).drop(while: \.isWhitespace)
      break
    }
    if let last = body.last, last == "~" || last == "?" {
      circa = true
      body = body.dropLast()
    }
    if let tee = timestampSplit(body) { body = tee }
    guard !body.isEmpty else { return nil }
    if let single = parseSingle(body) {
      return CSLDate(start: single, circa: circa)
    }
    for separator in ["–", "—", " - ", " to ", "/", "-"] {
      let pieces = body.split(separator: separator, omittingEmptySubsequences: false)
      guard pieces.count == 2 else { continue }
      if let (start, end) = parseRange(pieces[0], pieces[1]) {
        return CSLDate(start: start, end: end, circa: circa)
      }
    }
    return nil
  }

  /// `2020-01-02T10:00:00Z` → `2020-01-02`.
  private static func timestampSplit(_ text: Substring) -> Substring? {
    guard let tee = text.firstIndex(of: "T") else { return nil }
    let date = text[..<tee]
    guard date.count == 10, date.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
    return date
  }

  // MARK: - Tokens

  private enum Token: Equatable {
    case number(Int, digits: Int)
    case month(Int)
    case season(Int)
    case era(bc: Bool)
  }

  private static let monthNames: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ]
    var table: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
    }
    table["sept"] = 9
    return table
  }()

  private static let seasonNames: [String: Int] = [
    "spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
  ]

  /// Splits text into numbers and known words; nil when a word is not a month, season or era.
  private static func tokenize(_ text: Substring) -> [Token]? {
    var tokens: [Token] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character.isASCII && character.isNumber {
        let digits = text[index...].prefix(while: { $0.isASCII && $0.isNumber })
        index = digits.endIndex
        guard digits.count <= 9, let value = Int(digits) else { return nil }
        tokens.append(.number(value, digits: digits.count))
        // Ordinal endings: 1st, 2nd, 3rd, 4th.
        let ending = text[index...].prefix(while: \.isLetter).lowercased()
        if ["st", "nd", "rd", "th"].contains(ending) {
          index = text.index(index, offsetBy: 2)
        }
      } else if character.isLetter {
        let word = text[index...].prefix(while: { $0.isLetter || $0 == "." })
        index = word.endIndex
        let key = word.lowercased().filter { $0 != "." }
        if let month = monthNames[key] {
          tokens.append(.month(month))
        } else if let season = seasonNames[key] {
          tokens.append(.season(season))
        } else if key == "bc" || key == "bce" {
          tokens.append(.era(bc: true))
        } else if key == "ad" || key == "ce" {
          tokens.append(.era(bc: false))
        } else {
          return nil
        }
      } else if character.isWhitespace || ",./-".contains(character) {
        index = text.index(after: index)
      } else {
        return nil
      }
    }
    return tokens
  }

  /// The month (1–12) or season (from 13–24, as CSL-JSON and EDTF number them) of a number.
  private static func monthOrSeason(_ value: Int) -> (month: Int?, season: Int?)? {
    switch value {
    case 1...12: return (value, nil)
    case 13...24: return (nil, (value - 13) % 4 + 1)
    default: return nil
    }
  }

  // MARK: - Single dates

  /// Fields of one date as read so far; the year may be missing on the left side of a range.
  private struct Partial {
    var year: Int?
    var month: Int?
    var day: Int?
    var season: Int?
  }

  private static func parseSingle(_ text: Substring) -> CSLDate.Parts? {
    guard let partial = parsePartial(text), let year = partial.year, year != 0 else { return nil }
    return CSLDate.Parts(year: year, month: partial.month, day: partial.day, season: partial.season)
  }

  private static func parsePartial(_ text: Substring) -> Partial? {
    guard var tokens = tokenize(text), !tokens.isEmpty else { return nil }
    var bc = false
    if case .era(let isBC) = tokens.last {
      bc = isBC
      tokens.removeLast()
    }
    guard var partial = tokens.contains(where: isWord) ? parseWithWords(tokens) : parseNumeric(tokens)
    else { return nil }
    if bc, let year = partial.year { partial.year = -year }
    return partial
  }

  private static func isWord(_ token: Token) -> Bool {
    switch token {
    case .month, .season, .era: return true
    case .number: return false
    }
  }

  /// `1999`, `1999-05`, `1999-05-12`, `5/1999`, `12/31/1999`, `31.12.1999`.
  private static func parseNumeric(_ tokens: [Token]) -> Partial? {
    let numbers = tokens.compactMap { token -> (value: Int, digits: Int)? in
      if case .number(let value, let digits) = token { return (value, digits) }
      return nil
    }
    switch numbers.count {
    case 1:
      return Partial(year: numbers[0].value)
    case 2 where numbers[0].digits >= 3:
      guard let (month, season) = monthOrSeason(numbers[1].value) else { return nil }
      return Partial(year: numbers[0].value, month: month, season: season)
    case 2 where numbers[1].digits >= 3:
      guard let (month, season) = monthOrSeason(numbers[0].value) else { return nil }
      return Partial(year: numbers[1].value, month: month, season: season)
    case 3 where numbers[0].digits >= 3:
      return validated(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
    case 3 where numbers[2].digits >= 3:
      let (first, second) = (numbers[0].value, numbers[1].value)
      if first > 12 && second <= 12 { return validated(year: numbers[2].value, month: second, day: first) }
      if second > 12 && first <= 12 { return validated(year: numbers[2].value, month: first, day: second) }
      return nil  // 05/06/1999 could be either order.
    default:
      return nil
    }
  }

  private static func validated(year: Int, month: Int, day: Int) -> Partial? {
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    return Partial(year: year, month: month, day: day)
  }

  /// `May 1999`, `12 May 1999`, `May 12, 1999`, `1999 May 12`, `Spring 1999`, and on the left of a range
  /// `May` or `12 May`.
  private static func parseWithWords(_ tokens: [Token]) -> Partial? {
    var partial = Partial()
    var numbers: [(value: Int, digits: Int)] = []
    for token in tokens {
      switch token {
      case .month(let month):
        guard partial.month == nil && partial.season == nil else { return nil }
        partial.month = month
      case .season(let season):
        guard partial.month == nil && partial.season == nil else { return nil }
        partial.season = season
      case .number(let value, let digits):
        numbers.append((value, digits))
      case .era:
        return nil
      }
    }
    switch numbers.count {
    case 0:
      break
    case 1:
      let number = numbers[0]
      if number.digits >= 3 || number.value > 31 || partial.season != nil {
        partial.year = number.value
      } else if partial.month != nil && number.value >= 1 {
        partial.day = number.value
      } else {
        return nil
      }
    case 2:
      let yearFirst = numbers[0].digits >= 3 || numbers[0].value > 31
      let yearLast = numbers[1].digits >= 3 || numbers[1].value > 31
      guard yearFirst != yearLast, partial.month != nil else { return nil }
      let (year, day) = yearFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
      guard (1...31).contains(day.value) else { return nil }
      partial.year = year.value
      partial.day = day.value
    default:
      return nil
    }
    return partial
  }

  // MARK: - Ranges

  /// Both ends of a range. The start may leave out what it shares with the end: `May–June 1999`,
  /// `12–15 May 1999`.
  private static func parseRange(_ left: Substring, _ right: Substring) -> (CSLDate.Parts, CSLDate.Parts)? {
    guard let end = parseSingle(right) else { return nil }
    let trimmed = String(left).trimmingSpaces()
    // A bare day before a full date: `12-15 May 1999`.
    if let day = Int(trimmed), trimmed.count <= 2, end.month != nil, end.day != nil {
      guard (1...31).contains(day) else { return nil }
      return (CSLDate.Parts(year: end.year, month: end.month, day: day), end)
    }
    if let start = parseSingle(left) { return (start, end) }
    guard var partial = parsePartial(left), partial.year == nil else { return nil }
    partial.year = end.year
    if partial.day != nil && partial.month == nil { partial.month = end.month }
    guard let year = partial.year else { return nil }
    return (CSLDate.Parts(year: year, month: partial.month, day: partial.day, season: partial.season), end)
  }
}
