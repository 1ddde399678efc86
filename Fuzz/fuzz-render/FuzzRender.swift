import Citeproc
import CiteprocData
import CiteprocReaders

/// Fixed records with most kinds of data a style can ask for.
private let records: [Reference] = {
  let json = """
    [
      {"id": "a", "type": "article-journal", "title": "The Art of <i>Fuzzing</i>: a review",
       "author": [{"family": "Smith", "given": "John A."}, {"family": "van der Berg", "given": "Anna",
       "non-dropping-particle": "van der"}, {"literal": "WHO Consortium"}],
       "editor": [{"family": "Jones", "given": "Mary"}], "container-title": "Journal of Tests",
       "container-title-short": "J Tests", "volume": "12", "issue": "3", "page": "101-119",
       "issued": {"date-parts": [[2020, 5, 17]]}, "accessed": {"date-parts": [[2021, 1, 2]]},
       "DOI": "10.1000/xyz", "URL": "https://example.org/a", "edition": "2", "language": "en-GB",
       "publisher": "Example Press", "publisher-place": "London", "number-of-pages": "300"},
      {"id": "b", "type": "book", "title": "A second book", "author": [{"family": "Smith", "given": "John"}],
       "issued": {"date-parts": [[2020]]}, "collection-title": "Series", "collection-number": "4",
       "translator": [{"family": "Müller", "given": "Jürgen"}], "ISBN": "978-3-16-148410-0"},
      {"id": "c", "type": "chapter", "title": "Third", "author": [{"family": "Smith", "given": "J."}],
       "issued": {"date-parts": [[2020, 1], [2021, 2]]}, "status": "in press",
       "citation-label": "Smi20", "genre": "Thesis", "note": "original-date: 1999"}
    ]
    """
  return CSLJSONReader().read(Array(json.utf8), file: "records.json").references
}()

/// libFuzzer entry point: any bytes as a style, rendered against the fixed records in every output
/// format, as a bibliography and as citations.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let loaded = try? StyleLoader().load(bytes: bytes, file: "fuzz.csl") else { return 0 }
  let (locale, _) = LocaleLoader().locale(for: loaded.style)
  let processor = Processor(style: loaded.style, locale: locale)
  let clusters = [
    CitationCluster(items: [CiteItem(id: "a"), CiteItem(id: "b", locator: "12-14")]),
    CitationCluster(items: [CiteItem(id: "a", locator: "3")]),
    CitationCluster(items: [CiteItem(id: "c", prefix: "see ", suppressAuthor: true)]),
  ]
  let document = processor.render(references: records, clusters: clusters)
  for name in ["text", "html", "rtf", "markdown"] {
    guard let format = OutputFormats.named(name) else { continue }
    for citation in document.citations { _ = format.string(for: citation) }
    _ = format.bibliography(document.bibliography, layout: processor.bibliographyLayout)
  }
  return 0
}

/// libFuzzer's driver, run from this module's entry point.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The executable's entry point (the package manager links an executable module's `main` under
/// this name).
@_cdecl("fuzz_render_main")
public func fuzz_renderMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments) { data, size in fuzzRender(data, size) }
}
