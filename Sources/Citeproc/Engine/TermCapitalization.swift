/// When a term starts a citation it begins a sentence (in a footnote: "Ibid."): the first term
/// rendered before anything else in the first cite of a note-style citation is capitalized, and so
/// is a term that directly follows a cite prefix ending a sentence ("See above. Ibid.").
enum TermCapitalization {
  /// Whether a cite prefix ends with sentence-ending punctuation (quotes and spaces after it do not
  /// count) and holds more than one word.
  static func prefixEndsSentence(_ prefix: String?) -> Bool {
    guard let prefix else { return false }
    let plain = RichText.parse(prefix).plainText
    let trimmed = plain.trimmingSpaces
    guard trimmed.contains(" ") else { return false }
    var end = Substring(trimmed)
    while let last = end.last, "\"'\u{201D}\u{2019}\u{00BB}\u{202F}\u{00A0} ".contains(last) {
      end.removeLast()
    }
    guard let last = end.last else { return false }
    return ".!?:;".contains(last)
  }
}

extension String {
  /// The string with its first letter in upper case (nothing changes when it starts otherwise).
  func capitalizingFirstLetter() -> String {
    guard let first = first, first.isLowercase else { return self }
    return first.uppercased() + dropFirst()
  }
}
