/// HTML in the conventions of the CSL processor test suite (those of citeproc-js).
///
/// - `&`, `<` and `>` become `&#38;`, `&#60;` and `&#62;`; quotes and apostrophes stay literal.
/// - Italic is `<i>`, oblique `<em>`, bold `<b>`, small caps
///   `<span style="font-variant:small-caps;">`, underline
///   `<span style="text-decoration:underline;">`, superscript `<sup>`, subscript `<sub>`.
/// - A property set back to normal inside formatted text is written as
///   `<span style="font-style:normal;">` (and likewise `font-variant:normal`, `font-weight:normal`,
///   `text-decoration:none`). Vertical alignment back to baseline is written
///   `<span style="baseline">`, exactly as the test suite expects it. A property that does not
///   change anything (normal outside formatting, italic inside italic) writes nothing. Light
///   weight is written `<span style="font-weight:lighter;">`.
/// - When one node sets several properties, font style is the innermost element, then font
///   variant, font weight, text decoration and vertical alignment (`<b><i>…</i></b>`).
/// - Display blocks are `div`s laid out as the test suite shows them; the layout settings of the
///   bibliography (hanging indent, spacing) are not written, as in the test suite.
public struct HTMLFormat: StreamingOutputFormat, Sendable {
  public init() {}

  public func string(for rendered: Rendered) -> String {
    var sink = StringSink()
    write(rendered, in: .initial, to: &sink)
    return sink.out
  }

  /// The bibliography as
  /// ```
  /// <div class="csl-bib-body">
  ///   <div class="csl-entry">…</div>
  /// </div>
  /// ```
  /// followed by a newline. (Test-suite RESULT sections hold the same text without the final
  /// newline.)
  public func bibliographyOpening(layout: BibliographyLayout) -> String { "<div class=\"csl-bib-body\">\n" }

  public func bibliographyEntries(
    _ entries: [BibliographyEntry], layout: BibliographyLayout, continuing: Bool
  )
    -> String
  {
    var sink = StringSink(out: "")
    for entry in entries {
      sink.out.append("  <div class=\"csl-entry\">")
      write(entry.content, in: .initial, to: &sink)
      sink.out.append("</div>\n")
    }
    return sink.out
  }

  public func bibliographyClosing(layout: BibliographyLayout, wroteEntries: Bool) -> String { "</div>\n" }

  private func write(_ node: Rendered, in state: EffectiveFormatting, to sink: inout StringSink) {
    switch node {
    case .text(let text):
      Self.appendEscaped(text, to: &sink.out)
    case .sequence(let items):
      for item in items { write(item, in: state, to: &sink) }
    case .styled(let formatting, let inner):
      var innerState = state
      let changed = innerState.apply(formatting)
      if changed.isEmpty {
        write(inner, in: innerState, to: &sink)
        return
      }
      let (open, close) = Self.markup(for: changed)
      sink.appendWrapped(open: open, close: close) { write(inner, in: innerState, to: &$0) }
    case .display(let display, let inner):
      let (open, close) = Self.markup(for: display)
      sink.appendWrapped(open: open, close: close) { write(inner, in: state, to: &$0) }
    }
  }

  /// Opening and closing markup for the changed properties, font style innermost.
  private static func markup(for changed: TextFormatting) -> (open: String, close: String) {
    var open = ""
    var close = ""
    func wrap(_ tag: (open: String, close: String)) {
      open = tag.open + open
      close += tag.close
    }
    if let style = changed.fontStyle {
      switch style {
      case .italic: wrap(("<i>", "</i>"))
      case .oblique: wrap(("<em>", "</em>"))
      case .normal: wrap(span("font-style:normal;"))
      }
    }
    if let variant = changed.fontVariant {
      switch variant {
      case .smallCaps: wrap(span("font-variant:small-caps;"))
      case .normal: wrap(span("font-variant:normal;"))
      }
    }
    if let weight = changed.fontWeight {
      switch weight {
      case .bold: wrap(("<b>", "</b>"))
      case .light: wrap(span("font-weight:lighter;"))
      case .normal: wrap(span("font-weight:normal;"))
      }
    }
    if let decoration = changed.textDecoration {
      switch decoration {
      case .underline: wrap(span("text-decoration:underline;"))
      case .none: wrap(span("text-decoration:none;"))
      }
    }
    if let align = changed.verticalAlign {
      switch align {
      case .superscript: wrap(("<sup>", "</sup>"))
      case .subscript: wrap(("<sub>", "</sub>"))
      case .baseline: wrap(span("baseline"))
      }
    }
    return (open, close)
  }

  private static func span(_ style: String) -> (open: String, close: String) {
    ("<span style=\"\(style)\">", "</span>")
  }

  private static func markup(for display: Display) -> (open: String, close: String) {
    switch display {
    case .block: ("\n\n    <div class=\"csl-block\">", "</div>\n")
    case .leftMargin: ("\n    <div class=\"csl-left-margin\">", "</div>")
    case .rightInline: ("<div class=\"csl-right-inline\">", "</div>\n  ")
    case .indent: ("<div class=\"csl-indent\">", "</div>\n  ")
    }
  }

  /// Appends `text` with `&`, `<` and `>` as numeric character references.
  static func appendEscaped(_ text: String, to out: inout String) {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
      out.append(text)
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out.append("&#38;")
      case "<": out.append("&#60;")
      case ">": out.append("&#62;")
      default: out.unicodeScalars.append(scalar)
      }
    }
  }
}
