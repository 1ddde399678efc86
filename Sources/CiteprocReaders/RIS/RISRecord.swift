/// One tagged value of an RIS record: the tag, the text on the tag line and any untagged
/// continuation lines that followed it.
struct RISEntry: Sendable, Hashable {
  var tag: String
  /// The tag's two ASCII bytes as one number, for fast comparisons (see ``RISTags/code(_:)``).
  var code: UInt16
  /// The value on the tag line first, then each non-blank continuation line, all trimmed.
  var lines: [String]
  /// The 1-based line of the tag.
  var line: Int

  init(tag: String, value: String, line: Int) {
    self.tag = tag
    self.code = RISTags.code(tag)
    self.lines = value.isEmpty ? [] : [value]
    self.line = line
  }

  /// The lines joined with single spaces.
  var text: String {
    lines.count == 1 ? lines[0] : lines.joined(separator: " ")
  }
}

/// The tagged lines between a `TY` line and its `ER` line (neither included), in file order.
struct RISRecord: Sendable, Hashable {
  /// The value of the `TY` line, trimmed (may be empty).
  var typeValue: String
  /// The 1-based line of the `TY` tag.
  var line: Int
  var entries: [RISEntry] = []
  /// True when the record was closed by an `ER` line rather than by the next `TY` or the end of the file.
  var closedByER = false
  /// True when the record was split out of a line whose line breaks had been collapsed into spaces.
  var recoveredFromSingleLine = false

  init(typeValue: String, line: Int) {
    self.typeValue = typeValue
    self.line = line
  }

  /// All entries with one of the given tags, in file order.
  func entries(_ tags: [String]) -> [RISEntry] {
    let codes = tags.map(RISTags.code)
    return entries.filter { codes.contains($0.code) }
  }

  /// All entries with this tag, in file order.
  func entries(_ tag: String) -> [RISEntry] {
    let code = RISTags.code(tag)
    return entries.filter { $0.code == code }
  }

  /// The first non-empty value of the first tag in `tags` (in the order given) that has one.
  func first(_ tags: String...) -> String? {
    for tag in tags {
      let code = RISTags.code(tag)
      for entry in entries where entry.code == code {
        let text = entry.text
        if !text.isEmpty { return text }
      }
    }
    return nil
  }
}

/// The tags an RIS record may carry: those of both specifications plus the common exporter extras.
/// Used to decide what counts as a tag token inside a collapsed line.
enum RISTags {
  /// A tag's two ASCII bytes as one number (`"TY"` → 0x5459); 0 for anything else.
  static func code(_ tag: String) -> UInt16 {
    var iterator = tag.utf8.makeIterator()
    guard let first = iterator.next(), let second = iterator.next(), iterator.next() == nil else { return 0 }
    return UInt16(first) << 8 | UInt16(second)
  }

  static let typeCode = code("TY")
  static let endCode = code("ER")

  static let known: Set<String> = {
    var tags: Set<String> = [
      "TY", "ER", "TI", "T1", "T2", "T3", "CT", "ST", "BT", "AU", "A1", "A2", "A3", "A4", "ED", "TA",
      "TT", "AB", "N1", "N2", "RN", "KW", "DO", "DI", "UR", "LK", "LA", "AN", "DB", "DP", "CN", "ID",
      "NV", "OP", "RI", "LB", "Y1", "Y2", "PY", "DA", "CY", "JF", "JO", "JA", "J1", "J2", "CP", "PP",
      "SE", "SV", "CA", "AV", "RP", "SP", "EP", "LP", "VL", "IS", "SN", "ET", "PB", "AD",
    ]
    for index in 1...4 { tags.insert("L\(index)") }
    for index in 1...4 { tags.insert("M\(index)") }
    for index in 1...5 { tags.insert("U\(index)") }
    for index in 1...8 { tags.insert("C\(index)") }
    return tags
  }()

  /// Tags that are spellings of the same thing (`T1` and `TI`, `A1` and `AU`, `N2` and `AB`) share a
  /// group, so that a second spelling inside a collapsed line is not taken for a new tag.
  static func group(_ tag: String) -> String {
    switch tag {
    case "T1", "CT": return "TI"
    case "A1": return "AU"
    case "N2": return "AB"
    default: return tag
    }
  }

  /// Tags that may occur more than once per record. Any other tag seen a second time inside a
  /// collapsed line is treated as text.
  static let repeatable: Set<String> = [
    "AU", "A1", "A2", "A3", "A4", "ED", "KW", "UR", "N1", "SN", "L1", "L2", "L3", "L4", "AD", "C3",
    "M1", "U1", "U2", "U3", "U4", "U5", "DB", "LK",
  ]
}
