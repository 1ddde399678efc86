import CiteprocData

/// The input formats the readers understand.
public enum InputFormat: String, Sendable, CaseIterable {
  case ris
  case cslJSON = "csl-json"
}
