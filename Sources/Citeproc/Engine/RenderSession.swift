/// One rendering of a document: registers the cited items, numbers them, works out positions,
/// and renders citations and the bibliography.
struct RenderSession {
  let processor: Processor
  let references: [Reference]
  let clusters: [CitationCluster]
  var warnings: [Diagnostic] = []

  /// Item index by id (first occurrence wins).
  var indexByID: [String: Int] = [:]
  /// Items in order of first citation (all items when nothing is cited).
  var registered: [Int] = []
  var citationNumber: [Int: Int] = [:]
  /// Per-item disambiguation results (year-suffix, extra names, given-name levels, the
  /// `disambiguate` condition), filled in by `disambiguate()`.
  var disambiguation: [Int: CiteContext] = [:]

  init(processor: Processor, references: [Reference], clusters: [CitationCluster]) {
    self.processor = processor
    self.references = references
    self.clusters = clusters
    // When two records share an id, the later one wins (as a later definition replaces an earlier).
    for (index, reference) in references.enumerated() {
      if indexByID[reference.id] != nil {
        warnings.append(.warning("two records have the id '\(reference.id)'; the later one is used", file: "<references>"))
      }
      indexByID[reference.id] = index
    }
  }

  var style: Style { processor.style }

  mutating func run() -> DocumentOutput {
    register()
    assignNumbers()
    disambiguate()
    let citations = renderClusters()
    let bibliography = renderBibliography()
    return DocumentOutput(citations: citations, bibliography: bibliography, warnings: warnings)
  }

  private mutating func register() {
    var seen = Set<Int>()
    for cluster in clusters {
      for item in cluster.items {
        guard let index = indexByID[item.id] else {
          warnings.append(.warning("no reference with id '\(item.id)'", file: "<citations>"))
          continue
        }
        if seen.insert(index).inserted { registered.append(index) }
      }
    }
    if clusters.isEmpty {
      for index in references.indices where indexByID[references[index].id] == index && seen.insert(index).inserted {
        registered.append(index)
      }
    }
  }

  /// Citation numbers follow the bibliography's sort unless it sorts by citation number.
  private mutating func assignNumbers() {
    for (position, index) in registered.enumerated() { citationNumber[index] = position + 1 }
    guard let bibliography = style.bibliography, !bibliography.sort.isEmpty else { return }
    let usesNumber = bibliography.sort.contains(where: { key in
      if case .variable("citation-number") = key.source { return true }
      if case .macro(_, let body) = key.source { return Self.mentionsCitationNumber(body) }
      return false
    })
    if usesNumber { return }
    let order = sortedForBibliography(registered)
    for (position, index) in order.enumerated() { citationNumber[index] = position + 1 }
  }

  private static func mentionsCitationNumber(_ elements: [RenderElement]) -> Bool {
    elements.contains { element in
      switch element {
      case .text(let text):
        if case .variable("citation-number", _) = text.source { return true }
        if case .macro(_, let body) = text.source { return mentionsCitationNumber(body) }
        return false
      case .number(let number): return number.variable == "citation-number"
      case .group(let group): return mentionsCitationNumber(group.children)
      case .choose(let choose):
        return choose.branches.contains { mentionsCitationNumber($0.body) } || mentionsCitationNumber(choose.elseBody)
      default: return false
      }
    }
  }

  func baseContext(_ index: Int) -> CiteContext {
    var context = disambiguation[index] ?? CiteContext()
    context.citationNumber = citationNumber[index]
    return context
  }

  func sortedForBibliography(_ items: [Int]) -> [Int] {
    guard let bibliography = style.bibliography, !bibliography.sort.isEmpty else { return items }
    let values = items.map { index in
      processor.sortValues(
        bibliography.sort, reference: references[index], cite: bibliographyContext(index), inCitation: false)
    }
    return processor.sortedIndices(values, keys: bibliography.sort).map { items[$0] }
  }

  // MARK: citations

  private mutating func renderClusters() -> [Rendered] {
    var output: [Rendered] = []
    var lastNoteOfItem: [Int: Int] = [:]
    var seen = Set<Int>()
    var previousCluster: [CiteItem] = []
    var previousNote = -1
    for cluster in clusters {
      var cites: [(CiteItem, Int, CiteContext)] = []
      for (offset, item) in cluster.items.enumerated() {
        guard let index = indexByID[item.id] else { continue }
        var context = baseContext(index)
        context.locator = item.locator
        context.label = item.label
        if let forced = item.position {
          context.position = CiteContext.Position(rawValue: forced) ?? .first
        } else if !seen.contains(index) {
          context.position = .first
        } else {
          // The directly preceding cite: in this cluster, or the previous cluster if it had one cite.
          let preceding: CiteItem?
          if offset > 0 {
            preceding = cluster.items[offset - 1]
          } else if previousCluster.count == 1 && (cluster.noteIndex == 0 || previousNote == cluster.noteIndex
            || previousNote == cluster.noteIndex - 1 || previousNote == 0)
          {
            preceding = previousCluster.first
          } else {
            preceding = nil
          }
          if let preceding, preceding.id == item.id {
            let hadLocator = !(preceding.locator ?? "").isEmpty
            let hasLocator = !(item.locator ?? "").isEmpty
            if !hasLocator && hadLocator {
              context.position = .subsequent
            } else if hasLocator && (preceding.locator != item.locator || preceding.label != item.label) {
              context.position = .ibidWithLocator
            } else {
              context.position = .ibid
            }
          } else {
            context.position = .subsequent
          }
        }
        if let near = item.nearNote {
          context.nearNote = near
        } else if let last = lastNoteOfItem[index] {
          context.nearNote = cluster.noteIndex - last <= style.citation.nearNoteDistance
        }
        cites.append((item, index, context))
      }
      for (_, index, _) in cites {
        seen.insert(index)
        lastNoteOfItem[index] = cluster.noteIndex
      }
      previousCluster = cluster.items
      previousNote = cluster.noteIndex
      output.append(renderCluster(cites))
    }
    return output
  }

  /// One rendered cite of a cluster, before cites are joined (and collapsed).
  struct RenderedCite {
    var item: CiteItem
    var index: Int
    var context: CiteContext
    /// The layout output for the cite, without the layout's affixes.
    var node: Node
  }

  private func renderCluster(_ cites: [(CiteItem, Int, CiteContext)]) -> Rendered {
    var ordered = cites
    if !style.citation.sort.isEmpty {
      let values = cites.map { cite in
        processor.sortValues(style.citation.sort, reference: references[cite.1], cite: cite.2, inCitation: true)
      }
      ordered = processor.sortedIndices(values, keys: style.citation.sort).map { cites[$0] }
    }
    let layout = style.citation.layout
    var rendered: [RenderedCite] = []
    for (item, index, context) in ordered {
      var evaluator = processor.evaluator(
        for: references[index], mode: .citation, inCitation: true, cite: context)
      // Suppressed names are left out while rendering, so the delimiters around them go too.
      evaluator.suppressesFirstNames = item.suppressAuthor
      evaluator.termPredecessor = RichText.prefixPrecedesTerms(item.prefix)
      var (node, _) = evaluator.render(layout.elements)
      if item.authorOnly && !item.suppressAuthor {
        node = node.first(tagged: .names) ?? .empty
      }
      var parts: [Node] = []
      if let prefix = item.prefix, !prefix.isEmpty { parts.append(RichText.parse(prefix)) }
      parts.append(node)
      if let suffix = item.suffix, !suffix.isEmpty { parts.append(RichText.parse(suffix)) }
      rendered.append(RenderedCite(item: item, index: index, context: context, node: .sequence(parts)))
    }
    let joined = joinCites(rendered)
    return Finisher(locale: processor.locale).finish(joined.decoratedAsCitationLayout(layout.decorations))
  }

  // MARK: bibliography

  private mutating func renderBibliography() -> [BibliographyEntry] {
    guard let bibliography = style.bibliography else { return [] }
    let order = sortedForBibliography(registered)
    let layout = bibliography.layout
    var entries: [BibliographyEntry] = []
    var previousNames: [String]?
    for index in order {
      var evaluator = processor.evaluator(
        for: references[index], mode: .bibliography, inCitation: false, cite: bibliographyContext(index))
      var pieces: [Node] = []
      for element in layout.elements {
        let (node, _) = evaluator.render(element)
        pieces.append(node)
      }
      if let substitute = bibliography.subsequentAuthorSubstitute {
        SubsequentAuthorSubstitution.apply(
          substitute, rule: bibliography.subsequentAuthorSubstituteRule, to: &pieces, previous: &previousNames)
      }
      var node = Node.sequence(pieces)
      if bibliography.layoutOptions.secondFieldAlign != nil {
        // The layout's affixes go inside the two blocks.
        var affixes = layout.decorations
        affixes.formatting = TextFormatting()
        var outer = layout.decorations
        outer.prefix = ""
        outer.suffix = ""
        node = Self.splitFirstField(pieces, node: node, prefix: affixes.prefix, suffix: affixes.suffix)
          .decorated(outer)
      } else {
        node = node.decorated(layout.decorations)
      }
      let finished = Finisher(locale: processor.locale).finish(node)
      entries.append(BibliographyEntry(id: references[index].id, content: finished))
    }
    return entries
  }

  /// For second-field-align: the first rendered field goes in the left margin, the rest after it.
  private static func splitFirstField(_ pieces: [Node], node: Node, prefix: String, suffix: String) -> Node {
    guard let first = pieces.firstIndex(where: { !$0.isEmpty }) else { return node }
    let rest = Node.sequence(Array(pieces[(first + 1)...]) + [.text(suffix)])
    return .sequence([
      .display(.leftMargin, .sequence([.text(prefix), pieces[first]])), .display(.rightInline, rest),
    ])
  }
}
