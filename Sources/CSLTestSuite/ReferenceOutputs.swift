import Citeproc
import CiteprocData
import CiteprocReaders
import Foundation

/// Compares the engine with the reference processor's outputs in `reference-outputs/`: 300 items
/// in 12 official styles, bibliographies in text and HTML and one citation per item.
package struct ReferenceOutputComparison: Sendable {
  package struct Row: Sendable {
    package var name: String
    package var kind: String
    package var matched: Int
    package var total: Int
    package var differences: [(expected: String, actual: String)]
  }

  package var directory: String
  package var stylesDirectory: String
  package var localesDirectory: String

  /// Whether the items are trimmed to the variables each style reads (see ``ReferenceTrimmer``).
  let trimsReferences: Bool

  package init(
    directory: String, stylesDirectory: String, localesDirectory: String, trimsReferences: Bool = false
  ) {
    self.trimsReferences = trimsReferences
    self.directory = directory
    self.stylesDirectory = stylesDirectory
    self.localesDirectory = localesDirectory
  }

  /// The output files present, as (style file name, locale, file prefix).
  package func styles() -> [(style: String, locale: String?, prefix: String)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var prefixes = Set<String>()
    for name in names where name.hasSuffix(".bibliography.text.txt") {
      prefixes.insert(String(name.dropLast(".bibliography.text.txt".count)))
    }
    return prefixes.sorted().map { prefix in
      if prefix.hasSuffix("-en-GB") { return (String(prefix.dropLast(6)), "en-GB", prefix) }
      return (prefix, nil, prefix)
    }
  }

  package func compare() throws -> [Row] {
    guard let data = FileManager.default.contents(atPath: directory + "/items.json") else {
      throw ComparisonError(message: "cannot read \(directory)/items.json")
    }
    let allItems = CSLJSONReader().read(Array(data), file: "items.json").references
    var rows: [Row] = []
    for (styleName, localeName, prefix) in styles() {
      let path = stylesDirectory + "/" + styleName + ".csl"
      let loaded = try StyleLoader().load(path)
      let (locale, _) = LocaleLoader(directory: localesDirectory).locale(
        for: loaded.style, language: localeName)
      let processor = Processor(style: loaded.style, locale: locale)
      let trimmer = processor.referenceTrimmer
      let items = trimsReferences ? allItems.map(trimmer.trimmed) : allItems

      let bibliography = processor.bibliography(items)
      let text = PlainTextFormat()
      let actualText = bibliography.map { text.string(for: $0.content) }
      rows.append(
        row(
          prefix, "bibliography text", expected: lines(prefix + ".bibliography.text.txt"), actual: actualText)
      )

      let html = HTMLFormat().bibliography(bibliography, layout: processor.bibliographyLayout)
      let htmlLines = html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      rows.append(
        row(
          prefix, "bibliography html", expected: lines(prefix + ".bibliography.html.txt"), actual: htmlLines))

      let citationsFile = prefix + ".citations.text.txt"
      if FileManager.default.fileExists(atPath: directory + "/" + citationsFile) {
        let clusters = items.map { CitationCluster(items: [CiteItem(id: $0.id)]) }
        let output = processor.render(references: items, clusters: clusters)
        let actual = output.citations.map { text.string(for: $0) }
        rows.append(row(prefix, "citations", expected: lines(citationsFile), actual: actual))
      }
    }
    return rows
  }

  private func lines(_ file: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: directory + "/" + file),
      let text = String(data: data, encoding: .utf8)
    else { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  private func row(_ name: String, _ kind: String, expected: [String], actual: [String]) -> Row {
    var actual = actual
    while actual.last == "" { actual.removeLast() }
    var matched = 0
    var differences: [(String, String)] = []
    for index in 0..<max(expected.count, actual.count) {
      let e = index < expected.count ? expected[index] : ""
      let a = index < actual.count ? actual[index] : ""
      if e == a { matched += 1 } else { differences.append((e, a)) }
    }
    return Row(
      name: name, kind: kind, matched: matched, total: max(expected.count, actual.count),
      differences: differences)
  }
}

package struct ComparisonError: Error, Sendable {
  package var message: String
}
