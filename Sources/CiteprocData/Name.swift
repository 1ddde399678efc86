/// A personal or institutional name, split into the parts CSL knows.
///
/// Family and given names are stored inline; the parts most names lack (particles, suffix,
/// literal and the two ordering flags) share one box, so that a name takes 40 bytes.
public struct Name: Sendable, Hashable {
  public var family: String?
  public var given: String?
  /// The rarer parts; nil when all of them are nil or false.
  private var rare: RareParts?

  public init(
    family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
    nonDroppingParticle: String? = nil, suffix: String? = nil, commaSuffix: Bool = false,
    staticOrdering: Bool = false, literal: String? = nil
  ) {
    self.family = family
    self.given = given
    rare = RareParts.make(
      droppingParticle: droppingParticle, nonDroppingParticle: nonDroppingParticle, suffix: suffix,
      literal: literal, commaSuffix: commaSuffix, staticOrdering: staticOrdering)
  }

  /// Whether the suffix is set off with a comma ("Smith, Jr.").
  public var commaSuffix: Bool {
    get { rare?.commaSuffix ?? false }
    set { replaceRare(commaSuffix: newValue) }
  }

  /// Forces given-family order to stay as written (used for some non-Latin names).
  public var staticOrdering: Bool {
    get { rare?.staticOrdering ?? false }
    set { replaceRare(staticOrdering: newValue) }
  }

  /// A particle that goes with the given name when inverted, such as "de" in "Jean de La Fontaine".
  public var droppingParticle: String? {
    get { rare?.droppingParticle }
    set { replaceRare(droppingParticle: newValue) }
  }

  /// A particle that stays with the family name, such as "van" in "van Gogh".
  public var nonDroppingParticle: String? {
    get { rare?.nonDroppingParticle }
    set { replaceRare(nonDroppingParticle: newValue) }
  }

  /// A suffix such as "Jr." or "III".
  public var suffix: String? {
    get { rare?.suffix }
    set { replaceRare(suffix: newValue) }
  }

  /// An institutional or otherwise unsplittable name, printed as is.
  public var literal: String? {
    get { rare?.literal }
    set { replaceRare(literal: newValue) }
  }

  /// A name with only a literal form (an organisation, or a name that cannot be split).
  public static func literal(_ text: String) -> Name { Name(literal: text) }

  /// True when the name has no usable part at all.
  public var isEmpty: Bool {
    (literal ?? "").isEmpty && (family ?? "").isEmpty && (given ?? "").isEmpty
  }

  public static func == (a: Name, b: Name) -> Bool {
    a.family == b.family && a.given == b.given && a.commaSuffix == b.commaSuffix
      && a.staticOrdering == b.staticOrdering && a.droppingParticle == b.droppingParticle
      && a.nonDroppingParticle == b.nonDroppingParticle && a.suffix == b.suffix && a.literal == b.literal
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(family)
    hasher.combine(given)
    hasher.combine(commaSuffix)
    hasher.combine(staticOrdering)
    hasher.combine(droppingParticle)
    hasher.combine(nonDroppingParticle)
    hasher.combine(suffix)
    hasher.combine(literal)
  }

  /// Replaces the box with one that differs in the given parts (the box is shared between copies,
  /// so it is never changed in place).
  private mutating func replaceRare(
    droppingParticle: String?? = nil, nonDroppingParticle: String?? = nil, suffix: String?? = nil,
    literal: String?? = nil, commaSuffix: Bool? = nil, staticOrdering: Bool? = nil
  ) {
    rare = RareParts.make(
      droppingParticle: droppingParticle ?? self.droppingParticle,
      nonDroppingParticle: nonDroppingParticle ?? self.nonDroppingParticle,
      suffix: suffix ?? self.suffix, literal: literal ?? self.literal,
      commaSuffix: commaSuffix ?? self.commaSuffix, staticOrdering: staticOrdering ?? self.staticOrdering)
  }
}

/// The parts of a ``Name`` that most names lack, boxed together and never changed.
private final class RareParts: Sendable {
  let droppingParticle: String?
  let nonDroppingParticle: String?
  let suffix: String?
  let literal: String?
  let commaSuffix: Bool
  let staticOrdering: Bool

  private init(
    droppingParticle: String?, nonDroppingParticle: String?, suffix: String?, literal: String?,
    commaSuffix: Bool, staticOrdering: Bool
  ) {
    self.droppingParticle = droppingParticle
    self.nonDroppingParticle = nonDroppingParticle
    self.suffix = suffix
    self.literal = literal
    self.commaSuffix = commaSuffix
    self.staticOrdering = staticOrdering
  }

  /// A box of the parts, or nil when none is set.
  static func make(
    droppingParticle: String?, nonDroppingParticle: String?, suffix: String?, literal: String?,
    commaSuffix: Bool, staticOrdering: Bool
  ) -> RareParts? {
    if droppingParticle == nil && nonDroppingParticle == nil && suffix == nil && literal == nil
      && !commaSuffix
      && !staticOrdering
    {
      return nil
    }
    return RareParts(
      droppingParticle: droppingParticle, nonDroppingParticle: nonDroppingParticle, suffix: suffix,
      literal: literal, commaSuffix: commaSuffix, staticOrdering: staticOrdering)
  }
}
