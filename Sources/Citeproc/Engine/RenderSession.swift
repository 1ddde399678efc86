import CiteprocData

/// One rendering of a document: registers the cited items, numbers them, works out positions,
/// and renders citations and the bibliography.
struct RenderSession {
  let processor: Processor
  let references: [Reference]
  let clusters: [CitationCluster]
  var warnings: [Diagnostic] = []

  /// Item index by id (the last occurrence wins).
  let indexByID: IDIndex
  /// Whether two references share an id.
  var sharedIDs = false
  /// Items in order of first citation (all items when nothing is cited).
  var registered: [Int] = []
  /// The citation number of each item, by reference index (nil for items not registered).
  var citationNumber: [Int?]
  /// Per-item disambiguation results (year-suffix, extra names, given-name levels, the
  /// `disambiguate` condition), filled in by `disambiguate()`.
  var disambiguation = DisambiguationTable(count: 0)
  /// Whether disambiguation ran; items missing from `disambiguation` then have the default state.
  var disambiguated = false
  let positionTracking: PositionTracking
  /// The citation number of the first registered item (more than 1 for a batch that continues a
  /// bibliography).
  var firstNumber = 1
  /// The known cites of each cluster, in the style's citation order (item and reference index).
  var orderedCites: [[(CiteItem, Int)]] = []
  /// The position of each cite of `orderedCites`.
  var citePlacements: [[CitePlacement]] = []
  /// Bibliography sort values computed so far.
  let sortCache: SortValueCache

  init(
    processor: Processor, references: [Reference], clusters: [CitationCluster],
    positionTracking: PositionTracking = .automatic
  ) {
    self.processor = processor
    self.positionTracking = positionTracking
    self.references = references
    self.clusters = clusters
    citationNumber = Array(repeating: nil, count: references.count)
    sortCache = SortValueCache(
      count: references.count,
      readsCitationNumber: processor.style.bibliography.map {
        SortValueCache.reads("citation-number", $0.sort)
      }
        ?? false)
    // When two records share an id, the later one wins (as a later definition replaces an earlier).
    var shared: [String] = []
    indexByID = IDIndex(references) { shared.append($0) }
    sharedIDs = !shared.isEmpty
    for id in shared {
      warnings.append(
        .warning("two records have the id '\(id)'; the later one is used", file: "<references>"))
    }
  }

  var style: Style { processor.style }

  /// The steps before rendering: registering, numbering, placing cites and disambiguating.
  mutating func prepare() {
    register()
    assignNumbers()
    placeCites()
    disambiguate()
  }

  mutating func run() -> DocumentOutput {
    prepare()
    let citations = renderClusters()
    let bibliography = renderBibliography()
    var output = DocumentOutput(citations: citations, bibliography: bibliography, warnings: warnings)
    output.citeStates = zip(orderedCites, citePlacements).map { cites, placements in
      zip(cites, placements).map { cite, placement in
        CiteState(
          id: cite.0.id, position: placement.position.rawValue, nearNote: placement.nearNote,
          firstReferenceNoteNumber: placement.firstReferenceNoteNumber,
          disambiguation: (disambiguation[cite.1] ?? (disambiguated ? CiteContext() : nil)).map {
            DisambiguationState(
              yearSuffix: $0.yearSuffix, disambiguate: $0.disambiguate,
              disambiguateTests: $0.disambiguateTests,
              extraNames: $0.extraNames, givennameLevels: $0.givennameLevels.dictionary)
          })
      }
    }
    return output
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
    if clusters.isEmpty && !sharedIDs {
      // Every reference, once each, in order.
      registered = Array(references.indices)
    } else if clusters.isEmpty {
      for index in references.indices
      where indexByID[references[index].id] == index && seen.insert(index).inserted {
        registered.append(index)
      }
    }
  }

  /// Citation numbers follow the bibliography's sort unless it sorts by citation number.
  private mutating func assignNumbers() {
    for (position, index) in registered.enumerated() { citationNumber[index] = firstNumber + position }
    guard let bibliography = style.bibliography, !bibliography.sort.isEmpty else { return }
    // A style that never mentions the variable cannot show the numbers: the sort is left to
    // the bibliography, with the contexts disambiguation gives.
    guard style.variableWords.isEmpty || style.variableWords.contains("citation-number") else { return }
    let usesNumber = bibliography.sort.contains(where: { key in
      if case .variable("citation-number") = key.source { return true }
      if case .macro(_, let body) = key.source { return Self.mentionsCitationNumber(body) }
      return false
    })
    if usesNumber { return }
    let order = sortedForBibliography(registered)
    for (position, index) in order.enumerated() { citationNumber[index] = firstNumber + position }
  }

  private static func mentionsCitationNumber(_ elements: [RenderElement]) -> Bool {
    var walked = Set<String>()
    return mentionsCitationNumber(elements, walked: &walked)
  }

  /// `walked` holds the macros already walked without a mention: within one layout or key a
  /// macro's name stands for one compiled body.
  private static func mentionsCitationNumber(_ elements: [RenderElement], walked: inout Set<String>) -> Bool {
    elements.contains { element in
      switch element {
      case .text(let text):
        if case .variable("citation-number", _) = text.source { return true }
        if case .macro(let name, let body) = text.source {
          return walked.insert(name).inserted && mentionsCitationNumber(body, walked: &walked)
        }
        return false
      case .number(let number): return number.variable == "citation-number"
      case .group(let group): return mentionsCitationNumber(group.children, walked: &walked)
      case .choose(let choose):
        return choose.branches.contains { mentionsCitationNumber($0.body, walked: &walked) }
          || mentionsCitationNumber(choose.elseBody, walked: &walked)
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
    // Sort values depend only on the reference and the context; the bibliography is sorted up to
    // three times per session (citation numbers, year suffixes, the entries), mostly with the same
    // context, so they are kept, as far as a sort has worked them out (see
    // `Processor.sortedLazily`). Those still needed are worked out on all cores.
    var values: [[SortValue]] = []
    var computed: [Int] = []
    values.reserveCapacity(items.count)
    computed.reserveCapacity(items.count)
    var changed = false
    for index in items {
      if let kept = sortCache.values(index, for: sortKeyContext(index)) {
        values.append(kept.values)
        computed.append(kept.computed)
      } else {
        values.append([])
        computed.append(0)
        changed = true
      }
    }
    if !changed, let last = sortCache.lastOrder, last.items == items {
      // The same items with the same values: the same order.
      return last.order
    }
    let processor = processor
    let references = references
    let disambiguation = disambiguation
    let citationNumber = citationNumber
    let before = computed
    let positions = processor.sortedLazily(&values, computed: &computed, keys: bibliography.sort) {
      work, key in
      Parallel.map(
        count: work.count, state: processor, perWorker: { $0.unshared() }, finished: processor.recycle
      ) { processor, offset in
        let index = items[work[offset]]
        // Contexts are worked out again where needed rather than held: two contexts for each of
        // 100k items take tens of megabytes.
        let context = Self.bibliographyContext(index, disambiguation, citationNumber)
        guard let sort = processor.style.bibliography?.sort, key < sort.count else { return .missing }
        return processor.sortValue(sort[key], reference: references[index], cite: context, inCitation: false)
      }
    }
    for position in items.indices where computed[position] != before[position] {
      sortCache.keep(
        values[position], computed: computed[position], items[position],
        for: sortKeyContext(items[position]))
    }
    let order = positions.map { items[$0] }
    sortCache.lastOrder = (items, order)
    return order
  }

  // MARK: citations

  /// Puts the cites of every cluster in the style's citation order and works out their positions.
  private mutating func placeCites() {
    var ordered: [[(CiteItem, Int)]] = []
    for cluster in clusters {
      let cites = cluster.items.compactMap { item in indexByID[item.id].map { (item, $0) } }
      ordered.append(sortedForCitation(cites))
    }
    var placements: [[CitePlacement]]
    switch positionTracking {
    case .automatic:
      let tracker = PositionTracker(nearNoteDistance: style.citation.nearNoteDistance)
      placements = tracker.placements(
        zip(clusters, ordered).map { cluster, cites in
          PositionTracker.Citation(
            noteIndex: cluster.noteIndex,
            cites: cites.map { PositionTracker.Cite(item: $0.1, locator: $0.0.locator, label: $0.0.label) })
        })
    case .explicitOnly:
      placements = ordered.map { Array(repeating: CitePlacement(), count: $0.count) }
    }
    for (c, cites) in ordered.enumerated() {
      for (k, cite) in cites.enumerated() {
        if let forced = cite.0.position {
          placements[c][k].position = CiteContext.Position(rawValue: forced) ?? .first
        }
        if let near = cite.0.nearNote { placements[c][k].nearNote = near }
      }
    }
    orderedCites = ordered
    citePlacements = placements
  }

  /// The cites of one cluster in the style's citation order.
  private func sortedForCitation(_ cites: [(CiteItem, Int)]) -> [(CiteItem, Int)] {
    let keys = style.citation.sort
    guard !keys.isEmpty, cites.count > 1 else { return cites }
    var values = [[SortValue]](repeating: [], count: cites.count)
    var computed = [Int](repeating: 0, count: cites.count)
    let order = processor.sortedLazily(&values, computed: &computed, keys: keys) { positions, key in
      positions.map { position in
        let (item, index) = cites[position]
        var context = baseContext(index)
        context.setLocator(item.locator, label: item.label, embeddedLabels: processor.locale.locatorLabels)
        return processor.sortValue(keys[key], reference: references[index], cite: context, inCitation: true)
      }
    }
    return order.map { cites[$0] }
  }

  /// The context of one cite: the item's numbering and disambiguation state, the cite's locator
  /// and its position.
  func citeContext(_ item: CiteItem, index: Int, placement: CitePlacement) -> CiteContext {
    var context = baseContext(index)
    context.setLocator(
      item.locator?.trimmingSpaces, label: item.label, embeddedLabels: processor.locale.locatorLabels)
    context.position = placement.position
    context.nearNote = placement.nearNote
    context.firstReferenceNoteNumber = placement.firstReferenceNoteNumber
    return context
  }

  private mutating func renderClusters() -> [Rendered] {
    var output: [Rendered] = []
    for (c, cites) in orderedCites.enumerated() {
      let contexts = cites.enumerated().map { k, cite in
        (cite.0, cite.1, citeContext(cite.0, index: cite.1, placement: citePlacements[c][k]))
      }
      output.append(renderCluster(contexts))
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
    let ordered = cites
    let layout = style.citation.layout
    var rendered: [RenderedCite] = []
    for (offset, (item, index, context)) in ordered.enumerated() {
      var evaluator = processor.evaluator(
        for: references[index], mode: .citation, inCitation: true, cite: context)
      // Suppressed names are left out while rendering, so the delimiters around them go too.
      evaluator.suppressesFirstNames = item.suppressAuthor
      // Only the first cite of a citation, or one after a prefix ending a sentence, starts afresh.
      let endsSentence = !(item.prefix ?? "").isEmpty && !RichText.prefixPrecedesTerms(item.prefix)
      evaluator.termPredecessor = offset > 0 ? !endsSentence : RichText.prefixPrecedesTerms(item.prefix)
      var (node, _) = evaluator.render(layout.elements)
      if item.authorOnly && !item.suppressAuthor {
        node = node.first(tagged: .names) ?? .empty
      } else if node.isEmpty && !item.suppressAuthor {
        // Say so rather than print nothing for a cite.
        node = .text(Self.noPrintedForm)
      }
      var parts: [Node] = []
      if let prefix = item.prefix, !prefix.isEmpty { parts.append(RichText.parse(prefix)) }
      parts.append(node)
      if let suffix = item.suffix, !suffix.isEmpty { parts.append(RichText.parse(suffix)) }
      rendered.append(RenderedCite(item: item, index: index, context: context, node: .sequence(parts)))
    }
    let joined = joinCites(rendered)
    var decorations = layout.decorations
    if !cites.isEmpty && cites.allSatisfy({ $0.0.authorOnly && !$0.0.suppressAuthor }) {
      // An author-only citation is the names in running text: no layout affixes around them.
      decorations.prefix = ""
      decorations.suffix = ""
    }
    return Finisher(locale: processor.locale).finish(
      joined.decoratedAsCitationLayout(decorations), tryingDirect: processor.citationMayFinishDirectly)
  }

  // MARK: bibliography

  /// What a cite or entry that prints nothing is replaced with (the wording of citeproc-js).
  static let noPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]"

  private mutating func renderBibliography() -> [BibliographyEntry] {
    var entries: [BibliographyEntry] = []
    renderBibliography { entries += $0 }
    return entries
  }

  /// Renders the bibliography and hands its entries to `emit` in order, a batch at a time, so that
  /// only one batch of rendered entries is held.
  mutating func renderBibliography(_ emit: ([BibliographyEntry]) -> Void) {
    guard let bibliography = style.bibliography else { return }
    let order = sortedForBibliography(registered)
    let layout = bibliography.layout
    var entries: [BibliographyEntry] = []
    var previousNames: [String]?
    // Entries render independently of each other (on all cores, a batch at a time so that the
    // rendered pieces of only one batch are held); what depends on the previous entry follows in
    // order.
    let processor = processor
    let references = references
    var rendered: [RenderedEntry] = []
    var batchStart = 0
    let batchSize = Parallel.batchSize(for: order.count)
    for (position, index) in order.enumerated() {
      if position == batchStart + rendered.count {
        if !entries.isEmpty {
          emit(entries)
          entries.removeAll(keepingCapacity: true)
        }
        batchStart = position
        // The batch written is let go on another thread: freeing its entries one by one here
        // would keep the other cores waiting for the next batch.
        releaseElsewhere(&rendered)
        let batch = Array(order[position..<min(order.count, position + batchSize)])
        let contexts = batch.map(bibliographyContext)
        rendered = Parallel.map(
          count: batch.count, minimumChunk: Parallel.batchChunk, state: processor,
          perWorker: { $0.unshared() },
          finished: processor.recycle
        ) { processor, offset in
          guard let bibliography = processor.style.bibliography else {
            preconditionFailure("a copy of the style lost its bibliography")
          }
          var evaluator = processor.evaluator(
            for: references[batch[offset]], mode: .bibliography, inCitation: false, cite: contexts[offset])
          let pieces = bibliography.layout.elements.map { evaluator.render($0).0 }
          let blank = Node.sequence(pieces).printsOnlyWhitespace
          // An entry that does not depend on the one before it is finished here too.
          guard !blank, bibliography.subsequentAuthorSubstitute == nil else {
            return RenderedEntry(pieces: pieces, blank: blank, finished: nil)
          }
          return RenderedEntry(
            pieces: [], blank: false,
            finished: Self.finishEntry(
              pieces, bibliography: bibliography, locale: processor.locale,
              tryingDirect: processor.bibliographyMayFinishDirectly))
        }
      }
      let entry = rendered[position - batchStart]
      if let finished = entry.finished {
        entries.append(BibliographyEntry(id: references[index].id, content: finished))
        continue
      }
      var pieces = entry.pieces
      // An entry that prints nothing is left out (with a warning), or in a numbered bibliography
      // keeps its number and says so.
      if entry.blank {
        warnings.append(
          .warning(
            "'\(references[index].id)' prints nothing in this style's bibliography", file: "<bibliography>"))
        guard Self.mentionsCitationNumber(layout.elements), let number = citationNumber[index] else {
          continue
        }
        pieces = [.text("\(number). " + Self.noPrintedForm)]
      }
      if let substitute = bibliography.subsequentAuthorSubstitute {
        SubsequentAuthorSubstitution.apply(
          substitute, rule: bibliography.subsequentAuthorSubstituteRule, to: &pieces, previous: &previousNames
        )
      }
      let finished = Self.finishEntry(
        pieces, bibliography: bibliography, locale: processor.locale,
        tryingDirect: processor.bibliographyMayFinishDirectly)
      entries.append(BibliographyEntry(id: references[index].id, content: finished))
    }
    if !entries.isEmpty { emit(entries) }
  }

  /// One bibliography entry as rendered in a batch: its top-level outputs, whether they print
  /// nothing, and the finished entry when it could be finished without the entries before it.
  private struct RenderedEntry: Sendable {
    var pieces: [Node]
    var blank: Bool
    var finished: Rendered?
  }

  /// The layout's decorations around an entry's top-level outputs, finished.
  private static func finishEntry(
    _ pieces: [Node], bibliography: BibliographySpec, locale: Locale, tryingDirect: Bool
  ) -> Rendered {
    let layout = bibliography.layout
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
      // A layout suffix after a closing display block ends that block's text.
      var decorations = layout.decorations
      if !decorations.suffix.isEmpty, let inside = node.appendingInsideTrailingDisplay(decorations.suffix) {
        node = inside
        decorations.suffix = ""
      }
      node = node.decorated(decorations)
    }
    return Finisher(locale: locale).finish(node, tryingDirect: tryingDirect).movingEdgeSpacesOutOfDisplays()
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

/// The bibliography sort values of the items of one session, with the context (less the citation
/// number, when no sort key can read it) each was computed for.
final class SortValueCache {
  let readsCitationNumber: Bool
  /// The values of each item by reference index, with the context they were computed for (nil
  /// for the default context, which most items have: a context is kept only when it differs).
  private var entries: [Entry?]
  private struct Entry {
    var context: ContextBox?
    var values: [SortValue]
    /// How many keys, from the first, the values are worked out for.
    var computed: Int
  }
  /// The last order worked out and the items it sorts; any change to the values replaces it.
  var lastOrder: (items: [Int], order: [Int])?

  final class ContextBox {
    let context: CiteContext
    init(_ context: CiteContext) { self.context = context }
  }

  init(count: Int, readsCitationNumber: Bool) {
    self.readsCitationNumber = readsCitationNumber
    entries = Array(repeating: nil, count: count)
  }

  /// The values kept for item `index`, when they were computed for `context`, and how many keys
  /// they are worked out for.
  func values(_ index: Int, for context: CiteContext) -> (values: [SortValue], computed: Int)? {
    guard let entry = entries[index] else { return nil }
    let matches = entry.context.map { $0.context == context } ?? (context == Self.defaultContext)
    return matches ? (entry.values, entry.computed) : nil
  }

  func keep(_ values: [SortValue], computed: Int, _ index: Int, for context: CiteContext) {
    // A context already kept for the item is shared rather than boxed again.
    var box: ContextBox?
    if context != Self.defaultContext {
      box = entries[index]?.context.flatMap { $0.context == context ? $0 : nil } ?? ContextBox(context)
    }
    entries[index] = Entry(context: box, values: values, computed: computed)
  }

  private static let defaultContext = CiteContext()

  /// Whether any of `keys` can read `variable`: as its variable, or anywhere in its macro (text,
  /// number, label, names and conditions).
  static func reads(_ variable: String, _ keys: [SortKey]) -> Bool {
    keys.contains { key in
      switch key.source {
      case .variable(let name): return name == variable
      case .macro(_, let body):
        var walked = Set<String>()
        return mentions(variable, body, walked: &walked)
      }
    }
  }

  /// `walked` holds the macros already walked without a mention: within one key a macro's name
  /// stands for one compiled body.
  private static func mentions(_ variable: String, _ elements: [RenderElement], walked: inout Set<String>)
    -> Bool
  {
    func listed(_ value: String) -> Bool {
      value == variable || value.split(separator: " ").contains { $0 == variable }
    }
    return elements.contains { element in
      switch element {
      case .text(let text):
        switch text.source {
        case .variable(let variable, _): return listed(variable.name)
        case .macro(let name, let body):
          guard walked.insert(name).inserted else { return false }
          return mentions(variable, body, walked: &walked)
        case .term, .value: return false
        }
      case .date(let date): return listed(date.variable)
      case .number(let number): return listed(number.variable)
      case .label(let label): return listed(label.variable)
      case .names(let names):
        return names.variables.contains(where: listed) || names.label.map { listed($0.variable) } == true
          || mentions(variable, names.substitute ?? [], walked: &walked)
      case .group(let group): return mentions(variable, group.children, walked: &walked)
      case .choose(let choose):
        for branch in choose.branches {
          for condition in branch.conditions {
            switch condition {
            case .isNumeric(let name), .isUncertainDate(let name):
              if listed(name) { return true }
            case .variable(let variable):
              if listed(variable.name) { return true }
            case .disambiguate, .locator, .position, .type: break
            }
          }
          if mentions(variable, branch.body, walked: &walked) { return true }
        }
        return mentions(variable, choose.elseBody, walked: &walked)
      }
    }
  }
}
