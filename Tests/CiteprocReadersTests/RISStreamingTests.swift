import CiteprocData
import CiteprocReaders
import Foundation
import Testing

/// Reading RIS in chunks gives what reading the whole input gives.
@Suite struct RISStreamingTests {
  static func chunked(_ bytes: [UInt8], size: Int) -> () -> [UInt8]? {
    var offset = 0
    return {
      guard offset < bytes.count else { return nil }
      defer { offset += size }
      return Array(bytes[offset..<min(bytes.count, offset + size)])
    }
  }

  static func samples() -> [(String, [UInt8])] {
    var inputs: [(String, [UInt8])] = [
      (
        "edge",
        Array(
          "junk\nAU  - Stray\r\nTY  - JOUR\r\nTI  - A\r\nER  - \rTY  - BOOK\nTI  - B\n\nTY  - X\nER  -\n".utf8
        )
      ),
      (
        "cp1252",
        Array("TY  - JOUR\nTI  - Caf".utf8) + [0xE9] + Array("\nER  - \nTY  - JOUR\nTI  - Two\nER  - \n".utf8)
      ),
      ("wos", Array("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nER\nEF\n".utf8)),
      ("empty", []),
    ]
    for url in [
      TestSupport.fixtures.appendingPathComponent("seed.ris"),
      TestSupport.fixtures.appendingPathComponent("seed-collapsed.ris"),
    ]
      + TestSupport.sampleFiles()
    {
      inputs.append((url.lastPathComponent, TestSupport.bytes(url)))
    }
    return inputs
  }

  @Test func chunksGiveTheSameResultAsTheWholeInput() {
    for (name, bytes) in Self.samples() {
      let whole = RISReader().read(bytes, file: name)
      for size in [1, 7, 100, 4096, 1 << 20] {
        let streamed = RISReader().read(file: name, chunks: Self.chunked(bytes, size: size))
        #expect(streamed.references == whole.references, "\(name), chunks of \(size)")
        #expect(streamed.rejected == whole.rejected, "\(name), chunks of \(size)")
        if name != "cp1252" {
          #expect(streamed.diagnostics == whole.diagnostics, "\(name), chunks of \(size)")
        }
      }
    }
  }

  @Test func batchesHandOverEveryRecordInOrder() {
    for (name, bytes) in Self.samples() {
      let whole = RISReader().read(bytes, file: name)
      for size in [7, 4096, 1 << 20] {
        var batches: [[Reference]] = []
        let streamed = RISReader().read(file: name, chunks: Self.chunked(bytes, size: size)) {
          batches.append($0)
        }
        // The same records, in order; only the generated keys may differ between batches.
        let handed = batches.joined().map { reference in
          var reference = reference
          reference.id = ""
          return reference
        }
        let expected = whole.references.map { reference in
          var reference = reference
          reference.id = ""
          return reference
        }
        #expect(handed == expected, "\(name), chunks of \(size)")
        #expect(!batches.contains { $0.isEmpty }, "\(name): an empty batch")
        #expect(streamed.references.isEmpty)
        #expect(streamed.rejected == whole.rejected, "\(name), chunks of \(size)")
        for batch in batches { #expect(Set(batch.map(\.id)).count == batch.count, "\(name): ids unique") }
      }
    }
  }

  @Test func oversizedRecordIsRejectedAndReadingGoesOn() throws {
    var text = "TY  - JOUR\nTI  - Before\nER  - \nTY  - JOUR\nTI  - Huge\n"
    text += String(repeating: "KW  - keyword keyword keyword\n", count: 40_000)
    text += "TY  - JOUR\nTI  - After\n"
    let reader = RISReader(maximumRecordSize: 100_000)
    let result = reader.read(file: "huge.ris", chunks: Self.chunked(Array(text.utf8), size: 65_536))
    #expect(result.references.map { $0.fields["title"] } == ["Before", "After"])
    #expect(
      result.rejected.map(\.description) == [
        "huge.ris:4: error: record is larger than 100000 bytes (no ER or TY line ends it); skipped"
      ])
    #expect(result.recordCount == 3)
    let after = try #require(result.diagnostics.first { $0.message.contains("no ER") })
    #expect(after.line == 40_006)
  }
}

@Suite struct RISReaderTransformTests {
  @Test func transformsEachReferenceAndKeepsTheGeneratedIDs() {
    let text = """
      TY  - JOUR
      TI  - First
      AU  - Smith, John
      PY  - 2001
      AB  - An abstract
      ER  - 

      TY  - JOUR
      ID  - shared
      TI  - Second
      AU  - Jones, Ann
      PY  - 2002
      ER  - 

      TY  - JOUR
      ID  - shared
      TI  - Third
      AU  - Jones, Ann
      PY  - 2003
      ER  - 

      """
    let plain = RISReader().read(Array(text.utf8), file: "t.ris")
    let transformed = RISReader(transform: { reference in
      var reference = reference
      reference.fields["abstract"] = nil
      reference.fields["title"] = reference.fields["title"].map { $0.uppercased() }
      // Generated keys come from the reference as read, not as transformed.
      reference.names["author"] = nil
      reference.dates["issued"] = nil
      return reference
    }).read(Array(text.utf8), file: "t.ris")
    #expect(plain.references.map(\.id) == transformed.references.map(\.id))
    #expect(plain.references.map(\.id).count == 3)
    #expect(transformed.references.map { $0.fields["title"] } == ["FIRST", "SECOND", "THIRD"])
    #expect(plain.references[0].fields["abstract"] == "An abstract")
    #expect(transformed.references[0].fields["abstract"] == nil)
  }
}
