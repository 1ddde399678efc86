/// Parses the HTML-like markup CSL-JSON allows inside field values (`<i>`, `<b>`, `<sc>`, `<sup>`,
/// `<sub>`, `<span class="nocase">`, `<span style="font-variant:small-caps;">`) and quotation marks
/// into a ``Node``. Unmatched markup stays literal text.
enum RichText {
  private enum Tag: Equatable {
    case italic, bold, smallCaps, superscript, subscriptText, noCase, span
    case doubleQuote, curlyQuote

    var closing: String {
      switch self {
      case .italic: return "</i>"
      case .bold: return "</b>"
      case .smallCaps: return "</sc>"
      case .superscript: return "</sup>"
      case .subscriptText: return "</sub>"
      case .noCase, .span: return "</span>"
      case .doubleQuote: return "\""
      case .curlyQuote: return "\u{201D}"
      }
    }

    func wrap(_ node: Node) -> Node {
      switch self {
      case .italic: return .styled(TextFormatting(fontStyle: .italic), node)
      case .bold: return .styled(TextFormatting(fontWeight: .bold), node)
      case .smallCaps, .span: return .styled(TextFormatting(fontVariant: .smallCaps), node)
      case .superscript: return .styled(TextFormatting(verticalAlign: .superscript), node)
      case .subscriptText: return .styled(TextFormatting(verticalAlign: .subscript), node)
      case .noCase: return .noCase(node)
      case .doubleQuote, .curlyQuote: return .quoted(node)
      }
    }
  }

  private static let openers: [(String, Tag)] = [
    ("<i>", .italic), ("<b>", .bold), ("<sc>", .smallCaps), ("<sup>", .superscript), ("<sub>", .subscriptText),
    ("<span class=\"nocase\">", .noCase), ("<span style=\"font-variant:small-caps;\">", .span),
    ("<span style=\"font-variant: small-caps;\">", .span),
  ]

  private struct Frame {
    var tag: Tag?
    var opener: String
    var children: [Node] = []
    var text = ""

    mutating func flush() {
      if !text.isEmpty {
        children.append(.text(text))
        text = ""
      }
    }
  }

  /// `plain` skips markup parsing (for `value` attributes), but still smartens apostrophes.
  static func parse(_ value: String, plain: Bool = false) -> Node {
    if plain { return .text(value) }
    if !value.contains(where: { $0 == "<" || $0 == "\"" || $0 == "'" || $0 == "\u{201C}" }) {
      return .text(value)
    }
    var stack = [Frame(tag: nil, opener: "")]
    var index = value.startIndex
    let characters = value
    while index < characters.endIndex {
      let ch = characters[index]
      if ch == "<" {
        let rest = characters[index...]
        if let (opener, tag) = openers.first(where: { rest.hasPrefix($0.0) }) {
          stack[stack.count - 1].flush()
          stack.append(Frame(tag: tag, opener: opener))
          index = characters.index(index, offsetBy: opener.count)
          continue
        }
        if let top = stack.last?.tag, rest.hasPrefix(top.closing), stack.count > 1 {
          close(&stack)
          index = characters.index(index, offsetBy: top.closing.count)
          continue
        }
      } else if ch == "\"" {
        if stack.last?.tag == .doubleQuote {
          close(&stack)
        } else if opensQuote(characters, at: index) {
          stack[stack.count - 1].flush()
          stack.append(Frame(tag: .doubleQuote, opener: "\""))
        } else {
          stack[stack.count - 1].text.append(ch)
        }
        index = characters.index(after: index)
        continue
      } else if ch == "\u{201C}" {
        stack[stack.count - 1].flush()
        stack.append(Frame(tag: .curlyQuote, opener: "\u{201C}"))
        index = characters.index(after: index)
        continue
      } else if ch == "\u{201D}", stack.last?.tag == .curlyQuote {
        close(&stack)
        index = characters.index(after: index)
        continue
      } else if ch == "'" {
        stack[stack.count - 1].text.append(apostrophe(characters, at: index))
        index = characters.index(after: index)
        continue
      }
      stack[stack.count - 1].text.append(ch)
      index = characters.index(after: index)
    }
    // Unclosed markup becomes literal text again.
    while stack.count > 1 {
      var frame = stack.removeLast()
      frame.flush()
      let literal: [Node] = [.text(frame.opener)] + frame.children
      stack[stack.count - 1].flush()
      stack[stack.count - 1].children += literal
    }
    stack[0].flush()
    let children = stack[0].children
    return children.count == 1 ? children[0] : .sequence(children)
  }

  private static func close(_ stack: inout [Frame]) {
    var frame = stack.removeLast()
    frame.flush()
    guard let tag = frame.tag else { return }
    let inner: Node = frame.children.count == 1 ? frame.children[0] : .sequence(frame.children)
    stack[stack.count - 1].flush()
    stack[stack.count - 1].children.append(tag.wrap(inner))
  }

  /// A straight double quote opens a quotation at the start or after a space or opening bracket,
  /// when a closing one follows.
  private static func opensQuote(_ s: String, at index: String.Index) -> Bool {
    if index > s.startIndex {
      let before = s[s.index(before: index)]
      guard before.isWhitespace || before == "(" || before == "[" || before == "-" || before == "\u{2014}" else {
        return false
      }
    }
    return s[s.index(after: index)...].contains("\"")
  }

  /// A straight apostrophe becomes a typographic one.
  private static func apostrophe(_ s: String, at index: String.Index) -> Character {
    if index > s.startIndex {
      let before = s[s.index(before: index)]
      if !(before.isWhitespace || before == "(" || before == "[") { return "\u{2019}" }
    }
    return "\u{2019}"
  }
}

extension Node {
  /// Removes periods from text (strip-periods).
  func strippingPeriods() -> Node {
    switch self {
    case .text(let s): return .text(s.replacing(".", with: ""))
    case .sequence(let items): return .sequence(items.map { $0.strippingPeriods() })
    case .styled(let f, let inner): return .styled(f, inner.strippingPeriods())
    case .quoted(let inner): return .quoted(inner.strippingPeriods())
    case .display(let d, let inner): return .display(d, inner.strippingPeriods())
    case .noCase(let inner): return .noCase(inner.strippingPeriods())
    case .tagged(let t, let inner): return .tagged(t, inner.strippingPeriods())
    }
  }
}

