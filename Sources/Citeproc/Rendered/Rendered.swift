/// The neutral result of rendering: text with formatting and layout, before any output format.
///
/// The engine has already resolved quotes, punctuation and text case; what is left for an
/// ``OutputFormat`` is escaping, font styles and display blocks.
public enum Rendered: Sendable, Hashable {
  /// Literal text, unescaped.
  case text(String)
  /// Pieces in order.
  case sequence([Rendered])
  /// Content with font settings applied (only the non-nil properties change anything).
  indirect case styled(TextFormatting, Rendered)
  /// A bibliography layout block (`display` attribute).
  indirect case display(Display, Rendered)

  public static let empty = Rendered.sequence([])

  /// The text without any formatting.
  public var plainText: String {
    var out = ""
    appendPlainText(to: &out)
    return out
  }

  private func appendPlainText(to out: inout String) {
    switch self {
    case .text(let s): out += s
    case .sequence(let items): for item in items { item.appendPlainText(to: &out) }
    case .styled(_, let inner), .display(_, let inner):
      inner.appendPlainText(to: &out)
    }
  }

  public var isEmpty: Bool {
    switch self {
    case .text(let s): return s.isEmpty
    case .sequence(let items): return items.allSatisfy(\.isEmpty)
    case .styled(_, let inner), .display(_, let inner): return inner.isEmpty
    }
  }
}

/// Layout settings of a bibliography that output formats need (from `cs:bibliography`).
public struct BibliographyLayout: Sendable, Hashable {
  public enum SecondFieldAlign: String, Sendable, Hashable {
    case flush
    case margin
  }
  public var hangingIndent: Bool
  public var secondFieldAlign: SecondFieldAlign?
  public var lineSpacing: Int
  public var entrySpacing: Int

  public init(
    hangingIndent: Bool = false, secondFieldAlign: SecondFieldAlign? = nil, lineSpacing: Int = 1,
    entrySpacing: Int = 1
  ) {
    self.hangingIndent = hangingIndent
    self.secondFieldAlign = secondFieldAlign
    self.lineSpacing = lineSpacing
    self.entrySpacing = entrySpacing
  }
}

/// One rendered bibliography entry.
public struct BibliographyEntry: Sendable, Hashable {
  public var id: String
  public var content: Rendered
  public init(id: String, content: Rendered) {
    self.id = id
    self.content = content
  }
}
