/// Tagged bibliographic formats that are often saved with an `.ris` extension but are not RIS.
enum ForeignFormat: String, Sendable, CaseIterable {
  case webOfScience = "Web of Science tagged (plain-text export)"
  case endNoteTagged = "EndNote tagged (.enw)"
  case medline = "MEDLINE (.nbib)"
  case bibTeX = "BibTeX"
  case json = "JSON (CSL-JSON)"

  /// The format and the 1-based line that gave it away, when `bytes` look like one of these formats.
  /// Only the first 200 lines are looked at.
  static func detect(_ bytes: [UInt8]) -> (format: ForeignFormat, line: Int)? {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    var lineNumber = 0
    var firstContentSeen = false
    while start < bytes.count, lineNumber < 200 {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      lineNumber += 1
      defer {
        start = end
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
      }
      var first = start
      while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
      guard first < end else { continue }
      let line = Array(bytes[start..<end])
      if !firstContentSeen {
        firstContentSeen = true
        if bytes[first] == 0x5B || bytes[first] == 0x7B { return (.json, lineNumber) }
        if bytes[first] == 0x40, isBibTeXEntry(Array(bytes[first..<end])) { return (.bibTeX, lineNumber) }
        if starts(line, "FN ") || starts(line, "VR ") { return (.webOfScience, lineNumber) }
      }
      if starts(line, "PMID-") || starts(line, "PMID -") { return (.medline, lineNumber) }
      if line.count >= 3, line[0] == 0x25, line[2] == 0x20, line[1] == 0x30 {
        return (.endNoteTagged, lineNumber)
      }
      if line.count >= 4, starts(line, "PT "), line[3] >= 0x41, line[3] <= 0x5A,
        line.count == 4 || line[4] == 0x20
      {
        return (.webOfScience, lineNumber)
      }
    }
    return nil
  }

  private static func starts(_ line: [UInt8], _ prefix: String) -> Bool {
    let prefixBytes = Array(prefix.utf8)
    return line.count >= prefixBytes.count && Array(line[0..<prefixBytes.count]) == prefixBytes
  }

  /// `@article{`, `@book {`, ...
  private static func isBibTeXEntry(_ line: [UInt8]) -> Bool {
    var index = 1
    while index < line.count, (line[index] | 0x20) >= 0x61, (line[index] | 0x20) <= 0x7A { index += 1 }
    guard index > 1 else { return false }
    while index < line.count, line[index] == 0x20 { index += 1 }
    return index < line.count && (line[index] == 0x7B || line[index] == 0x28)
  }
}
