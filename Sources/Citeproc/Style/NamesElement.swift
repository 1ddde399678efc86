/// `cs:names` with its `cs:name`, `cs:et-al`, `cs:label` and `cs:substitute` children.
public struct NamesElement: Sendable, Hashable {
  public var variables: [String]
  public var name: NameOptions
  public var etAl: EtAlOptions
  /// The label and whether it comes after the name (`cs:label` after `cs:name`).
  public var label: LabelElement?
  public var labelAfterName: Bool
  public var substitute: [RenderElement]?
  /// Delimiter between the lists of different variables (`delimiter` on names, or `names-delimiter`).
  public var delimiter: String
  public var decorations: Decorations
}

public struct EtAlOptions: Sendable, Hashable {
  public var term: String = "et-al"
  public var formatting = TextFormatting()
  public var prefix = ""
  public var suffix = ""
}

/// The options of `cs:name`, including those inherited from `cs:style`, `cs:citation` and
/// `cs:bibliography`.
public struct NameOptions: Sendable, Hashable {
  public enum And: String, Sendable, Hashable {
    case text
    case symbol
  }
  public enum DelimiterRule: String, Sendable, Hashable {
    case contextual
    case afterInvertedName = "after-inverted-name"
    case always
    case never
  }
  public enum Form: String, Sendable, Hashable {
    case long
    case short
    case count
  }
  public enum SortOrder: String, Sendable, Hashable {
    case first
    case all
  }

  public var and: And?
  public var delimiter = ", "
  public var delimiterPrecedesEtAl = DelimiterRule.contextual
  public var delimiterPrecedesLast = DelimiterRule.contextual
  public var etAlMin: Int?
  public var etAlUseFirst: Int?
  public var etAlSubsequentMin: Int?
  public var etAlSubsequentUseFirst: Int?
  public var etAlUseLast = false
  public var form = Form.long
  public var initialize = true
  public var initializeWith: String?
  public var nameAsSortOrder: SortOrder?
  public var sortSeparator = ", "
  public var familyPart = NamePartOptions()
  public var givenPart = NamePartOptions()
  public var decorations = Decorations()

  public init() {}
}

public struct NamePartOptions: Sendable, Hashable {
  public var formatting = TextFormatting()
  public var textCase: TextCase?
  public var prefix = ""
  public var suffix = ""
}
