import CiteprocData
import CiteprocReaders

/// The synthetic corpus in the two input formats the command line reads.
public enum CorpusFormat: String, Sendable, CaseIterable {
  case ris
  case json

  public func encode(_ references: [Reference]) -> String {
    switch self {
    case .ris: return RISWriter().write(references)
    case .json: return CSLJSONWriter().write(references)
    }
  }
}
