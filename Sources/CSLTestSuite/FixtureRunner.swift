import Citeproc
import CiteprocData

/// Runs one fixture through the engine and produces its output in the suite's format.
package struct FixtureRunner: Sendable {
  package var localesDirectory: String?
  /// Whether the fixture's references are trimmed to the variables the style reads (see
  /// ``ReferenceTrimmer``) before they are formatted.
  package var trimsReferences: Bool

  package init(localesDirectory: String?, trimsReferences: Bool = false) {
    self.localesDirectory = localesDirectory
    self.trimsReferences = trimsReferences
  }

  /// The output of `fixture`, or a description of why it could not run (as `.failure`).
  package func run(_ fixture: Fixture) -> Result<String, FixtureFailure> {
    var fixture = fixture
    let loaded: LoadedStyle
    do {
      loaded = try StyleLoader().load(xml: fixture.csl, file: fixture.name + ".txt")
    } catch {
      return .failure(FixtureFailure(message: error.description))
    }
    let (locale, _) = LocaleLoader(directory: localesDirectory).locale(for: loaded.style)
    let processor = Processor(style: loaded.style, locale: locale)
    let html = HTMLFormat()
    if trimsReferences {
      let trimmer = processor.referenceTrimmer
      fixture.input = fixture.input.map(trimmer.trimmed)
    }

    if let steps = fixture.citations {
      return .success(replay(steps, processor: processor, fixture: fixture, html: html))
    }
    var clusters: [CitationCluster] = []
    if let items = fixture.citationItems {
      clusters = items.enumerated().map { index, cites in
        CitationCluster(items: cites, noteIndex: index + 1)
      }
    } else if fixture.mode == .citation {
      // One cite per distinct id (a repeated id is one item: the later record).
      // The reference harness registers the items first and cites them in the registry's
      // order, which is the bibliography's sort when the style has one.
      var seen = Set<String>()
      var ids = fixture.input.map(\.id).filter { seen.insert($0).inserted }
      if let bibliography = loaded.style.bibliography, !bibliography.sort.isEmpty {
        let sorted = processor.bibliography(fixture.input).map(\.id)
        let listed = Set(sorted)
        ids = sorted + ids.filter { !listed.contains($0) }
      }
      clusters = [CitationCluster(items: ids.map { CiteItem(id: $0) })]
    }
    // Listed citations are rendered each on its own (positions only as the cites force them).
    let output = processor.render(references: fixture.input, clusters: clusters, positions: .explicitOnly)
    switch fixture.mode {
    case .citation:
      return .success(output.citations.map { html.string(for: $0) }.joined(separator: "\n"))
    case .bibliography:
      return .success(
        Self.trimmed(html.bibliography(output.bibliography, layout: processor.bibliographyLayout)))
    }
  }

  /// The suite's RESULT has no final newline.
  static func trimmed(_ s: String) -> String {
    var s = s
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }

  /// Replays the insertion steps; the final document is rendered, and the citations that the last
  /// step added or had to update are marked `>>`, the others `..`.
  ///
  /// A citation needs updating when its text changes, when a cite's position, near-note or
  /// first-reference-note-number changes, or when it cites an item whose
  /// first-reference-note-number changed in any citation.
  private func replay(_ steps: [CitationStep], processor: Processor, fixture: Fixture, html: HTMLFormat)
    -> String
  {
    var known: [String: CitationInsertion] = [:]
    var previousTexts: [String: String] = [:]
    var previousStates: [String: [CiteState]] = [:]
    for (stepIndex, step) in steps.enumerated() {
      known[step.citation.citationID] = step.citation
      let document =
        step.citationsPre.map { ($0.citationID, $0.noteIndex) }
        + [(step.citation.citationID, step.citation.noteIndex)]
        + step.citationsPost.map { ($0.citationID, $0.noteIndex) }
      let placed = document.compactMap { id, note in known[id].map { (id, $0, note) } }
      let clusters = placed.map { _, citation, note in
        CitationCluster(items: citation.items, noteIndex: note)
      }
      let ids = placed.map(\.0)
      let output = processor.render(references: fixture.input, clusters: clusters)
      let texts = output.citations.map { html.string(for: $0) }
      let states = output.citeStates
      if stepIndex < steps.count - 1 {
        previousTexts = [:]
        previousStates = [:]
        for (index, id) in ids.enumerated() {
          if index < texts.count { previousTexts[id] = texts[index] }
          if index < states.count { previousStates[id] = states[index] }
        }
        continue
      }
      if fixture.mode == .bibliography {
        return Self.trimmed(html.bibliography(output.bibliography, layout: processor.bibliographyLayout))
      }
      var movedItems = Set<String>()
      for (index, id) in ids.enumerated() where index < states.count && id != step.citation.citationID {
        guard let before = previousStates[id], before.count == states[index].count else { continue }
        for (old, new) in zip(before, states[index])
        where old.firstReferenceNoteNumber != new.firstReferenceNoteNumber {
          movedItems.insert(new.id)
        }
      }
      var lines: [String] = []
      for (index, id) in ids.enumerated() {
        let text = index < texts.count ? texts[index] : ""
        let state = index < states.count ? states[index] : []
        let changed =
          id == step.citation.citationID || previousTexts[id] != text || previousStates[id] != state
          || state.contains { movedItems.contains($0.id) }
        lines.append((changed ? ">>[" : "..[") + String(index) + "] " + text)
      }
      return lines.joined(separator: "\n")
    }
    return ""
  }
}

package struct FixtureFailure: Error, Sendable {
  package var message: String
}
