/// A CSL date: a single date or a range, possibly approximate, or a literal string.
public struct CSLDate: Sendable, Hashable {
  /// One point of a date. Month is 1–12, day 1–31; season is 1–4 (spring to winter).
  /// Year may be negative (BC) and must not be 0 for a real year.
  public struct Parts: Sendable, Hashable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var season: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil, season: Int? = nil) {
      self.year = year
      self.month = month
      self.day = day
      self.season = season
    }
  }

  /// The date, or the start of a range.
  public var start: Parts?
  /// The end of a range.
  public var end: Parts?
  /// "circa": the date is approximate.
  public var circa: Bool
  /// A date that could not be parsed into parts; printed as is.
  public var literal: String?
  /// A season given as text ("Spring", "Christmas") rather than a number.
  public var seasonText: String?

  public init(
    start: Parts? = nil, end: Parts? = nil, circa: Bool = false, literal: String? = nil,
    seasonText: String? = nil
  ) {
    self.start = start
    self.end = end
    self.circa = circa
    self.literal = literal
    self.seasonText = seasonText
  }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.init(start: Parts(year: year, month: month, day: day))
  }

  public var isEmpty: Bool { start == nil && (literal ?? "").isEmpty }
}
