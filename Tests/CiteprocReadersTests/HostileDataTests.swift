import CiteprocData
import CiteprocReaders
import Foundation
import Testing

/// Inputs from broken or hostile exporters: every record is accounted for and nothing crashes.
/// (Scripts/stress.sh runs the same shapes at 500 MB and 1 GB.)
@Suite struct HostileDataTests {
  @Test func risWithInvalidUTF8AndNULBytes() throws {
    var bytes: [UInt8] = []
    for index in 0..<50 {
      bytes +=
        Array("TY  - JOUR\nTI  - Title \(index) ".utf8) + [0x00, 0xFF, 0xC3, 0x28, 0x00, 0xED, 0xA0, 0x80]
      bytes += Array("\nAU  - Name\(index), A.\u{0}\nPY  - 2020\nER  - \n".utf8) + [0x00, 0x00, 0x0A]
    }
    let result = RISReader().read(bytes, file: "bad.ris")
    #expect(result.references.count == 50)
    #expect(result.references.allSatisfy { $0.fields["title"]?.hasPrefix("Title ") == true })
    #expect(result.diagnostics.contains { $0.message.contains("not valid UTF-8") })
  }

  @Test func cslJSONWithInvalidUTF8AndNULBytes() throws {
    let items = [
      Array(#"[{"id": "a", "title": "x\u0000y", "author": [{"family": "A\u0000"}]},"#.utf8),
      Array(#" {"id": "b", "title": "bad "#.utf8) + [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80]
        + Array(#""},"#.utf8),
      Array(#" {"id": "c", "title": "nul "#.utf8) + [0x00] + Array(#""},"#.utf8),
      Array(#" {"id": "d", "title": "\ud800 lone surrogate"}]"#.utf8),
    ].flatMap { $0 }
    let result = CSLJSONReader().read(items, file: "bad.json")
    #expect(result.recordCount >= 1)
    #expect(!result.allDiagnostics.isEmpty)
    // The whole array is one JSON value: either every item is read or the file is one error.
    #expect(result.references.count == 4 || result.rejected.count == 1)
  }

  @Test func tenMegabytesOfTagLinesWithoutER() throws {
    var text = "TY  - JOUR\nTI  - The only record\n"
    let line = "KW  - keyword number one two three\n"
    text += String(repeating: line, count: 10_000_000 / line.utf8.count)
    let result = RISReader().read(Array(text.utf8), file: "long.ris")
    #expect(result.recordCount == 1)
    #expect(result.diagnostics.contains { $0.message.contains("no ER line") })
  }

  @Test func tenMegabytesOfTagLinesOutsideAnyRecord() {
    let line = "AU  - Stray, Tag\n"
    let text =
      String(repeating: line, count: 10_000_000 / line.utf8.count) + "TY  - JOUR\nTI  - Last\nER  - \n"
    let result = RISReader().read(Array(text.utf8), file: "stray.ris")
    #expect(result.references.count == 1)
    #expect(result.diagnostics.contains { $0.message.contains("tag lines outside any record") })
  }

  @Test func risRecordWithTenThousandAuthorsAndATenMegabyteField() throws {
    var text = "TY  - JOUR\n"
    for index in 0..<10_000 { text += "AU  - Author\(index), Given\n" }
    text += "TI  - " + String(repeating: "long title ", count: 1_000_000) + "\nPY  - 2020\nER  - \n"
    let result = RISReader().read(Array(text.utf8), file: "big.ris")
    try #require(result.references.count == 1)
    #expect(result.references[0].names["author"]?.count == 10_000)
    #expect((result.references[0].fields["title"]?.utf8.count ?? 0) >= 10_000_000)
  }

  @Test func cslJSONItemWithTenThousandAuthorsAndATenMegabyteField() throws {
    let authors = (0..<10_000).map { #"{"family": "Author\#($0)", "given": "G"}"# }.joined(separator: ",")
    let json =
      #"[{"id": "big", "type": "book", "author": [\#(authors)], "title": ""#
      + String(repeating: "long title ", count: 1_000_000) + #""}]"#
    let result = CSLJSONReader().read(Array(json.utf8), file: "big.json")
    try #require(result.references.count == 1)
    #expect(result.references[0].names["author"]?.count == 10_000)
  }

  @Test func risDatesOutOfRange() throws {
    let dates = [
      "99999/99/99", "2020/99/99", "0000/00/00", "-5/1/1", "9999999999999999999999/01/01", "2020/13/32/x",
      "2020/02/30", "99999", "1e309", "2020-99-99", "20209999",
    ]
    let text = dates.map { "TY  - JOUR\nTI  - T\nPY  - \($0)\nDA  - \($0)\nY2  - \($0)\nER  - \n" }.joined()
    let result = RISReader().read(Array(text.utf8), file: "dates.ris")
    #expect(result.recordCount == dates.count)
    for reference in result.references {
      if let date = reference.dates["issued"], let month = date.start?.month {
        #expect((1...12).contains(month))
      }
    }
  }

  @Test func cslJSONDatesOutOfRange() throws {
    let values = [
      #"{"date-parts": [[99999, 99, 99]]}"#, #"{"raw": "99999/99/99"}"#,
      #"{"date-parts": [[1e308, -1e308]]}"#,
      #"{"date-parts": [["9223372036854775808", "-9223372036854775809", 1.5]]}"#,
      #"{"literal": "99999/99/99"}"#,
      #"{"date-parts": [[2020, 1, 1], [99999999999, 99]]}"#, #"{"date-parts": [[]]}"#, #"{"date-parts": []}"#,
      #"{"season": 99, "date-parts": [[2020]]}"#, #""99999/99/99""#, #"99999"#,
      #"{"date-parts": [[-9223372036854775808]]}"#,
    ]
    let json =
      "["
      + values.enumerated().map { #"{"id": "d\#($0.offset)", "issued": \#($0.element)}"# }.joined(
        separator: ",") + "]"
    let result = CSLJSONReader().read(Array(json.utf8), file: "dates.json")
    #expect(result.references.count == values.count)
  }
}
