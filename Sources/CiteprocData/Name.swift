/// A personal or institutional name, split into the parts CSL knows.
public struct Name: Sendable, Hashable {
  public var family: String?
  public var given: String?
  /// A particle that goes with the given name when inverted, such as "de" in "Jean de La Fontaine".
  public var droppingParticle: String?
  /// A particle that stays with the family name, such as "van" in "van Gogh".
  public var nonDroppingParticle: String?
  /// A suffix such as "Jr." or "III".
  public var suffix: String?
  /// Whether the suffix is set off with a comma ("Smith, Jr.").
  public var commaSuffix: Bool
  /// Forces given-family order to stay as written (used for some non-Latin names).
  public var staticOrdering: Bool
  /// An institutional or otherwise unsplittable name, printed as is.
  public var literal: String?

  public init(
    family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
    nonDroppingParticle: String? = nil, suffix: String? = nil, commaSuffix: Bool = false,
    staticOrdering: Bool = false, literal: String? = nil
  ) {
    self.family = family
    self.given = given
    self.droppingParticle = droppingParticle
    self.nonDroppingParticle = nonDroppingParticle
    self.suffix = suffix
    self.commaSuffix = commaSuffix
    self.staticOrdering = staticOrdering
    self.literal = literal
  }

  /// A name with only a literal form (an organisation, or a name that cannot be split).
  public static func literal(_ text: String) -> Name { Name(literal: text) }

  /// True when the name has no usable part at all.
  public var isEmpty: Bool {
    (literal ?? "").isEmpty && (family ?? "").isEmpty && (given ?? "").isEmpty
  }
}
