/// Applies CSL `text-case` transformations to a node tree, leaving `nocase` spans alone.
///
/// The text of the tree is read as one stream and cut into segments at punctuation
/// (`-–—/.,;?!:[]()`), quotation marks and markup boundaries; words are the space-separated parts
/// of a segment. So "out-of-fashion" is three words for title case, and a word right after an
/// apostrophe ("l’Égypte", "d’Doe") keeps the case it had.
struct TextCaser: Sendable {
  /// Whether title case applies: only English items are title-cased.
  let titleCaseApplies: Bool
  /// Whether case mapping follows Turkish and Azeri rules for dotted and dotless i.
  let turkic: Bool

  /// - Parameters:
  ///   - itemLanguage: the item's `language` field, if any.
  ///   - defaultLocale: the style's `default-locale`, if any.
  ///   - localeLanguage: the language of the locale in use.
  init(itemLanguage: String?, defaultLocale: String?, localeLanguage: String) {
    let item = itemLanguage.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    if let item {
      titleCaseApplies = Self.primaryLanguage(item) == "en"
    } else {
      titleCaseApplies = Self.primaryLanguage(defaultLocale ?? "en") == "en"
    }
    let casing = item.map(Self.primaryLanguage) ?? Self.primaryLanguage(localeLanguage)
    turkic = casing == "tr" || casing == "az"
  }

  /// The lowercased two-letter primary language of a language value ("en", "en-GB", "fr French"),
  /// or nil when the value does not start with one.
  static func primaryLanguage(_ value: String) -> String? {
    if let answer = asciiPrimaryLanguage(value) { return answer }
    return generalPrimaryLanguage(value)
  }

  /// ``primaryLanguage(_:)`` read from the bytes of a value that starts with two ASCII letters
  /// and whose next two bytes (where there are any) are ASCII, so that each is a character of its
  /// own: `.some(nil)` when it has no primary language; nil when the bytes do not settle it.
  static func asciiPrimaryLanguage(_ value: String) -> String?? {
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    var bytes = value.utf8.makeIterator()
    guard let first = bytes.next(), let second = bytes.next(), isLetter(first), isLetter(second) else {
      return nil
    }
    let language = String(decoding: [first | 0x20, second | 0x20], as: UTF8.self)
    guard let third = bytes.next() else { return .some(language) }
    guard third < 0x80 else { return nil }
    if third != UInt8(ascii: "-") && third != UInt8(ascii: " ") { return .some(nil) }
    guard let fourth = bytes.next() else { return .some(language) }
    return fourth < 0x80 ? .some(language) : nil
  }

  /// ``primaryLanguage(_:)`` of any value.
  static func generalPrimaryLanguage(_ value: String) -> String? {
    let trimmed = value.drop(while: \.isWhitespace)
    let letters = trimmed.prefix(2)
    guard letters.count == 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    if let next = trimmed.dropFirst(2).first, next != "-" && next != " " { return nil }
    return letters.lowercased()
  }

  /// Words title case leaves in lowercase unless they begin the title or a subtitle, or end it.
  static let stopWords: Set<String> = [
    "a", "about", "above", "according", "across", "afore", "after", "against", "al", "along", "alongside",
    "amid", "amidst", "among", "amongst", "an", "and", "anenst", "apropos", "apud", "around", "as", "aside",
    "astride", "at", "athwart", "atop", "barring", "before", "behind", "below", "beneath", "beside",
    "besides",
    "between", "beyond", "but", "by", "c", "ca", "circa", "de", "despite", "down", "during", "et", "except",
    "for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near", "next",
    "nor", "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus", "pro", "qua",
    "sans", "since", "so", "than", "the", "through", "throughout", "thru", "thruout", "till", "to", "toward",
    "towards", "under", "underneath", "until", "unto", "up", "upon", "v", "van", "versus", "via", "von", "vs",
    "whereas", "with", "within", "without", "yet",
  ]
  private static let longestStopWord = 15

  func apply(_ textCase: TextCase, to node: Node) -> Node {
    if textCase == .capitalizeFirst, !turkic, case .text(let s) = node,
      let capitalized = Self.capitalizedLowercaseWord(s)
    {
      return .text(capitalized)
    }
    return applyGeneral(textCase, to: node)
  }

  /// `capitalize-first` of lowercase ASCII words with single spaces between them ("available
  /// from" → "Available from"); nil for any other text.
  static func capitalizedLowercaseWord(_ s: String) -> String? {
    guard let first = s.utf8.first, first >= 0x61 && first <= 0x7A, s.utf8.last != 0x20 else { return nil }
    var previous: UInt8 = 0
    for byte in s.utf8 {
      guard (byte >= 0x61 && byte <= 0x7A) || (byte == 0x20 && previous != 0x20) else { return nil }
      previous = byte
    }
    var bytes = Array(s.utf8)
    bytes[0] = first - 0x20
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``apply(_:to:)`` for any text.
  func applyGeneral(_ textCase: TextCase, to node: Node) -> Node {
    if textCase == .title && !titleCaseApplies { return node }
    var text = CaseText(node)
    if text.characters.isEmpty { return node }
    var engine = CaseEngine(mode: textCase, caser: self)
    engine.run(&text)
    return text.rebuild(node)
  }

  // MARK: character mapping

  func uppercased(_ ch: Character) -> String {
    if turkic {
      if ch == "i" { return "\u{130}" }
      if ch == "\u{131}" { return "I" }
    }
    return ch.uppercased()
  }

  func lowercased(_ word: ArraySlice<Character>) -> String {
    let s = String(word)
    guard turkic else { return s.lowercased() }
    return s.replacing("I", with: "\u{131}").replacing("\u{130}", with: "i").lowercased()
  }

  func uppercased(_ word: ArraySlice<Character>) -> String {
    let s = String(word)
    guard turkic else { return s.uppercased() }
    return s.replacing("i", with: "\u{130}").replacing("\u{131}", with: "I").uppercased()
  }
}

/// The text leaves of a node tree as one character stream, with what is needed to cut it into
/// segments and to put changed characters back into the tree.
private struct CaseText {
  /// The original characters of all leaves, in order.
  var characters: [Character] = []
  /// The output for each character position (normally the character itself; a changed word may
  /// put its whole text at its first position and empty strings after it).
  var output: [String] = []
  /// Per character: inside `nocase`.
  var protected: [Bool] = []
  /// Per character: a markup boundary (formatting, quotes, nocase) comes right before it.
  var boundaryBefore: [Bool] = []
  var leafLengths: [Int] = []

  init(_ node: Node) {
    var pendingBoundary = false
    collect(node, protected: false, &pendingBoundary)
    output = characters.map { String($0) }
  }

  private mutating func collect(_ node: Node, protected isProtected: Bool, _ pendingBoundary: inout Bool) {
    switch node {
    case .text(let s):
      var count = 0
      for ch in s {
        characters.append(ch)
        protected.append(isProtected)
        boundaryBefore.append(pendingBoundary)
        pendingBoundary = false
        count += 1
      }
      leafLengths.append(count)
    case .sequence(let items):
      for item in items { collect(item, protected: isProtected, &pendingBoundary) }
    case .tagged(_, let inner):
      collect(inner, protected: isProtected, &pendingBoundary)
    case .noCase(let inner):
      pendingBoundary = true
      collect(inner, protected: true, &pendingBoundary)
      pendingBoundary = true
    case .styled(_, let inner), .quoted(let inner), .display(_, let inner):
      pendingBoundary = true
      collect(inner, protected: isProtected, &pendingBoundary)
      pendingBoundary = true
    }
  }

  func rebuild(_ node: Node) -> Node {
    var leaf = 0
    var offset = 0
    return rebuild(node, &leaf, &offset)
  }

  private func rebuild(_ node: Node, _ leaf: inout Int, _ offset: inout Int) -> Node {
    switch node {
    case .text:
      let range = offset..<(offset + leafLengths[leaf])
      leaf += 1
      offset = range.upperBound
      let changed = range.contains { output[$0].count != 1 || output[$0].first != characters[$0] }
      return changed ? .text(output[range].joined()) : node
    case .sequence(let items):
      return .sequence(items.map { rebuild($0, &leaf, &offset) })
    case .tagged(let t, let inner): return .tagged(t, rebuild(inner, &leaf, &offset))
    case .noCase(let inner): return .noCase(rebuild(inner, &leaf, &offset))
    case .styled(let f, let inner): return .styled(f, rebuild(inner, &leaf, &offset))
    case .quoted(let inner): return .quoted(rebuild(inner, &leaf, &offset))
    case .display(let d, let inner): return .display(d, rebuild(inner, &leaf, &offset))
    }
  }
}

/// What separates two segments of the stream.
private enum CaseTag: Equatable {
  /// A markup boundary (no character).
  case markup
  /// A punctuation character.
  case punctuation(Character)
  /// A quotation mark or apostrophe; `spaced` for a straight quote after a space (an opening one).
  case quote(Character, spaced: Bool)
}

private struct CaseSegment {
  var range: Range<Int>
  var isProtected: Bool
}

/// The text-case state machine: walks the segments in order, tracking the first word, words after
/// a colon, question or exclamation mark, the last word (title case) and quotation marks whose
/// partner is missing (the segment after such a mark keeps its original first character).
private struct CaseEngine {
  let mode: TextCase
  let caser: TextCaser
  var isFirst = true
  var afterPunctuation = false
  var lastWord: Range<Int>?
  /// Open quotation marks: the mark that would nest inside, the expected closing mark and the
  /// segment after the opening mark (nil when it need not be restored).
  var openQuotes: [(nested: CaseTag, closer: Character, segment: Int?)] = []

  init(mode: TextCase, caser: TextCaser) {
    self.mode = mode
    self.caser = caser
  }

  /// The byte of a character that is one ASCII scalar (not "\r\n"), for quick tests.
  private static func singleASCII(_ ch: Character) -> UInt8? {
    let utf8 = ch.utf8
    guard utf8.count == 1, let byte = utf8.first else { return nil }
    return byte
  }

  private static func isSpace(_ ch: Character) -> Bool {
    if let byte = singleASCII(ch) { return byte == 0x20 || byte == 0x0A || byte == 0x09 }
    switch ch {
    case " ", "\u{00A0}", "\u{2000}"..."\u{200B}", "\u{205F}", "\u{3000}", "\n", "\t": return true
    default: return false
    }
  }

  private static func isPunctuationTag(_ ch: Character) -> Bool {
    if let byte = singleASCII(ch) {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"),
        UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"),
        UInt8(ascii: "("), UInt8(ascii: ")"):
        return true
      default: return false
      }
    }
    switch ch {
    case "-", "\u{2013}", "\u{2014}", "/", ".", ",", ";", "?", "!", ":", "[", "]", "(", ")": return true
    default: return false
    }
  }

  private static func isQuoteTag(_ ch: Character) -> Bool {
    if let byte = singleASCII(ch) { return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
    switch ch {
    case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\"", "'": return true
    default: return false
    }
  }

  private var tracksQuotes: Bool { mode != .lowercase && mode != .uppercase }

  mutating func run(_ text: inout CaseText) {
    // Cut the stream into segments separated by tags.
    var segments: [CaseSegment] = []
    var tags: [CaseTag] = []
    let chars = text.characters
    var start = 0
    var index = 0
    while index < chars.count {
      if text.boundaryBefore[index] {
        segments.append(
          CaseSegment(range: start..<index, isProtected: index > start && text.protected[start]))
        tags.append(.markup)
        start = index
      }
      let ch = chars[index]
      if Self.isPunctuationTag(ch) || Self.isQuoteTag(ch) {
        var segmentEnd = index
        var spaced = false
        if (ch == "\"" || ch == "'") && index > start && chars[index - 1] == " " {
          segmentEnd = index - 1
          spaced = true
        }
        segments.append(CaseSegment(range: start..<segmentEnd, isProtected: text.protected[index]))
        tags.append(Self.isPunctuationTag(ch) ? .punctuation(ch) : .quote(ch, spaced: spaced))
        start = index + 1
      }
      index += 1
    }
    segments.append(
      CaseSegment(range: start..<chars.count, isProtected: start < chars.count && text.protected[start]))

    func isBlank(_ segment: CaseSegment) -> Bool {
      !chars[segment.range].contains { !Self.isSpace($0) }
    }

    if !segments[0].isProtected && !isBlank(segments[0]) {
      capitaliseWords(segments[0], opening: true, following: tags.first, &text)
    }
    for (tagIndex, tag) in tags.enumerated() {
      let segment = segments[tagIndex + 1]
      let blank = isBlank(segment)
      if case .punctuation(let p) = tag, p == "!" || p == "?" || p == ":" { afterPunctuation = true }
      if !segment.isProtected {
        capitaliseWords(segment, following: tagIndex + 1 < tags.count ? tags[tagIndex + 1] : nil, &text)
      } else if !blank {
        lastWord = nil
      }
      if tracksQuotes, case .quote(let mark, let spaced) = tag {
        if let restore = trackQuote(mark, spaced: spaced, segment: tagIndex + 1) {
          restoreFirst(segments[restore], &text)
          lastWord = nil
        }
      }
      if !blank {
        isFirst = false
        afterPunctuation = false
      }
    }
    if tracksQuotes {
      for open in openQuotes {
        if let segment = open.segment { restoreFirst(segments[segment], &text) }
      }
    }
    // A stop word that ends the title is capitalized after all.
    if mode == .title, let last = lastWord, last.count > 1, isStopWord(chars[last]) {
      capitalise(last, &text)
    }
  }

  /// Follows quotation marks in the text; returns the segment whose first character must be
  /// restored when a mark has no partner.
  private mutating func trackQuote(_ mark: Character, spaced: Bool, segment: Int) -> Int? {
    let tag = CaseTag.quote(mark, spaced: spaced)
    let opens = mark == "\u{201C}" || mark == "\u{2018}" || spaced
    if opens {
      let nested: CaseTag
      let closer: Character
      switch mark {
      case "\u{201C}": nested = tag; closer = "\u{201D}"
      case "\u{2018}": nested = tag; closer = "\u{2019}"
      case "\"": nested = .quote("'", spaced: true); closer = "\""
      default: nested = .quote("\"", spaced: true); closer = "'"
      }
      if let top = openQuotes.last, top.nested != tag {
        openQuotes.removeLast()
        openQuotes.append((nested, closer, nil))
        return top.segment
      }
      openQuotes.append((nested, closer, segment))
      return nil
    }
    if let top = openQuotes.last, top.closer == mark {
      openQuotes.removeLast()
      return nil
    }
    return segment
  }

  private func restoreFirst(_ segment: CaseSegment, _ text: inout CaseText) {
    guard let first = segment.range.first else { return }
    if text.output[first].count == 1 || segment.range.count == 1 {
      text.output[first] = String(text.characters[first])
    }
  }

  /// The words of a segment (maximal runs of non-space characters).
  private func words(_ segment: CaseSegment, _ chars: [Character]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var wordStart: Int?
    for index in segment.range {
      if Self.isSpace(chars[index]) {
        if let s = wordStart { result.append(s..<index) }
        wordStart = nil
      } else if wordStart == nil {
        wordStart = index
      }
    }
    if let s = wordStart { result.append(s..<segment.range.upperBound) }
    return result
  }

  private mutating func capitaliseWords(
    _ segment: CaseSegment, opening: Bool = false, following: CaseTag?, _ text: inout CaseText
  ) {
    let chars = text.characters
    let list = words(segment, chars)
    for (position, word) in list.enumerated() {
      switch mode {
      case .lowercase:
        replace(word, with: caser.lowercased(chars[word]), &text)
      case .uppercase:
        replace(word, with: caser.uppercased(chars[word]), &text)
      case .capitalizeAll:
        capitalise(word, &text)
      case .capitalizeFirst:
        if isFirst {
          capitalise(word, &text)
          isFirst = false
        }
      case .sentence:
        if isFirst {
          capitalise(word, &text)
          isFirst = false
        } else {
          replace(word, with: caser.lowercased(chars[word]), &text)
        }
      case .title:
        // A stop word that ends the opening segment right before a hyphen ("the up-to-date")
        // is capitalized; stop words inside a compound ("out-of-fashion") are not.
        let beforeHyphen =
          opening && position == list.count - 1
          && word.upperBound == segment.range.upperBound && following == .punctuation("-")
        if word.count > 1 && !isStopWord(chars[word]) {
          if !hasInnerCapital(chars[word]) { capitalise(word, &text) }
        } else if beforeHyphen || isFirst || afterPunctuation {
          capitalise(word, &text)
        }
        afterPunctuation = false
        isFirst = false
        lastWord = word
      }
    }
  }

  private func isStopWord(_ word: ArraySlice<Character>) -> Bool {
    guard word.count <= 15 else { return false }
    return TextCaser.stopWords.contains(String(word).lowercased())
  }

  /// Words like "iPad" or "eBay" (lowercase first letter, a capital later) keep their case.
  private func hasInnerCapital(_ word: ArraySlice<Character>) -> Bool {
    guard let first = word.first, first.isLowercase else { return false }
    return word.dropFirst().contains { $0.isUppercase }
  }

  /// Uppercases the first character of a word, except a lone Greek letter (a symbol in a title).
  private func capitalise(_ word: Range<Int>, _ text: inout CaseText) {
    let first = text.characters[word.lowerBound]
    if word.count == 1, let scalar = first.unicodeScalars.first, (0x370...0x3FF).contains(scalar.value) {
      return
    }
    guard text.output[word.lowerBound] == String(first) || word.count == 1 else {
      return
    }
    text.output[word.lowerBound] = caser.uppercased(first)
  }

  private func replace(_ word: Range<Int>, with value: String, _ text: inout CaseText) {
    let mapped = Array(value)
    if mapped.count == word.count {
      for (offset, ch) in mapped.enumerated() { text.output[word.lowerBound + offset] = String(ch) }
    } else {
      text.output[word.lowerBound] = value
      for index in (word.lowerBound + 1)..<word.upperBound { text.output[index] = "" }
    }
  }
}
