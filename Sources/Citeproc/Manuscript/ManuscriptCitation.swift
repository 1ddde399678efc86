/// One cite in a manuscript: the key, what the author wrote around it, and where it is.
public struct ManuscriptCite: Sendable, Hashable {
  /// The cite for the engine; its `id` is the citation key.
  public var item: CiteItem
  /// The 1-based line and column (in characters) of the `@` of the key.
  public var line: Int
  public var column: Int

  public var key: String { item.id }

  public init(item: CiteItem, line: Int, column: Int) {
    self.item = item
    self.line = line
    self.column = column
  }
}

/// A citation found in a manuscript: `[see @a, p. 3; @b]`, or `@a` in running text.
public struct ManuscriptCitation: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// `[@key]`: a parenthetical citation (or a number, or a note), as the style has it.
    case bracketed
    /// `@key` in running text: the author in the text, then the rest of the citation
    /// (`Cocksedge et al. (2011)`).
    case inText
  }

  public var kind: Kind
  public var cites: [ManuscriptCite]
  /// The UTF-8 offsets of the citation's source text in the manuscript.
  public var range: Range<Int>
  /// The 1-based line and column of the citation's first character.
  public var line: Int
  public var column: Int

  public init(kind: Kind, cites: [ManuscriptCite], range: Range<Int>, line: Int, column: Int) {
    self.kind = kind
    self.cites = cites
    self.range = range
    self.line = line
    self.column = column
  }
}

/// Where the reference list goes: a `::: {#refs}` block, a `<div id="refs"></div>` or a
/// `<!-- references -->` comment, on lines of their own.
public struct ReferencesMarker: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// A pandoc fenced div `::: {#refs}` (with its closing `:::` when it follows directly).
    case fencedDiv
    /// `<div id="refs"></div>` (or `<div id="refs">` and `</div>` on the next line).
    case htmlDiv
    /// `<!-- references -->`.
    case comment
  }

  public var kind: Kind
  /// The UTF-8 offsets of the marker's lines, without the final line break.
  public var range: Range<Int>
  public var line: Int

  public init(kind: Kind, range: Range<Int>, line: Int) {
    self.kind = kind
    self.range = range
    self.line = line
  }
}

/// What ``CitationScanner`` found in a manuscript.
public struct ManuscriptScan: Sendable, Hashable {
  /// The citations, in the order of the text.
  public var citations: [ManuscriptCitation]
  /// Reference-list markers, in the order of the text.
  public var markers: [ReferencesMarker]
  /// Malformed citations (errors), with `file:line:column`.
  public var diagnostics: [Diagnostic]

  public init(
    citations: [ManuscriptCitation] = [], markers: [ReferencesMarker] = [], diagnostics: [Diagnostic] = []
  ) {
    self.citations = citations
    self.markers = markers
    self.diagnostics = diagnostics
  }
}
