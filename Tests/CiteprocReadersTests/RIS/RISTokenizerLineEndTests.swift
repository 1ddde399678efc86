import Testing

@testable import CiteprocReaders

@Suite struct RISTokenizerLineEndTests {
  @Test func lineEndEqualsAByteScan() {
    var state: UInt64 = 99
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x0D, 0x00, 0x8A, 0xFF, 0x41, 0x20, 0x2D, 0x0A]
    for _ in 0..<2000 {
      let bytes = (0..<next(40)).map { _ in
        next(4) == 0 ? alphabet[next(alphabet.count)] : UInt8(0x61 + next(26))
      }
      let start = bytes.isEmpty ? 0 : next(bytes.count)
      let end = start + next(bytes.count - start + 1)
      var expected = start
      while expected < end && bytes[expected] != 0x0A { expected += 1 }
      let found = bytes.withUnsafeBufferPointer { RISTokenizer.lineEnd($0, from: start, to: end) }
      #expect(found == expected, "\(bytes) \(start) \(end)")
    }
  }
}
