/// Locator labels written into the locator text itself, as in `vol. 1, fol. 186` or
/// `367-368, fig. 333`.
///
/// A locator given without a label that starts with the short form of a locator term (`vol. 1`)
/// takes that term's type as its label, and the term is dropped from the text. A label further on
/// (`, fig. 333`) stays in the text, but only the part before it decides whether the locator's own
/// label is singular or plural (`pages 367–368, fig. 333`). Only short forms (abbreviations such as
/// `vol.`, `fig.`, `p.`) are recognised, so ordinary words at the start of a locator are left alone.
struct EmbeddedLocatorLabels: Sendable {
  /// The locator types of CSL 1.0.2.
  static let locatorTypes = [
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation",
    "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene",
    "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator", "verse", "volume",
  ]

  /// Short-form spellings (singular and plural) with their locator type, longest first.
  let spellings: [(text: String, type: String)]

  /// The labels of the locator terms that `shortTerm` gives in their short form (made once per
  /// locale: see ``Locale/locatorLabels``).
  init(shortTerm: (String) -> Term?) {
    var spellings: [(text: String, type: String)] = []
    for type in Self.locatorTypes {
      guard let term = shortTerm(type) else { continue }
      for text in Set([term.single, term.multiple]) where !text.isEmpty {
        spellings.append((text, type))
      }
    }
    self.spellings = spellings.sorted { $0.text.count > $1.text.count }
  }

  /// The type of a label at the very start of `locator` (followed by a space) and the text after
  /// it, or nil when there is none or nothing follows it.
  func leadingLabel(of locator: String) -> (type: String, rest: String)? {
    for spelling in spellings where locator.hasPrefix(spelling.text + " ") {
      let rest = locator.dropFirst(spelling.text.count + 1).drop(while: { $0 == " " })
      guard !rest.isEmpty else { return nil }
      return (spelling.type, String(rest))
    }
    return nil
  }

  /// `locator` up to the first label written inside it after a comma (`367-368` of
  /// `367-368, fig. 333`); the whole locator when there is none.
  func leadingPart(of locator: String) -> Substring {
    locator[..<(nextLabel(in: locator[...])?.range.lowerBound ?? locator.endIndex)]
  }

  /// A value split at the labels written inside it after commas: `7, p. 3-8` is the part `7`
  /// followed by the labelled part (page, `3-8`). Nil when the value has no such label.
  func split(_ value: String) -> (head: Substring, labelled: [(type: String, text: Substring)])? {
    guard var next = nextLabel(in: value[...]) else { return nil }
    let head = value[..<next.range.lowerBound]
    var labelled: [(type: String, text: Substring)] = []
    while true {
      let rest = value[next.range.upperBound...]
      let following = nextLabel(in: rest)
      labelled.append((next.type, rest[..<(following?.range.lowerBound ?? rest.endIndex)]))
      guard let following else { break }
      next = following
    }
    return (head, labelled)
  }

  /// The first `, label ` in `text`: its range and the label's type.
  private func nextLabel(in text: Substring) -> (range: Range<String.Index>, type: String)? {
    // Every such label follows a comma; most values have none.
    guard text.utf8.contains(UInt8(ascii: ",")) else { return nil }
    var found: (range: Range<String.Index>, type: String)?
    for spelling in spellings {
      if let range = text.range(of: ", " + spelling.text + " "),
        found.map({ range.lowerBound < $0.range.lowerBound }) ?? true
      {
        found = (range, spelling.type)
      }
    }
    return found
  }
}
