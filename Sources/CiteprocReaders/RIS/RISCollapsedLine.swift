/// Recovers records whose line breaks were collapsed into spaces, as happens when RIS is copied out of a
/// web page, an e-mail or a PDF: `TY - JOUR T1 - A title AU - Simon Cocksedge ... ER -`.
///
/// A line is treated as collapsed only when it starts with `TY`, the type after it is a known RIS type
/// code, and it holds at least two further known tag tokens or an `ER` token. The separator written
/// after `TY` (`" - "` or `"  - "`) is learned and only tokens with exactly that separator, preceded
/// by white space, split the line. To keep text such as "T1 - weighted" inside an abstract intact, a
/// single-valued tag that already occurred is not split again, and inside `AB`/`N2` only tags that have
/// not occurred yet split. `ER` ends a record only at the end of the line or right before another `TY`.
enum RISCollapsedLine {
  private struct Token {
    var tag: String
    /// Where the tag starts.
    var start: Int
    /// Where its value starts (after the separator).
    var valueStart: Int
  }

  /// The records in `line`, or nil when the line is not a collapsed record.
  static func split(_ line: [UInt8], lineNumber: Int) -> [RISRecord]? {
    let end = line.count
    guard end >= 5, line[0] == 0x54, line[1] == 0x59 else { return nil }
    var index = 2
    var sepBlanks = 0
    while index < end && RISTokenizer.isBlank(line[index]) {
      sepBlanks += 1
      index += 1
    }
    guard sepBlanks >= 1, sepBlanks <= 3, index < end, line[index] == 0x2D else { return nil }
    index += 1
    while index < end && RISTokenizer.isBlank(line[index]) { index += 1 }
    let typeStart = index
    while index < end && !RISTokenizer.isBlank(line[index]) { index += 1 }
    let typeCode = String(decoding: line[typeStart..<index], as: UTF8.self)

    // Detection: count tag tokens with either usual separator.
    let loose = tokens(in: line, from: index, separatorBlanks: nil)
    let hasER = loose.contains { $0.tag == "ER" }
    guard loose.filter({ $0.tag != "ER" }).count >= 2 || hasER else { return nil }
    guard RISTypeTable.isKnownCode(typeCode) else { return nil }

    let candidates = tokens(in: line, from: index, separatorBlanks: sepBlanks)
    var records: [RISRecord] = []
    var record: RISRecord? = RISRecord(typeValue: typeCode, line: lineNumber)
    record?.recoveredFromSingleLine = true
    var seen: Set<String> = ["TY"]
    var openTag: String? = nil
    var openValueStart = index

    func finishValue(upTo limit: Int) {
      guard let tag = openTag, record != nil else { return }
      let value = RISTokenizer.trimmedString(line, openValueStart, max(openValueStart, limit))
      record?.append(RISEntry(tag: tag, value: value, line: lineNumber))
      openTag = nil
    }

    var position = 0
    while position < candidates.count {
      let token = candidates[position]
      defer { position += 1 }
      if record == nil {
        // Between records: only a TY with a known type starts the next one.
        guard token.tag == "TY" else { continue }
        var typeEnd = token.valueStart
        while typeEnd < end && !RISTokenizer.isBlank(line[typeEnd]) { typeEnd += 1 }
        let code = String(decoding: line[token.valueStart..<typeEnd], as: UTF8.self)
        guard RISTypeTable.isKnownCode(code) else { continue }
        var next = RISRecord(typeValue: code, line: lineNumber)
        next.recoveredFromSingleLine = true
        record = next
        seen = ["TY"]
        openTag = nil
        continue
      }
      if token.tag == "ER" {
        let restIsBlank = RISTokenizer.trimmedString(line, token.valueStart, end).isEmpty
        let nextIsType =
          position + 1 < candidates.count && candidates[position + 1].tag == "TY"
          && RISTokenizer.trimmedString(line, token.valueStart, candidates[position + 1].start).isEmpty
        guard restIsBlank || nextIsType else { continue }
        finishValue(upTo: token.start)
        if var done = record {
          done.closedByER = true
          records.append(done)
        }
        record = nil
        continue
      }
      if token.tag == "TY" { continue }
      let group = RISTags.group(token.tag)
      let already = seen.contains(group)
      if already && !RISTags.repeatable.contains(token.tag) { continue }
      if let open = openTag, open == "AB" || open == "N2", already { continue }
      finishValue(upTo: token.start)
      openTag = token.tag
      openValueStart = token.valueStart
      seen.insert(group)
    }
    finishValue(upTo: end)
    if let last = record { records.append(last) }
    return records.isEmpty ? nil : records
  }

  /// Known tag tokens after `from`: white space, the tag, the separator blanks (exactly
  /// `separatorBlanks`, or one or two when nil), a hyphen, then white space or the end of the line.
  private static func tokens(in line: [UInt8], from: Int, separatorBlanks: Int?) -> [Token] {
    var result: [Token] = []
    let end = line.count
    var index = max(from, 1)
    while index + 3 < end {
      defer { index += 1 }
      guard RISTokenizer.isBlank(line[index - 1]), RISTokenizer.isTagFirst(line[index]),
        index + 1 < end, RISTokenizer.isTagSecond(line[index + 1])
      else { continue }
      var cursor = index + 2
      var blanks = 0
      while cursor < end && line[cursor] == 0x20 && blanks < 4 {
        blanks += 1
        cursor += 1
      }
      if let wanted = separatorBlanks {
        guard blanks == wanted else { continue }
      } else {
        guard blanks == 1 || blanks == 2 else { continue }
      }
      guard cursor < end, line[cursor] == 0x2D else { continue }
      cursor += 1
      if cursor < end {
        guard RISTokenizer.isBlank(line[cursor]) else { continue }
        cursor += 1
      }
      let tag = String(decoding: line[index..<(index + 2)], as: UTF8.self)
      guard RISTags.known.contains(tag) else { continue }
      result.append(Token(tag: tag, start: index, valueStart: cursor))
    }
    return result
  }
}
