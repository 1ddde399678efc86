import CiteprocData
import CiteprocReaders
import Foundation
import Testing

/// Replays the inputs in Fixtures/fuzz/ris and Fixtures/fuzz/csljson with the checks of the fuzz
/// targets (Fuzz/fuzz-ris, Fuzz/fuzz-csljson).
@Suite struct FuzzRegressionTests {
  static func inputs(_ target: String) -> [URL] {
    let folder = TestSupport.fixtures.appendingPathComponent("fuzz/\(target)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test func risInputs() {
    for url in Self.inputs("ris") {
      let result = RISReader().read(TestSupport.bytes(url), file: url.lastPathComponent)
      let ids = Set(result.references.map(\.id))
      #expect(ids.count == result.references.count && !ids.contains(""), "\(url.lastPathComponent)")
      _ = CSLJSONWriter().write(result.references)
    }
  }

  @Test func cslJSONInputs() throws {
    let inputs = Self.inputs("csljson")
    try #require(!inputs.isEmpty)
    for url in inputs {
      let result = CSLJSONReader().read(TestSupport.bytes(url), file: url.lastPathComponent)
      var seen: Set<String> = []
      for reference in result.references where !seen.insert(reference.id).inserted {
        #expect(
          result.diagnostics.contains { $0.message.contains("id '\(reference.id)' is also used") },
          "\(url.lastPathComponent): duplicate id '\(reference.id)' without a warning")
      }
      let written = CSLJSONWriter().write(result.references)
      let again = CSLJSONReader().read(Array(written.utf8), file: "written.json")
      #expect(again.references.count == result.references.count && again.rejected.isEmpty)
    }
  }

  @Test func duplicateIDsAreReportedAtTheSecondItem() throws {
    let json = """
      [{"id": "a", "title": "One"},
       {"id": "b", "title": "Two"},
       {"id": "a", "title": "Three"}]
      """
    let result = CSLJSONReader().read(Array(json.utf8), file: "d.json")
    #expect(result.references.count == 3)
    #expect(
      result.diagnostics.map(\.description) == [
        "d.json:3: warning: id 'a' is also used by the item at line 1; only the last item with an id is cited by it"
      ])
  }
}
