/// A compiled CSL style: options, locale overrides and the render trees of citation and
/// bibliography.
public struct Style: Sendable {
  public enum Class: String, Sendable, Hashable {
    case inText = "in-text"
    case note
  }

  public var info: StyleInfo
  public var styleClass: Class
  public var defaultLocale: String?
  public var options: StyleOptions
  /// `cs:locale` elements of the style, in document order.
  public var localeOverrides: [LocaleDefinition]
  public var citation: CitationSpec
  public var bibliography: BibliographySpec?
  /// Every word of the attributes that name variables: a superset of the variables the style can
  /// read, whatever the element, condition or sort key that reads them.
  package var variableWords: Set<String> = []
}

public struct StyleInfo: Sendable, Hashable {
  public var id: String?
  public var title: String?
  /// `link rel="independent-parent"`.
  public var independentParent: String?
}

public struct StyleOptions: Sendable, Hashable {
  public enum DemoteParticle: String, Sendable, Hashable {
    case never
    case sortOnly = "sort-only"
    case displayAndSort = "display-and-sort"
  }
  public enum PageRangeFormat: String, Sendable, Hashable {
    case chicago
    case chicago15 = "chicago-15"
    case chicago16 = "chicago-16"
    case expanded
    case minimal
    case minimalTwo = "minimal-two"
  }
  public var demoteNonDroppingParticle = DemoteParticle.displayAndSort
  public var initializeWithHyphen = true
  public var pageRangeFormat: PageRangeFormat?
}

public struct SortKey: Sendable, Hashable {
  public enum Source: Sendable, Hashable {
    case variable(String)
    case macro(String, [RenderElement])
  }
  public var source: Source
  public var ascending: Bool
  public var namesMin: Int?
  public var namesUseFirst: Int?
  public var namesUseLast: Bool?
}

public struct Layout: Sendable, Hashable {
  public var elements: [RenderElement]
  public var delimiter: String
  public var decorations: Decorations
  /// The `xml:lang` of the layout (CSL 1.1 multi-layout); nil for the default layout.
  public var language: String?
}

public struct CitationSpec: Sendable, Hashable {
  public enum GivennameRule: String, Sendable, Hashable {
    case allNames = "all-names"
    case allNamesWithInitials = "all-names-with-initials"
    case primaryName = "primary-name"
    case primaryNameWithInitials = "primary-name-with-initials"
    case byCite = "by-cite"
  }
  public enum Collapse: String, Sendable, Hashable {
    case citationNumber = "citation-number"
    case year
    case yearSuffix = "year-suffix"
    case yearSuffixRanged = "year-suffix-ranged"
  }
  public var layout: Layout
  public var sort: [SortKey]
  public var disambiguateAddNames = false
  public var disambiguateAddGivenname = false
  public var givennameRule = GivennameRule.byCite
  public var disambiguateAddYearSuffix = false
  public var collapse: Collapse?
  public var citeGroupDelimiter: String?
  public var yearSuffixDelimiter: String?
  public var afterCollapseDelimiter: String?
  public var nearNoteDistance = 5
}

public struct BibliographySpec: Sendable, Hashable {
  public enum SubstituteRule: String, Sendable, Hashable {
    case completeAll = "complete-all"
    case completeEach = "complete-each"
    case partialEach = "partial-each"
    case partialFirst = "partial-first"
  }
  public var layout: Layout
  public var sort: [SortKey]
  public var layoutOptions: BibliographyLayout
  public var subsequentAuthorSubstitute: String?
  public var subsequentAuthorSubstituteRule = SubstituteRule.completeAll
}
