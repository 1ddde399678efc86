import Citeproc
import CiteprocData

/// One fixture of the official CSL processor test suite: a style, input items, what to render and the
/// expected output.
package struct Fixture: Sendable {
  package enum Mode: String, Sendable, Hashable {
    case citation
    case bibliography
  }

  /// The file name without `.txt`, such as `name_ParseNames`.
  package var name: String
  package var mode: Mode
  /// The style, as written in the `CSL` section.
  package var csl: String
  /// The line of the fixture file where the style's first line is, to place style errors.
  package var cslLine: Int
  /// The `INPUT` items in their order (empty when the section is missing).
  package var input: [Reference]
  /// Warnings the CSL-JSON reader gave about `INPUT`, with fixture-file lines.
  package var inputDiagnostics: [Diagnostic]
  /// The expected output, exactly as written (no trailing newline).
  package var result: String
  /// `CITATION-ITEMS`: the citations to render in turn.
  package var citationItems: [[CiteSpec]]?
  /// `CITATIONS`: the insertion steps to replay.
  package var citations: [CitationStep]?
  package var description: String?
  /// `VERSION`, such as `1.0` or `1.1-experimental`.
  package var version: String?
}

/// One cite in a citation: the engine's own cite type (`near-note: true` forces the near-note
/// position; otherwise it is worked out).
package typealias CiteSpec = CiteItem

/// A citation as a word processor inserts it.
package struct CitationInsertion: Sendable, Hashable {
  package var citationID: String
  package var items: [CiteSpec]
  /// The footnote that holds the citation; 0 for the main text.
  package var noteIndex: Int

  package init(citationID: String, items: [CiteSpec], noteIndex: Int) {
    self.citationID = citationID
    self.items = items
    self.noteIndex = noteIndex
  }
}

/// A citation already in the document, named by its ID, with its note number.
package struct CitationPlacement: Sendable, Hashable {
  package var citationID: String
  package var noteIndex: Int

  package init(citationID: String, noteIndex: Int) {
    self.citationID = citationID
    self.noteIndex = noteIndex
  }
}

/// One step of a `CITATIONS` section: a citation inserted between the citations before and after it.
/// Together they are the whole document after the step.
package struct CitationStep: Sendable, Hashable {
  package var citation: CitationInsertion
  package var citationsPre: [CitationPlacement]
  package var citationsPost: [CitationPlacement]

  package init(
    citation: CitationInsertion, citationsPre: [CitationPlacement], citationsPost: [CitationPlacement]
  ) {
    self.citation = citation
    self.citationsPre = citationsPre
    self.citationsPost = citationsPost
  }
}
