/// A CSL date: a single date or a range, possibly approximate, or a literal string.
///
/// Most dates are one point with a year that fits 32 bits and small month, day and season numbers:
/// that point and the circa flag are packed into 8 bytes inline. A range's end, a literal, a
/// season's text and a point whose numbers do not pack share one box, so that a date takes 16
/// bytes instead of 144.
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

  /// The start's year, when the start is packed.
  private var startYear: Int32 = 0
  /// The start packed: bit 0 set when there is a packed start; then month, day and season,
  /// 8 bits each from bit 1, each as its value plus one (0 for none); bit 25 is ``circa``.
  private var startPacked: UInt32 = 0
  /// The rarer parts; nil when all of them are nil.
  private var rare: RareDateParts?

  private static let circaBit: UInt32 = 1 << 25

  public init(
    start: Parts? = nil, end: Parts? = nil, circa: Bool = false, literal: String? = nil,
    seasonText: String? = nil
  ) {
    let packed = start.flatMap(Self.pack)
    if let start, let packed {
      startYear = Int32(truncatingIfNeeded: start.year)
      startPacked = packed
    }
    self.circa = circa
    rare = RareDateParts.make(
      start: packed == nil ? start : nil, end: end, literal: literal, seasonText: seasonText)
  }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.init(start: Parts(year: year, month: month, day: day))
  }

  /// "circa": the date is approximate.
  public var circa: Bool {
    get { startPacked & Self.circaBit != 0 }
    set { startPacked = newValue ? startPacked | Self.circaBit : startPacked & ~Self.circaBit }
  }

  /// The date, or the start of a range.
  public var start: Parts? {
    get {
      guard startPacked & 1 != 0 else { return rare?.start }
      return Parts(
        year: Int(startYear), month: Self.unpack(startPacked, at: 1), day: Self.unpack(startPacked, at: 9),
        season: Self.unpack(startPacked, at: 17))
    }
    set {
      let circa = circa
      let packed = newValue.flatMap(Self.pack)
      startYear = packed == nil ? 0 : Int32(truncatingIfNeeded: newValue?.year ?? 0)
      startPacked = packed ?? 0
      self.circa = circa
      replaceRare(start: .some(packed == nil ? newValue : nil))
    }
  }

  /// The end of a range.
  public var end: Parts? {
    get { rare?.end }
    set { replaceRare(end: .some(newValue)) }
  }

  /// A date that could not be parsed into parts; printed as is.
  public var literal: String? {
    get { rare?.literal }
    set { replaceRare(literal: .some(newValue)) }
  }

  /// A season given as text ("Spring", "Christmas") rather than a number.
  public var seasonText: String? {
    get { rare?.seasonText }
    set { replaceRare(seasonText: .some(newValue)) }
  }

  public var isEmpty: Bool { start == nil && (literal ?? "").isEmpty }

  public static func == (a: CSLDate, b: CSLDate) -> Bool {
    a.start == b.start && a.end == b.end && a.circa == b.circa && a.literal == b.literal
      && a.seasonText == b.seasonText
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(start)
    hasher.combine(end)
    hasher.combine(circa)
    hasher.combine(literal)
    hasher.combine(seasonText)
  }

  /// The packed month, day and season of `parts`, or nil when one of them is outside 0–254 or
  /// the year does not fit 32 bits.
  private static func pack(_ parts: Parts) -> UInt32? {
    guard Int32(exactly: parts.year) != nil, let month = packed(parts.month), let day = packed(parts.day),
      let season = packed(parts.season)
    else { return nil }
    return 1 | month << 1 | day << 9 | season << 17
  }

  /// A number stored as its value plus one (0 for none), or nil when it is outside 0–254.
  private static func packed(_ value: Int?) -> UInt32? {
    guard let value else { return 0 }
    return value >= 0 && value < 255 ? UInt32(value + 1) : nil
  }

  private static func unpack(_ packed: UInt32, at shift: UInt32) -> Int? {
    let stored = Int((packed >> shift) & 0xFF)
    return stored == 0 ? nil : stored - 1
  }

  /// Replaces the box with one that differs in the given parts (the box is shared between copies,
  /// so it is never changed in place).
  private mutating func replaceRare(
    start: Parts?? = nil, end: Parts?? = nil, literal: String?? = nil, seasonText: String?? = nil
  ) {
    rare = RareDateParts.make(
      start: start ?? rare?.start, end: end ?? rare?.end, literal: literal ?? rare?.literal,
      seasonText: seasonText ?? rare?.seasonText)
  }
}

/// The parts of a ``CSLDate`` that most dates lack, boxed together and never changed.
private final class RareDateParts: Sendable {
  /// The start, when its numbers do not pack.
  let start: CSLDate.Parts?
  let end: CSLDate.Parts?
  let literal: String?
  let seasonText: String?

  private init(start: CSLDate.Parts?, end: CSLDate.Parts?, literal: String?, seasonText: String?) {
    self.start = start
    self.end = end
    self.literal = literal
    self.seasonText = seasonText
  }

  /// A box of the parts, or nil when none is set.
  static func make(start: CSLDate.Parts?, end: CSLDate.Parts?, literal: String?, seasonText: String?)
    -> RareDateParts?
  {
    if start == nil && end == nil && literal == nil && seasonText == nil { return nil }
    return RareDateParts(start: start, end: end, literal: literal, seasonText: seasonText)
  }
}
