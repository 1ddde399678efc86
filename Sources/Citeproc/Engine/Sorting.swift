import CiteprocData
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
    // Markup-like leading punctuation does not count.
    while let first = folded.first, "[(\"'\u{2018}\u{201C}\u{00AB}".contains(first) { folded.removeFirst() }
    folded = folded.replacing("\u{2019}", with: "'")
    return folded.isEmpty ? .missing : .text(folded)
  }
}

extension Evaluator {
  /// The sort key of a date as `element` shows it: parts the element leaves out do not count.
  static func sortKey(_ date: CSLDate, showing element: DateElement) -> String {
    var shown: Set<DatePartElement.Name>
    if element.form != nil {
      switch element.partsShown {
      case .yearMonthDay: shown = [.year, .month, .day]
      case .yearMonth: shown = [.year, .month]
      case .year: shown = [.year]
      }
    } else {
      shown = Set(element.parts.map(\.name))
    }
    if shown == [.year, .month, .day] { return sortKey(date) }
    var limited = date
    func limit(_ parts: CSLDate.Parts?) -> CSLDate.Parts? {
      guard var parts else { return nil }
      if !shown.contains(.month) {
        parts.month = nil
        parts.season = nil
      }
      if !shown.contains(.day) { parts.day = nil }
      return parts
    }
    limited.start = limit(date.start)
    limited.end = limit(date.end)
    if limited.end == limited.start { limited.end = nil }
    return sortKey(limited)
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
