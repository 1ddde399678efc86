/// Parses the HTML-like markup CSL-JSON allows inside field values (`<i>`, `<b>`, `<sc>`, `<sup>`,
/// `<sub>`, `<span class="nocase">`, `<span class="nodecor">`,
/// `<span style="font-variant:small-caps;">`) and quotation marks into a ``Node``.
///
/// Quotation marks: a straight `"` or `'` opens a quotation at the start, after a space or an
/// opening parenthesis, or right after another opening mark; elsewhere it closes one. Curly `“`
/// and `‘` open, `”` and `’` close. Pairs become ``Node/quoted(_:)`` (their level, outer or inner,
/// is decided where the output is finished). A straight `'` followed by a letter or digit is an
/// apostrophe and becomes `’`, as does any `'` left without a partner. Markup and quotation marks
/// without a partner stay literal text.
enum RichText {
  private enum Markup: Equatable {
    case italic, bold, smallCaps, superscript, subscriptText, noCase, noDecor, quote
  }

  private enum Token: Equatable {
    case text(String)
    /// An opening tag: what it starts, the closing tag it waits for, its literal text.
    case open(Markup, closer: String, literal: String)
    case close(String)
  }

  private static let markupClosers = ["</i>", "</b>", "</sc>", "</sup>", "</sub>", "</span>"]

  /// Parses `value`; with `plain`, returns it as text unchanged.
  static func parse(_ value: String, plain: Bool = false) -> Node {
    if plain { return .text(value) }
    let value = narrowingSpaces(value)
    if !mayHaveMarkupOrQuotes(value) { return .text(value) }
    if let text = withWordApostrophes(value) { return .text(text) }
    switch markupOrQuoteCharacter(inBytesOf: value) {
    case false?: return .text(value)
    case true?: break
    case nil:
      if !value.contains(where: isMarkupOrQuote) { return .text(value) }
    }
    return parsedMarkup(value)
  }

  /// ``parse(_:plain:)`` of text whose spaces are already narrowed, without the shortcuts.
  static func parsedMarkup(_ value: String) -> Node {
    var tokens = tokenize(value)
    let quoted = resolve(&tokens)
    let node = build(tokens)
    return quoted ? .tagged(.richText, node) : node
  }

  /// `value` with its straight apostrophes made typographic, when its only markup or quotation
  /// characters are apostrophes inside words ("Alzheimer's disease"): each stands between two
  /// ASCII characters, after one that is not a space or `(` and before one that continues a word.
  /// Nil for any other text (it takes the general way).
  static func withWordApostrophes(_ value: String) -> String? {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
      var apostrophes = 0
      for (offset, byte) in bytes.enumerated() {
        switch byte {
        case 0x3C, 0x22, 0xE2: return nil
        case 0x27:
          guard offset > 0, offset + 1 < bytes.count else { return nil }
          let before = bytes[offset - 1]
          let after = bytes[offset + 1]
          guard before < 0x80, before != 0x20, before != 0x28, after < 0x80 else { return nil }
          switch after {
          // Characters that end a word: the apostrophe might close a quotation.
          case 0x2C, 0x2E, 0x3F, 0x3A, 0x3B, 0x20, 0x22, 0x27, 0x3C: return nil
          default: apostrophes += 1
          }
        default: continue
        }
      }
      guard apostrophes > 0 else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 2 * apostrophes)
      for byte in bytes {
        if byte == 0x27 {
          out.append(contentsOf: [0xE2, 0x80, 0x99])
        } else {
          out.append(byte)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    var value = value
    return value.withUTF8 { scan($0) }
  }

  /// Whether a cite prefix counts as text before the cite's first term (which then keeps its
  /// lowercase): any prefix except one that ends a sentence of more than one word ("As shown
  /// above." but not "Cf.").
  static func prefixPrecedesTerms(_ prefix: String?) -> Bool {
    guard let prefix, !prefix.isEmpty else { return false }
    let trimmed = prefix.trimmingSpaces
    // A sentence may end inside closing quotation marks ('He said “Please work.”').
    let unquoted = trimmed.reversed().drop { "\"'\u{201D}\u{2019}\u{BB}".contains($0) }
    guard let last = unquoted.first, ".:;!?".contains(last) else { return true }
    return !trimmed.contains(" ")
  }

  /// A space before `:`, `;`, `?`, `!` or `»`, or after `«`, becomes a narrow no-break space
  /// (French typography).
  static func narrowingSpaces(_ value: String) -> String {
    guard mayNarrowSpaces(value) else { return value }
    guard
      value.contains(where: {
        $0 == ":" || $0 == ";" || $0 == "?" || $0 == "!" || $0 == "\u{BB}" || $0 == "\u{AB}"
      })
    else { return value }
    var out = ""
    out.reserveCapacity(value.utf8.count)
    var previous: Character? = nil
    var pendingSpace = false
    for ch in value {
      if pendingSpace {
        pendingSpace = false
        let narrow =
          ch == ":" || ch == ";" || ch == "?" || ch == "!" || ch == "\u{BB}" || previous == "\u{AB}"
        out.append(narrow ? "\u{202F}" : " ")
      }
      if ch == " " {
        pendingSpace = true
        continue
      }
      out.append(ch)
      previous = ch
    }
    if pendingSpace { out.append(previous == "\u{AB}" ? "\u{202F}" : " ") }
    return out
  }

  /// False when no byte of `value` can start `<`, a straight quotation mark, `“` or `‘`: then it
  /// has no markup or quotation to parse.
  private static func mayHaveMarkupOrQuotes(_ value: String) -> Bool {
    value.containsUTF8 { $0 == 0x3C || $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 }
  }

  /// A character that may start markup or a quotation: `<`, a straight quotation mark, `“` or `‘`.
  static func isMarkupOrQuote(_ ch: Character) -> Bool {
    ch == "<" || ch == "\"" || ch == "'" || ch == "\u{201C}" || ch == "\u{2018}"
  }

  /// Whether a character of `value` is one of ``isMarkupOrQuote(_:)``, read from the bytes where they
  /// settle it: false when none of the bytes of those characters occur (`“` is E2 80 9C, `‘` is
  /// E2 80 98); true when `<` or a straight quotation mark stands between ASCII bytes (or at an end),
  /// so that it is a character of its own; nil otherwise.
  static func markupOrQuoteCharacter(inBytesOf value: String) -> Bool? {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
      var found = false
      for (offset, byte) in bytes.enumerated() {
        if byte == 0x3C || byte == 0x22 || byte == 0x27 {
          let before = offset == 0 || bytes[offset - 1] < 0x80
          let after = offset == bytes.count - 1 || bytes[offset + 1] < 0x80
          if before && after { return true }
          found = true
        } else if (byte == 0x9C || byte == 0x98) && offset >= 2 && bytes[offset - 1] == 0x80
          && bytes[offset - 2] == 0xE2
        {
          found = true
        }
      }
      return found ? nil : false
    }
    var value = value
    return value.withUTF8 { scan($0) }
  }

  /// False when no space of `value` is directly followed by `:`, `;`, `?`, `!` or `»`, nor directly
  /// preceded by `«` (in UTF-8): then ``narrowingSpaces(_:)`` returns it unchanged.
  private static func mayNarrowSpaces(_ value: String) -> Bool {
    func scan(_ bytes: some Collection<UInt8>) -> Bool {
      var previous: UInt8 = 0
      var beforePrevious: UInt8 = 0
      for byte in bytes {
        if previous == 0x20 {
          switch byte {
          case 0x3A, 0x3B, 0x3F, 0x21, 0xC2: return true
          default: break
          }
        }
        if byte == 0x20 && previous == 0xAB && beforePrevious == 0xC2 { return true }
        beforePrevious = previous
        previous = byte
      }
      return false
    }
    let utf8 = value.utf8
    return utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(utf8)
  }

  // MARK: tokens

  /// Whether ``tokenize(_:byteRuns:)`` gives the same tokens with and without reading runs of
  /// plain bytes at once.
  static func tokenizesAlike(_ value: String) -> Bool {
    tokenize(value, byteRuns: true) == tokenize(value, byteRuns: false)
  }

  private static func tokenize(_ value: String, byteRuns: Bool = true) -> [Token] {
    var tokens: [Token] = []
    var text = ""
    var previous: Character? = nil
    var afterOpener = false
    var index = value.startIndex
    let utf8 = value.utf8
    /// Printable ASCII other than `<` and the straight quotation marks.
    func isPlain(_ byte: UInt8) -> Bool {
      byte >= 0x20 && byte < 0x7F && byte != 0x3C && byte != 0x22 && byte != 0x27
    }

    func flush() {
      if !text.isEmpty {
        tokens.append(.text(text))
        text = ""
      }
    }

    while index < value.endIndex {
      if byteRuns && isPlain(utf8[index]) {
        // A run of plain bytes is plain text, each byte a character of its own, except the last
        // one before a non-ASCII byte (which may extend it): that one takes the way below.
        var end = utf8.index(after: index)
        while end < utf8.endIndex && isPlain(utf8[end]) { end = utf8.index(after: end) }
        if end < utf8.endIndex && utf8[end] >= 0x80 { end = utf8.index(before: end) }
        if index < end {
          text += value[index..<end]
          afterOpener = false
          previous = Character(Unicode.Scalar(utf8[utf8.index(before: end)]))
          index = end
          continue
        }
      }
      let ch = value[index]
      let next = value.index(after: index)
      // Most characters are plain text: one ASCII byte other than `<` and the straight quotation
      // marks (what the `default` case below does, without comparing characters).
      if ch.utf8.count == 1, let byte = ch.utf8.first, byte != 0x3C, byte != 0x22, byte != 0x27 {
        text.append(ch)
        afterOpener = false
        previous = ch
        index = next
        continue
      }
      if ch == "<", let (token, end) = markupTag(value[index...]) {
        flush()
        tokens.append(token)
        if case .open = token { afterOpener = true } else { afterOpener = false }
        previous = nil
        index = end
        continue
      }
      switch ch {
      case "\"", "'":
        let opens = index == value.startIndex || afterOpener || previous == " " || previous == "("
        let following: Character? = next < value.endIndex ? value[next] : nil
        if ch == "'" && !opens, let following, isWordCharacter(following) {
          // An apostrophe inside or at the end of a word.
          text.append("\u{2019}")
          afterOpener = false
        } else if ch == "'" && opens && following == " " {
          text.append("\u{2019}")
          afterOpener = false
        } else {
          flush()
          if opens {
            tokens.append(.open(.quote, closer: String(ch), literal: String(ch)))
            afterOpener = true
          } else {
            tokens.append(.close(String(ch)))
            afterOpener = false
          }
        }
      case "\u{201C}", "\u{2018}":
        flush()
        tokens.append(.open(.quote, closer: ch == "\u{201C}" ? "\u{201D}" : "\u{2019}", literal: String(ch)))
        afterOpener = true
      case "\u{2019}" where next < value.endIndex && isWordCharacter(value[next]):
        // A typographic apostrophe.
        text.append(ch)
        afterOpener = false
      case "\u{201D}", "\u{2019}":
        flush()
        tokens.append(.close(String(ch)))
        afterOpener = false
      default:
        text.append(ch)
        afterOpener = false
      }
      previous = ch
      index = next
    }
    flush()
    return tokens
  }

  /// A character that continues a word after an apostrophe (not punctuation, space or a mark).
  private static func isWordCharacter(_ ch: Character) -> Bool {
    !",.?:; \"'\u{201C}\u{201D}\u{2018}\u{2019}<".contains(ch)
  }

  /// Recognizes a markup tag at the start of `s`; returns the token and where the tag ends.
  private static func markupTag(_ s: Substring) -> (Token, String.Index)? {
    let simple: [(String, Markup, String)] = [
      ("<i>", .italic, "</i>"), ("<b>", .bold, "</b>"), ("<sc>", .smallCaps, "</sc>"),
      ("<sup>", .superscript, "</sup>"), ("<sub>", .subscriptText, "</sub>"),
    ]
    for (opener, markup, closer) in simple where s.hasPrefix(opener) {
      return (.open(markup, closer: closer, literal: opener), s.index(s.startIndex, offsetBy: opener.count))
    }
    for closer in markupClosers where s.hasPrefix(closer) {
      return (.close(closer), s.index(s.startIndex, offsetBy: closer.count))
    }
    guard s.hasPrefix("<span"), let end = s.firstIndex(of: ">") else { return nil }
    let tag = s[s.startIndex...end]
    let attributes = tag.dropFirst(5).dropLast()
    guard let first = attributes.first, first.isWhitespace else { return nil }
    let compact = attributes.filter { !$0.isWhitespace }
    let markup: Markup
    if compact.hasPrefix("class=\"nocase\"") {
      markup = .noCase
    } else if compact.hasPrefix("class=\"nodecor\"") {
      markup = .noDecor
    } else if compact.hasPrefix("style=\"font-variant:small-caps") {
      markup = .smallCaps
    } else {
      return nil
    }
    return (.open(markup, closer: "</span>", literal: String(tag)), s.index(after: end))
  }

  // MARK: pairing

  /// Pairs closing tags with opening ones. A closing tag that does not fit the innermost open tag
  /// turns the open tags it skips into literal text; a stray `'` or `’` is an apostrophe. Returns
  /// whether any quotation pair was found.
  private static func resolve(_ tokens: inout [Token]) -> Bool {
    var stack: [Int] = []
    var quoted = false
    for index in tokens.indices {
      switch tokens[index] {
      case .text: continue
      case .open: stack.append(index)
      case .close(let closer):
        while true {
          guard let top = stack.last else {
            tokens[index] = .text(closer == "'" ? "\u{2019}" : closer)
            break
          }
          guard case .open(let markup, let expected, let literal) = tokens[top] else { break }
          if expected == closer {
            stack.removeLast()
            if markup == .quote { quoted = true }
            break
          }
          if closer == "'" || closer == "\u{2019}" {
            tokens[index] = .text("\u{2019}")
            break
          }
          tokens[top] = .text(literal == "'" ? "\u{2019}" : literal)
          stack.removeLast()
        }
      }
    }
    for top in stack {
      if case .open(_, _, let literal) = tokens[top] {
        tokens[top] = .text(literal == "'" ? "\u{2019}" : literal)
      }
    }
    return quoted
  }

  // MARK: tree

  private struct Frame {
    var markup: Markup?
    var curlySingle = false
    var children: [Node] = []
    var text = ""

    mutating func flush() {
      if !text.isEmpty {
        children.append(.text(text))
        text = ""
      }
    }

    var node: Node { children.count == 1 ? children[0] : .sequence(children) }
  }

  private static func build(_ tokens: [Token]) -> Node {
    var stack = [Frame(markup: nil)]
    for token in tokens {
      switch token {
      case .text(let s):
        stack[stack.count - 1].text += s
      case .open(let markup, _, let literal):
        stack[stack.count - 1].flush()
        stack.append(Frame(markup: markup, curlySingle: literal == "\u{2018}"))
      case .close:
        guard stack.count > 1 else { continue }
        var frame = stack.removeLast()
        frame.flush()
        stack[stack.count - 1].flush()
        let wrapped = wrap(frame.node, in: frame.markup)
        stack[stack.count - 1].children.append(frame.curlySingle ? .tagged(.innerQuote, wrapped) : wrapped)
      }
    }
    // Only paired tags remain, so every frame but the root has been closed.
    while stack.count > 1 {
      var frame = stack.removeLast()
      frame.flush()
      stack[stack.count - 1].flush()
      stack[stack.count - 1].children.append(frame.node)
    }
    stack[0].flush()
    return stack[0].node
  }

  private static func wrap(_ node: Node, in markup: Markup?) -> Node {
    switch markup {
    case nil: return node
    case .italic: return .styled(TextFormatting(fontStyle: .italic), node)
    case .bold: return .styled(TextFormatting(fontWeight: .bold), node)
    // Small caps, superscript and subscript in the data also keep their case.
    case .smallCaps: return .styled(TextFormatting(fontVariant: .smallCaps), .noCase(node))
    case .superscript: return .styled(TextFormatting(verticalAlign: .superscript), .noCase(node))
    case .subscriptText: return .styled(TextFormatting(verticalAlign: .subscript), .noCase(node))
    case .noCase: return .noCase(node)
    case .noDecor:
      // Back to normal for whichever of italics, bold and small caps surround it.
      return .styled(
        TextFormatting(fontStyle: .normal, fontVariant: .normal, fontWeight: .normal), .noCase(node))
    case .quote: return .quoted(node)
    }
  }
}

extension Node {
  /// Removes periods from text (strip-periods).
  func strippingPeriods() -> Node {
    switch self {
    case .text(let s): return .text(Self.removingPeriods(s))
    case .sequence(let items): return .sequence(items.map { $0.strippingPeriods() })
    case .styled(let f, let inner): return .styled(f, inner.strippingPeriods())
    case .quoted(let inner): return .quoted(inner.strippingPeriods())
    case .display(let d, let inner): return .display(d, inner.strippingPeriods())
    case .noCase(let inner): return .noCase(inner.strippingPeriods())
    case .tagged(let t, let inner): return .tagged(t, inner.strippingPeriods())
    }
  }

  /// `text` without its full stops. ASCII text is worked on its bytes; other text by characters,
  /// where a full stop followed by a combining mark is a different character and stays.
  static func removingPeriods(_ text: String) -> String {
    let period = UInt8(ascii: ".")
    var hasPeriod = false
    for byte in text.utf8 {
      if byte >= 0x80 { return text.replacing(".", with: "") }
      if byte == period { hasPeriod = true }
    }
    guard hasPeriod else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 where byte != period { bytes.append(byte) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
