import CiteprocReaders
import Foundation

@testable import Citeproc

enum ManuscriptFixture {
  static let folder = TestPaths.packageRoot.appendingPathComponent("Fixtures/manuscript")

  static func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  static func references() throws -> [Reference] {
    let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("refs.ris")))
    return RISReader().read(bytes, file: "refs.ris").references
  }

  static func processor(_ style: String) throws -> Processor {
    let loaded = try StyleLoader().load(style)
    let (locale, _) = LocaleLoader(directory: TestPaths.sharedPath("csl-locales")).locale(for: loaded.style)
    return Processor(style: loaded.style, locale: locale)
  }

  static func render(
    _ text: String, style: String, format: ManuscriptFormat = .markdown, nocite: [String] = [],
    allowMissing: Bool = false, references: [Reference]? = nil
  ) throws -> ManuscriptResult {
    Manuscript(text: text, file: "paper.md").render(
      processor: try processor(style), references: try references ?? Self.references(),
      options: ManuscriptOptions(format: format, nocite: nocite, allowMissing: allowMissing))
  }
}
