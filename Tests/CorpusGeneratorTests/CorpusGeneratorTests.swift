import CiteprocData
import CiteprocReaders
import CorpusGenerator
import Testing

@Suite struct CorpusGeneratorTests {
  @Test func sameSeedGivesTheSameBytes() {
    let first = CorpusFormat.ris.encode(CorpusGenerator(seed: 7).references(count: 300))
    let second = CorpusFormat.ris.encode(CorpusGenerator(seed: 7).references(count: 300))
    #expect(first == second)
    let json = CorpusFormat.json.encode(CorpusGenerator(seed: 7).references(count: 300))
    #expect(json == CorpusFormat.json.encode(CorpusGenerator(seed: 7).references(count: 300)))
    #expect(first != CorpusFormat.ris.encode(CorpusGenerator(seed: 8).references(count: 300)))
  }

  @Test func aLargerCorpusExtendsASmallerOne() {
    let small = CorpusGenerator(seed: 3).references(count: 50)
    let large = CorpusGenerator(seed: 3).references(count: 120)
    #expect(Array(large.prefix(50)) == small)
  }

  @Test func generatedRISReadsBackWithoutRejections() {
    let references = CorpusGenerator(seed: 1).references(count: 1_000)
    let result = RISReader().read(Array(CorpusFormat.ris.encode(references).utf8), file: "corpus.ris")
    #expect(result.rejected.isEmpty)
    #expect(result.references.count == references.count)
    #expect(Set(result.references.map(\.type)) == Set(references.map(\.type)))
    for (read, generated) in zip(result.references, references) {
      #expect(read.names["author"]?.count == generated.names["author"]?.count)
      #expect(read.dates["issued"] == generated.dates["issued"])
    }
  }

  @Test func generatedCSLJSONReadsBackToTheSameReferences() {
    let references = CorpusGenerator(seed: 1).references(count: 500)
    let result = CSLJSONReader().read(Array(CorpusFormat.json.encode(references).utf8), file: "corpus.json")
    #expect(result.rejected.isEmpty)
    #expect(result.references == references)
  }

  @Test func theCorpusIsVaried() {
    let references = CorpusGenerator(seed: 1).references(count: 2_000)
    let types = Set(references.map(\.type))
    #expect(types == ["article-journal", "book", "chapter", "report", "webpage", "thesis"])
    let authorCounts = references.compactMap { $0.names["author"]?.count }
    #expect(authorCounts.min() == 1)
    #expect(authorCounts.max() == 30)
    let names = references.flatMap { $0.names["author"] ?? [] }
    #expect(names.contains { $0.nonDroppingParticle != nil })
    #expect(names.contains { ($0.family ?? "").contains("-") })
    #expect(names.contains { ($0.family ?? "").unicodeScalars.contains { !$0.isASCII } })
    let dates = references.compactMap { $0.dates["issued"]?.start }
    #expect(dates.contains { $0.month == nil } && dates.contains { $0.day != nil })
    #expect(references.contains { $0.fields["DOI"] != nil })
  }
}
