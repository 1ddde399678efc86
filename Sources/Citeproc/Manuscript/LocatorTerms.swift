/// The locator terms a manuscript may write before a locator (`p. 33`, `chap. 2`, `§ 4`), and the
/// CSL locator label each stands for. Long and short, singular and plural forms of the en-US
/// terms are accepted, as pandoc accepts them.
enum LocatorTerms {
  /// Term spelling → CSL locator label. Matching ignores letter case.
  static let labels: [String: String] = {
    var table: [String: String] = [:]
    let forms: [(String, [String])] = [
      ("act", ["act", "acts"]),
      ("appendix", ["appendix", "appendices", "app.", "apps."]),
      ("article-locator", ["article", "articles", "art.", "arts."]),
      ("book", ["book", "books", "bk.", "bks."]),
      ("canon", ["canon", "canons"]),
      ("chapter", ["chapter", "chapters", "chap.", "chaps.", "ch.", "chs."]),
      ("column", ["column", "columns", "col.", "cols."]),
      ("elocation", ["location", "locations", "loc.", "locs."]),
      ("equation", ["equation", "equations", "eq.", "eqs."]),
      ("figure", ["figure", "figures", "fig.", "figs."]),
      ("folio", ["folio", "folios", "fol.", "fols."]),
      ("issue", ["issue", "issues"]),
      ("line", ["line", "lines", "l.", "ll."]),
      ("note", ["note", "notes", "n.", "nn."]),
      ("opus", ["opus", "opera", "op.", "opp."]),
      ("page", ["page", "pages", "p.", "pp.", "pg.", "pgs."]),
      ("paragraph", ["paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"]),
      ("part", ["part", "parts", "pt.", "pts."]),
      ("rule", ["rule", "rules"]),
      ("scene", ["scene", "scenes", "sc.", "scs."]),
      ("section", ["section", "sections", "sec.", "secs.", "§", "§§"]),
      ("sub-verbo", ["sub verbo", "sub verbis", "s.v.", "s.vv."]),
      ("supplement", ["supplement", "supplements", "supp.", "supps."]),
      ("table", ["table", "tables", "tbl.", "tbls."]),
      ("timestamp", ["timestamp", "timestamps"]),
      ("title-locator", ["title", "titles", "tit.", "tits."]),
      ("verse", ["verse", "verses", "v.", "vv."]),
      ("version", ["version", "versions"]),
      ("volume", ["volume", "volumes", "vol.", "vols."]),
    ]
    for (label, spellings) in forms {
      for spelling in spellings { table[spelling] = label }
    }
    return table
  }()

  /// The longest term at the start of `text` that is followed by a space, a digit or the end,
  /// with its label and the rest of the text after it (leading spaces removed).
  static func match(_ text: Substring) -> (label: String, rest: Substring)? {
    var best: (label: String, rest: Substring, length: Int)?
    // Terms are at most two words; try the first one and two words.
    var candidates: [Substring] = []
    var index = text.startIndex
    var words = 0
    while index < text.endIndex, words < 2 {
      var end = index
      while end < text.endIndex, !text[end].isWhitespace, !text[end].isNumber || text[end] == "¶" {
        end = text.index(after: end)
      }
      guard end > index else { break }
      candidates.append(text[text.startIndex..<end])
      words += 1
      index = end
      while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
    }
    for candidate in candidates {
      guard let label = labels[candidate.lowercased()] else { continue }
      if let current = best, current.length >= candidate.count { continue }
      var rest = text[candidate.endIndex...]
      if let first = rest.first, !(first.isWhitespace || first.isNumber || first == "{") { continue }
      rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
      best = (label, rest, candidate.count)
    }
    return best.map { ($0.label, $0.rest) }
  }
}

extension LocatorTerms {
  /// Splits the text after a locator term into the locator and the suffix: `33-35, 38 and passim`
  /// gives `33-35, 38` and ` and passim`; `{iv, 33} passim` gives `iv, 33` and ` passim`. The
  /// locator is a list of numbers (words with a digit, or roman numerals) joined by hyphens,
  /// dashes, commas or `&`. Nil when the text does not start with one.
  static func splitLocator(_ text: Substring) -> (locator: String, suffix: Substring)? {
    if text.first == "{" {
      guard let close = text.firstIndex(of: "}") else { return nil }
      let inner = text[text.index(after: text.startIndex)..<close]
      guard !inner.trimmingSpaces.isEmpty else { return nil }
      return (String(inner), text[text.index(after: close)...])
    }
    guard var end = wordEnd(text, from: text.startIndex) else { return nil }
    while end < text.endIndex {
      var index = end
      var joined = false
      while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
      if index < text.endIndex, "-–—,&".contains(text[index]) {
        joined = true
        index = text.index(after: index)
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
      }
      guard joined, let next = wordEnd(text, from: index) else { break }
      end = next
    }
    return (String(text[text.startIndex..<end]), text[end...])
  }

  /// The end of a number-like word starting at `start`: letters and digits (with inner `.` or
  /// `:`), holding a digit or made only of roman-numeral letters.
  private static func wordEnd(_ text: Substring, from start: Substring.Index) -> Substring.Index? {
    var index = start
    var hasDigit = false
    var allRoman = true
    while index < text.endIndex {
      let character = text[index]
      if character.isLetter || character.isNumber {
        if character.isNumber { hasDigit = true }
        if !"ivxlcdmIVXLCDM".contains(character) { allRoman = false }
        index = text.index(after: index)
      } else if character == "." || character == ":", index > start {
        let next = text.index(after: index)
        guard next < text.endIndex, text[next].isLetter || text[next].isNumber else { break }
        allRoman = false
        index = next
      } else {
        break
      }
    }
    guard index > start, hasDigit || allRoman else { return nil }
    return index
  }
}

extension StringProtocol {
  /// The text without spaces, tabs and line breaks at either end.
  var trimmingSpaces: SubSequence {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<Swift.max(start, end)]
  }
}
