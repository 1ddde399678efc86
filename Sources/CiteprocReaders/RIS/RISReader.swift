import CiteprocData

/// Reads RIS files as they are really written: any line ends, a byte order mark, UTF-8 or
/// Windows-1252, wrapped values, junk between records, missing `ER` lines and records whose line breaks
/// were collapsed into spaces.
///
/// Every `TY` record found ends up either in ``ReadResult/references`` or, with one error, in
/// ``ReadResult/rejected``. A file that is another tagged format (Web of Science, EndNote, MEDLINE)
/// gives one error naming that format and no references.
public struct RISReader: Sendable {
  public init() {}

  public func read(_ bytes: [UInt8], file: String) -> ReadResult {
    let decoded = RISTextDecoder().decode(bytes)
    var result = ReadResult()
    if decoded.usedFallback {
      result.diagnostics.append(
        .warning("the file is not valid UTF-8; it was read as Windows-1252", file: file, line: nil))
    }
    let tokens = RISTokenizer(file: file).tokenize(decoded.bytes)
    if tokens.records.isEmpty {
      if let (format, line) = ForeignFormat.detect(decoded.bytes) {
        return ReadResult(diagnostics: [
          .error("this is a \(format.rawValue) file, not RIS", file: file, line: line)
        ])
      }
      result.diagnostics.append(contentsOf: tokens.diagnostics)
      result.diagnostics.append(.error("no RIS records found (no line starts with \"TY  - \")", file: file))
      return result
    }
    result.diagnostics.append(contentsOf: tokens.diagnostics)

    let mapper = RISRecordMapper(file: file)
    var mapped: [RISRecordMapper.Mapped] = []
    mapped.reserveCapacity(tokens.records.count)
    // Records map independently of each other (on all cores, a batch at a time); the results are
    // taken in order.
    let records = tokens.records
    for batchStart in stride(from: 0, to: records.count, by: Parallel.batchSize) {
      let batchEnd = min(records.count, batchStart + Parallel.batchSize)
      let outcomes = Parallel.map(count: batchEnd - batchStart) { mapper.map(records[batchStart + $0]) }
      for outcome in outcomes {
        switch outcome {
        case .mapped(let item):
          result.diagnostics.append(contentsOf: item.diagnostics)
          mapped.append(item)
        case .rejected(let error, let warnings):
          result.diagnostics.append(contentsOf: warnings)
          result.rejected.append(error)
        }
      }
    }
    result.references = assignIDs(mapped, file: file, diagnostics: &result.diagnostics)
    return result
  }

  /// Keeps `ID` values that are unique in the file and generates keys for the rest.
  private func assignIDs(
    _ items: [RISRecordMapper.Mapped], file: String, diagnostics: inout [Diagnostic]
  ) -> [Reference] {
    var idCounts: [String: Int] = [:]
    for item in items {
      if let id = item.explicitID { idCounts[id, default: 0] += 1 }
    }
    var reported: Set<String> = []
    var reserved: Set<String> = []
    var needsKey: [Int] = []
    var references = items.map(\.reference)
    for (index, item) in items.enumerated() {
      if let id = item.explicitID, idCounts[id] == 1 {
        references[index].id = id
        reserved.insert(id)
      } else {
        if let id = item.explicitID, reported.insert(id).inserted {
          diagnostics.append(
            .warning(
              "ID \"\(id)\" is used by \(idCounts[id] ?? 0) records; they get generated keys instead",
              file: file, line: nil))
        }
        needsKey.append(index)
      }
    }
    let bases = needsKey.map { ReferenceKeys.base(for: references[$0]) }
    let keys = ReferenceKeys.uniqueKeys(for: bases, reserved: reserved)
    for (position, index) in needsKey.enumerated() { references[index].id = keys[position] }
    return references
  }
}
