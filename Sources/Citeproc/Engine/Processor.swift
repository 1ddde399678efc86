/// Formats references with one style and locale: citations and bibliographies.
///
/// A processor is an immutable value: it can be shared across tasks and used concurrently.
public struct Processor: Sendable {
  public let style: Style
  public let locale: Locale

  /// Whether the style prints `year-suffix` itself (otherwise it follows the first year).
  let styleRendersYearSuffix: Bool
  /// Whether the citations and the bibliography's entries are worth finishing as their trees are
  /// walked (see ``Finisher/mayFinishDirectly(_:locale:)``).
  let citationMayFinishDirectly: Bool
  let bibliographyMayFinishDirectly: Bool
  /// Copies for worker threads that are not in use (see ``unshared()``); nil in the copies.
  private let workerCopies: IdleValues<Processor>?
  /// The style and locale as evaluators hold them.
  private let evaluationContext: EvaluationContext

  public init(style: Style, locale: Locale) {
    self.style = style
    self.locale = locale
    // No more are kept than cores can use at once.
    workerCopies = IdleValues(limit: Parallel.workerLimit)
    evaluationContext = EvaluationContext(style: style, locale: locale)
    var uses = false
    // Macros already walked in the layout: a macro's name stands for one compiled body there.
    var walked = Set<String>()
    func scan(_ elements: [RenderElement]) {
      for element in elements {
        switch element {
        case .text(let text):
          if case .variable("year-suffix", _) = text.source { uses = true }
          if case .macro(let name, let body) = text.source, walked.insert(name).inserted { scan(body) }
        case .group(let group): scan(group.children)
        case .choose(let choose):
          for branch in choose.branches { scan(branch.body) }
          scan(choose.elseBody)
        case .names(let names): scan(names.substitute ?? [])
        default: break
        }
      }
    }
    scan(style.citation.layout.elements)
    walked = []
    scan(style.bibliography?.layout.elements ?? [])
    styleRendersYearSuffix = uses
    citationMayFinishDirectly = Finisher.mayFinishDirectly(style.citation.layout, locale: locale)
    bibliographyMayFinishDirectly =
      style.bibliography.map { Finisher.mayFinishDirectly($0.layout, locale: locale) } ?? false
  }

  /// A processor whose style and locale share no storage with `other`'s, for a thread that renders
  /// many items (see `Unsharing.swift`).
  private init(unsharing other: Processor) {
    style = other.style.unshared()
    locale = other.locale.unshared()
    styleRendersYearSuffix = other.styleRendersYearSuffix
    citationMayFinishDirectly = other.citationMayFinishDirectly
    bibliographyMayFinishDirectly = other.bibliographyMayFinishDirectly
    workerCopies = nil
    evaluationContext = EvaluationContext(style: style, locale: locale)
  }

  /// A copy whose style and locale share no storage with this one's (see `init(unsharing:)`):
  /// one handed back with ``recycle(_:)`` when there is one, so that a processor that renders many
  /// batches copies its style once per core rather than once per core and batch.
  func unshared() -> Processor { workerCopies?.take() ?? Processor(unsharing: self) }

  /// Hands back a copy made by ``unshared()`` once its thread is done with it.
  func recycle(_ copy: Processor) {
    workerCopies?.put(copy)
  }

  /// Layout settings of the bibliography, for output formats.
  public var bibliographyLayout: BibliographyLayout {
    style.bibliography?.layoutOptions ?? BibliographyLayout()
  }

  /// The bibliography of `references`, in the style's order (or the given order when the style
  /// does not sort).
  public func bibliography(_ references: [Reference]) -> [BibliographyEntry] {
    bibliography(references, firstCitationNumber: 1)
  }

  /// The bibliography of `references`, like ``bibliography(_:)``, handed to `emit` in order a
  /// batch of entries at a time instead of returned whole, so that a long bibliography is never
  /// held rendered. Returns the warnings (such as entries that print nothing and are left out).
  /// With `firstCitationNumber`, the references continue earlier batches, as in
  /// ``bibliography(_:firstCitationNumber:)``.
  public func bibliography(
    _ references: [Reference], firstCitationNumber: Int = 1, batches emit: ([BibliographyEntry]) -> Void
  ) -> [Diagnostic] {
    var session = RenderSession(processor: self, references: references, clusters: [])
    session.firstNumber = firstCitationNumber
    session.prepare()
    session.renderBibliography(emit)
    return session.warnings
  }

  /// Whether the bibliography can be rendered a batch of references at a time, each batch
  /// continuing the one before (``bibliography(_:firstCitationNumber:)``), with the same entries
  /// as rendering all the references at once: the bibliography keeps the order of the references
  /// (no sort, or only by citation number, ascending), no entry depends on the one before
  /// (no subsequent-author-substitute) and the style asks for no disambiguation.
  public var rendersBibliographyInBatches: Bool {
    guard let bibliography = style.bibliography, bibliography.subsequentAuthorSubstitute == nil else {
      return false
    }
    let keepsOrder =
      bibliography.sort.isEmpty
      || (bibliography.sort.count == 1 && bibliography.sort[0].ascending
        && bibliography.sort[0].source == .variable("citation-number"))
    let citation = style.citation
    let disambiguates =
      citation.disambiguateAddNames || citation.disambiguateAddGivenname || citation.disambiguateAddYearSuffix
      || Disambiguator.disambiguateTests(citation.layout.elements) > 0
      || Disambiguator.disambiguateTests(bibliography.layout.elements) > 0
    return keepsOrder && !disambiguates
  }

  /// The bibliography of a batch of references that continues earlier batches: citation numbers
  /// start at `firstCitationNumber` (one more than the references rendered before). Only for styles
  /// that ``rendersBibliographyInBatches``.
  public func bibliography(_ references: [Reference], firstCitationNumber: Int) -> [BibliographyEntry] {
    var entries: [BibliographyEntry] = []
    _ = bibliography(references, firstCitationNumber: firstCitationNumber) { entries += $0 }
    return entries
  }

  /// One citation of all `items`.
  public func citation(_ items: [CiteItem], references: [Reference]) -> Rendered {
    render(references: references, clusters: [CitationCluster(items: items)]).citations.first ?? .empty
  }

  /// Renders a whole document: every citation in order, then the bibliography of the cited items
  /// (of all references when there are no citations). With `.explicitOnly` positions, each
  /// citation is rendered as if it stood alone.
  public func render(
    references: [Reference], clusters: [CitationCluster], positions: PositionTracking = .automatic
  ) -> DocumentOutput {
    var session = RenderSession(
      processor: self, references: references, clusters: clusters, positionTracking: positions)
    return session.run()
  }

  func evaluator(for reference: Reference, mode: RenderMode, inCitation: Bool, cite: CiteContext) -> Evaluator
  {
    var evaluator = Evaluator(
      reference: reference, context: evaluationContext, mode: mode, inCitation: inCitation, cite: cite)
    evaluator.appendsYearSuffix = !styleRendersYearSuffix
    return evaluator
  }
}
