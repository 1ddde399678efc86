/// Pandoc Markdown.
///
/// - Italic and oblique are `*…*`, bold `**…**`, small caps `[…]{.smallcaps}`, underline
///   `[…]{.underline}`, superscript `^…^` and subscript `~…~` (spaces inside them are written
///   `\ `, as pandoc requires). Light weight has no markup.
/// - Formatting is worked out per stretch of text, so a property set back to normal simply closes
///   the markup and opens it again after: italic text with an explicitly normal word is written
///   `*My* Amazing *Title*`. Spaces at the edge of a formatted stretch move outside the markup
///   (pandoc does not accept `*Title *` and drops the edge spaces of a `[…]{.smallcaps}`).
/// - Characters Markdown would read as markup are escaped with a backslash: `\ * _ ` [ ] ^ ~ < $`
///   everywhere, `@` where it could start a citation (not inside a word, as in an e-mail
///   address), a hyphen followed by another (pandoc would make `--` a dash), and at the start of
///   a line whatever would open a heading, quote, list or definition (`#`, `>`, `- `, `+ `, `: `,
///   and list numbers such as `1.`, `(a)`, `iv)`). Other punctuation is left alone.
/// - Bibliography entries are paragraphs separated by a blank line. A left-margin is followed by
///   a space and the rest of the entry; `block` and `indent` blocks start a new line (a
///   backslash line break).
public struct MarkdownFormat: StreamingOutputFormat, Sendable {
  public init() {}

  public func string(for rendered: Rendered) -> String {
    var collector = MarkdownCollector()
    collector.collect(rendered, in: .initial)
    var out = ""
    collector.write(to: &out)
    return out
  }

  public func bibliographyOpening(layout: BibliographyLayout) -> String { "" }

  /// Entries are paragraphs: a blank line between two of them.
  public func bibliographyEntries(
    _ entries: [BibliographyEntry], layout: BibliographyLayout, continuing: Bool
  )
    -> String
  {
    var out = ""
    for (index, entry) in entries.enumerated() {
      if index > 0 || continuing { out.append("\n\n") }
      var collector = MarkdownCollector()
      collector.collect(entry.content, in: .initial)
      collector.write(to: &out)
    }
    return out
  }

  public func bibliographyClosing(layout: BibliographyLayout, wroteEntries: Bool) -> String {
    wroteEntries ? "\n" : ""
  }
}

/// The Markdown-relevant formatting of a stretch of text.
private struct MarkdownStyle: Equatable {
  var emphasis = false
  var strong = false
  var smallCaps = false
  var underline = false
  var align = TextFormatting.VerticalAlign.baseline

  init() {}

  init(_ formatting: EffectiveFormatting) {
    emphasis = formatting.fontStyle != .normal
    strong = formatting.fontWeight == .bold
    smallCaps = formatting.fontVariant == .smallCaps
    underline = formatting.textDecoration == .underline
    align = formatting.verticalAlign
  }

  /// The markup this style needs, outermost first.
  var markers: [MarkdownMarker] {
    var markers: [MarkdownMarker] = []
    if smallCaps { markers.append(.smallCaps) }
    if underline { markers.append(.underline) }
    if strong { markers.append(.strong) }
    if emphasis { markers.append(.emphasis) }
    switch align {
    case .superscript: markers.append(.superscript)
    case .subscript: markers.append(.subscript)
    case .baseline: break
    }
    return markers
  }
}

private enum MarkdownMarker: Equatable {
  case smallCaps, underline, strong, emphasis, superscript, `subscript`

  var open: String {
    switch self {
    case .smallCaps, .underline: "["
    case .strong: "**"
    case .emphasis: "*"
    case .superscript: "^"
    case .subscript: "~"
    }
  }

  var close: String {
    switch self {
    case .smallCaps: "]{.smallcaps}"
    case .underline: "]{.underline}"
    case .strong: "**"
    case .emphasis: "*"
    case .superscript: "^"
    case .subscript: "~"
    }
  }
}

/// Text of one style within a line.
private struct Stretch {
  var text: String
  var style: MarkdownStyle
}

/// Flattens a tree into stretches of text with their style, then writes them as Markdown.
private struct MarkdownCollector: LineLaidOut {
  enum Piece {
    case text(String, MarkdownStyle)
    case lineBreak
  }

  var pieces: [Piece] = []
  var layout = LineLayout()
  var contentMark: Int { pieces.count }

  mutating func collect(_ node: Rendered, in state: EffectiveFormatting) {
    switch node {
    case .text(let text):
      guard !text.isEmpty else { return }
      let separator = layout.separatorBeforeContent()
      if separator.lineBreak {
        pieces.append(.lineBreak)
      } else if separator.gap {
        pieces.append(.text(" ", MarkdownStyle()))
      }
      pieces.append(.text(text, MarkdownStyle(state)))
    case .sequence(let items):
      for item in items { collect(item, in: state) }
    case .styled(let formatting, let inner):
      var innerState = state
      _ = innerState.apply(formatting)
      collect(inner, in: innerState)
    case .display(let display, let inner):
      self.display(display) { $0.collect(inner, in: state) }
    }
  }

  func write(to out: inout String) {
    var writer = MarkdownWriter()
    var line: [Stretch] = []
    for piece in pieces {
      switch piece {
      case .text(let text, let style):
        Self.split(text, style: style, into: &line)
      case .lineBreak:
        writer.writeLine(Self.hoistingSpaces(line), to: &out)
        writer.breakLine(to: &out)
        line.removeAll(keepingCapacity: true)
      }
    }
    writer.writeLine(Self.hoistingSpaces(line), to: &out)
  }

  /// Appends `text` as its leading spaces, its middle and its trailing spaces.
  private static func split(_ text: String, style: MarkdownStyle, into line: inout [Stretch]) {
    let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
    guard start != text.endIndex else {
      line.append(Stretch(text: text, style: style))
      return
    }
    let end = text.index(after: text.lastIndex { !$0.isWhitespace } ?? start)
    if start != text.startIndex { line.append(Stretch(text: String(text[..<start]), style: style)) }
    line.append(Stretch(text: String(text[start..<end]), style: style))
    if end != text.endIndex { line.append(Stretch(text: String(text[end...]), style: style)) }
  }

  /// Gives a stretch of spaces a property only when the text on both sides has it too, so markup
  /// never begins or ends with a space (pandoc does not accept `*Title *` and drops the spaces at
  /// the edges of `[…]{.smallcaps}`); then joins neighbours of equal style.
  private static func hoistingSpaces(_ line: [Stretch]) -> [Stretch] {
    var result: [Stretch] = []
    result.reserveCapacity(line.count)
    let isBlank = line.map { $0.text.allSatisfy(\.isWhitespace) }
    var nextWords = [MarkdownStyle?](repeating: nil, count: line.count)
    var following: MarkdownStyle?
    for index in line.indices.reversed() {
      nextWords[index] = following
      if !isBlank[index] { following = line[index].style }
    }
    var previousWord: MarkdownStyle?
    for (index, item) in line.enumerated() {
      var style = item.style
      if isBlank[index] {
        let nextWord = nextWords[index]
        style.emphasis = style.emphasis && previousWord?.emphasis == true && nextWord?.emphasis == true
        style.strong = style.strong && previousWord?.strong == true && nextWord?.strong == true
        style.smallCaps =
          style.smallCaps && previousWord?.smallCaps == true && nextWord?.smallCaps == true
        style.underline =
          style.underline && previousWord?.underline == true && nextWord?.underline == true
        if previousWord?.align != style.align || nextWord?.align != style.align {
          style.align = .baseline
        }
      } else {
        previousWord = style
      }
      if result.last?.style == style {
        result[result.count - 1].text.append(item.text)
      } else {
        result.append(Stretch(text: item.text, style: style))
      }
    }
    return result
  }
}

/// Writes styled stretches as Markdown, keeping markup properly nested.
private struct MarkdownWriter {
  private var open: [MarkdownMarker] = []
  private var atLineStart = true

  mutating func writeLine(_ line: [Stretch], to out: inout String) {
    for stretch in line {
      let style = stretch.style
      let wanted = style.markers
      // Keep the open markup that is still wanted, up to the first that is not.
      var keep = 0
      while keep < open.count, wanted.contains(open[keep]) { keep += 1 }
      while open.count > keep { out.append(open.removeLast().close) }
      for marker in wanted where !open.contains(marker) {
        out.append(marker.open)
        open.append(marker)
        atLineStart = false
      }
      let raised = style.align != .baseline
      Self.appendEscaped(stretch.text, lineStart: atLineStart, raised: raised, to: &out)
      atLineStart = false
    }
    while let marker = open.popLast() { out.append(marker.close) }
  }

  mutating func breakLine(to out: inout String) {
    out.append("\\\n")
    atLineStart = true
  }

  /// Appends `text` with the characters Markdown would read as markup escaped (see
  /// ``MarkdownFormat``). `raised` text sits inside `^…^` or `~…~`, where spaces are escaped.
  static func appendEscaped(_ text: String, lineStart: Bool, raised: Bool, to out: inout String) {
    let blockMarkIndex = lineStart ? blockMarkPosition(in: text) : nil
    if blockMarkIndex == nil, !text.utf8.contains(where: { needsLook($0, raised: raised) }) {
      out.append(text)
      return
    }
    var previous: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      var escape = index == blockMarkIndex
      switch character {
      case "\\", "*", "_", "`", "[", "]", "^", "~", "<", "$":
        escape = true
      case "@":
        escape = !(previous?.isLetter == true || previous?.isNumber == true)
      case "-":
        escape = escape || (next < text.endIndex && text[next] == "-")
      case " ":
        if raised {
          out.append("\\ ")
          previous = character
          index = next
          continue
        }
      default:
        break
      }
      if escape { out.append("\\") }
      out.append(character)
      previous = character
      index = next
    }
  }

  /// Whether the byte is one that `appendEscaped` may escape.
  private static func needsLook(_ byte: UInt8, raised: Bool) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "<"),
      UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "-"):
      true
    case UInt8(ascii: " "): raised
    default: false
    }
  }

  /// The character that would make a line beginning with `text` a heading, quote, list item or
  /// definition, if any.
  private static func blockMarkPosition(in text: String) -> String.Index? {
    guard let first = text.firstIndex(where: { $0 != " " }) else { return nil }
    let afterFirst = text.index(after: first)
    let followedBySpace = afterFirst == text.endIndex || text[afterFirst].isWhitespace
    switch text[first] {
    case "#", ">": return first
    case "-", "+", ":": return followedBySpace ? first : nil
    default: break
    }
    // A list number: `1.`, `a)`, `(iv)`, `#.` followed by a space or the end.
    var tokenStart = first
    if text[first] == "(" { tokenStart = afterFirst }
    guard
      let punctuation = text[tokenStart...].firstIndex(where: { $0 == "." || $0 == ")" }),
      punctuation > tokenStart
    else { return nil }
    let afterPunctuation = text.index(after: punctuation)
    guard afterPunctuation == text.endIndex || text[afterPunctuation].isWhitespace else {
      return nil
    }
    let token = text[tokenStart..<punctuation]
    let isListNumber =
      token == "#" || token.allSatisfy(\.isASCIIDigit) || (token.count == 1 && token.allSatisfy(\.isLetter))
      || token.allSatisfy({ "ivxlcdm".contains($0) }) || token.allSatisfy({ "IVXLCDM".contains($0) })
    return isListNumber ? punctuation : nil
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
