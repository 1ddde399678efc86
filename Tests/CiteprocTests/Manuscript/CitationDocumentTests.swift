import Testing

@testable import Citeproc

@Suite struct CitationDocumentTests {
  func cluster(_ ids: String...) -> CitationCluster { CitationCluster(items: ids.map { CiteItem(id: $0) }) }

  @Test func insertingReturnsEveryChangedCitation() throws {
    var document = CitationDocument(
      processor: try ManuscriptFixture.processor("vancouver"), references: try ManuscriptFixture.references(),
      format: .text)
    #expect(document.insert(cluster("okafor2020"), id: "a", after: nil).map(\.text) == ["(1)"])
    #expect(document.insert(cluster("balint1964"), id: "b", after: "a").map(\.text) == ["(2)"])
    // A citation before both renumbers them all.
    let updates = document.insert(cluster("murray2019"), id: "c", after: nil)
    #expect(updates.map(\.id) == ["c", "a", "b"])
    #expect(updates.map(\.text) == ["(1)", "(2)", "(3)"])
    #expect(updates.map(\.index) == [0, 1, 2])
    // Citing an already-numbered work changes nothing else.
    #expect(
      document.set(cluster("balint1964"), id: "d", before: ["c", "a", "b"], after: []).map(\.text) == ["(3)"])
    #expect(document.remove(id: "c").map(\.text) == ["(1)", "(2)", "(2)"])
  }

  @Test func yearSuffixesAppearWhenTheSecondWorkIsCited() throws {
    var document = CitationDocument(
      processor: try ManuscriptFixture.processor("harvard"), references: try ManuscriptFixture.references(),
      format: .text)
    #expect(document.insert(cluster("hartley2018a"), id: "x", after: nil).map(\.text) == ["(Hartley, 2018)"])
    let updates = document.insert(cluster("hartley2018b"), id: "y", after: "x")
    #expect(updates.map(\.text) == ["(Hartley, 2018a)", "(Hartley, 2018b)"])
  }

  @Test func sixtyFourRenderingsAtOnce() async throws {
    let processor = try ManuscriptFixture.processor("harvard")
    let references = try ManuscriptFixture.references()
    let text = try ManuscriptFixture.text("paper.md")
    let expected = try ManuscriptFixture.text("expected/harvard.md")
    let documents = await withTaskGroup(of: String.self) { group in
      for _ in 0..<64 {
        group.addTask {
          Manuscript(text: text, file: "paper.md").render(processor: processor, references: references)
            .document
        }
      }
      var all: [String] = []
      for await document in group { all.append(document) }
      return all
    }
    #expect(documents.count == 64)
    #expect(documents.allSatisfy { $0 == expected })
  }
}
