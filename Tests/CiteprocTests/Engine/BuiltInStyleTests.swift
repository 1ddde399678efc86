import CiteprocReaders
import Foundation
import Testing

@testable import Citeproc

/// Renders `references` with a style (built-in name or path); locales come from the built-ins, or
/// from `localesDirectory` when given.
private func makeProcessor(_ style: String, locale: String? = nil, localesDirectory: String? = nil) throws
  -> Processor
{
  let loaded = try StyleLoader().load(style)
  let (resolved, _) = LocaleLoader(directory: localesDirectory).locale(for: loaded.style, language: locale)
  return Processor(style: loaded.style, locale: resolved)
}

private func run(
  _ style: String, _ references: [Reference], locale: String? = nil, localesDirectory: String? = nil,
  format: any OutputFormat = PlainTextFormat()
) throws -> (entries: [String], citation: String) {
  try run(
    makeProcessor(style, locale: locale, localesDirectory: localesDirectory), references, format: format)
}

private func run(
  _ processor: Processor, _ references: [Reference], format: any OutputFormat = PlainTextFormat()
)
  -> (entries: [String], citation: String)
{
  let entries = processor.bibliography(references).map { format.string(for: $0.content) }
  let citation = format.string(
    for: processor.citation(references.map { CiteItem(id: $0.id) }, references: references))
  return (entries, citation)
}

private func seedReferences(_ file: String) throws -> [Reference] {
  let path = TestPaths.packageRoot.appendingPathComponent("Fixtures/\(file)").path
  let data = try #require(FileManager.default.contents(atPath: path))
  return RISReader().read(Array(data), file: file).references
}

/// The seed in the three built-in styles, exactly as STYLES.md gives it (no ../shared needed).
@Suite struct BuiltInSeedTests {
  static let vancouver =
    "1. Cocksedge S, Greenfield R, Nugent GK, Chew-Graham C. Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions. Br J Gen Pract. 2011 Aug 1;61(589):e484–91. doi:10.3399/bjgp11X588457"
  static let harvard =
    "Cocksedge, S. et al. (2011) ‘Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions’, British Journal of General Practice, 61(589), pp. e484–e491. Available at: https://doi.org/10.3399/bjgp11X588457."
  static let harvardHTML = """
    <div class="csl-bib-body">
      <div class="csl-entry">Cocksedge, S. <i>et al.</i> (2011) ‘Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions’, <i>British Journal of General Practice</i>, 61(589), pp. e484–e491. Available at: https://doi.org/10.3399/bjgp11X588457.</div>
    </div>

    """
  static let bjgp =
    "1. Cocksedge S, Greenfield R, Nugent GK, Chew-Graham C. Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions. Br J Gen Pract 2011; 61(589): e484–e491."

  @Test(arguments: ["seed.ris", "seed-collapsed.ris"])
  func seedInEveryStyle(file: String) throws {
    let references = try seedReferences(file)
    #expect(references.count == 1)
    let vancouver = try run("vancouver", references)
    #expect(vancouver.entries == [Self.vancouver])
    #expect(vancouver.citation == "(1)")
    let harvard = try run("harvard", references)
    #expect(harvard.entries == [Self.harvard])
    #expect(harvard.citation == "(Cocksedge et al., 2011)")
    let bjgp = try run("bjgp", references)
    #expect(bjgp.entries == [Self.bjgp])
    #expect(bjgp.citation == "¹")
    #expect(try run("bjgp", references, format: HTMLFormat()).citation == "<sup>1</sup>")
  }

  @Test func harvardHTML() throws {
    let references = try seedReferences("seed-collapsed.ris")
    let loaded = try StyleLoader().load("harvard")
    let (locale, _) = LocaleLoader().locale(for: loaded.style)
    let processor = Processor(style: loaded.style, locale: locale)
    let html = HTMLFormat().bibliography(
      processor.bibliography(references), layout: processor.bibliographyLayout)
    #expect(html == Self.harvardHTML)
  }
}

/// The built-in styles give the same text as the official styles they encode, record by record,
/// on every RIS sample and on the 300 reference items.
@Suite(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles and samples not available"))
struct BuiltInStyleEquivalenceTests {
  static func inputs() throws -> [(String, [Reference])] {
    var inputs: [(String, [Reference])] = []
    let samples = TestPaths.sharedPath("ris-samples")
    for name in try FileManager.default.contentsOfDirectory(atPath: samples).sorted()
    where name.hasSuffix(".ris") {
      let data = try #require(FileManager.default.contents(atPath: samples + "/" + name))
      inputs.append((name, RISReader().read(Array(data), file: name).references))
    }
    let items = try #require(
      FileManager.default.contents(atPath: TestPaths.sharedPath("reference-outputs/items.json")))
    inputs.append(("items.json", CSLJSONReader().read(Array(items), file: "items.json").references))
    return inputs
  }

  func compare(_ ours: String, _ official: String, locale: String?) throws {
    let locales = TestPaths.sharedPath("csl-locales")
    let ourProcessor = try makeProcessor(ours, locale: locale, localesDirectory: locales)
    let officialProcessor = try makeProcessor(official, locale: locale, localesDirectory: locales)
    var compared = 0
    for (name, references) in try Self.inputs() where !references.isEmpty {
      for reference in references {
        let a = run(ourProcessor, [reference])
        let b = run(officialProcessor, [reference])
        #expect(a.entries == b.entries, "\(name) \(reference.id)")
        #expect(a.citation == b.citation, "\(name) \(reference.id) citation")
        compared += 1
      }
    }
    #expect(compared > 400)
  }

  @Test func vancouverMatchesNLMCitationSequence() throws {
    try compare("vancouver", TestPaths.sharedPath("csl-styles/nlm-citation-sequence.csl"), locale: nil)
  }

  @Test func harvardMatchesCiteThemRightInBritishEnglish() throws {
    try compare("harvard", TestPaths.sharedPath("csl-styles/harvard-cite-them-right.csl"), locale: "en-GB")
  }
}
