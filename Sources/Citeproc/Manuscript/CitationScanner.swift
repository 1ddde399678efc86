/// Finds pandoc citations in a Markdown (or HTML) manuscript.
///
/// - `[@key]`, `[@key, p. 33]`, `[see @a, pp. 3–5; @b]`: a bracketed citation of cites separated
///   by `;`. Each cite is `prefix @key, locator suffix`; a `-` right before the `@` suppresses the
///   author. A locator is a locator term (`p.`, `pp.`, `chap.`, `fig.`, `sec.`, `§`, …, see
///   ``LocatorTerms``) and numbers (`33-35, 38`, or anything in braces: `{iv, 33}`); numbers
///   without a term are pages. Whatever follows is the suffix.
/// - `@key` in running text is an in-text citation; `@key [p. 33]` gives it a locator.
/// - A key begins with a letter, digit or `_` and holds letters, digits, `_` and single inner
///   punctuation from `:.#$%&-+?<>~/`; `@{any key}` takes any key.
/// - Never citations: text in code spans, fenced code blocks and HTML comments; an `@` after a
///   letter or digit (an e-mail address); a backslash-escaped `\@` or `\[`.
/// - Malformed citations are errors (`file:line:column`): a bracket with cites that is not
///   closed in its paragraph, an `@` with no key, a part with no key (`[@a; see]`), two keys in
///   one cite (`[@a @b]`), `@{` without `}`.
///
/// The scanner never fails on any input, and its work grows linearly with the text (brackets
/// are matched within ``maximumBracketLength`` bytes).
public struct CitationScanner: Sendable {
  /// The label used in diagnostics: the manuscript's path.
  public var file: String
  /// The longest bracketed citation, in UTF-8 bytes.
  public static let maximumBracketLength = 8192

  public init(file: String) {
    self.file = file
  }

  public func scan(_ text: String) -> ManuscriptScan {
    var state = ScanState(bytes: Array(text.utf8), file: file)
    state.run()
    return ManuscriptScan(citations: state.citations, markers: state.markers, diagnostics: state.diagnostics)
  }
}

private struct ScanState {
  let bytes: [UInt8]
  let file: String
  var citations: [ManuscriptCitation] = []
  var markers: [ReferencesMarker] = []
  var diagnostics: [Diagnostic] = []

  var index = 0
  var line = 1
  var lineStart = 0
  /// Code-span search memo: for a backtick run length, a position before which no closing run
  /// exists (the search already ran there).
  var noCloserBefore: [Int: Int] = [:]
  /// Comment search memo: no `-->` from this position on.
  var noCommentEnd = Int.max
  /// The last place worked out: a position with its line and column.
  var placeMemo = (position: 0, line: 1, column: 1)

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  // MARK: positions

  /// Moves to `target`, counting the line breaks passed.
  mutating func advance(to target: Int) {
    let end = min(target, bytes.count)
    while index < end {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
  }

  /// Line and column of `position`, which lies at or after the current line start. Walks
  /// forward from the last place asked for when it is on the way, so the cost stays linear.
  mutating func place(of requested: Int) -> (line: Int, column: Int) {
    let position = min(max(requested, lineStart), bytes.count)
    var from = (position: lineStart, line: line, column: 1)
    if placeMemo.position >= lineStart && placeMemo.position <= position { from = placeMemo }
    var lineNumber = from.line
    var column = from.column
    for offset in from.position..<position {
      if bytes[offset] == 0x0A {
        lineNumber += 1
        column = 1
      } else if bytes[offset] & 0xC0 != 0x80 {
        column += 1
      }
    }
    placeMemo = (position, lineNumber, column)
    return (lineNumber, column)
  }

  mutating func error(_ message: String, at position: Int) {
    let (l, c) = place(of: position)
    diagnostics.append(.error(message, file: file, line: l, column: c))
  }

  // MARK: bytes

  func byte(_ position: Int) -> UInt8? {
    position >= 0 && position < bytes.count ? bytes[position] : nil
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
      || byte >= 0x80
  }

  static let innerPunctuation: Set<UInt8> = Set(":.#$%&-+?<>~/".utf8)

  /// Whether the `@` at `position` starts a cite: not after a word character, and followed by a
  /// key character or `{`.
  func isCiteAt(_ position: Int) -> Bool {
    guard bytes[position] == UInt8(ascii: "@") else { return false }
    if let previous = byte(position - 1), Self.isWordByte(previous) { return false }
    if position > 0, bytes[position - 1] == UInt8(ascii: "\\") { return false }
    guard let next = byte(position + 1) else { return false }
    return Self.isWordByte(next) || next == UInt8(ascii: "{")
  }

  /// Whether the `@` at `position` stands where a key should be but has none (`[@]`, `[see @;`).
  func isEmptyCiteAt(_ position: Int, end: Int) -> Bool {
    guard bytes[position] == UInt8(ascii: "@") else { return false }
    if let previous = byte(position - 1), Self.isWordByte(previous) || previous == UInt8(ascii: "\\") {
      return false
    }
    guard position + 1 < end else { return true }
    let next = bytes[position + 1]
    return next == UInt8(ascii: ";") || next == UInt8(ascii: ",") || next == UInt8(ascii: "]")
  }

  /// The key of the cite whose `@` is at `position`, and the position after it; nil (with an
  /// error) for `@{` without `}`.
  mutating func key(at position: Int, limit: Int) -> (key: String, end: Int)? {
    var cursor = position + 1
    if byte(cursor) == UInt8(ascii: "{") {
      var close = cursor + 1
      while close < limit, bytes[close] != UInt8(ascii: "}"), bytes[close] != 0x0A { close += 1 }
      guard close < limit, bytes[close] == UInt8(ascii: "}"), close > cursor + 1 else {
        error("malformed citation: '@{' without a key and a closing '}'", at: position)
        return nil
      }
      return (String(decoding: bytes[(cursor + 1)..<close], as: UTF8.self), close + 1)
    }
    while cursor < limit {
      let current = bytes[cursor]
      if Self.isWordByte(current) {
        cursor += 1
      } else if Self.innerPunctuation.contains(current), cursor + 1 < limit,
        Self.isWordByte(bytes[cursor + 1])
      {
        cursor += 1
      } else {
        break
      }
    }
    return (String(decoding: bytes[(position + 1)..<cursor], as: UTF8.self), cursor)
  }

  /// Whether a blank line starts right after the line break at `position`.
  func blankLineFollows(_ position: Int) -> Bool {
    var cursor = position + 1
    while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0D {
      cursor += 1
    }
    return cursor >= bytes.count || bytes[cursor] == 0x0A
  }

  // MARK: code spans and comments

  /// The length of the backtick run at `position`.
  func runLength(at position: Int) -> Int {
    var end = position
    while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
    return end - position
  }

  /// The end of the code span opened by the run of `length` backticks ending at `from`, or nil
  /// when no run of the same length closes it in the paragraph.
  mutating func codeSpanEnd(from: Int, length: Int) -> Int? {
    if let before = noCloserBefore[length], from < before { return nil }
    var cursor = from
    while cursor < bytes.count {
      let current = bytes[cursor]
      if current == UInt8(ascii: "`") {
        let run = runLength(at: cursor)
        if run == length { return cursor + run }
        cursor += run
      } else if current == 0x0A && blankLineFollows(cursor) {
        break
      } else {
        cursor += 1
      }
    }
    noCloserBefore[length] = cursor
    return nil
  }

  /// The end of the HTML comment starting at `position`, or nil when it is not closed.
  mutating func commentEnd(from position: Int) -> Int? {
    guard position < noCommentEnd else { return nil }
    var cursor = position + 4
    while cursor + 2 < bytes.count {
      if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-"),
        bytes[cursor + 2] == UInt8(ascii: ">")
      {
        return cursor + 3
      }
      cursor += 1
    }
    noCommentEnd = position
    return nil
  }

  func startsWith(_ literal: String, at position: Int) -> Bool {
    var cursor = position
    for expected in literal.utf8 {
      guard cursor < bytes.count, bytes[cursor] == expected else { return false }
      cursor += 1
    }
    return true
  }

  // MARK: the main loop

  mutating func run() {
    var fence: (byte: UInt8, length: Int)?
    var atLineStart = true
    while index < bytes.count {
      if atLineStart {
        atLineStart = false
        let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
        let content = trimmedLine(index, lineEnd)
        if let open = fence {
          if let close = fenceOpening(content), close.byte == open.byte, close.length >= open.length,
            close.info.isEmpty
          {
            fence = nil
          }
          advance(to: lineEnd)
          continue
        }
        if let open = fenceOpening(content),
          !(open.byte == UInt8(ascii: "`") && open.info.contains(UInt8(ascii: "`")))
        {
          fence = (open.byte, open.length)
          advance(to: lineEnd)
          continue
        }
        if let marker = markerKind(content) {
          recordMarker(marker, lineEnd: lineEnd)
          continue
        }
      }
      let current = bytes[index]
      switch current {
      case 0x0A:
        advance(to: index + 1)
        atLineStart = true
      case UInt8(ascii: "\\"):
        advance(to: byte(index + 1) == 0x0A ? index + 1 : index + 2)
      case UInt8(ascii: "`"):
        let length = runLength(at: index)
        if let end = codeSpanEnd(from: index + length, length: length) {
          advance(to: end)
        } else {
          advance(to: index + length)
        }
      case UInt8(ascii: "<"):
        if startsWith("<!--", at: index), let end = commentEnd(from: index) {
          advance(to: end)
        } else {
          advance(to: index + 1)
        }
      case UInt8(ascii: "["):
        bracket()
      case UInt8(ascii: "@"):
        inText()
      default:
        advance(to: index + 1)
      }
    }
  }

  /// The bytes of a line without leading spaces (up to three) and trailing white space.
  func trimmedLine(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
    var from = start
    while from < end, from - start < 3, bytes[from] == 0x20 { from += 1 }
    var to = end
    while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 || bytes[to - 1] == 0x0D { to -= 1 }
    return bytes[from..<to]
  }

  /// A code fence: three or more backticks or tildes, and the info string after them.
  func fenceOpening(_ content: ArraySlice<UInt8>) -> (byte: UInt8, length: Int, info: ArraySlice<UInt8>)? {
    guard let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
      return nil
    }
    let length = content.prefix(while: { $0 == first }).count
    guard length >= 3 else { return nil }
    return (first, length, content.dropFirst(length))
  }

  func markerKind(_ content: ArraySlice<UInt8>) -> ReferencesMarker.Kind? {
    let text = String(decoding: content, as: UTF8.self)
    if text.hasPrefix(":::") {
      let rest = text.drop(while: { $0 == ":" }).trimmingSpaces
      if rest.hasPrefix("{#refs"), rest.hasSuffix("}") {
        let after = rest.dropFirst(6).first
        if after == "}" || after == " " { return .fencedDiv }
      }
      return nil
    }
    let squeezed = text.lowercased().filter { !$0.isWhitespace }
    if squeezed == "<divid=\"refs\"></div>" || squeezed == "<divid=\"refs\">"
      || squeezed == "<divid='refs'></div>"
    {
      return .htmlDiv
    }
    if squeezed == "<!--references-->" { return .comment }
    return nil
  }

  /// Records a marker on the line at `index`, with the closing line of a div when it follows.
  mutating func recordMarker(_ kind: ReferencesMarker.Kind, lineEnd: Int) {
    let start = index
    let markerLine = line
    var end = lineEnd
    let text = String(decoding: bytes[start..<lineEnd], as: UTF8.self)
    let needsClose = kind == .fencedDiv || (kind == .htmlDiv && !text.lowercased().contains("</div>"))
    if needsClose, lineEnd < bytes.count {
      let nextEnd = bytes[(lineEnd + 1)...].firstIndex(of: 0x0A) ?? bytes.count
      let next = String(decoding: trimmedLine(lineEnd + 1, nextEnd), as: UTF8.self)
      let closes =
        kind == .fencedDiv
        ? (next.count >= 3 && next.allSatisfy { $0 == ":" }) : next.lowercased() == "</div>"
      if closes { end = nextEnd }
    }
    markers.append(ReferencesMarker(kind: kind, range: start..<end, line: markerLine))
    advance(to: end)
  }

  // MARK: brackets

  /// Finds the `]` closing the `[` at `open` within its paragraph: the position of `]` (or nil)
  /// and whether a cite-like `@` (or an `@` with no key) lies at the bracket's own level.
  mutating func matchBracket(_ open: Int) -> (close: Int?, stop: Int, hasCite: Bool) {
    var depth = 0
    var cursor = open
    var hasCite = false
    let limit = min(bytes.count, open + CitationScanner.maximumBracketLength)
    while cursor < limit {
      let current = bytes[cursor]
      switch current {
      case UInt8(ascii: "\\"):
        cursor += 2
        continue
      case UInt8(ascii: "`"):
        let length = runLength(at: cursor)
        cursor = codeSpanEnd(from: cursor + length, length: length) ?? (cursor + length)
        continue
      case UInt8(ascii: "["):
        depth += 1
      case UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return (cursor, cursor, hasCite) }
      case UInt8(ascii: "@"):
        if depth == 1 && (isCiteAt(cursor) || isEmptyCiteAt(cursor, end: limit)) { hasCite = true }
      case 0x0A:
        if blankLineFollows(cursor) { return (nil, cursor, hasCite) }
      default:
        break
      }
      cursor += 1
    }
    return (nil, min(cursor, bytes.count), hasCite)
  }

  mutating func bracket() {
    let open = index
    let match = matchBracket(open)
    guard match.hasCite else {
      // No citation inside: an ordinary bracket (a link, a footnote reference, …).
      if let close = match.close { advance(to: close + 1) } else { advance(to: open + 1) }
      return
    }
    guard let close = match.close else {
      error("malformed citation: '[' is not closed by ']' in its paragraph", at: open)
      advance(to: match.stop)
      return
    }
    let (l, c) = place(of: open)
    let cites = parseCites(from: open + 1, to: close)
    if let cites {
      citations.append(
        ManuscriptCitation(kind: .bracketed, cites: cites, range: open..<(close + 1), line: l, column: c))
    }
    advance(to: close + 1)
  }

  /// The cites between `start` and `end` (a bracket's inside), or nil after reporting errors.
  mutating func parseCites(from start: Int, to end: Int) -> [ManuscriptCite]? {
    // Split at `;` outside nested brackets, code spans and escapes.
    var segments: [Range<Int>] = []
    var segmentStart = start
    var depth = 0
    var cursor = start
    while cursor < end {
      switch bytes[cursor] {
      case UInt8(ascii: "\\"):
        cursor += 2
        continue
      case UInt8(ascii: "`"):
        let length = runLength(at: cursor)
        cursor = min(end, codeSpanEnd(from: cursor + length, length: length) ?? (cursor + length))
        continue
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: ";") where depth == 0:
        segments.append(segmentStart..<cursor)
        segmentStart = cursor + 1
      default: break
      }
      cursor += 1
    }
    segments.append(segmentStart..<end)
    var cites: [ManuscriptCite] = []
    var failed = false
    for segment in segments {
      if let cite = parseCite(segment) { cites.append(cite) } else { failed = true }
    }
    return failed ? nil : cites
  }

  /// Positions of the `@`s that start cites in `segment`, outside code spans and nested brackets.
  mutating func citeMarks(in segment: Range<Int>) -> (cites: [Int], empty: [Int]) {
    var cites: [Int] = []
    var empty: [Int] = []
    var depth = 0
    var cursor = segment.lowerBound
    while cursor < segment.upperBound {
      switch bytes[cursor] {
      case UInt8(ascii: "\\"):
        cursor += 2
        continue
      case UInt8(ascii: "`"):
        let length = runLength(at: cursor)
        cursor = codeSpanEnd(from: cursor + length, length: length) ?? (cursor + length)
        continue
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: "@") where depth == 0:
        if isCiteAt(cursor) {
          cites.append(cursor)
        } else if isEmptyCiteAt(cursor, end: segment.upperBound) {
          empty.append(cursor)
        }
      default: break
      }
      cursor += 1
    }
    return (cites, empty)
  }

  mutating func parseCite(_ segment: Range<Int>) -> ManuscriptCite? {
    let marks = citeMarks(in: segment)
    if let first = marks.empty.first {
      error("malformed citation: '@' without a citation key", at: first)
      return nil
    }
    guard let at = marks.cites.first else {
      let text = String(decoding: bytes[segment], as: UTF8.self).trimmingSpaces
      if text.isEmpty {
        error("malformed citation: an empty cite (a ';' too many?)", at: max(segment.lowerBound - 1, 0))
      } else {
        let firstWord = segment.first(where: {
          !(bytes[$0] == 0x20 || bytes[$0] == 0x0A || bytes[$0] == 0x09)
        })
        error(
          "malformed citation: '\(text)' has no @key (cites are separated by ';' and each needs one key)",
          at: firstWord ?? segment.lowerBound)
      }
      return nil
    }
    if marks.cites.count > 1 {
      error(
        "malformed citation: two keys in one cite; separate cites with ';'", at: marks.cites[1])
      return nil
    }
    guard let (key, keyEnd) = key(at: at, limit: segment.upperBound) else { return nil }
    var prefixEnd = at
    var suppressAuthor = false
    if at > segment.lowerBound, bytes[at - 1] == UInt8(ascii: "-") {
      let before = at - 2
      if before < segment.lowerBound || bytes[before] == 0x20 || bytes[before] == 0x0A
        || bytes[before] == 0x09
      {
        suppressAuthor = true
        prefixEnd = at - 1
      }
    }
    var item = CiteItem(id: key, suppressAuthor: suppressAuthor)
    let prefix = ManuscriptText.inline(String(decoding: bytes[segment.lowerBound..<prefixEnd], as: UTF8.self))
    if !prefix.isEmpty { item.prefix = prefix + " " }
    let rest = String(decoding: bytes[keyEnd..<segment.upperBound], as: UTF8.self)
    Self.applyLocator(rest, to: &item, requireComma: true)
    let (l, c) = place(of: suppressAuthor ? at - 1 : at)
    return ManuscriptCite(item: item, line: l, column: c)
  }

  /// Reads `, p. 33 and passim` (or, for an in-text locator, `p. 33 and passim`) into the
  /// item's locator, label and suffix.
  static func applyLocator(_ rest: String, to item: inout CiteItem, requireComma: Bool) {
    var text = Substring(rest)
    var suffix = Substring(rest)
    let hasComma = text.first == ","
    if hasComma { text = text.dropFirst() }
    text = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
    if hasComma || !requireComma {
      if let (label, afterTerm) = LocatorTerms.match(text),
        let (locator, after) = LocatorTerms.splitLocator(afterTerm)
      {
        item.label = label
        item.locator = locator
        suffix = after
      } else if let first = text.first, first.isNumber || first == "{",
        let (locator, after) = LocatorTerms.splitLocator(text)
      {
        item.label = "page"
        item.locator = locator
        suffix = after
      } else if !requireComma {
        suffix = text
      }
    }
    let cleaned = ManuscriptText.inline(String(suffix))
    if !cleaned.isEmpty {
      // Keep the suffix's own punctuation; a word gets a space before it.
      let leading = suffix.first.map { $0.isWhitespace } ?? false
      let startsWithPunctuation = cleaned.first.map { $0.isPunctuation } ?? false
      item.suffix = (leading || !startsWithPunctuation ? " " : "") + cleaned
    }
  }

  // MARK: in-text citations

  mutating func inText() {
    let at = index
    guard isCiteAt(at) else {
      advance(to: at + 1)
      return
    }
    guard let (key, keyEnd) = key(at: at, limit: bytes.count) else {
      advance(to: at + 1)
      return
    }
    var item = CiteItem(id: key)
    var end = keyEnd
    // `@key [p. 33]`: a locator in brackets right after the key.
    var open = keyEnd
    if byte(open) == 0x20 { open += 1 }
    if byte(open) == UInt8(ascii: "[") {
      let match = matchBracket(open)
      if let close = match.close, !match.hasCite {
        let inside = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        if !inside.hasPrefix("^") {
          Self.applyLocator(inside, to: &item, requireComma: false)
          end = close + 1
        }
      }
    }
    let (l, c) = place(of: at)
    citations.append(
      ManuscriptCitation(
        kind: .inText, cites: [ManuscriptCite(item: item, line: l, column: c)], range: at..<end, line: l,
        column: c))
    advance(to: end)
  }
}

/// Markdown inside prefixes and suffixes, turned into the markup the engine reads.
enum ManuscriptText {
  /// `*x*` and `_x_` become `<i>x</i>`, `**x**` becomes `<b>x</b>`; backslash escapes are
  /// resolved; line breaks and runs of spaces become one space; the ends are trimmed.
  static func inline(_ text: String) -> String {
    var characters: [Character] = []
    var escaped: [Bool] = []
    var previousSpace = false
    var iterator = text.trimmingSpaces.makeIterator()
    while let character = iterator.next() {
      if character == "\\", let next = iterator.next() {
        characters.append(next)
        escaped.append(true)
        previousSpace = false
        continue
      }
      if character.isWhitespace {
        if previousSpace { continue }
        previousSpace = true
        characters.append(" ")
        escaped.append(false)
        continue
      }
      previousSpace = false
      characters.append(character)
      escaped.append(false)
    }
    var out = ""
    var position = 0
    while position < characters.count {
      let character = characters[position]
      if !escaped[position], character == "*" || character == "_" {
        let double =
          position + 1 < characters.count && characters[position + 1] == character && !escaped[position + 1]
        let width = double ? 2 : 1
        if let close = closing(
          character, width: width, in: characters, escaped: escaped, from: position + width)
        {
          let inner = String(characters[(position + width)..<close])
          out += double ? "<b>\(inner)</b>" : "<i>\(inner)</i>"
          position = close + width
          continue
        }
      }
      out.append(character)
      position += 1
    }
    return out
  }

  private static func closing(
    _ mark: Character, width: Int, in characters: [Character], escaped: [Bool], from start: Int
  ) -> Int? {
    guard start < characters.count, characters[start] != " " else { return nil }
    var position = start + 1
    while position + width - 1 < characters.count {
      if characters[position] == mark, !escaped[position], characters[position - 1] != " " {
        if width == 1 { return position }
        if characters[position + 1] == mark { return position }
      }
      position += 1
    }
    return nil
  }
}
