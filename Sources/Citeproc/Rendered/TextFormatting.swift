/// Font and decoration settings of a piece of output (CSL "formatting" attributes). A nil property
/// means "inherit from the surrounding text".
public struct TextFormatting: Sendable, Hashable {
  public enum FontStyle: String, Sendable, Hashable { case normal, italic, oblique }
  public enum FontVariant: String, Sendable, Hashable {
    case normal
    case smallCaps = "small-caps"
  }
  public enum FontWeight: String, Sendable, Hashable { case normal, bold, light }
  public enum TextDecoration: String, Sendable, Hashable { case none, underline }
  public enum VerticalAlign: String, Sendable, Hashable {
    case baseline
    case superscript = "sup"
    case `subscript` = "sub"
  }

  public var fontStyle: FontStyle?
  public var fontVariant: FontVariant?
  public var fontWeight: FontWeight?
  public var textDecoration: TextDecoration?
  public var verticalAlign: VerticalAlign?

  public init(
    fontStyle: FontStyle? = nil, fontVariant: FontVariant? = nil, fontWeight: FontWeight? = nil,
    textDecoration: TextDecoration? = nil, verticalAlign: VerticalAlign? = nil
  ) {
    self.fontStyle = fontStyle
    self.fontVariant = fontVariant
    self.fontWeight = fontWeight
    self.textDecoration = textDecoration
    self.verticalAlign = verticalAlign
  }

  public static let plain = TextFormatting()

  public var isEmpty: Bool { self == .plain }
}

/// CSL `display` values: how a piece of a bibliography entry is laid out.
public enum Display: String, Sendable, Hashable {
  case block
  case leftMargin = "left-margin"
  case rightInline = "right-inline"
  case indent
}
