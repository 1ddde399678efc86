import CiteprocData

extension Evaluator {
  mutating func renderDate(_ element: DateElement) -> (Node, VariableUse) {
    guard !suppressed.contains(element.variable), let date = reference.date(element.variable), !date.isEmpty
    else { return (.empty, .empty) }
    noteRendered(element.variable)
    if mode == .sortKey { return (.text(Self.sortKey(date, showing: element)), .rendered) }
    var decorations = element.decorations
    if date.start == nil, let literal = date.literal {
      decorations.textCase = element.decorations.textCase
      return (finishText(RichText.parse(literal), decorations), .rendered)
    }
    guard let start = date.start else { return (.empty, .empty) }

    var parts: [DatePartElement]
    var delimiter: String
    if let form = element.form {
      let base = locale.dateFormats[form]
      delimiter = base?.delimiter ?? ""
      parts = (base?.parts ?? []).filter { part in
        switch element.partsShown {
        case .yearMonthDay: return true
        case .yearMonth: return part.name != .day
        case .year: return part.name == .year
        }
      }
      // Style date-parts override the locale's attributes, except the affixes.
      for override in element.parts {
        guard let index = parts.firstIndex(where: { $0.name == override.name }) else { continue }
        if let form = override.form { parts[index].form = form }
        if let delimiter = override.rangeDelimiter { parts[index].rangeDelimiter = delimiter }
        var d = override.decorations
        d.prefix = parts[index].decorations.prefix
        d.suffix = parts[index].decorations.suffix
        if override.decorations.formatting.isEmpty { d.formatting = parts[index].decorations.formatting }
        if override.decorations.textCase == nil { d.textCase = parts[index].decorations.textCase }
        parts[index].decorations = d
      }
    } else {
      parts = element.parts
      delimiter = element.delimiter
    }

    var node: Node
    if let end = date.end, end.year == 0, end.month == nil, end.day == nil, end.season == nil {
      // An open range ("1987–").
      let rangeDelimiter = parts.first { $0.name == .year }?.rangeDelimiter ?? "\u{2013}"
      node = .sequence([
        join(parts.map { renderPart($0, start) }, delimiter: delimiter), .text(rangeDelimiter),
      ])
    } else if let end = date.end, let range = rangeNode(start, end, parts: parts, delimiter: delimiter) {
      node = range
    } else {
      node = join(parts.map { renderPart($0, start) }, delimiter: delimiter)
    }
    if node.isEmpty { return (.empty, .empty) }
    if let season = date.seasonText, !season.isEmpty,
      start.month == nil, parts.contains(where: { $0.name == .month })
    {
      node = join([.text(season), node], delimiter: " ")
    }
    return (finishText(node, decorations), .rendered)
  }

  /// Renders a range, sharing the parts that are equal. Returns nil when start and end are the
  /// same in every shown part.
  private mutating func rangeNode(
    _ start: CSLDate.Parts, _ end: CSLDate.Parts, parts: [DatePartElement], delimiter: String
  ) -> Node? {
    func differs(_ name: DatePartElement.Name) -> Bool {
      switch name {
      case .year: return start.year != end.year
      case .month: return start.month != end.month || start.season != end.season
      case .day: return start.day != end.day
      }
    }
    let order: [DatePartElement.Name] = [.year, .month, .day]
    guard let largest = order.first(where: { name in parts.contains { $0.name == name } && differs(name) })
    else { return nil }
    let rank: [DatePartElement.Name: Int] = [.year: 0, .month: 1, .day: 2]
    let varyingIndices = parts.indices.filter { (rank[parts[$0].name] ?? 0) >= (rank[largest] ?? 0) }
    guard let firstVarying = varyingIndices.first, let lastVarying = varyingIndices.last else { return nil }
    let rangeDelimiter = parts.first { $0.name == largest }?.rangeDelimiter ?? "\u{2013}"

    var pieces: [Node] = []
    for index in parts.indices where index < firstVarying {
      pieces.append(renderPart(parts[index], start))
    }
    // The start drops the suffix of its last part and the end the prefix of its first, so the
    // range delimiter sits between the two values.
    func present(_ part: DatePartElement, _ date: CSLDate.Parts) -> Bool {
      switch part.name {
      case .year: return true
      case .month: return date.month != nil || date.season != nil
      case .day: return date.day != nil
      }
    }
    var startParts = parts[firstVarying...lastVarying].filter { present($0, start) }
    var endParts = parts[firstVarying...lastVarying].filter { present($0, end) }
    if !startParts.isEmpty { startParts[startParts.count - 1].decorations.suffix = "" }
    if !endParts.isEmpty { endParts[0].decorations.prefix = "" }
    let startSegment = join(startParts.map { renderPart($0, start) }, delimiter: delimiter)
    let endSegment = join(endParts.map { renderPart($0, end) }, delimiter: delimiter)
    let rangeNode = Node.sequence([startSegment, .text(rangeDelimiter), endSegment])
    pieces.append(rangeNode)
    for index in parts.indices where index > lastVarying {
      pieces.append(renderPart(parts[index], start))
    }
    return join(pieces, delimiter: delimiter)
  }

  private mutating func renderPart(_ part: DatePartElement, _ date: CSLDate.Parts) -> Node {
    var text: String
    switch part.name {
    case .year:
      if part.form == .short {
        text = String(String(abs(date.year) % 100).leftPadded(to: 2))
      } else if date.year < 0 {
        text = String(-date.year) + locale.text("bc")
      } else if date.year < 1000 {
        text = String(date.year) + locale.text("ad")
      } else {
        text = String(date.year)
      }
      var node = finishText(.text(text), part.decorations)
      node = marked(.year, node)
      if appendsYearSuffix, let suffix = cite.yearSuffix, !yearSuffixRendered {
        yearSuffixRendered = true
        node = .sequence([node, marked(.yearSuffix, .text(suffix))])
      }
      return node
    case .month:
      if let month = date.month, (1...12).contains(month) {
        let name = "month-" + String(month).leftPadded(to: 2)
        switch part.form ?? .long {
        case .numeric: text = String(month)
        case .numericLeadingZeros: text = String(month).leftPadded(to: 2)
        case .short: text = locale.text(name, form: .short)
        default: text = locale.text(name, form: .long)
        }
      } else if let season = date.season ?? date.month.flatMap({ (13...16).contains($0) ? $0 - 12 : nil }) {
        text = locale.text("season-0\(season)")
      } else {
        return .empty
      }
    case .day:
      guard let day = date.day, date.month != nil || date.season == nil else { return .empty }
      switch part.form ?? .numeric {
      case .numericLeadingZeros: text = String(day).leftPadded(to: 2)
      case .ordinal:
        if locale.limitDayOrdinalsToDay1 && day != 1 {
          text = String(day)
        } else {
          let gender = date.month.flatMap { locale.term("month-" + String($0).leftPadded(to: 2))?.gender }
          text = NumberFormatter(locale: locale).ordinal(day, gender: gender)
        }
      default: text = String(day)
      }
    }
    return finishText(.text(text), part.decorations)
  }

  /// A sortable string for a date: year, month and day, zero padded, with ranges after.
  static func sortKey(_ date: CSLDate) -> String {
    func key(_ p: CSLDate.Parts) -> String {
      let year = p.year + 100_000
      let month = p.month ?? p.season.map { $0 + 12 } ?? 0
      return String(year).leftPadded(to: 6) + String(month).leftPadded(to: 2)
        + String(p.day ?? 0).leftPadded(to: 2)
    }
    guard let start = date.start else { return date.literal ?? "" }
    var out = key(start)
    if let end = date.end { out += "-" + key(end) }
    return out
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
