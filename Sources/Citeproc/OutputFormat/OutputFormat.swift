/// Turns ``Rendered`` trees into strings of one markup language. Conform to add a format.
public protocol OutputFormat: Sendable {
  /// The markup of one inline piece: a citation, or an entry's content.
  func string(for rendered: Rendered) -> String
  /// A whole bibliography: the entries with the format's wrapper and separators.
  func bibliography(_ entries: [BibliographyEntry], layout: BibliographyLayout) -> String
}

/// An output format that can write a bibliography a batch of entries at a time, so a long
/// bibliography never has to be held whole: the opening, then each batch, then the closing give
/// the same text as ``OutputFormat/bibliography(_:layout:)`` on all the entries.
public protocol StreamingOutputFormat: OutputFormat {
  /// What comes before the first entry (a document header or wrapper).
  func bibliographyOpening(layout: BibliographyLayout) -> String
  /// A batch of entries; `continuing` is true when entries were written before it.
  func bibliographyEntries(_ entries: [BibliographyEntry], layout: BibliographyLayout, continuing: Bool)
    -> String
  /// What comes after the last entry; `wroteEntries` is false for an empty bibliography.
  func bibliographyClosing(layout: BibliographyLayout, wroteEntries: Bool) -> String
}

extension StreamingOutputFormat {
  public func bibliography(_ entries: [BibliographyEntry], layout: BibliographyLayout) -> String {
    bibliographyOpening(layout: layout) + bibliographyEntries(entries, layout: layout, continuing: false)
      + bibliographyClosing(layout: layout, wroteEntries: !entries.isEmpty)
  }
}
