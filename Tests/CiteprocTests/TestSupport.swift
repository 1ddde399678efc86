import Foundation

@testable import Citeproc

/// Paths of the project and of the shared reference data beside it.
enum TestPaths {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static var sharedExists: Bool { FileManager.default.fileExists(atPath: shared.path) }
  static func sharedPath(_ relative: String) -> String { shared.appendingPathComponent(relative).path }
}

/// The seed record as STYLES.md describes it, built by hand (independent of any reader).
let seedReference = Reference(
  id: "cocksedge2011", type: "article-journal",
  fields: [
    "title":
      "Holding relationships in primary care: a qualitative exploration of doctors' and patients' perceptions",
    "container-title": "British Journal of General Practice",
    "container-title-short": "Br J Gen Pract",
    "page": "e484-e491", "DOI": "10.3399/bjgp11X588457", "volume": "61", "issue": "589",
    "URL": "http://bjgp.org/content/61/589/e484.abstract",
  ],
  names: [
    "author": [
      Name(family: "Cocksedge", given: "Simon"), Name(family: "Greenfield", given: "Rebecca"),
      Name(family: "Nugent", given: "G Kelly"), Name(family: "Chew-Graham", given: "Carolyn"),
    ]
  ],
  dates: ["issued": CSLDate(year: 2011, month: 8, day: 1)])

func render(
  styleAt path: String, locale: String? = nil, _ references: [Reference],
  format: any OutputFormat = PlainTextFormatForTests()
) throws -> (bibliography: [String], citation: String) {
  let loaded = try StyleLoader().load(path)
  let (locale, _) = LocaleLoader(directory: TestPaths.sharedPath("csl-locales")).locale(
    for: loaded.style, language: locale)
  let processor = Processor(style: loaded.style, locale: locale)
  let bibliography = processor.bibliography(references).map { format.string(for: $0.content) }
  let citation = format.string(
    for: processor.citation(references.map { CiteItem(id: $0.id) }, references: references))
  return (bibliography, citation)
}

/// Minimal plain text output, so engine tests do not depend on the output formats.
struct PlainTextFormatForTests: OutputFormat {
  func string(for rendered: Rendered) -> String {
    switch rendered {
    case .text(let s): return s
    case .sequence(let items): return items.map { string(for: $0) }.joined()
    case .styled(_, let inner): return string(for: inner)
    case .display(let display, let inner): return string(for: inner) + (display == .leftMargin ? " " : "")
    }
  }
  func bibliography(_ entries: [BibliographyEntry], layout: BibliographyLayout) -> String {
    entries.map { $0.content.plainText }.joined(separator: "\n")
  }
}
