import CiteprocData

/// Reads the date spellings found in RIS files:
/// `YYYY/MM/DD/other` with empty or zero slots (`2011///`, `2016/01/`, `1988/03/1`, `2018/4/25`,
/// `1998///Spring`, `2017/04/07/online`, `/2013/05/09/`, `2015/october`), ISO `2014-08-29`, year ranges
/// `1998-1999` and free text (`JAN 23`, `Dec. 2010`, `Spring 2011`, `3 March 2011`).
enum RISDateParser {
  /// A date as read, possibly without a year (`DA  - Jun`).
  struct Value: Sendable, Equatable {
    var year: Int?
    var month: Int?
    var day: Int?
    var season: Int?
    var seasonText: String?
    /// The free-text slot after the day (`online`, `received`), lower-cased.
    var qualifier: String?
    var endYear: Int?

    var hasYear: Bool { year != nil }
    var isEmpty: Bool { year == nil && month == nil && season == nil && seasonText == nil }

    /// The CSL date, when there is a year.
    var cslDate: CSLDate? {
      guard let year else { return nil }
      let start = CSLDate.Parts(
        year: year, month: month, day: month == nil ? nil : day, season: month == nil ? season : nil)
      let end = endYear.map { CSLDate.Parts(year: $0) }
      return CSLDate(start: start, end: end, seasonText: month == nil ? seasonText : nil)
    }
  }

  static func parse(_ raw: String) -> Value? {
    if case .some(let value) = RISDateFastPath.parse(raw) { return value }
    return parseGeneral(raw)
  }

  /// ``parse(_:)`` without the fast path for the common spellings.
  static func parseGeneral(_ raw: String) -> Value? {
    let text = raw.trimmingBlanks()
    guard !text.isEmpty else { return nil }
    let value: Value?
    if text.utf8.contains(UInt8(ascii: "/")) {
      value = parseSlashed(text)
    } else if let iso = parseISO(text) {
      value = iso
    } else {
      value = parseFreeText(text)
    }
    guard let value, !value.isEmpty else { return nil }
    return value
  }

  // MARK: Forms

  private static func parseSlashed(_ text: String) -> Value? {
    var parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
      String($0).trimmingBlanks()
    }
    if parts.count > 1, parts[0].isEmpty, number(parts[1]).map({ $0 > 31 }) == true {
      parts.removeFirst()
    }
    var value = Value()
    if let year = number(parts[0]) {
      value.year = year > 0 ? year : nil
    } else if !parts[0].isEmpty {
      // `Spring/2011` and the like: read the free text instead.
      return parseFreeText(parts.joined(separator: " "))
    }
    if parts.count > 1 {
      let slot = parts[1]
      if let month = number(slot) {
        value.month = (1...12).contains(month) ? month : nil
      } else if let month = monthNumber(slot) {
        value.month = month
      } else if let season = seasonNumber(slot) {
        value.season = season
      }
    }
    if parts.count > 2, value.month != nil, let day = number(parts[2]), (1...31).contains(day) {
      value.day = day
    }
    if parts.count > 3 {
      let other = parts[3...].joined(separator: "/").trimmingBlanks()
      if !other.isEmpty {
        if let season = seasonNumber(other) {
          value.season = season
        } else if value.month == nil, let month = monthNumber(other) {
          value.month = month
        } else if ignoredQualifiers.contains(other.lowercased()) {
          value.qualifier = other.lowercased()
        } else if value.month == nil && number(other) == nil {
          value.seasonText = other
        } else {
          value.qualifier = other.lowercased()
        }
      }
    }
    return value
  }

  /// `2014-08-29`, `2014-08`, `1998-1999`.
  private static func parseISO(_ text: String) -> Value? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, parts.count <= 3, parts[0].count == 4,
      let year = number(parts[0]), year > 0, let second = number(parts[1])
    else { return nil }
    if parts.count == 2, parts[1].count == 4 {
      return Value(year: year, endYear: second > year ? second : nil)
    }
    guard (1...12).contains(second) else { return nil }
    var value = Value(year: year, month: second)
    if parts.count == 3 {
      guard let day = number(parts[2]), (1...31).contains(day) else { return nil }
      value.day = day
    }
    return value
  }

  private static func parseFreeText(_ text: String) -> Value? {
    var value = Value()
    var numbers: [Int] = []
    let tokens = text.split(whereSeparator: { " ,.;-".contains($0) || $0 == "\t" })
    for token in tokens {
      let word = String(token)
      if let number = number(word) {
        if word.count >= 3 || number > 31 {
          if value.year == nil, number > 0 { value.year = number }
        } else {
          numbers.append(number)
        }
      } else if let month = monthNumber(word) {
        if value.month == nil { value.month = month }
      } else if let season = seasonNumber(word) {
        if value.season == nil { value.season = season }
      }
    }
    if value.month != nil, let day = numbers.first, (1...31).contains(day) { value.day = day }
    return value
  }

  // MARK: Pieces

  private static let ignoredQualifiers: Set<String> = [
    "online", "received", "accepted", "revised", "submitted", "print", "epub", "undefined",
    "published",
  ]

  /// Slots that mean the date is not the publication date.
  static let nonPublicationQualifiers: Set<String> = ["received", "accepted", "revised", "submitted"]

  /// A run of ASCII digits as a number.
  private static func number(_ text: String) -> Int? {
    guard !text.isEmpty, text.count <= 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return nil
    }
    return Int(text)
  }

  private static let months: [String: Int] = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
  ]

  static func monthNumber(_ text: String) -> Int? {
    var word = text.lowercased()
    if word.hasSuffix(".") { word.removeLast() }
    return months[word]
  }

  private static let seasons: [String: Int] = [
    "spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
  ]

  static func seasonNumber(_ text: String) -> Int? {
    seasons[text.lowercased()]
  }
}
