import CiteprocData

/// Reads CSL variables that reference managers store as `name: value` lines in the `note` field
/// (Zotero's "Extra" field works this way), for variables the record does not already have:
/// `event-date: 2004-10-01/2004-10-14`, `reviewed-author: Hall || W.C.`, `genre: Peer commentary`.
enum NoteFieldVariables {
  static func apply(to reference: inout ReferenceDraft) {
    guard let note = reference.fields["note"], note.contains(":") else { return }
    var remaining: [Substring] = []
    for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let (name, value) = variableLine(line), assign(name, value, to: &reference) else {
        remaining.append(line)
        continue
      }
    }
    let rest = remaining.joined(separator: "\n").trimmingSpaces()
    reference.fields["note"] = rest.isEmpty ? nil : rest
  }

  /// `name: value` where the name is a CSL variable name (lower case and hyphens).
  private static func variableLine(_ line: Substring) -> (String, String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let name = String(line[..<colon]).trimmingSpaces()
    let value = String(line[line.index(after: colon)...]).trimmingSpaces()
    guard !name.isEmpty, !value.isEmpty,
      name.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0 == "-" }),
      CSLVariables.names.contains(name) || CSLVariables.dates.contains(name)
        || CSLVariables.numbers.contains(name) || ordinary.contains(name)
    else { return nil }
    return (name, value)
  }

  private static func assign(_ name: String, _ value: String, to reference: inout ReferenceDraft) -> Bool {
    if reference.has(name) { return false }
    if CSLVariables.names.contains(name) {
      // "Family || Given", or a literal name.
      let parts = value.split(separator: "|", omittingEmptySubsequences: true).map {
        String($0).trimmingSpaces()
      }
      let person = parts.count >= 2 ? Name(family: parts[0], given: parts[1]) : Name(literal: value)
      reference.names[name, default: []].append(person)
      return true
    }
    if CSLVariables.dates.contains(name) {
      guard let date = RawDateParser.parse(value.replacing("/", with: " - ")) ?? RawDateParser.parse(value)
      else { return false }
      reference.dates[name] = date
      return true
    }
    reference.fields[name] = value
    return true
  }

  private static let ordinary: Set<String> = [
    "abstract", "annote", "archive", "archive_location", "archive-place", "authority", "call-number",
    "citation-label", "collection-title", "container-title", "container-title-short", "dimensions", "DOI",
    "event", "event-place", "event-title", "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "medium",
    "original-publisher", "original-publisher-place", "original-title", "publisher", "publisher-place",
    "references", "reviewed-genre", "reviewed-title", "scale", "source", "status", "title", "title-short",
    "URL", "version", "year-suffix",
  ]
}
