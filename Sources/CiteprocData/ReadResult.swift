/// What a reader returns: every record it read is either in `references` or reported in
/// `rejected` (one error each); `diagnostics` holds everything else worth saying (warnings, notes).
public struct ReadResult: Sendable {
  public var references: [Reference]
  /// One error per record that was found but could not be turned into a reference.
  public var rejected: [Diagnostic]
  /// Warnings and notes about records that were read.
  public var diagnostics: [Diagnostic]

  public init(
    references: [Reference] = [], rejected: [Diagnostic] = [], diagnostics: [Diagnostic] = []
  ) {
    self.references = references
    self.rejected = rejected
    self.diagnostics = diagnostics
  }

  /// Records found in the input: returned plus rejected.
  public var recordCount: Int { references.count + rejected.count }

  /// All messages, rejected records first.
  public var allDiagnostics: [Diagnostic] { rejected + diagnostics }
}
