/// One tagged value of an RIS record: the tag, the text on the tag line and any untagged
/// continuation lines that followed it.
struct RISEntry: Sendable, Hashable {
  /// The tag's two ASCII bytes as one number, for fast comparisons (see ``RISTags/code(_:)``).
  var code: UInt16
  /// The UTF-8 bytes of the value on the tag line, trimmed (may be empty). The tokeniser keeps them
  /// as a slice of the text it reads, so that a value becomes a string only when it is asked for.
  var valueBytes: ArraySlice<UInt8>
  /// Each non-blank continuation line, trimmed.
  var continuation: [String] = []
  /// The 1-based line of the tag.
  var line: Int

  init(tag: String, value: String, line: Int) {
    self.init(code: RISTags.code(tag), value: value, line: line)
  }

  init(code: UInt16, value: String, line: Int) {
    self.init(code: code, valueBytes: ArraySlice(value.utf8), line: line)
  }

  /// An entry whose value is the valid UTF-8 text `valueBytes`.
  init(code: UInt16, valueBytes: ArraySlice<UInt8>, line: Int) {
    self.code = code
    self.valueBytes = valueBytes
    self.line = line
  }

  /// The value on the tag line, trimmed (may be empty).
  var value: String { String(decoding: valueBytes, as: UTF8.self) }

  /// The tag's two characters.
  var tag: String {
    var text = ""
    text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: code >> 8)))
    text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: code)))
    return text
  }

  /// The value on the tag line (when not empty), then each continuation line.
  var lines: [String] {
    if continuation.isEmpty { return valueBytes.isEmpty ? [] : [value] }
    return valueBytes.isEmpty ? continuation : [value] + continuation
  }

  /// The lines joined with single spaces.
  var text: String {
    continuation.isEmpty ? value : lines.joined(separator: " ")
  }
}

/// The tagged lines between a `TY` line and its `ER` line (neither included), in file order.
struct RISRecord: Sendable, Hashable {
  /// The value of the `TY` line, trimmed (may be empty).
  var typeValue: String
  /// The 1-based line of the `TY` tag.
  var line: Int
  private(set) var entries: [RISEntry] = []
  /// Two bits per tag code present, one in each word (see ``hash(_:)``), to skip lookups of absent
  /// tags: a code whose two bits are not both set is certainly absent.
  private var present: UInt64 = 0
  private var presentSecond: UInt64 = 0
  /// True when the record was closed by an `ER` line rather than by the next `TY` or the end of the file.
  var closedByER = false
  /// True when the record was split out of a line whose line breaks had been collapsed into spaces.
  var recoveredFromSingleLine = false

  init(typeValue: String, line: Int) {
    self.typeValue = typeValue
    self.line = line
    entries.reserveCapacity(24)
  }

  @inline(__always)
  mutating func append(_ entry: consuming RISEntry) {
    let hash = Self.hash(entry.code)
    present |= 1 << (hash >> 58)
    presentSecond |= 1 << ((hash >> 52) & 63)
    entries.append(entry)
  }

  /// Adds a continuation line to the last entry; false when there is no entry.
  mutating func appendContinuation(_ text: String) -> Bool {
    guard !entries.isEmpty else { return false }
    entries[entries.count - 1].continuation.append(text)
    return true
  }

  /// A hash of a tag code whose top six bits and the six below them pick its bit in ``present``
  /// and in ``presentSecond``.
  private static func hash(_ code: UInt16) -> UInt64 {
    UInt64(code) &* 0x9E37_79B9_7F4A_7C15
  }

  /// True when an entry with this tag code may be present (false means it certainly is not).
  func mayHave(_ code: UInt16) -> Bool {
    let hash = Self.hash(code)
    return present & (1 << (hash >> 58)) != 0 && presentSecond & (1 << ((hash >> 52) & 63)) != 0
  }

  /// All entries with one of the given tags, in file order.
  func entries(_ tags: [String]) -> [RISEntry] {
    let codes = tags.map(RISTags.code)
    return entries.filter { codes.contains($0.code) }
  }

  /// All entries with one of these tag codes, in file order.
  func entries(codes: [UInt16]) -> [RISEntry] {
    guard codes.contains(where: mayHave) else { return [] }
    return entries.filter { codes.contains($0.code) }
  }

  /// All entries with this tag, in file order.
  func entries(_ tag: String) -> [RISEntry] {
    entries(code: RISTags.code(tag))
  }

  /// All entries with this tag code, in file order.
  func entries(code: UInt16) -> [RISEntry] {
    guard mayHave(code) else { return [] }
    return entries.filter { $0.code == code }
  }

  /// The first non-empty value of the first tag in `tags` (in the order given) that has one.
  func first(_ tags: String...) -> String? {
    for tag in tags {
      if let text = first(code: RISTags.code(tag)) { return text }
    }
    return nil
  }

  /// The first non-empty value with this tag code.
  func first(code: UInt16) -> String? {
    guard mayHave(code) else { return nil }
    for entry in entries where entry.code == code {
      if entry.continuation.isEmpty {
        if !entry.valueBytes.isEmpty { return entry.value }
      } else {
        let text = entry.text
        if !text.isEmpty { return text }
      }
    }
    return nil
  }

  /// The first non-empty value of the first of these tag codes that has one.
  func first(code first: UInt16, _ second: UInt16) -> String? {
    self.first(code: first) ?? self.first(code: second)
  }

  /// The first non-empty value of the first of these tag codes that has one.
  func first(code first: UInt16, _ second: UInt16, _ third: UInt16) -> String? {
    self.first(code: first) ?? self.first(code: second) ?? self.first(code: third)
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

  static let typeCode: UInt16 = 0x5459
  static let endCode: UInt16 = 0x4552

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
