/// The variable names of CSL 1.0.2, by kind. Readers and the engine use these to decide where a
/// value belongs.
public enum CSLVariables {
  public static let names: Set<String> = [
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
    "curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host",
    "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
    "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
  ]

  public static let dates: Set<String> = [
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
  ]

  /// The ordinary (text) variables: those that are neither numbers, names nor dates.
  public static let ordinary: Set<String> = [
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "citation-key", "citation-label", "collection-title", "container-title",
    "container-title-short", "dimensions", "division", "DOI", "event", "event-place", "event-title",
    "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language", "license", "medium", "note",
    "original-publisher", "original-publisher-place", "original-title", "part-title", "PMCID", "PMID",
    "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "source",
    "status", "title", "title-short", "URL", "volume-title", "year-suffix",
  ]

  public static let numbers: Set<String> = [
    "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
    "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
    "part-number", "printing-number", "section", "supplement-number", "version", "volume",
  ]

  /// The CSL 1.0.2 item types.
  public static let types: Set<String> = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
  ]
}
