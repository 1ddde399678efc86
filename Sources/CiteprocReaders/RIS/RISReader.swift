import CiteprocData

/// Reads RIS files as they are really written: any line ends, a byte order mark, UTF-8 or
/// Windows-1252, wrapped values, junk between records, missing `ER` lines and records whose line breaks
/// were collapsed into spaces.
///
/// Every `TY` record found ends up either in ``ReadResult/references`` or, with one error, in
/// ``ReadResult/rejected``. A file that is another tagged format (Web of Science, EndNote, MEDLINE)
/// gives one error naming that format and no references.
public struct RISReader: Sendable {
  /// The largest record kept when reading in chunks (``read(file:chunks:)``): a bigger one (such as
  /// a file of tag lines with one `TY` and no `ER`) is rejected with an error and skipped up to the
  /// next `TY` line. 32 MB unless given.
  public var maximumRecordSize: Int
  /// Applied to each reference as soon as it is read, before it is kept (on all cores); such as
  /// a ``Citeproc/ReferenceTrimmer`` that drops what a style never reads. Ids are generated from
  /// the references as read, so they do not depend on it.
  public var transform: (@Sendable (Reference) -> Reference)?

  public init(
    maximumRecordSize: Int = 32 * 1024 * 1024, transform: (@Sendable (Reference) -> Reference)? = nil
  ) {
    self.maximumRecordSize = maximumRecordSize
    self.transform = transform
  }

  public func read(_ bytes: [UInt8], file: String) -> ReadResult {
    var state = StreamState(file: file, transform: transform, sharingValues: true)
    state.detectionPrefix = bytes
    state.readBatch(bytes, firstLine: 1)
    return finish(state)
  }

  /// Reads RIS delivered in chunks by `next` (nil at the end), holding only the records of one
  /// chunk's worth of text at a time besides the references read so far. The result is the same
  /// as ``read(_:file:)`` on the whole input, except that a record larger than
  /// ``maximumRecordSize`` is rejected and that the encoding (UTF-8 or Windows-1252) is decided for
  /// each chunk.
  public func read(file: String, chunks next: () -> [UInt8]?) -> ReadResult {
    read(file: file, chunks: next, handsOver: false) { _ in }
  }

  /// Reads like ``read(file:chunks:)``, but hands the references of each stretch of whole records
  /// to `batch` as soon as they are read instead of keeping them, so that memory stays bounded
  /// whatever the size of the input. Ids are made unique within each batch only. The result holds
  /// the rejected records and the diagnostics, and no references.
  public func read(file: String, chunks next: () -> [UInt8]?, batches batch: ([Reference]) -> Void)
    -> ReadResult
  {
    read(file: file, chunks: next, handsOver: true, batch)
  }

  private func read(
    file: String, chunks next: () -> [UInt8]?, handsOver: Bool, _ batch: ([Reference]) -> Void
  ) -> ReadResult {
    var state = StreamState(file: file, transform: transform, sharingValues: !handsOver)
    func handOver() {
      guard handsOver, !state.mapped.isEmpty else { return }
      var mapped = MappedRecords()
      swap(&mapped, &state.mapped)
      var diagnostics = state.diagnostics
      state.diagnostics = []
      batch(assignIDs(&mapped, file: file, diagnostics: &diagnostics))
      state.diagnostics = diagnostics
    }
    var pending: [UInt8] = []
    var firstLine = 1
    // True while an oversized record is being skipped.
    var skipping = false
    while let chunk = next() {
      if state.detectionPrefix.count < 65_536 {
        state.detectionPrefix += chunk.prefix(65_536 - state.detectionPrefix.count)
      }
      // The first chunk is taken as it is, not copied.
      if pending.isEmpty { pending = chunk } else { pending += chunk }
      if skipping {
        // Drop everything up to the next TY line; keep a partial last line, it may be one.
        if let start = Self.recordStarts(in: pending, from: 0).first {
          firstLine += Self.lineCount(pending[..<start])
          pending.removeFirst(start)
          skipping = false
        } else {
          let keep = Self.lastLineStart(pending)
          firstLine += Self.lineCount(pending[..<keep])
          pending.removeFirst(keep)
          continue
        }
      }
      if let split = Self.lastRecordStart(in: pending, from: 1) {
        firstLine += state.readBatch(Self.takePrefix(&pending, split), firstLine: firstLine)
        handOver()
      } else if pending.count > maximumRecordSize {
        if Self.recordStarts(in: pending, from: 0).first == 0 {
          state.rejected.append(
            .error(
              "record is larger than \(Self.sizeText(maximumRecordSize)) (no ER or TY line ends it); skipped",
              file: file, line: firstLine))
          state.sawRecords = true
          skipping = true
          let keep = Self.lastLineStart(pending)
          firstLine += Self.lineCount(pending[..<keep])
          pending.removeFirst(keep)
        } else {
          // Text before the first record: read what is complete so stray tag lines are reported.
          let keep = Self.lastLineStart(pending)
          firstLine += state.readBatch(Self.takePrefix(&pending, keep), firstLine: firstLine)
        }
      }
    }
    if !skipping { state.readBatch(pending, firstLine: firstLine) }
    handOver()
    return finish(state)
  }

  /// The first `count` bytes of `bytes`, which keeps the rest. The bytes taken are not copied:
  /// only the rest is, and the batch read from them is most of a chunk.
  static func takePrefix(_ bytes: inout [UInt8], _ count: Int) -> [UInt8] {
    var taken = bytes
    bytes = Array(bytes[count...])
    taken.removeLast(taken.count - count)
    return taken
  }

  private func finish(_ state: consuming StreamState) -> ReadResult {
    var result = ReadResult()
    if state.usedFallback {
      result.diagnostics.append(
        .warning("the file is not valid UTF-8; it was read as Windows-1252", file: state.file, line: nil))
    }
    if !state.sawRecords {
      let decoded = RISTextDecoder().decode(state.detectionPrefix)
      if let (format, line) = ForeignFormat.detect(decoded.bytes) {
        return ReadResult(diagnostics: [
          .error("this is a \(format.rawValue) file, not RIS", file: state.file, line: line)
        ])
      }
      result.diagnostics.append(contentsOf: state.diagnostics)
      result.diagnostics.append(
        .error("no RIS records found (no line starts with \"TY  - \")", file: state.file))
      return result
    }
    result.diagnostics.append(contentsOf: state.diagnostics)
    result.rejected = state.rejected
    let file = state.file
    result.references = assignIDs(&state.mapped, file: file, diagnostics: &result.diagnostics)
    return result
  }

  /// Offsets at or after `from` where a line starts with a `TY` tag line.
  static func recordStarts(in bytes: [UInt8], from: Int) -> [Int] {
    var starts: [Int] = []
    var index = from
    let count = bytes.count
    while index + 1 < count {
      if bytes[index] == 0x54, bytes[index + 1] == 0x59,
        index == 0 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D
      {
        var end = index
        while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        // A TY line cut by the end of the chunk is not a start yet.
        if end < count, RISTokenizer.matchTagLine(bytes, index, end)?.code == RISTags.typeCode {
          starts.append(index)
        }
      }
      index += 1
    }
    return starts
  }

  /// The last of ``recordStarts(in:from:)``, found from the end.
  static func lastRecordStart(in bytes: [UInt8], from: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      // The end of the line holding `index` (count when the line is not ended).
      var lineEnd = count
      if count > 0, buffer[count - 1] == 0x0A || buffer[count - 1] == 0x0D { lineEnd = count - 1 }
      var index = count - 2
      while index >= from {
        let byte = buffer[index]
        if byte == 0x0A || byte == 0x0D { lineEnd = index }
        if byte == 0x54, buffer[index + 1] == 0x59,
          index == 0 || buffer[index - 1] == 0x0A || buffer[index - 1] == 0x0D,
          lineEnd < count, RISTokenizer.matchTagLine(buffer, index, lineEnd)?.code == RISTags.typeCode
        {
          return index
        }
        index -= 1
      }
      return nil
    }
  }

  static func sizeText(_ bytes: Int) -> String {
    bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
  }

  /// The offset just after the last line end (0 when there is none).
  static func lastLineStart(_ bytes: [UInt8]) -> Int {
    var index = bytes.count
    while index > 0 {
      if bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D { return index }
      index -= 1
    }
    return 0
  }

  /// Line ends in `bytes`: LF, CRLF and lone CR each count once.
  static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      var lines = 0
      var sawCR = false
      for byte in buffer {
        lines &+= byte == 0x0A ? 1 : 0
        sawCR = sawCR || byte == 0x0D
      }
      guard sawCR else { return lines }
      lines = 0
      var index = 0
      while index < buffer.count {
        let byte = buffer[index]
        if byte == 0x0A {
          lines += 1
        } else if byte == 0x0D, index + 1 == buffer.count || buffer[index + 1] != 0x0A {
          lines += 1
        }
        index += 1
      }
      return lines
    }
  }

  /// Everything read so far.
  private struct StreamState {
    let file: String
    let transform: (@Sendable (Reference) -> Reference)?
    /// Where the records keep the values they repeat, a table for each thread; nil when the
    /// references are handed over batch by batch and so are not held long.
    let sharedValues: SharedValues.Pool?
    var mapped = MappedRecords()
    var rejected: [Diagnostic] = []
    var diagnostics: [Diagnostic] = []
    var usedFallback = false
    var sawRecords = false
    /// The start of the input, to name a foreign format when there are no records.
    var detectionPrefix: [UInt8] = []

    init(file: String, transform: (@Sendable (Reference) -> Reference)?, sharingValues: Bool) {
      self.file = file
      self.transform = transform
      sharedValues = sharingValues ? SharedValues.Pool() : nil
    }

    /// Reads whole records (and text outside records) starting at line `firstLine`. Returns the
    /// number of line ends in `bytes` (LF, CRLF and lone CR each count once).
    @discardableResult
    mutating func readBatch(_ bytes: [UInt8], firstLine: Int) -> Int {
      guard !bytes.isEmpty else { return 0 }
      // The text is cut at TY lines into pieces that are tokenised and mapped independently (on all
      // cores); the results are taken in order: first every piece's tokeniser messages, then the
      // records' own. Text that normalising leaves as it is (see ``RISTextDecoder/isClean(_:from:)``)
      // is checked piece by piece, on all cores, as its lines are counted; a piece boundary follows
      // a line feed, so no UTF-8 sequence spans two pieces and the pieces are all clean exactly when
      // the whole text is.
      var text = bytes
      if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
      var bounds = RISTokenizer.pieceBounds(text, in: 0..<text.count, spacing: Self.pieceSize)
      var scans = Self.scan(text, bounds, checkingClean: true)
      if !scans.allSatisfy(\.clean) {
        let decoded = RISTextDecoder().decodeInGeneral(bytes)
        usedFallback = usedFallback || decoded.usedFallback
        text = decoded.bytes
        bounds = RISTokenizer.pieceBounds(text, in: 0..<text.count, spacing: Self.pieceSize)
        scans = Self.scan(text, bounds, checkingClean: false)
      }
      var lines = [firstLine]
      lines.reserveCapacity(scans.count + 1)
      for scan in scans { lines.append(lines[lines.count - 1] + scan.lineFeeds) }
      let pieceLines = lines
      let file = self.file
      let mapper = RISRecordMapper(file: file, transform: transform)
      let pieceText = text
      let pieceBounds = bounds
      let pool = sharedValues
      let table = pool?.take()
      var pieces = Parallel.map(
        count: pieceBounds.count - 1, minimumChunk: 1, state: table, perWorker: { _ in pool?.take() },
        finished: { if let used = $0 { pool?.put(used) } }
      ) { table, index in
        let tokens = RISTokenizer(file: file, firstLine: pieceLines[index]).tokenize(
          pieceText, in: pieceBounds[index]..<pieceBounds[index + 1])
        return Piece(
          diagnostics: tokens.diagnostics, outcomes: tokens.records.map { mapper.map($0, sharing: table) })
      }
      if let table { pool?.put(table) }
      for piece in pieces { diagnostics.append(contentsOf: piece.diagnostics) }
      let total = pieces.reduce(0) { $0 + $1.outcomes.count }
      if total > 0 {
        sawRecords = true
        // Room is made for the first batch; later ones grow the arrays as appending does (room
        // made batch by batch copied all the records read so far at every batch).
        if mapped.isEmpty { mapped.reserveCapacity(total) }
      }
      // Each piece's records are let go of as they are taken, so that the records of the batch
      // are not held twice.
      for index in pieces.indices {
        let outcomes = pieces[index].outcomes
        pieces[index].outcomes = []
        for outcome in outcomes {
          switch outcome {
          case .mapped(let item):
            diagnostics.append(contentsOf: item.diagnostics)
            mapped.append(item)
          case .rejected(let error, let warnings):
            diagnostics.append(contentsOf: warnings)
            rejected.append(error)
          }
        }
      }
      return lines[lines.count - 1] - firstLine
    }

    /// The bytes of decoded text tokenised and mapped as one unit.
    static let pieceSize = 128 * 1024

    private struct Piece: Sendable {
      var diagnostics: [Diagnostic]
      var outcomes: [RISRecordMapper.Outcome]
    }

    private struct PieceScan: Sendable {
      var clean: Bool
      var lineFeeds: Int
    }

    /// For each piece `bounds[i]..<bounds[i + 1]` of `text`: its line feeds and, when
    /// `checkingClean`, whether normalising would leave it as it is (true otherwise). On all cores.
    private static func scan(_ text: [UInt8], _ bounds: [Int], checkingClean: Bool) -> [PieceScan] {
      Parallel.map(count: bounds.count - 1, minimumChunk: 1) { index in
        text.withUnsafeBufferPointer { buffer in
          let piece = UnsafeBufferPointer(rebasing: buffer[bounds[index]..<bounds[index + 1]])
          guard checkingClean else {
            return PieceScan(clean: true, lineFeeds: RISReader.lineFeedCount(piece))
          }
          let lineFeeds = RISTextDecoder.cleanLineFeeds(piece)
          return PieceScan(clean: lineFeeds != nil, lineFeeds: lineFeeds ?? 0)
        }
      }
    }
  }

  /// The number of LF bytes, counted eight bytes at a time.
  static func lineFeedCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var lines = 0
    var index = 0
    while index + 8 <= count {
      // A byte of `word` is zero exactly where the input byte is LF; `marks` has the top bit of
      // each byte set exactly where the byte of `word` is zero (no carry crosses a byte).
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x0A)
      let marks = ~(((word & lows) &+ lows) | word) & ~lows
      lines &+= marks.nonzeroBitCount
      index += 8
    }
    while index < count {
      lines &+= bytes[index] == 0x0A ? 1 : 0
      index += 1
    }
    return lines
  }

  /// Keeps `ID` values that are unique in the file and generates keys for the rest. Takes the
  /// references out of `items`, which is left empty.
  private func assignIDs(
    _ items: inout MappedRecords, file: String, diagnostics: inout [Diagnostic]
  ) -> [Reference] {
    var references: [Reference] = []
    swap(&references, &items.references)
    let explicitIDs = items.explicitIDs
    let keyBases = items.keyBases
    items = MappedRecords()
    var idCounts: [String: Int] = [:]
    for explicitID in explicitIDs {
      if let id = explicitID { idCounts[id, default: 0] += 1 }
    }
    var reported: Set<String> = []
    var reserved: Set<String> = []
    var needsKey: [Int] = []
    for (index, explicitID) in explicitIDs.enumerated() {
      if let id = explicitID, idCounts[id] == 1 {
        references[index].id = id
        reserved.insert(id)
      } else {
        if let id = explicitID, reported.insert(id).inserted {
          diagnostics.append(
            .warning(
              "ID \"\(id)\" is used by \(idCounts[id] ?? 0) records; they get generated keys instead",
              file: file, line: nil))
        }
        needsKey.append(index)
      }
    }
    let bases = needsKey.map { keyBases[$0] ?? ReferenceKeys.base(for: references[$0]) }
    let keys = ReferenceKeys.uniqueKeys(for: bases, reserved: reserved)
    for (position, index) in needsKey.enumerated() { references[index].id = keys[position] }
    return references
  }
}

/// Mapped records, column by column: the references are taken out whole when their ids are
/// assigned, without a copy of the array.
private struct MappedRecords {
  var references: [Reference] = []
  /// Each record's own `ID` value, if any.
  var explicitIDs: [String?] = []
  /// Each record's ``RISRecordMapper/Mapped/keyBase``.
  var keyBases: [String?] = []

  var isEmpty: Bool { references.isEmpty }

  mutating func reserveCapacity(_ count: Int) {
    references.reserveCapacity(count)
    explicitIDs.reserveCapacity(count)
    keyBases.reserveCapacity(count)
  }

  mutating func append(_ item: RISRecordMapper.Mapped) {
    references.append(item.reference)
    explicitIDs.append(item.explicitID)
    keyBases.append(item.keyBase)
  }
}
