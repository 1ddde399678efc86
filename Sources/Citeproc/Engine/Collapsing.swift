/// Cite grouping and collapsing: the `collapse`, `cite-group-delimiter`, `year-suffix-delimiter`
/// and `after-collapse-delimiter` options of `cs:citation`.
extension RenderSession {
  /// Joins the cites of one cluster with the layout delimiter, grouping and collapsing them when
  /// the style asks.
  func joinCites(_ cites: [RenderedCite]) -> Node {
    let citation = style.citation
    guard cites.count > 1 else { return cites.first?.node ?? .empty }
    let collapser = CiteCollapser(
      options: CiteCollapser.Options(
        collapse: citation.collapse, layoutDelimiter: citation.layout.delimiter,
        citeGroupDelimiter: citation.citeGroupDelimiter, yearSuffixDelimiter: citation.yearSuffixDelimiter,
        afterCollapseDelimiter: citation.collapse == nil ? nil : citation.afterCollapseDelimiter,
        inText: style.styleClass == .inText))
    let parts = cites.map(Self.collapsible)
    var order = Array(cites.indices)
    if groupsCites { order = collapser.groupedOrder(parts) }
    return collapser.join(order.map { parts[$0] }) { position in renderWithoutNames(cites[order[position]]) }
  }

  /// Cites with the same names are moved together in sorted citations of in-text styles that
  /// collapse, and of styles with a cite-group delimiter that neither number cites nor test their
  /// position (as citeproc-js does; it never groups unsorted citations).
  private var groupsCites: Bool {
    let citation = style.citation
    guard !citation.sort.isEmpty, citation.collapse != .citationNumber else { return false }
    if style.styleClass == .inText && citation.collapse != nil { return true }
    return citation.citeGroupDelimiter != nil && !Self.numbersOrTestsPosition(citation.layout.elements)
  }

  /// Whether a layout prints the citation number or tests the cite's position.
  private static func numbersOrTestsPosition(_ elements: [RenderElement]) -> Bool {
    elements.contains { element in
      switch element {
      case .text(let text):
        if case .variable("citation-number", _) = text.source { return true }
        if case .macro(_, let body) = text.source { return numbersOrTestsPosition(body) }
        return false
      case .number(let number): return number.variable == "citation-number"
      case .group(let group): return numbersOrTestsPosition(group.children)
      case .names(let names): return numbersOrTestsPosition(names.substitute ?? [])
      case .choose(let choose):
        return choose.branches.contains { branch in
          branch.conditions.contains { if case .position = $0 { return true } else { return false } }
            || numbersOrTestsPosition(branch.body)
        } || numbersOrTestsPosition(choose.elseBody)
      case .date, .label: return false
      }
    }
  }

  private static func collapsible(_ cite: RenderedCite) -> CiteCollapser.Cite {
    let node = cite.node
    let names = node.first(tagged: .names)?.plainText
    let yearSuffix = node.first(tagged: .yearSuffix)
    let prefix = cite.item.prefix ?? ""
    let suffix = cite.item.suffix ?? ""
    return CiteCollapser.Cite(
      node: node,
      names: names?.isEmpty == false ? names : nil,
      year: node.first(tagged: .year)?.plainText,
      yearSuffix: yearSuffix?.isEmpty == false ? yearSuffix : nil,
      yearSuffixValue: (cite.context.yearSuffix ?? yearSuffix?.plainText).flatMap(CiteCollapser.suffixValue),
      citationNumber: node.first(tagged: .citationNumber) != nil ? cite.context.citationNumber : nil,
      hasLocator: !(cite.item.locator ?? "").isEmpty,
      hasAffixes: !prefix.isEmpty || !suffix.isEmpty,
      rendersTextVariable: node.first(tagged: .textVariable) != nil,
      prefix: prefix, suffix: suffix)
  }

  /// The cite rendered again without its first `cs:names` output, so that the delimiters of the
  /// groups around the names disappear with them.
  private func renderWithoutNames(_ cite: RenderedCite) -> Node {
    var evaluator = processor.evaluator(
      for: references[cite.index], mode: .citation, inCitation: true, cite: cite.context)
    evaluator.suppressesFirstNames = true
    let (node, _) = evaluator.render(style.citation.layout.elements)
    if cite.item.authorOnly { return .empty }
    var parts: [Node] = []
    if let prefix = cite.item.prefix, !prefix.isEmpty { parts.append(RichText.parse(prefix)) }
    parts.append(node)
    if let suffix = cite.item.suffix, !suffix.isEmpty { parts.append(RichText.parse(suffix)) }
    return .sequence(parts)
  }
}

extension Evaluator {
  /// Marks the output of `cs:text` for an ordinary variable in a citation. As in citeproc-js, a cite
  /// that prints such a variable (other than the locator) is not treated as collapsed into the
  /// preceding cite when the delimiters between cites are chosen.
  func markingTextVariable(_ name: String, _ node: Node) -> Node {
    guard mode == .citation, inCitation, name != "locator", name != "citation-label" else { return node }
    return .tagged(.textVariable, node)
  }

  /// Renders `cs:names`, leaving the output out when it is the first names output of a cite whose
  /// names collapse into the preceding cite's (`suppressesFirstNames`). The element still counts as
  /// rendered for group suppression, as the names were there before being collapsed.
  mutating func renderNamesUnlessCollapsed(_ element: NamesElement) -> (Node, VariableUse) {
    guard suppressesFirstNames else { return renderNames(element) }
    namesDepth += 1
    let (node, use) = renderNames(element)
    namesDepth -= 1
    if namesDepth == 0 && !node.isEmpty {
      suppressesFirstNames = false
      return (.empty, .rendered)
    }
    return (node, use)
  }
}

/// Groups and collapses the rendered cites of one citation. Works on what each cite rendered (its
/// names, year, year-suffix and citation number), in one pass over the cites.
struct CiteCollapser {
  struct Options {
    var collapse: CitationSpec.Collapse?
    var layoutDelimiter: String
    var citeGroupDelimiter: String?
    var yearSuffixDelimiter: String?
    var afterCollapseDelimiter: String?
    /// Whether the style is an in-text style (`class="in-text"`).
    var inText: Bool
  }

  /// What collapsing needs to know about one rendered cite.
  struct Cite {
    /// The whole cite (with the cite's own prefix and suffix).
    var node: Node
    /// The text of the first `cs:names` output; nil when the cite has none.
    var names: String?
    /// The text of the first rendered year.
    var year: String?
    /// The rendered year-suffix.
    var yearSuffix: Node?
    /// The year-suffix's place in the sequence a, b, ..., z, aa, ab, ... (for ranges).
    var yearSuffixValue: Int?
    /// The citation number, when the cite renders it.
    var citationNumber: Int?
    var hasLocator: Bool
    /// Whether the cite has its own prefix or suffix.
    var hasAffixes: Bool
    /// Whether the cite prints an ordinary variable through `cs:text` (see `markingTextVariable`).
    var rendersTextVariable = false
    /// The cite's own prefix and suffix (as written by the author).
    var prefix = ""
    var suffix = ""
  }

  let options: Options

  static let rangeDelimiter = "\u{2013}"

  /// The order of the cites once cites with the same names are moved next to the first cite with
  /// those names, keeping their relative order. Cites without names stay where they are.
  func groupedOrder(_ cites: [Cite]) -> [Int] {
    var groupOfNames: [String: Int] = [:]
    var groups: [[Int]] = []
    for (index, cite) in cites.enumerated() {
      if let names = cite.names {
        if let group = groupOfNames[names] {
          groups[group].append(index)
          continue
        }
        groupOfNames[names] = groups.count
      }
      groups.append([index])
    }
    return groups.flatMap { $0 }
  }

  private var collapsesYears: Bool {
    switch options.collapse {
    case .year, .yearSuffix, .yearSuffixRanged: return true
    case .citationNumber, nil: return false
    }
  }

  private var collapsesYearSuffixes: Bool {
    options.collapse == .yearSuffix || options.collapse == .yearSuffixRanged
  }

  private var yearSuffixDelimiter: String {
    options.yearSuffixDelimiter ?? options.citeGroupDelimiter ?? options.layoutDelimiter
  }

  /// One output unit: a cite, a collapsed range or a run of year-suffixes, with the delimiter that
  /// goes before it.
  private struct Piece {
    var node: Node
    var delimiter: String
    /// Set when the piece can take part in a citation-number range.
    var number: Int?
  }

  /// A cite followed by the cites that collapse into its year-suffix.
  private struct SuffixRun {
    var head: Piece
    var headSuffix: Int?
    var followers: [(node: Node, value: Int?)] = []
  }

  /// Joins `cites` (already in their final order). `withoutNames(i)` renders cite `i` again without
  /// its names; it is called only for cites whose names collapse into the preceding cite's.
  func join(_ cites: [Cite], withoutNames: (Int) -> Node) -> Node {
    let flags = groupFlags(cites)
    var pieces: [Piece] = []
    pieces.reserveCapacity(cites.count)
    var run: SuffixRun?
    for index in cites.indices {
      let cite = cites[index]
      if collapsesYearSuffixes, index > 0, run != nil, let suffix = cite.yearSuffix,
        joinsPrecedingYear(cites, at: index, flags: flags)
      {
        run?.followers.append((suffix, cite.yearSuffixValue))
        continue
      }
      if let finished = run { pieces.append(finish(finished)) }
      run = nil
      var node = cite.node
      if collapsesYears && flags[index].sameNames { node = withoutNames(index) }
      let delimiter =
        index == 0 ? "" : Self.adjusted(delimiter(before: index, cites, flags), cites[index - 1], cite)
      let collapsible = cite.citationNumber != nil && !cite.hasLocator && !cite.hasAffixes
      let piece = Piece(node: node, delimiter: delimiter, number: collapsible ? cite.citationNumber : nil)
      if collapsesYearSuffixes, cite.yearSuffix != nil {
        run = SuffixRun(head: piece, headSuffix: cite.yearSuffixValue)
      } else {
        pieces.append(piece)
      }
    }
    if let finished = run { pieces.append(finish(finished)) }
    if options.collapse == .citationNumber { pieces = collapsingNumbers(pieces) }

    var parts: [Node] = []
    parts.reserveCapacity(pieces.count * 2)
    for piece in pieces where !piece.node.isEmpty {
      if !parts.isEmpty && !piece.delimiter.isEmpty { parts.append(.text(piece.delimiter)) }
      parts.append(piece.node)
    }
    return parts.count == 1 ? parts[0] : .sequence(parts)
  }

  /// How a cite relates to the cites before it, as citeproc-js tracks it.
  private struct GroupFlags {
    /// The cite's names are those of the last preceding cite with names.
    var sameNames = false
    /// The cite counts as collapsed into the preceding one when delimiters are chosen: when
    /// collapsing, a cite is collapsed unless its names differ from the last names seen or it prints
    /// an ordinary variable through `cs:text`.
    var collapsed = false
    /// The cite-group delimiter goes before the cite (set by equal names, cleared by different
    /// ones).
    var useGroupDelimiter = false
  }

  private func groupFlags(_ cites: [Cite]) -> [GroupFlags] {
    var result: [GroupFlags] = []
    result.reserveCapacity(cites.count)
    var lastNames: String?
    var useGroupDelimiter = false
    for cite in cites {
      var flags = GroupFlags(collapsed: options.collapse != nil && !cite.rendersTextVariable)
      if let names = cite.names {
        if names == lastNames {
          flags.sameNames = true
          if options.citeGroupDelimiter != nil { useGroupDelimiter = true }
        } else {
          lastNames = names
          flags.collapsed = false
          useGroupDelimiter = false
        }
      }
      flags.useGroupDelimiter = useGroupDelimiter
      result.append(flags)
    }
    return result
  }

  /// The delimiter before cite `index` (> 0) when it is not collapsed into a year-suffix run.
  private func delimiter(
    before index: Int, _ cites: [Cite], _ flags: [GroupFlags]
  ) -> String {
    let current = flags[index].collapsed
    let previous = flags[index - 1].collapsed
    if let after = options.afterCollapseDelimiter {
      if cites[index - 1].hasLocator { return after }
      if previous && !current { return after }
      if !previous && !current && options.collapse != .yearSuffix { return after }
      return options.layoutDelimiter
    }
    if flags[index].useGroupDelimiter, let group = options.citeGroupDelimiter { return group }
    if current && options.inText && options.collapse != .citationNumber { return ", " }
    return options.layoutDelimiter
  }

  /// The delimiter between two cites when the first one's suffix ends in punctuation (only the
  /// delimiter's spacing is kept) or, without such a suffix, the second one's prefix starts with
  /// punctuation (no delimiter), as citeproc-js does.
  static func adjusted(_ delimiter: String, _ previous: Cite, _ current: Cite) -> String {
    let punctuation: Set<Character> = [";", ".", ","]
    let previousEndsInPunctuation = previous.suffix.last.map { punctuation.contains($0) } ?? false
    let currentStartsWithPunctuation =
      previous.suffix.isEmpty && (current.prefix.first.map { punctuation.contains($0) } ?? false)
    guard previousEndsInPunctuation || currentStartsWithPunctuation else { return delimiter }
    if !currentStartsWithPunctuation, let space = delimiter.firstIndex(of: " ") {
      return String(delimiter[space...])
    }
    return ""
  }

  /// Whether cite `index` shows only its year-suffix after the preceding cite: same names, same
  /// year, and neither cite has a locator or affixes of its own.
  private func joinsPrecedingYear(
    _ cites: [Cite], at index: Int, flags: [GroupFlags]
  ) -> Bool {
    let cite = cites[index]
    let previous = cites[index - 1]
    guard flags[index].sameNames || cite.names == nil, let year = cite.year, year == previous.year,
      previous.yearSuffix != nil
    else { return false }
    return !cite.hasLocator && !previous.hasLocator && !cite.hasAffixes && !previous.hasAffixes
  }

  /// A cite with the year-suffixes that followed it: "2000a,b" or, ranged, "2000a–c".
  private func finish(_ run: SuffixRun) -> Piece {
    if run.followers.isEmpty { return run.head }
    var items: [(node: Node, value: Int?)] = [(run.head.node, run.headSuffix)]
    items.append(contentsOf: run.followers)
    var parts: [Node] = []
    var start = 0
    while start < items.count {
      var end = start
      if options.collapse == .yearSuffixRanged {
        while end + 1 < items.count, let value = items[end].value, items[end + 1].value == value + 1 {
          end += 1
        }
      }
      if !parts.isEmpty { parts.append(.text(yearSuffixDelimiter)) }
      if end - start >= 2 {
        parts.append(contentsOf: [items[start].node, .text(Self.rangeDelimiter), items[end].node])
        start = end + 1
      } else {
        parts.append(items[start].node)
        start += 1
      }
    }
    return Piece(node: .sequence(parts), delimiter: run.head.delimiter)
  }

  /// Runs of three or more consecutive citation numbers become "first–last".
  private func collapsingNumbers(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    var start = 0
    while start < pieces.count {
      var end = start
      while end + 1 < pieces.count, let number = pieces[end].number, pieces[end + 1].number == number + 1 {
        end += 1
      }
      if end - start >= 2 {
        let node = Node.sequence([pieces[start].node, .text(Self.rangeDelimiter), pieces[end].node])
        result.append(Piece(node: node, delimiter: pieces[start].delimiter))
        start = end + 1
      } else {
        result.append(pieces[start])
        start += 1
      }
    }
    return result
  }

  /// The position of a year-suffix in the sequence a, b, ..., z, aa, ab, ...; nil for anything else.
  static func suffixValue(_ text: String) -> Int? {
    guard !text.isEmpty else { return nil }
    var value = 0
    for scalar in text.unicodeScalars {
      guard ("a"..."z").contains(scalar) else { return nil }
      value = value * 26 + Int(scalar.value - 96)
      if value > 1_000_000 { return nil }
    }
    return value
  }
}
