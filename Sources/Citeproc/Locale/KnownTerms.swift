import CiteprocData

/// The term names CSL 1.0.2 defines. A style may use others (a later CSL version's terms); the
/// compiler only warns about them.
enum KnownTerms {
  static let misc: Set<String> = [
    "accessed", "act", "ad", "advance-online-publication", "album", "and", "and others", "anonymous",
    "appendix", "article-locator", "at", "audio-recording", "available at", "bc", "bce", "book", "by",
    "canon", "ce", "chapter", "circa", "cited", "close-inner-quote", "close-quote", "colon", "column",
    "comma", "edition", "editortranslator", "elocation", "equation", "et-al", "figure", "film", "folio",
    "forthcoming", "from", "henceforth", "ibid", "in", "in press", "internet", "interview", "letter",
    "line", "loc-cit", "no date", "no-place", "no-publisher", "note", "number", "on", "online", "op-cit",
    "open-inner-quote", "open-quote", "opus", "original-work-published", "page", "page-range-delimiter",
    "paragraph", "part", "personal-communication", "podcast", "podcast-episode", "preprint", "presented at",
    "printing", "radio-broadcast", "radio-series", "radio-series-episode", "reference", "retrieved",
    "review-of", "rule", "scale", "scene", "section", "semicolon", "special-issue", "special-section",
    "sub verbo", "sub-verbo", "supplement", "table", "television-broadcast", "television-series",
    "television-series-episode", "timestamp", "title-locator", "verse", "version", "video", "volume",
    "working-paper", "ordinal",
  ]

  static func isKnown(_ name: String) -> Bool {
    if misc.contains(name) || CSLVariables.names.contains(name) || CSLVariables.types.contains(name)
      || CSLVariables.numbers.contains(name)
    {
      return true
    }
    for prefix in ["ordinal-", "long-ordinal-", "month-", "season-"] where name.hasPrefix(prefix) {
      return Int(name.dropFirst(prefix.count)) != nil
    }
    return false
  }
}
