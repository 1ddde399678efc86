extension Initials {
  /// ``make(_:with:initialize:hyphen:)`` for a given name with rich-text markup (`<b>John</b>
  /// Quiggly`): the text between tags is initialised piece by piece and the tags stay around their
  /// initials (`<b>J.</b> Q.`). A space or hyphen between two pieces is written where it stood, as
  /// the separator's spaces or as a hyphen. Nil when there is no tag.
  static func makeMarked(_ given: String, with separator: String, initialize: Bool, hyphen: Bool) -> String? {
    guard given.containsUTF8(UInt8(ascii: "<")), given.containsUTF8(UInt8(ascii: ">")) else { return nil }
    let spaces = String(separator.reversed().prefix(while: { $0 == " " }))
    var out = ""
    var wroteText = false
    // Where a joiner written after the last initials starts (in UTF-8 bytes) and how long it is: it
    // goes if no initials follow it.
    var pending: (offset: Int, count: Int)?
    var rest = Substring(given)
    func joiner(_ gap: Substring) -> String { gap.contains("-") && hyphen ? "-" : spaces }
    while !rest.isEmpty {
      if rest.first == "<", let close = rest.firstIndex(of: ">") {
        out += rest[...close]
        rest = rest[rest.index(after: close)...]
        continue
      }
      let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
      let piece = rest[..<end]
      rest = rest[end...]
      let isGap: (Character) -> Bool = { $0 == " " || $0 == "-" }
      let words = piece.drop(while: isGap)
      let trailing = words.reversed().prefix(while: isGap).count
      let lead = piece[..<words.startIndex]
      if wroteText && pending == nil && !lead.isEmpty {
        let text = joiner(lead)
        pending = (out.utf8.count, text.utf8.count)
        out += text
      }
      guard !words.isEmpty else { continue }
      out += make(String(words.dropLast(trailing)), with: separator, initialize: initialize, hyphen: hyphen)
      wroteText = true
      pending = nil
      if trailing > 0 {
        let text = joiner(words.suffix(trailing))
        pending = (out.utf8.count, text.utf8.count)
        out += text
      }
    }
    if let pending {
      let bytes = Array(out.utf8)
      out = String(
        decoding: bytes[..<pending.offset] + bytes[(pending.offset + pending.count)...], as: UTF8.self)
    }
    return out
  }
}
