import TestSupport
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

  private static func randomNode(_ random: inout TestRandom, depth: Int) -> Node {
    let pick = random.next(10)
    if depth > 3 || pick < 4 { return .text(pieces[random.next(pieces.count)]) }
    let inner = randomNode(&random, depth: depth + 1)
    switch pick {
    case 4: return .styled(TextFormatting(fontStyle: .italic), inner)
    case 5: return .quoted(inner)
    case 6: return .tagged(.names, inner)
    case 7: return .noCase(inner)
    default:
      let count = random.next(4)
      return .sequence([inner] + (0..<count).map { _ in randomNode(&random, depth: depth + 1) })
    }
  }

  @Test func printsOnlyWhitespaceEqualsTheTextTest() {
    var samples: [Node] = Self.pieces.map { .text($0) }
    for a in Self.pieces {
      for b in Self.pieces { samples.append(.sequence([.text(a), .text(b)])) }
    }
    samples += [.empty, .quoted(.empty), .sequence([.text(" "), .quoted(.text(" "))])]
    var random = TestRandom(seed: 2024)
    for _ in 0..<5_000 { samples.append(Self.randomNode(&random, depth: 0)) }
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

  @Test func delimitedNodesEqualJoinTest() {
    var random = TestRandom(seed: 99)
    var lengths = Set<Int>()
    for _ in 0..<2_000 {
      let count = random.next(6)
      lengths.insert(count)
      let nodes = (0..<count).map { _ in Self.randomNode(&random, depth: 1) }
      for delimiter in ["", ", ", ". "] {
        var joined = DelimitedNodes(delimiter: delimiter)
        for node in nodes { joined.append(node) }
        if nodes.isEmpty {
          #expect(joined.node == nil)
        } else {
          #expect(joined.node == join(nonEmpty: nodes, delimiter: delimiter), "\(nodes)")
        }
      }
    }
    #expect(lengths == Set(0..<6))
  }

  @Test func endsWithSpaceEqualsTheLastCharacterTest() {
    var spaces = 0
    let samples = TestRandom.samples(of: Self.pieces + ["de' ", "van "], count: 5_000, longest: 6, seed: 123)
    for text in samples {
      let expected = text.last == " "
      if expected { spaces += 1 }
      #expect(Evaluator.endsWithSpace(text) == expected, "\(Array(text.unicodeScalars))")
    }
    #expect(spaces > 300)
    #expect(samples.count - spaces > 300)
  }

  @Test func removingPeriodsEqualsCharacterReplacementTest() {
    let samples = TestRandom.samples(
      of: Self.pieces + ["..", "J.R.R.", ".\u{301}"], count: 5_000, longest: 8, seed: 77)
    var changed = 0
    for text in samples {
      let expected = text.replacing(".", with: "")
      if expected != text { changed += 1 }
      #expect(Node.removingPeriods(text) == expected, "\(text.unicodeScalars.map(\.value))")
    }
    // Texts with and without full stops both occur often enough to mean something.
    #expect(changed > 500)
    #expect(samples.count - changed > 500)
  }
}

/// Byte pre-checks answer as the character or scalar tests they stand before.
struct BytePrecheckTests {
  private static let pieces = [
    "", "a", " ", "<", "\"", "'", "\u{201C}", "\u{2018}", "\u{201D}", "\u{2019}", "\u{2013}", "\u{2014}",
    "<\u{338}",
    "\u{201C}\u{301}", "\u{3000}", "\u{3040}", "\u{30FF}", "\u{3400}", "\u{9FFF}", "\u{AC00}", "\u{D7AF}",
    "\u{F900}",
    "\u{FAFF}", "\u{20000}", "\u{2FFFF}", "\u{1F600}", "é", "\u{2FFF}", "\u{E000}", "Smith", "\u{E2}\u{80}",
    "\u{600}", "\u{301}", "\u{AA}", "\u{A9}", "\u{B2}", "\u{2070}", "\r", "\n",
  ]

  private static var samples: [String] {
    var samples = pieces
    for a in pieces { for b in pieces { samples.append(a + b) } }
    return samples
  }

  @Test func markupBytesSettleLikeCharacters() {
    var settled = 0
    var found = 0
    for text in Self.samples {
      let characters = text.contains(where: RichText.isMarkupOrQuote)
      if characters { found += 1 }
      guard let answer = RichText.markupOrQuoteCharacter(inBytesOf: text) else { continue }
      settled += 1
      #expect(answer == characters, "\(Array(text.unicodeScalars))")
    }
    #expect(found > 100)
    #expect(settled > 500)
  }

  @Test func superscriptBytePrecheck() {
    for text in Self.samples where !text.utf8.contains(where: { $0 >= 0xC2 }) {
      #expect(!text.unicodeScalars.contains { $0.value >= Superscripts.lowest })
    }
  }

  @Test func nonLatinPrecheckKeepsTheAnswer() {
    var found = 0
    for text in Self.samples {
      let expected = text.unicodeScalars.contains { s in
        let v = s.value
        return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
          || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
      }
      if expected { found += 1 }
      #expect(Evaluator.hasNonLatinScalars(text) == expected, "\(Array(text.unicodeScalars))")
    }
    #expect(Evaluator.hasNonLatinScalars(nil) == false)
    #expect(found > 100)
  }
}

/// The eight-bytes-at-a-time ASCII check answers as the byte-by-byte one.
struct ASCIICheckTests {
  @Test func asciiCheckEqualsByteTestTest() {
    let pieces = ["a", "Smith, J.", " ", "é", "\u{1F600}", "\u{7F}", "\u{80}", "12345678", "x\u{301}", "\t"]
    var ascii = 0
    let samples = TestRandom.samples(of: pieces, count: 5_000, longest: 12, seed: 8)
    for sample in samples {
      let expected = sample.utf8.allSatisfy { $0 < 0x80 }
      if expected { ascii += 1 }
      #expect(Finisher.isASCII(sample) == expected, "\(Array(sample.unicodeScalars))")
    }
    #expect(ascii > 500)
    #expect(samples.count - ascii > 500)
  }
}
