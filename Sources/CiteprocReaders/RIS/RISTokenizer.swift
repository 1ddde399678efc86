import CiteprocData

/// Splits normalised RIS text (see ``RISTextDecoder``) into records of tagged entries.
///
/// A tag line is two characters `[A-Z][A-Z0-9]`, one to three spaces or tabs, a hyphen, then either the
/// end of the line or white space and the value. Any other line inside a record continues the previous
/// tag. A record starts at `TY` and ends at `ER`, at the next `TY` or at the end of the input. Lines
/// outside records are ignored, but tag lines there are reported.
struct RISTokenizer: Sendable {
  struct Output: Sendable {
    var records: [RISRecord] = []
    var diagnostics: [Diagnostic] = []
    /// True when at least one tag line was seen anywhere (inside or outside a record).
    var sawTagLine = false
  }

  let file: String
  /// The line number of the first line of the bytes (for text cut out of a larger file).
  var firstLine = 1

  func tokenize(_ bytes: [UInt8]) -> Output {
    tokenize(bytes, in: 0..<bytes.count)
  }

  /// Tokenises `bytes[range]`, whose first line is line ``firstLine``.
  func tokenize(_ bytes: [UInt8], in range: Range<Int>) -> Output {
    bytes.withUnsafeBufferPointer { buffer in
      tokenize(buffer, bytes, from: range.lowerBound, to: range.upperBound)
    }
  }

  /// Tokenises `bytes[start..<count]`; `array` holds the same bytes as `bytes`, and entry values are
  /// slices of it.
  private func tokenize(
    _ bytes: UnsafeBufferPointer<UInt8>, _ array: [UInt8], from start: Int, to count: Int
  ) -> Output {
    var output = Output()
    // The open record, when `inRecord` (kept out of an optional so entries are appended in place).
    var current = RISRecord(typeValue: "", line: 0)
    var inRecord = false
    var strayLine: Int?
    var strayCount = 0
    var lineNumber = firstLine - 1
    var lineStart = start

    func flushStray() {
      if let first = strayLine {
        let what = strayCount == 1 ? "a tag line" : "\(strayCount) tag lines"
        output.diagnostics.append(
          .warning("ignored \(what) outside any record (no TY line before it)", file: file, line: first))
      }
      strayLine = nil
      strayCount = 0
    }

    func close(_ record: RISRecord) {
      if !record.closedByER {
        output.diagnostics.append(
          .warning(
            "the record starting here has no ER line; it was closed at the next TY or the end of the file",
            file: file, line: record.line))
      }
      output.records.append(record)
    }

    while lineStart < count {
      let lineEnd = RISTokenizer.lineEnd(bytes, from: lineStart, to: count)
      lineNumber += 1
      defer { lineStart = lineEnd + 1 }

      guard let tagLine = RISTokenizer.matchTagLine(bytes, lineStart, lineEnd) else {
        // Continuation line, blank line or junk.
        guard inRecord, !current.entries.isEmpty else { continue }
        let text = RISTokenizer.trimmedString(bytes, lineStart, lineEnd)
        if !text.isEmpty { _ = current.appendContinuation(text) }
        continue
      }
      output.sawTagLine = true
      switch tagLine.code {
      case RISTags.typeCode:
        let value = RISTokenizer.trimmedString(bytes, tagLine.valueStart, lineEnd)
        if inRecord { close(current) }
        inRecord = false
        flushStray()
        let recovered =
          RISTokenizer.mayBeCollapsed(bytes, tagLine.valueStart, lineEnd)
          ? RISCollapsedLine.split(Array(bytes[lineStart..<lineEnd]), lineNumber: lineNumber) : nil
        if let recovered {
          let line = Array(bytes[lineStart..<lineEnd])
          for record in recovered {
            output.records.append(record)
            output.diagnostics.append(
              .warning(
                "recovered a record from a single line whose line breaks were lost; check it: "
                  + RISTokenizer.excerpt(line), file: file, line: lineNumber))
          }
        } else {
          current = RISRecord(typeValue: value, line: lineNumber)
          inRecord = true
        }
      case RISTags.endCode:
        if inRecord {
          current.closedByER = true
          output.records.append(current)
          inRecord = false
        } else {
          if strayLine == nil { strayLine = lineNumber }
          strayCount += 1
        }
      default:
        if inRecord {
          let value = RISTokenizer.trimmed(bytes, tagLine.valueStart, lineEnd)
          current.append(RISEntry(code: tagLine.code, valueBytes: array[value], line: lineNumber))
        } else {
          if strayLine == nil { strayLine = lineNumber }
          strayCount += 1
        }
      }
    }
    if inRecord { close(current) }
    flushStray()
    return output
  }

  /// The offset of the first LF in `bytes[start..<end]`, or `end`. Eight bytes are checked at once.
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      while index + 8 <= end {
        // Non-zero when one of the eight bytes is LF (a zero byte after the XOR).
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x0A)
        if (word &- ones) & ~word & (ones &* 0x80) != 0 { break }
        index += 8
      }
    }
    while index < end && bytes[index] != 0x0A { index += 1 }
    return index
  }

  /// False when the value of a `TY` line (`bytes[valueStart..<end]`) has no hyphen after a space, so
  /// that it holds no tag token and the line cannot be a collapsed record (see ``RISCollapsedLine``).
  static func mayBeCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, _ valueStart: Int, _ end: Int) -> Bool {
    var index = valueStart + 1
    while index < end {
      if bytes[index] == 0x2D && bytes[index - 1] == 0x20 { return true }
      index += 1
    }
    return false
  }

  /// Offsets in `bytes[range]` where the text may be cut into pieces that tokenise independently:
  /// the starts of `TY` lines at least `spacing` bytes apart. The first element is
  /// `range.lowerBound`, the last `range.upperBound`.
  static func pieceBounds(_ bytes: [UInt8], in range: Range<Int>, spacing: Int) -> [Int] {
    var bounds = [range.lowerBound]
    var index = range.lowerBound + spacing
    while index < range.upperBound {
      // The next line start at or after `index` that is a TY line.
      guard let newline = bytes[(index - 1)..<range.upperBound].firstIndex(of: 0x0A) else { break }
      var lineStart = newline + 1
      while lineStart < range.upperBound {
        var lineEnd = lineStart
        while lineEnd < range.upperBound && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        if let tag = matchTagLine(bytes, lineStart, lineEnd), tag.code == RISTags.typeCode { break }
        lineStart = lineEnd + 1
      }
      guard lineStart < range.upperBound else { break }
      bounds.append(lineStart)
      index = lineStart + spacing
    }
    bounds.append(range.upperBound)
    return bounds
  }

  /// The start of a collapsed line, for messages.
  private static func excerpt(_ line: [UInt8]) -> String {
    let text = String(decoding: line, as: UTF8.self)
    let limit = 60
    if text.count <= limit { return "\"\(text)\"" }
    return "\"\(text.prefix(limit))…\""
  }

  struct TagLine {
    var code: UInt16
    var valueStart: Int

    /// The tag's two characters.
    var tag: String { RISEntry(code: code, value: "", line: 0).tag }
  }

  static func isTagFirst(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  static func isTagSecond(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
  }
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Matches `[A-Z][A-Z0-9][ \t]{1,3}-([ \t]+value)?` at the start of `bytes[start..<end]`.
  static func matchTagLine(_ bytes: [UInt8], _ start: Int, _ end: Int) -> TagLine? {
    bytes.withUnsafeBufferPointer { matchTagLine($0, start, end) }
  }

  /// Matches `[A-Z][A-Z0-9][ \t]{1,3}-([ \t]+value)?` at the start of `bytes[start..<end]`.
  static func matchTagLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TagLine? {
    guard end - start >= 4, isTagFirst(bytes[start]), isTagSecond(bytes[start + 1]) else { return nil }
    var index = start + 2
    var blanks = 0
    while index < end && isBlank(bytes[index]) && blanks < 4 {
      blanks += 1
      index += 1
    }
    guard blanks >= 1, blanks <= 3, index < end, bytes[index] == 0x2D else { return nil }
    index += 1
    if index < end {
      guard isBlank(bytes[index]) else { return nil }
      while index < end && isBlank(bytes[index]) { index += 1 }
    }
    let code = UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])
    return TagLine(code: code, valueStart: index)
  }

  /// The bytes decoded as UTF-8 with leading and trailing spaces and tabs removed.
  static func trimmedString(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
    bytes.withUnsafeBufferPointer { trimmedString($0, start, end) }
  }

  /// The bytes decoded as UTF-8 with leading and trailing spaces and tabs removed.
  static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    let range = trimmed(bytes, start, end)
    if range.isEmpty { return "" }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// `start..<end` without leading and trailing spaces and tabs.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var low = start
    var high = end
    while low < high && isBlank(bytes[low]) { low += 1 }
    while high > low && isBlank(bytes[high - 1]) { high -= 1 }
    return low..<high
  }
}
