import CiteprocReaders
import Foundation
import Testing

@testable import Citeproc

/// The address of the storage of a string longer than 15 UTF-8 bytes (shorter ones are stored
/// inline and have none).
private func storage(_ string: String) -> UnsafeRawPointer? {
  guard string.utf8.count > 15 else { return nil }
  return string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
}

/// The address of the storage of a list of elements (an empty list has none of its own).
private func storage(_ elements: [RenderElement]) -> UnsafeRawPointer? {
  guard !elements.isEmpty else { return nil }
  return elements.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
}

/// The storage of the long strings and of the lists of elements under `elements`.
private func storages(_ elements: [RenderElement], into found: inout Set<UnsafeRawPointer>) {
  if let address = storage(elements) { found.insert(address) }
  func add(_ string: String?) {
    if let string, let address = storage(string) { found.insert(address) }
  }
  func add(_ decorations: Decorations) {
    add(decorations.prefix)
    add(decorations.suffix)
  }
  for element in elements {
    switch element {
    case .text(let text):
      add(text.decorations)
      switch text.source {
      case .variable(let variable, _): add(variable.name)
      case .term(let name, _, _), .value(let name): add(name)
      case .macro(let name, let body):
        add(name)
        storages(body, into: &found)
      }
    case .date(let date):
      add(date.variable)
      add(date.decorations)
    case .number(let number):
      add(number.variable)
      add(number.decorations)
    case .names(let names):
      names.variables.forEach { add($0) }
      add(names.decorations)
      add(names.name.delimiter)
      storages(names.substitute ?? [], into: &found)
    case .label(let label): add(label.decorations)
    case .group(let group):
      add(group.delimiter)
      add(group.decorations)
      storages(group.children, into: &found)
    case .choose(let choose):
      for branch in choose.branches {
        for case .variable(let variable) in branch.conditions { add(variable.name) }
        storages(branch.body, into: &found)
      }
      storages(choose.elseBody, into: &found)
    }
  }
}

private func storages(_ style: Style) -> Set<UnsafeRawPointer> {
  var found = Set<UnsafeRawPointer>()
  storages(style.citation.layout.elements, into: &found)
  storages(style.bibliography?.layout.elements ?? [], into: &found)
  return found
}

/// Styles rendered on several cores use a copy for each core (`Style.unshared()`): it must be the
/// same style, held in storage of its own.
@Suite struct UnsharingTests {
  @Test(arguments: StyleLoader.builtInNames)
  func builtInStyleCopyIsEqualAndOwnsItsStorage(name: String) throws {
    try expectEqualWithOwnStorage(StyleLoader().load(name).style, name)
  }

  @Test(.enabled(if: TestPaths.sharedExists, "../shared is absent: official styles not available"))
  func officialStyleCopiesAreEqualAndOwnTheirStorage() throws {
    for name in ["apa", "chicago-author-date", "modern-language-association", "elsevier-harvard", "ieee"] {
      try expectEqualWithOwnStorage(
        StyleLoader().load(TestPaths.sharedPath("csl-styles/\(name).csl")).style, name)
    }
  }

  private func expectEqualWithOwnStorage(
    _ style: Style, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let copy = style.unshared()
    #expect(copy.info == style.info, "\(name)", sourceLocation: sourceLocation)
    #expect(copy.styleClass == style.styleClass, "\(name)", sourceLocation: sourceLocation)
    #expect(copy.defaultLocale == style.defaultLocale, "\(name)", sourceLocation: sourceLocation)
    #expect(copy.options == style.options, "\(name)", sourceLocation: sourceLocation)
    #expect(copy.localeOverrides == style.localeOverrides, "\(name)", sourceLocation: sourceLocation)
    #expect(copy.citation == style.citation, "\(name): citation", sourceLocation: sourceLocation)
    #expect(copy.bibliography == style.bibliography, "\(name): bibliography", sourceLocation: sourceLocation)
    #expect(copy.variableWords == style.variableWords, "\(name)", sourceLocation: sourceLocation)
    let original = storages(style)
    let copied = storages(copy)
    // Lists of elements and long strings (variable names such as container-title-short) exist.
    // (The copy may hold more: a string the original holds in several places is copied for each.)
    #expect(original.count > 10, "\(name)", sourceLocation: sourceLocation)
    #expect(copied.count >= original.count, "\(name)", sourceLocation: sourceLocation)
    #expect(copied.isDisjoint(with: original), "\(name)", sourceLocation: sourceLocation)
  }

  @Test func aListHeldInSeveralPlacesStaysOneList() throws {
    let xml = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id></info>
        <macro name="title"><text variable="title" prefix="a long prefix of text"/></macro>
        <citation><layout><text macro="title"/><group><text macro="title"/></group></layout></citation>
        <bibliography><layout><text macro="title"/></layout></bibliography>
      </style>
      """
    let style = try StyleLoader().load(xml: xml).style
    let copy = style.unshared()
    func macroBodies(_ elements: [RenderElement]) -> [[RenderElement]] {
      elements.flatMap { element -> [[RenderElement]] in
        switch element {
        case .text(let text):
          if case .macro(_, let body) = text.source { return [body] }
          return []
        case .group(let group): return macroBodies(group.children)
        default: return []
        }
      }
    }
    let originalBodies =
      macroBodies(style.citation.layout.elements) + macroBodies(style.bibliography?.layout.elements ?? [])
    let copiedBodies =
      macroBodies(copy.citation.layout.elements) + macroBodies(copy.bibliography?.layout.elements ?? [])
    #expect(originalBodies.count == 3 && copiedBodies.count == 3)
    #expect(copiedBodies == originalBodies)
    // The compiler shares the body between the calls; so does the copy, in storage of its own.
    let originalAddresses = Set(originalBodies.compactMap(storage))
    let copiedAddresses = Set(copiedBodies.compactMap(storage))
    #expect(originalAddresses.count == 1)
    #expect(copiedAddresses.count == 1)
    #expect(copiedAddresses.isDisjoint(with: originalAddresses))
  }

  /// The copy of the locale (terms, date formats, ordinals) and of the style print the same.
  @Test(
    .enabled(if: TestPaths.sharedExists, "../shared is absent: RIS samples not available"),
    arguments: StyleLoader.builtInNames + ["apa", "chicago-author-date"])
  func aCopiedProcessorPrintsTheSame(name: String) throws {
    let path = StyleLoader.builtInNames.contains(name) ? name : TestPaths.sharedPath("csl-styles/\(name).csl")
    let loaded = try StyleLoader().load(path)
    let (locale, _) = LocaleLoader(directory: TestPaths.sharedPath("csl-locales")).locale(for: loaded.style)
    let processor = Processor(style: loaded.style, locale: locale)
    let copy = processor.unshared()
    var references: [Reference] = []
    let samples = TestPaths.sharedPath("ris-samples")
    for file in try FileManager.default.contentsOfDirectory(atPath: samples).sorted()
    where file.hasSuffix(".ris") {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(samples)/\(file)"))
      let result = RISReader().read(Array(bytes), file: file)
      references += result.references.prefix(20)
    }
    #expect(references.count > 50)
    let format = PlainTextFormat()
    let original = processor.bibliography(references).map { format.string(for: $0.content) }
    let copied = copy.bibliography(references).map { format.string(for: $0.content) }
    #expect(copied == original)
    let items = references.prefix(30).map { CiteItem(id: $0.id) }
    #expect(
      format.string(for: copy.citation(items, references: references))
        == format.string(for: processor.citation(items, references: references)))
  }
  /// A processor keeps the copies its workers hand back and gives them out again, so that each
  /// batch of a long bibliography does not copy the style anew; it keeps no more than there are
  /// cores, and a copy given out is never the original nor shared by two holders.
  @Test func handedBackCopiesAreGivenOutAgain() throws {
    let loaded = try StyleLoader().load("harvard")
    let processor = Processor(style: loaded.style, locale: LocaleLoader().locale(for: loaded.style).0)
    let original = storages(processor.style)
    let first = processor.unshared()
    let firstStorage = storages(first.style)
    #expect(firstStorage.isDisjoint(with: original))
    processor.recycle(first)
    let again = processor.unshared()
    #expect(storages(again.style) == firstStorage, "the copy handed back is given out again")
    // The one kept copy is out: the next is new.
    let second = processor.unshared()
    #expect(storages(second.style).isDisjoint(with: firstStorage))
    #expect(storages(second.style).isDisjoint(with: original))
    // Copies do not keep copies of their own.
    again.recycle(second)
    #expect(storages(again.unshared().style).isDisjoint(with: storages(second.style)))

    let limit = Parallel.workerLimit
    let many = (0...limit).map { _ in processor.unshared() }
    for copy in many { processor.recycle(copy) }
    let taken = (0...limit).map { _ in storages(processor.unshared().style) }
    let kept = Set(many.prefix(limit).map { storages($0.style) })
    let keptGivenOut = Set(taken.prefix(limit)) == kept
    #expect(keptGivenOut, "the \(limit) copies kept are given out again")
    #expect(!kept.contains(taken[limit]), "a copy beyond the limit is not kept")
  }
}
