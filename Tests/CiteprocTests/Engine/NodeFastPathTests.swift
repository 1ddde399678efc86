import Testing

@testable import Citeproc

/// Shortcuts on ``Node`` give exactly what the general code gives.
struct NodeFastPathTests {
  /// Pieces of text that meet in awkward ways: whitespace of several kinds, combining and prepended
  /// marks, a joiner, CR before LF, letters and punctuation.
  private static let pieces = [
    "", " ", "  ", "\t", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1F}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}",
    "\u{301}", "\u{600}", "\u{200D}", "a", ".", "Smith", " J. ", "é", "\u{1F600}", "x\u{301}", " \u{301}",
    "\u{600}a", "\u{600} ",
  ]

  private static func randomNode(_ state: inout UInt32, depth: Int) -> Node {
    state = state &* 1_103_515_245 &+ 12345
    let pick = Int((state >> 16) % 10)
    if depth > 3 || pick < 4 {
      state = state &* 1_103_515_245 &+ 12345
      return .text(pieces[Int((state >> 16) % UInt32(pieces.count))])
    }
    let inner = randomNode(&state, depth: depth + 1)
    switch pick {
    case 4: return .styled(TextFormatting(fontStyle: .italic), inner)
    case 5: return .quoted(inner)
    case 6: return .tagged(.names, inner)
    case 7: return .noCase(inner)
    default:
      state = state &* 1_103_515_245 &+ 12345
      let count = Int((state >> 16) % 4)
      return .sequence([inner] + (0..<count).map { _ in randomNode(&state, depth: depth + 1) })
    }
  }

  @Test func printsOnlyWhitespaceEqualsTheTextTest() {
    var samples: [Node] = Self.pieces.map { .text($0) }
    for a in Self.pieces {
      for b in Self.pieces { samples.append(.sequence([.text(a), .text(b)])) }
    }
    samples += [.empty, .quoted(.empty), .sequence([.text(" "), .quoted(.text(" "))])]
    var state: UInt32 = 2024
    for _ in 0..<5_000 { samples.append(Self.randomNode(&state, depth: 0)) }
    var blank = 0
    for node in samples {
      let expected = node.plainText.allSatisfy(\.isWhitespace)
      if expected { blank += 1 }
      #expect(node.printsOnlyWhitespace == expected, "\(node)")
    }
    // Both answers occur often enough for the comparison to mean something.
    #expect(blank > 100)
    #expect(samples.count - blank > 100)
  }
}
