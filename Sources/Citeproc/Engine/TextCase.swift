/// Applies CSL `text-case` transformations to a node tree, leaving `nocase` spans alone.
struct TextCaser {
  let language: String

  static let stopWords: Set<String> = [
    "a", "according", "across", "afore", "after", "against", "along", "alongside", "amid", "amidst", "among",
    "amongst", "an", "and", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at",
    "athwart", "atop", "barring", "before", "behind", "below", "beneath", "beside", "besides", "between",
    "beyond", "but", "by", "c", "ca", "circa", "despite", "down", "during", "et", "except", "for",
    "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near", "next", "nor",
    "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus", "pro", "qua", "sans",
    "since", "so", "than", "the", "through", "throughout", "thru", "thruout", "till", "to", "toward",
    "towards", "under", "underneath", "until", "unto", "up", "upon", "v.", "versus", "via", "vis-à-vis",
    "vs.", "whereas", "with", "within", "without", "yet",
  ]

  func apply(_ textCase: TextCase, to node: Node) -> Node {
    switch textCase {
    case .lowercase: return map(node) { $0.lowercased() }
    case .uppercase: return map(node) { $0.uppercased() }
    case .capitalizeFirst:
      var done = false
      return mapWords(node) { word, _ in
        if done { return word }
        if word.first?.isLetter == true || word.first?.isNumber == true { done = true }
        return capitalizeIfLower(word)
      }
    case .capitalizeAll:
      return mapWords(node) { word, _ in capitalizeIfLower(word) }
    case .sentence:
      let upper = isAllUppercase(node)
      var first = true
      return mapWords(node) { word, _ in
        guard word.first?.isLetter == true else { return word }
        defer { first = false }
        if upper {
          let lower = word.lowercased()
          return first ? capitalizeFirstLetter(lower) : lower
        }
        return first ? capitalizeIfLower(word) : word
      }
    case .title:
      guard language.isEmpty || language.lowercased().hasPrefix("en") else { return node }
      return titleCase(node)
    }
  }

  private func titleCase(_ node: Node) -> Node {
    let upper = isAllUppercase(node)
    // Collect words to know which one is last.
    var words: [String] = []
    _ = mapWords(node) { word, _ in
      if word.first?.isLetter == true || word.first?.isNumber == true { words.append(word) }
      return word
    }
    var index = 0
    var afterColon = true
    return mapWords(node) { word, precededBy in
      guard word.first?.isLetter == true || word.first?.isNumber == true else {
        if word.contains(":") || word.contains("?") || word.contains("!") || word.contains("\u{2014}") {
          afterColon = true
        }
        return word
      }
      defer {
        index += 1
        afterColon = false
      }
      let base = upper ? word.lowercased() : word
      let isFirst = index == 0 || afterColon
      let isLast = index == words.count - 1
      if !isFirst && !isLast && Self.stopWords.contains(base.lowercased()) {
        return upper ? base : word
      }
      // Capitalize each part of a hyphenated word.
      if base.contains("-") {
        return base.split(separator: "-", omittingEmptySubsequences: false)
          .map { capitalizeIfLower(String($0)) }.joined(separator: "-")
      }
      return capitalizeIfLower(base)
    }
  }

  private func isAllUppercase(_ node: Node) -> Bool {
    var hasLetter = false
    var allUpper = true
    visitText(node) { text in
      for ch in text where ch.isLetter {
        hasLetter = true
        if ch.isLowercase { allUpper = false }
      }
    }
    return hasLetter && allUpper
  }

  private func capitalizeIfLower(_ word: String) -> String {
    guard let first = word.first, first.isLowercase else { return word }
    return capitalizeFirstLetter(word)
  }

  private func capitalizeFirstLetter(_ word: String) -> String {
    guard let first = word.first else { return word }
    return first.uppercased() + word.dropFirst()
  }

  private func visitText(_ node: Node, _ body: (String) -> Void) {
    switch node {
    case .text(let s): body(s)
    case .sequence(let items): for item in items { visitText(item, body) }
    case .noCase: break
    case .styled(_, let inner), .quoted(let inner), .display(_, let inner), .tagged(_, let inner):
      visitText(inner, body)
    }
  }

  private func map(_ node: Node, _ transform: (String) -> String) -> Node {
    switch node {
    case .text(let s): return .text(transform(s))
    case .sequence(let items): return .sequence(items.map { map($0, transform) })
    case .noCase: return node
    case .styled(let f, let inner):
      // Small caps and super/subscript content keep their case under upper/lower transforms too.
      return .styled(f, map(inner, transform))
    case .quoted(let inner): return .quoted(map(inner, transform))
    case .display(let d, let inner): return .display(d, map(inner, transform))
    case .tagged(let t, let inner): return .tagged(t, map(inner, transform))
    }
  }

  /// Calls `transform` for each word (maximal run of non-space characters) of the text leaves, in
  /// order; spaces are passed through. Words inside `nocase` are seen (for position counting) but
  /// not changed.
  private func mapWords(_ node: Node, _ transform: (String, Character?) -> String) -> Node {
    var previous: Character? = nil
    return mapWordsImpl(node, &previous, frozen: false, transform)
  }

  private func mapWordsImpl(
    _ node: Node, _ previous: inout Character?, frozen: Bool, _ transform: (String, Character?) -> String
  ) -> Node {
    switch node {
    case .text(let s):
      var out = ""
      var word = ""
      for ch in s {
        if ch == " " || ch == "\u{00A0}" || ch == "\n" || ch == "\t" {
          if !word.isEmpty {
            let w = transform(word, previous)
            out += frozen ? word : w
            word = ""
          }
          out.append(ch)
          previous = ch
        } else {
          word.append(ch)
        }
      }
      if !word.isEmpty {
        let w = transform(word, previous)
        out += frozen ? word : w
        previous = word.last
      }
      return .text(out)
    case .sequence(let items):
      return .sequence(items.map { mapWordsImpl($0, &previous, frozen: frozen, transform) })
    case .noCase(let inner): return .noCase(mapWordsImpl(inner, &previous, frozen: true, transform))
    case .styled(let f, let inner): return .styled(f, mapWordsImpl(inner, &previous, frozen: frozen, transform))
    case .quoted(let inner): return .quoted(mapWordsImpl(inner, &previous, frozen: frozen, transform))
    case .display(let d, let inner): return .display(d, mapWordsImpl(inner, &previous, frozen: frozen, transform))
    case .tagged(let t, let inner): return .tagged(t, mapWordsImpl(inner, &previous, frozen: frozen, transform))
    }
  }
}
