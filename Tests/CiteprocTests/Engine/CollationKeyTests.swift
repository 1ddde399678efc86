import Foundation
import TestSupport
import Testing

@testable import Citeproc

/// The collation key built as bytes equals the key built scalar by scalar.
struct CollationKeyTests {
  /// The key worked out scalar by scalar (the plain statement of the rules).
  private static func scalarKey(_ s: String) -> String {
    var folded = s.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    let letterFolds: [Character: String] = [
      "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ħ": "h",
    ]
    if folded.unicodeScalars.contains(where: { $0.value >= 0xC0 && $0.value < 0x250 }) {
      var out = ""
      for ch in folded { out += letterFolds[ch] ?? String(ch) }
      folded = out
    }
    var key = String.UnicodeScalarView()
    var digits = String.UnicodeScalarView()
    func flushDigits() {
      guard !digits.isEmpty else { return }
      var significant = Substring.UnicodeScalarView(digits)
      while significant.count > 1, significant.first == "0" { significant.removeFirst() }
      let length = min(significant.count, 0x2F)
      if let marker = Unicode.Scalar(UInt32(0x30 + length)) { key.append(marker) }
      key.append(contentsOf: significant)
      digits = String.UnicodeScalarView()
    }
    for scalar in folded.unicodeScalars {
      if ("0"..."9").contains(scalar) {
        digits.append(scalar)
        continue
      }
      flushDigits()
      switch scalar.properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator:
        if let last = key.last, last != " " { key.append(" ") }
      case .control where scalar.properties.isWhitespace:
        if let last = key.last, last != " " { key.append(" ") }
      case .control, .format, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation, .nonspacingMark, .enclosingMark:
        continue
      default:
        key.append(scalar)
      }
    }
    flushDigits()
    if key.last == " " { key.removeLast() }
    return String(key)
  }

  @Test func byteKeysEqualScalarKeys() {
    let pieces = [
      "Müller", "Øster", "Łódź", "Ærø", "Straße", " ", "  ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "0",
      "007", "12",
      "-", "–", "(", ")", "'", "\u{2019}", "\u{301}", "e\u{301}", "東京", "Ωμέγα", "Жуков", "ﬁ", "Ａ", "١٢",
      "\u{200B}",
      "\u{2028}", "x", "Z", "ǅ", "ŉ", "\u{1F600}", ".", "_", "&", "%", "\u{0}", "\u{85}",
    ]
    for sample in TestRandom.samples(of: pieces, count: 2_000, longest: 7, seed: 31337) {
      #expect(
        SortValue.generalCollationKey(sample) == Self.scalarKey(sample), "\(Array(sample.unicodeScalars))")
    }
  }

  /// Folding Latin text scalar by scalar from the table gives what Foundation gives for the whole
  /// string, and text with any other scalar is left to Foundation.
  @Test func latinFoldingEqualsFoundationFolding() {
    let latin = (Array(0..<SortValue.latinFoldLimit) + Array(SortValue.punctuationFoldRange)).compactMap {
      Unicode.Scalar($0)
    }.map { String($0) }
    var samples = latin
    for (index, piece) in latin.enumerated() {
      samples.append(piece + latin[(index * 7 + 3) % latin.count] + piece)
      samples.append("a" + piece + "Z " + piece.uppercased())
    }
    samples += TestRandom.samples(of: latin, count: 5_000, longest: 9, seed: 4242)
    var folded = 0
    for sample in samples {
      guard let latin = SortValue.latinFolded(sample) else {
        // Upper-casing can leave the table (µ → Μ), and format characters are never in it.
        #expect(
          sample.unicodeScalars.contains {
            $0.properties.generalCategory == .format
              || ($0.value >= SortValue.latinFoldLimit && !SortValue.punctuationFoldRange.contains($0.value))
          })
        continue
      }
      folded += 1
      #expect(latin == SortValue.foundationFolded(sample), "\(Array(sample.unicodeScalars))")
    }
    #expect(folded > 5_000)
    // Anything beyond the table, a combining mark among them, goes to Foundation.
    for outside in [
      "e\u{301}", "\u{250}", "a\u{200C}b", "\u{2060}", "soft\u{AD}hyphen", "Ωμέγα", "東京", "Ａ", "\u{1F600}",
    ] {
      #expect(SortValue.latinFolded(outside) == nil)
    }
  }
}

/// Keys compare by scalar value, through their UTF-8 bytes where the strings are contiguous.
@Suite struct KeyComparisonTests {
  @Test func comparesByScalarValue() {
    let ordered = [
      "", "\u{1}", "\u{1}a", " ", "0", "A", "a", "a\u{1}", "ab", "b", "z", "\u{E9}", "\u{FF}", "\u{100}",
      "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}",
    ]
    for (i, x) in ordered.enumerated() {
      for (j, y) in ordered.enumerated() {
        let expected = i == j ? 0 : (i < j ? -1 : 1)
        #expect(SortValue.compareKeys(x, y) == expected, "\(x.debugDescription) \(y.debugDescription)")
        #expect(SortValue.compareScalars(x, y) == expected, "\(x.debugDescription) \(y.debugDescription)")
      }
    }
  }

  @Test func bridgedOrSlicedStringsCompareTheSame() {
    let long = String(repeating: "smith john ", count: 10)
    let slice = Substring(long.dropFirst(6))
    #expect(SortValue.compareKeys(String(slice), "john") == 1)
    #expect(SortValue.compareKeys(long, long + "a") == -1)
    #expect(SortValue.compareKeys(long + "b", long + "a") == 1)
  }
}
