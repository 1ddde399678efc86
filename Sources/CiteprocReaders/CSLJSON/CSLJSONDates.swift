import CiteprocData

extension ItemDecoder {
  /// A date variable: an object with `date-parts`, `season`, `circa`, `literal` and `raw`, or a plain
  /// string read like `raw`. Returns nil (with a warning) when nothing usable is left.
  mutating func decodeDate(_ node: JSONNode, variable: String) -> CSLDate? {
    switch node.value {
    case .object(let members):
      return decodeDateObject(members, variable: variable, line: node.line)
    case .string(let text), .number(let text):
      return Self.dateFromText(text)
    case .null:
      return nil
    default:
      warn(
        "'\(variable)' holds \(node.value.kindDescription), expected a date object; ignored", line: node.line)
      return nil
    }
  }

  /// Parsed text, or the text itself as a literal date when it cannot be parsed.
  static func dateFromText(_ text: String) -> CSLDate? {
    let trimmed = text.trimmingSpaces()
    if trimmed.isEmpty { return nil }
    return RawDateParser.parse(trimmed) ?? CSLDate(literal: trimmed)
  }

  private mutating func decodeDateObject(_ members: [JSONMember], variable: String, line: Int) -> CSLDate? {
    var date = CSLDate()
    var raw: String?
    var season: JSONMember?
    for member in members {
      let value = member.value.value
      switch member.key {
      case "date-parts":
        if let (start, end) = decodeDateParts(member.value, variable: variable) {
          date.start = start
          date.end = end
        }
      case "season": season = member
      case "circa": date.circa = value.isTruthy
      case "literal":
        if let text = value.scalarText, !text.isEmpty { date.literal = text }
      case "raw":
        if let text = value.scalarText, !text.isEmpty { raw = text }
      default:
        warn("unknown date key '\(member.key)' in '\(variable)' ignored", line: member.line)
      }
    }
    if date.start == nil, let raw, let parsed = Self.dateFromText(raw) {
      if parsed.literal == nil {
        date.start = parsed.start
        date.end = parsed.end
        date.circa = date.circa || parsed.circa
      } else if date.literal == nil {
        date.literal = parsed.literal
      }
    }
    if let season {
      applySeason(season, to: &date)
    }
    if date.isEmpty && date.seasonText == nil {
      warn("'\(variable)' has no usable date; ignored", line: line)
      return nil
    }
    return date
  }

  /// A `season` key: 1–4 (or 13–24 like a month) sets the season of the start; other text is kept as
  /// the season's name.
  private mutating func applySeason(_ member: JSONMember, to date: inout CSLDate) {
    guard let text = member.value.value.scalarText?.trimmingSpaces(), !text.isEmpty else { return }
    if let number = Int(text) {
      let season: Int?
      switch number {
      case 1...4: season = number
      case 13...24: season = (number - 13) % 4 + 1
      default: season = nil
      }
      if let season, date.start != nil {
        date.start?.season = season
        return
      }
    }
    date.seasonText = text
  }

  /// `date-parts`: one inner array for a date, two for a range. Parts are numbers or numeric strings;
  /// months 13–24 are seasons; out-of-range months and days are dropped. An end year of 0 (or none)
  /// with nothing else marks an open range and is kept as year 0.
  private mutating func decodeDateParts(
    _ node: JSONNode, variable: String
  ) -> (CSLDate.Parts?, CSLDate.Parts?)? {
    guard let outer = node.value.array else {
      warn("'date-parts' in '\(variable)' must be an array of arrays", line: node.line)
      return nil
    }
    if outer.isEmpty { return nil }
    if outer.count > 2 {
      warn("'date-parts' in '\(variable)' has more than two dates; the rest are ignored", line: node.line)
    }
    guard let start = decodePartList(outer[0], variable: variable) else { return nil }
    guard let startYear = start.year, startYear != 0 else {
      if start.month != nil || start.day != nil {
        warn("'date-parts' in '\(variable)' has no year; ignored", line: outer[0].line)
      }
      return nil
    }
    let startParts = CSLDate.Parts(year: startYear, month: start.month, day: start.day, season: start.season)
    guard outer.count > 1, let end = decodePartList(outer[1], variable: variable) else {
      return (startParts, nil)
    }
    if end.year == nil && end.month == nil && end.day == nil && end.season == nil {
      return end.empty ? (startParts, nil) : (startParts, CSLDate.Parts(year: 0))
    }
    // An end without its own year shares the start's.
    let endYear = end.year ?? startYear
    return (startParts, CSLDate.Parts(year: endYear, month: end.month, day: end.day, season: end.season))
  }

  private struct PartList {
    var year: Int?
    var month: Int?
    var day: Int?
    var season: Int?
    /// True when the array was empty or held only empty strings (a 0 counts as written).
    var empty: Bool
  }

  private mutating func decodePartList(_ node: JSONNode, variable: String) -> PartList? {
    guard let parts = node.value.array else {
      warn("a date in 'date-parts' of '\(variable)' must be an array", line: node.line)
      return nil
    }
    var numbers: [Int?] = []
    var empty = true
    for part in parts.prefix(3) {
      guard let text = part.value.scalarText?.trimmingSpaces() else {
        warn(
          "a date part must be a number or a numeric string, found \(part.value.kindDescription)",
          line: part.line)
        return nil
      }
      if text.isEmpty {
        numbers.append(nil)
        continue
      }
      guard let number = Self.integer(text) else {
        warn("date part '\(text)' in '\(variable)' is not a number", line: part.line)
        return nil
      }
      empty = false
      numbers.append(number == 0 ? nil : number)
    }
    var list = PartList(empty: empty)
    if parts.count > 3 {
      warn(
        "a date in 'date-parts' of '\(variable)' has more than three parts; the rest are ignored",
        line: node.line)
    }
    list.year = numbers.first ?? nil
    if numbers.count > 1, let month = numbers[1] {
      switch month {
      case 1...12: list.month = month
      case 13...24: list.season = (month - 13) % 4 + 1
      default: warn("month \(month) in '\(variable)' is out of range; ignored", line: node.line)
      }
    }
    if numbers.count > 2, let day = numbers[2] {
      if (1...31).contains(day) {
        list.day = day
      } else {
        warn("day \(day) in '\(variable)' is out of range; ignored", line: node.line)
      }
    }
    return list
  }

  /// An integer written as `1999`, `-44` or `1999.0`.
  private static func integer(_ text: String) -> Int? {
    if let value = Int(text) { return value }
    if let value = Double(text), value.rounded() == value, abs(value) < 1e9 { return Int(value) }
    return nil
  }
}
