import TestSupport
import Testing

@testable import CiteprocReaders

@Suite struct RISTextDecoderTests {
  /// Pieces that need normalising or are not UTF-8, among plain ones.
  static let pieces: [[UInt8]] = [
    Array("TY  - JOUR\n".utf8), Array("AU  - Müller, Jörg\n".utf8), Array("plain ascii text ".utf8),
    [0x0D, 0x0A], [0x0D], [0x0A], [0x09], [0x00], [0x01], [0x1F], [0x7F], [0xC2, 0xA0], [0xE2, 0x80, 0xA8],
    [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xA7], [0xEF, 0xBB, 0xBF], [0xE9], [0xC3], [0x80], [0xFF],
    [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
    Array("ßß€€".utf8), Array("12345678".utf8), Array("~}|{`_^]".utf8), [0x20],
  ]

  static func check(_ input: [UInt8]) -> Bool {
    let decoder = RISTextDecoder()
    let fast = decoder.decode(input)
    let general = decoder.decodeInGeneral(input)
    return fast.bytes == general.bytes && fast.usedFallback == general.usedFallback
  }

  @Test func shortcutEqualsGeneralDecoding() {
    // Every piece alone, after a BOM, and at every offset within a run of ASCII so that it falls
    // at each position of an eight-byte word.
    for piece in Self.pieces {
      #expect(Self.check(piece), "\(piece)")
      #expect(Self.check([0xEF, 0xBB, 0xBF] + piece), "\(piece)")
      for offset in 0..<17 {
        let input = Array(repeating: UInt8(ascii: "a"), count: offset) + piece + Array("bcdefghijk".utf8)
        #expect(Self.check(input), "\(offset) \(piece)")
      }
    }
  }

  @Test func shortcutEqualsGeneralDecodingOnMixes() {
    // A fixed pseudo-random sequence of pieces.
    var state: UInt64 = 0x1234_5678
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var taken = 0
    for _ in 0..<3000 {
      var input: [UInt8] = []
      for _ in 0..<(1 + next(12)) { input += Self.pieces[next(Self.pieces.count)] }
      #expect(Self.check(input), "\(input)")
      if input.withUnsafeBufferPointer({ RISTextDecoder.isClean($0, from: 0) }) { taken += 1 }
    }
    // Both the shortcut and the general path are exercised.
    #expect(taken > 100 && taken < 2900, "\(taken)")
  }

  /// The one-pass check with line counts says text is clean exactly when the general decoding
  /// leaves it as it is, and counts its line feeds, whatever the position of each piece within the
  /// eight-byte steps.
  @Test func cleanLineFeedsEqualCleanCheckAndCount() {
    var random = TestRandom(seed: 9)
    var clean = 0
    let count = 6000
    for round in 0..<count {
      var input = Array(repeating: UInt8(ascii: "a"), count: round % 9)
      for _ in 0..<(1 + random.next(14)) {
        let piece = Self.pieces[random.next(Self.pieces.count)]
        // Plain pieces are drawn more often, so that clean inputs are common.
        input += random.next(2) == 0 ? piece : Self.pieces[random.next(3)]
      }
      // The general decoding drops a byte order mark at the start and changes nothing else of clean
      // text.
      let bom = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let unchanged = RISTextDecoder().decodeInGeneral(input).bytes == Array(input.dropFirst(bom))
      let expected = unchanged ? input.filter { $0 == 0x0A }.count : nil
      let found = input.withUnsafeBufferPointer { RISTextDecoder.cleanLineFeeds($0) }
      #expect(found == expected, "\(input)")
      if expected != nil { clean += 1 }
    }
    #expect(clean > count / 10 && clean < count * 9 / 10, "\(clean)")
  }

  @Test func cleanTextIsKeptAsItIs() {
    let text = Array("TY  - JOUR\nTI  - Ødegård, Åsa\tx\nER  - \n".utf8)
    #expect(text.withUnsafeBufferPointer { RISTextDecoder.isClean($0, from: 0) })
    #expect(RISTextDecoder().decode(text).bytes == text)
    #expect(RISTextDecoder().decode([0xEF, 0xBB, 0xBF] + text).bytes == text)
    for dirty: [UInt8] in [[0x0D], [0x7F], [0x00], [0xC2, 0xA0], [0xE2, 0x80, 0xA8], [0xE9]] {
      #expect(!(text + dirty + text).withUnsafeBufferPointer { RISTextDecoder.isClean($0, from: 0) })
    }
  }
}
