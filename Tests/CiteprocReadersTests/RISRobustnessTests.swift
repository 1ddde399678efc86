import CiteprocData
import CiteprocReaders
import Testing

/// Inputs that must never crash the reader, and the encoding fallback.
@Suite struct RISRobustnessTests {
  @Test func windows1252FallbackWarns() throws {
    let bytes: [UInt8] =
      Array("TY  - JOUR\nTI  - Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("\nER  - \n".utf8)
    let result = RISReader().read(bytes, file: "legacy.ris")
    try #require(result.references.count == 1)
    #expect(result.references[0].fields["title"] == "Café “q”")
    #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("Windows-1252") })
  }

  @Test func nulBytesAndControlsAreDropped() throws {
    let bytes: [UInt8] = Array("TY  - JOUR\nTI  - A".utf8) + [0x00, 0x15, 0x02] + Array("B\nER  - \n".utf8)
    let result = RISReader().read(bytes, file: "nul.ris")
    #expect(result.references.first?.fields["title"] == "AB")
  }

  @Test func emptyAndTinyInputs() {
    for text in ["", "\n", "TY", "TY  -", "ER  -", "\u{FEFF}", "TY - ", "TY  - JOUR"] {
      let result = TestSupport.read(text)
      #expect(result.references.isEmpty)
      #expect(result.allDiagnostics.contains { $0.severity == .error })
    }
  }

  @Test func pseudoRandomBytesNeverCrashAndEveryRecordIsCounted() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    let pieces: [[UInt8]] = [
      Array("TY  - JOUR\n".utf8), Array("TY - JOUR ".utf8), Array("AU  - ".utf8), Array("ER  - \n".utf8),
      Array("PY  - 20".utf8), Array(" T1 - ".utf8), [0x00], [0xFF], [0xE2, 0x80], [0x0D], [0x0A],
      [0xC3, 0xA9],
      Array("SP  - e1-e".utf8), Array("DO  - 10.1/x".utf8), Array(",".utf8),
    ]
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(next() % 60) {
        if next() % 3 == 0 {
          bytes.append(UInt8(truncatingIfNeeded: next()))
        } else {
          bytes.append(contentsOf: pieces[Int(next() % UInt64(pieces.count))])
        }
      }
      let result = RISReader().read(bytes, file: "fuzz.ris")
      #expect(result.references.count + result.rejected.count >= 0)
      #expect(Set(result.references.map(\.id)).count == result.references.count)
    }
  }

  @Test func largeInputIsReadCompletely() {
    var text = ""
    for index in 0..<5000 {
      text += "TY  - JOUR\nAU  - Smith, J\nTI  - Title \(index)\nPY  - 2020\nSP  - 1\nEP  - 9\nER  - \n\n"
    }
    let result = TestSupport.read(text)
    #expect(result.references.count == 5000)
    #expect(result.references.last?.id == "smith2020gjh")
  }
}
