/// Plain text: no markup and no escaping.
///
/// Superscripts and subscripts are written with Unicode's superscript and subscript characters
/// when the whole span can be: a span (the content of a node that turns superscript on) is
/// converted when it holds at least one convertible character and every other character is a
/// separator that stays as it is (`,` `;` and spaces). Convertible are the digits, `+`, `=`, `(`,
/// `)` and the minus-like `-`, `−` and en dash (all written as the superscript or subscript
/// minus). So a citation `1–3,5` becomes `¹⁻³,⁵`; any other span (`st` in `1st`, `a`) is left as
/// it is, because a half-converted word reads worse than an unconverted one.
///
/// Display blocks: a left-margin is followed by a space and the rest of the line (`[1] Text`);
/// a `block` stands on a line of its own, an `indent` block on its own line indented by four
/// spaces. The other formatting is dropped.
public struct PlainTextFormat: StreamingOutputFormat, Sendable {
  public init() {}

  private static let marks = LineWriter.Marks(lineBreak: "\n", gap: " ", indent: "    ")

  public func string(for rendered: Rendered) -> String {
    var writer = LineWriter(marks: Self.marks)
    write(rendered, to: &writer)
    return writer.out
  }

  public func bibliographyOpening(layout: BibliographyLayout) -> String { "" }

  /// One entry per line, each line ended by a newline (an entry with blocks takes several lines).
  public func bibliographyEntries(
    _ entries: [BibliographyEntry], layout: BibliographyLayout, continuing: Bool
  )
    -> String
  {
    var writer = LineWriter(marks: Self.marks)
    for entry in entries {
      writer.layout.startLine()
      write(entry.content, to: &writer)
      writer.out.append("\n")
    }
    return writer.out
  }

  public func bibliographyClosing(layout: BibliographyLayout, wroteEntries: Bool) -> String { "" }

  private func write(_ node: Rendered, to writer: inout LineWriter) {
    switch node {
    case .text(let text):
      guard !text.isEmpty else { return }
      writer.prepareForContent()
      writer.out.append(text)
    case .sequence(let items):
      for item in items { write(item, to: &writer) }
    case .styled(let formatting, let inner):
      // A raised or lowered span is written as a whole (its own formatting cannot show in
      // plain text), so nested alignments need no tracking.
      guard let align = formatting.verticalAlign, align != .baseline else {
        write(inner, to: &writer)
        return
      }
      let text = inner.plainText
      guard !text.isEmpty else { return }
      writer.prepareForContent()
      writer.out.append(Self.shifted(text, to: align) ?? text)
    case .display(let display, let inner):
      writer.display(display) { write(inner, to: &$0) }
    }
  }

  /// `text` in superscript or subscript characters, or nil when it cannot be written so (see the
  /// type's documentation for the rule).
  static func shifted(_ text: String, to align: TextFormatting.VerticalAlign) -> String? {
    var result = ""
    var convertedAny = false
    for scalar in text.unicodeScalars {
      if let mapped = align == .superscript ? superscript(scalar) : `subscript`(scalar) {
        result.unicodeScalars.append(mapped)
        convertedAny = true
      } else if isSeparator(scalar) {
        result.unicodeScalars.append(scalar)
      } else {
        return nil
      }
    }
    return convertedAny ? result : nil
  }

  private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ",", ";", " ", "\u{00A0}", "\u{2009}", "\u{202F}": true
    default: false
    }
  }

  private static func superscript(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "0": "\u{2070}"
    case "1": "\u{00B9}"
    case "2": "\u{00B2}"
    case "3": "\u{00B3}"
    case "4"..."9": Unicode.Scalar(0x2074 + scalar.value - 0x34)
    case "+": "\u{207A}"
    case "-", "\u{2212}", "\u{2013}": "\u{207B}"
    case "=": "\u{207C}"
    case "(": "\u{207D}"
    case ")": "\u{207E}"
    default: nil
    }
  }

  private static func `subscript`(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "0"..."9": Unicode.Scalar(0x2080 + scalar.value - 0x30)
    case "+": "\u{208A}"
    case "-", "\u{2212}", "\u{2013}": "\u{208B}"
    case "=": "\u{208C}"
    case "(": "\u{208D}"
    case ")": "\u{208E}"
    default: nil
    }
  }
}
