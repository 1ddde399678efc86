import CiteprocData

/// Drops the ordinary variables a style never reads from references, so that many references
/// held at once (to be sorted) take less memory: an abstract is often the largest part of a
/// record, and few styles print it.
///
/// Only ordinary and number variables are dropped; names and dates are always kept. A variable
/// is kept when an attribute of the style that names variables mentions it (`variable`,
/// `is-numeric`, `is-uncertain-date`: every element, condition and sort key that can read it),
/// with its short form, and so are the variables the
/// engine reads on its own: `language`, `page` and `page-first`, `title` and `title-short`
/// (`title` for a generated `citation-label`), `citation-label` and `journalAbbreviation` (for a
/// short `container-title`).
public struct ReferenceTrimmer: Sendable {
  /// The ordinary variables kept; nil to keep all.
  private let kept: Set<String>?

  /// Variables the engine reads whatever the style says.
  private static let alwaysKept: Set<String> = [
    "language", "page", "page-first", "citation-label", "title", "title-short", "journalAbbreviation",
  ]

  init(style: Style) {
    guard !style.variableWords.isEmpty else {
      kept = nil
      return
    }
    var kept = Self.alwaysKept
    for word in style.variableWords {
      kept.insert(word)
      kept.insert(word + "-short")
    }
    self.kept = kept
  }

  /// `reference` without the ordinary variables the style never reads.
  public func trimmed(_ reference: Reference) -> Reference {
    guard let kept else { return reference }
    return reference.keepingFields { kept.contains($0) }
  }
}

extension Processor {
  /// Drops from references the ordinary variables this style never reads; formatting a trimmed
  /// reference gives the same output as formatting the whole one.
  public var referenceTrimmer: ReferenceTrimmer { ReferenceTrimmer(style: style) }
}
