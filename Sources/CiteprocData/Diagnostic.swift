/// A message about an input, with the place it refers to, printed the way compilers print them:
/// `file:line: error: message` (or `file:line:column: error: message`).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
    case note
  }

  public var severity: Severity
  /// The file the message is about (a path, `<stdin>` or another label).
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?
  /// The 1-based column (in characters) within `line`, when known.
  public var column: Int?
  public var message: String

  public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public static func error(_ message: String, file: String, line: Int? = nil, column: Int? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, file: file, line: line, column: column, message)
  }

  public static func warning(_ message: String, file: String, line: Int? = nil, column: Int? = nil)
    -> Diagnostic
  {
    Diagnostic(.warning, file: file, line: line, column: column, message)
  }

  public var description: String {
    var place = line.map { "\(file):\($0)" } ?? file
    if line != nil, let column { place += ":\(column)" }
    return "\(place): \(severity.rawValue): \(message)"
  }
}
