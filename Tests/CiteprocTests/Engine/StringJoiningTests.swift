import TestSupport
import Testing

@testable import Citeproc

/// Texts made at their final size from pieces are the pieces end to end.
struct StringJoiningTests {
  @Test func joinedPiecesAreThePiecesEndToEnd() {
    let samples: [[String]] = [
      [], [""], ["a"], ["Smith, J.", " ", "(2011)", ""], ["é", "\u{301}", "日本語", "🇬", "🇧"],
      ["a long piece of text over fifteen bytes", ", and another one of them."],
    ]
    for pieces in samples {
      let bytes = pieces.reduce(0) { $0 + $1.utf8.count }
      let joined = String(joining: pieces, byteCount: bytes)
      #expect(joined == pieces.joined(), "\(pieces)")
      #expect(joined.utf8.count == bytes)
    }
    let alphabet = ["", "a", ". ", "é", "\u{600}", "ß", "–", "Ü", "日", "\r", "\n"]
    var random = TestRandom(seed: 5)
    for _ in 0..<2_000 {
      let pieces = (0..<random.next(8)).map { _ in
        (0..<random.next(4)).map { _ in alphabet[random.next(alphabet.count)] }.joined()
      }
      let bytes = pieces.reduce(0) { $0 + $1.utf8.count }
      #expect(String(joining: pieces, byteCount: bytes) == pieces.joined(), "\(pieces)")
    }
  }
}
