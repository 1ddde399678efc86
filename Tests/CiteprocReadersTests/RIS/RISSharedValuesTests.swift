import CiteprocData
import CiteprocReaders
import Testing

/// The records of one input share the storage of the long values they repeat.
struct RISSharedValuesTests {
  private func storage(_ text: String?) -> UnsafeRawPointer? {
    guard var copy = text else { return nil }
    return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  private let input = Array(
    """
    TY  - JOUR
    TI  - First article on a subject
    T2  - British Journal of General Practice
    PB  - Royal College of General Practitioners
    ER  - 
    TY  - JOUR
    TI  - Second article on a subject
    T2  - British Journal of General Practice
    PB  - Royal College of General Practitioners
    ER  - 

    """.utf8)

  private func check(_ references: [Reference]) {
    #expect(references.count == 2)
    guard references.count == 2 else { return }
    let (first, second) = (references[0], references[1])
    #expect(first.field("container-title") == "British Journal of General Practice")
    #expect(storage(first.field("container-title")) == storage(second.field("container-title")))
    #expect(storage(first.field("publisher")) == storage(second.field("publisher")))
    #expect(storage(first.field("title")) != storage(second.field("title")))
  }

  @Test func readWhole() {
    check(RISReader().read(input, file: "t.ris").references)
  }

  /// Records mapped on several threads at once share too: each thread has a table of its own,
  /// so an equal value is stored at most once for each core.
  @Test func readOnAllCores() {
    var text = ""
    for number in 0..<4000 {
      text += "TY  - JOUR\nTI  - Article number \(number) on a subject\n"
      text += "T2  - British Journal of General Practice\nPY  - 2011\nER  - \n"
    }
    let references = RISReader().read(Array(text.utf8), file: "t.ris").references
    #expect(references.count == 4000)
    #expect(references.allSatisfy { $0.field("container-title") == "British Journal of General Practice" })
    let storages = Set(references.compactMap { storage($0.field("container-title")) })
    #expect(storages.count <= Parallel.workerLimit)
  }

  /// Records read in different chunks share too.
  @Test func readInChunks() {
    var chunks = [Array(input[..<140]), Array(input[140...])]
    chunks.reverse()
    check(RISReader().read(file: "t.ris") { chunks.popLast() }.references)
  }
}

/// CSL-JSON items of one input share them too.
struct CSLJSONSharedValuesTests {
  @Test func itemsShareRepeatedValues() {
    let json = """
      [{"id": "a", "type": "article-journal", "title": "First article on a subject",
        "container-title": "British Journal of General Practice"},
       {"id": "b", "type": "article-journal", "title": "First article on a subject",
        "container-title": "British Journal of General Practice"}]
      """
    let references = CSLJSONReader().read(Array(json.utf8), file: "t.json").references
    #expect(references.count == 2)
    guard references.count == 2 else { return }
    func storage(_ text: String?) -> UnsafeRawPointer? {
      guard var copy = text else { return nil }
      return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }
    #expect(references[0].field("container-title") == "British Journal of General Practice")
    #expect(
      storage(references[0].field("container-title")) == storage(references[1].field("container-title")))
    #expect(storage(references[0].field("title")) != storage(references[1].field("title")))
  }
}
