/// Turns ``Rendered`` trees into strings of one markup language. Conform to add a format.
public protocol OutputFormat: Sendable {
  /// The markup of one inline piece: a citation, or an entry's content.
  func string(for rendered: Rendered) -> String
  /// A whole bibliography: the entries with the format's wrapper and separators.
  func bibliography(_ entries: [BibliographyEntry], layout: BibliographyLayout) -> String
}
