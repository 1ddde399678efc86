/// A message about an input, with the place it refers to, printed the way compilers print them:
/// `file:line: error: message`.
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
  public var message: String

  public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  public static func error(_ message: String, file: String, line: Int? = nil) -> Diagnostic {
    Diagnostic(.error, file: file, line: line, message)
  }

  public static func warning(_ message: String, file: String, line: Int? = nil) -> Diagnostic {
    Diagnostic(.warning, file: file, line: line, message)
  }

  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return "\(place): \(severity.rawValue): \(message)"
  }
}
