import Foundation
import TestSupport
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
    // The project's fixtures alone hold over ten record starts; with the shared samples, over 20.
    #expect(found > (TestSupport.hasRISSamples ? 20 : 10))
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

  @Test func lineFeedCountsEqualByteCounts() {
    var random = TestRandom(seed: 11)
    var inputs = Self.inputs()
    let alphabet: [UInt8] = [
      0x0A, 0x0B, 0x09, 0x0D, 0x8A, 0x00, 0xFF, 0x7F, 0x80, 0x01, 0x41, 0xC3, 0xA9, 0x20,
    ]
    for length in 0..<40 {
      for _ in 0..<25 { inputs.append((0..<length).map { _ in alphabet[random.next(alphabet.count)] }) }
    }
    for bytes in inputs {
      for offset in 0..<min(bytes.count, 9) {
        let expected = bytes[offset...].filter { $0 == 0x0A }.count
        let counted = bytes.withUnsafeBufferPointer {
          RISReader.lineFeedCount(UnsafeBufferPointer(rebasing: $0[offset...]))
        }
        #expect(counted == expected, "\(bytes) from \(offset)")
      }
    }
  }

  /// Text cut at TY lines is clean piece by piece exactly when it is clean as a whole, so the
  /// reader may check the pieces on their own.
  @Test func piecesAreCleanExactlyWhenTheWholeIs() {
    let lines: [[UInt8]] = [
      Array("TY  - JOUR\n".utf8), Array("AU  - Müller, Jörg\n".utf8), Array("TI  - plain\n".utf8),
      Array("ER  - \n".utf8), Array("TY  - BOOK\r\n".utf8), [0x0D], [0x09], [0x00], [0x7F], [0xC2, 0xA0],
      [0xE2, 0x80, 0xA8], [0xE2, 0x80], [0xE9], [0xC3], [0xF0, 0x9F, 0x98, 0x80], [0xF0, 0x9F], [0x0A],
      Array("xyz".utf8),
    ]
    var random = TestRandom(seed: 5)
    var clean = 0
    for _ in 0..<3000 {
      var text: [UInt8] = []
      for _ in 0..<(1 + random.next(30)) {
        // Mostly whole lines, sometimes odd bytes inside them.
        text += random.next(3) == 0 ? lines[random.next(lines.count)] : lines[random.next(4)]
      }
      let whole = text.withUnsafeBufferPointer { RISTextDecoder.isClean($0, from: 0) }
      for spacing in [1, 16, 64] {
        let bounds = RISTokenizer.pieceBounds(text, in: 0..<text.count, spacing: spacing)
        let pieces = text.withUnsafeBufferPointer { buffer in
          (0..<(bounds.count - 1)).allSatisfy { index in
            RISTextDecoder.isClean(
              UnsafeBufferPointer(rebasing: buffer[bounds[index]..<bounds[index + 1]]), from: 0)
          }
        }
        #expect(pieces == whole, "\(text) \(spacing)")
      }
      if whole { clean += 1 }
    }
    #expect(clean > 300 && clean < 2700, "\(clean)")
  }
}
