import CiteprocData

/// Renders cites the way disambiguation compares them. Holds only what a render needs, so that
/// many cites can render at once.
struct DisambiguationRenderer: Sendable {
  let processor: Processor
  let references: [Reference]
  let citationNumber: [Int?]
  /// The citation layout.
  let layout: [RenderElement]

  init(processor: Processor, references: [Reference], citationNumber: [Int?]) {
    self.processor = processor
    self.references = references
    self.citationNumber = citationNumber
    layout = processor.style.citation.layout.elements
  }

  /// A renderer for another thread, with its own copy of the style (see ``Processor/unshared()``).
  func unshared() -> DisambiguationRenderer {
    DisambiguationRenderer(
      processor: processor.unshared(), references: references, citationNumber: citationNumber)
  }

  /// Hands back the processor of a renderer made by ``unshared()`` (see ``Processor/recycle(_:)``).
  func recycle(_ copy: DisambiguationRenderer) {
    processor.recycle(copy.processor)
  }

  /// The plain text of an item's cite with `state`, the name lists it rendered, and how many
  /// `disambiguate="true"` tests it made (see ``CiteContext/disambiguateTests``). Cites are
  /// compared in their subsequent form (the shortest a style gives), without year-suffix.
  func render(_ index: Int, _ state: CiteContext) -> (
    key: String, lists: [RenderedNameList], testsMade: Int
  ) {
    var context = state
    context.position = .subsequent
    context.nearNote = true
    context.citationNumber = citationNumber[index]
    context.yearSuffix = nil
    // The date of access says nothing about which work is cited.
    var reference = references[index]
    reference.removeDate("accessed")
    var evaluator = processor.evaluator(for: reference, mode: .citation, inCitation: true, cite: context)
    evaluator.renderedNameLists = []
    // Cites are compared by their text alone.
    evaluator.marksForLaterPasses = false
    let (node, _) = evaluator.render(layout)
    return (node.plainText, evaluator.renderedNameLists ?? [], evaluator.disambiguateTestsMade)
  }
}
