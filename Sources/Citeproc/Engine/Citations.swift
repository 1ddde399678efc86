/// One cite inside a citation: which item, and what the author wrote around it.
public struct CiteItem: Sendable, Hashable {
  public var id: String
  public var locator: String?
  /// The locator type (`page`, `chapter`, ...); `page` when nil and a locator is given.
  public var label: String?
  public var prefix: String?
  public var suffix: String?
  /// Leave out the first names of the cite (the author), with the delimiters around them.
  public var suppressAuthor: Bool
  /// Only the first names of the cite (the author). A citation whose cites are all author-only
  /// has no layout prefix or suffix: it is meant for running text (`Cocksedge et al.`).
  public var authorOnly: Bool
  /// A position forced by the caller (0 first, 1 subsequent, 2 ibid, 3 ibid-with-locator).
  public var position: Int?
  public var nearNote: Bool?

  public init(
    id: String, locator: String? = nil, label: String? = nil, prefix: String? = nil, suffix: String? = nil,
    suppressAuthor: Bool = false, authorOnly: Bool = false, position: Int? = nil, nearNote: Bool? = nil
  ) {
    self.id = id
    self.locator = locator
    self.label = label
    self.prefix = prefix
    self.suffix = suffix
    self.suppressAuthor = suppressAuthor
    self.authorOnly = authorOnly
    self.position = position
    self.nearNote = nearNote
  }
}

/// A citation: one or more cites at one place in a document.
public struct CitationCluster: Sendable, Hashable {
  public var items: [CiteItem]
  /// The footnote number holding the citation; 0 for a citation in the main text.
  public var noteIndex: Int

  public init(items: [CiteItem], noteIndex: Int = 0) {
    self.items = items
    self.noteIndex = noteIndex
  }
}

/// The rendered output of a document: one entry per citation, and the bibliography.
public struct DocumentOutput: Sendable {
  public var citations: [Rendered]
  public var bibliography: [BibliographyEntry]
  public var warnings: [Diagnostic]
  /// For each citation, the state of its cites in their final order.
  package var citeStates: [[CiteState]] = []
}

/// What the engine decided about one cite's place in the document.
package struct CiteState: Sendable, Hashable {
  package var id: String
  /// 0 first, 1 subsequent, 2 ibid, 3 ibid-with-locator.
  package var position: Int
  package var nearNote: Bool
  package var firstReferenceNoteNumber: Int?
  /// What disambiguation decided for the cited item (nil when it had nothing to do).
  package var disambiguation: DisambiguationState?
}

/// The disambiguation settings of one item: year-suffix, the `disambiguate` condition, added names
/// and expanded given names.
package struct DisambiguationState: Sendable, Hashable {
  package var yearSuffix: String?
  package var disambiguate: Bool
  package var disambiguateTests: Int
  package var extraNames: Int
  package var givennameLevels: [Int: Int]
}
