import Foundation
import Testing

@testable import CiteprocReaders

@Suite struct RISReaderScanTests {
  static func inputs() -> [[UInt8]] {
    var result: [[UInt8]] = [
      [], Array("T".utf8), Array("TY".utf8), Array("TY  - JOUR".utf8), Array("TY  - JOUR\n".utf8),
      Array("TY  - JOUR\r".utf8), Array("x\rTY  - JOUR\r\nTI  - a\rTY  - BOOK\r\n".utf8),
      Array("TY  - JOUR\nTY  - BOOK".utf8), Array("TY  - JOUR\nTY  - BOOK\n".utf8),
      Array("TYPE\nTY - X\n".utf8),
    ]
    for directory in [TestSupport.fixtures, TestSupport.risSamples] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".ris") {
        let bytes = TestSupport.bytes(directory.appendingPathComponent(name))
        result.append(bytes)
        // Cut at several places, as chunks are, often inside a line.
        for cut in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 7)) {
          result.append(Array(bytes[..<cut]))
        }
      }
    }
    return result
  }

  @Test func lastRecordStartEqualsTheLastOfAll() {
    var found = 0
    for bytes in Self.inputs() {
      for from in [0, 1] {
        let expected = RISReader.recordStarts(in: bytes, from: from).last
        #expect(RISReader.lastRecordStart(in: bytes, from: from) == expected)
        if expected != nil { found += 1 }
      }
    }
    #expect(found > 20)
  }

  @Test func lineCountsOfAnyLineEnds() {
    for bytes in Self.inputs() + [Array("a\r\n\r\rb\n\r".utf8), Array("\r".utf8), Array("\n\n".utf8)] {
      var expected = 0
      for index in bytes.indices {
        if bytes[index] == 0x0A
          || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
        {
          expected += 1
        }
      }
      #expect(RISReader.lineCount(bytes[...]) == expected)
    }
    #expect(RISReader.lineCount(Array("a\r\n\r\rb\n\r".utf8)[...]) == 5)
  }
}
