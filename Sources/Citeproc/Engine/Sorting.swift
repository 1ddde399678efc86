import Foundation

/// A sort key value: numbers compare as numbers, text case- and accent-insensitively; missing
/// values sort last whatever the direction.
enum SortValue: Sendable, Hashable {
  case missing
  case number(Int)
  case text(String)

  static func compare(_ a: SortValue, _ b: SortValue) -> Int {
    switch (a, b) {
    case (.missing, .missing): return 0
    case (.missing, _): return 1
    case (_, .missing): return -1
    case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.number(let x), .text(let y)): return String(x) < y ? -1 : 1
    case (.text(let x), .number(let y)): return x < String(y) ? -1 : 1
    case (.text(let x), .text(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    }
  }

  static func text(fromDisplay s: String) -> SortValue {
    var folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    // Letters that are not a base letter plus an accent still sort with their base letter.
    if folded.unicodeScalars.contains(where: { $0.value >= 0xC0 && $0.value < 0x250 }) {
      var out = ""
      for ch in folded { out += letterFolds[ch] ?? String(ch) }
      folded = out
    }
    // Markup-like leading punctuation does not count.
    while let first = folded.first, "[(\"'\u{2018}\u{201C}\u{00AB}".contains(first) { folded.removeFirst() }
    // Apostrophes do not count ("’t Hooft" sorts under T, "O’Brien" as "OBrien").
    if folded.contains(where: { $0 == "'" || $0 == "\u{2019}" }) {
      folded.removeAll { $0 == "'" || $0 == "\u{2019}" }
    }
    return folded.isEmpty ? .missing : .text(folded)
  }
}

extension Processor {
  /// Computes the sort values of `reference` for `keys`.
  func sortValues(
    _ keys: [SortKey], reference: Reference, cite: CiteContext, inCitation: Bool
  ) -> [SortValue] {
    keys.map { key in
      switch key.source {
      case .variable(let name):
        return variableSortValue(name, reference: reference, cite: cite, key: key, inCitation: inCitation)
      case .macro(_, let body):
        var evaluator = evaluator(for: reference, mode: .sortKey, inCitation: inCitation, cite: cite)
        evaluator.sortNameOverrides = key
        let (node, _) = evaluator.render(body)
        let text = node.plainText
        if let number = Int(text.trimmingSpaces), text.count < 18 { return .number(number) }
        return SortValue.text(fromDisplay: text)
      }
    }
  }

  private func variableSortValue(
    _ name: String, reference: Reference, cite: CiteContext, key: SortKey, inCitation: Bool
  ) -> SortValue {
    if name == "citation-number" { return cite.citationNumber.map(SortValue.number) ?? .missing }
    if let date = reference.dates[name] {
      return date.isEmpty ? .missing : .text(Evaluator.sortKey(date))
    }
    if let names = reference.names[name], !names.isEmpty {
      var evaluator = evaluator(for: reference, mode: .sortKey, inCitation: inCitation, cite: cite)
      evaluator.sortNameOverrides = key
      var element = NamesElement(
        variables: [name], name: NameOptions(), etAl: EtAlOptions(), label: nil, labelAfterName: false,
        substitute: nil, delimiter: ", ", decorations: Decorations())
      element.name.nameAsSortOrder = .all
      element.name.delimiter = "   "
      element.name.sortSeparator = "  "
      let (node, _) = evaluator.render(.names(element))
      return SortValue.text(fromDisplay: node.plainText)
    }
    guard let value = reference.field(name) else { return .missing }
    if CiteprocDataNumbers.contains(name), let number = Int(value.trimmingSpaces.prefix { $0.isNumber }) {
      return .number(number)
    }
    return SortValue.text(fromDisplay: RichText.parse(value).plainText)
  }

  /// Sorts indices stably by their sort values.
  func sortedIndices(_ values: [[SortValue]], keys: [SortKey]) -> [Int] {
    values.indices.sorted { a, b in
      for (index, key) in keys.enumerated() {
        let x = values[a][index]
        let y = values[b][index]
        var result = SortValue.compare(x, y)
        if !key.ascending, x != .missing, y != .missing { result = -result }
        if result != 0 { return result < 0 }
      }
      return a < b
    }
  }
}

let CiteprocDataNumbers: Set<String> = [
  "chapter-number", "collection-number", "edition", "issue", "number", "number-of-pages",
  "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section",
  "supplement-number", "version", "volume",
]

private let letterFolds: [Character: String] = [
  "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ħ": "h",
]
