/// The built-in output formats, by name.
public enum OutputFormats {
  /// The names ``named(_:)`` accepts.
  public static let names = ["text", "html", "rtf", "markdown", "md"]

  /// The format called `name` (`text`, `html`, `rtf`, `markdown` or `md`, in any letter case), or
  /// nil for an unknown name.
  public static func named(_ name: String) -> (any OutputFormat)? {
    switch name.lowercased() {
    case "text": PlainTextFormat()
    case "html": HTMLFormat()
    case "rtf": RTFFormat()
    case "markdown", "md": MarkdownFormat()
    default: nil
    }
  }
}
