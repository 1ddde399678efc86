/// Turns the engine's ``Node`` tree into ``Rendered``: resolves quotation marks (alternating outer
/// and inner quotes), flips nested italics/bold/small caps back to normal, moves periods and commas
/// inside closing quotes where the locale wants it, and removes doubled punctuation where pieces meet.
struct Finisher {
  let locale: Locale

  private enum Wrapper: Equatable {
    case styled(TextFormatting, id: Int)
    case display(Display, id: Int)

    var id: Int {
      switch self {
      case .styled(_, let id), .display(_, let id): return id
      }
    }
  }

  private enum RunKind: Equatable {
    case text
    case openQuote
    case closeQuote
  }

  private struct Run {
    var text: String
    var path: [Wrapper]
    var kind: RunKind
    /// Which piece of data markup (``NodeTag/richText``) the run comes from; 0 for none.
    var field = 0
  }

  private struct State {
    var runs: [Run] = []
    var path: [Wrapper] = []
    var nextID = 0
    var fonts = FontState()
    /// For each open quotation, whether it uses the outer marks.
    var quoteLevels: [Bool] = []
    var field = 0
    var nextField = 0
  }

  /// `tryingDirect`: whether to try ``finishDirectly(_:)`` first; worth it unless the locale
  /// moves punctuation into quotation marks and the layout quotes (see
  /// ``mayFinishDirectly(_:locale:)``), where it would give up on many entries.
  func finish(_ node: Node, tryingDirect: Bool) -> Rendered {
    guard tryingDirect, let finished = finishDirectly(node) else { return finishRuns(node) }
    return finished
  }

  /// Whether the entries of `layout` are worth finishing directly: the locale leaves punctuation
  /// outside quotation marks, or none of the layout's elements quotes (data with markup can still
  /// bring quotation marks).
  static func mayFinishDirectly(_ layout: Layout, locale: Locale) -> Bool {
    if !locale.punctuationInQuote { return true }
    // Macros already walked: a macro's name stands for one compiled body in a layout.
    var walked = Set<String>()
    func unquoted(_ elements: [RenderElement]) -> Bool {
      elements.allSatisfy { element in
        switch element {
        case .text(let text):
          if case .macro(let name, let body) = text.source, walked.insert(name).inserted, !unquoted(body) {
            return false
          }
          return !text.decorations.quotes
        case .date(let date):
          return !date.decorations.quotes && date.parts.allSatisfy { !$0.decorations.quotes }
        case .number(let number): return !number.decorations.quotes
        case .label(let label): return !label.decorations.quotes
        case .names(let names):
          return !names.decorations.quotes && !names.name.decorations.quotes
            && !(names.label?.decorations.quotes ?? false) && unquoted(names.substitute ?? [])
        case .group(let group): return !group.decorations.quotes && unquoted(group.children)
        case .choose(let choose):
          return choose.branches.allSatisfy { unquoted($0.body) } && unquoted(choose.elseBody)
        }
      }
    }
    return !layout.decorations.quotes && unquoted(layout.elements)
  }

  /// ``finish(_:)`` by runs of text with their wrappers, for any tree.
  func finishRuns(_ node: Node) -> Rendered {
    var state = State()
    flatten(node, &state)
    var runs = state.runs
    if runs.contains(where: { $0.text.isEmpty }) { runs.removeAll { $0.text.isEmpty } }
    fixPunctuation(&runs)
    return build(runs[...], depth: 0)
  }

  /// ``finish(_:)`` as the tree is walked: its pieces of text are joined as they come, with the
  /// rules of ``fixPunctuation(_:)`` where two meet, into one text per stretch of output under the
  /// same wrappers, and quotation marks alternate as ``flattenQuote(_:outerAtTop:_:)`` has them.
  /// Nil when the locale moves punctuation into quotation marks and the tree quotes, when a piece
  /// has superscript characters, or when a piece would be emptied from its end (the rules then
  /// look further back than one piece): ``finishRuns(_:)`` does those.
  func finishDirectly(_ node: Node) -> Rendered? {
    var joiner = DirectJoiner(quoteMarks: locale.quoteMarks, punctuationInQuote: locale.punctuationInQuote)
    guard joiner.walk(node) else { return nil }
    return joiner.rendered
  }

  /// A stretch of output under one path of wrappers: its text runs in the joined bytes from
  /// `start` to the next stretch's start.
  private struct Segment {
    var path: [Wrapper]
    var start: Int
  }

  /// The pieces of a tree, joined as ``finishDirectly(_:)`` says. Their text goes into one buffer
  /// of UTF-8 bytes as it comes; only the finished stretches become strings.
  private struct DirectJoiner {
    let quoteMarks: QuoteMarks
    let punctuationInQuote: Bool
    let bytes = ByteBuffer(capacity: 512)
    var segments = [Segment(path: [], start: 0)]
    var path: [Wrapper] = []
    var nextID = 0
    var fonts = FontState()
    var quoteLevels: [Bool] = []
    /// How many bytes at the end of the buffer the last piece still in the output has: none
    /// after a quotation mark, which punctuation does not combine across.
    var lastPieceBytes = 0

    init(quoteMarks: QuoteMarks, punctuationInQuote: Bool) {
      self.quoteMarks = quoteMarks
      self.punctuationInQuote = punctuationInQuote
    }

    mutating func walk(_ node: Node) -> Bool {
      switch node {
      case .text(let text):
        if let added = text.utf8.withContiguousStorageIfAvailable({ add($0, text) }) { return added }
        return Array(text.utf8).withUnsafeBufferPointer { add($0, text) }
      case .sequence(let items):
        for item in items where !walk(item) { return false }
        return true
      case .tagged(.innerQuote, .quoted(let inner)): return quote(inner, outerAtTop: false)
      case .quoted(let inner): return quote(inner, outerAtTop: true)
      case .tagged(_, let inner), .noCase(let inner): return walk(inner)
      case .display(let display, let inner):
        nextID += 1
        return wrapped(.display(display, id: nextID), inner)
      case .styled(let requested, let inner):
        let saved = fonts
        defer { fonts = saved }
        let formatting = fonts.entering(requested)
        if formatting.isEmpty { return walk(inner) }
        nextID += 1
        return wrapped(.styled(formatting, id: nextID), inner)
      }
    }

    private mutating func wrapped(_ wrapper: Wrapper, _ inner: Node) -> Bool {
      path.append(wrapper)
      startSegment()
      guard walk(inner) else { return false }
      path.removeLast()
      startSegment()
      return true
    }

    /// A stretch for the current path begins (the last one, when nothing was written to it).
    private mutating func startSegment() {
      let last = segments.count - 1
      if segments[last].start == bytes.count {
        segments[last].path = path
      } else {
        segments.append(Segment(path: path, start: bytes.count))
      }
    }

    private mutating func quote(_ inner: Node, outerAtTop: Bool) -> Bool {
      if punctuationInQuote { return false }
      if inner.isEmpty { return true }
      let outer = quoteLevels.last.map { !$0 } ?? outerAtTop
      let (open, close) = quoteMarks.marks(outer: outer)
      addMark(open.isEmpty ? "\u{201C}" : open)
      quoteLevels.append(outer)
      guard walk(inner) else { return false }
      quoteLevels.removeLast()
      addMark(close.isEmpty ? "\u{201D}" : close)
      return true
    }

    private mutating func addMark(_ mark: String) {
      var mark = mark
      mark.withUTF8 { bytes.append($0) }
      lastPieceBytes = 0
    }

    /// Adds the piece whose bytes these are; false when the piece needs the full finisher.
    private mutating func add(_ piece: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
      if piece.isEmpty { return true }
      if !Finisher.isASCII(UnsafeRawBufferPointer(piece)) && Superscripts.mayOccur(inUTF8: piece)
        && text.unicodeScalars.contains(where: {
          $0.value >= Superscripts.lowest && Superscripts.base[$0.value] != nil
        })
      {
        return false
      }
      var start = 0
      if lastPieceBytes > 0, let last = PunctuationChar.last(ofUTF8: bytes.last(lastPieceBytes)),
        let first = PunctuationChar.first(ofUTF8: piece)
      {
        if first == 0x20 && last == 0x20 {
          start = 1
        } else if Finisher.isMergeable(first) && Finisher.isMergeable(last) {
          switch Finisher.merge(last, first) {
          case .keepLeft: start = PunctuationChar.firstMarkLength(ofUTF8: piece)
          case .keepRight:
            // The stretches after the last piece's are empty: they start where it ends.
            let length = PunctuationChar.lastMarkLength(ofUTF8: bytes.last(lastPieceBytes))
            bytes.removeLast(length)
            lastPieceBytes -= length
            if lastPieceBytes <= 0 { return false }
            for index in segments.indices.reversed() where segments[index].start > bytes.count {
              segments[index].start = bytes.count
            }
          case .both: break
          }
        }
      }
      if start >= piece.count { return true }
      bytes.append(UnsafeBufferPointer(rebasing: piece[start...]))
      lastPieceBytes = piece.count - start
      return true
    }

    /// The joined output: stretches that print nothing are left out, and the text around them is
    /// one text.
    var rendered: Rendered {
      var kept: [(path: [Wrapper], range: Range<Int>)] = []
      for (index, segment) in segments.enumerated() {
        let end = index + 1 < segments.count ? segments[index + 1].start : bytes.count
        if end > segment.start { kept.append((segment.path, segment.start..<end)) }
      }
      return build(kept[...], depth: 0)
    }

    /// ``Finisher/build(_:depth:)`` of stretches: the text of stretches side by side is one
    /// range of the buffer (those left out between them are empty).
    private func build(_ segments: ArraySlice<(path: [Wrapper], range: Range<Int>)>, depth: Int) -> Rendered {
      var items: [Rendered] = []
      items.reserveCapacity(segments.count)
      var index = segments.startIndex
      while index < segments.endIndex {
        let segment = segments[index]
        if segment.path.count <= depth {
          var end = index + 1
          while end < segments.endIndex && segments[end].path.count <= depth { end += 1 }
          items.append(.text(bytes.string(segment.range.lowerBound..<segments[end - 1].range.upperBound)))
          index = end
          continue
        }
        let wrapper = segment.path[depth]
        var end = index + 1
        while end < segments.endIndex && segments[end].path.count > depth
          && segments[end].path[depth].id == wrapper.id
        {
          end += 1
        }
        let inner = build(segments[index..<end], depth: depth + 1)
        switch wrapper {
        case .styled(let formatting, _): items.append(.styled(formatting, inner))
        case .display(let display, _): items.append(.display(display, inner))
        }
        index = end
      }
      return items.count == 1 ? items[0] : .sequence(items)
    }
  }

  /// Bytes that grow at the end: copying a piece in is one copy of memory (an array's generic
  /// append costs more than the copy for the short pieces of an entry).
  private final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    func append(_ piece: UnsafeBufferPointer<UInt8>) {
      guard let source = piece.baseAddress, !piece.isEmpty else { return }
      if count + piece.count > capacity {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + piece.count))
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(capacity * 2, count + piece.count)
      }
      (base + count).initialize(from: source, count: piece.count)
      count += piece.count
    }

    func removeLast(_ length: Int) { count -= min(length, count) }

    /// The last `length` bytes.
    func last(_ length: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(start: base + (count - length), count: length)
    }

    func string(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }
  }

  private func flatten(_ node: Node, _ state: inout State) {
    switch node {
    case .text(let s):
      // Scalars from U+00AA up are not ASCII: most text needs no lookup.
      if !Self.isASCII(s)
        && s.unicodeScalars.contains(where: {
          $0.value >= Superscripts.lowest && Superscripts.base[$0.value] != nil
        })
      {
        appendWithSuperscripts(s, &state)
      } else if !s.isEmpty {
        state.runs.append(Run(text: s, path: state.path, kind: .text, field: state.field))
      }
    case .sequence(let items):
      for item in items { flatten(item, &state) }
    case .tagged(.richText, let inner):
      let saved = state.field
      state.nextField += 1
      state.field = state.nextField
      flatten(inner, &state)
      state.field = saved
    case .tagged(.innerQuote, .quoted(let inner)):
      flattenQuote(inner, outerAtTop: false, &state)
    case .noCase(let inner), .tagged(_, let inner):
      flatten(inner, &state)
    case .quoted(let inner):
      flattenQuote(inner, outerAtTop: true, &state)
    case .display(let display, let inner):
      state.nextID += 1
      state.path.append(.display(display, id: state.nextID))
      flatten(inner, &state)
      state.path.removeLast()
    case .styled(let formatting, let inner):
      let saved = state.fonts
      let formatting = state.fonts.entering(formatting)
      if formatting.isEmpty {
        flatten(inner, &state)
      } else {
        state.nextID += 1
        state.path.append(.styled(formatting, id: state.nextID))
        flatten(inner, &state)
        state.path.removeLast()
      }
      state.fonts = saved
    }
  }

  /// Which of italics, bold and small caps are on where a piece of output is.
  private struct FontState {
    var italic = false
    var bold = false
    var smallCaps = false

    /// The formatting a styled node applies inside the current one: a setting that is already on
    /// turns it off (italics inside italics are upright), one that asks for normal where it is
    /// already normal is dropped.
    mutating func entering(_ requested: TextFormatting) -> TextFormatting {
      var formatting = requested
      if let style = formatting.fontStyle {
        if style == .italic || style == .oblique {
          if italic { formatting.fontStyle = .normal }
          italic = !italic
        } else {
          if !italic { formatting.fontStyle = nil }
          italic = false
        }
      }
      if let weight = formatting.fontWeight {
        if weight == .bold {
          if bold { formatting.fontWeight = .normal }
          bold = !bold
        } else if weight == .normal {
          if !bold { formatting.fontWeight = nil }
          bold = false
        }
      }
      if let variant = formatting.fontVariant {
        if variant == .smallCaps {
          if smallCaps { formatting.fontVariant = .normal }
          smallCaps = !smallCaps
        } else {
          if !smallCaps { formatting.fontVariant = nil }
          smallCaps = false
        }
      }
      return formatting
    }
  }

  /// Whether every byte of `text` is ASCII, read eight bytes at a time.
  static func isASCII(_ text: String) -> Bool {
    let utf8 = text.utf8
    return utf8.withContiguousStorageIfAvailable { isASCII(UnsafeRawBufferPointer($0)) }
      ?? utf8.allSatisfy { $0 < 0x80 }
  }

  /// Whether every byte is ASCII, read eight at a time.
  static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    let count = bytes.count
    while index + 8 <= count {
      if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        return false
      }
      index += 8
    }
    while index < count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// Superscript characters (`²`, `ª`, `ᵉ`) become their ordinary characters set in superscript,
  /// one by one, as the CSL processors write them.
  private func appendWithSuperscripts(_ s: String, _ state: inout State) {
    var plain = String.UnicodeScalarView()
    var raised = ""
    func flushPlain() {
      if plain.isEmpty { return }
      state.runs.append(Run(text: String(plain), path: state.path, kind: .text, field: state.field))
      plain = String.UnicodeScalarView()
    }
    func flushRaised() {
      if raised.isEmpty { return }
      state.nextID += 1
      let path = state.path + [.styled(TextFormatting(verticalAlign: .superscript), id: state.nextID)]
      state.runs.append(Run(text: raised, path: path, kind: .text, field: state.field))
      raised = ""
    }
    for scalar in s.unicodeScalars {
      if scalar.value >= Superscripts.lowest, let base = Superscripts.base[scalar.value] {
        // Each character is raised on its own ("1ʳᵉ" → 1<sup>r</sup><sup>e</sup>).
        flushPlain()
        flushRaised()
        raised += base
      } else {
        flushRaised()
        plain.append(scalar)
      }
    }
    flushPlain()
    flushRaised()
  }

  /// A quotation alternates with the one enclosing it; one that nothing encloses uses the outer
  /// marks unless `outerAtTop` is false.
  private func flattenQuote(_ inner: Node, outerAtTop: Bool, _ state: inout State) {
    if inner.isEmpty { return }
    let outer = state.quoteLevels.last.map { !$0 } ?? outerAtTop
    let (open, close) = locale.quoteMarks.marks(outer: outer)
    let field = state.field
    state.runs.append(
      Run(text: open.isEmpty ? "\u{201C}" : open, path: state.path, kind: .openQuote, field: field))
    state.quoteLevels.append(outer)
    flatten(inner, &state)
    state.quoteLevels.removeLast()
    state.runs.append(
      Run(text: close.isEmpty ? "\u{201D}" : close, path: state.path, kind: .closeQuote, field: field))
  }

  /// Punctuation marks that may combine where two pieces of output meet (characters as
  /// ``PunctuationChar`` gives them).
  fileprivate static func isMergeable(_ ch: UInt8) -> Bool {
    ch == 0x2E || ch == 0x2C || ch == 0x3B || ch == 0x3A || ch == 0x21 || ch == 0x3F
  }

  /// How two punctuation marks combine when one piece ends with `left` and the next starts with
  /// `right`: a mark is not doubled; a period or colon after a colon, semicolon, question or
  /// exclamation mark is dropped; a question or exclamation mark replaces a colon or semicolon.
  fileprivate static func merge(_ left: UInt8, _ right: UInt8) -> Merge {
    if left == right { return .keepLeft }
    switch right {
    case 0x2E, 0x3A: return left == 0x3A || left == 0x3B || left == 0x21 || left == 0x3F ? .keepLeft : .both
    case 0x21, 0x3F: return left == 0x3A || left == 0x3B ? .keepRight : .both
    default: return .both
    }
  }

  fileprivate enum Merge { case keepLeft, keepRight, both }

  /// Marks that move inside a closing quotation mark when the locale puts punctuation in quotes.
  private static func movesIntoQuote(_ ch: UInt8) -> Bool {
    ch == 0x2E || ch == 0x2C || ch == 0x21 || ch == 0x3F
  }

  private func fixPunctuation(_ runs: inout [Run]) {
    guard runs.count > 1 else { return }
    var index = 1
    while index < runs.count {
      // The runs are read in place (a copy of a run would copy its text and path).
      guard runs[index].kind == .text,
        let last = PunctuationChar.last(of: runs[index - 1].text),
        let first = PunctuationChar.first(of: runs[index].text)
      else {
        index += 1
        continue
      }
      let leftKind = runs[index - 1].kind
      var changedLeft = false
      if leftKind == .closeQuote {
        if Self.isMergeable(first) && locale.punctuationInQuote
          && (runs[index].field == 0 || runs[index].field != runs[index - 1].field)
        {
          changedLeft = movePunctuationIntoQuote(&runs, at: &index)
        }
      } else if leftKind == .text {
        if first == 0x20 && last == 0x20 {
          runs[index].text.removeFirst()
        } else if Self.isMergeable(first) && Self.isMergeable(last) {
          switch Self.merge(last, first) {
          case .keepLeft: runs[index].text.removeFirst()
          case .keepRight:
            runs[index - 1].text.removeLast()
            changedLeft = true
          case .both: break
          }
        }
      }
      if changedLeft && runs[index - 1].text.isEmpty {
        // The left piece is gone: look again at what now meets the right one.
        runs.remove(at: index - 1)
        index = max(1, index - 1)
        continue
      }
      if runs[index].text.isEmpty {
        runs.remove(at: index)
      } else {
        index += 1
      }
    }
  }

  /// Punctuation after closing quotation marks (at `runs[index]`) moves inside them, or, when it
  /// stays outside, still combines with the mark that ends the quotation. Returns whether a run
  /// before `index` lost text.
  private func movePunctuationIntoQuote(_ runs: inout [Run], at index: inout Int) -> Bool {
    guard let first = PunctuationChar.first(of: runs[index].text) else { return false }
    var inner = index - 1
    while inner > 0 && runs[inner].kind == .closeQuote { inner -= 1 }
    guard runs[inner].kind == .text, let before = PunctuationChar.last(of: runs[inner].text) else {
      return false
    }
    let merge = Self.isMergeable(before) ? Self.merge(before, first) : .both
    if !Self.movesIntoQuote(first) {
      if merge == .keepLeft { runs[index].text.removeFirst() }
      return false
    }
    runs[index].text.removeFirst()
    switch merge {
    case .keepLeft:
      return false
    case .keepRight:
      runs[inner].text.removeLast()
      runs[inner].text.unicodeScalars.append(Unicode.Scalar(first))
      return false
    case .both:
      runs.insert(
        Run(
          text: String(Unicode.Scalar(first)), path: runs[inner + 1].path, kind: .text,
          field: runs[inner].field),
        at: inner + 1)
      index += 1
      return false
    }
  }

  private func build(_ runs: ArraySlice<Run>, depth: Int) -> Rendered {
    var items: [Rendered] = []
    var index = runs.startIndex
    while index < runs.endIndex {
      let run = runs[index]
      if run.path.count <= depth {
        // Consecutive runs without a wrapper at this depth are one piece of text, made at its
        // final size (appending run by run would leave it up to twice as large as its text).
        var end = index + 1
        var byteCount = run.text.utf8.count
        while end < runs.endIndex && runs[end].path.count <= depth {
          byteCount += runs[end].text.utf8.count
          end += 1
        }
        if end == index + 1 {
          if !run.text.isEmpty { items.append(.text(run.text)) }
        } else if byteCount > 0 {
          items.append(.text(String(joining: runs[index..<end].lazy.map(\.text), byteCount: byteCount)))
        }
        index = end
        continue
      }
      let wrapper = run.path[depth]
      var end = index + 1
      while end < runs.endIndex && runs[end].path.count > depth && runs[end].path[depth].id == wrapper.id {
        end += 1
      }
      let inner = build(runs[index..<end], depth: depth + 1)
      switch wrapper {
      case .styled(let formatting, _): items.append(.styled(formatting, inner))
      case .display(let display, _): items.append(.display(display, inner))
      }
      index = end
    }
    return items.count == 1 ? items[0] : .sequence(items)
  }
}

extension Node {
  /// The citation layout's decorations: unlike other elements, its formatting also covers its
  /// affixes (`<layout prefix="(" font-weight="bold">` makes the parentheses bold).
  func decoratedAsCitationLayout(_ d: Decorations) -> Node {
    if isEmpty { return self }
    var plain = d
    plain.formatting = .plain
    let node = decorated(plain)
    return d.formatting.isEmpty ? node : .styled(d.formatting, node)
  }
}
