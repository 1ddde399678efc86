/// A small deterministic pseudo-random sequence (a linear congruential generator), for tests that
/// compare a fast path with the general code on many generated inputs.
public struct TestRandom: Sendable {
  public var state: UInt32

  public init(seed: UInt32) { state = seed }

  /// A number in `0..<bound`.
  public mutating func next(_ bound: Int) -> Int {
    state = state &* 1_103_515_245 &+ 12345
    return Int((state >> 16) % UInt32(bound))
  }

  /// Every piece, every pair of pieces, and `count` strings of fewer than `longest` pieces drawn at
  /// random.
  public static func samples(of pieces: [String], count: Int, longest: Int, seed: UInt32) -> [String] {
    var samples = pieces
    for a in pieces {
      for b in pieces { samples.append(a + b) }
    }
    var random = TestRandom(seed: seed)
    for _ in 0..<count {
      var text = ""
      for _ in 0..<random.next(longest) { text += pieces[random.next(pieces.count)] }
      samples.append(text)
    }
    return samples
  }
}
