/// Rich Text Format.
///
/// - Formatting is a group per formatted node, with one control word per property that changes:
///   `{\i …}` italic (also for oblique), `{\b …}` bold, `{\scaps …}` small caps, `{\ul …}`
///   underline, `{\super …}` and `{\sub …}` vertical alignment, and `{\i0 …}`, `{\b0 …}`,
///   `{\scaps0 …}`, `{\ulnone …}`, `{\nosupersub …}` for a property set back to normal inside
///   formatted text. RTF has no light weight: light is written as normal weight.
/// - `\`, `{` and `}` are escaped; characters outside ASCII are written `\uN?` (N the signed
///   16-bit code unit, astral characters as a surrogate pair); tab and newline are `\tab` and
///   `\line`.
/// - ``string(for:)`` gives an RTF fragment; ``bibliography(_:layout:)`` a complete document.
public struct RTFFormat: StreamingOutputFormat, Sendable {
  public init() {}

  /// Indent of the hanging indent and position of the second field, in twips (half an inch).
  static let indentTwips = 720
  /// Height of one line, in twips (12 points).
  static let lineTwips = 240

  private static let marks = LineWriter.Marks(lineBreak: "\\line ", gap: "\\tab ", indent: "\\tab ")

  public func string(for rendered: Rendered) -> String {
    var writer = LineWriter(marks: Self.marks)
    write(rendered, in: .initial, to: &writer)
    return writer.out
  }

  /// A complete RTF document with one paragraph per entry.
  ///
  /// Every paragraph gets line spacing (`\slN\slmult1`, N = 240 × line-spacing) and space after
  /// (`\saN`, N = 240 × entry-spacing). A hanging indent is `\fi-720\li720`. With
  /// second-field-align the left-margin is separated from the rest by a tab, stopping at 720
  /// twips; `flush` puts the label at the left edge (`\fi-720\li720\tx720`), `margin` hangs it
  /// into the margin (`\fi-720\li0\tx0`).
  public func bibliographyOpening(layout: BibliographyLayout) -> String {
    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n"
  }

  public func bibliographyEntries(
    _ entries: [BibliographyEntry], layout: BibliographyLayout, continuing: Bool
  )
    -> String
  {
    let indent = Self.indentTwips
    var paragraph = "{\\pard\\sl\(Self.lineTwips * layout.lineSpacing)\\slmult1"
    paragraph += "\\sa\(Self.lineTwips * layout.entrySpacing)"
    switch layout.secondFieldAlign {
    case .flush: paragraph += "\\fi-\(indent)\\li\(indent)\\tx\(indent)"
    case .margin: paragraph += "\\fi-\(indent)\\li0\\tx0"
    case nil: if layout.hangingIndent { paragraph += "\\fi-\(indent)\\li\(indent)" }
    }
    paragraph += " "

    var writer = LineWriter(marks: Self.marks)
    for entry in entries {
      writer.layout.startLine()
      writer.out.append(paragraph)
      write(entry.content, in: .initial, to: &writer)
      writer.out.append("\\par}\n")
    }
    return writer.out
  }

  public func bibliographyClosing(layout: BibliographyLayout, wroteEntries: Bool) -> String { "}\n" }

  private func write(_ node: Rendered, in state: EffectiveFormatting, to writer: inout LineWriter) {
    switch node {
    case .text(let text):
      guard !text.isEmpty else { return }
      writer.prepareForContent()
      Self.appendEscaped(text, to: &writer.out)
    case .sequence(let items):
      for item in items { write(item, in: state, to: &writer) }
    case .styled(let formatting, let inner):
      var innerState = state
      let controlWords = Self.controlWords(for: innerState.apply(formatting), from: state)
      if controlWords.isEmpty {
        write(inner, in: innerState, to: &writer)
        return
      }
      writer.appendWrapped(open: "{" + controlWords + " ", close: "}") {
        write(inner, in: innerState, to: &$0)
      }
    case .display(let display, let inner):
      writer.display(display) { write(inner, in: state, to: &$0) }
    }
  }

  /// The control words that switch from `state` to the `changed` properties.
  private static func controlWords(for changed: TextFormatting, from state: EffectiveFormatting)
    -> String
  {
    var words = ""
    if let style = changed.fontStyle {
      let wasSlanted = state.fontStyle != .normal
      switch style {
      case .italic, .oblique: if !wasSlanted { words += "\\i" }
      case .normal: words += "\\i0"
      }
    }
    if let variant = changed.fontVariant {
      words += variant == .smallCaps ? "\\scaps" : "\\scaps0"
    }
    if let weight = changed.fontWeight {
      switch weight {
      case .bold: words += "\\b"
      case .normal, .light: if state.fontWeight == .bold { words += "\\b0" }
      }
    }
    if let decoration = changed.textDecoration {
      words += decoration == .underline ? "\\ul" : "\\ulnone"
    }
    if let align = changed.verticalAlign {
      switch align {
      case .superscript: words += "\\super"
      case .subscript: words += "\\sub"
      case .baseline: words += "\\nosupersub"
      }
    }
    return words
  }

  /// Appends `text` with RTF's special characters escaped and non-ASCII characters as `\uN?`.
  static func appendEscaped(_ text: String, to out: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x5C: out.append("\\\\")
      case 0x7B: out.append("\\{")
      case 0x7D: out.append("\\}")
      case 0x09: out.append("\\tab ")
      case 0x0A: out.append("\\line ")
      case 0x20..<0x7F: out.unicodeScalars.append(scalar)
      case 0..<0x20, 0x7F: break
      default:
        UTF16.encode(scalar) { unit in out.append("\\u\(Int16(bitPattern: unit))?") }
      }
    }
  }
}
